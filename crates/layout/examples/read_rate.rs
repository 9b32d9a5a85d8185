//! How fast each front end reads a file into rows: `read_rate N FILE...`
//! reads every file N times (after one untimed read) through
//! [`jixiao_layout::detect::detect`] and its front end, and prints
//! `FILE<TAB>format<TAB>rows<TAB>seconds per read`. `bench/formats.sh` uses it
//! to compare the front ends alone, without the table, record and audit
//! stages every format shares.

use std::time::Instant;

use jixiao_layout::detect::{detect, Format};
use jixiao_layout::{grid::LatticeSettings, office, pdf::PdfSettings, pdf_to_rows, Row};

fn read(bytes: &[u8]) -> (Format, Vec<Row>) {
    let format = detect(bytes);
    let rows = match format {
        Format::Pdf => pdf_to_rows(bytes, &PdfSettings::default(), &LatticeSettings::default())
            .map(|d| d.rows)
            .unwrap_or_default(),
        Format::Text => jixiao_layout::text::decode_text(bytes)
            .map(|t| jixiao_layout::text::text_to_rows(&t))
            .unwrap_or_default(),
        _ => office::office_to_rows(bytes, format).map(|d| d.rows).unwrap_or_default(),
    };
    (format, rows)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n: u32 = args.next().and_then(|a| a.parse().ok()).expect("usage: read_rate N FILE...");
    for path in args {
        let bytes = std::fs::read(&path).expect("readable file");
        let (format, rows) = read(&bytes);
        let start = Instant::now();
        for _ in 0..n {
            std::hint::black_box(read(std::hint::black_box(&bytes)));
        }
        let secs = start.elapsed().as_secs_f64() / f64::from(n);
        println!("{path}\t{}\t{}\t{secs:.9}", format.name(), rows.len());
    }
}
