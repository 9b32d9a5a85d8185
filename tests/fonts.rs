//! `jixiao fonts`: per page and font, the type, encoding, ToUnicode status
//! and the sources glyphs were decoded by (issue #8).

use serde_json::Value;

use crate::util::jixiao;

fn fonts_json(sample: &str) -> Value {
    let out = jixiao(&["fonts", "--format", "json", &format!("samples/{sample}")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("fonts prints JSON")
}

/// The fonts of page `page` (1-based), by resource name.
fn font<'a>(v: &'a Value, page: usize, resource: &str) -> &'a Value {
    let fonts = v["pages"][page - 1]["fonts"].as_array().expect("fonts of the page");
    fonts.iter().find(|f| f["resource"] == resource).expect("the font resource is listed")
}

/// Every glyph is counted once, under one source.
fn assert_sources_add_up(f: &Value) {
    let by: u64 = f["decoded_by"].as_object().unwrap().values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(by, f["glyphs"].as_u64().unwrap(), "{f}");
}

#[test]
fn fonts_identity_truetype_without_to_unicode_uses_the_font_cmap() {
    let v = fonts_json("notounicode_01.pdf");
    let f = font(&v, 1, "F1");
    assert_eq!(f["type"], "Type0");
    assert_eq!(f["descendant"], "CIDFontType2");
    assert_eq!(f["encoding"]["name"], "Identity-H");
    assert_eq!(f["embedded"], "true_type");
    assert_eq!(f["to_unicode"], "absent");
    assert_eq!(f["unknown"], 0);
    assert_eq!(f["decoded_by"]["font_cmap"], f["glyphs"]);
    assert_sources_add_up(f);
}

#[test]
fn fonts_simple_truetype_differences_and_predefined_cmaps() {
    let v = fonts_json("variant2_06_truetype_differences_uni_names.pdf");
    let f = font(&v, 1, "F1");
    assert_eq!(f["type"], "TrueType");
    assert_eq!(f["encoding"]["kind"], "simple");
    assert_eq!(f["encoding"]["base"], "WinAnsiEncoding");
    assert!(f["encoding"]["differences"].as_u64().unwrap() > 0);
    assert!(f["decoded_by"]["glyph_name"].as_u64().unwrap() > 0, "{f}");
    assert_sources_add_up(f);
    let v = fonts_json("variant_09_mixed_fonts_winansi.pdf");
    let cjk = font(&v, 1, "F1");
    assert_eq!(
        (&cjk["descendant"], &cjk["encoding"]["name"]),
        (&"CIDFontType0".into(), &"UniGB-UCS2-H".into())
    );
    assert_eq!(cjk["decoded_by"]["predefined_cmap"], cjk["glyphs"], "{cjk}");
    assert_eq!(font(&v, 1, "F2")["decoded_by"]["base_encoding"], font(&v, 1, "F2")["glyphs"]);
}

#[test]
fn fonts_type3_with_to_unicode_is_present() {
    let v = fonts_json("variant8_05_type3_fonts_tounicode.pdf");
    let f = font(&v, 1, "F1");
    assert_eq!(
        (&f["type"], &f["embedded"], &f["to_unicode"]),
        (&"Type3".into(), &"char_procs".into(), &"present".into())
    );
    assert_sources_add_up(f);
}

#[test]
fn fonts_text_table_names_the_file_and_fails_on_a_non_pdf() {
    let out = jixiao(&["fonts", "samples/notounicode_01.pdf", "samples/putuo-2024.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("samples/notounicode_01.pdf"));
    assert!(lines.next().unwrap().starts_with("page  font  base font"), "{text}");
    let row: Vec<&str> = lines.next().unwrap().split_whitespace().collect();
    assert_eq!(
        &row[..6],
        ["1", "F1", "JXSAMP+WenQuanYiMicroHei", "Type0/CIDFontType2", "Identity-H", "absent"]
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("putuo-2024.txt: not a PDF"));
}

/// Issue #8 (producer_03_gs_calc): Ghostscript's bitmap Type 3 font names
/// its glyphs `/a0`…`/a57`; those named by their code read as poppler reads
/// them (`/a56` is "8"), the one at code 0 has no text and is counted.
#[test]
fn fonts_ghostscript_type3_names_and_the_unknown_glyph() {
    let v = fonts_json("producer_03_gs_calc.pdf");
    let type3: Vec<&Value> = v["pages"][0]["fonts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["type"] == "Type3")
        .collect();
    let [f] = type3.as_slice() else { panic!("one Type 3 font on page 1: {v}") };
    assert_eq!((&f["to_unicode"], &f["embedded"]), (&"absent".into(), &"bitmaps".into()));
    assert_eq!(f["unknown"], 1);
    assert_eq!(f["decoded_by"]["unknown"], 1);
    assert!(f["decoded_by"]["glyph_name"].as_u64().unwrap() > 10, "{f}");
    assert_sources_add_up(f);
}
