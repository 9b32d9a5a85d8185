//! Table: the reconstructor. Takes the page-ordered [`Row`](jixiao_layout::Row)s of the layout
//! crate (from either front end) and gives one [`Form`] per printed form: its
//! logical [`Grid`] (joined across pages, merged cells as spans) and its
//! blocks read by label (header, 项目资金 funds, 年度总体目标 goals,
//! indicators, 总分 total, 评分等级 grade), with every repair it made.
//!
//! # Brief overview
//! - [`rows_to_forms`]: the whole reconstruction; [`rows_to_forms_with`] takes
//!   other [`TableSettings`] (the tolerances of joining pages).
//! - [`Grid`] and [`GridCell`]: the table as drawn (SCHEMA.md §2).
//! - [`Form`] with [`FundRow`], [`IndicatorRow`]: blocks as printed texts
//!   (normalised, not yet parsed into numbers: the record crate does that).
//! - [`text::normalize`]: the text normalisation rule of SCHEMA.md.
//!
//! The reconstructor knows the layout of 绩效自评表 forms, by their labels,
//! never by line numbers. It does not decode PDFs and does not judge the
//! numbers.
//!
//! # Example
//! ```
//! use jixiao_layout::text::text_to_rows;
//! use jixiao_table::rows_to_forms;
//! let dump = "财政项目支出绩效自评表\n(2024年度)\n\
//!     项目名称\t\t测试项目\n\
//!     一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
//!     产出 指标\t数量 指标\t培训人次\t≥300(人次)\t320(人次)\t10.00\t10.00\t\n\
//!     \t时效\t完成及时性\t及时\t达成指标\t5.00\t5.00\t\n\
//!     \n\
//!     \t指标\t\t\t\t\t\t\n\
//!     总分\t\t\t\t100.00\t97.54\n";
//! let forms = rows_to_forms(&text_to_rows(dump));
//! assert_eq!(forms.len(), 1);
//! let f = &forms[0];
//! assert_eq!(f.project_name.as_deref(), Some("测试项目"));
//! assert_eq!(f.indicators[1].level1.as_deref(), Some("产出指标"));
//! assert_eq!(f.indicators[1].level2.as_deref(), Some("时效指标"));
//! assert_eq!(f.repairs.len(), 1);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod grid;
mod input;
mod join;
mod printed;
mod reconstruct;
mod row;
mod settings;
pub mod text;
pub mod token;
pub mod vocab;

pub use grid::{Grid, GridCell};
pub use jixiao_layout::Origin;
pub use printed::{Repair, RepairKind, Text};
pub use reconstruct::{rows_to_forms, rows_to_forms_with};
pub use settings::TableSettings;

use serde::Serialize;

/// One printed form, reconstructed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Form {
    /// The title line, e.g. 财政项目支出绩效自评表.
    pub title: Option<Text>,
    /// The year, from a `(2024年度)` line or the title.
    pub year: Option<i32>,
    /// Where the year was printed (the year line or the title).
    pub year_at: Vec<Origin>,
    /// Pages the form's table was printed on.
    pub pages: Vec<u32>,
    /// The logical grid, joined across pages.
    pub grid: Grid,
    /// 项目名称.
    pub project_name: Option<Text>,
    /// 主管部门.
    pub department: Option<Text>,
    /// 实施单位.
    pub implementer: Option<Text>,
    /// The unit printed in the funds label, e.g. 万元 from 项目资金(万元).
    pub fund_unit: Option<Text>,
    /// Rows of the funds block.
    pub funds: Vec<FundRow>,
    /// 预期目标.
    pub goal_expected: Option<Text>,
    /// 实际完成情况.
    pub goal_achieved: Option<Text>,
    /// Indicator rows, levels carried down.
    pub indicators: Vec<IndicatorRow>,
    /// 总分: the weight column.
    pub total_weight: Option<Text>,
    /// 总分: the score column.
    pub total_score: Option<Text>,
    /// 评分等级.
    pub grade: Option<Text>,
    /// 复核分 / 财政审核评分: a reviewer's total.
    pub review_score: Option<Text>,
    /// 评价结论.
    pub conclusion: Option<Text>,
    /// 存在问题.
    pub problems: Option<Text>,
    /// 改进措施.
    pub measures: Option<Text>,
    /// Labelled cells no field takes, in printed order: (label, value).
    pub extra: Vec<(Text, Option<Text>)>,
    /// What was joined, completed or dropped to build this form.
    pub repairs: Vec<Repair>,
    /// Which blocks, rows and weight and score columns the form prints: the
    /// checks expect those cells only.
    pub printed: Printed,
}

/// The blocks, total rows and weight and score columns a form prints
/// (分值/权重, 得分).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Printed {
    /// A funds block was read.
    pub funds_block: bool,
    /// A 总分 / 合计 row was read.
    pub total_row: bool,
    /// The total score is printed in the header (自评总分).
    pub header_total: bool,
    /// A funds header was read (it named at least one column).
    pub fund_header: bool,
    /// An indicator header was read.
    pub indicator_header: bool,
    /// The funds header names a 分值 column.
    pub fund_weight: bool,
    /// The funds header names a 得分 column.
    pub fund_score: bool,
    /// The indicator header names a 分值 column.
    pub indicator_weight: bool,
    /// The indicator header names a 得分 column.
    pub indicator_score: bool,
}

impl Printed {
    /// True when the form prints 分值/得分 somewhere (a column of its funds
    /// or indicator header, a 总分 row, a 自评总分 cell): templates without
    /// scores (transfer-payment target forms) lack none.
    pub fn scored(&self) -> bool {
        self.fund_weight
            || self.fund_score
            || self.indicator_weight
            || self.indicator_score
            || self.total_row
            || self.header_total
    }
}

/// A row of the funds block: the label and its six printed values (None
/// where the column is absent or the cell empty).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FundRow {
    /// The label, normalised.
    pub label: Text,
    /// 年初预算数.
    pub initial_budget: Option<Text>,
    /// 全年预算数.
    pub annual_budget: Option<Text>,
    /// 全年执行数.
    pub executed: Option<Text>,
    /// 分值 / 分数.
    pub weight: Option<Text>,
    /// 执行率.
    pub execution_rate: Option<Text>,
    /// 得分.
    pub score: Option<Text>,
    /// 原因: why the funds were not spent as budgeted.
    pub reason: Option<Text>,
    /// Cells under columns no field takes (中央 | 省、地 | 本级 …), with
    /// their header text: kept in the record's `extra`.
    pub other: Vec<(String, Text)>,
}

/// An indicator row, texts normalised, levels filled from merged cells.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct IndicatorRow {
    /// 一级指标.
    pub level1: Option<Text>,
    /// 二级指标.
    pub level2: Option<Text>,
    /// 三级指标.
    pub name: Text,
    /// 年度指标值.
    pub target: Option<Text>,
    /// 实际完成值.
    pub actual: Option<Text>,
    /// 分值.
    pub weight: Option<Text>,
    /// 得分.
    pub score: Option<Text>,
    /// 偏差原因分析及改进措施.
    pub deviation: Option<Text>,
    /// 指标性质 (定量, 定性, or the target's operator).
    pub nature: Option<Text>,
    /// 度量单位 / 计量单位: the target's unit in a column of its own.
    pub unit: Option<Text>,
    /// 改进措施 in a column of its own.
    pub improvement: Option<Text>,
    /// 复核分.
    pub review_score: Option<Text>,
    /// 评分标准.
    pub criteria: Option<Text>,
    /// 指标解释.
    pub explanation: Option<Text>,
    /// 是否核心指标.
    pub core: Option<Text>,
    /// Cells of columns no field takes: (header text, cell text).
    pub other: Vec<(String, Text)>,
}
