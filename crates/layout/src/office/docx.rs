//! Word documents (docx): `word/document.xml` read with quick-xml.
//!
//! Tables give their structure outright: `w:gridSpan` is a column span,
//! `w:vMerge` a row span (`restart` opens it, a bare `w:vMerge` continues
//! it), `w:gridBefore` skips leading grid columns. Paragraphs between tables
//! are text lines (titles, the `(2024年度)` line, 填报单位 lines). A table that
//! breaks across pages is one `w:tbl` in the file, so it is read whole; Word
//! has no fixed pages, so every row is on page 1. A table nested in a cell
//! counts as that cell's text. Headers, footers and deleted text
//! (`w:delText`) are not read.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::{tidy_lines, Span, SpanGrid};
use crate::{Cell, Document, Error, Row};

/// Reads the body of a docx into rows.
pub fn docx_to_rows(bytes: &[u8]) -> Result<Document, Error> {
    let err = |reason: String| Error::Office { format: "docx", reason };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| err(e.to_string()))?;
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .map_err(|e| err(e.to_string()))?
        .read_to_string(&mut xml)
        .map_err(|e| err(e.to_string()))?;
    let rows = body_rows(&xml).map_err(err)?;
    Ok(Document { rows, pages: 1, warnings: Vec::new() })
}

/// A table being read.
#[derive(Default)]
struct Table {
    spans: Vec<Span>,
    row: usize,
    col: usize,
    /// The open cell: its anchor column, span, whether it continues a
    /// vertical merge, and its paragraphs.
    cell: Option<OpenCell>,
}

#[derive(Default)]
struct OpenCell {
    colspan: usize,
    v_merge: Option<bool>,
    paragraphs: Vec<String>,
}

/// The reader's state: the open table, nested-table depth inside its cell,
/// the paragraph being read, and the rows so far.
#[derive(Default)]
struct Body {
    table: Option<Table>,
    nested: usize,
    paragraph: String,
    in_text: bool,
    rows: Vec<Row>,
}

fn body_rows(xml: &str) -> Result<Vec<Row>, String> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body::default();
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => {
                body.start(&e);
                body.end(e.local_name().as_ref());
            }
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Text(t) if body.in_text => body.paragraph.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if body.in_text => body.paragraph.push_str(&entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body.rows)
}

impl Body {
    fn start(&mut self, e: &BytesStart<'_>) {
        let val = || attribute(e, "w:val");
        match e.local_name().as_ref() {
            "tbl" if self.table.as_ref().is_some_and(|t| t.cell.is_some()) => self.nested += 1,
            "tbl" if self.table.is_none() => self.table = Some(Table::default()),
            _ if self.nested > 0 => self.start_text(e),
            "tr" => {
                if let Some(t) = &mut self.table {
                    t.col = 0;
                }
            }
            "gridBefore" => {
                if let (Some(t), Some(n)) =
                    (&mut self.table, val().and_then(|v| v.parse::<usize>().ok()))
                {
                    t.col += n;
                }
            }
            "tc" => {
                if let Some(t) = &mut self.table {
                    t.cell = Some(OpenCell { colspan: 1, ..Default::default() });
                }
            }
            "gridSpan" => {
                if let Some(c) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    c.colspan = val().and_then(|v| v.parse().ok()).unwrap_or(1).max(1);
                }
            }
            "vMerge" => {
                if let Some(c) = self.table.as_mut().and_then(|t| t.cell.as_mut()) {
                    c.v_merge = Some(val().as_deref() != Some("restart"));
                }
            }
            _ => self.start_text(e),
        }
    }

    /// Text-level elements: runs' text, tabs and line breaks.
    fn start_text(&mut self, e: &BytesStart<'_>) {
        match e.local_name().as_ref() {
            "t" => self.in_text = true,
            "tab" => self.paragraph.push(' '),
            "br" if attribute(e, "w:type").is_none_or(|t| t == "textWrapping") => {
                self.paragraph.push('\n')
            }
            "cr" => self.paragraph.push('\n'),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "p" => self.end_paragraph(),
            "tbl" if self.nested > 0 => self.nested -= 1,
            _ if self.nested > 0 => {}
            "tc" => self.end_cell(),
            "tr" => {
                if let Some(t) = &mut self.table {
                    t.row += 1;
                }
            }
            "tbl" => {
                if let Some(t) = self.table.take() {
                    self.rows.extend(SpanGrid { cells: t.spans }.to_rows(1));
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        let outside = self.table.is_none();
        match self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell.paragraphs.push(text),
            None if outside => {
                let text = tidy_lines(&text).replace('\n', " ");
                if !text.is_empty() {
                    self.rows.push(Row::declared_line(Cell::plain(text, 0, 1)));
                }
            }
            None => {}
        }
    }

    /// A finished cell: a new anchor, or one more row of the vertical merge
    /// above it.
    fn end_cell(&mut self) {
        let Some(t) = &mut self.table else { return };
        let Some(cell) = t.cell.take() else { return };
        let (row, col) = (t.row, t.col);
        t.col += cell.colspan;
        if cell.v_merge == Some(true) {
            let above = t.spans.iter_mut().find(|s| s.col == col && s.row + s.rowspan == row);
            if let Some(above) = above {
                above.rowspan += 1;
                return;
            }
        }
        let text = tidy_lines(&cell.paragraphs.join("\n"));
        t.spans.push(Span { row, col, rowspan: 1, colspan: cell.colspan, text });
    }
}

fn attribute(e: &BytesStart<'_>, key: &str) -> Option<String> {
    let a = e.try_get_attribute(key).ok()??;
    Some(a.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned())
}

/// The predefined XML entities and character references.
pub(crate) fn entity(name: &str) -> String {
    let named = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    };
    let numeric = || {
        let n = name.strip_prefix('#')?;
        let code = match n.strip_prefix('x') {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => n.parse().ok()?,
        };
        char::from_u32(code)
    };
    named.or_else(numeric).map(String::from).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RowKind;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    #[test]
    fn grid_span_and_vertical_merge() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p><w:r><w:t>财政项目支出绩效自评表</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>产出</w:t></w:r><w:r><w:br/><w:t>指标</w:t></w:r></w:p></w:tc>
            <w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A &amp; B</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>10</w:t></w:r></w:p></w:tc></w:tr>
            </w:tbl></w:body></w:document>"#
        );
        let rows = body_rows(&xml).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].kind, RowKind::Text);
        let first: Vec<_> =
            rows[1].cells.iter().map(|c| (c.col, c.rowspan, c.colspan, c.text.as_str())).collect();
        assert_eq!(first, vec![(0, 2, 1, "产出\n指标"), (1, 1, 2, "A & B")]);
        let second: Vec<_> = rows[2].cells.iter().map(|c| (c.col, c.text.as_str())).collect();
        assert_eq!(second, vec![(1, ""), (2, "10")]);
    }
}
