//! Grid → record: the reconstructed form's texts become typed fields.

use jixiao_table::text::normalize;
use jixiao_table::token::{cell_kind, parse_amount, parse_measure, split_operator, CellKind};
use jixiao_table::vocab::{self, fund_category, label_points, level1_class};
use jixiao_table::{Form, FundRow, IndicatorRow, Text};

use crate::model::*;

/// 部门整体: marks a department-wide form in its title.
const 部门整体: &str = "部门整体";

/// Turns one reconstructed form into its record (without `source`).
pub fn form_to_record(form: &Form) -> FormRecord {
    let title = owned(&form.title).filter(|t| !t.is_empty());
    let department_wide = title.as_deref().is_some_and(|t| t.contains(部门整体));
    FormRecord {
        schema_version: SCHEMA_VERSION,
        source: None,
        kind: if department_wide { FormKind::Department } else { FormKind::Project },
        title,
        year: form.year,
        project_name: owned(&form.project_name),
        department: owned(&form.department),
        implementer: owned(&form.implementer),
        fund_unit: owned(&form.fund_unit),
        funds: form.funds.iter().map(fund_row_to_fund).collect(),
        goals: Goals { expected: owned(&form.goal_expected), achieved: owned(&form.goal_achieved) },
        indicators: form.indicators.iter().map(indicator_row_to_indicator).collect(),
        total_weight: number(form.total_weight.as_deref()),
        total_score: number(form.total_score.as_deref()),
        grade: owned(&form.grade).filter(|g| !g.is_empty()),
        review_score: number(form.review_score.as_deref()),
        conclusion: owned(&form.conclusion),
        problems: owned(&form.problems),
        measures: owned(&form.measures),
        extra: extras(form),
        repairs: form.repairs.clone(),
        decimals: printed_decimals(form),
        unscored: !form.printed.scored(),
        unprinted: unprinted(form),
        ..FormRecord::default()
    }
}

/// A text field's text.
fn owned(text: &Option<Text>) -> Option<String> {
    text.as_ref().map(|t| t.text.clone())
}

/// The form's side cells, then the cells of indicator columns no field
/// takes, labelled with the indicator's path (`indicators[3].调整指标值`).
fn extras(form: &Form) -> Vec<Extra> {
    // The table crate already dropped the labels' trailing colons.
    let side = form
        .extra
        .iter()
        .map(|(label, value)| Extra { label: label.text.clone(), value: owned(value) });
    let column = |at: String, header: &str, text: &Text| Extra {
        label: format!("{at}.{header}"),
        value: Some(text.text.clone()),
    };
    let funds = form.funds.iter().enumerate().flat_map(|(i, f)| {
        f.other.iter().map(move |(header, text)| column(format!("funds[{i}]"), header, text))
    });
    let indicators = form.indicators.iter().enumerate().flat_map(|(i, ind)| {
        ind.other.iter().map(move |(h, text)| column(format!("indicators[{i}]"), h, text))
    });
    side.chain(funds).chain(indicators).collect()
}

/// The weight and score columns whose headers were read and lack them. A
/// funds block prints its 分值 and 得分 together: a header naming one of
/// them lost the other (text dumps drop a header cell with its column).
fn unprinted(form: &Form) -> Unprinted {
    let c = form.printed;
    let no_fund_scores = c.fund_header && !c.fund_weight && !c.fund_score;
    Unprinted {
        fund_weight: no_fund_scores,
        fund_score: no_fund_scores,
        funds: !c.funds_block,
        total_weight: c.header_total && !c.total_row,
        indicator_weight: c.indicator_header && !c.indicator_weight,
        indicator_score: c.indicator_header && !c.indicator_score,
    }
}

/// The printed precision of the numbers the checks compare.
fn printed_decimals(form: &Form) -> std::collections::BTreeMap<String, u8> {
    let mut out = std::collections::BTreeMap::new();
    let mut put = |path: String, text: Option<&str>| {
        if let Some(d) = text.and_then(decimals_of) {
            out.insert(path, d);
        }
    };
    put("total_score".into(), form.total_score.as_deref());
    put("total_weight".into(), form.total_weight.as_deref());
    for (i, f) in form.funds.iter().enumerate() {
        put(format!("funds[{i}].execution_rate"), f.execution_rate.as_deref());
        put(format!("funds[{i}].score"), f.score.as_deref());
    }
    for (i, ind) in form.indicators.iter().enumerate() {
        put(format!("indicators[{i}].score"), ind.score.as_deref());
        put(format!("indicators[{i}].actual"), ind.actual.as_deref());
    }
    out
}

/// Digits after the decimal point of the first number in `text` (0 for a
/// whole number); None when there is no number.
pub fn decimals_of(text: &str) -> Option<u8> {
    let start = text.find(|c: char| c.is_ascii_digit())?;
    let number: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .collect();
    let decimals = number.split_once('.').map_or(0, |(_, frac)| frac.trim_end_matches(',').len());
    u8::try_from(decimals).ok()
}

/// An amount as printed, or None for an empty or dash cell.
pub fn number(text: Option<&str>) -> Option<f64> {
    parse_amount(text?)
}

fn fund_row_to_fund(row: &FundRow) -> Fund {
    let label = normalize(&row.label).trim_end_matches([':', '：']).trim_end().to_string();
    Fund {
        category: fund_category(&label),
        label,
        initial_budget: number(row.initial_budget.as_deref()),
        annual_budget: number(row.annual_budget.as_deref()),
        executed: number(row.executed.as_deref()),
        weight: number(row.weight.as_deref()),
        execution_rate: number(row.execution_rate.as_deref()),
        score: number(row.score.as_deref()),
        reason: filled(row.reason.as_deref()),
    }
}

fn indicator_row_to_indicator(row: &IndicatorRow) -> Indicator {
    let unit = filled(row.unit.as_deref());
    let mut target = parse_value(row.target.as_deref().unwrap_or(""));
    let mut actual = parse_value(row.actual.as_deref().unwrap_or(""));
    // Templates that print the operator and the unit in columns of their
    // own (指标性质 | 指标值 | 度量单位): the value cell keeps its text.
    if target.value.is_some() {
        target.op = target.op.or_else(|| row.nature.as_deref().and_then(operator));
    }
    for v in [&mut target, &mut actual] {
        if v.value.is_some() && v.unit.is_none() {
            v.unit = unit.clone();
        }
    }
    Indicator {
        level1: owned(&row.level1),
        level2: owned(&row.level2),
        name: row.name.text.clone(),
        target,
        actual,
        weight: number(row.weight.as_deref()),
        score: number(row.score.as_deref()),
        deviation: filled(row.deviation.as_deref()),
        level1_weight: row.level1.as_deref().and_then(label_points),
        level2_weight: row.level2.as_deref().and_then(label_points),
        level1_class: row.level1.as_deref().map(level1_class),
        nature: filled(row.nature.as_deref()),
        improvement: filled(row.improvement.as_deref()),
        review_score: number(row.review_score.as_deref()),
        criteria: filled(row.criteria.as_deref()),
        explanation: filled(row.explanation.as_deref()),
        core: row.core.as_deref().and_then(yes_no),
    }
}

/// A text cell, None when empty or a no-value dash.
fn filled(text: Option<&str>) -> Option<String> {
    let t = normalize(text?);
    (!t.is_empty() && cell_kind(&t) != CellKind::Dash).then_some(t)
}

/// The operator a 指标性质 cell prints (`≥`, `=`…); None for 定量/定性.
fn operator(nature: &str) -> Option<Op> {
    let key: String = nature.chars().filter(|c| !c.is_whitespace()).collect();
    let (op, rest) = split_operator(&key);
    op.filter(|_| rest.is_empty()).map(op_of)
}

/// 是 → true, 否 → false.
fn yes_no(text: &str) -> Option<bool> {
    match normalize(text).as_str() {
        vocab::是 => Some(true),
        vocab::否 => Some(false),
        _ => None,
    }
}

/// Parses a target or actual cell: `≥90.00(%)` → op `>=`, 90.0, `%`.
/// Qualitative text keeps op, value and unit null.
pub fn parse_value(text: &str) -> Value {
    let text = normalize(text);
    let Some(m) = parse_measure(&text) else {
        return Value { text, ..Value::default() };
    };
    Value { text, op: m.op.map(op_of), value: Some(m.value), unit: m.unit }
}

/// The operator of the token parser's ASCII spelling.
fn op_of(ascii: &str) -> Op {
    match ascii {
        ">=" => Op::Ge,
        "<=" => Op::Le,
        ">" => Op::Gt,
        "<" => Op::Lt,
        _ => Op::Eq,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(t: &str) -> (Option<Op>, Option<f64>, Option<String>) {
        let p = parse_value(t);
        (p.op, p.value, p.unit)
    }

    #[test]
    fn values_with_operators_and_units() {
        assert_eq!(v("≥90.00(%)"), (Some(Op::Ge), Some(90.0), Some("%".into())));
        assert_eq!(v("≤5(天)"), (Some(Op::Le), Some(5.0), Some("天".into())));
        assert_eq!(v("=100.00(%)"), (Some(Op::Eq), Some(100.0), Some("%".into())));
        assert_eq!(v("<1.00(%)"), (Some(Op::Lt), Some(1.0), Some("%".into())));
        assert_eq!(v(">0"), (Some(Op::Gt), Some(0.0), None));
        assert_eq!(v("＞95%"), (Some(Op::Gt), Some(95.0), Some("%".into())));
        assert_eq!(v("≧ 3 (人次)"), (Some(Op::Ge), Some(3.0), Some("人次".into())));
        assert_eq!(v("320.00(人次)"), (None, Some(320.0), Some("人次".into())));
        assert_eq!(v("10606.00(件)"), (None, Some(10606.0), Some("件".into())));
        assert_eq!(v("3,013.00"), (None, Some(3013.0), None));
        assert_eq!(v("100%"), (None, Some(100.0), Some("%".into())));
        assert_eq!(v("365天"), (None, Some(365.0), Some("天".into())));
    }

    #[test]
    fn qualitative_text_has_no_number() {
        for t in ["准确", "达成指标", "有效提升", "部分达成指标并具有一定效果", ""]
        {
            assert_eq!(v(t), (None, None, None), "{t}");
        }
        assert_eq!(parse_value("符合计划安 排").text, "符合计划安排");
    }

    #[test]
    fn printed_precision() {
        assert_eq!(decimals_of("93.70"), Some(2));
        assert_eq!(decimals_of("93.7"), Some(1));
        assert_eq!(decimals_of("≥1,200人次"), Some(0));
        assert_eq!(decimals_of("94.6%"), Some(1));
        assert_eq!(decimals_of("达成指标"), None);
    }

    #[test]
    fn dash_and_empty_amounts_are_null() {
        assert_eq!(number(Some("-")), None);
        assert_eq!(number(Some("")), None);
        assert_eq!(number(None), None);
        assert_eq!(number(Some("4,088.20")), Some(4088.2));
    }
}
