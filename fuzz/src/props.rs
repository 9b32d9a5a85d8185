//! Properties every fuzz target asserts of what jixiao gives back, beyond
//! not panicking: rows in page and column order inside their document,
//! grids whose cells stay inside them, normalised texts, finite numbers,
//! and output bounded by the input.

use jixiao_layout::{Document, Row, RowKind};
use jixiao_record::FormRecord;

/// Most text a front end may give back per input byte. Compressed inputs
/// (Flate streams, zip parts) expand by at most about 1,032:1, and the
/// interpreter adds no text of its own beyond a cell separator per glyph.
pub const TEXT_PER_INPUT_BYTE: usize = 2 * 1032;

/// Text allowed for any input, however small (a form's labels are a few
/// kilobytes; the bound only has to catch runaway growth).
pub const TEXT_FLOOR: usize = 1 << 20;

/// Rows of a document: pages in range and ascending, cells in column
/// order with spans of at least one, and text bounded by the input.
pub fn check_document(doc: &Document, input_len: usize) {
    let pages = doc.pages.max(1) as u32;
    let mut last_page = 0;
    let mut text = 0usize;
    for row in &doc.rows {
        assert!(row.page >= 1 && row.page <= pages, "row on page {} of {pages}", row.page);
        assert!(row.page >= last_page, "page {} after page {last_page}", row.page);
        last_page = row.page;
        check_row(row);
        text += row.cells.iter().map(|c| c.text.len() + 1).sum::<usize>();
    }
    let bound = input_len.saturating_mul(TEXT_PER_INPUT_BYTE).max(TEXT_FLOOR);
    assert!(text <= bound, "{text} bytes of text from {input_len} bytes of input");
}

/// One row: cells left to right, spans ≥ 1, on the row's page, boxes finite.
pub fn check_row(row: &Row) {
    assert!(row.cells.windows(2).all(|w| w[0].col <= w[1].col), "cells out of column order");
    for cell in &row.cells {
        assert!(cell.colspan >= 1 && cell.rowspan >= 1, "empty span");
        assert_eq!(cell.page, row.page, "cell on another page than its row");
        if let Some(b) = cell.bbox {
            let edges = [b.x0, b.top, b.x1, b.bottom];
            assert!(edges.iter().all(|v| v.is_finite()), "cell box {edges:?}");
        }
    }
}

/// Rows → forms → records → audits, with the properties of each stage.
pub fn check_pipeline(rows: &[Row]) {
    let forms = jixiao_table::rows_to_forms(rows);
    let table_rows = rows.iter().filter(|r| r.kind == RowKind::Table).count();
    let form_rows: usize = forms.iter().map(|f| f.grid.n_rows).sum();
    assert!(form_rows <= table_rows, "{form_rows} grid rows from {table_rows} table rows");
    for form in &forms {
        for c in &form.grid.cells {
            assert!(c.rowspan >= 1 && c.colspan >= 1, "empty grid span");
            assert!(
                c.row + c.rowspan <= form.grid.n_rows && c.col + c.colspan <= form.grid.n_cols,
                "cell ({}, {}) +({}, {}) outside a {}×{} grid",
                c.row,
                c.col,
                c.rowspan,
                c.colspan,
                form.grid.n_rows,
                form.grid.n_cols
            );
        }
        let record = jixiao_record::form_to_record(form);
        check_record(&record);
        let audit = jixiao_checks::audit(&record);
        assert_eq!(audit.indicator_scores.len(), record.indicators.len());
        let rescored = [audit.rescored.fund_score, audit.rescored.total_score];
        finite(rescored.iter().chain(&audit.indicator_scores), "rescored");
    }
}

/// A record: names normalised, every number finite (JSON has no NaN).
pub fn check_record(record: &FormRecord) {
    let totals = [record.total_weight, record.total_score, record.review_score];
    finite(totals.iter(), "total");
    for fund in &record.funds {
        let amounts = [
            fund.initial_budget,
            fund.annual_budget,
            fund.executed,
            fund.weight,
            fund.execution_rate,
            fund.score,
        ];
        finite(amounts.iter(), "fund");
    }
    for ind in &record.indicators {
        assert_eq!(ind.name, jixiao_table::text::normalize(&ind.name), "name not normalised");
        let numbers = [
            ind.target.value,
            ind.actual.value,
            ind.weight,
            ind.score,
            ind.level1_weight,
            ind.level2_weight,
            ind.review_score,
        ];
        finite(numbers.iter(), "indicator");
    }
}

/// Asserts that every number present is finite.
pub fn finite<'a>(values: impl Iterator<Item = &'a Option<f64>>, what: &str) {
    for v in values.flatten() {
        assert!(v.is_finite(), "{what} value {v}");
    }
}
