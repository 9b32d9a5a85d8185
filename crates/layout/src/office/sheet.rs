//! Excel workbooks (xlsx, xlsm, xlsb, and binary xls / WPS et) through
//! calamine: cell values, merged regions and number formats, one
//! [`SpanGrid`] per visible sheet, the sheet's number as its page.
//!
//! What is read is what prints: a number shows through its cell's number
//! format ([`numfmt`]), hidden sheets, rows and columns are left out (a
//! warning says when they held text, since the dataset then differs from
//! the workbook's content), and merged regions become spans.
//!
//! Limits of what calamine exposes: number formats and hidden rows and
//! columns are known for xlsx/xlsm only (hidden rows and columns from the
//! sheet XML itself, in `xlsx_parts`); in xls and xlsb a number
//! prints as `General`, and merged regions of xlsb are not known.

use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Range, Reader, SheetType, SheetVisible, Sheets};

use super::xlsx_parts::{self, SheetExtras};
use super::{numfmt, Span, SpanGrid};
use crate::detect::Format;
use crate::{Document, Error, Warning, WarningKind};

/// One sheet as read: its name, printed cells (absolute positions),
/// merged regions (inclusive) and hidden lines.
struct SheetData {
    name: String,
    cells: Vec<Span>,
    merges: Vec<(usize, usize, usize, usize)>,
    hidden_rows: Vec<usize>,
    hidden_cols: Vec<usize>,
}

/// Reads every visible sheet of a workbook into rows, sheet `n` as page `n`.
pub fn workbook_to_rows(bytes: &[u8], format: Format) -> Result<Document, Error> {
    let sheets = read_sheets(bytes, format)?;
    let mut doc = Document { pages: sheets.len(), ..Document::default() };
    for (i, sheet) in sheets.into_iter().enumerate() {
        let page = i as u32 + 1;
        let (grid, lost) =
            sheet_grid(sheet.cells, &sheet.merges, &sheet.hidden_rows, &sheet.hidden_cols);
        if lost > 0 {
            let kind = WarningKind::HiddenCells { sheet: sheet.name.clone(), cells: lost };
            doc.warnings.push(Warning::on(page, kind));
        }
        doc.rows.extend(grid.to_rows(page));
    }
    Ok(doc)
}

/// Every visible worksheet with what is known of it.
fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<SheetData>, Error> {
    let name = format.name();
    let err = |reason: String| Error::Office { format: name, reason };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let mut extras = match &book {
        Sheets::Xlsx(_) => xlsx_parts::sheet_extras(bytes).map_err(err)?,
        _ => Default::default(),
    };
    let mut out = Vec::new();
    for meta in book.sheets_metadata().to_vec() {
        if meta.visible != SheetVisible::Visible || meta.typ != SheetType::WorkSheet {
            continue;
        }
        let name = meta.name;
        let sheet = match &mut book {
            Sheets::Xlsx(x) => {
                let extra = extras.remove(&name).unwrap_or_default();
                let cells = xlsx_cells(x, &name).map_err(|e| err(e.to_string()))?;
                let SheetExtras { hidden_rows, hidden_cols, merges } = extra;
                SheetData { name, cells, merges, hidden_rows, hidden_cols }
            }
            other => {
                let values = other.worksheet_range(&name).map_err(|e| err(e.to_string()))?;
                // calamine knows merges in xls, not in xlsb.
                let merges = match other {
                    Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
                    _ => Vec::new(),
                };
                let merges = merges.iter().map(inclusive).collect();
                let cells = range_cells(&values);
                SheetData { name, cells, merges, hidden_rows: Vec::new(), hidden_cols: Vec::new() }
            }
        };
        out.push(sheet);
    }
    Ok(out)
}

fn inclusive(d: &Dimensions) -> (usize, usize, usize, usize) {
    (d.start.0 as usize, d.start.1 as usize, d.end.0 as usize, d.end.1 as usize)
}

/// An xlsx sheet's cells in one pass over its XML: each value with its
/// style, numbers printed through the style's number format.
fn xlsx_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Result<Vec<Span>, calamine::XlsxError> {
    let mut reader = book.worksheet_cells_reader(name)?;
    let mut cells = Vec::new();
    while let Some((cell, style_id)) = reader.next_cell_with_style_id()? {
        let (row, col) = cell.get_position();
        let style = reader.styles().get(style_id);
        let value = match cell.get_value() {
            DataRef::SharedString(s) => Data::String(s.to_string()),
            other => Data::from(other.clone()),
        };
        let text = printed(&value, style);
        if !text.is_empty() {
            cells.push(Span::one(row as usize, col as usize, text));
        }
    }
    Ok(cells)
}

/// The cells of an xls or xlsb range (no number formats known: `General`).
fn range_cells(values: &Range<Data>) -> Vec<Span> {
    let Some((r0, c0)) = values.start() else { return Vec::new() };
    values
        .used_cells()
        .filter_map(|(dr, dc, value)| {
            let text = printed(value, None);
            (!text.is_empty()).then(|| Span::one(r0 as usize + dr, c0 as usize + dc, text))
        })
        .collect()
}

/// The sheet's cells and merges as a span grid (absolute sheet
/// coordinates, then hidden lines removed), and how many filled cells the
/// hidden lines held.
fn sheet_grid(
    mut cells: Vec<Span>,
    merges: &[(usize, usize, usize, usize)],
    hidden_rows: &[usize],
    hidden_cols: &[usize],
) -> (SpanGrid, usize) {
    let lost = cells
        .iter()
        .filter(|c| hidden_rows.contains(&c.row) || hidden_cols.contains(&c.col))
        .count();
    let mut at: std::collections::HashMap<(usize, usize), usize> =
        cells.iter().enumerate().map(|(i, c)| ((c.row, c.col), i)).collect();
    for &(r0, c0, r1, c1) in merges {
        let (rowspan, colspan) = (r1.saturating_sub(r0) + 1, c1.saturating_sub(c0) + 1);
        match at.get(&(r0, c0)) {
            Some(&i) => (cells[i].rowspan, cells[i].colspan) = (rowspan, colspan),
            None => {
                at.insert((r0, c0), cells.len());
                cells.push(Span { row: r0, col: c0, rowspan, colspan, text: String::new() });
            }
        }
    }
    // Merged regions first: a value inside one but not at its anchor is
    // not shown, and the grid keeps the first cell of overlapping ones.
    cells.sort_by_key(|c| (c.rowspan == 1 && c.colspan == 1, c.row, c.col));
    (SpanGrid { cells }.without_hidden(hidden_rows, hidden_cols), lost)
}

/// The text a cell prints: numbers through their number format, text as
/// typed (lines kept, each trimmed).
fn printed(value: &Data, style: Option<&calamine::Style>) -> String {
    let code = style.and_then(|s| s.number_format.as_ref()).and_then(|f| {
        let code = f.format_code.as_str();
        let builtin = f.format_id.and_then(numfmt::builtin_code);
        if code.is_empty() {
            builtin
        } else {
            Some(code)
        }
    });
    let number = |v: f64| numfmt::format_number(v, code.unwrap_or("General"));
    let text = match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(v) => number(*v),
        Data::Int(v) => number(*v as f64),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        other => other.to_string(),
    };
    super::tidy_lines(&text)
}
