//! The text front end: a text layout (one printed row per line, cells
//! separated by tabs) into [`Row`]s.
//!
//! Lines without a tab are free text ([`RowKind::Text`]): titles, the year
//! line. Markdown heading marks that dump tools put before titles (`# `,
//! `## `) are removed. A blank line that follows a table row marks a page
//! break, so the rows after it get the next page number: that is what the
//! reconstructor needs to repair rows cut by the break.

use crate::{Cell, Geometry, Row, RowKind};

/// Decodes a text layout file: UTF-8 (with or without BOM), UTF-16 with a
/// BOM, or GB18030/GBK, which Chinese Windows tools write. None when the
/// bytes are none of these (a binary file).
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (!had_errors).then(|| text.into_owned());
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some(text.to_string());
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    let binary = text.chars().any(|c| c == '\0');
    (!had_errors && !binary).then(|| text.into_owned())
}

/// Reads a text layout into rows. Never fails: every line is some row.
pub fn text_to_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut page = 1;
    let mut last_was_table = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let at = |mut c: Cell| {
            c.line = u32::try_from(n + 1).ok();
            c
        };
        if line.trim().is_empty() {
            if last_was_table {
                page += 1;
            }
            last_was_table = false;
            continue;
        }
        if line.contains('\t') {
            let cells = line
                .split('\t')
                .enumerate()
                .map(|(col, t)| at(Cell::plain(t, col, page)))
                .collect();
            rows.push(Row {
                kind: RowKind::Table,
                page,
                cells,
                bbox: None,
                geometry: Geometry::Declared,
            });
            last_was_table = true;
        } else {
            let t = line.trim().trim_start_matches('#').trim();
            rows.push(Row::declared_line(at(Cell::plain(t, 0, page))));
            last_was_table = false;
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_after_table_row_is_a_page_break() {
        let rows =
            text_to_rows("## 财政项目支出绩效自评表\n\n(2024年度)\n\n项目名称\t\tX\n\n\t指标\n");
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].kind, RowKind::Text);
        assert_eq!(rows[0].cells[0].text, "财政项目支出绩效自评表");
        assert_eq!((rows[2].page, rows[3].page), (1, 2));
    }

    #[test]
    fn text_files_in_chinese_windows_encodings() {
        let (gbk, _, _) = encoding_rs::GBK.encode("项目名称\t测试");
        assert_eq!(decode_text(&gbk).as_deref(), Some("项目名称\t测试"));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("指标".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&utf16).as_deref(), Some("指标"));
        assert_eq!(decode_text("\u{feff}标题".as_bytes()).as_deref(), Some("标题"));
        assert_eq!(decode_text(&[0x00, 0xFF, 0x80, 0x81]), None);
    }

    #[test]
    fn empty_input_gives_no_rows() {
        assert!(text_to_rows("").is_empty());
    }
}
