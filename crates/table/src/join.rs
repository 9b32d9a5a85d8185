//! Forms and rows continued across pages, for both front ends: splitting a
//! document's rows into forms, one column system per form, repeated header
//! rows dropped, rows cut by a page break merged back, and merged label
//! cells that continue over a break kept as one span.
//!
//! Geometric repairs (merging a cut row, extending a span) need cell boxes,
//! so they run on PDF input only; text input has no geometry and its page
//! break fragments are repaired by the block parser, which knows labels.

use jixiao_layout::{Geometry, Origin, RowKind};

use crate::row::{Cell, Row};

use crate::text::{label_key, normalize};
use crate::token::CellKind;
use crate::vocab;
use crate::{Repair, RepairKind, TableSettings, Text};

/// The rows of one form, before its blocks are read.
#[derive(Clone, Debug, Default)]
pub(crate) struct FormRows {
    /// The title line nearest the table.
    pub title: Option<Text>,
    /// The year from a `(2024年度)` line or the title.
    pub year: Option<i32>,
    /// Where the year was printed.
    pub year_at: Vec<Origin>,
    /// Table rows, joined.
    pub rows: Vec<Row>,
    /// Pages of the table.
    pub pages: Vec<u32>,
    /// Repairs made while splitting and joining.
    pub repairs: Vec<Repair>,
    /// Free text lines met inside the table, with the index of the table
    /// row above them: candidates for text that overflowed a cell at the
    /// bottom of a page.
    overflow: Vec<(usize, Row)>,
    /// Labelled free text lines (`报表编号：…`, a `注：` footnote), with the
    /// number of table rows above them: read as side rows, nothing lost.
    pub notes: Vec<(usize, Row)>,
    /// The unit of a `单位：万元` line above the table, if any.
    pub unit: Option<Text>,
}

/// Splits a document's rows into forms. A form starts at a title line
/// (containing 自评表) after table rows, or at a second 项目名称 row.
pub(crate) fn rows_to_form_rows(rows: &[Row], settings: &TableSettings) -> Vec<FormRows> {
    let mut chunks: Vec<(FormRows, Vec<Text>)> = Vec::new();
    let mut cur = FormRows::default();
    let mut titles: Vec<Text> = Vec::new();
    for row in rows {
        let kind =
            if is_line_in_a_cell(row, cur.rows.is_empty()) { RowKind::Text } else { row.kind };
        match kind {
            RowKind::Text if is_note(row) => cur.notes.push((cur.rows.len(), split_note(row))),
            RowKind::Text => {
                let t = row.filled().next().map(|c| Text::of(c)).unwrap_or_default();
                if t.contains(vocab::自评表) {
                    if !cur.rows.is_empty() {
                        chunks.push((std::mem::take(&mut cur), std::mem::take(&mut titles)));
                    }
                    titles.push(t);
                } else if cur.rows.is_empty() {
                    if let Some(y) = year_of(&t) {
                        cur.year = Some(y);
                        cur.year_at = t.at.clone();
                    }
                    if let Some(u) = unit_line(&t) {
                        cur.unit = Some(t.derive(u));
                    }
                } else {
                    cur.overflow.push((cur.rows.len() - 1, row.clone()));
                }
            }
            // A blank row of a drawn grid is a real row (an empty goal
            // cell); a blank line of tabs in a text dump says nothing.
            RowKind::Table if row.is_blank() && row.geometry == Geometry::Declared => {}
            RowKind::Table => {
                let starts_form = first_key(row).is_some_and(vocab::starts_form);
                let opener = cur.rows.iter().find(|r| opens_form(r));
                if starts_form && opener.is_some_and(|o| repeats_at_page_top(o, row, &cur.rows)) {
                    // Spreadsheet prints repeat their top rows on every page.
                    cur.repairs.push(Repair::of_row(
                        RepairKind::DroppedRepeatedHeader,
                        format!(
                            "dropped repeated header row \"{}\" on page {}",
                            row_text(row),
                            row.page
                        ),
                        row,
                    ));
                    continue;
                }
                if starts_form && opener.is_some() {
                    chunks.push((std::mem::take(&mut cur), std::mem::take(&mut titles)));
                }
                cur.rows.push(row.clone());
            }
        }
    }
    if !cur.rows.is_empty() {
        chunks.push((cur, titles));
    }
    merge_running_titles(chunks)
        .into_iter()
        .map(|(form, mut titles)| finish(form, &mut titles, settings))
        .collect()
}

/// Text dumps that print each wrapped line of a cell as a line of its own:
/// above the indicator table, a line of text fragments only, each under a
/// filled value cell of the line before (not under a label), is the rest of
/// those cells. (Indicator rows have their own repair, which knows labels.)
fn join_wrapped_lines(form: &mut FormRows) {
    let end = form.rows.iter().position(Row::is_indicator_header).unwrap_or(form.rows.len());
    let mut i = 1;
    let mut end = end;
    while i < end {
        let (above, row) = (&form.rows[i - 1], &form.rows[i]);
        // A fragment ending in a colon is a sub-heading (按收入性质分：).
        let fragment = |c: &Cell| {
            c.kind == CellKind::Text
                && !is_known_label(c)
                && !c.text.trim_end().ends_with([':', '：'])
                && crate::token::labelled_amount(&c.text).is_none()
        };
        let fragments_only = !row.is_blank() && row.filled().all(fragment);
        let under_values = row.filled().all(|c| {
            above.cells.iter().any(|a| a.col == c.col && !a.is_blank() && !is_known_label(a))
        });
        if !(fragments_only && under_values) {
            i += 1;
            continue;
        }
        let row = form.rows.remove(i);
        end -= 1;
        for c in row.filled() {
            if let Some(a) = form.rows[i - 1].cells.iter_mut().find(|a| a.col == c.col) {
                a.set_text(format!("{}\n{}", a.text, c.text));
                a.joined.extend(c.origins());
            }
        }
        let message = format!("joined wrapped line \"{}\" to the row above", row_text(&row));
        form.repairs.push(Repair::of_row(RepairKind::JoinedWrappedLine, message, &row));
    }
}

/// A label of the form's layout (block labels, header labels, column names).
fn is_known_label(c: &Cell) -> bool {
    let key = &c.key;
    vocab::starts_form(key)
        || vocab::is_label(key, vocab::主管部门)
        || vocab::is_label(key, vocab::实施单位)
        || vocab::is_funds_label(key)
        || vocab::is_total_label(key)
        || vocab::is_grade_label(key)
        || vocab::goal_label(key).is_some()
        || key == vocab::绩效指标
        || vocab::role_of_key(vocab::FUND_COLUMNS, key).is_some()
        || vocab::role_of_key(vocab::INDICATOR_COLUMNS, key).is_some()
        || vocab::side_field(key).is_some()
        || starts_pair(&c.text)
}

fn opens_form(row: &Row) -> bool {
    first_key(row).is_some_and(vocab::starts_form)
}

/// A free text line that starts with a side label (报表编号, 注, 填报日期…).
fn is_note(row: &Row) -> bool {
    row.filled().next().is_some_and(|c| starts_pair(&c.text))
}

/// A labelled line often holds several pairs (`单位负责人：李建平  财务负责人：
/// 王芳`): one cell per pair, each printed where the line was.
fn split_note(row: &Row) -> Row {
    let mut out = row.clone();
    out.cells = row.filled().flat_map(split_pairs).collect();
    out
}

fn split_pairs(c: &Cell) -> Vec<Cell> {
    let t = c.text.as_str();
    let word_start = |i: usize| i == 0 || t[..i].ends_with(char::is_whitespace);
    let mut starts: Vec<usize> = t
        .char_indices()
        .filter(|&(i, ch)| !ch.is_whitespace() && word_start(i) && starts_pair(&t[i..]))
        .map(|(i, _)| i)
        .collect();
    if starts.first() != Some(&0) {
        starts.insert(0, 0);
    }
    let ends = starts.iter().skip(1).copied().chain([t.len()]);
    let pieces: Vec<&str> = starts.iter().zip(ends).map(|(&a, b)| t[a..b].trim()).collect();
    pieces
        .into_iter()
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut piece = c.clone();
            piece.set_text(p.to_string());
            piece
        })
        .collect()
}

/// Text that opens with a side label and a colon (`填报日期：…`).
fn starts_pair(text: &str) -> bool {
    match text.split_once([':', '：']) {
        Some((head, _)) => vocab::side_field(&vocab::header_key(head)).is_some(),
        None => false,
    }
}

/// A title printed again inside a form (a running head over each page)
/// splits it in two; the part without a 项目名称 row of its own goes back to
/// the form before it.
fn merge_running_titles(chunks: Vec<(FormRows, Vec<Text>)>) -> Vec<(FormRows, Vec<Text>)> {
    let mut out: Vec<(FormRows, Vec<Text>)> = Vec::new();
    for (chunk, titles) in chunks {
        match out.last_mut() {
            Some((prev, _)) if !chunk.rows.iter().any(opens_form) => {
                for t in titles {
                    let message = format!("dropped repeated title line \"{t}\" inside the form");
                    prev.repairs.push(Repair::new(RepairKind::DroppedRepeatedTitle, message, t.at));
                }
                let base = prev.rows.len();
                prev.rows.extend(chunk.rows);
                prev.repairs.extend(chunk.repairs);
                prev.overflow.extend(chunk.overflow.into_iter().map(|(i, r)| (i + base, r)));
                prev.notes.extend(chunk.notes.into_iter().map(|(i, r)| (i + base, r)));
            }
            _ => out.push((chunk, titles)),
        }
    }
    out
}

/// Closes a form: picks its title, joins its pages.
fn finish(mut form: FormRows, titles: &mut Vec<Text>, settings: &TableSettings) -> FormRows {
    if let Some(last) = titles.pop() {
        for dropped in titles.drain(..) {
            let message = format!("dropped repeated title line \"{dropped}\"");
            form.repairs.push(Repair::new(RepairKind::DroppedRepeatedTitle, message, dropped.at));
        }
        if form.year.is_none() {
            form.year = year_of(&last);
            form.year_at = if form.year.is_some() { last.at.clone() } else { Vec::new() };
        }
        form.title = Some(last.derive(strip_year(&last)));
    }
    // Geometry is evidence only where layout measured every row of the form.
    let geometric = form.rows.iter().all(|r| r.geometry == Geometry::Measured);
    if geometric {
        join_overflow(&mut form, settings.overflow_lines);
        unify_columns(&mut form.rows, settings.column_snap);
    }
    if !geometric {
        join_wrapped_lines(&mut form);
    }
    join_pages(&mut form, geometric);
    form.pages = form.rows.iter().map(|r| r.page).collect();
    form.pages.dedup();
    form
}

/// Text drawn just below the last table row of a page, under a filled cell
/// of that row, when the table goes on on the next page: the rest of that
/// cell's text, which the producer drew past the page's table (and clipped
/// in print). It is joined to the cell.
fn join_overflow(form: &mut FormRows, overflow_lines: f64) {
    for (idx, line) in std::mem::take(&mut form.overflow) {
        let (Some(lb), Some(text)) = (line.bbox, line.cells.first().map(|c| c.text.clone())) else {
            continue;
        };
        let page = form.rows[idx].page;
        let last_on_page = form.rows.get(idx + 1).is_some_and(|next| next.page > page);
        if line.page != page || !last_on_page || is_page_furniture(&text) {
            continue;
        }
        let Some((r, k)) = cell_above_line(&form.rows, idx, lb, overflow_lines) else { continue };
        let cell = &mut form.rows[r].cells[k];
        cell.set_text(format!("{}\n{}", cell.text, text));
        cell.joined.extend(line.cells.iter().flat_map(|c| c.origins()));
        let message = format!(
            "joined text \"{}\" overflowing the bottom of page {page} to the cell above it",
            normalize(&text)
        );
        form.repairs.push(Repair::new(RepairKind::JoinedOverflow, message, cell.origins()));
    }
}

/// The filled cell covering the last row `idx` whose columns hold the
/// line's centre and whose bottom the line starts just under.
fn cell_above_line(
    rows: &[Row],
    idx: usize,
    line: jixiao_layout::BBox,
    overflow_lines: f64,
) -> Option<(usize, usize)> {
    let limit = overflow_lines * line.height();
    (0..=idx).rev().find_map(|up| {
        let k = rows[up].cells.iter().position(|c| {
            let Some(b) = c.bbox else { return false };
            let covers_last = up + c.rowspan.max(1) > idx;
            let below = line.top >= b.bottom - limit && line.top <= b.bottom + limit;
            let inside = b.x0 - limit <= line.x0 && line.x1 <= b.x1 + limit;
            covers_last && !c.is_blank() && inside && below
        })?;
        Some((up, k))
    })
}

/// Page numbers and running heads: `第 1 页 共 3 页`, `- 2 -`, `3/10`.
pub(crate) fn is_page_furniture(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let digits_only = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let page_word =
        t.contains('页') && t.chars().any(|c| c.is_ascii_digit()) && t.chars().count() <= 16;
    let dashed = t
        .strip_prefix(['-', '—'])
        .and_then(|r| r.strip_suffix(['-', '—']))
        .is_some_and(digits_only);
    let slashed = t.split_once('/').is_some_and(|(a, b)| digits_only(a) && digits_only(b));
    page_word || dashed || slashed || digits_only(&t)
}

/// A table row that is really a title, year or unit line: some producers
/// draw them inside the table's frame. Only a row with one filled cell, and
/// only before the form's table starts, or a title anywhere.
fn is_line_in_a_cell(row: &Row, before_table: bool) -> bool {
    if row.kind != RowKind::Table || row.filled().count() != 1 {
        return false;
    }
    let t = normalize(&row.filled().next().map(|c| c.text.clone()).unwrap_or_default());
    let title = t.contains(vocab::自评表) && !t.contains("项目名称");
    title || before_table && (year_of(&t).is_some() || unit_line(&t).is_some())
}

/// The unit of a `单位：万元` / `金额单位：元` line.
fn unit_line(text: &str) -> Option<String> {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let at = key.find("单位")?;
    let rest = key[at + "单位".len()..].trim_start_matches([':', '：']);
    let unit: String =
        rest.chars().take_while(|c| !matches!(c, ')' | '）' | ',' | '，' | ';' | '；')).collect();
    (!unit.is_empty() && unit.chars().count() <= 4).then_some(unit)
}

/// A form's opening row printed again as the first row of a later page,
/// word for word.
fn repeats_at_page_top(opener: &Row, row: &Row, rows: &[Row]) -> bool {
    let first_on_page = rows.last().is_some_and(|last| last.page < row.page);
    first_on_page && same_labels(opener, row)
}

/// The two rows print the same labels, cell for cell.
fn same_labels(a: &Row, b: &Row) -> bool {
    a.filled().map(|c| &c.label).eq(b.filled().map(|c| &c.label))
}

fn first_key(row: &Row) -> Option<&str> {
    row.filled().next().map(|c| c.label.as_str())
}

/// The year of a `(2024年度)` or `2024年度` line.
pub(crate) fn year_of(text: &str) -> Option<i32> {
    let key: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let four_digits_before = |i: usize| {
        let head = &key[..i];
        let start = head.len() - head.bytes().rev().take_while(u8::is_ascii_digit).count();
        (i - start == 4)
            .then(|| (head[start..].parse().ok(), &head[..start]))
            .and_then(|(y, before): (Option<i32>, &str)| y.map(|y| (y, before)))
    };
    if let Some(i) = key.find("年度") {
        return four_digits_before(i).map(|(y, _)| y);
    }
    // `(2021年)`: a bracketed year without 度 (a bare 2021年 is a date).
    let i = key.find("年)").or_else(|| key.find("年）"))?;
    let (y, before) = four_digits_before(i)?;
    before.ends_with(['(', '（']).then_some(y)
}

/// The title without the year printed on the same line: a `(2024年度)`
/// after it or a `2024年度` before it (the year is a field of its own).
fn strip_year(title: &str) -> String {
    if year_of(title).is_none() {
        return title.to_string();
    }
    let year_in = |t: &str| t.contains("年度") || t.contains("年)") || t.contains("年）");
    if let Some(i) = title.find(['(', '（']).filter(|&i| year_in(&title[i..])) {
        return title[..i].trim().to_string();
    }
    let digits = title.chars().take_while(char::is_ascii_digit).count();
    match title[digits..].strip_prefix("年度") {
        Some(rest) if digits == 4 => rest.trim().to_string(),
        _ => title.to_string(),
    }
}

/// Replaces page-local columns by one column system for the whole form:
/// the distinct cell edges of all its pages, snapped.
fn unify_columns(rows: &mut [Row], snap: f64) {
    let mut edges: Vec<f64> = rows
        .iter()
        .flat_map(|r| r.cells.iter().filter_map(|c| c.bbox).flat_map(|b| [b.x0, b.x1]))
        .collect();
    edges.sort_by(f64::total_cmp);
    let mut lines: Vec<f64> = Vec::new();
    for x in edges {
        match lines.last() {
            Some(&l) if x - l <= snap => {}
            _ => lines.push(x),
        }
    }
    let index = |x: f64| {
        lines
            .iter()
            .enumerate()
            .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
            .map_or(0, |(i, _)| i)
    };
    for row in rows.iter_mut() {
        for c in row.cells.iter_mut() {
            if let Some(b) = c.bbox {
                let (c0, c1) = (index(b.x0), index(b.x1));
                c.col = c0;
                c.colspan = c1.saturating_sub(c0).max(1);
            }
        }
    }
}

/// Repairs every page break inside the form.
fn join_pages(form: &mut FormRows, geometric: bool) {
    let mut i = 1;
    while i < form.rows.len() {
        if form.rows[i].page == form.rows[i - 1].page {
            i += 1;
            continue;
        }
        if is_repeated_header(&form.rows[..i], &form.rows[i]) {
            let row = form.rows.remove(i);
            let message =
                format!("dropped repeated header row \"{}\" on page {}", row_text(&row), row.page);
            form.repairs.push(Repair::of_row(RepairKind::DroppedRepeatedHeader, message, &row));
            continue;
        }
        if geometric && is_continuation(&form.rows, i) {
            let row = form.rows.remove(i);
            let joined = merge_into_above(&mut form.rows, i, &row);
            let message =
                format!("joined row cut by the page break at page {}: {}", row.page, joined);
            form.repairs.push(Repair::of_row(RepairKind::JoinedCutRow, message, &row));
            // The next row may again be the top of the same page.
            continue;
        }
        if geometric {
            let level_cols = level_label_columns(&form.rows[..i]);
            extend_spans_over_break(&mut form.rows, i, &level_cols, &mut form.repairs);
        }
        i += 1;
    }
}

fn row_text(row: &Row) -> String {
    row.filled().map(|c| normalize(&c.text)).collect::<Vec<_>>().join(" | ")
}

/// A row at the top of a page that repeats an earlier row of the form
/// (the indicator header, reprinted by the producer).
fn is_repeated_header(before: &[Row], row: &Row) -> bool {
    let all_text = row.filled().all(|c| c.kind == CellKind::Text);
    row.filled().count() >= 2 && all_text && before.iter().any(|r| same_labels(r, row))
}

/// Labels that start a row of their own: never the tail of a cut row.
fn starts_block(row: &Row) -> bool {
    let Some(k) = first_key(row) else { return false };
    let key = row.filled().next().map_or("", |c| c.key.as_str());
    [vocab::总分, vocab::绩效指标, "一级指标"].contains(&key)
        || vocab::goal_label(key) == Some(vocab::GoalLabel::Block)
        || vocab::is_funds_label(key)
        || vocab::starts_form(k)
        || vocab::is_label(k, vocab::主管部门)
        || vocab::is_label(k, vocab::评分等级)
}

/// The top row of a page continues the row above when it holds no amount
/// (amounts are one line and never split), starts no block, and every text
/// it holds sits under a filled cell of the row above.
fn is_continuation(rows: &[Row], i: usize) -> bool {
    let row = &rows[i];
    if row.is_blank() || starts_block(row) {
        return false;
    }
    if row.filled().any(|c| matches!(c.kind, CellKind::Amount | CellKind::Dash)) {
        return false;
    }
    row.filled().all(|c| {
        covering_cell(rows, i - 1, c.col).is_some_and(|(r, k)| !rows[r].cells[k].is_blank())
    })
}

/// The cell that covers column `col` in row `r` (itself or a span from
/// above), as (row index, cell index).
pub(crate) fn covering_cell<R: std::borrow::Borrow<Row>>(
    rows: &[R],
    r: usize,
    col: usize,
) -> Option<(usize, usize)> {
    for up in (0..=r).rev() {
        let hit = rows[up].borrow().cells.iter().position(|c| {
            c.col <= col && col < c.col + c.colspan.max(1) && up + c.rowspan.max(1) > r
        });
        if let Some(k) = hit {
            return Some((up, k));
        }
    }
    None
}

/// Appends the texts of a cut row's tail to the cells above them; a blank
/// span in it continues the span above.
fn merge_into_above(rows: &mut [Row], i: usize, tail: &Row) -> String {
    let mut joined = Vec::new();
    for c in &tail.cells {
        let Some((r, k)) = covering_cell(rows, i - 1, c.col) else { continue };
        let above = &mut rows[r].cells[k];
        if !c.is_blank() {
            above.set_text(format!("{}\n{}", above.text, c.text));
            above.joined.extend(c.origins());
            joined.push(normalize(&above.text));
        } else if c.rowspan > 1 && (r < i - 1 || above.rowspan > 1) {
            above.rowspan += c.rowspan - 1;
        }
    }
    joined.join(", ")
}

/// A merged cell cut by a page break is drawn as two cells: the part at the
/// bottom of one page and the part at the top of the next, in the same
/// columns. They are one cell when one part is blank and either part spans
/// rows (a merged label's text is drawn on one page only), or when the first
/// part is an unfinished level label that the second completes
/// (`社会效益` + `指标`).
fn extend_spans_over_break(
    rows: &mut [Row],
    i: usize,
    level_cols: &[usize],
    repairs: &mut Vec<Repair>,
) {
    let tops: Vec<Cell> = rows[i].cells.clone();
    for b in tops {
        let Some((r, k)) = covering_cell(rows, i - 1, b.col) else { continue };
        if r + rows[r].cells[k].rowspan.max(1) != i {
            continue;
        }
        if starts_inside_blank(&rows[r].cells[k], &b) {
            split_blank_for(&mut rows[r].cells, k, &b);
        }
        let above = rows[r].cells[k].clone();
        let same_columns = above.col == b.col && above.colspan == b.colspan;
        let Some(text) = same_columns.then(|| continued_text(&above, &b, level_cols)).flatten()
        else {
            continue;
        };
        let cell = &mut rows[r].cells[k];
        cell.set_text(text);
        cell.rowspan += b.rowspan.max(1);
        if !b.is_blank() {
            cell.joined.extend(b.origins());
        }
        rows[i].cells.retain(|c| c.col != b.col);
        let message = format!(
            "merged cell \"{}\" continued over the page break from page {} to page {}",
            normalize(&rows[r].cells[k].text),
            above.page,
            b.page
        );
        repairs.push(Repair::new(
            RepairKind::MergedSpanOverBreak,
            message,
            rows[r].cells[k].origins(),
        ));
    }
}

/// The blank part above spans more columns than the label that continues
/// it: split off the columns the label does not use.
fn split_blank_for(cells: &mut Vec<Cell>, k: usize, label: &Cell) {
    let end = label.col + label.colspan.max(1);
    let mut rest = cells[k].clone();
    (rest.col, rest.colspan) = (end, cells[k].col + cells[k].colspan - end);
    cells[k].colspan = label.colspan.max(1);
    cells.insert(k + 1, rest);
}

/// The text of one merged cell drawn in two parts, `above` at the bottom of
/// a page and `b` at the top of the next, or None when they are two cells.
fn continued_text(above: &Cell, b: &Cell, level_cols: &[usize]) -> Option<String> {
    let spans = b.rowspan > 1 || above.rowspan > 1;
    let in_level_column = level_cols.contains(&b.col);
    match (above.is_blank(), b.is_blank()) {
        (false, true) if spans => Some(above.text.clone()),
        (true, false)
            if spans
                || in_level_column && is_level_label(&b.text)
                || heads_merged_rows(&b.text) =>
        {
            Some(b.text.clone())
        }
        (false, false) if (spans || in_level_column) && repeats(&above.text, &b.text) => {
            Some(above.text.clone())
        }
        (false, false) if in_level_column && !starts_block_label(&above.text) => {
            match vocab::complete_label(&normalize(&above.text), &normalize(&b.text)) {
                Some((joined, debris)) if debris.is_empty() => Some(joined),
                _ => None,
            }
        }
        (false, false) if spans && has_open_bracket(&above.text) => {
            Some(format!("{}\n{}", above.text, b.text))
        }
        _ => None,
    }
}

/// The columns of the 一级指标 and 二级指标 header cells of the form so far.
fn level_label_columns(rows: &[Row]) -> Vec<usize> {
    rows.iter()
        .flat_map(|r| r.cells.iter())
        .filter(|c| matches!(c.key.as_str(), "一级指标" | "二级指标"))
        .map(|c| c.col)
        .collect()
}

/// A label that opens a block or names a column: never part of a level
/// label.
fn starts_block_label(text: &str) -> bool {
    let key = vocab::header_key(text);
    vocab::is_funds_label(&key)
        || [vocab::总分, vocab::绩效指标].contains(&key.as_str())
        || vocab::goal_label(&key) == Some(vocab::GoalLabel::Block)
        || vocab::role_of(vocab::INDICATOR_COLUMNS, text).is_some()
}

/// The lower part repeats (part of) the upper part's text: producers that
/// draw a merged cell's text on every page it spans, clipped, leave a piece
/// of it on each side of the break.
fn repeats(above: &str, below: &str) -> bool {
    let (a, b) = (label_key(above), label_key(below));
    !b.is_empty() && a.contains(&b)
}

/// Text cut inside brackets (`项目资金(万` + `元)`): more open than close.
fn has_open_bracket(text: &str) -> bool {
    let opens = text.chars().filter(|c| matches!(c, '(' | '（')).count();
    let closes = text.chars().filter(|c| matches!(c, ')' | '）')).count();
    opens > closes
}

/// A blank cell above a page break that starts where a merged-rows label
/// at the top of the next page starts, but spans more columns.
fn starts_inside_blank(above: &Cell, b: &Cell) -> bool {
    above.is_blank()
        && !b.is_blank()
        && heads_merged_rows(&b.text)
        && above.col == b.col
        && above.colspan > b.colspan.max(1)
}

/// Labels printed in a cell merged down over several rows.
fn heads_merged_rows(text: &str) -> bool {
    let key = vocab::header_key(text);
    vocab::is_funds_label(&key)
        || key == vocab::绩效指标
        || vocab::goal_label(&key) == Some(vocab::GoalLabel::Block)
}

/// A complete 一级/二级 label: it ends with 指标.
fn is_level_label(text: &str) -> bool {
    normalize(text).ends_with(vocab::指标)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    #[test]
    fn year_is_not_part_of_the_title() {
        assert_eq!(strip_year("2023年度项目支出绩效自评表"), "项目支出绩效自评表");
        assert_eq!(strip_year("财政项目支出绩效自评表（2024年度）"), "财政项目支出绩效自评表");
        assert_eq!(strip_year("财政项目支出绩效自评表"), "财政项目支出绩效自评表");
    }

    #[test]
    fn year_from_title_lines() {
        assert_eq!(year_of("(2024年度)"), Some(2024));
        assert_eq!(year_of("（2023 年度）"), Some(2023));
        assert_eq!(year_of("财政项目支出绩效自评表"), None);
        assert_eq!(year_of("银川市本级部门项目支出绩效自评表(2021年)"), Some(2021));
        assert_eq!(year_of("完成时间2022年)"), None);
        assert_eq!(strip_year("部门项目支出绩效自评表（2021年）"), "部门项目支出绩效自评表");
    }

    #[test]
    fn forms_split_at_titles_and_repeated_titles_dropped() {
        let dump = "## 财政项目支出绩效自评表\n(2024年度)\n项目名称\t\tA\n\n\
                    # 财政项目支出绩效自评表\n(2024年度)\n## 财政项目支出绩效自评表\n(2024年度)\n项目名称\t\tB\n";
        let forms = rows_to_form_rows(&text_to_rows(dump), &TableSettings::default());
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[0].repairs.len(), 0);
        assert_eq!(forms[1].repairs.len(), 1);
        assert_eq!(forms[1].title.as_deref(), Some("财政项目支出绩效自评表"));
        assert_eq!(forms[1].year, Some(2024));
    }

    #[test]
    fn second_project_name_row_starts_a_form() {
        let forms = rows_to_form_rows(
            &text_to_rows("项目名称\tA\n总分\t100\n项目名称\tB\n"),
            &TableSettings::default(),
        );
        assert_eq!(forms.len(), 2);
    }

    #[test]
    fn repeated_project_row_at_page_top_is_not_a_new_form() {
        let dump = "项目名称\tA\n产出指标\tx\t1\n\n项目名称\tA\n效益指标\ty\t2\n\n项目名称\tB\n";
        let forms = rows_to_form_rows(&text_to_rows(dump), &TableSettings::default());
        assert_eq!(forms.len(), 2);
        assert_eq!(forms[0].rows.len(), 3);
        assert!(forms[0].repairs[0].message.contains("repeated header row"));
    }

    #[test]
    fn repeated_header_at_page_top_is_dropped() {
        let dump = "项目名称\tA\n一级指标\t二级指标\t三级指标\n产出指标\t数量指标\tx\n\n一级指标\t二级指标\t三级指标\n";
        let forms = rows_to_form_rows(&text_to_rows(dump), &TableSettings::default());
        assert_eq!(forms[0].rows.len(), 3);
        assert!(forms[0].repairs[0].message.contains("repeated header"));
    }

    #[test]
    fn rows_cut_by_a_page_break_are_joined_on_measured_geometry_only() {
        let dump = "项目名称\tA\n一级指标\t二级指标\t三级指标\t分值\n\
                    产出指标\t数量指标\t培训\t10\n\n\t\t人次\t\n";
        let cut_rows = |geometry: Geometry| {
            let mut rows = text_to_rows(dump);
            rows.iter_mut().for_each(|r| r.geometry = geometry);
            let forms = rows_to_form_rows(&rows, &TableSettings::default());
            forms[0].repairs.iter().filter(|r| r.kind == RepairKind::JoinedCutRow).count()
        };
        assert_eq!(cut_rows(Geometry::Measured), 1);
        assert_eq!(cut_rows(Geometry::Declared), 0, "a dump's tab stops are no evidence");
    }

    #[test]
    fn unit_lines() {
        assert_eq!(unit_line("单位：万元").as_deref(), Some("万元"));
        assert_eq!(unit_line("（金额单位: 元）").as_deref(), Some("元"));
        assert_eq!(unit_line("实施单位"), None);
    }

    #[test]
    fn title_drawn_inside_the_table_is_a_title() {
        let forms = rows_to_form_rows(
            &text_to_rows("财政项目支出绩效自评表\t\t\n(2023年度)\t\t\n项目名称\tX\n"),
            &TableSettings::default(),
        );
        assert_eq!(forms[0].title.as_deref(), Some("财政项目支出绩效自评表"));
        assert_eq!(forms[0].year, Some(2023));
        assert_eq!(forms[0].rows.len(), 1);
    }

    #[test]
    fn page_furniture() {
        for t in ["第 1 页 共 3 页", "第9页共10页", "- 2 -", "3/10", "12", "第 1 页，共 11 页"]
        {
            assert!(is_page_furniture(t), "{t}");
        }
        for t in ["指标", "社会效益", "2024年度", "1.00(项)"] {
            assert!(!is_page_furniture(t), "{t}");
        }
    }

    #[test]
    fn empty_input() {
        assert!(rows_to_form_rows(&[], &TableSettings::default()).is_empty());
    }
}
