//! Rulings and glyphs of one page into table [`Row`]s.
//!
//! The lattice pipeline follows pdfplumber's `table.py`, as a chain of pure
//! functions, each named input→output and documented with its tolerance:
//!
//! 1. [`dedupe_glyphs`]: fake-bold overprints count once;
//! 2. [`merge_rulings`]: snap and join, drop short rulings;
//!    [`rulings_to_closing_rulings`] closes tables cut by a page break;
//! 3. [`rulings_to_intersections`];
//! 4. [`intersections_to_cells`]: rectangles bounded by rulings on all sides;
//! 5. [`cells_to_grids`]: connected cells form a table; the sorted distinct
//!    cell edges are its grid lines, and each cell gets its
//!    (row, col, rowspan, colspan);
//! 6. [`assign_glyphs`]: glyphs into cells, cell text by lines.
//!
//! Where the settings' [`Strategy`] for an axis resolves to
//! [`Strategy::Text`] (by default: the page has fewer than two usable rulings
//! of that orientation), [`stream::glyphs_to_rulings`] infers grid lines from
//! the text instead, and the same pipeline runs on them: from centred cell
//! text, or, where the region's words start at shared column edges, from
//! left-aligned text ([`aligned`]: columns, rows by shared baselines or
//! centres; [`labels`]: cells merged over rows).
//!
//! [`page_to_debug`] keeps every intermediate result (for
//! `jixiao tables --debug`); [`page_to_rows`] returns only the rows.
//!
//! This module does not know forms, does not join tables across pages and
//! does not normalise text (whitespace next to CJK characters is kept).

pub mod aligned;
#[cfg(test)]
mod corpus;
pub mod labels;
mod lattice;
mod settings;
pub mod stream;
mod text;

use serde::Serialize;

pub use lattice::{
    cells_to_grids, intersections_to_cells, merge_rulings, rulings_to_closing_rulings,
    rulings_to_intersections, GridCell, Intersection, TableGrid,
};
pub use settings::{
    GlyphRule, LatticeBuilder, LatticeSettings, Strategy, DEFAULT_DEDUPE_TOLERANCE,
    DEFAULT_INSIDE_SLACK, DEFAULT_INTERSECTION_TOLERANCE, DEFAULT_JOIN_TOLERANCE,
    DEFAULT_MIN_RULING_LENGTH, DEFAULT_SNAP_TOLERANCE,
};
pub use stream::StreamDebug;
pub use text::{
    assign_glyphs, dedupe_glyphs, glyphs_to_lines, glyphs_to_text, line_to_text,
    FALLBACK_FONT_SIZE, LINE_TOLERANCE_RATIO, SPACE_GAP_RATIO,
};

use crate::geometry::union_all;
use crate::{BBox, Cell, Geometry, Glyph, Orientation, Page, Row, RowKind, Ruling};

/// Under [`Strategy::Auto`], an axis needs at least this many merged rulings
/// of its orientation to use them: one line bounds no cell.
pub const MIN_RULINGS_FOR_LINES: usize = 2;

/// A line of free text outside every table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TextLine {
    /// The line's text (see [`line_to_text`]).
    pub text: String,
    /// Its box, points.
    pub bbox: BBox,
}

/// Every intermediate result of the grid builder on one page, for
/// `jixiao tables --debug`. Serialised as JSON by the cli; coordinates in
/// PDF points, origin top left.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GridDebug {
    /// 1-based page number.
    pub page: u32,
    /// The strategy used for row boundaries ([`Strategy::Lines`] or
    /// [`Strategy::Text`]).
    pub horizontal_strategy: Strategy,
    /// The strategy used for column boundaries.
    pub vertical_strategy: Strategy,
    /// How many glyphs the fake-bold dedupe dropped (off-page glyphs are
    /// dropped too, uncounted).
    pub duplicate_glyphs: usize,
    /// What the stream fallback inferred, when an axis used it.
    pub stream: Option<StreamDebug>,
    /// The rulings added to close tables cut by a page break.
    pub closing: Vec<Ruling>,
    /// The rulings after snapping, joining and dropping short ones (closing
    /// rulings included).
    pub merged: Vec<Ruling>,
    /// Where merged rulings cross.
    pub intersections: Vec<Intersection>,
    /// Every cell rectangle found.
    pub cells: Vec<BBox>,
    /// The tables, with spans and assigned text.
    pub tables: Vec<TableGrid>,
    /// Free text outside the tables, line by line.
    pub text_lines: Vec<TextLine>,
    /// The rows [`page_to_rows`] returns.
    pub rows: Vec<Row>,
}

/// A page into rows, top to bottom: one [`RowKind::Table`] row per grid row
/// of each table (cells left to right, empty cells included, each merged cell
/// once in its first row; the row's bbox spans the table's width and the grid
/// row's height, so a table boundary shows as a change of x-extent or a gap
/// in y), and one [`RowKind::Text`] row per line of free text. A table's rows
/// stay together; free text is placed before or after it by its top.
///
/// ```
/// use jixiao_layout::grid::{page_to_rows, LatticeSettings};
/// use jixiao_layout::{BBox, Glyph, Orientation, Page, RowKind, Ruling};
/// let line = |orientation, pos, end| Ruling { orientation, pos, start: 0.0, end, page: 1 };
/// let rulings = vec![
///     line(Orientation::Horizontal, 0.0, 100.0),
///     line(Orientation::Horizontal, 20.0, 100.0),
///     line(Orientation::Vertical, 0.0, 20.0),
///     line(Orientation::Vertical, 50.0, 20.0),
///     line(Orientation::Vertical, 100.0, 20.0),
/// ];
/// let glyph = |text: &str, x0: f64| Glyph {
///     text: text.into(),
///     bbox: BBox { x0, top: 5.0, x1: x0 + 10.0, bottom: 15.0 },
///     font_size: 10.0,
///     page: 1,
///     baseline: 13.8,
/// };
/// let glyphs = vec![glyph("总", 5.0), glyph("分", 15.0), glyph("9", 60.0)];
/// let page = Page { number: 1, glyphs, rulings, ..Page::default() };
/// let rows = page_to_rows(&page, &LatticeSettings::default());
/// assert_eq!(rows.len(), 1);
/// assert_eq!(rows[0].kind, RowKind::Table);
/// assert_eq!((rows[0].cells[0].text.as_str(), rows[0].cells[1].text.as_str()), ("总分", "9"));
/// ```
pub fn page_to_rows(page: &Page, settings: &LatticeSettings) -> Vec<Row> {
    page_to_debug(page, settings).rows
}

/// Runs the whole grid builder on a page and keeps every intermediate
/// result.
pub fn page_to_debug(page: &Page, settings: &LatticeSettings) -> GridDebug {
    let kept = dedupe_glyphs(&page.glyphs, settings);
    // Glyphs centred off the page are invisible (spreadsheet printers draw
    // the text of a merged cell cut by a page break on both pages).
    let on_page = |g: &Glyph| {
        let (cx, cy) = (g.bbox.cx(), g.bbox.cy());
        (page.width <= 0.0 || (0.0..=page.width).contains(&cx))
            && (page.height <= 0.0 || (0.0..=page.height).contains(&cy))
    };
    let glyphs: Vec<&Glyph> =
        kept.iter().map(|&i| &page.glyphs[i]).filter(|g| on_page(g)).collect();
    let page_merged = merge_rulings(&page.rulings, settings);
    let horizontal =
        resolve_strategy(settings.horizontal_strategy(), &page_merged, Orientation::Horizontal);
    let vertical =
        resolve_strategy(settings.vertical_strategy(), &page_merged, Orientation::Vertical);
    let stream = (horizontal == Strategy::Text || vertical == Strategy::Text)
        .then(|| stream::glyphs_to_rulings(&glyphs, page.number));
    let merged = match &stream {
        None => page_merged,
        Some(s) => {
            let from = |r: &&Ruling| match r.orientation {
                Orientation::Horizontal => horizontal,
                Orientation::Vertical => vertical,
            };
            let drawn = page.rulings.iter().filter(|r| from(r) == Strategy::Lines);
            let inferred = s.rulings.iter().filter(|r| from(r) == Strategy::Text);
            merge_rulings(&drawn.chain(inferred).copied().collect::<Vec<_>>(), settings)
        }
    };
    let closing = if settings.close_open_tables() {
        rulings_to_closing_rulings(&merged, settings, page.height)
    } else {
        Vec::new()
    };
    let merged = if closing.is_empty() {
        merged
    } else {
        merge_rulings(&[merged, closing.clone()].concat(), settings)
    };
    let intersections = rulings_to_intersections(&merged, settings);
    let cells = intersections_to_cells(&intersections);
    let mut tables = cells_to_grids(&cells);
    let free = assign_glyphs(&mut tables, &glyphs, settings);
    let text_lines: Vec<TextLine> = glyphs_to_lines(&free)
        .iter()
        .filter_map(|l| {
            Some(TextLine { text: line_to_text(l), bbox: union_all(l.iter().map(|g| &g.bbox))? })
        })
        .collect();
    let rows = tables_to_rows(&tables, &text_lines, page.number);
    GridDebug {
        page: page.number,
        horizontal_strategy: horizontal,
        vertical_strategy: vertical,
        duplicate_glyphs: page.glyphs.len() - kept.len(),
        stream,
        closing,
        merged,
        intersections,
        cells,
        tables,
        text_lines,
        rows,
    }
}

/// [`Strategy::Auto`] into `Lines` or `Text` for one axis.
fn resolve_strategy(strategy: Strategy, merged: &[Ruling], orientation: Orientation) -> Strategy {
    match strategy {
        Strategy::Auto => {
            let usable = merged.iter().filter(|r| r.orientation == orientation).count();
            if usable >= MIN_RULINGS_FOR_LINES {
                Strategy::Lines
            } else {
                Strategy::Text
            }
        }
        other => other,
    }
}

/// Tables and free text lines into rows, top to bottom, each table's rows
/// together.
fn tables_to_rows(tables: &[TableGrid], lines: &[TextLine], page: u32) -> Vec<Row> {
    enum Unit<'a> {
        Table(&'a TableGrid),
        Line(&'a TextLine),
    }
    let mut units: Vec<(f64, f64, Unit)> =
        tables.iter().map(|t| (t.bbox.top, t.bbox.x0, Unit::Table(t))).collect();
    units.extend(lines.iter().map(|l| (l.bbox.top, l.bbox.x0, Unit::Line(l))));
    units.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut rows = Vec::new();
    for (_, _, unit) in units {
        match unit {
            Unit::Line(l) => {
                let cell = Cell {
                    text: l.text.clone(),
                    col: 0,
                    colspan: 1,
                    rowspan: 1,
                    page,
                    bbox: Some(l.bbox),
                    line: None,
                    joined: Vec::new(),
                };
                let geometry = Geometry::Measured;
                rows.push(Row {
                    kind: RowKind::Text,
                    page,
                    cells: vec![cell],
                    bbox: Some(l.bbox),
                    geometry,
                });
            }
            Unit::Table(t) => rows.extend(table_to_rows(t, page)),
        }
    }
    rows
}

/// One row per grid row of a table.
fn table_to_rows(t: &TableGrid, page: u32) -> Vec<Row> {
    let mut rows: Vec<Row> =
        t.ys.windows(2)
            .map(|w| Row {
                kind: RowKind::Table,
                page,
                cells: Vec::new(),
                bbox: Some(BBox { x0: t.bbox.x0, top: w[0], x1: t.bbox.x1, bottom: w[1] }),
                geometry: Geometry::Measured,
            })
            .collect();
    for c in &t.cells {
        if let Some(row) = rows.get_mut(c.row) {
            row.cells.push(Cell {
                text: c.text.clone(),
                col: c.col,
                colspan: c.colspan,
                rowspan: c.rowspan,
                page,
                bbox: Some(c.bbox),
                line: None,
                joined: Vec::new(),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::lattice::tests::{merged_3x3, ruling};
    use super::text::tests::word;
    use super::*;
    use crate::Orientation::{Horizontal, Vertical};

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn empty_page_gives_no_rows() {
        let d = page_to_debug(&Page::default(), &LatticeSettings::default());
        assert!(d.rows.is_empty());
        assert_eq!(d.horizontal_strategy, Strategy::Text);
    }

    #[test]
    fn merged_cell_text_and_free_text() {
        let mut glyphs = word("项目资金", 2.0, 8.0, 3.0);
        glyphs.extend(word("甲", 22.0, 2.0, 6.0));
        glyphs.extend(word("乙", 12.0, 22.0, 6.0));
        glyphs.extend(word("自评表", 0.0, -20.0, 6.0));
        let page = Page { number: 3, glyphs, rulings: merged_3x3(), ..Page::default() };
        let rows = page_to_rows(&page, &LatticeSettings::default());
        assert_eq!(rows.len(), 4);
        assert_eq!((rows[0].kind, texts(&rows[0])), (RowKind::Text, vec!["自评表"]));
        assert_eq!(texts(&rows[1]), vec!["项目资金", "甲"]);
        assert_eq!((rows[1].cells[0].rowspan, rows[1].cells[0].colspan), (2, 2));
        assert_eq!(texts(&rows[2]), vec![""]);
        assert_eq!(texts(&rows[3]), vec!["", "乙", ""]);
        assert!(rows.iter().all(|r| r.page == 3));
    }

    /// Issue #8 (producer_06_xelatex): a full-width `）` whose em box pokes
    /// past a rule, centred in its own cell, does not pull the next cell's
    /// text (set right against it) across; a glyph centred past the rule
    /// is overflow and stays with its run (seed_cid: hanging `，`).
    #[test]
    fn runs_split_at_a_rule_unless_they_overflow() {
        let two_cells = |glyphs: Vec<Glyph>| {
            let rulings = vec![
                ruling(Horizontal, 0.0, 0.0, 60.0),
                ruling(Horizontal, 10.0, 0.0, 60.0),
                ruling(Vertical, 0.0, 0.0, 10.0),
                ruling(Vertical, 30.0, 0.0, 10.0),
                ruling(Vertical, 60.0, 0.0, 10.0),
            ];
            let page = Page { number: 1, glyphs, rulings, ..Page::default() };
            let rows = page_to_rows(&page, &LatticeSettings::default());
            rows.iter().map(|r| texts(r).join("|")).collect::<Vec<_>>()
        };
        let mut close = word("年度指）", 1.0, 1.0, 7.5);
        close.extend(word("实际", 31.1, 1.0, 7.5));
        assert_eq!(two_cells(close), vec!["年度指）|实际"]);
        let mut overflow = word("要求，", 11.0, 1.0, 8.0);
        overflow.extend(word("根据", 40.0, 1.0, 8.0));
        assert_eq!(two_cells(overflow), vec!["要求，|根据"]);
    }

    #[test]
    fn two_tables_on_one_page_in_order() {
        let mut rulings: Vec<Ruling> = Vec::new();
        for (dy, width) in [(100.0, 40.0), (0.0, 20.0)] {
            rulings.push(ruling(Horizontal, dy, 0.0, width));
            rulings.push(ruling(Horizontal, dy + 10.0, 0.0, width));
            rulings.push(ruling(Vertical, 0.0, dy, dy + 10.0));
            rulings.push(ruling(Vertical, width / 2.0, dy, dy + 10.0));
            rulings.push(ruling(Vertical, width, dy, dy + 10.0));
        }
        let mut glyphs = word("二", 2.0, 102.0, 6.0);
        glyphs.extend(word("一", 2.0, 2.0, 6.0));
        glyphs.extend(word("中间", 2.0, 50.0, 6.0));
        let page = Page { number: 1, glyphs, rulings, ..Page::default() };
        let rows = page_to_rows(&page, &LatticeSettings::default());
        let got: Vec<_> = rows.iter().map(|r| (r.kind, texts(r))).collect();
        assert_eq!(
            got,
            vec![
                (RowKind::Table, vec!["一", ""]),
                (RowKind::Text, vec!["中间"]),
                (RowKind::Table, vec!["二", ""]),
            ]
        );
        assert_eq!(rows[2].bbox.map(|b| b.x1), Some(40.0));
    }

    #[test]
    fn stream_page_keeps_wrapped_lines_in_their_row() {
        let mut glyphs = word("财政项目支出绩效自评表", 40.0, 0.0, 16.0);
        for (text, x, top) in [
            ("名称", 10.0, 40.0),
            ("数值", 100.0, 40.0),
            ("得分", 200.0, 40.0),
            ("甲乙丙", 10.0, 60.0),
            ("1.00", 100.0, 60.0),
            ("2", 200.0, 60.0),
            ("丁", 10.0, 70.0),
            ("戊", 10.0, 90.0),
            ("3.00", 100.0, 90.0),
            ("4", 200.0, 90.0),
        ] {
            glyphs.extend(word(text, x, top, 8.0));
        }
        let page = Page { number: 1, glyphs, ..Page::default() };
        let d = page_to_debug(&page, &LatticeSettings::default());
        assert_eq!((d.horizontal_strategy, d.vertical_strategy), (Strategy::Text, Strategy::Text));
        let got: Vec<_> = d.rows.iter().map(|r| (r.kind, texts(r))).collect();
        assert_eq!(
            got,
            vec![
                (RowKind::Text, vec!["财政项目支出绩效自评表"]),
                (RowKind::Table, vec!["名称", "数值", "得分"]),
                (RowKind::Table, vec!["甲乙丙\n丁", "1.00", "2"]),
                (RowKind::Table, vec!["戊", "3.00", "4"]),
            ]
        );
    }

    #[test]
    fn fake_bold_wrapped_cell() {
        let mut glyphs = word("符合计划安", 1.0, 1.0, 3.0);
        glyphs.extend(word("符合计划安", 1.3, 1.3, 3.0));
        glyphs.extend(word("排", 1.0, 5.0, 3.0));
        let rulings = vec![
            ruling(Horizontal, 0.0, 0.0, 20.0),
            ruling(Horizontal, 10.0, 0.0, 20.0),
            ruling(Vertical, 0.0, 0.0, 10.0),
            ruling(Vertical, 20.0, 0.0, 10.0),
        ];
        let page = Page { number: 1, glyphs, rulings, ..Page::default() };
        let d = page_to_debug(&page, &LatticeSettings::default());
        assert_eq!(d.duplicate_glyphs, 5);
        assert_eq!(texts(&d.rows[0]), vec!["符合计划安\n排"]);
    }
}
