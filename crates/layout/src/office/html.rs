//! HTML pages: forms published as tables on a district's page, or a `.xls`
//! that is really an HTML table (a common export trick).
//!
//! The bytes are decoded as a browser does ([`decode_html`]): a BOM, else
//! the `<meta charset>` (or `http-equiv` content) in the first KiB, else
//! UTF-8 when the bytes are valid UTF-8, else GB18030 (a superset of GBK and
//! GB2312, which district pages use). The page is parsed with html5ever
//! (through scraper), so broken markup is repaired the way browsers repair
//! it. Each top-level `<table>` becomes a [`SpanGrid`] with the HTML table
//! model's slot rules for `rowspan`/`colspan`; text outside tables (the
//! title, the year line, navigation) becomes text lines, one per block or
//! `<br>`. `<head>`, scripts, styles and elements hidden with `hidden` or
//! `display:none` are not read. Every row is on page 1.

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};

use super::{tidy_lines, Span, SpanGrid};
use crate::{Cell, Document, Row};

/// Reads an HTML page into rows. Never fails: any bytes are some page.
pub fn html_to_rows(bytes: &[u8]) -> Document {
    let page = Html::parse_document(&decode_html(bytes));
    let mut walk = Walk::default();
    walk.node(*page.root_element());
    walk.flush();
    Document { rows: walk.rows, pages: 1, warnings: Vec::new() }
}

/// The page's text, decoded by BOM, declared charset, UTF-8, or GB18030.
pub fn decode_html(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    let declared = declared_charset(&bytes[..bytes.len().min(1024)])
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        // A page cannot declare itself UTF-16 in ASCII (browsers say so too).
        .map(|e| e.output_encoding());
    let encoding = declared.unwrap_or(match std::str::from_utf8(bytes) {
        Ok(_) => encoding_rs::UTF_8,
        Err(_) => encoding_rs::GB18030,
    });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The label after the first `charset=` in the head bytes.
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let at = lower.windows(8).position(|w| w == b"charset=")? + 8;
    let label: String = lower[at..]
        .iter()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Elements whose text is never shown.
const SKIPPED: &[&str] = &["head", "script", "style", "noscript", "template", "select", "button"];
/// Elements that start a new line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "center",
    "form",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "hr",
    "tr",
    "caption",
    "main",
    "aside",
    "address",
    "figure",
    "figcaption",
];

fn hidden(e: &ElementRef<'_>) -> bool {
    let el = e.value();
    let style = el.attr("style").unwrap_or("").to_ascii_lowercase().replace(' ', "");
    el.attr("hidden").is_some() || style.contains("display:none")
}

/// The document walk: text lines outside tables, tables as grids.
#[derive(Default)]
struct Walk {
    rows: Vec<Row>,
    line: String,
}

impl Walk {
    fn node(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(t) => push_text(&mut self.line, t),
            Node::Element(_) => {
                let Some(e) = ElementRef::wrap(node) else { return };
                let name = e.value().name();
                if SKIPPED.contains(&name) || hidden(&e) {
                    return;
                }
                match name {
                    "br" => self.line.push('\n'),
                    "table" => {
                        self.flush();
                        self.rows.extend(table_grid(e).to_rows(1));
                    }
                    _ => {
                        let block = BLOCKS.contains(&name);
                        if block {
                            self.line.push('\n');
                        }
                        node.children().for_each(|c| self.node(c));
                        if block {
                            self.line.push('\n');
                        }
                    }
                }
            }
            Node::Document | Node::Fragment => node.children().for_each(|c| self.node(c)),
            _ => {}
        }
    }

    /// The text gathered so far as text lines, one per line.
    fn flush(&mut self) {
        let text = tidy_lines(&std::mem::take(&mut self.line));
        for line in text.lines() {
            self.rows.push(Row::declared_line(Cell::plain(line, 0, 1)));
        }
    }
}

/// Source whitespace (newlines included) is one space, as browsers show it;
/// only `<br>` and blocks break lines.
fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
}

/// A `<table>`'s rows (its own, not those of tables nested in its cells)
/// placed on slots as the HTML table model does: a cell takes the first
/// slot of its row not covered by a `rowspan` from above.
fn table_grid(table: ElementRef<'_>) -> SpanGrid {
    let mut occupied: Vec<Vec<bool>> = Vec::new();
    let mut cells = Vec::new();
    for (r, tr) in own_rows(table).into_iter().enumerate() {
        let mut col = 0;
        for td in tr.child_elements().filter(|c| matches!(c.value().name(), "td" | "th")) {
            if hidden(&td) {
                continue;
            }
            let span = |k: &str, max: usize| {
                td.value()
                    .attr(k)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, max)
            };
            let (rowspan, colspan) = (span("rowspan", 1000), span("colspan", 1000));
            while slot(&occupied, r, col) {
                col += 1;
            }
            for dr in 0..rowspan {
                for dc in 0..colspan {
                    mark(&mut occupied, r + dr, col + dc);
                }
            }
            cells.push(Span { row: r, col, rowspan, colspan, text: cell_text(td) });
            col += colspan;
        }
    }
    SpanGrid { cells }
}

/// `tr` children of the table and of its `thead`/`tbody`/`tfoot`, in order,
/// without hidden ones.
fn own_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.child_elements() {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => {
                rows.extend(child.child_elements().filter(|c| c.value().name() == "tr"))
            }
            _ => {}
        }
    }
    rows.retain(|r| !hidden(r));
    rows
}

fn slot(occupied: &[Vec<bool>], r: usize, c: usize) -> bool {
    occupied.get(r).and_then(|row| row.get(c)).copied().unwrap_or(false)
}

fn mark(occupied: &mut Vec<Vec<bool>>, r: usize, c: usize) {
    if occupied.len() <= r {
        occupied.resize(r + 1, Vec::new());
    }
    if occupied[r].len() <= c {
        occupied[r].resize(c + 1, false);
    }
    occupied[r][c] = true;
}

/// A cell's printed text: `<br>` and blocks break lines.
fn cell_text(td: ElementRef<'_>) -> String {
    fn go(node: NodeRef<'_, Node>, out: &mut String) {
        match node.value() {
            Node::Text(t) => push_text(out, t),
            Node::Element(_) => {
                let Some(e) = ElementRef::wrap(node) else { return };
                let name = e.value().name();
                if SKIPPED.contains(&name) || hidden(&e) {
                    return;
                }
                if name == "br" {
                    out.push('\n');
                    return;
                }
                let block = BLOCKS.contains(&name) || name == "table";
                if block {
                    out.push('\n');
                }
                node.children().for_each(|c| go(c, out));
                if block || matches!(name, "td" | "th") {
                    out.push(if block { '\n' } else { ' ' });
                }
            }
            _ => {}
        }
    }
    let mut out = String::new();
    td.children().for_each(|c| go(c, &mut out));
    tidy_lines(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_from_meta_bom_or_content() {
        let (gbk, _, _) = encoding_rs::GBK
            .encode("<html><head><meta charset=gbk></head><body>项目名称</body></html>");
        assert!(decode_html(&gbk).contains("项目名称"));
        let (gb2312, _, _) = encoding_rs::GBK.encode(
            "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><p>绩效</p>",
        );
        assert!(decode_html(&gb2312).contains("绩效"));
        let (undeclared, _, _) = encoding_rs::GBK.encode("<p>主管部门</p>");
        assert!(decode_html(&undeclared).contains("主管部门"));
        assert!(decode_html("\u{feff}<p>得分</p>".as_bytes()).contains("得分"));
    }

    #[test]
    fn rowspan_colspan_and_line_breaks() {
        let page = "<html><body><nav><a>首页</a> &gt; <a>政务公开</a></nav><h2>财政项目支出绩效自评表</h2>\
            <table><tr><td rowspan=2>产出<br>指标</td><td colspan=2>数量\n  指标</td></tr>\
            <tr><td>a</td><td>b</td></tr></table></body></html>";
        let rows = html_to_rows(page.as_bytes()).rows;
        let texts: Vec<_> = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.as_str()).collect::<Vec<_>>())
            .collect();
        assert_eq!(texts[0], vec!["首页 > 政务公开"]);
        assert_eq!(texts[1], vec!["财政项目支出绩效自评表"]);
        assert_eq!(texts[2], vec!["产出\n指标", "数量 指标"]);
        assert_eq!(rows[2].cells[1].colspan, 2);
        let cols: Vec<_> = rows[3].cells.iter().map(|c| c.col).collect();
        assert_eq!(cols, vec![1, 2]);
    }
}
