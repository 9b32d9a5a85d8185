//! The indicator block: each row read by column role (or, where a text dump
//! shifted its cells, by content from the right: deviation, score, weight,
//! actual, target, then the labels), merged 一级/二级 labels carried down,
//! and rows cut by page breaks repaired.

use crate::row::{Cell, Row};

use super::read::{header_roles, role_at, row_text, span_at, Span};
use crate::token::{cell_kind, CellKind};
use crate::vocab::{self, complete_label, IndicatorColumn as Col, INDICATOR_COLUMNS};
use crate::{Form, IndicatorRow, Repair, RepairKind, Text};

/// One indicator row as printed, before labels are carried down.
#[derive(Clone, Debug, Default, PartialEq)]
struct Printed {
    level1: Option<Text>,
    level2: Option<Text>,
    name: Option<Text>,
    /// The fields after the name, as the indicator will hold them.
    fields: IndicatorRow,
}

impl Printed {
    /// The slot a role fills; None for roles that keep no text (序号) or
    /// many (`Other`).
    fn slot(&mut self, role: Col) -> Option<&mut Option<Text>> {
        match role {
            Col::Level1 => Some(&mut self.level1),
            Col::Level2 => Some(&mut self.level2),
            Col::Name => Some(&mut self.name),
            _ => field_slot(&mut self.fields, role),
        }
    }
}

/// The slot of an indicator that a column after the name fills.
fn field_slot(f: &mut IndicatorRow, role: Col) -> Option<&mut Option<Text>> {
    Some(match role {
        Col::Nature => &mut f.nature,
        Col::Unit => &mut f.unit,
        Col::Target => &mut f.target,
        Col::Actual => &mut f.actual,
        Col::Weight => &mut f.weight,
        Col::Score => &mut f.score,
        Col::ReviewScore => &mut f.review_score,
        Col::Deviation => &mut f.deviation,
        Col::Improvement => &mut f.improvement,
        Col::Criteria => &mut f.criteria,
        Col::Explanation => &mut f.explanation,
        Col::Core => &mut f.core,
        Col::Seq | Col::Other | Col::Level1 | Col::Level2 | Col::Name => return None,
    })
}

fn is_number(c: &Cell) -> bool {
    matches!(c.kind, CellKind::Amount | CellKind::Dash)
}

/// Reads the block into `form.indicators`; gives the header's column roles.
pub(crate) fn read(form: &mut Form, header: &[&Row], rows: &[&Row]) -> Vec<Span<Col>> {
    let roles: Vec<Span<Col>> =
        header.iter().flat_map(|h| header_roles(h, INDICATOR_COLUMNS, Some(Col::Other))).collect();
    let level2_col = roles.iter().find(|s| s.role == Col::Level2).map(|s| s.start);
    let mut carry = Carry::default();
    let mut groups: Vec<Group> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if row.is_blank() {
            continue;
        }
        if row.filled().all(|c| vocab::is_placeholder(&c.text)) {
            let message =
                format!("dropped placeholder row \"{}\" on page {}", row_text(row), row.page);
            form.repairs.push(Repair::of_row(RepairKind::DroppedPlaceholder, message, row));
            continue;
        }
        if levels_only(row, &roles, form) {
            // A 一级/二级 label printed with no indicator under it (经济效益
            // 指标 of a template left empty): the labels in force change.
            for c in row.filled() {
                match role_at(&roles, c) {
                    Some(Col::Level1) => (carry.level1, carry.level2) = (Some(Text::of(c)), None),
                    _ => carry.level2 = Some(Text::of(c)),
                }
            }
            continue;
        }
        if let Some(p) = by_columns(row, &roles).or_else(|| by_content(row)) {
            let l2_span = level2_col.and_then(|c| span_covering(rows, i, c));
            let own_level1 = p.level1.is_some();
            let own = (p.level1.clone(), p.level2.clone());
            let before = form.indicators.len();
            carry.push(form, p, row, l2_span.is_some_and(|(start, _)| start < i));
            if form.indicators.len() > before {
                groups.push(Group {
                    l2_span: l2_span.filter(|s| s.1 > 1).map(|s| s.0),
                    own_level1,
                    own,
                });
            }
        } else if row.filled().all(|c| c.kind == CellKind::Text) {
            join_fragment(form, &mut carry, row, &roles);
        } else {
            let message = format!(
                "dropped unreadable indicator row \"{}\" on page {}",
                row_text(row),
                row.page
            );
            form.repairs.push(Repair::of_row(RepairKind::DroppedRow, message, row));
        }
    }
    nest_level1_over_level2_groups(form, &groups);
    labels_printed_at_the_bottom(form, &groups);
    form.printed.indicator_header |= !roles.is_empty();
    form.printed.indicator_weight |= roles.iter().any(|s| s.role == Col::Weight);
    form.printed.indicator_score |= roles.iter().any(|s| s.role == Col::Score);
    roles
}

/// Where an indicator's labels came from, for the nesting repair.
struct Group {
    /// The row where the 二级 cell covering it starts, when that cell spans
    /// several rows.
    l2_span: Option<usize>,
    /// Whether the row printed its own 一级 cell.
    own_level1: bool,
    /// The 一级 and 二级 labels the row printed itself.
    own: (Option<Text>, Option<Text>),
}

/// The cell covering column `col` at row `i` that starts on an earlier or
/// the same row: (its row, its rowspan).
fn span_covering(rows: &[&Row], i: usize, col: usize) -> Option<(usize, usize)> {
    let (up, k) = crate::join::covering_cell(rows, i, col)?;
    let cell = &rows[up].cells[k];
    (!cell.is_blank()).then_some((up, cell.rowspan.max(1)))
}

/// Some exports print a merged label in the last row it spans instead of
/// the first. Then the first indicator has no 一级 label of its own though
/// later ones do (a form printed top-aligned always labels its first row):
/// each row takes the next label printed at or below it.
fn labels_printed_at_the_bottom(form: &mut Form, groups: &[Group]) {
    let first_unlabelled = groups.first().is_some_and(|g| g.own.0.is_none());
    let later_labelled = groups.iter().any(|g| g.own.0.is_some());
    if !first_unlabelled || !later_labelled || groups.len() != form.indicators.len() {
        return;
    }
    let (mut next1, mut next2): (Option<Text>, Option<Text>) = (None, None);
    for (ind, g) in form.indicators.iter_mut().zip(groups).rev() {
        if g.own.0.is_some() {
            next1 = g.own.0.clone();
            next2 = None;
        }
        if g.own.1.is_some() {
            next2 = g.own.1.clone();
        }
        ind.level1 = next1.clone().or(ind.level1.take());
        ind.level2 = next2.clone().or(ind.level2.take());
    }
    let message = "一级/二级 labels printed in the last row of their merged cells: carried upward";
    form.repairs.push(Repair::new(RepairKind::CarriedLabels, message.to_string(), Vec::new()));
}

/// 二级 groups nest inside 一级 groups: when a 一级 cell starts inside a
/// merged 二级 cell (a label cut one row short, as inferred grids of pages
/// without rulings can give), the rows of that 二级 group above it belong to
/// it too.
fn nest_level1_over_level2_groups(form: &mut Form, groups: &[Group]) {
    for (k, g) in groups.iter().enumerate() {
        let Some(start) = g.l2_span else { continue };
        if !g.own_level1 || k == 0 || groups[k - 1].l2_span != Some(start) {
            continue;
        }
        let level1 = form.indicators[k].level1.clone();
        let mut j = k;
        while j > 0 && groups[j - 1].l2_span == Some(start) && !groups[j - 1].own_level1 {
            j -= 1;
            form.indicators[j].level1 = level1.clone();
            let message = format!(
                "一级 label \"{}\" extended to \"{}\", which shares its 二级 cell",
                level1.as_deref().unwrap_or(""),
                form.indicators[j].name
            );
            form.repairs.push(Repair::new(
                RepairKind::ExtendedLabel,
                message,
                form.indicators[j].name.at.clone(),
            ));
        }
    }
}

/// Reads a row by the header's column roles. Fails (None) when a filled cell
/// has no column, two share one, or the kinds do not fit the roles: then the
/// row's columns are not to be trusted.
fn by_columns(row: &Row, roles: &[Span<Col>]) -> Option<Printed> {
    let mut p = Printed::default();
    let mut used: Vec<usize> = Vec::new();
    for c in row.filled() {
        let span = span_at(roles, c)?;
        let at = roles.iter().position(|s| std::ptr::eq(s, span))?;
        if used.contains(&at) {
            return None;
        }
        used.push(at);
        let text = Text::of(c);
        match p.slot(span.role) {
            Some(slot) => *slot = Some(text),
            None if span.role == Col::Other => p.fields.other.push((span.label.clone(), text)),
            None => {}
        }
    }
    let kind = |s: &Option<Text>| s.as_deref().map(cell_kind);
    let text_or_none = |s: &Option<Text>| kind(s).is_none_or(|k| k == CellKind::Text);
    let number_or_none =
        |s: &Option<Text>| kind(s).is_none_or(|k| matches!(k, CellKind::Amount | CellKind::Dash));
    let f = &p.fields;
    // A template without 分值/得分 columns has rows without numbers.
    let scored = roles.iter().any(|s| matches!(s.role, Col::Weight | Col::Score));
    let valid = p.name.is_some()
        && text_or_none(&p.name)
        && text_or_none(&p.level1)
        && text_or_none(&p.level2)
        && number_or_none(&f.weight)
        && number_or_none(&f.score)
        && (f.weight.is_some() || f.score.is_some() || !scored);
    valid.then_some(p)
}

/// Reads a row from the right: the last two numbers are weight and score,
/// the two cells before them actual and target, what follows the deviation,
/// and what precedes them the name, 二级 and 一级 labels (right-aligned,
/// since merged labels are printed only on their first row).
fn by_content(row: &Row) -> Option<Printed> {
    let cells: Vec<&Cell> = row.filled().collect();
    let w = (0..cells.len().saturating_sub(1))
        .rev()
        .find(|&k| is_number(cells[k]) && is_number(cells[k + 1]))?;
    let text = |c: &&Cell| Text::of(c);
    let mut p = Printed {
        fields: IndicatorRow {
            weight: Some(text(&cells[w])),
            score: Some(text(&cells[w + 1])),
            actual: w.checked_sub(1).map(|k| text(&cells[k])),
            target: w.checked_sub(2).map(|k| text(&cells[k])),
            ..IndicatorRow::default()
        },
        ..Printed::default()
    };
    p.fields.deviation =
        Some(Text::joined(cells[w + 2..].iter().copied(), "")).filter(|s| !s.is_empty());
    let head: Vec<Text> = cells[..w.saturating_sub(2)].iter().map(text).collect();
    let mut head = head.into_iter().rev();
    p.name = head.next();
    p.level2 = head.next();
    p.level1 = head.next();
    Some(p)
}

/// The labels in force: merged cells print once, on their first row.
#[derive(Default)]
struct Carry {
    level1: Option<Text>,
    level2: Option<Text>,
}

impl Carry {
    /// `level2_spans_in`: a merged 二级 cell from a row above still covers
    /// this row, so a new 一级 label does not end it.
    fn push(&mut self, form: &mut Form, p: Printed, row: &Row, level2_spans_in: bool) {
        if p.level1.is_some() {
            self.level1 = p.level1.clone();
            if !level2_spans_in {
                self.level2 = None;
            }
        }
        if p.level2.is_some() {
            self.level2 = p.level2.clone();
        }
        if p.name.is_none() && repeats_row_above(form.indicators.last(), &p) {
            let message = format!(
                "dropped nameless row \"{}\" on page {} that repeats the row above",
                row_text(row),
                row.page
            );
            form.repairs.push(Repair::of_row(RepairKind::DroppedDuplicateRow, message, row));
            return;
        }
        form.indicators.push(IndicatorRow {
            level1: self.level1.clone(),
            level2: self.level2.clone(),
            name: p.name.unwrap_or_default(),
            ..p.fields
        });
    }
}

/// A row holding only whole 一级/二级 labels under their columns, while the
/// labels above are whole too (else it may finish a label a page break cut).
fn levels_only(row: &Row, roles: &[Span<Col>], form: &Form) -> bool {
    let level = |c: &Cell| matches!(role_at(roles, c), Some(Col::Level1 | Col::Level2));
    let whole = |t: Option<&Text>| t.is_none_or(|t| vocab::is_complete_level_label(t));
    let above_whole =
        form.indicators.last().is_none_or(|i| whole(i.level1.as_ref()) && whole(i.level2.as_ref()));
    row.filled().next().is_some()
        && row.filled().all(|c| level(c) && vocab::is_complete_level_label(&c.text))
        && above_whole
}

/// A nameless row whose numbers all appear in the row above is that row
/// printed twice (text dumps do this at page breaks).
fn repeats_row_above(above: Option<&IndicatorRow>, p: &Printed) -> bool {
    let Some(above) = above else { return false };
    let numbers = |vals: [&Option<Text>; 4]| -> Vec<f64> {
        vals.iter()
            .filter_map(|v| v.as_deref())
            .filter_map(|t| crate::token::parse_measure(t).map(|m| m.value))
            .collect()
    };
    let f = &p.fields;
    let mine = numbers([&f.target, &f.actual, &f.weight, &f.score]);
    let theirs = numbers([&above.target, &above.actual, &above.weight, &above.score]);
    !mine.is_empty() && mine.iter().all(|v| theirs.contains(v))
}

/// A row of label fragments only: the rest of cells cut by a page break.
/// Level-label fragments complete an unfinished 一级/二级 label (one not yet
/// ending in 指标); other fragments continue the cell above in their column.
fn join_fragment(form: &mut Form, carry: &mut Carry, row: &Row, roles: &[Span<Col>]) {
    for c in row.filled() {
        let frag = Text::of(c);
        let role = role_at(roles, c).unwrap_or(Col::Deviation);
        // A fragment that finishes a cut 一级/二级 label belongs to it, in
        // whatever column the dump put it.
        let done = match role {
            Col::Level1 | Col::Level2 => complete_level(form, carry, role, &frag, row.page),
            _ if complete_level(form, carry, Col::Level2, &frag, row.page) => true,
            Col::Weight | Col::Score => false,
            other => append_to_last(form, other, &frag, row.page),
        };
        if !done {
            let message = format!("dropped stray fragment \"{frag}\" on page {}", row.page);
            form.repairs.push(Repair::new(RepairKind::DroppedFragment, message, frag.at.clone()));
        }
    }
}

fn level_of(row: &mut IndicatorRow, role: Col) -> &mut Option<Text> {
    if role == Col::Level1 {
        &mut row.level1
    } else {
        &mut row.level2
    }
}

/// Tries the fragment's own level first, then the other one (dumps put a
/// fragment in the wrong column when the label above it is complete).
fn complete_level(form: &mut Form, carry: &mut Carry, role: Col, frag: &Text, page: u32) -> bool {
    let other = if role == Col::Level1 { Col::Level2 } else { Col::Level1 };
    for level in [role, other] {
        let Some(last) = form.indicators.last_mut() else { return false };
        let Some(label) = level_of(last, level).clone() else { continue };
        let Some((completed, debris)) = complete_label(&label, frag) else { continue };
        let completed = Text::new(completed, label.at.iter().chain(&frag.at).copied().collect());
        for ind in form.indicators.iter_mut().rev() {
            let slot = level_of(ind, level);
            if slot.as_deref() != Some(label.as_str()) {
                break;
            }
            *slot = Some(completed.clone());
        }
        let carried = if level == Col::Level1 { &mut carry.level1 } else { &mut carry.level2 };
        if carried.as_deref() == Some(label.as_str()) {
            *carried = Some(completed.clone());
        }
        let dropped =
            if debris.is_empty() { String::new() } else { format!(", dropped \"{debris}\"") };
        let message = format!(
            "joined label cut by the page break: \"{label}\" + \"{frag}\" → \"{completed}\" (page {page}){dropped}"
        );
        form.repairs.push(Repair::new(RepairKind::CompletedLabel, message, completed.at.clone()));
        return true;
    }
    false
}

fn append_to_last(form: &mut Form, role: Col, frag: &Text, page: u32) -> bool {
    let Some(last) = form.indicators.last_mut() else { return false };
    let join = |above: Option<&Text>| above.cloned().unwrap_or_default().append(frag);
    if role == Col::Name {
        last.name = join(Some(&last.name));
    } else {
        // Columns without a slot of their own continue the deviation, as
        // the widest free-text column.
        let role = if field_slot(last, role).is_some() { role } else { Col::Deviation };
        let Some(slot) = field_slot(last, role) else { return false };
        *slot = Some(join(slot.as_ref()));
    }
    let message =
        format!("joined fragment \"{frag}\" cut by the page break (page {page}) to the row above");
    form.repairs.push(Repair::new(RepairKind::JoinedFragment, message, frag.at.clone()));
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    #[test]
    fn shifted_row_is_read_from_the_right() {
        let rows =
            text_to_rows("\t新疆支青、异退人员满意度\t≥80.00(%)\t95.00(%)\t3.00\t3.00\t\t\n");
        let p = by_content(&rows[0]).unwrap();
        assert_eq!(p.name.as_deref(), Some("新疆支青、异退人员满意度"));
        assert_eq!((p.level1, p.level2), (None, None));
        assert_eq!(p.fields.target.as_deref(), Some("≥80.00(%)"));
        assert_eq!(p.fields.score.as_deref(), Some("3.00"));
    }

    #[test]
    fn columns_are_distrusted_when_kinds_do_not_fit() {
        let header =
            text_to_rows("一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n");
        let roles = header_roles(&header[0], INDICATOR_COLUMNS, Some(Col::Other));
        let shifted = text_to_rows("\t名称\t≥80.00(%)\t95.00(%)\t3.00\t3.00\n");
        assert_eq!(by_columns(&shifted[0], &roles), None);
        let fine = text_to_rows("\t\t名称\t≥80.00(%)\t95.00(%)\t3.00\t3.00\n");
        let name = by_columns(&fine[0], &roles).and_then(|p| p.name);
        assert_eq!(name.as_deref(), Some("名称"));
    }
}
