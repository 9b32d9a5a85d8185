//! Prints the glyphs of one page (text, box, font size) and its rulings:
//! `cargo run --release --example glyphs -- FILE.pdf PAGE [TOP BOTTOM]`.

use jixiao_layout::pdf::{pdf_to_pages, PdfSettings};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes = std::fs::read(&args[1]).expect("readable file");
    let page: u32 = args[2].parse().expect("page number");
    let band = |i: usize, d: f64| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(d);
    let (top, bottom) = (band(3, f64::MIN), band(4, f64::MAX));
    let pages = pdf_to_pages(&bytes, &PdfSettings::default()).expect("readable PDF");
    let Some(p) = pages.iter().find(|p| p.number == page) else { return };
    for g in p.glyphs.iter().filter(|g| g.bbox.top >= top && g.bbox.bottom <= bottom) {
        let b = &g.bbox;
        println!(
            "{:?} {:.2} {:.2} {:.2} {:.2} size {:.2}",
            g.text, b.x0, b.x1, b.top, b.bottom, g.font_size
        );
    }
    for r in &p.rulings {
        println!("ruling {r:?}");
    }
}
