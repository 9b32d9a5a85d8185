//! Any bytes as a PDF: an error or rows, never a panic; every row's cells
//! are in column order.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pdf = jixiao_layout::pdf::PdfSettings::default();
    let lattice = jixiao_layout::grid::LatticeSettings::default();
    if let Ok(doc) = jixiao_layout::pdf_to_rows(data, &pdf, &lattice) {
        for row in &doc.rows {
            assert!(row.cells.windows(2).all(|w| w[0].col <= w[1].col));
            assert!(row.page >= 1 && row.page as usize <= doc.pages);
        }
    }
});
