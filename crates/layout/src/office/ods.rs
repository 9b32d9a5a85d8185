//! OpenDocument spreadsheets (ods, and WPS/LibreOffice exports of them),
//! read from `content.xml` directly.
//!
//! calamine reads ods values but neither its merged cells nor the text a
//! cell prints; ods stores both (`table:number-columns-spanned`, and the
//! displayed text in `<text:p>` beside the raw `office:value`), so this
//! reader takes them from the XML: the printed text needs no number-format
//! rendering at all. Rows and columns with `table:visibility="collapse"`
//! (or `filter`) are hidden and not read; `*-repeated` runs are expanded
//! only where they hold text.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{Span, SpanGrid};
use crate::{Document, Error, Warning, WarningKind};

/// Reads every table (sheet) of an ods into rows, sheet `n` as page `n`.
pub fn ods_to_rows(bytes: &[u8]) -> Result<Document, Error> {
    let err = |reason: String| Error::Office { format: "ods", reason };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .map_err(|e| err(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| err(e.to_string()))?;
    let sheets = parse_content(&xml).map_err(err)?;
    let mut doc = Document { pages: sheets.len(), ..Document::default() };
    for (i, sheet) in sheets.into_iter().enumerate() {
        let page = i as u32 + 1;
        if sheet.lost > 0 {
            let kind = WarningKind::HiddenCells { sheet: sheet.name.clone(), cells: sheet.lost };
            doc.warnings.push(Warning::on(page, kind));
        }
        let grid =
            SpanGrid { cells: sheet.cells }.without_hidden(&sheet.hidden_rows, &sheet.hidden_cols);
        doc.rows.extend(grid.to_rows(page));
    }
    Ok(doc)
}

/// One `table:table` as parsed.
#[derive(Default)]
struct OdsSheet {
    name: String,
    cells: Vec<Span>,
    hidden_rows: Vec<usize>,
    hidden_cols: Vec<usize>,
    cols_seen: usize,
    lost: usize,
}

/// Where the parser is inside a sheet.
#[derive(Default)]
struct At {
    row: usize,
    col: usize,
    row_repeat: usize,
    row_hidden: bool,
    cell: Option<(Span, usize)>,
    line: String,
    depth_p: usize,
}

fn parse_content(xml: &str) -> Result<Vec<OdsSheet>, String> {
    let mut reader = Reader::from_str(xml);
    let mut sheets: Vec<OdsSheet> = Vec::new();
    let mut at = At::default();
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        match event {
            Event::Start(e) => start(&e, false, &mut sheets, &mut at),
            Event::Empty(e) => start(&e, true, &mut sheets, &mut at),
            Event::End(e) => end(e.name().as_ref(), &mut sheets, &mut at),
            Event::Text(t) if at.depth_p > 0 => {
                at.line.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if at.depth_p > 0 => {
                at.line.push_str(&super::docx::entity(&r));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(sheets)
}

fn start(e: &BytesStart<'_>, empty: bool, sheets: &mut Vec<OdsSheet>, at: &mut At) {
    let attr = |k: &str| attribute(e, k);
    let count = |k: &str| attr(k).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1).max(1);
    match e.name().as_ref() as &str {
        "table:table" => {
            sheets.push(OdsSheet {
                name: attr("table:name").unwrap_or_default(),
                ..Default::default()
            });
            *at = At::default();
        }
        "table:table-column" => {
            if let Some(sheet) = sheets.last_mut() {
                let n = count("table:number-columns-repeated").min(1024);
                let first = sheet.cols_seen;
                if hidden(attr("table:visibility")) {
                    sheet.hidden_cols.extend(first..first + n);
                }
                sheet.cols_seen += n;
            }
        }
        "table:table-row" => {
            at.col = 0;
            at.row_repeat = count("table:number-rows-repeated");
            at.row_hidden = hidden(attr("table:visibility"));
            if empty {
                at.row += at.row_repeat;
            }
        }
        "table:table-cell" | "table:covered-table-cell" => {
            let repeat = count("table:number-columns-repeated");
            let span = Span {
                row: at.row,
                col: at.col,
                rowspan: count("table:number-rows-spanned"),
                colspan: count("table:number-columns-spanned"),
                text: String::new(),
            };
            let covered = e.name().as_ref() == "table:covered-table-cell";
            if empty || covered {
                at.col += repeat;
                if !covered && (span.rowspan > 1 || span.colspan > 1) {
                    push_cell(sheets, at, span);
                }
            } else {
                at.cell = Some((span, repeat));
            }
        }
        "text:p" | "text:h" if at.cell.is_some() => {
            at.depth_p += 1;
            if empty {
                at.depth_p -= 1;
                at.line.push('\n');
            }
        }
        "text:s" if at.depth_p > 0 => at.line.push_str(&" ".repeat(count("text:c").min(64))),
        "text:tab" if at.depth_p > 0 => at.line.push(' '),
        "text:line-break" if at.depth_p > 0 => at.line.push('\n'),
        _ => {}
    }
}

fn end(name: &str, sheets: &mut [OdsSheet], at: &mut At) {
    match name {
        "text:p" | "text:h" if at.depth_p > 0 => {
            at.depth_p -= 1;
            at.line.push('\n');
        }
        "table:table-cell" => {
            if let Some((mut span, repeat)) = at.cell.take() {
                span.text = super::tidy_lines(&std::mem::take(&mut at.line));
                at.col += repeat;
                if !span.text.is_empty() || span.rowspan > 1 || span.colspan > 1 {
                    // A repeated cell with text repeats its text.
                    for k in 0..repeat.min(64) {
                        let mut s = span.clone();
                        s.col += k * span.colspan;
                        push_cell_in(sheets, at.row_repeat, at.row_hidden, s);
                    }
                }
            }
        }
        "table:table-row" => {
            if at.row_hidden {
                if let Some(sheet) = sheets.last_mut() {
                    sheet.hidden_rows.extend(at.row..at.row + at.row_repeat.min(1 << 20));
                }
            }
            at.row += at.row_repeat;
        }
        _ => {}
    }
}

fn push_cell(sheets: &mut [OdsSheet], at: &At, span: Span) {
    push_cell_in(sheets, at.row_repeat, at.row_hidden, span);
}

/// A cell with its row repeats (a repeated row with text repeats it).
fn push_cell_in(sheets: &mut [OdsSheet], row_repeat: usize, row_hidden: bool, span: Span) {
    let Some(sheet) = sheets.last_mut() else { return };
    for k in 0..row_repeat.min(64) {
        let mut s = span.clone();
        s.row += k;
        let col_hidden = sheet.hidden_cols.contains(&s.col);
        if (row_hidden || col_hidden) && !s.text.is_empty() {
            sheet.lost += 1;
        }
        sheet.cells.push(s);
    }
}

fn hidden(visibility: Option<String>) -> bool {
    matches!(visibility.as_deref(), Some("collapse") | Some("filter"))
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok()??;
    Some(a.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned())
}
