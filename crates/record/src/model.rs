//! The record types of SCHEMA.md §1: field names and meanings are fixed.

use serde::{Deserialize, Serialize};

pub use jixiao_table::vocab::{FundCategory, Level1Class};
pub use jixiao_table::{Origin, Repair};

/// The schema version written into every record.
pub const SCHEMA_VERSION: u32 = 1;

/// Where a record came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The input path as given.
    pub file: String,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    /// The form's 0-based position in its file.
    #[serde(default)]
    pub form_index: usize,
    /// 1-based pages the form was printed on (empty for text input, which
    /// has no pages).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// What the reader recovered from while reading this form's pages (a
    /// damaged file, an unreadable font or object), each naming its page.
    /// Absent when there was nothing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Which kind of form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FormKind {
    /// 项目支出绩效自评表 (project expenditure).
    #[default]
    Project,
    /// 部门整体支出绩效自评表 (department as a whole).
    Department,
}

/// One row of the 项目资金 (project funds) block.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Fund {
    /// The printed label, normalised, without a trailing colon.
    pub label: String,
    /// What the label means.
    pub category: FundCategory,
    /// 年初预算数.
    pub initial_budget: Option<f64>,
    /// 全年预算数.
    pub annual_budget: Option<f64>,
    /// 全年执行数.
    pub executed: Option<f64>,
    /// 分值 / 分数: the weight of budget execution in the total score.
    pub weight: Option<f64>,
    /// 执行率, a percentage (85.35, not 0.8535).
    pub execution_rate: Option<f64>,
    /// 得分.
    pub score: Option<f64>,
    /// The 原因 / 偏差原因 cell of the funds block.
    #[serde(default)]
    pub reason: Option<String>,
}

/// 年度总体目标 (overall annual goals).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Goals {
    /// 预期目标.
    pub expected: Option<String>,
    /// 实际完成情况.
    pub achieved: Option<String>,
}

/// A comparison operator of a target or actual value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// ≥
    #[serde(rename = ">=")]
    Ge,
    /// ≤
    #[serde(rename = "<=")]
    Le,
    /// >
    #[serde(rename = ">")]
    Gt,
    /// <
    #[serde(rename = "<")]
    Lt,
    /// =
    #[serde(rename = "=")]
    Eq,
}

/// A target (年度指标值) or actual (实际完成值) cell, parsed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Value {
    /// The cell after text normalisation.
    pub text: String,
    /// The comparison operator, if the text starts with one.
    pub op: Option<Op>,
    /// The number, if the text is quantitative.
    pub value: Option<f64>,
    /// The unit in brackets or trailing (`%`, `人次`), if any.
    pub unit: Option<String>,
}

/// One row of the indicator table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// 一级指标, carried down from a merged cell.
    pub level1: Option<String>,
    /// 二级指标, carried down from a merged cell.
    pub level2: Option<String>,
    /// 三级指标: the indicator's name.
    pub name: String,
    /// 年度指标值.
    pub target: Value,
    /// 实际完成值.
    pub actual: Value,
    /// 分值.
    pub weight: Option<f64>,
    /// 得分.
    pub score: Option<f64>,
    /// 偏差原因分析及改进措施, None when empty.
    pub deviation: Option<String>,
    /// The points a trailing `(50分)` in the 一级 label gives.
    #[serde(default)]
    pub level1_weight: Option<f64>,
    /// The points a trailing `(20分)` in the 二级 label gives.
    #[serde(default)]
    pub level2_weight: Option<f64>,
    /// What the 一级 label is about; None when there is no 一级 label.
    #[serde(default)]
    pub level1_class: Option<Level1Class>,
    /// The 指标性质 cell (定量, 定性, ≥ …).
    #[serde(default)]
    pub nature: Option<String>,
    /// A separate 改进措施 column.
    #[serde(default)]
    pub improvement: Option<String>,
    /// A 复核分 / 财政审核评分 column.
    #[serde(default)]
    pub review_score: Option<f64>,
    /// A scoring-standard column (评分标准, 评价标准).
    #[serde(default)]
    pub criteria: Option<String>,
    /// A 指标解释 column.
    #[serde(default)]
    pub explanation: Option<String>,
    /// A 是否核心指标 column: 是 → true, 否 → false.
    #[serde(default)]
    pub core: Option<bool>,
}

/// A labelled cell no other field takes (项目负责人, 填报日期, 说明 …), in
/// printed order, so nothing printed is lost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extra {
    /// The label, normalised, without a trailing colon.
    pub label: String,
    /// The value's text, None when the form leaves it empty.
    pub value: Option<String>,
}

/// One form, as SCHEMA.md §1 describes it (without the validator's
/// `checks` and `rescored`, which the checks crate adds).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormRecord {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// `<first 16 hex digits of source.sha256>-<form_index>`: the key flat
    /// outputs join on. Set with the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where it came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Project or department form.
    pub kind: FormKind,
    /// The printed title, e.g. 财政项目支出绩效自评表; None when the form
    /// has no title line.
    pub title: Option<String>,
    /// From the title line, e.g. `(2024年度)`.
    pub year: Option<i32>,
    /// 项目名称.
    pub project_name: Option<String>,
    /// 主管部门.
    pub department: Option<String>,
    /// 实施单位.
    pub implementer: Option<String>,
    /// The unit of the funds block, e.g. 万元.
    pub fund_unit: Option<String>,
    /// The funds block, in printed order.
    pub funds: Vec<Fund>,
    /// The goals block.
    pub goals: Goals,
    /// The indicators, in printed order.
    pub indicators: Vec<Indicator>,
    /// 总分 weight column (usually 100).
    pub total_weight: Option<f64>,
    /// 总分 score column.
    pub total_score: Option<f64>,
    /// 评分等级, e.g. 优.
    pub grade: Option<String>,
    /// A reviewer's total beside the self score (复核分, 财政审核评分).
    #[serde(default)]
    pub review_score: Option<f64>,
    /// The 评价结论 text.
    #[serde(default)]
    pub conclusion: Option<String>,
    /// The 存在问题 text (also a single 存在问题及改进措施 cell).
    #[serde(default)]
    pub problems: Option<String>,
    /// The 改进措施 text.
    #[serde(default)]
    pub measures: Option<String>,
    /// Every other labelled cell of the header or footer, in printed order.
    #[serde(default)]
    pub extra: Vec<Extra>,
    /// What the reconstructor repaired to build this record; the checks crate
    /// turns each into a `repaired` check.
    #[serde(skip)]
    pub repairs: Vec<Repair>,
    /// Where each field was printed, by JSON path (`project_name`,
    /// `funds[0].executed`, `indicators[3].target.text`), in record order:
    /// SCHEMA.md §1d. Empty unless [`form_to_provenance`] filled it (it is
    /// written only on request).
    ///
    /// [`form_to_provenance`]: crate::form_to_provenance
    #[serde(skip)]
    pub provenance: Vec<(String, Vec<Origin>)>,
    /// How many decimals each number was printed with, by JSON path
    /// (`total_score`, `funds[0].execution_rate`, `indicators[3].actual`):
    /// `93.7` and `93.70` are one number but not one precision, and the
    /// checks compare within half a unit of the last printed digit.
    #[serde(skip)]
    pub decimals: std::collections::BTreeMap<String, u8>,
    /// True when the form prints no 分值/得分 at all (no such column, no
    /// 总分 row): the checks then expect no weights and scores.
    #[serde(skip)]
    pub unscored: bool,
    /// The weight and score columns the form does not print (where its
    /// headers were read): the checks expect no cells there.
    #[serde(skip)]
    pub unprinted: Unprinted,
}

/// Weight and score columns a form does not print; all false (nothing
/// known to be missing) unless its headers say so.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unprinted {
    /// No funds block at all (department rubric forms).
    pub funds: bool,
    /// No total weight: the total is printed in the header (自评总分) and
    /// no 总分 row sums the weights.
    pub total_weight: bool,
    /// No 分值 column in the funds block.
    pub fund_weight: bool,
    /// No 得分 column in the funds block.
    pub fund_score: bool,
    /// No 分值 column in the indicator block.
    pub indicator_weight: bool,
    /// No 得分 column in the indicator block.
    pub indicator_score: bool,
}

impl FormRecord {
    /// Sets `source` and the `id` derived from it.
    pub fn set_source(&mut self, source: Source) {
        self.id = Some(record_id(&source.sha256, source.form_index));
        self.source = Some(source);
    }
}

/// The join key of SCHEMA.md §1: `<first 16 hex digits of sha256>-<form_index>`.
pub fn record_id(sha256: &str, form_index: usize) -> String {
    let head: String = sha256.chars().take(16).collect();
    format!("{head}-{form_index}")
}
