//! Page images: PDF pages rasterised with hayro (pure Rust), encoded as
//! 8-bit grey PNG.
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
    /// The PNG bytes (8-bit grey).
    pub png: Vec<u8>,
    /// True when a font could not be drawn (no CJK font on the system).
    pub missing_fonts: bool,
}

/// Rasterises `pages` (1-based) of a PDF at `scale` pixels per point.
/// Pages past the end are left out. An encrypted or unreadable file is an
/// error; the caller draws the grid without images then.
pub fn pdf_to_images(bytes: &[u8], pages: &[u32], scale: f32) -> Result<Vec<PageImage>, Error> {
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

/// RGBA (premultiplied over white, so opaque) to an 8-bit grey PNG: a third
/// of the size of RGBA and quicker to encode; the forms are black on white.
fn grey_png(width: u16, height: u16, rgba: &[u8]) -> Result<Vec<u8>, Error> {
    let grey: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| {
            ((u32::from(p[0]) * 299 + u32::from(p[1]) * 587 + u32::from(p[2]) * 114) / 1000) as u8
        })
        .collect();
    let mut out = Vec::new();
    let mut enc = png::Encoder::new(&mut out, u32::from(width), u32::from(height));
    enc.set_color(png::ColorType::Grayscale);
    enc.set_depth(png::BitDepth::Eight);
    enc.set_compression(png::Compression::Fast);
    let mut writer = enc.write_header().map_err(|e| Error::Render(e.to_string()))?;
    writer.write_image_data(&grey).map_err(|e| Error::Render(e.to_string()))?;
    writer.finish().map_err(|e| Error::Render(e.to_string()))?;
    Ok(out)
}
