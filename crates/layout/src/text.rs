//! The text front end: a text layout (one printed row per line, cells
//! separated by tabs) into [`Row`]s.
//!
//! Lines without a tab are free text ([`RowKind::Text`]): titles, the year
//! line. Markdown heading marks that dump tools put before titles (`# `,
//! `## `) are removed. A blank line that follows a table row marks a page
//! break, so the rows after it get the next page number: that is what the
//! reconstructor needs to repair rows cut by the break.

use crate::{Cell, Row, RowKind};

/// Reads a text layout into rows. Never fails: every line is some row.
pub fn text_to_rows(text: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut page = 1;
    let mut last_was_table = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if last_was_table {
                page += 1;
            }
            last_was_table = false;
            continue;
        }
        if line.contains('\t') {
            let cells =
                line.split('\t').enumerate().map(|(col, t)| Cell::plain(t, col, page)).collect();
            rows.push(Row { kind: RowKind::Table, page, cells, bbox: None });
            last_was_table = true;
        } else {
            let t = line.trim().trim_start_matches('#').trim();
            rows.push(Row {
                kind: RowKind::Text,
                page,
                cells: vec![Cell::plain(t, 0, page)],
                bbox: None,
            });
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
    fn empty_input_gives_no_rows() {
        assert!(text_to_rows("").is_empty());
    }
}
