//! Prints what the grid builder makes of one PDF page: the stream
//! fallback's regions (columns and rows) and the rows with each cell's
//! column, span and text:
//! `cargo run --release --example rows -- FILE.pdf PAGE`.

use jixiao_layout::grid::{page_to_debug, LatticeSettings};
use jixiao_layout::pdf::{pdf_to_pages, PdfSettings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("readable file");
    let page: u32 = args[2].parse().expect("page number");
    let pages = pdf_to_pages(&bytes, &PdfSettings::default()).expect("readable PDF");
    let Some(p) = pages.iter().find(|p| p.number == page) else { return };
    let d = page_to_debug(p, &LatticeSettings::default());
    let round = |v: &[f64]| v.iter().map(|x| (x * 10.0).round() / 10.0).collect::<Vec<_>>();
    for (i, r) in d.stream.iter().flat_map(|s| &s.regions).enumerate() {
        println!("region {i}: {} words, columns {:?}", r.words.len(), round(&r.columns));
        println!("  rows {:?}", round(&r.rows));
    }
    for r in &d.rows {
        let cells: Vec<String> = r
            .cells
            .iter()
            .map(|c| format!("{}:{}x{} {}", c.col, c.rowspan, c.colspan, c.text.replace('\n', "/")))
            .collect();
        println!("{:?} {}", r.kind, cells.join(" | "));
    }
}
