//! The checks of SCHEMA.md §1, one function per family. Each check needs
//! certain printed values; where one is missing the check is skipped, and
//! only [`missing_fields`] reports the gap.

use jixiao_record::{FormRecord, Fund, Indicator};

use crate::check::{Check, CheckCode, Severity};
use crate::rescore::{self, Quantity};
use crate::rules::{self, FLOAT_SLACK, HALF_UNIT, RATE_UNIT};

/// 预算执行 (budget execution): an indicator whose name holds this reports the
/// funds block's execution rate again. Matches 预算执行率, 整体预算执行率
/// and the printed typo 预算执行利率.
const BUDGET_EXECUTION: &str = "预算执行";

/// Every check on one record, given its rescored indicator scores (in order).
pub(crate) fn record_to_checks(record: &FormRecord, rescored: &[Option<f64>]) -> Vec<Check> {
    let mut checks = Vec::new();
    missing_fields(record, &mut checks);
    weights_sum(record, &mut checks);
    scores_sum(record, &mut checks);
    let decimals = |path: String| record.decimals.get(&path).copied();
    for (i, fund) in record.funds.iter().enumerate() {
        let precision = Precision {
            rate: decimals(format!("funds[{i}].execution_rate")),
            score: decimals(format!("funds[{i}].score")),
        };
        fund_checks(i, fund, precision, &mut checks);
    }
    let rate = funds_rate(record);
    for (i, ind) in record.indicators.iter().enumerate() {
        indicator_checks(i, ind, rescored.get(i).copied().flatten(), &mut checks);
        let actual_decimals = decimals(format!("indicators[{i}].actual"));
        rate_consistency(i, ind, rate.as_ref(), actual_decimals, &mut checks);
    }
    grade(record, &mut checks);
    repaired(record, &mut checks);
    checks
}

/// How many decimals a fund row's rate and score were printed with.
#[derive(Clone, Copy)]
struct Precision {
    rate: Option<u8>,
    score: Option<u8>,
}

/// A 2-decimal number for messages.
fn n(x: f64) -> String {
    format!("{x:.2}")
}

fn missing(path: &str, severity: Severity, checks: &mut Vec<Check>) {
    let message = format!("{path} was not found");
    checks.push(Check::new(CheckCode::MissingField, severity, path, message));
}

/// `missing_field`. Errors for what identifies and sums up a form
/// (project_name, the funds total row, the indicators, total_score): without
/// them the record says nothing. Warnings for single cells every form prints
/// (the total row's amounts, rate, weight and score; total_weight; an
/// indicator's weight and score): the dump of 02 lost its whole 得分 column,
/// so a lost cell is a reading gap, not a fault of the form. Goals, department
/// and implementer are not checked: 05 has no goal cells at all. Nor is the
/// grade: the national 财政部 template prints no 评分等级 row (the rescored
/// grade still gives one).
fn missing_fields(record: &FormRecord, checks: &mut Vec<Check>) {
    use Severity::{Error, Warning};
    // A department-wide form (部门整体) names its department, not a project.
    let named = match record.kind {
        jixiao_record::FormKind::Project => record.project_name.as_deref(),
        jixiao_record::FormKind::Department => record.department.as_deref(),
    };
    if named.is_none_or(|s| s.trim().is_empty()) {
        let field = match record.kind {
            jixiao_record::FormKind::Project => "project_name",
            jixiao_record::FormKind::Department => "department",
        };
        missing(field, Error, checks);
    }
    // A template without 分值/得分 lacks no score (SCHEMA §1b).
    let scored = !record.unscored;
    match rescore::total_fund(record) {
        None if record.unprinted.funds => {}
        None => missing("funds", Error, checks),
        Some((i, f)) => {
            let gone = record.unprinted;
            let cells = [
                ("annual_budget", f.annual_budget, true),
                ("executed", f.executed, true),
                ("weight", f.weight, scored && !gone.fund_weight),
                ("execution_rate", f.execution_rate, true),
                ("score", f.score, scored && !gone.fund_score),
            ];
            for (name, ..) in cells.iter().filter(|(_, v, expected)| v.is_none() && *expected) {
                missing(&format!("funds[{i}].{name}"), Warning, checks);
            }
        }
    }
    if record.indicators.is_empty() {
        missing("indicators", Error, checks);
    }
    if !scored {
        return;
    }
    let gone = record.unprinted;
    for (i, ind) in record.indicators.iter().enumerate() {
        let cells = [
            ("weight", ind.weight, gone.indicator_weight),
            ("score", ind.score, gone.indicator_score),
        ];
        for (name, ..) in cells.iter().filter(|(_, v, gone)| v.is_none() && !gone) {
            missing(&format!("indicators[{i}].{name}"), Warning, checks);
        }
    }
    // A form without a 分值 column sums no weights (rubric forms scored by
    // 自评分 alone).
    if record.total_weight.is_none() && !gone.indicator_weight && !gone.total_weight {
        missing("total_weight", Warning, checks);
    }
    if record.total_score.is_none() {
        missing("total_score", Error, checks);
    }
}

/// The fund total row's value and every indicator's, if none is missing.
fn parts(
    record: &FormRecord,
    fund: impl Fn(&Fund) -> Option<f64>,
    ind: impl Fn(&Indicator) -> Option<f64>,
) -> Option<(f64, f64)> {
    let fund_part = rescore::total_fund(record).and_then(|(_, f)| fund(f))?;
    let ind_part = record.indicators.iter().map(ind).sum::<Option<f64>>()?;
    Some((fund_part, ind_part))
}

/// `weights_sum` (error): the form's own weights must add up to its total.
fn weights_sum(record: &FormRecord, checks: &mut Vec<Check>) {
    let Some(total) = record.total_weight else { return };
    let Some((fund, inds)) = parts(record, |f| f.weight, |i| i.weight) else { return };
    if (fund + inds - total).abs() > rules::WEIGHTS_SUM_TOLERANCE {
        let message = format!(
            "fund weight {} + indicator weights {} = {}, form says {}",
            n(fund),
            n(inds),
            n(fund + inds),
            n(total)
        );
        checks.push(Check::new(CheckCode::WeightsSum, Severity::Error, "total_weight", message));
    }
}

/// `scores_sum` (error): the printed scores must add up to the printed total.
fn scores_sum(record: &FormRecord, checks: &mut Vec<Check>) {
    let Some(total) = record.total_score else { return };
    let Some((fund, inds)) = parts(record, |f| f.score, |i| i.score) else { return };
    // A total printed with fewer decimals stands for a wider range.
    let printed = rules::half_unit(record.decimals.get("total_score").copied());
    let tolerance = rules::SCORES_SUM_TOLERANCE - HALF_UNIT + printed.max(HALF_UNIT);
    if (fund + inds - total).abs() > tolerance {
        let message = format!(
            "indicator and fund scores add up to {}, form says {}",
            n(fund + inds),
            n(total)
        );
        checks.push(Check::new(CheckCode::ScoresSum, Severity::Error, "total_score", message));
    }
}

/// `score_exceeds_weight` (error): no row can earn more than its weight.
fn score_exceeds_weight(
    path: &str,
    score: Option<f64>,
    weight: Option<f64>,
    checks: &mut Vec<Check>,
) {
    let (Some(score), Some(weight)) = (score, weight) else { return };
    if score > weight + rules::SCORE_WEIGHT_TOLERANCE {
        let message = format!("score {} exceeds weight {}", n(score), n(weight));
        checks.push(Check::new(CheckCode::ScoreExceedsWeight, Severity::Error, path, message));
    }
}

fn fund_checks(i: usize, fund: &Fund, precision: Precision, checks: &mut Vec<Check>) {
    score_exceeds_weight(&format!("funds[{i}].score"), fund.score, fund.weight, checks);
    execution_rate(i, fund, precision.rate, checks);
    fund_score(i, fund, precision, checks);
}

/// `execution_rate` (error): executed / annual_budget × 100 against the
/// printed rate. The amounts are printed to 2 decimals themselves, so the
/// exact rate lies anywhere between the ratios of their half-unit bounds;
/// publishers then round (±half a unit of the rate's last printed digit) or
/// truncate (up to one unit below) it, and either is accepted: for a rate
/// printed with 2 decimals the printed rate must lie in
/// [lowest − 0.01, highest + 0.005], with 1 decimal in [lowest − 0.1,
/// highest + 0.05].
fn execution_rate(i: usize, fund: &Fund, decimals: Option<u8>, checks: &mut Vec<Check>) {
    let (Some(printed), Some(exact)) = (fund.execution_rate, rescore::computed_rate(fund)) else {
        return;
    };
    let (Some(executed), Some(budget)) = (fund.executed, fund.annual_budget) else { return };
    if budget <= HALF_UNIT {
        return;
    }
    let lowest = (executed - HALF_UNIT).max(0.0) / (budget + HALF_UNIT) * 100.0;
    let highest = (executed + HALF_UNIT) / (budget - HALF_UNIT) * 100.0;
    let (unit, half) =
        (rules::unit(decimals).max(RATE_UNIT), rules::half_unit(decimals).max(HALF_UNIT));
    let accepted = lowest - unit - FLOAT_SLACK..=highest + half + FLOAT_SLACK;
    if !accepted.contains(&printed) {
        let message = format!(
            "executed {} / annual budget {} × 100 = {exact:.4} (rounded {}, truncated {}), \
             form says {}",
            n(executed),
            n(budget),
            n(rules::round2(exact)),
            n(rules::trunc2(exact)),
            n(printed)
        );
        let path = format!("funds[{i}].execution_rate");
        checks.push(Check::new(CheckCode::ExecutionRate, Severity::Error, path, message));
    }
}

/// `fund_score` (error): min(rate, 100) × weight / 100 against the printed
/// score. Tolerance: half a unit of the printed score, plus one rate unit
/// × weight / 100, because the publisher may have scored the unrounded rate
/// while printing it truncated.
fn fund_score(i: usize, fund: &Fund, precision: Precision, checks: &mut Vec<Check>) {
    let (Some(rate), Some(weight), Some(printed)) = (fund.execution_rate, fund.weight, fund.score)
    else {
        return;
    };
    let expected = rules::fund_score(rate, weight);
    let rate_unit = rules::unit(precision.rate).max(RATE_UNIT);
    let tolerance =
        rules::half_unit(precision.score).max(HALF_UNIT) + rate_unit * weight / 100.0 + FLOAT_SLACK;
    if (printed - expected).abs() > tolerance {
        let message = format!(
            "min(rate {}, 100) × weight {} / 100 = {}, form says {}",
            n(rate),
            n(weight),
            n(rules::round2(expected)),
            n(printed)
        );
        let path = format!("funds[{i}].score");
        checks.push(Check::new(CheckCode::FundScore, Severity::Error, path, message));
    }
}

fn indicator_checks(i: usize, ind: &Indicator, rescored: Option<f64>, checks: &mut Vec<Check>) {
    let path = format!("indicators[{i}].score");
    score_exceeds_weight(&path, ind.score, ind.weight, checks);
    let (Some(score), Some(weight)) = (ind.score, ind.weight) else { return };
    target_not_met(i, ind, score, weight, checks);
    deviation_missing(i, ind, score, weight, checks);
    rescore_differs(&path, ind, score, rescored, checks);
}

/// `target_not_met` (warning): the form's own numbers say the target was
/// missed, yet it gives full marks. A warning, not an error: the arithmetic
/// holds, it is the marking that does not follow the numbers.
fn target_not_met(i: usize, ind: &Indicator, score: f64, weight: f64, checks: &mut Vec<Check>) {
    let Some(q) = rescore::quantity(ind).filter(|q| !q.is_met()) else { return };
    if score < weight - rules::SCORE_WEIGHT_TOLERANCE {
        return;
    }
    let message = format!(
        "{}: actual {}{} misses target {}, yet scores full {} of {}",
        ind.name,
        n(q.actual),
        unit(ind),
        target(q, ind),
        n(score),
        n(weight)
    );
    let path = format!("indicators[{i}].score");
    checks.push(Check::new(CheckCode::TargetNotMet, Severity::Warning, path, message));
}

fn unit(ind: &Indicator) -> &str {
    ind.actual.unit.as_deref().unwrap_or("")
}

fn target(q: Quantity, ind: &Indicator) -> String {
    q.target_text(ind.target.unit.as_deref())
}

/// `deviation_missing` (warning): marks were taken off but the
/// 偏差原因分析及改进措施 (deviation reason) cell is empty. The forms' own
/// rule asks for a reason wherever a score falls short.
fn deviation_missing(i: usize, ind: &Indicator, score: f64, weight: f64, checks: &mut Vec<Check>) {
    let has_reason = ind.deviation.as_deref().is_some_and(|d| !is_no_reason(d));
    if has_reason || score >= weight - rules::SCORE_WEIGHT_TOLERANCE {
        return;
    }
    let message = format!(
        "{}: score {} is below weight {} and no deviation reason is given",
        ind.name,
        n(score),
        n(weight)
    );
    let path = format!("indicators[{i}].deviation");
    checks.push(Check::new(CheckCode::DeviationMissing, Severity::Warning, path, message));
}

/// Placeholders forms print in an empty deviation cell: 无 (none), a slash
/// or a dash.
const NO_REASON: &[&str] = &["无", "无。", "无偏差", "无偏差。", "/", "／", "-", "—", "——", "－"];

/// Whether a deviation cell gives no reason (empty or a placeholder).
fn is_no_reason(text: &str) -> bool {
    let t = text.trim();
    t.is_empty() || NO_REASON.contains(&t)
}

/// `rescore_differs` (info): the publisher marked a partly met quantitative
/// indicator by another rule than the proportional one. Not a fault: the
/// proportional rule is a convention, not the form's own arithmetic.
fn rescore_differs(
    path: &str,
    ind: &Indicator,
    score: f64,
    rescored: Option<f64>,
    checks: &mut Vec<Check>,
) {
    let Some(rescored) = rescored else { return };
    if (score - rescored).abs() <= rules::RESCORE_TOLERANCE + FLOAT_SLACK {
        return;
    }
    let basis = rescore::quantity(ind)
        .map(|q| {
            format!(" (actual {}{} against target {})", n(q.actual), unit(ind), target(q, ind))
        })
        .unwrap_or_default();
    let message =
        format!("{}: printed score {}, rescored {}{basis}", ind.name, n(score), n(rescored));
    checks.push(Check::new(CheckCode::RescoreDiffers, Severity::Info, path, message));
}

/// The funds total row's rate (printed, else computed) and its path.
fn funds_rate(record: &FormRecord) -> Option<(String, f64)> {
    let (i, fund) = rescore::total_fund(record)?;
    let rate = fund.execution_rate.or_else(|| rescore::computed_rate(fund))?;
    Some((format!("funds[{i}].execution_rate"), rate))
}

/// `execution_rate` (warning): a 预算执行率 indicator repeats the funds
/// block's rate; when they differ, one block misreports. A warning, not an
/// error: each block is consistent in itself (02 prints 100% against 94.46%,
/// 07 90% against 0.00%, 18 100% against 98.98%).
fn rate_consistency(
    i: usize,
    ind: &Indicator,
    funds_rate: Option<&(String, f64)>,
    actual_decimals: Option<u8>,
    checks: &mut Vec<Check>,
) {
    let Some((fund_path, rate)) = funds_rate else { return };
    let rate = *rate;
    let percent = matches!(ind.actual.unit.as_deref(), None | Some("%") | Some("％"));
    let Some(actual) = ind.actual.value.filter(|_| percent && ind.name.contains(BUDGET_EXECUTION))
    else {
        return;
    };
    // An actual printed with fewer decimals may round the rate further.
    let tolerance =
        rules::RATE_CONSISTENCY_TOLERANCE.max(rules::unit(actual_decimals) + FLOAT_SLACK);
    if (actual - rate).abs() <= tolerance {
        return;
    }
    let message = format!(
        "indicator {} says {}%, the funds block ({fund_path}) says {}%",
        ind.name,
        n(actual),
        n(rate)
    );
    let path = format!("indicators[{i}].actual");
    checks.push(Check::new(CheckCode::ExecutionRate, Severity::Warning, path, message));
}

/// `grade` (error): the printed grade must be the one the printed total
/// earns. A grade worded otherwise than 优/良/中/差 is not judged.
fn grade(record: &FormRecord, checks: &mut Vec<Check>) {
    let (Some(total), Some(printed)) = (record.total_score, record.grade.as_deref()) else {
        return;
    };
    let Some(named) = rules::grade_named(printed) else { return };
    let earned = rules::grade_for(total);
    if named != earned {
        let message = format!("total {} earns {earned}, form says {printed}", n(total));
        checks.push(Check::new(CheckCode::Grade, Severity::Error, "grade", message));
    }
}

/// `repaired` (info): what the reconstructor repaired. The path is empty:
/// a repair concerns the grid the record was read from, not one field.
fn repaired(record: &FormRecord, checks: &mut Vec<Check>) {
    for repair in &record.repairs {
        let check = Check::new(CheckCode::Repaired, Severity::Info, "", repair.message.clone());
        checks.push(Check { at: repair.at.clone(), ..check });
    }
}

#[cfg(test)]
mod tests {
    use jixiao_record::{FormKind, FundCategory, Goals, Op, Unprinted, Value};

    use super::*;
    use crate::indicator_score;

    fn pct(op: Option<Op>, v: f64) -> Value {
        Value { text: format!("{v:.2}(%)"), op, value: Some(v), unit: Some("%".into()) }
    }

    fn words(text: &str) -> Value {
        Value { text: text.into(), ..Value::default() }
    }

    fn indicator(name: &str, target: Value, actual: Value, weight: f64) -> Indicator {
        Indicator {
            level1: Some("产出指标".into()),
            level2: Some("数量指标".into()),
            name: name.into(),
            target,
            actual,
            weight: Some(weight),
            score: Some(weight),
            deviation: None,
            ..Indicator::default()
        }
    }

    /// A clean form: 90.00 of 100.00 executed, everything met.
    fn form() -> FormRecord {
        FormRecord {
            schema_version: 1,
            source: None,
            kind: FormKind::Project,
            title: Some("财政项目支出绩效自评表".into()),
            year: Some(2024),
            project_name: Some("测试项目".into()),
            department: None,
            implementer: None,
            fund_unit: Some("万元".into()),
            funds: vec![Fund {
                label: "年度资金总额".into(),
                category: FundCategory::Total,
                initial_budget: Some(100.0),
                annual_budget: Some(100.0),
                executed: Some(90.0),
                weight: Some(10.0),
                execution_rate: Some(90.0),
                score: Some(9.0),
                reason: None,
            }],
            goals: Goals::default(),
            indicators: vec![
                indicator("预算执行率", pct(Some(Op::Ge), 90.0), pct(None, 90.0), 10.0),
                indicator("满意度", pct(Some(Op::Ge), 90.0), pct(None, 95.0), 30.0),
                indicator("完成及时性", words("及时"), words("达成指标"), 50.0),
            ],
            total_weight: Some(100.0),
            total_score: Some(99.0),
            grade: Some("优".into()),
            ..FormRecord::default()
        }
    }

    fn run(record: &FormRecord) -> Vec<Check> {
        let scores: Vec<_> = record.indicators.iter().map(indicator_score).collect();
        record_to_checks(record, &scores)
    }

    /// The (code, severity, path) of each finding.
    fn found(record: &FormRecord) -> Vec<(CheckCode, Severity, String)> {
        run(record).into_iter().map(|c| (c.code, c.severity, c.path)).collect()
    }

    fn one(code: CheckCode, severity: Severity, path: &str) -> Vec<(CheckCode, Severity, String)> {
        vec![(code, severity, path.to_string())]
    }

    #[test]
    fn clean_form_has_no_findings() {
        assert_eq!(run(&form()), []);
    }

    #[test]
    fn weights_sum_fires_beyond_half_a_unit() {
        let mut r = form();
        r.total_weight = Some(100.01);
        assert_eq!(found(&r), one(CheckCode::WeightsSum, Severity::Error, "total_weight"));
        assert!(run(&r)[0].message.contains("= 100.00, form says 100.01"));
        r.total_weight = Some(100.004);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn weights_sum_skipped_when_a_weight_is_missing() {
        let mut r = form();
        r.total_weight = Some(120.0);
        r.indicators[2].weight = None;
        let codes: Vec<_> = run(&r).into_iter().map(|c| c.code).collect();
        assert_eq!(codes, [CheckCode::MissingField]);
    }

    #[test]
    fn scores_sum_fires_beyond_0_011() {
        let mut r = form();
        r.total_score = Some(99.02);
        assert_eq!(found(&r), one(CheckCode::ScoresSum, Severity::Error, "total_score"));
        assert_eq!(
            run(&r)[0].message,
            "indicator and fund scores add up to 99.00, form says 99.02"
        );
        r.total_score = Some(99.01);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn score_exceeds_weight_fires_on_indicators_and_funds() {
        let mut r = form();
        r.indicators[2].score = Some(51.0);
        r.total_score = Some(100.0);
        assert_eq!(
            found(&r),
            one(CheckCode::ScoreExceedsWeight, Severity::Error, "indicators[2].score")
        );
        let mut r = form();
        r.funds[0].score = Some(10.5);
        r.funds[0].weight = Some(10.0);
        let codes: Vec<_> = found(&r).into_iter().map(|(c, _, p)| (c, p)).collect();
        assert!(codes.contains(&(CheckCode::ScoreExceedsWeight, "funds[0].score".into())));
    }

    #[test]
    fn execution_rate_accepts_rounded_and_truncated() {
        let mut r = form();
        // 28.27 / 28.47 = 99.2975…: 信息系统运维费 prints 99.29 (truncated).
        let f = &mut r.funds[0];
        (f.annual_budget, f.executed, f.execution_rate, f.score) =
            (Some(28.47), Some(28.27), Some(99.29), Some(9.93));
        r.indicators[0].actual = pct(None, 99.29);
        r.total_score = Some(99.93);
        assert_eq!(run(&r), []);
        r.funds[0].execution_rate = Some(99.30);
        r.indicators[0].actual = pct(None, 99.30);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn execution_rate_fires_on_a_wrong_rate() {
        let mut r = form();
        r.funds[0].execution_rate = Some(91.0);
        r.funds[0].score = Some(9.1);
        r.indicators[0].actual = pct(None, 91.0);
        r.total_score = Some(99.1);
        assert_eq!(
            found(&r),
            one(CheckCode::ExecutionRate, Severity::Error, "funds[0].execution_rate")
        );
        assert!(run(&r)[0].message.contains("= 90.0000 (rounded 90.00, truncated 90.00)"));
    }

    #[test]
    fn execution_rate_skips_an_empty_budget() {
        let mut r = form();
        let mut carryover = r.funds[0].clone();
        carryover.category = FundCategory::Carryover;
        (carryover.annual_budget, carryover.executed, carryover.execution_rate) =
            (Some(0.0), Some(0.0), Some(0.0));
        (carryover.weight, carryover.score) = (None, None);
        r.funds.push(carryover);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn execution_rate_warns_when_the_indicator_disagrees() {
        // 普陀区劳动关系信息管理平台建设项目: indicator 100% against funds 94.46%.
        let mut r = form();
        r.indicators[0].actual = pct(None, 100.0);
        assert_eq!(
            found(&r),
            one(CheckCode::ExecutionRate, Severity::Warning, "indicators[0].actual")
        );
        assert_eq!(
            run(&r)[0].message,
            "indicator 预算执行率 says 100.00%, the funds block (funds[0].execution_rate) \
             says 90.00%"
        );
        // One block rounds, the other truncates: 0.01 apart is the same rate.
        r.indicators[0].actual = pct(None, 90.01);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn fund_score_fires_off_the_rule() {
        let mut r = form();
        r.funds[0].score = Some(10.0);
        r.total_score = Some(100.0);
        assert_eq!(found(&r), one(CheckCode::FundScore, Severity::Error, "funds[0].score"));
        assert_eq!(
            run(&r)[0].message,
            "min(rate 90.00, 100) × weight 10.00 / 100 = 9.00, form says 10.00"
        );
    }

    #[test]
    fn fund_score_caps_the_rate_and_rounds_half_up() {
        let mut r = form();
        let f = &mut r.funds[0];
        (f.executed, f.execution_rate, f.score) = (Some(110.0), Some(110.0), Some(10.0));
        r.indicators[0].actual = pct(None, 110.0);
        r.total_score = Some(100.0);
        assert_eq!(run(&r), []);
        // 新疆支青稳定专项经费: 85.35 × 10 / 100 = 8.535, printed 8.54.
        let f = &mut r.funds[0];
        (f.annual_budget, f.executed, f.execution_rate, f.score) =
            (Some(103.15), Some(88.04), Some(85.35), Some(8.54));
        r.indicators[0].actual = pct(None, 85.35);
        r.indicators[0].score = Some(4.74 * 2.0);
        r.indicators[0].deviation = Some("因客观原因".into());
        r.total_score = Some(8.54 + 9.48 + 80.0);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn grade_fires_when_the_total_earns_another() {
        let mut r = form();
        r.grade = Some("良".into());
        assert_eq!(found(&r), one(CheckCode::Grade, Severity::Error, "grade"));
        assert_eq!(run(&r)[0].message, "total 99.00 earns 优, form says 良");
        r.grade = Some("优秀".into());
        assert_eq!(run(&r), []);
    }

    #[test]
    fn a_form_without_grade_row_is_not_missing_anything() {
        // The national template prints 总分 but no 评分等级 row.
        let mut r = form();
        r.grade = None;
        assert_eq!(run(&r), []);
    }

    #[test]
    fn grade_holds_at_exactly_90() {
        // 劳动监察业务经费: 90.00 is 优.
        let mut r = form();
        r.indicators[2].score = Some(41.0);
        r.indicators[2].deviation = Some("原因".into());
        r.total_score = Some(90.0);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn target_not_met_fires_on_full_marks_for_a_miss() {
        let mut r = form();
        r.indicators[1].actual = pct(None, 80.0);
        let found = found(&r);
        assert_eq!(
            found[0],
            (CheckCode::TargetNotMet, Severity::Warning, "indicators[1].score".into())
        );
        assert_eq!(
            run(&r)[0].message,
            "满意度: actual 80.00% misses target >=90.00%, yet scores full 30.00 of 30.00"
        );
    }

    #[test]
    fn target_not_met_needs_one_unit_and_a_full_score() {
        let mut r = form();
        r.indicators[1].actual = Value { unit: Some("人".into()), ..pct(None, 80.0) };
        assert_eq!(run(&r), []);
        let mut r = form();
        // =100% target, 100 actual: met.
        r.indicators[1].target = pct(Some(Op::Eq), 100.0);
        r.indicators[1].actual = pct(None, 100.0);
        assert_eq!(run(&r), []);
        // A miss marked down with a reason is not flagged.
        r.indicators[1].actual = pct(None, 98.0);
        r.indicators[1].score = Some(29.4);
        r.indicators[1].deviation = Some("原因".into());
        r.total_score = Some(98.4);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn deviation_missing_fires_on_lost_marks_without_reason() {
        // 信息系统运维费: 97% of ≥90% scored 9.70/10, no reason.
        let mut r = form();
        r.indicators[1].score = Some(29.7);
        r.total_score = Some(98.7);
        assert_eq!(
            found(&r),
            one(CheckCode::DeviationMissing, Severity::Warning, "indicators[1].deviation")
        );
        r.indicators[1].deviation = Some("  ".into());
        assert_eq!(run(&r).len(), 1, "a blank reason is no reason");
        r.indicators[1].deviation = Some("抽样结果".into());
        assert_eq!(run(&r), []);
    }

    #[test]
    fn rescore_differs_fires_beyond_half_a_point() {
        // 政策知晓率: 90% meets ≥90% yet scores 9/10.
        let mut r = form();
        r.indicators[0].score = Some(9.0);
        r.indicators[0].deviation = Some("原因".into());
        r.total_score = Some(98.0);
        assert_eq!(
            found(&r),
            one(CheckCode::RescoreDiffers, Severity::Info, "indicators[0].score")
        );
        assert_eq!(
            run(&r)[0].message,
            "预算执行率: printed score 9.00, rescored 10.00 (actual 90.00% against target >=90.00%)"
        );
        r.indicators[0].score = Some(9.5);
        r.total_score = Some(98.5);
        assert_eq!(run(&r), []);
    }

    #[test]
    fn missing_field_errors_on_identity_and_totals() {
        let mut r = form();
        r.project_name = None;
        r.total_score = None;
        r.funds[0].category = FundCategory::Unknown;
        let errors: Vec<_> =
            found(&r).into_iter().filter(|(_, s, _)| *s == Severity::Error).collect();
        assert_eq!(
            errors,
            [
                (CheckCode::MissingField, Severity::Error, "project_name".into()),
                (CheckCode::MissingField, Severity::Error, "funds".into()),
                (CheckCode::MissingField, Severity::Error, "total_score".into()),
            ]
        );
    }

    #[test]
    fn missing_field_warns_on_a_lost_cell_and_skips_its_sums() {
        // The Putuo dump lost 02's 得分 column: the fund score is null.
        let mut r = form();
        r.funds[0].score = None;
        r.total_score = Some(123.0);
        assert_eq!(found(&r), one(CheckCode::MissingField, Severity::Warning, "funds[0].score"));
    }

    #[test]
    fn a_form_without_score_columns_misses_no_score() {
        let mut r = form();
        r.unscored = true;
        r.total_weight = None;
        r.total_score = None;
        r.funds[0].weight = None;
        r.funds[0].score = None;
        for ind in &mut r.indicators {
            (ind.weight, ind.score) = (None, None);
        }
        assert_eq!(found(&r), []);
    }

    #[test]
    fn columns_a_template_does_not_print_are_not_missing() {
        // A rubric form (自评分 only, total in the header) without a funds
        // block: no weight, no total weight and no funds are expected.
        let mut r = form();
        r.unprinted = Unprinted {
            funds: true,
            total_weight: true,
            indicator_weight: true,
            ..Default::default()
        };
        r.funds.clear();
        r.total_weight = None;
        for ind in &mut r.indicators {
            ind.weight = None;
        }
        assert!(found(&r).iter().all(|c| c.0 != CheckCode::MissingField), "{:?}", found(&r));
        r.unprinted = Unprinted::default();
        assert!(found(&r).iter().any(|c| c.2 == "funds"));
    }

    #[test]
    fn missing_goals_are_not_a_missing_field() {
        // 仲裁院特保经费 prints no goal cells.
        let mut r = form();
        r.goals = Goals { expected: None, achieved: None };
        r.department = None;
        assert_eq!(run(&r), []);
    }

    #[test]
    fn repairs_become_info_checks() {
        let mut r = form();
        r.repairs.push("joined 服务 对象 满意 度指 标 across 4 rows".into());
        let checks = run(&r);
        assert_eq!(checks.len(), 1);
        assert_eq!((checks[0].code, checks[0].severity), (CheckCode::Repaired, Severity::Info));
        assert_eq!(checks[0].message, "joined 服务 对象 满意 度指 标 across 4 rows");
    }
}
