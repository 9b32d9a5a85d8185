//! Page images: PDF pages rasterised with hayro (pure Rust), encoded as
//! 4-bit grey PNG.
//!
//! Fonts: embedded fonts and the standard 14 are drawn by hayro itself. A
//! CJK font the PDF does not embed (STSong-Light, SimSun…) is drawn with a
//! CJK font of the system ([`CJK_FONTS`], or the file `JIXIAO_CJK_FONT`
//! names); where there is none its glyphs are left out and the page says so
//! ([`PageImage::missing_fonts`]), and the review page then shows the cell
//! texts over the image instead.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use hayro::hayro_interpret::font::{FontData, FontQuery};
use hayro::hayro_interpret::hayro_cmap::CidFamily;
use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::Pdf;
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{render, PixmapSettings, RenderCache, RenderSettings};

use crate::Error;

/// CJK fonts looked for, in order, with the face of a collection that has
/// the simplified Chinese glyph shapes (Noto CJK collections: JP, KR, SC,
/// TC, HK).
pub const CJK_FONTS: [(&str, u32); 5] = [
    ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
];

/// One rasterised page.
#[derive(Clone, Debug, PartialEq)]
pub struct PageImage {
    /// 1-based page number.
    pub page: u32,
    /// Page width in points (after /Rotate and the CropBox), which is the
    /// coordinate system of every box on it.
    pub width: f64,
    /// Page height in points.
    pub height: f64,
    /// The PNG bytes (4-bit grey).
    pub png: Vec<u8>,
    /// True when a font could not be drawn (no CJK font on the system).
    pub missing_fonts: bool,
}

/// Rasterises `pages` (1-based) of a PDF at `scale` pixels per point.
/// Pages past the end are left out. A file hayro cannot read, and a panic
/// inside hayro (hostile input), is an error; the caller draws the grid
/// without images then.
pub fn pdf_to_images(bytes: &[u8], pages: &[u32], scale: f32) -> Result<Vec<PageImage>, Error> {
    std::panic::catch_unwind(|| render_pages(bytes, pages, scale))
        .unwrap_or_else(|_| Err(Error::Render("the renderer failed on this file".into())))
}

fn render_pages(bytes: &[u8], pages: &[u32], scale: f32) -> Result<Vec<PageImage>, Error> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| Error::Render(format!("{e:?}")))?;
    let missing = Arc::new(AtomicBool::new(false));
    let settings = interpreter_settings(missing.clone());
    let cache = RenderCache::new();
    let pixmap = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
    let all = pdf.pages();
    let mut out = Vec::new();
    for &number in pages {
        let Some(page) = (number as usize).checked_sub(1).and_then(|i| all.get(i)) else {
            continue;
        };
        missing.store(false, Ordering::Relaxed);
        let (width, height) = page.render_dimensions();
        let pix = render(page, &cache, &settings, &RenderSettings::default(), &pixmap);
        let png = grey_png(pix.width(), pix.height(), pix.data_as_u8_slice())?;
        out.push(PageImage {
            page: number,
            width: f64::from(width),
            height: f64::from(height),
            png,
            missing_fonts: missing.load(Ordering::Relaxed),
        });
    }
    Ok(out)
}

/// hayro's settings with our font resolver: the standard fonts hayro
/// embeds, and a system CJK font for non-embedded CJK fonts.
fn interpreter_settings(missing: Arc<AtomicBool>) -> InterpreterSettings {
    InterpreterSettings {
        font_resolver: Arc::new(move |query: &FontQuery| match query {
            FontQuery::Standard(s) => Some(s.get_font_data()),
            FontQuery::Fallback(f) => {
                let cjk = f.character_collection.as_ref().is_some_and(|cc| {
                    matches!(
                        cc.family,
                        CidFamily::AdobeGB1
                            | CidFamily::AdobeCNS1
                            | CidFamily::AdobeJapan1
                            | CidFamily::AdobeKorea1
                    )
                });
                if !cjk {
                    return Some(f.pick_standard_font().get_font_data());
                }
                let font = system_cjk_font();
                if font.is_none() {
                    missing.store(true, Ordering::Relaxed);
                }
                font
            }
        }),
        ..InterpreterSettings::default()
    }
}

/// The system CJK font, read once per process.
fn system_cjk_font() -> Option<(FontData, u32)> {
    static FONT: OnceLock<Option<(FontData, u32)>> = OnceLock::new();
    FONT.get_or_init(|| {
        let named = std::env::var("JIXIAO_CJK_FONT").ok().map(|p| (p, 0));
        let known = CJK_FONTS.iter().map(|(p, i)| (p.to_string(), *i));
        named.into_iter().chain(known).find_map(|(path, index)| {
            let data = std::fs::read(&path).ok()?;
            let data: FontData = Arc::new(data);
            Some((data, index))
        })
    })
    .clone()
}

/// RGBA (drawn over white, so opaque) to a 4-bit grey PNG: the forms are
/// black on white, and 16 grey levels keep anti-aliased text smooth in
/// fewer bytes than 8-bit grey (a sixth of RGBA or less).
fn grey_png(width: u16, height: u16, rgba: &[u8]) -> Result<Vec<u8>, Error> {
    let level = |p: &[u8]| {
        let luma = (u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000;
        ((luma + 8) / 17) as u8
    };
    let w = usize::from(width);
    let mut packed = Vec::with_capacity(w.div_ceil(2) * usize::from(height));
    for row in rgba.chunks_exact(w * 4) {
        for pair in row.chunks(8) {
            let lo = pair.get(4..8).map_or(0, level);
            packed.push((level(&pair[..4]) << 4) | lo);
        }
    }
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, u32::from(width), u32::from(height));
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Four);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().map_err(|e| Error::Render(e.to_string()))?;
    writer.write_image_data(&packed).map_err(|e| Error::Render(e.to_string()))?;
    writer.finish().map_err(|e| Error::Render(e.to_string()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_page_becomes_a_grey_png_of_its_size() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/gbk_01.pdf");
        let bytes = std::fs::read(path).unwrap();
        let images = pdf_to_images(&bytes, &[1, 9], 1.0).unwrap();
        assert_eq!(images.len(), 1, "the file has no page 9");
        let i = &images[0];
        assert_eq!(&i.png[1..4], b"PNG");
        let width = u32::from_be_bytes([i.png[16], i.png[17], i.png[18], i.png[19]]);
        assert_eq!(f64::from(width), i.width.floor());
        assert!(i.width > 500.0 && i.height > 700.0, "{} × {}", i.width, i.height);
    }

    #[test]
    fn bytes_that_are_no_pdf_are_an_error() {
        assert!(pdf_to_images(b"not a pdf", &[1], 1.0).is_err());
    }

    #[test]
    fn odd_widths_pack_two_pixels_a_byte() {
        // 3 × 2: white, black, white / black, white, black.
        let px = |v: u8| [v, v, v, 255];
        let rgba: Vec<u8> = [255, 0, 255, 0, 255, 0].into_iter().flat_map(px).collect();
        let png = grey_png(3, 2, &rgba).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(png)).read_info().unwrap();
        let mut buf = vec![0; reader.output_buffer_size().unwrap()];
        let info = reader.next_frame(&mut buf).unwrap();
        assert_eq!(info.bit_depth, png::BitDepth::Four);
        assert_eq!(&buf[..4], [0xF0, 0xF0, 0x0F, 0x00]);
    }
}
