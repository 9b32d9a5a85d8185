//! Reading texts out of recognised blocks, by column role where the header
//! gives one and by printed order where the columns disagree (text dumps
//! shift cells now and then).

use crate::row::{Cell, Row};

use crate::text::normalize;
use crate::token::CellKind;
use crate::vocab::{self, goal_label, is_label, GoalLabel, IndicatorColumn};
use crate::{Form, Text};

/// The filled cells of a row, normalised, for repair messages.
pub(crate) fn row_text(row: &Row) -> String {
    row.filled().map(|c| normalize(&c.text)).collect::<Vec<_>>().join(" | ")
}

/// A column role of a header row, with the columns it covers and the
/// header text that named it.
#[derive(Clone, Debug)]
pub(crate) struct Span<R> {
    pub role: R,
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// The roles a header row's cells name, left to right. With `unknown`, a
/// header cell the vocabulary does not know gets that role instead of none,
/// so its column is kept, not shifted into a neighbour.
pub(crate) fn header_roles<R: Copy>(
    header: &Row,
    table: &[(R, &[&str])],
    unknown: Option<R>,
) -> Vec<Span<R>> {
    header
        .filled()
        .filter_map(|c| {
            vocab::role_of_key(table, &c.key).or(unknown).map(|role| Span {
                role,
                start: c.col,
                end: c.col + c.colspan.max(1),
                label: normalize(&c.text).trim_end_matches([':', '：']).to_string(),
            })
        })
        .collect()
}

/// The span whose columns hold `cell`'s first column: the narrowest one,
/// and of equally wide ones the lowest header row's, so that in a two-row
/// header 指标值 under a wide 年度指标值 decides.
pub(crate) fn span_at<'s, R>(spans: &'s [Span<R>], cell: &Cell) -> Option<&'s Span<R>> {
    spans
        .iter()
        .rev()
        .filter(|s| s.start <= cell.col && cell.col < s.end)
        .min_by_key(|s| s.end - s.start)
}

/// True when no two items are equal: no column role read twice.
pub(crate) fn all_distinct<T: PartialEq>(items: &[T]) -> bool {
    items.iter().enumerate().all(|(k, x)| !items[..k].contains(x))
}

/// The role of [`span_at`].
pub(crate) fn role_at<R: Copy>(spans: &[Span<R>], cell: &Cell) -> Option<R> {
    span_at(spans, cell).map(|s| s.role)
}

/// 项目名称 / 主管部门 / 实施单位: each label's value is the next filled cell
/// that is not itself a label.
pub(crate) fn header_row(form: &mut Form, row: &Row) {
    let cells: Vec<&Cell> = row.filled().collect();
    for (k, c) in cells.iter().enumerate() {
        let key = c.key.as_str();
        let slot = if is_label(key, vocab::项目名称) {
            &mut form.project_name
        } else if is_label(key, vocab::主管部门) || is_label(key, vocab::部门名称) {
            &mut form.department
        } else if is_label(key, vocab::实施单位) {
            &mut form.implementer
        } else {
            continue;
        };
        let value = cells.get(k + 1).filter(|v| !is_any_header_label(&v.key));
        if slot.is_none() {
            *slot = value.map(|v| Text::of(v));
        }
    }
    side(form, row);
}

/// The labelled cells of a header or footer row no header field takes:
/// each side label with its value (after its colon, or the filled cells up
/// to the next label).
pub(crate) fn side(form: &mut Form, row: &Row) {
    let mut texts: Vec<(String, &Cell)> = row.filled().map(|c| (normalize(&c.text), c)).collect();
    // Dumps copy a merged cell into every column it spans.
    texts.dedup_by(|a, b| a.0 == b.0);
    let opens_another =
        |c: &Cell| vocab::side_field(&c.key).is_some() || is_any_header_label(&c.key);
    for (k, (text, cell)) in texts.iter().enumerate() {
        let Some(field) = vocab::side_field(&cell.key) else { continue };
        let own = Text::of(cell);
        let (label, value) = match text.split_once([':', '：']) {
            Some((l, v)) if !v.trim().is_empty() => (own.derive(l.trim()), own.derive(v.trim())),
            _ => {
                let rest = texts[k + 1..].iter().take_while(|t| !opens_another(t.1));
                (
                    own.derive(text.trim_end_matches([':', '：'])),
                    Text::joined(rest.map(|t| t.1), "\n"),
                )
            }
        };
        let value = Some(value).filter(|v| !v.is_empty());
        put_side(form, field, label, value);
    }
}

fn put_side(form: &mut Form, field: vocab::SideField, label: Text, value: Option<Text>) {
    use vocab::SideField as F;
    let slot = match field {
        F::Conclusion => &mut form.conclusion,
        F::Problems => &mut form.problems,
        F::Measures => &mut form.measures,
        F::TotalScore => {
            form.printed.header_total = true;
            &mut form.total_score
        }
        F::ReviewScore => &mut form.review_score,
        F::Extra => {
            form.extra.push((label, value));
            return;
        }
    };
    if slot.is_none() {
        *slot = value;
    }
}

/// A header key naming one of the header fields.
fn is_any_header_label(key: &str) -> bool {
    vocab::starts_form(key) || is_label(key, vocab::主管部门) || is_label(key, vocab::实施单位)
}

/// 年度总体目标: 预期目标 and 实际完成情况. Each label's text is the filled
/// cell to its right in the same row (labels printed as row heads), or else
/// the cells under it in its columns (labels printed as column heads). A
/// block without the labels holds one text: the expected goal.
pub(crate) fn goals(form: &mut Form, header: &Row, rows: &[&Row]) {
    let block: Vec<&Row> = std::iter::once(header).chain(rows.iter().copied()).collect();
    let is_goal_label = |c: &Cell| goal_label(&c.key).is_some();
    let labelled = |which: GoalLabel| -> Option<Text> {
        let (r, cell) = block.iter().enumerate().find_map(|(r, row)| {
            row.filled().find(|c| goal_label(&c.key) == Some(which)).map(|c| (r, c))
        })?;
        let beside = block[r].filled().find(|c| c.col > cell.col && !is_goal_label(c));
        let text = match beside {
            Some(c) => Text::of(c),
            None => Text::joined(
                block[r + 1..]
                    .iter()
                    .flat_map(|row| row.filled())
                    .filter(|c| !is_goal_label(c) && overlaps(c, cell)),
                "",
            ),
        };
        Some(text).filter(|t| !t.is_empty())
    };
    let has_labels = block
        .iter()
        .flat_map(|r| r.filled())
        .any(|c| matches!(goal_label(&c.key), Some(GoalLabel::Expected | GoalLabel::Achieved)));
    // Both labels heading columns of one row, and two texts under them: the
    // texts go in printed order (text dumps may drop the merged label cell
    // in front of them, which shifts their columns).
    let under: Vec<&Cell> =
        rows.iter().flat_map(|r| r.filled()).filter(|c| !is_goal_label(c)).collect();
    let heads_in_header = header.filled().filter(|c| is_goal_label(c)).count() >= 2
        && header.filled().all(is_goal_label);
    if has_labels && heads_in_header && under.len() == 2 {
        form.goal_expected = Some(Text::of(under[0]));
        form.goal_achieved = Some(Text::of(under[1]));
    } else if has_labels {
        form.goal_expected = labelled(GoalLabel::Expected);
        form.goal_achieved = labelled(GoalLabel::Achieved);
    } else {
        let text =
            Text::joined(block.iter().flat_map(|r| r.filled()).filter(|c| !is_goal_label(c)), "");
        form.goal_expected = Some(text).filter(|t| !t.is_empty());
    }
}

/// Whether two cells share a column.
fn overlaps(a: &Cell, b: &Cell) -> bool {
    a.col < b.col + b.colspan.max(1) && b.col < a.col + a.colspan.max(1)
}

/// 总分: each amount under the 分值 or 得分 column of the indicator header
/// is the total weight or score (a blank score cell stays blank); where
/// the columns do not say (text dumps shift cells), the first amount is the
/// weight and the second the score, and a lone amount the score. A grade
/// printed in the same row is taken too.
pub(crate) fn total(form: &mut Form, row: &Row, columns: &[Span<IndicatorColumn>]) {
    form.printed.total_row = true;
    let amounts: Vec<&Cell> = row.filled().filter(|c| c.kind == CellKind::Amount).collect();
    let roles: Vec<Option<IndicatorColumn>> = amounts
        .iter()
        .map(|c| role_at(columns, c))
        .map(|r| r.filter(|r| TOTAL_COLUMNS.contains(r)))
        .collect();
    let text = |c: &Cell| Some(Text::of(c));
    if !amounts.is_empty() && roles.iter().all(Option::is_some) && all_distinct(&roles) {
        for (c, role) in amounts.iter().zip(roles.into_iter().flatten()) {
            match role {
                IndicatorColumn::Weight => form.total_weight = text(c),
                IndicatorColumn::ReviewScore => form.review_score = text(c),
                _ => form.total_score = text(c),
            }
        }
    } else {
        match amounts.as_slice() {
            [w, s, ..] => (form.total_weight, form.total_score) = (text(w), text(s)),
            [s] => form.total_score = text(s),
            [] => {}
        }
    }
    if let Some(g) = grade_in_row(row) {
        form.grade = Some(g);
    }
}

/// The indicator columns a 总分 row prints its numbers under.
const TOTAL_COLUMNS: [IndicatorColumn; 3] =
    [IndicatorColumn::Weight, IndicatorColumn::Score, IndicatorColumn::ReviewScore];

/// A grade printed in the 总分 row: a cell holding only a grade, a
/// `评价等级：良` cell, or the cell after a 评分等级 label.
fn grade_in_row(row: &Row) -> Option<Text> {
    let cells: Vec<Text> = row.filled().map(|c| Text::of(c)).collect();
    cells.iter().enumerate().find_map(|(k, t)| {
        if vocab::GRADES.contains(&t.as_str()) {
            return Some(t.clone());
        }
        let at = t.find("等级")?;
        let after = t[at + "等级".len()..].trim_start_matches([':', '：', ' ']);
        if vocab::GRADES.contains(&after) {
            Some(t.derive(after))
        } else if after.is_empty() {
            cells.get(k + 1).filter(|g| vocab::GRADES.contains(&g.as_str())).cloned()
        } else {
            None
        }
    })
}

/// 评分等级: the text after the label's colon, or the first filled cell
/// after the label.
pub(crate) fn grade(form: &mut Form, row: &Row) {
    let first = row.filled().next().map(|c| Text::of(c)).unwrap_or_default();
    let inline = first.split_once([':', '：']).map(|(_, v)| first.derive(v.trim()));
    // The first cell after the label that is not a copy of it (dumps copy
    // merged cells into every column they span).
    let after = row.filled().map(|c| Text::of(c)).skip(1).find(|t| t.text != first.text);
    form.grade = inline.filter(|v| !v.is_empty()).or(after);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    #[test]
    fn goals_by_column() {
        let rows = text_to_rows("年度 总体 目标\t预期目标\t\t\t实际完成情况\n\t甲\t\t\t乙\n");
        let mut form = Form::default();
        goals(&mut form, &rows[0], &[&rows[1]]);
        assert_eq!(form.goal_expected.as_deref(), Some("甲"));
        assert_eq!(form.goal_achieved.as_deref(), Some("乙"));
    }

    #[test]
    fn goals_as_row_heads() {
        let rows = text_to_rows("年度总体目标\t预期目标\t甲\n\t实际完成情况\t乙\n");
        let mut form = Form::default();
        goals(&mut form, &rows[0], &[&rows[1]]);
        assert_eq!(form.goal_expected.as_deref(), Some("甲"));
        assert_eq!(form.goal_achieved.as_deref(), Some("乙"));
    }

    #[test]
    fn goal_texts_in_order_when_the_dump_drops_the_label_cell() {
        let rows = text_to_rows("年度总体目标\t预期目标\t实际完成情况\n甲\t乙\n");
        let mut form = Form::default();
        goals(&mut form, &rows[0], &[&rows[1]]);
        assert_eq!(form.goal_expected.as_deref(), Some("甲"));
        assert_eq!(form.goal_achieved.as_deref(), Some("乙"));
    }

    #[test]
    fn goal_in_one_merged_cell_is_the_expected_goal() {
        let rows = text_to_rows("年度总体目标\t全年举办培训班20期\n");
        let mut form = Form::default();
        goals(&mut form, &rows[0], &[]);
        assert_eq!(form.goal_expected.as_deref(), Some("全年举办培训班20期"));
        assert_eq!(form.goal_achieved, None);
    }

    #[test]
    fn grade_inside_the_total_row() {
        for dump in [
            "总分\t100\t88.5\t评价等级：良\n",
            "总分\t100\t88.5\t评分等级\t良\n",
            "总分\t100\t88.5\t良\n",
        ] {
            let rows = text_to_rows(dump);
            let mut form = Form::default();
            total(&mut form, &rows[0], &[]);
            assert_eq!(form.grade.as_deref(), Some("良"), "{dump}");
        }
    }

    #[test]
    fn grade_after_copies_of_its_label() {
        let rows = text_to_rows("评分等级\t评分等级\t优\t优\n");
        let mut form = Form::default();
        grade(&mut form, &rows[0]);
        assert_eq!(form.grade.as_deref(), Some("优"));
    }

    #[test]
    fn total_row_shifted() {
        let rows = text_to_rows("\t\t总分\t\t\t100.00\t99.64\n");
        let mut form = Form::default();
        total(&mut form, &rows[0], &[]);
        assert_eq!(form.total_weight.as_deref(), Some("100.00"));
        assert_eq!(form.total_score.as_deref(), Some("99.64"));
    }
}
