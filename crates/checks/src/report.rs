//! The audited record (SCHEMA.md §1 JSON with `rescored` and `checks`) and
//! the audit report over many forms, as text and as JSON.

use std::collections::BTreeMap;
use std::fmt::Write;

use jixiao_record::FormRecord;
use serde_json::{json, Map, Value};

use crate::check::CheckCode;
use crate::Audit;

/// One audited form of a report: the file it came from, the record and its
/// audit.
pub type AuditedForm = (String, FormRecord, Audit);

/// The record as SCHEMA.md §1 JSON, with the validator's fields added:
/// `{"rescored": {"score": …}}` last on each indicator, and `rescored` then
/// `checks` last on the record.
pub fn audited_json(record: &FormRecord, audit: &Audit) -> Value {
    // A record of plain fields always serialises; Null is unreachable.
    let mut value = serde_json::to_value(record).unwrap_or(Value::Null);
    let Some(object) = value.as_object_mut() else { return value };
    if let Some(Value::Array(indicators)) = object.get_mut("indicators") {
        for (ind, score) in indicators.iter_mut().zip(&audit.indicator_scores) {
            if let Some(ind) = ind.as_object_mut() {
                ind.insert("rescored".into(), json!({ "score": score }));
            }
        }
    }
    object.insert("rescored".into(), json!(audit.rescored));
    object.insert("checks".into(), json!(audit.checks));
    value
}

/// Counts of the whole report: forms, forms with an error, and findings per
/// check code.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Forms audited.
    pub forms: usize,
    /// Forms with at least one error-severity check.
    pub forms_with_errors: usize,
    /// Findings per check code (codes without findings are left out).
    pub counts: BTreeMap<CheckCode, usize>,
}

impl Summary {
    /// Counts the findings of `items`.
    pub fn of(items: &[AuditedForm]) -> Summary {
        let mut summary = Summary { forms: items.len(), ..Summary::default() };
        for (_, _, audit) in items {
            summary.forms_with_errors += usize::from(audit.has_errors());
            for check in &audit.checks {
                *summary.counts.entry(check.code).or_default() += 1;
            }
        }
        summary
    }

    /// As JSON: `{"forms", "forms_with_errors", "counts": {code: n}}`.
    pub fn to_json(&self) -> Value {
        let counts: Map<String, Value> =
            self.counts.iter().map(|(code, n)| (code.as_str().into(), json!(n))).collect();
        json!({
            "forms": self.forms,
            "forms_with_errors": self.forms_with_errors,
            "counts": counts,
        })
    }
}

/// A printed or recomputed score and grade, `-` where missing.
fn score_and_grade(score: Option<f64>, grade: Option<&str>) -> String {
    let score = score.map_or_else(|| "-".to_string(), |s| format!("{s:.2}"));
    format!("{score} {}", grade.unwrap_or("-"))
}

fn render_form(out: &mut String, (file, record, audit): &AuditedForm) {
    let name = record.project_name.as_deref().unwrap_or("(no project name)");
    let _ = writeln!(out, "{file}: {name}");
    let printed = score_and_grade(record.total_score, record.grade.as_deref());
    let rescored = score_and_grade(audit.rescored.total_score, audit.rescored.grade.as_deref());
    let _ = writeln!(out, "  total: printed {printed}, recomputed {rescored}");
    if audit.checks.is_empty() {
        let _ = writeln!(out, "  no findings");
    }
    for check in &audit.checks {
        let _ = writeln!(out, "  {check}");
    }
}

/// The readable audit report: per form its project, printed against
/// recomputed total and grade, and each check; then the summary.
pub fn render_report(items: &[AuditedForm]) -> String {
    let mut out = String::new();
    for item in items {
        render_form(&mut out, item);
        out.push('\n');
    }
    let summary = Summary::of(items);
    let _ =
        writeln!(out, "forms: {}, forms with errors: {}", summary.forms, summary.forms_with_errors);
    for (code, count) in &summary.counts {
        let _ = writeln!(out, "  {:<22}{count}", code.as_str());
    }
    out
}

/// The audit report as JSON, for machines:
/// `{"forms": [{"file", "project_name", "total_score", "grade", "rescored",
/// "checks"}], "summary": {"forms", "forms_with_errors", "counts"}}`.
pub fn report_json(items: &[AuditedForm]) -> Value {
    let forms: Vec<Value> = items
        .iter()
        .map(|(file, record, audit)| {
            json!({
                "file": file,
                "project_name": record.project_name,
                "total_score": record.total_score,
                "grade": record.grade,
                "rescored": audit.rescored,
                "checks": audit.checks,
            })
        })
        .collect();
    json!({ "forms": forms, "summary": Summary::of(items).to_json() })
}

#[cfg(test)]
mod tests {
    use jixiao_record::{FormKind, Fund, FundCategory, Goals, Indicator, Value};

    use super::*;
    use crate::audit;

    /// A one-indicator form whose printed total is 0.10 too high.
    fn record() -> FormRecord {
        let fund = Fund {
            label: "年度资金总额".into(),
            category: FundCategory::Total,
            initial_budget: Some(50.0),
            annual_budget: Some(50.0),
            executed: Some(50.0),
            weight: Some(10.0),
            execution_rate: Some(100.0),
            score: Some(10.0),
            reason: None,
        };
        let indicator = Indicator {
            level1: Some("产出指标".into()),
            level2: Some("质量指标".into()),
            name: "帮困对象准确性".into(),
            target: Value { text: "准确".into(), ..Value::default() },
            actual: Value { text: "达成指标".into(), ..Value::default() },
            weight: Some(90.0),
            score: Some(90.0),
            deviation: None,
            ..Indicator::default()
        };
        FormRecord {
            schema_version: 1,
            source: None,
            kind: FormKind::Project,
            title: Some("财政项目支出绩效自评表".into()),
            year: Some(2024),
            project_name: Some("公车购置经费".into()),
            department: None,
            implementer: None,
            fund_unit: Some("万元".into()),
            funds: vec![fund],
            goals: Goals::default(),
            indicators: vec![indicator],
            total_weight: Some(100.0),
            total_score: Some(100.1),
            grade: Some("优".into()),
            ..FormRecord::default()
        }
    }

    fn items() -> Vec<AuditedForm> {
        let bad = record();
        let mut good = record();
        good.total_score = Some(100.0);
        vec![
            ("a.txt".into(), bad.clone(), audit(&bad)),
            ("b.txt".into(), good.clone(), audit(&good)),
        ]
    }

    #[test]
    fn audited_json_puts_rescored_then_checks_last() {
        let r = record();
        let value = audited_json(&r, &audit(&r));
        let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys[keys.len() - 2..], ["rescored", "checks"]);
        assert_eq!(
            value["rescored"],
            json!({"fund_score": 10.0, "total_score": 100.0, "grade": "优"})
        );
        assert_eq!(value["indicators"][0]["rescored"], json!({"score": null}));
        assert_eq!(
            value["checks"],
            json!([{"code": "scores_sum", "severity": "error", "path": "total_score",
                    "message": "indicator and fund scores add up to 100.00, form says 100.10"}])
        );
    }

    #[test]
    fn render_report_shows_each_form_and_the_summary() {
        let text = render_report(&items());
        let want = "\
a.txt: 公车购置经费
  total: printed 100.10 优, recomputed 100.00 优
  error scores_sum total_score: indicator and fund scores add up to 100.00, form says 100.10

b.txt: 公车购置经费
  total: printed 100.00 优, recomputed 100.00 优
  no findings

forms: 2, forms with errors: 1
  scores_sum            1
";
        assert_eq!(text, want);
    }

    #[test]
    fn report_json_counts_per_code() {
        let value = report_json(&items());
        assert_eq!(
            value["summary"],
            json!({"forms": 2, "forms_with_errors": 1, "counts": {"scores_sum": 1}})
        );
        assert_eq!(value["forms"][1]["file"], "b.txt");
        assert_eq!(value["forms"][1]["checks"], json!([]));
        assert_eq!(value["forms"][0]["rescored"]["total_score"], 100.0);
    }

    #[test]
    fn empty_report_has_a_summary_only() {
        assert_eq!(render_report(&[]), "forms: 0, forms with errors: 0\n");
    }
}
