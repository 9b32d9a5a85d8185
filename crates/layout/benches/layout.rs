//! PDF front end: a six-form LibreOffice Calc PDF (8 pages) read into rows.
//! The fixture is read once, outside the timed loop.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jixiao_layout::{grid::LatticeSettings, pdf::PdfSettings, pdf_to_rows};

fn pdf_rows(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/seed_xlsx_02.pdf");
    let bytes = std::fs::read(path).expect("sample PDF");
    let (pdf, lattice) = (PdfSettings::default(), LatticeSettings::default());
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Elements(8));
    group.bench_function("pdf_to_rows/seed_xlsx_02 (8 pages)", |b| {
        b.iter(|| pdf_to_rows(&bytes, &pdf, &lattice).expect("readable"))
    });
    group.finish();
}

criterion_group!(benches, pdf_rows);
criterion_main!(benches);
