//! Any text dump: the whole path after layout runs without panicking, and
//! its results keep their promises.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let rows = jixiao_layout::text::text_to_rows(text);
    let forms = jixiao_table::rows_to_forms(&rows);
    // Every table row lands in at most one form.
    let table_rows = rows.iter().filter(|r| r.kind == jixiao_layout::RowKind::Table).count();
    assert!(forms.iter().map(|f| f.grid.n_rows).sum::<usize>() <= table_rows);
    for form in &forms {
        // Grid cells stay inside the grid.
        for c in &form.grid.cells {
            assert!(c.row + c.rowspan <= form.grid.n_rows && c.col + c.colspan <= form.grid.n_cols);
        }
        let record = jixiao_record::form_to_record(form);
        // Normalised texts have no whitespace next to CJK and no edges.
        for ind in &record.indicators {
            assert_eq!(ind.name, jixiao_table::text::normalize(&ind.name));
        }
        let audit = jixiao_checks::audit(&record);
        assert_eq!(audit.indicator_scores.len(), record.indicators.len());
    }
});
