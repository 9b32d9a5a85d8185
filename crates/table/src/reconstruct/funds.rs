//! The funds block (项目资金 and its other names): the unit from the block
//! label, each row's label and values by the column they sit under, a 原因
//! column, columns no field takes, and `label:amount` cells.

use super::read::{all_distinct, header_roles, role_at, span_at, Span};
use crate::row::{Cell, Row};
use crate::text::normalize;
use crate::token::CellKind;
use crate::vocab::{self, header_key, FundColumn, FUND_COLUMNS};
use crate::{Form, FundRow, Text};

/// Every bracketed text, in order: `预算执行情况(万元)(20分)` → 万元, 20分.
fn brackets(t: &str) -> impl Iterator<Item = String> + '_ {
    t.match_indices(['(', '（']).filter_map(move |(open, b)| {
        let inner = &t[open + b.len()..];
        let close = inner.find([')', '）'])?;
        Some(inner[..close].trim().to_string()).filter(|s| !s.is_empty())
    })
}

/// The money unit a funds label carries in brackets, if any.
fn money_unit(text: &str) -> Option<String> {
    brackets(&normalize(text)).find(|u| vocab::MONEY_UNITS.contains(&u.as_str()))
}

/// The funds block: the unit from the block label, then each row's label and
/// values.
pub(crate) fn read(form: &mut Form, header: &[&Row], rows: &[&Row]) {
    // The unit sits in the 项目资金 label, wherever the block printed it.
    form.fund_unit = header
        .iter()
        .chain(rows)
        .flat_map(|r| r.filled())
        .filter(|c| vocab::is_funds_label(&c.key))
        .find_map(|c| money_unit(&c.text).map(|unit| Text::of(c).derive(unit)));
    form.printed.funds_block = true;
    let roles: Vec<Span<FundColumn>> = header
        .iter()
        .flat_map(|h| header_roles(h, FUND_COLUMNS, Some(FundColumn::Other)))
        .filter(|s| !(s.role == FundColumn::Other && vocab::is_funds_label(&header_key(&s.label))))
        .collect();
    // An amount under no named column means the header lost a cell (dumps
    // do): what it lacks is then unknown, not unprinted.
    let unnamed = rows.iter().flat_map(|r| r.filled()).any(|c| {
        matches!(c.kind, CellKind::Amount | CellKind::Dash) && role_at(&roles, c).is_none()
    });
    form.printed.fund_header |= !roles.is_empty() && !unnamed;
    form.printed.fund_weight |= roles.iter().any(|s| s.role == FundColumn::Weight);
    form.printed.fund_score |= roles.iter().any(|s| s.role == FundColumn::Score);
    for row in rows {
        if let Some(pairs) = labelled_amounts(row) {
            form.extra.extend(pairs);
            continue;
        }
        match fund_row(row, &roles) {
            Some(f) if f.label.is_empty() => match form.funds.first_mut() {
                Some(total) if total.weight.is_none() => total.weight = f.weight,
                _ => {}
            },
            Some(f) => form.funds.push(f),
            None => {}
        }
    }
}

/// A row of `label:amount` cells (按收入性质分 splits of 部门整体 forms):
/// each pair for `extra`, as no fund column holds it.
fn labelled_amounts(row: &Row) -> Option<Vec<(Text, Option<Text>)>> {
    let cells: Vec<&Cell> = row.filled().collect();
    let pairs: Vec<(Text, Option<Text>)> = cells
        .iter()
        .filter_map(|c| {
            let (label, amount) = crate::token::labelled_amount(&c.text)?;
            let own = Text::of(c);
            Some((own.derive(normalize(label)), Some(own.derive(amount))))
        })
        .collect();
    (!pairs.is_empty() && pairs.len() == cells.len()).then_some(pairs)
}

/// The canonical column order of the funds block, used when a row holds all
/// six values but its header lost one.
const CANONICAL_FUND_ORDER: [FundColumn; 6] = [
    FundColumn::Initial,
    FundColumn::Annual,
    FundColumn::Executed,
    FundColumn::Weight,
    FundColumn::Rate,
    FundColumn::Score,
];

fn fund_row(row: &Row, roles: &[Span<FundColumn>]) -> Option<FundRow> {
    let cells: Vec<&Cell> = row.filled().collect();
    let label_at =
        cells.iter().position(|c| c.kind == CellKind::Text && !vocab::is_funds_label(&c.key))?;
    let values: Vec<&Cell> = cells[label_at + 1..]
        .iter()
        .copied()
        .filter(|c| matches!(c.kind, CellKind::Amount | CellKind::Dash | CellKind::Measure))
        .collect();
    if values.is_empty() {
        return None;
    }
    if vocab::role_of_key(FUND_COLUMNS, &cells[label_at].key) == Some(FundColumn::Weight) {
        // A 分值 row of its own under the fund rows: the weight of the
        // total row, not a fund.
        return Some(FundRow {
            label: Text::default(),
            weight: Some(Text::of(values[0])),
            ..FundRow::default()
        });
    }
    let numeric: Vec<Span<FundColumn>> = roles
        .iter()
        .filter(|s| !matches!(s.role, FundColumn::Reason | FundColumn::Other))
        .cloned()
        .collect();
    let (other, values): (Vec<&Cell>, Vec<&Cell>) =
        values.iter().partition(|c| role_at(roles, c) == Some(FundColumn::Other));
    let assigned = assign_fund_values(&values, &numeric);
    let reason = cells[label_at + 1..]
        .iter()
        .find(|c| c.kind == CellKind::Text && role_at(roles, c) == Some(FundColumn::Reason));
    let mut fund = FundRow {
        label: Text::of(cells[label_at]),
        reason: reason.map(|c| Text::of(c)),
        other: other
            .iter()
            .filter_map(|c| Some((span_at(roles, c)?.label.clone(), Text::of(c))))
            .collect(),
        ..FundRow::default()
    };
    for (role, cell) in assigned {
        let text = Some(Text::of(cell));
        match role {
            FundColumn::Initial => fund.initial_budget = text,
            FundColumn::Annual => fund.annual_budget = text,
            FundColumn::Executed => fund.executed = text,
            FundColumn::Weight => fund.weight = text,
            FundColumn::Rate => fund.execution_rate = text,
            FundColumn::Score => fund.score = text,
            FundColumn::Reason | FundColumn::Other => {}
        }
    }
    Some(fund)
}

/// Values to roles: by column when every value sits under its own header
/// cell; else in printed order, against the header's roles when the counts
/// agree, or against the canonical order when the row holds all six.
fn assign_fund_values<'a>(
    values: &[&'a Cell],
    roles: &[Span<FundColumn>],
) -> Vec<(FundColumn, &'a Cell)> {
    let by_column: Vec<Option<FundColumn>> = values.iter().map(|c| role_at(roles, c)).collect();
    if by_column.iter().all(Option::is_some) && all_distinct(&by_column) {
        return by_column.into_iter().flatten().zip(values.iter().copied()).collect();
    }
    if values.len() == roles.len() {
        return roles.iter().map(|s| s.role).zip(values.iter().copied()).collect();
    }
    if values.len() == CANONICAL_FUND_ORDER.len() {
        return CANONICAL_FUND_ORDER.iter().copied().zip(values.iter().copied()).collect();
    }
    by_column
        .into_iter()
        .zip(values.iter().copied())
        .filter_map(|(r, c)| r.map(|r| (r, c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    #[test]
    fn unit_from_brackets() {
        assert_eq!(money_unit("项目资金 (万元)").as_deref(), Some("万元"));
        assert_eq!(money_unit("项目资金（万元）").as_deref(), Some("万元"));
        assert_eq!(money_unit("预算执行情况(10分)"), None);
        assert_eq!(money_unit("预算执行情况(万元)(20分)").as_deref(), Some("万元"));
        assert_eq!(money_unit("项目资金"), None);
    }

    fn funds_of(dump: &str) -> Vec<FundRow> {
        let rows = text_to_rows(dump);
        let mut form = Form::default();
        let refs: Vec<&Row> = rows[1..].iter().collect();
        read(&mut form, &[&rows[0]], &refs);
        form.funds
    }

    #[test]
    fn fund_values_by_column_keep_a_lost_column_empty() {
        let f = funds_of(
            "项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t\t分数\t执行率(%)\n\
             \t年度资金总额:\t86.52\t86.52\t81.73\t\t10.00\t94.46\n",
        );
        assert_eq!(f[0].weight.as_deref(), Some("10.00"));
        assert_eq!(f[0].execution_rate.as_deref(), Some("94.46"));
        assert_eq!(f[0].score, None);
    }

    #[test]
    fn fund_values_in_order_when_the_header_is_shifted() {
        let f = funds_of(
            "项目资金 (万元)\t\t\t年初预算数\t全年预算数\t全年执行数\t分数\t执行率(%)\n\
             \t年度资金总额:\t28.47\t28.47\t28.27\t10.00\t99.29\t9.93\n",
        );
        assert_eq!(f[0].initial_budget.as_deref(), Some("28.47"));
        assert_eq!(f[0].execution_rate.as_deref(), Some("99.29"));
        assert_eq!(f[0].score.as_deref(), Some("9.93"));
    }
}
