//! Reconstruction: the 24 Putuo forms' rows (from their text dump) into
//! forms. The rows are built once, outside the timed loop.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use jixiao_layout::text::text_to_rows;
use jixiao_table::rows_to_forms;

fn forms(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/putuo-2024.txt");
    let rows = text_to_rows(&std::fs::read_to_string(path).expect("sample dump"));
    let mut group = c.benchmark_group("table");
    group.throughput(Throughput::Elements(24));
    group
        .bench_function("rows_to_forms/putuo-2024 (24 forms)", |b| b.iter(|| rows_to_forms(&rows)));
    group.finish();
}

criterion_group!(benches, forms);
criterion_main!(benches);
