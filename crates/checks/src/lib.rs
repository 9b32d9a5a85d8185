//! Checks: the validator. Takes a [`FormRecord`] as the record crate gives it
//! and gives an [`Audit`]: the [`Check`]s that fill SCHEMA.md §1's `checks`
//! (arithmetic, consistency between blocks, missing fields, repairs) and the
//! scores the usual rules give beside the printed ones (`rescored`). It also
//! renders the audit report over many forms, as text and as JSON.
//!
//! It does not read files, parse forms or print: the cli crate loads the
//! records and writes what this crate renders. It does not judge text: goals
//! that contradict the indicators (04, 15, 18 of the Putuo forms) or marks
//! that ignore a stated shortfall are beyond arithmetic.
//!
//! # Brief overview
//!
//! - [`audit`] runs every check and re-scores one record, giving an [`Audit`].
//! - [`Check`] is one finding: a [`CheckCode`], a [`Severity`], the JSON path
//!   of the field and a message with the numbers.
//! - [`Rescored`] holds the recomputed fund score, total and grade; the
//!   rescored indicator scores are [`Audit::indicator_scores`].
//! - [`audited_json`] writes the record as SCHEMA.md §1 JSON with `rescored`
//!   and `checks` added.
//! - [`add_provenance`] adds where each field and finding was printed
//!   (SCHEMA.md §1d), on request.
//! - [`render_report`] and [`report_json`] give the `jixiao audit` report;
//!   [`Summary`] counts its findings.
//! - [`rules`] holds the grade thresholds and the rounding tolerances.
//!
//! # Example
//!
//! ```
//! use jixiao_checks::{audit, CheckCode, Severity};
//! use jixiao_record::FormRecord;
//!
//! // Two rows of 01 新疆支青稳定专项经费, the second one's weight widened so
//! // that the weights still add up to 100.
//! let record: FormRecord = serde_json::from_str(r#"{
//!   "schema_version": 1, "kind": "project", "title": "财政项目支出绩效自评表",
//!   "year": 2024, "project_name": "新疆支青稳定专项经费",
//!   "department": null, "implementer": null, "fund_unit": "万元",
//!   "funds": [{"label": "年度资金总额", "category": "total",
//!     "initial_budget": 103.15, "annual_budget": 103.15, "executed": 88.04,
//!     "weight": 10.0, "execution_rate": 85.35, "score": 8.54}],
//!   "goals": {"expected": null, "achieved": null},
//!   "indicators": [
//!     {"level1": "成本指标", "level2": "经济成本指标", "name": "预算执行率",
//!      "target": {"text": "≥90.00(%)", "op": ">=", "value": 90.0, "unit": "%"},
//!      "actual": {"text": "85.35(%)", "op": null, "value": 85.35, "unit": "%"},
//!      "weight": 5.0, "score": 4.0, "deviation": "因客观原因,与新疆兵团合作交流活动不足"},
//!     {"level1": "产出指标", "level2": "质量指标", "name": "帮困对象准确性",
//!      "target": {"text": "准确", "op": null, "value": null, "unit": null},
//!      "actual": {"text": "达成指标", "op": null, "value": null, "unit": null},
//!      "weight": 85.0, "score": 85.0, "deviation": null}],
//!   "total_weight": 100.0, "total_score": 97.54, "grade": "优"
//! }"#).unwrap();
//!
//! let audit = audit(&record);
//! // The sums, the rate, the fund score and the grade all agree; only the
//! // proportional rule would have marked 预算执行率 otherwise.
//! assert_eq!(audit.checks.len(), 1);
//! assert_eq!(audit.checks[0].code, CheckCode::RescoreDiffers);
//! assert_eq!(audit.checks[0].severity, Severity::Info);
//! assert_eq!(audit.checks[0].path, "indicators[0].score");
//! assert_eq!(audit.indicator_scores, [Some(4.74), None]);
//! assert_eq!(audit.rescored.fund_score, Some(8.54));
//! assert_eq!(audit.rescored.total_score, Some(98.28));
//! assert_eq!(audit.rescored.grade.as_deref(), Some("优"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod check;
mod located;
mod report;
mod rescore;
pub mod rules;
mod validate;

use jixiao_record::FormRecord;

pub use check::{Check, CheckCode, Severity};
pub use located::{add_provenance, field_origins, locate_checks, location, provenance_json};
pub use report::{audited_json, render_report, report_json, AuditedForm, Summary};
pub use rescore::{form_to_rescored, indicator_score, Rescored};

/// What the validator found on one record and what re-scoring gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Audit {
    /// The findings, in record order: missing fields, sums, funds rows,
    /// indicators, grade, repairs. Empty when the record is clean.
    pub checks: Vec<Check>,
    /// The recomputed fund score, total and grade.
    pub rescored: Rescored,
    /// Each indicator's rescored score, in order; None where the rule cannot
    /// apply (qualitative indicators keep their printed score).
    pub indicator_scores: Vec<Option<f64>>,
}

impl Audit {
    /// Whether any check is an error.
    pub fn has_errors(&self) -> bool {
        self.checks.iter().any(|c| c.severity == Severity::Error)
    }
}

/// Checks and re-scores one record (SCHEMA.md §1 check codes and
/// re-scoring rules).
pub fn audit(record: &FormRecord) -> Audit {
    let indicator_scores: Vec<Option<f64>> =
        record.indicators.iter().map(indicator_score).collect();
    let rescored = form_to_rescored(record, &indicator_scores);
    let checks = validate::record_to_checks(record, &indicator_scores);
    Audit { checks, rescored, indicator_scores }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 24 Putuo forms, transcribed by hand (samples/putuo-2024.truth.json).
    fn putuo_truth() -> Vec<FormRecord> {
        truth("putuo-2024.truth.json")
    }

    fn truth(name: &str) -> Vec<FormRecord> {
        let path = format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// What the audit must find on each Putuo form, as (form number, code,
    /// path), each justified by the truth notes (samples/putuo-2024.truth-notes.md).
    /// Nothing else may fire: in particular no `execution_rate` error for the
    /// truncated rates of 03, 04, 05, 06, 10, 11, 14, 15, 18 and 23, no
    /// `missing_field` for 05's absent goals, and no error at all, since every
    /// form's sums, fund score and grade agree ("Totals and grades").
    const PUTUO_FINDINGS: &[(usize, CheckCode, &str)] = &[
        // 01: 预算执行率 85.35% of ≥90% scores 4/5 with a reason; the
        // proportional rule gives 4.74.
        (1, CheckCode::RescoreDiffers, "indicators[0].score"),
        // 02: "the 预算执行率 indicator shows actual 100.00(%) … but the funds
        // rate is 94.46%".
        (2, CheckCode::ExecutionRate, "indicators[0].actual"),
        // 03: "Score below weight with no deviation reason": 预算执行率 9.93/10,
        // 系统使用者抽样满意度 9.70/10.
        (3, CheckCode::DeviationMissing, "indicators[0].deviation"),
        (3, CheckCode::DeviationMissing, "indicators[7].deviation"),
        // 07: "funds show executed 0.00, rate 0.00 … The 预算执行率 indicator
        // still shows actual 90.00(%)".
        (7, CheckCode::ExecutionRate, "indicators[0].actual"),
        // 10: 预算执行利率 9.85/10 and 办事人员满意度 9.50/10 without reason.
        (10, CheckCode::DeviationMissing, "indicators[0].deviation"),
        (10, CheckCode::DeviationMissing, "indicators[7].deviation"),
        // 12: 预算执行率 19.54/20 and 办事人员满意度 9.80/10 without reason.
        (12, CheckCode::DeviationMissing, "indicators[0].deviation"),
        (12, CheckCode::DeviationMissing, "indicators[6].deviation"),
        // 14: 24 of =30 people scores 4.75/5; the proportional rule gives 4.00.
        (14, CheckCode::RescoreDiffers, "indicators[0].score"),
        // 16: 预算执行率 9.98/10 and 就餐人员抽样满意度 9.80/10 without reason.
        (16, CheckCode::DeviationMissing, "indicators[0].deviation"),
        (16, CheckCode::DeviationMissing, "indicators[10].deviation"),
        // 18: "the 预算执行率 indicator shows actual 100.00(%) … while the funds
        // rate is 98.98%".
        (18, CheckCode::ExecutionRate, "indicators[0].actual"),
        // 21: "政策知晓率 90.00% meets its ≥90% target but scores 9/10" with no
        // reason, so both the missing reason and the rescore (10) show.
        (21, CheckCode::DeviationMissing, "indicators[8].deviation"),
        (21, CheckCode::RescoreDiffers, "indicators[8].score"),
        // 22: HR沙龙活动, 2 of ≥4, scores 12/15; the proportional rule gives
        // 7.50. (区享受政府特殊津贴人员体检, 0 of 1, scores 0 either way.)
        (22, CheckCode::RescoreDiffers, "indicators[0].score"),
        // 23: 改建装修进度 80% of =100% scores 18/20; the rule gives 16.00.
        (23, CheckCode::RescoreDiffers, "indicators[1].score"),
    ];

    /// The (form number, code, path) of every finding on `records`.
    fn findings(records: &[FormRecord]) -> Vec<(usize, CheckCode, String)> {
        let mut found = Vec::new();
        for (i, record) in records.iter().enumerate() {
            for check in audit(record).checks {
                found.push((i + 1, check.code, check.path));
            }
        }
        found
    }

    fn expected() -> Vec<(usize, CheckCode, String)> {
        PUTUO_FINDINGS.iter().map(|&(n, code, path)| (n, code, path.to_string())).collect()
    }

    #[test]
    fn putuo_truth_gives_exactly_the_noted_findings() {
        let records = putuo_truth();
        assert_eq!(records.len(), 24);
        assert_eq!(findings(&records), expected());
        assert!(records.iter().all(|r| !audit(r).has_errors()), "no false errors");
    }

    #[test]
    fn putuo_truth_severities() {
        for record in putuo_truth() {
            for check in audit(&record).checks {
                let severity = match check.code {
                    CheckCode::RescoreDiffers => Severity::Info,
                    _ => Severity::Warning,
                };
                assert_eq!(check.severity, severity, "{check}");
            }
        }
    }

    #[test]
    fn putuo_truth_rescored_totals() {
        let records = putuo_truth();
        let rescored: Vec<_> = records.iter().map(|r| audit(r).rescored).collect();
        // 02: the restored fund score 9.45 is what the rule gives for 94.46%.
        assert_eq!(rescored[1].fund_score, Some(9.45));
        // 22: 12 → 7.50 for HR沙龙活动 takes the total below 90.
        assert_eq!(rescored[21].total_score, Some(87.28));
        assert_eq!(rescored[21].grade.as_deref(), Some("良"));
        // 07: 90.00 stays on the 优 threshold.
        assert_eq!(rescored[6].total_score, Some(90.0));
        assert_eq!(rescored[6].grade.as_deref(), Some("优"));
    }

    #[test]
    fn putuo_dump_02_without_its_fund_score() {
        // The dump lost 02's 得分 column: the sums that need the fund score
        // are skipped, and the gap is a warning, not an error.
        let mut record = putuo_truth().swap_remove(1);
        record.funds[0].score = None;
        let audit = audit(&record);
        let found: Vec<_> =
            audit.checks.iter().map(|c| (c.code, c.severity, c.path.as_str())).collect();
        assert_eq!(
            found,
            [
                (CheckCode::MissingField, Severity::Warning, "funds[0].score"),
                (CheckCode::ExecutionRate, Severity::Warning, "indicators[0].actual"),
            ]
        );
        assert_eq!(audit.rescored.total_score, Some(99.45));
    }

    #[test]
    fn corpus_truth_gives_no_false_errors() {
        let putuo = putuo_truth();
        let expected = expected();
        for source in ["cid", "docx", "html", "scan", "xlsx"] {
            for part in 1..=4 {
                let name = format!("seed_{source}_{part:02}.truth.json");
                for record in truth(&name) {
                    // The corpus re-publishes the Putuo forms: each record
                    // must give exactly its Putuo form's findings.
                    let n = 1 + putuo
                        .iter()
                        .position(|p| p.project_name == record.project_name)
                        .unwrap_or_else(|| panic!("{name}: {:?}", record.project_name));
                    let found: Vec<_> =
                        audit(&record).checks.into_iter().map(|c| (n, c.code, c.path)).collect();
                    let want: Vec<_> = expected.iter().filter(|e| e.0 == n).cloned().collect();
                    assert_eq!(found, want, "{name}: form {n:02}");
                }
            }
        }
    }
}
