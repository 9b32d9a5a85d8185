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

use calamine::{Data, Dimensions, Range, Reader, SheetType, SheetVisible, Sheets, StyleRange};

use super::{numfmt, xlsx_parts, Span, SpanGrid};
use crate::detect::Format;
use crate::{Document, Error};

/// One sheet as read: its name, cells, merges, formats and hidden lines.
struct SheetData {
    name: String,
    values: Range<Data>,
    merges: Vec<Dimensions>,
    styles: StyleRange,
    hidden_rows: Vec<usize>,
    hidden_cols: Vec<usize>,
}

/// Reads every visible sheet of a workbook into rows, sheet `n` as page `n`.
pub fn workbook_to_rows(bytes: &[u8], format: Format) -> Result<Document, Error> {
    let sheets = read_sheets(bytes, format)?;
    let mut doc = Document { pages: sheets.len(), ..Document::default() };
    for (i, sheet) in sheets.into_iter().enumerate() {
        let page = i as u32 + 1;
        let (grid, lost) = sheet_grid(&sheet);
        if lost > 0 {
            doc.warnings.push(format!(
                "sheet {page} ({}): {lost} filled cell(s) in hidden rows or columns not read \
                 (hidden lines are not printed)",
                sheet.name
            ));
        }
        doc.rows.extend(grid.to_rows(page));
    }
    Ok(doc)
}

/// Every visible worksheet with what calamine knows of it.
fn read_sheets(bytes: &[u8], format: Format) -> Result<Vec<SheetData>, Error> {
    let name = format.name();
    let err = |reason: String| Error::Office { format: name, reason };
    let mut book =
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let hidden = match &book {
        Sheets::Xlsx(_) => xlsx_parts::hidden_lines(bytes).map_err(err)?,
        _ => Default::default(),
    };
    let mut out = Vec::new();
    for meta in book.sheets_metadata().to_vec() {
        if meta.visible != SheetVisible::Visible || meta.typ != SheetType::WorkSheet {
            continue;
        }
        let name = meta.name;
        let values = book.worksheet_range(&name).map_err(|e| err(e.to_string()))?;
        // calamine knows merges in xlsx and xls only, and styles in xlsx.
        let merges = match &mut book {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            _ => Vec::new(),
        };
        let styles = book.worksheet_style(&name).unwrap_or_else(|_| StyleRange::empty());
        let (hidden_rows, hidden_cols) = hidden.get(&name).cloned().unwrap_or_default();
        out.push(SheetData { name, values, merges, styles, hidden_rows, hidden_cols });
    }
    Ok(out)
}

/// The sheet's cells as a span grid (absolute sheet coordinates, then
/// hidden lines removed), and how many filled cells the hidden lines held.
fn sheet_grid(sheet: &SheetData) -> (SpanGrid, usize) {
    let Some((r0, c0)) = sheet.values.start() else {
        return (SpanGrid::default(), 0);
    };
    let mut cells = Vec::new();
    let mut lost = 0;
    let hidden =
        |r: usize, c: usize| sheet.hidden_rows.contains(&r) || sheet.hidden_cols.contains(&c);
    for (dr, dc, value) in sheet.values.used_cells() {
        let (row, col) = (r0 as usize + dr, c0 as usize + dc);
        let text = printed(value, sheet.styles.get((row as u32, col as u32)));
        if text.is_empty() {
            continue;
        }
        if hidden(row, col) {
            lost += 1;
        }
        cells.push(Span::one(row, col, text));
    }
    for m in &sheet.merges {
        let (row, col) = (m.start.0 as usize, m.start.1 as usize);
        let rowspan = (m.end.0 - m.start.0) as usize + 1;
        let colspan = (m.end.1 - m.start.1) as usize + 1;
        match cells.iter_mut().find(|c| (c.row, c.col) == (row, col)) {
            Some(c) => (c.rowspan, c.colspan) = (rowspan, colspan),
            None => cells.push(Span { row, col, rowspan, colspan, text: String::new() }),
        }
    }
    // A value inside a merged region but not at its anchor is not shown.
    cells.sort_by_key(|c| (c.rowspan == 1 && c.colspan == 1, c.row, c.col));
    let grid = SpanGrid { cells }.without_hidden(&sheet.hidden_rows, &sheet.hidden_cols);
    (grid, lost)
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
