//! Where each field of a record was printed (SCHEMA.md §1d): the origins
//! the table crate kept on every text, under the record's JSON paths.
//!
//! Only fields that are not null get an entry, and only where the form
//! kept an origin (every cell read from a file has one). A number shares
//! the origin of the cell it was parsed from; `op`, `value` and `unit` of a
//! target or actual share the value cell's, except where the template
//! prints the operator or unit in a column of its own (指标性质, 度量单位).

use jixiao_table::{Form, FundRow, IndicatorRow, Origin, Text};

use crate::model::{FormRecord, Fund, Indicator, Value};

/// The origins of every non-null field of `record`, which
/// [`form_to_record`](crate::form_to_record) made from `form`, by JSON path
/// in record order.
pub fn form_to_provenance(form: &Form, record: &FormRecord) -> Vec<(String, Vec<Origin>)> {
    let mut p = Paths::default();
    p.put("title", record.title.is_some(), form.title.as_ref());
    p.put_at("year", record.year.is_some(), &form.year_at);
    p.put("project_name", record.project_name.is_some(), form.project_name.as_ref());
    p.put("department", record.department.is_some(), form.department.as_ref());
    p.put("implementer", record.implementer.is_some(), form.implementer.as_ref());
    p.put("fund_unit", record.fund_unit.is_some(), form.fund_unit.as_ref());
    for (i, (row, fund)) in form.funds.iter().zip(&record.funds).enumerate() {
        fund_paths(&mut p, &format!("funds[{i}]"), row, fund);
    }
    p.put("goals.expected", record.goals.expected.is_some(), form.goal_expected.as_ref());
    p.put("goals.achieved", record.goals.achieved.is_some(), form.goal_achieved.as_ref());
    for (i, (row, ind)) in form.indicators.iter().zip(&record.indicators).enumerate() {
        indicator_paths(&mut p, &format!("indicators[{i}]"), row, ind);
    }
    p.put("total_weight", record.total_weight.is_some(), form.total_weight.as_ref());
    p.put("total_score", record.total_score.is_some(), form.total_score.as_ref());
    p.put("grade", record.grade.is_some(), form.grade.as_ref());
    p.put("review_score", record.review_score.is_some(), form.review_score.as_ref());
    p.put("conclusion", record.conclusion.is_some(), form.conclusion.as_ref());
    p.put("problems", record.problems.is_some(), form.problems.as_ref());
    p.put("measures", record.measures.is_some(), form.measures.as_ref());
    extra_paths(&mut p, form, record);
    p.0
}

/// The paths collected so far.
#[derive(Default)]
struct Paths(Vec<(String, Vec<Origin>)>);

impl Paths {
    /// `path` gets `text`'s origins when the record's field is set.
    fn put(&mut self, path: &str, set: bool, text: Option<&Text>) {
        self.put_in("", path, set, text);
    }
    /// `parent.name` gets `text`'s origins when the field is set; the path
    /// is only formatted then (most fields of a row are null).
    fn put_in(&mut self, parent: &str, name: &str, set: bool, text: Option<&Text>) {
        match text {
            Some(t) if set && !t.at.is_empty() => {
                let path =
                    if parent.is_empty() { name.to_string() } else { format!("{parent}.{name}") };
                self.0.push((path, t.at.clone()));
            }
            _ => {}
        }
    }
    fn put_at(&mut self, path: &str, set: bool, at: &[Origin]) {
        if set && !at.is_empty() {
            self.0.push((path.to_string(), at.to_vec()));
        }
    }
}

fn fund_paths(p: &mut Paths, at: &str, row: &FundRow, fund: &Fund) {
    p.put_in(at, "label", true, Some(&row.label));
    p.put_in(at, "category", true, Some(&row.label));
    let fields = [
        ("initial_budget", fund.initial_budget, &row.initial_budget),
        ("annual_budget", fund.annual_budget, &row.annual_budget),
        ("executed", fund.executed, &row.executed),
        ("weight", fund.weight, &row.weight),
        ("execution_rate", fund.execution_rate, &row.execution_rate),
        ("score", fund.score, &row.score),
    ];
    for (name, value, text) in fields {
        p.put_in(at, name, value.is_some(), text.as_ref());
    }
    p.put_in(at, "reason", fund.reason.is_some(), row.reason.as_ref());
}

fn indicator_paths(p: &mut Paths, at: &str, row: &IndicatorRow, ind: &Indicator) {
    p.put_in(at, "level1", ind.level1.is_some(), row.level1.as_ref());
    p.put_in(at, "level2", ind.level2.is_some(), row.level2.as_ref());
    p.put_in(at, "name", true, Some(&row.name));
    value_paths(p, &format!("{at}.target"), row.target.as_ref(), &ind.target, row);
    value_paths(p, &format!("{at}.actual"), row.actual.as_ref(), &ind.actual, row);
    let numbers = [
        ("weight", ind.weight.is_some(), &row.weight),
        ("score", ind.score.is_some(), &row.score),
        ("review_score", ind.review_score.is_some(), &row.review_score),
    ];
    let texts = [
        ("deviation", ind.deviation.is_some(), &row.deviation),
        ("level1_weight", ind.level1_weight.is_some(), &row.level1),
        ("level2_weight", ind.level2_weight.is_some(), &row.level2),
        ("level1_class", ind.level1_class.is_some(), &row.level1),
        ("nature", ind.nature.is_some(), &row.nature),
        ("improvement", ind.improvement.is_some(), &row.improvement),
        ("criteria", ind.criteria.is_some(), &row.criteria),
        ("explanation", ind.explanation.is_some(), &row.explanation),
        ("core", ind.core.is_some(), &row.core),
    ];
    for (name, set, text) in numbers.into_iter().chain(texts) {
        p.put_in(at, name, set, text.as_ref());
    }
}

/// `text`, `op`, `value` and `unit` of a target or actual: the value
/// cell's origin, or the 指标性质 / 度量单位 cell's where the value cell
/// printed no operator or unit of its own.
fn value_paths(p: &mut Paths, at: &str, cell: Option<&Text>, v: &Value, row: &IndicatorRow) {
    let Some(cell) = cell else { return };
    p.put_in(at, "text", true, Some(cell));
    p.put_in(at, "value", v.value.is_some(), Some(cell));
    if v.op.is_none() && v.unit.is_none() {
        return;
    }
    let own = crate::parse_value(cell);
    let op_from = if own.op.is_some() { Some(cell) } else { row.nature.as_ref() };
    p.put_in(at, "op", v.op.is_some(), op_from);
    let unit_from = if own.unit.is_some() { Some(cell) } else { row.unit.as_ref() };
    p.put_in(at, "unit", v.unit.is_some(), unit_from);
}

/// `extra[k].label` and `.value`: the side cells, then the cells of
/// funds and indicator columns no field takes (whose label names the row, not a
/// printed cell: only their value has an origin).
fn extra_paths(p: &mut Paths, form: &Form, record: &FormRecord) {
    let side = form.extra.iter().map(|(label, value)| (Some(label), value.as_ref()));
    // In the order of `normalise::extras`: side cells, funds columns,
    // indicator columns.
    let funds = form.funds.iter().flat_map(|f| f.other.iter().map(|(_, text)| (None, Some(text))));
    let columns =
        form.indicators.iter().flat_map(|ind| ind.other.iter().map(|(_, text)| (None, Some(text))));
    for (k, ((label, value), extra)) in
        side.chain(funds).chain(columns).zip(&record.extra).enumerate()
    {
        let at = format!("extra[{k}]");
        p.put_in(&at, "label", true, label);
        p.put_in(&at, "value", extra.value.is_some(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_layout::text::text_to_rows;

    #[test]
    fn every_field_of_a_dump_names_its_line_and_column() {
        let dump = "财政项目支出绩效自评表\n(2024年度)\n\
            项目名称\t\t测试项目\n\
            一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
            产出指标\t数量指标\t培训人次\t≥300(人次)\t320(人次)\t10.00\t10.00\n\
            \t\t完成及时性\t及时\t达成指标\t5.00\t5.00\n";
        let forms = jixiao_table::rows_to_forms(&text_to_rows(dump));
        let record = crate::form_to_record(&forms[0]);
        let p = form_to_provenance(&forms[0], &record);
        let at = |path: &str| p.iter().find(|(k, _)| k == path).map(|(_, v)| v.clone());
        let line = |line, col| vec![Origin::Line { page: 1, line, col }];
        assert_eq!(at("title"), Some(line(1, 0)));
        assert_eq!(at("year"), Some(line(2, 0)));
        assert_eq!(at("project_name"), Some(line(3, 2)));
        assert_eq!(at("indicators[0].target.op"), Some(line(5, 3)));
        assert_eq!(at("indicators[1].level1"), Some(line(5, 0)), "carried down");
        assert_eq!(at("indicators[1].score"), Some(line(6, 6)));
        assert_eq!(at("indicators[1].target.value"), None, "a qualitative target has no value");
        assert_eq!(at("department"), None, "null fields have no provenance");
    }
}
