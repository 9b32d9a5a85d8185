//! The content-stream target: arbitrary bytes run as a page's content
//! against a fixed set of resources that covers each font path (a simple
//! font, a predefined CJK CMap, an embedded ToUnicode CMap), a form
//! XObject that draws text and lines, and an image.

use std::sync::OnceLock;

use jixiao_layout::content::state::Matrix;
use jixiao_layout::content::{interpret, ContentLimits, PageSink};
use jixiao_layout::font::FontCache;
use lopdf::{dictionary, Dictionary, Document, Object, Stream};

use super::props;

/// The page size the content is drawn on (A4, points).
const PAGE: (f64, f64) = (595.0, 842.0);

/// A CMap mapping the codes 0x01-0x03 to 项目名.
const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
1 begincodespacerange <00> <FF> endcodespacerange \
1 beginbfrange <01> <03> [<9879> <76EE> <540D>] endbfrange \
endcmap CMapName currentdict /CMap defineresource pop end end";

/// The document holding the resources, built once.
fn document() -> &'static (Document, Dictionary) {
    static DOC: OnceLock<(Document, Dictionary)> = OnceLock::new();
    DOC.get_or_init(build)
}

fn build() -> (Document, Dictionary) {
    let mut doc = Document::with_version("1.7");
    let helvetica = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let cid = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("GB1"),
            "Supplement" => 4,
        },
        "DW" => 1000,
    });
    let song = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light",
        "Encoding" => "UniGB-UCS2-H", "DescendantFonts" => vec![cid.into()],
    });
    let cmap = doc.add_object(Stream::new(Dictionary::new(), TO_UNICODE.to_vec()));
    let mapped = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ABCDEF+Song",
        "FirstChar" => 1, "LastChar" => 3, "Widths" => vec![1000.into(), 1000.into(), 1000.into()],
        "ToUnicode" => cmap,
    });
    let fonts = dictionary! { "F1" => helvetica, "F2" => song, "F3" => mapped };
    let form = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form",
            "BBox" => vec![0.into(), 0.into(), 200.into(), 50.into()],
            "Resources" => dictionary! { "Font" => fonts.clone() },
        },
        b"0 0 m 200 0 l S BT /F1 10 Tf 2 2 Td (Form) Tj ET".to_vec(),
    ));
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0x80],
    ));
    let resources = dictionary! {
        "Font" => fonts,
        "XObject" => dictionary! { "X1" => form, "Im1" => image },
    };
    (doc, resources)
}

/// Runs `data` as the content of an A4 page and checks what it drew.
pub fn content_stream(data: &[u8]) {
    let (doc, resources) = document();
    let limits = ContentLimits {
        max_operators: 2_000_000,
        max_xobject_depth: 16,
        max_stream_size: 64 << 20,
        deadline: None,
    };
    let top_left = Matrix([1.0, 0.0, 0.0, -1.0, 0.0, PAGE.1]);
    let mut sink = PageSink::default();
    let mut fonts = FontCache::default();
    interpret(doc, data, Some(resources), top_left, 1, &limits, &mut fonts, &mut sink);
    let page = &sink.page;
    let mut text = 0usize;
    for g in &page.glyphs {
        let edges = [g.bbox.x0, g.bbox.top, g.bbox.x1, g.bbox.bottom, g.font_size, g.baseline];
        assert!(edges.iter().all(|v| v.is_finite()), "glyph {:?} at {edges:?}", g.text);
        assert_eq!(g.page, 1);
        text += g.text.len();
    }
    for r in &page.rulings {
        let ends = [r.pos, r.start, r.end];
        assert!(ends.iter().all(|v| v.is_finite()), "ruling at {ends:?}");
    }
    let bound = data.len().saturating_mul(props::TEXT_PER_INPUT_BYTE).max(props::TEXT_FLOOR);
    assert!(text <= bound, "{text} bytes of glyph text from {} bytes of content", data.len());
}
