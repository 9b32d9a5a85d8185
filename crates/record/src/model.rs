//! The record types of SCHEMA.md §1: field names and meanings are fixed.

use serde::{Deserialize, Serialize};

/// The schema version written into every record.
pub const SCHEMA_VERSION: u32 = 1;

/// Where a record came from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The input path as given.
    pub file: String,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FormKind {
    /// 项目支出绩效自评表 (project expenditure).
    Project,
    /// 部门整体支出绩效自评表 (department as a whole).
    Department,
}

/// The kind of a fund row, from its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundCategory {
    /// 年度资金总额.
    Total,
    /// 当年财政拨款, 财政拨款, 本级财政资金.
    CurrentAppropriation,
    /// 上年结转资金.
    Carryover,
    /// 其他资金.
    Other,
    /// 中央补助, 中央财政资金.
    Central,
    /// 地方资金, 省级资金, 市县资金.
    Local,
    /// Any other label.
    Unknown,
}

/// One row of the 项目资金 (project funds) block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
}

/// One form, as SCHEMA.md §1 describes it (without the validator's
/// `checks` and `rescored`, which the checks crate adds).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormRecord {
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: u32,
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
    /// What the reconstructor repaired to build this record; the checks crate
    /// turns each into a `repaired` check.
    #[serde(skip)]
    pub repairs: Vec<String>,
    /// How many decimals each number was printed with, by JSON path
    /// (`total_score`, `funds[0].execution_rate`, `indicators[3].actual`):
    /// `93.7` and `93.70` are one number but not one precision, and the
    /// checks compare within half a unit of the last printed digit.
    #[serde(skip)]
    pub decimals: std::collections::BTreeMap<String, u8>,
}
