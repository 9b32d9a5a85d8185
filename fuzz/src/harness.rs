//! The fuzz targets' bodies, one function per target: each feeds its bytes
//! to one front end or parser under the limits the CLI uses, then asserts
//! [`props`] of the result. The fuzz binaries call these, and the stable
//! test suite (`tests/fuzz_replay.rs`) replays `fuzz/regressions/` through
//! the very same functions, so a fixed crash stays fixed without nightly.

#[path = "props.rs"]
pub mod props;

use jixiao_layout::detect::{detect, Format};
use jixiao_layout::font::cmap::{split_codes, CMap};
use jixiao_layout::font::predefined::{cid_to_unicode, PredefinedCMap};
use jixiao_layout::font::truetype;
use jixiao_layout::grid::LatticeSettings;
use jixiao_layout::pdf::PdfSettings;

mod content;
pub use content::content_stream;

/// A target's body: the bytes libFuzzer hands it.
pub type Target = fn(&[u8]);

/// The targets by name, as `fuzz/fuzz_targets/NAME.rs` and
/// `fuzz/regressions/NAME/` call them.
pub const TARGETS: [(&str, Target); 6] = [
    ("pdf_to_rows", pdf_to_rows),
    ("text_to_records", text_to_records),
    ("office_to_rows", office_to_rows),
    ("fonts", fonts),
    ("content_stream", content_stream),
    ("values", values),
];

/// Any bytes as a PDF, then the whole path after layout.
pub fn pdf_to_rows(data: &[u8]) {
    let pdf = PdfSettings::default();
    if let Ok(doc) = jixiao_layout::pdf_to_rows(data, &pdf, &LatticeSettings::default()) {
        props::check_document(&doc, data.len());
        props::check_pipeline(&doc.rows);
    }
}

/// Any bytes as a text dump (invalid UTF-8 replaced, as the CLI reads
/// dumps), then the whole path after layout.
pub fn text_to_records(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let rows = jixiao_layout::text::text_to_rows(&text);
    for row in &rows {
        props::check_row(row);
    }
    props::check_pipeline(&rows);
}

/// Any bytes that sniff as a spreadsheet, Word file or HTML page, read by
/// the front end the CLI would pick, then the whole path after layout.
pub fn office_to_rows(data: &[u8]) {
    let format = detect(data);
    let office = [Format::Xlsx, Format::Xls, Format::Ods, Format::Docx, Format::Html];
    if !office.contains(&format) {
        return;
    }
    if let Ok(doc) = jixiao_layout::office::office_to_rows(data, format) {
        props::check_document(&doc, data.len());
        props::check_pipeline(&doc.rows);
    }
}

/// Font programs and CMaps; the first byte picks the parser: a ToUnicode
/// or embedded CMap stream, an embedded TrueType program read as a CID
/// font (glyph → text) or as a simple font (code → text), or a predefined
/// CMap (its name up to the first NUL) with the codes after it.
pub fn fonts(data: &[u8]) {
    let Some((&which, rest)) = data.split_first() else { return };
    match which % 4 {
        0 => cmap_stream(rest),
        1 => cid_truetype(rest),
        2 => predefined_cmap(rest),
        _ => simple_truetype(rest),
    }
}

/// A CMap stream, then the codes of the stream's own bytes looked up.
fn cmap_stream(data: &[u8]) {
    let cmap = CMap::parse(data);
    let codes = split_codes(&cmap.codespace, data);
    assert_eq!(codes.iter().map(|c| c.1).sum::<usize>(), data.len(), "bytes lost in splitting");
    for (code, len) in codes {
        assert!((1..=4).contains(&len), "code of {len} bytes");
        if let Some(text) = cmap.lookup_unicode(code) {
            assert!(text.len() <= 4 * 512, "{} bytes of text for one code", text.len());
        }
        let _ = cmap.lookup_cid(code);
    }
}

/// An embedded TrueType program's cmap, inverted (CID fonts).
fn cid_truetype(data: &[u8]) {
    if let Some(map) = truetype::gid_to_unicode(data) {
        assert!(!map.is_empty() && map.len() <= usize::from(u16::MAX) + 1);
    }
}

/// An embedded TrueType program's text by one-byte code (simple fonts).
fn simple_truetype(data: &[u8]) {
    if let Some(codes) = truetype::simple_code_text(data, |_| None) {
        assert_eq!(codes.len(), 256, "one entry per one-byte code");
    }
}

/// A predefined CMap by name, with codes split by its codespace.
fn predefined_cmap(data: &[u8]) {
    let (name, codes) = data.split_at(data.iter().position(|&b| b == 0).unwrap_or(data.len()));
    let Some(cmap) = PredefinedCMap::from_name(&String::from_utf8_lossy(name)) else { return };
    for (code, len) in split_codes(&cmap.codespace, codes) {
        let _ = cmap.code_to_text(code, len);
        if let Some(cid) = cmap.code_to_cid(code, len) {
            let _ = cid_to_unicode("GB1", cid);
        }
    }
}

/// The value parsers of targets, actuals, amounts and rates.
pub fn values(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let value = jixiao_record::parse_value(&text);
    props::finite([value.value].iter(), "value");
    assert_eq!(value.text, jixiao_table::text::normalize(&value.text), "text not normalised");
    if value.op.is_some() || value.unit.is_some() {
        assert!(value.value.is_some(), "operator or unit without a number: {text:?}");
    }
    props::finite([jixiao_table::token::parse_amount(&text)].iter(), "amount");
    let _ = jixiao_record::decimals_of(&text);
}
