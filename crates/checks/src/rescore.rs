//! Re-scoring: what the usual rules give, beside the printed scores
//! (SCHEMA.md §1 "Re-scoring").

use jixiao_record::{FormRecord, Fund, FundCategory, Indicator, Op, Value};
use serde::Serialize;

use crate::rules::{self, FLOAT_SLACK};

/// The record-level results of re-scoring, serialised as SCHEMA.md's
/// `"rescored": {"fund_score", "total_score", "grade"}`; each is None where
/// a value the rule needs is missing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Rescored {
    /// min(rate, 100) × weight / 100 of the funds total row, to 2 decimals.
    pub fund_score: Option<f64>,
    /// The rescored fund score plus every indicator's rescored score (its
    /// printed score where the rule cannot apply), to 2 decimals.
    pub total_score: Option<f64>,
    /// The grade [`Rescored::total_score`] earns.
    pub grade: Option<String>,
}

/// A quantitative indicator: its target has an operator and a number, its
/// actual a number, and both have the same unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Quantity {
    /// The target's operator.
    pub op: Op,
    /// The target's number.
    pub target: f64,
    /// The actual number.
    pub actual: f64,
}

impl Quantity {
    /// Whether the actual meets the target under its operator. `=` is met
    /// only by the same number: a count of accidents `=0` is missed by 1.
    pub fn is_met(self) -> bool {
        let (a, t) = (self.actual, self.target);
        match self.op {
            Op::Ge => a >= t - FLOAT_SLACK,
            Op::Gt => a > t + FLOAT_SLACK,
            Op::Le => a <= t + FLOAT_SLACK,
            Op::Lt => a < t - FLOAT_SLACK,
            Op::Eq => (a - t).abs() <= FLOAT_SLACK,
        }
    }

    /// The share of the weight a missed target earns: actual/target for a
    /// ≥/> target, target/actual for a ≤/< target. A missed `=` target is
    /// read as ≥ when the actual falls short and as ≤ when it overshoots.
    /// None where the ratio has no meaning (a zero denominator).
    fn missed_share(self) -> Option<f64> {
        let (a, t) = (self.actual, self.target);
        let at_least = match self.op {
            Op::Ge | Op::Gt => true,
            Op::Le | Op::Lt => false,
            Op::Eq => a < t,
        };
        let (num, den) = if at_least { (a, t) } else { (t, a) };
        (den > FLOAT_SLACK).then(|| (num / den).clamp(0.0, 1.0))
    }

    /// The target as written, e.g. `>=90.00%`, for messages.
    pub fn target_text(self, unit: Option<&str>) -> String {
        format!("{}{:.2}{}", op_text(self.op), self.target, unit.unwrap_or(""))
    }
}

/// The operator as SCHEMA.md spells it.
fn op_text(op: Op) -> &'static str {
    match op {
        Op::Ge => ">=",
        Op::Le => "<=",
        Op::Gt => ">",
        Op::Lt => "<",
        Op::Eq => "=",
    }
}

/// The unit with its full-width percent sign folded, so `％` and `%` match.
fn unit_key(value: &Value) -> Option<String> {
    value.unit.as_deref().map(|u| u.trim().replace('％', "%"))
}

/// The indicator's quantity, if it is quantitative with one unit on both
/// sides; different units (人次 against 人) are not comparable. A target
/// printed without an operator (`100%`, national template) is a level to
/// reach: read as ≥.
pub(crate) fn quantity(indicator: &Indicator) -> Option<Quantity> {
    let (target, actual) = (&indicator.target, &indicator.actual);
    if unit_key(target) != unit_key(actual) {
        return None;
    }
    let op = target.op.unwrap_or(Op::Ge);
    Some(Quantity { op, target: target.value?, actual: actual.value? })
}

/// The score the usual rule gives an indicator, to 2 decimals: full weight
/// when a quantitative target is met, the missed share of it otherwise. None
/// for a qualitative indicator (it keeps its printed score) or without a
/// weight.
pub fn indicator_score(indicator: &Indicator) -> Option<f64> {
    let weight = indicator.weight?;
    let q = quantity(indicator)?;
    let share = if q.is_met() { Some(1.0) } else { q.missed_share() };
    share.map(|s| rules::round2(s * weight))
}

/// The funds total row (年度资金总额) and its index, the one row that scores.
pub(crate) fn total_fund(record: &FormRecord) -> Option<(usize, &Fund)> {
    record.funds.iter().enumerate().find(|(_, f)| f.category == FundCategory::Total)
}

/// executed / annual_budget × 100, unrounded; None for an empty budget.
pub(crate) fn computed_rate(fund: &Fund) -> Option<f64> {
    let budget = fund.annual_budget.filter(|b| *b > FLOAT_SLACK)?;
    Some(fund.executed? / budget * 100.0)
}

/// The rescored fund score of the total row: from its printed rate, or from
/// its amounts where the rate was not found.
fn fund_score(fund: &Fund) -> Option<f64> {
    let rate = fund.execution_rate.or_else(|| computed_rate(fund))?;
    Some(rules::round2(rules::fund_score(rate, fund.weight?)))
}

/// Re-scores the record, given each indicator's rescored score (in order).
pub fn form_to_rescored(record: &FormRecord, indicator_scores: &[Option<f64>]) -> Rescored {
    let fund = total_fund(record).map(|(_, f)| f);
    let fund_score = fund.and_then(fund_score);
    let fund_part = fund_score.or(fund.and_then(|f| f.score));
    let indicator_parts = record
        .indicators
        .iter()
        .zip(indicator_scores)
        .map(|(ind, rescored)| rescored.or(ind.score))
        .sum::<Option<f64>>();
    let total_score = fund_part.zip(indicator_parts).map(|(f, i)| rules::round2(f + i));
    let grade = total_score.map(|t| rules::grade_for(t).to_string());
    Rescored { fund_score, total_score, grade }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(op: Option<Op>, v: Option<f64>, unit: Option<&str>) -> Value {
        Value { text: String::new(), op, value: v, unit: unit.map(String::from) }
    }

    fn indicator(target: Value, actual: Value, weight: f64) -> Indicator {
        Indicator {
            level1: None,
            level2: None,
            name: "预算执行率".into(),
            target,
            actual,
            weight: Some(weight),
            score: Some(weight),
            deviation: None,
            ..Indicator::default()
        }
    }

    fn pct(op: Option<Op>, v: f64) -> Value {
        value(op, Some(v), Some("%"))
    }

    #[test]
    fn met_target_scores_full_weight() {
        let ind = indicator(pct(Some(Op::Ge), 90.0), pct(None, 99.29), 10.0);
        assert_eq!(indicator_score(&ind), Some(10.0));
        let ind = indicator(pct(Some(Op::Eq), 100.0), pct(None, 100.0), 10.0);
        assert_eq!(indicator_score(&ind), Some(10.0));
        let ind = indicator(pct(Some(Op::Lt), 1.0), pct(None, 0.0), 5.0);
        assert_eq!(indicator_score(&ind), Some(5.0));
    }

    #[test]
    fn missed_at_least_target_scores_actual_over_target() {
        // 01 新疆支青稳定专项经费: 85.35% of ≥90%, weight 5.
        let ind = indicator(pct(Some(Op::Ge), 90.0), pct(None, 85.35), 5.0);
        assert_eq!(indicator_score(&ind), Some(4.74));
    }

    #[test]
    fn missed_at_most_target_scores_target_over_actual() {
        let ind = indicator(pct(Some(Op::Le), 2.0), pct(None, 4.0), 10.0);
        assert_eq!(indicator_score(&ind), Some(5.0));
        let ind = indicator(pct(Some(Op::Lt), 0.0), pct(None, 0.0), 10.0);
        assert_eq!(indicator_score(&ind), None, "0/0 has no share");
    }

    #[test]
    fn missed_equal_target_reads_as_at_least_or_at_most() {
        // 14 劳动仲裁业务经费: 24 of =30 people, weight 5.
        let people = |v| value(Some(Op::Eq), Some(v), Some("人"));
        let ind = indicator(people(30.0), value(None, Some(24.0), Some("人")), 5.0);
        assert_eq!(indicator_score(&ind), Some(4.0));
        let ind = indicator(people(2.0), value(None, Some(4.0), Some("人")), 5.0);
        assert_eq!(indicator_score(&ind), Some(2.5));
    }

    #[test]
    fn qualitative_or_mixed_units_keep_no_rescore() {
        let ind = indicator(value(None, None, None), value(None, None, None), 10.0);
        assert_eq!(indicator_score(&ind), None);
        let ind = indicator(pct(Some(Op::Ge), 90.0), value(None, Some(50.0), Some("人")), 10.0);
        assert_eq!(indicator_score(&ind), None);
        let full_width = value(None, Some(95.0), Some("％"));
        let ind = indicator(pct(Some(Op::Ge), 90.0), full_width, 10.0);
        assert_eq!(indicator_score(&ind), Some(10.0));
    }
}
