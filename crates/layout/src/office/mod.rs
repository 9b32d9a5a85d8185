//! Front ends for inputs that carry their structure: spreadsheets
//! ([`sheet`], [`ods`]), Word documents ([`docx`]) and HTML pages
//! ([`html`]). Their merged cells are declared and their text is plain
//! Unicode, so nothing is inferred from geometry: each table becomes a
//! [`SpanGrid`] of anchored cells, and [`SpanGrid::to_rows`] gives rows of
//! exactly the shape the PDF lattice path gives for a ruled table (one cell
//! per grid slot, a merged cell once in its first row with its spans), so
//! the table crate reconstructs forms from them the same way.
//!
//! Pages: a spreadsheet's sheet number (1-based, in workbook order) stands in
//! for the page number, so a form's pages name the sheets it was read from.
//! Word documents and HTML pages have no fixed pages: all their rows are on
//! page 1.

pub mod docx;
pub mod html;
pub mod numfmt;
pub mod ods;
pub mod sheet;
mod xlsx_parts;

use crate::detect::Format;
use crate::{Cell, Document, Error, Geometry, Row, RowKind};

/// Reads a spreadsheet, Word document or HTML page into rows. `format` is
/// what [`crate::detect::detect`] said; the old binary `.doc` and unknown
/// containers are [`Error::UnsupportedFormat`].
pub fn office_to_rows(bytes: &[u8], format: Format) -> Result<Document, Error> {
    match format {
        Format::Xlsx | Format::Xls => sheet::workbook_to_rows(bytes, format),
        Format::Ods => ods::ods_to_rows(bytes),
        Format::Docx => docx::docx_to_rows(bytes),
        Format::Html => Ok(html::html_to_rows(bytes)),
        Format::Doc => Err(Error::UnsupportedFormat(
            "old binary Word .doc; convert it with soffice --convert-to docx".into(),
        )),
        Format::OtherContainer => Err(Error::UnsupportedFormat(
            "a zip or OLE2 container that is neither a workbook nor a Word document".into(),
        )),
        Format::Pdf | Format::Text => {
            Err(Error::UnsupportedFormat(format!("{} is not an office format", format.name())))
        }
    }
}

/// One cell of a table with declared structure, at its anchor (top-left)
/// slot.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// 0-based row of the anchor.
    pub row: usize,
    /// 0-based column of the anchor.
    pub col: usize,
    /// Rows covered (at least 1).
    pub rowspan: usize,
    /// Columns covered (at least 1).
    pub colspan: usize,
    /// The printed text; lines joined with `\n`.
    pub text: String,
}

impl Span {
    /// A 1×1 cell.
    pub fn one(row: usize, col: usize, text: impl Into<String>) -> Span {
        Span { row, col, rowspan: 1, colspan: 1, text: text.into() }
    }
}

/// A table as its file declares it: anchored cells on a grid. Slots no
/// cell covers are blank cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SpanGrid {
    /// The cells, in any order; overlapping ones are dropped (first wins).
    pub cells: Vec<Span>,
}

impl SpanGrid {
    /// Rows and columns hidden in the file are removed (they are not
    /// printed): each cell shrinks by its hidden rows and columns, moves to
    /// the first visible one, and disappears when nothing of it is visible.
    pub fn without_hidden(self, hidden_rows: &[usize], hidden_cols: &[usize]) -> SpanGrid {
        let shrink = |start: usize, len: usize, hidden: &[usize]| -> Option<(usize, usize)> {
            let before = hidden.iter().filter(|&&h| h < start).count();
            let inside = hidden.iter().filter(|&&h| h >= start && h < start + len).count();
            (inside < len).then_some((start - before, len - inside))
        };
        let cells = self
            .cells
            .into_iter()
            .filter_map(|c| {
                let (row, rowspan) = shrink(c.row, c.rowspan, hidden_rows)?;
                let (col, colspan) = shrink(c.col, c.colspan, hidden_cols)?;
                Some(Span { row, col, rowspan, colspan, text: c.text })
            })
            .collect();
        SpanGrid { cells }
    }

    /// The grid as rows on `page`, shaped like the lattice path's: every slot
    /// of a row that no cell covers is a blank 1×1 cell, a merged cell
    /// appears once in its first row. Entirely blank rows are dropped (they
    /// separate forms on a sheet), and a row holding one lone 1-row cell of
    /// text and nothing reaching into it from above (a title or the
    /// `(2024年度)` line typed or merged across the sheet) is a text line.
    pub fn to_rows(&self, page: u32) -> Vec<Row> {
        let (anchors, n_rows, n_cols) = self.anchor_map();
        let mut rows = Vec::new();
        for r in 0..n_rows {
            let mut cells = Vec::new();
            let mut covered_from_above = false;
            for c in 0..n_cols {
                match anchors[r * n_cols + c] {
                    Slot::Anchor(i) => {
                        let s = &self.cells[i];
                        cells.push(Cell {
                            text: s.text.clone(),
                            col: c,
                            colspan: s.colspan,
                            rowspan: s.rowspan,
                            page,
                            bbox: None,
                            line: u32::try_from(r + 1).ok(),
                            joined: Vec::new(),
                        });
                    }
                    Slot::Covered { above } => covered_from_above |= above,
                    Slot::Free => cells
                        .push(Cell { line: u32::try_from(r + 1).ok(), ..Cell::plain("", c, page) }),
                }
            }
            rows.extend(classify(cells, covered_from_above, page));
        }
        rows
    }

    /// For every slot (row-major) whether a cell is anchored there, covers
    /// it, or none does; and the grid's size.
    fn anchor_map(&self) -> (Vec<Slot>, usize, usize) {
        let n_rows = self.cells.iter().map(|c| c.row + c.rowspan.max(1)).max().unwrap_or(0);
        let n_cols = self.cells.iter().map(|c| c.col + c.colspan.max(1)).max().unwrap_or(0);
        let mut map = vec![Slot::Free; n_rows * n_cols];
        for (i, c) in self.cells.iter().enumerate() {
            let slots = |dr: usize, dc: usize| (c.row + dr) * n_cols + c.col + dc;
            let mut all =
                (0..c.rowspan.max(1)).flat_map(|dr| (0..c.colspan.max(1)).map(move |dc| (dr, dc)));
            if all.any(|(dr, dc)| map[slots(dr, dc)] != Slot::Free) {
                continue;
            }
            for dr in 0..c.rowspan.max(1) {
                for dc in 0..c.colspan.max(1) {
                    map[slots(dr, dc)] = if (dr, dc) == (0, 0) {
                        Slot::Anchor(i)
                    } else {
                        Slot::Covered { above: dr > 0 }
                    };
                }
            }
        }
        (map, n_rows, n_cols)
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Free,
    Anchor(usize),
    Covered { above: bool },
}

/// A grid row as a table row, a text line, or nothing (blank).
fn classify(mut cells: Vec<Cell>, covered_from_above: bool, page: u32) -> Option<Row> {
    let filled: Vec<usize> = (0..cells.len()).filter(|&i| !cells[i].is_blank()).collect();
    if filled.is_empty() && !covered_from_above {
        return None;
    }
    let spans_down = cells.iter().any(|c| c.rowspan > 1);
    if let [only] = filled[..] {
        if !covered_from_above && !spans_down {
            let mut cell = cells.swap_remove(only);
            cell.text = cell.text.lines().map(str::trim).collect::<Vec<_>>().join(" ");
            cell.col = 0;
            cell.colspan = 1;
            cell.page = page;
            return Some(Row::declared_line(cell));
        }
    }
    Some(Row { kind: RowKind::Table, page, cells, bbox: None, geometry: Geometry::Declared })
}

/// Collapses runs of whitespace inside each line and trims the lines, as a
/// printed cell shows them; blank lines are dropped.
pub(crate) fn tidy_lines(text: &str) -> String {
    let plain = |w: &[u8]| !(w[0].is_ascii_whitespace() && w[1].is_ascii_whitespace());
    let bytes = text.as_bytes();
    let clean = !text.contains(['\n', '\r', '\t', '\u{a0}', '\u{3000}'])
        && bytes.first().is_none_or(|b| !b.is_ascii_whitespace())
        && bytes.last().is_none_or(|b| !b.is_ascii_whitespace())
        && bytes.windows(2).all(plain);
    if clean {
        return text.to_string();
    }
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(row: usize, col: usize, rowspan: usize, colspan: usize, text: &str) -> Span {
        Span { row, col, rowspan, colspan, text: text.into() }
    }

    #[test]
    fn merged_cells_appear_once_with_blank_slots_filled() {
        let grid = SpanGrid {
            cells: vec![
                span(0, 0, 1, 3, "财政项目支出绩效自评表"),
                span(2, 0, 2, 1, "产出指标"),
                span(2, 1, 1, 1, "数量指标"),
                span(3, 1, 1, 1, "质量指标"),
                span(3, 2, 1, 1, "10"),
            ],
        };
        let rows = grid.to_rows(3);
        assert_eq!(rows.len(), 3, "blank row 1 dropped");
        assert_eq!(rows[0].kind, RowKind::Text);
        assert_eq!(rows[0].cells[0].text, "财政项目支出绩效自评表");
        assert_eq!(rows[1].kind, RowKind::Table);
        let shape: Vec<_> = rows[1].cells.iter().map(|c| (c.col, c.rowspan, c.colspan)).collect();
        assert_eq!(shape, vec![(0, 2, 1), (1, 1, 1), (2, 1, 1)]);
        let cols: Vec<_> = rows[2].cells.iter().map(|c| c.col).collect();
        assert_eq!(cols, vec![1, 2]);
        assert!(rows.iter().all(|r| r.page == 3));
    }

    #[test]
    fn a_lone_cell_under_a_merge_stays_in_the_table() {
        let grid =
            SpanGrid { cells: vec![span(0, 0, 2, 1, "年度总体目标"), span(1, 1, 1, 1, "x")] };
        let rows = grid.to_rows(1);
        assert!(rows.iter().all(|r| r.kind == RowKind::Table));
    }

    #[test]
    fn hidden_rows_and_columns_are_removed() {
        let grid = SpanGrid {
            cells: vec![
                span(0, 0, 1, 3, "title"),
                span(1, 0, 1, 1, "a"),
                span(1, 1, 1, 1, "helper"),
                span(1, 2, 1, 1, "b"),
                span(2, 0, 1, 1, "hidden row"),
            ],
        }
        .without_hidden(&[2], &[1]);
        let texts: Vec<_> =
            grid.cells.iter().map(|c| (c.row, c.col, c.colspan, &*c.text)).collect();
        assert_eq!(texts, vec![(0, 0, 2, "title"), (1, 0, 1, "a"), (1, 1, 1, "b")]);
    }
}
