//! The seam this crate owns: one finding about one field of a record.

use std::fmt;

use jixiao_record::Origin;
use serde::Serialize;

/// How bad a finding is.
///
/// The split follows what a reader of the form must do about it:
/// - `Error`: the printed numbers contradict each other arithmetically, or a
///   field every form has is gone; the record cannot be trusted as printed.
/// - `Warning`: the form is internally consistent but disagrees with itself in
///   substance (two blocks report different figures, a missed target scores
///   full marks, a lost score was not explained), or a cell was lost.
/// - `Info`: context for the reader, never a fault: what re-scoring gives, what
///   the reconstructor repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The record contradicts itself or lacks a field every form has.
    Error,
    /// Worth a human look.
    Warning,
    /// For information only.
    Info,
}

impl Severity {
    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The check codes of SCHEMA.md §1, serialised as their snake_case names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckCode {
    /// Fund weight + indicator weights ≠ `total_weight` (error).
    WeightsSum,
    /// Fund score + indicator scores ≠ `total_score` beyond rounding (error).
    ScoresSum,
    /// A score is greater than its weight (error).
    ScoreExceedsWeight,
    /// executed / annual_budget × 100 disagrees with the printed rate (error),
    /// or a 预算执行率 indicator disagrees with the funds block (warning).
    ExecutionRate,
    /// min(rate, 100) × weight / 100 disagrees with the printed fund score
    /// (error).
    FundScore,
    /// The grade disagrees with `total_score` (error).
    Grade,
    /// A quantitative actual misses its target, yet the score is full
    /// (warning).
    TargetNotMet,
    /// Score < weight and no deviation reason (warning).
    DeviationMissing,
    /// A field every form has was not found (error for the record's identity
    /// and totals, warning for a single lost cell).
    MissingField,
    /// A printed indicator score differs from the rescored one by more than
    /// 0.5 (info).
    RescoreDiffers,
    /// The reconstructor repaired something to build the record (info).
    Repaired,
}

impl CheckCode {
    /// Every code, in the order of SCHEMA.md's table.
    pub const ALL: [CheckCode; 11] = [
        CheckCode::WeightsSum,
        CheckCode::ScoresSum,
        CheckCode::ScoreExceedsWeight,
        CheckCode::ExecutionRate,
        CheckCode::FundScore,
        CheckCode::Grade,
        CheckCode::TargetNotMet,
        CheckCode::DeviationMissing,
        CheckCode::MissingField,
        CheckCode::RescoreDiffers,
        CheckCode::Repaired,
    ];

    /// The snake_case code, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckCode::WeightsSum => "weights_sum",
            CheckCode::ScoresSum => "scores_sum",
            CheckCode::ScoreExceedsWeight => "score_exceeds_weight",
            CheckCode::ExecutionRate => "execution_rate",
            CheckCode::FundScore => "fund_score",
            CheckCode::Grade => "grade",
            CheckCode::TargetNotMet => "target_not_met",
            CheckCode::DeviationMissing => "deviation_missing",
            CheckCode::MissingField => "missing_field",
            CheckCode::RescoreDiffers => "rescore_differs",
            CheckCode::Repaired => "repaired",
        }
    }
}

impl fmt::Display for CheckCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding: serialised as SCHEMA.md §1's
/// `{"code", "severity", "path", "message"}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// What was checked.
    pub code: CheckCode,
    /// How bad it is.
    pub severity: Severity,
    /// The JSON path of the field, e.g. `indicators[3].score`,
    /// `funds[0].execution_rate`, `total_score`.
    pub path: String,
    /// What was found, with the numbers (expected vs printed).
    pub message: String,
    /// Where a finding that is not about one field happened (the cells a
    /// repair touched); a field's finding is located through the record's
    /// provenance instead. Written only with the provenance (SCHEMA.md §1d).
    #[serde(skip)]
    pub at: Vec<Origin>,
}

impl Check {
    /// A finding about the field at `path`.
    pub fn new(
        code: CheckCode,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Check {
        Check { code, severity, path: path.into(), message: message.into(), at: Vec::new() }
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{} {}: {}", self.severity, self.code, self.message)
        } else {
            write!(f, "{} {} {}: {}", self.severity, self.code, self.path, self.message)
        }
    }
}
