//! Predefined CMaps of Type0 fonts (ISO 32000-1, 9.7.5.2) and CID→Unicode
//! for Adobe's character collections.
//!
//! Codes of the Unicode CMaps (`UniGB-UCS2-H`, `UniGB-UTF16-H`, and the CNS,
//! JIS and KS variants) and of the legacy Chinese encodings (`GBK-EUC-H`,
//! `GB-EUC-H`, `GBpc-EUC-H`, `GBKp-EUC-H`, `GBK2K-H`, plus Big5, Shift-JIS
//! and EUC-KR) are decoded to text directly. CIDs, which `/W` widths are keyed
//! by, come from Adobe's CMap resources as bundled (compressed) by the
//! `hayro-cmap` crate, which also supplies the `Adobe-*-UCS2` tables that map
//! the CIDs of a non-embedded font to Unicode.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::cmap::CodespaceRange;

/// How the codes of a predefined CMap turn into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeText {
    /// `Identity-H`/`-V`: codes are CIDs; text needs ToUnicode or the font.
    Identity,
    /// `Uni*-UCS2-*` and `Uni*-UTF16-*`: codes are UTF-16BE.
    Utf16,
    /// `Uni*-UTF32-*`: codes are UTF-32BE.
    Utf32,
    /// A legacy multi-byte encoding, decoded with `encoding_rs`.
    Legacy(&'static encoding_rs::Encoding),
}

/// A predefined CMap we know how to split and decode.
#[derive(Clone, Debug)]
pub struct PredefinedCMap {
    /// The CMap name, e.g. `UniGB-UCS2-H`.
    pub name: String,
    /// How codes become text.
    pub text: CodeText,
    /// True for a `-V` (vertical writing) CMap.
    pub vertical: bool,
    /// The codespace ranges, to split strings into codes.
    pub codespace: Vec<CodespaceRange>,
}

impl PredefinedCMap {
    /// The predefined CMap of this name, or `None` if it is unknown.
    pub fn from_name(name: &str) -> Option<PredefinedCMap> {
        let vertical = name.ends_with("-V");
        let one = |lo: u32, hi: u32| CodespaceRange::new(1, lo, hi);
        let two = |lo: u32, hi: u32| CodespaceRange::new(2, lo, hi);
        let (text, codespace) = match name {
            "Identity-H" | "Identity-V" => (CodeText::Identity, vec![two(0, 0xFFFF)]),
            _ if name.starts_with("Uni") && name.contains("-UCS2-") => {
                (CodeText::Utf16, vec![two(0, 0xFFFF)])
            }
            _ if name.starts_with("Uni") && name.contains("-UTF16-") => (
                CodeText::Utf16,
                vec![
                    two(0, 0xD7FF),
                    CodespaceRange::new(4, 0xD800_DC00, 0xDBFF_DFFF),
                    two(0xE000, 0xFFFF),
                ],
            ),
            _ if name.starts_with("Uni") && name.contains("-UTF32-") => {
                (CodeText::Utf32, vec![CodespaceRange::new(4, 0, 0x0010_FFFF)])
            }
            "GBK-EUC-H" | "GBK-EUC-V" | "GBKp-EUC-H" | "GBKp-EUC-V" => {
                (CodeText::Legacy(encoding_rs::GBK), vec![one(0, 0x80), two(0x8140, 0xFEFE)])
            }
            "GB-EUC-H" | "GB-EUC-V" => {
                (CodeText::Legacy(encoding_rs::GBK), vec![one(0, 0x80), two(0xA1A1, 0xFEFE)])
            }
            "GBpc-EUC-H" | "GBpc-EUC-V" => (
                CodeText::Legacy(encoding_rs::GBK),
                vec![one(0, 0x80), two(0xA1A1, 0xFCFE), one(0xFD, 0xFF)],
            ),
            "GBK2K-H" | "GBK2K-V" => (
                CodeText::Legacy(encoding_rs::GB18030),
                vec![
                    one(0, 0x80),
                    two(0x8140, 0xFE7E),
                    two(0x8180, 0xFEFE),
                    CodespaceRange::new(4, 0x8130_8130, 0xFE39_FE39),
                ],
            ),
            "B5pc-H" | "B5pc-V" | "ETen-B5-H" | "ETen-B5-V" | "HKscs-B5-H" | "HKscs-B5-V"
            | "ETenms-B5-H" | "ETenms-B5-V" => {
                (CodeText::Legacy(encoding_rs::BIG5), vec![one(0, 0x80), two(0xA140, 0xFEFE)])
            }
            "90ms-RKSJ-H" | "90ms-RKSJ-V" | "90msp-RKSJ-H" | "90msp-RKSJ-V" | "83pv-RKSJ-H" => (
                CodeText::Legacy(encoding_rs::SHIFT_JIS),
                vec![one(0, 0x80), two(0x8140, 0x9FFC), one(0xA0, 0xDF), two(0xE040, 0xFCFC)],
            ),
            "KSC-EUC-H" | "KSC-EUC-V" | "KSCms-UHC-H" | "KSCms-UHC-V" | "KSCms-UHC-HW-H"
            | "KSCms-UHC-HW-V" => {
                (CodeText::Legacy(encoding_rs::EUC_KR), vec![one(0, 0x80), two(0x8141, 0xFEFE)])
            }
            _ => return None,
        };
        Some(PredefinedCMap { name: name.to_string(), text, vertical, codespace })
    }

    /// The text of one code of `len` bytes, when the CMap itself says it.
    pub fn code_to_text(&self, code: u32, len: usize) -> Option<String> {
        let bytes = code.to_be_bytes();
        let bytes = &bytes[4 - len.clamp(1, 4)..];
        match self.text {
            CodeText::Identity => None,
            CodeText::Utf16 => {
                let units: Vec<u16> = bytes
                    .chunks(2)
                    .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                    .collect();
                let text: String = char::decode_utf16(units).collect::<Result<String, _>>().ok()?;
                Some(text)
            }
            CodeText::Utf32 => char::from_u32(code).map(String::from),
            CodeText::Legacy(encoding) => {
                let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
                (!had_errors).then(|| text.into_owned())
            }
        }
    }

    /// The CID of a code (for `/W` widths and CID→Unicode).
    pub fn code_to_cid(&self, code: u32, len: usize) -> Option<u32> {
        if self.text == CodeText::Identity {
            return Some(code);
        }
        adobe_cmap(&self.name)?.lookup_cid_code(code, len as u8)
    }
}

/// Adobe's CMap resource of this name, parsed once per process.
fn adobe_cmap(name: &str) -> Option<Arc<hayro_cmap::CMap>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Option<Arc<hayro_cmap::CMap>>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = cache.lock() {
        if let Some(found) = map.get(name) {
            return found.clone();
        }
    }
    let parsed = hayro_cmap::load_embedded(hayro_cmap::CMapName::from_bytes(name.as_bytes()))
        .and_then(|data| hayro_cmap::CMap::parse(data, hayro_cmap::load_embedded))
        .map(Arc::new);
    if let Ok(mut map) = cache.lock() {
        map.insert(name.to_string(), parsed.clone());
    }
    parsed
}

/// The Unicode text of a CID in an Adobe character collection (`ordering`
/// is `GB1`, `CNS1`, `Japan1` or `Korea1`), from Adobe's `Adobe-*-UCS2` map.
pub fn cid_to_unicode(ordering: &str, cid: u32) -> Option<String> {
    let family = hayro_cmap::CidFamily::from_registry_ordering(b"Adobe", ordering.as_bytes());
    let name = family.ucs2_cmap()?;
    let name = std::str::from_utf8(name.to_bytes()).ok()?.to_string();
    match adobe_cmap(&name)?.lookup_bf_string(cid)? {
        hayro_cmap::BfString::Char(c) => Some(c.to_string()),
        hayro_cmap::BfString::String(s) => Some(s),
    }
}

#[cfg(test)]
mod tests {
    use super::super::cmap::split_codes;
    use super::*;

    fn decode(name: &str, bytes: &[u8]) -> String {
        let cmap = PredefinedCMap::from_name(name).expect(name);
        split_codes(&cmap.codespace, bytes)
            .into_iter()
            .map(|(code, len)| cmap.code_to_text(code, len).unwrap_or_else(|| "\u{FFFD}".into()))
            .collect()
    }

    #[test]
    fn unigb_ucs2() {
        // 项目 A
        assert_eq!(decode("UniGB-UCS2-H", &[0x98, 0x79, 0x76, 0xEE, 0x00, 0x41]), "项目A");
        assert!(PredefinedCMap::from_name("UniGB-UCS2-V").is_some_and(|c| c.vertical));
    }

    #[test]
    fn unigb_utf16_surrogates() {
        assert_eq!(decode("UniGB-UTF16-H", &[0xD8, 0x40, 0xDC, 0x00, 0x4E, 0x2D]), "\u{20000}中");
        assert_eq!(decode("UniCNS-UTF16-H", &[0x4E, 0x2D]), "中");
        assert_eq!(decode("UniJIS-UCS2-H", &[0x65, 0xE5]), "日");
        assert_eq!(decode("UniKS-UCS2-H", &[0xD5, 0x5C]), "한");
    }

    #[test]
    fn gbk_family() {
        // "项目1" in GBK: 项 = CF EE, 目 = C4 BF.
        let bytes = [0xCF, 0xEE, 0xC4, 0xBF, 0x31];
        for name in ["GBK-EUC-H", "GB-EUC-H", "GBpc-EUC-H", "GBKp-EUC-H", "GBK2K-H"] {
            assert_eq!(decode(name, &bytes), "项目1", "{name}");
        }
        // 镕 (GBK only, outside GB2312): 0xE946.
        assert_eq!(decode("GBK-EUC-H", &[0xE9, 0x46]), "镕");
    }

    #[test]
    fn cids_from_adobe_cmaps() {
        let cmap = PredefinedCMap::from_name("UniGB-UCS2-H").expect("known");
        // Adobe-GB1: 'A' (U+0041) is CID 34, as in every GB1 CMap.
        assert_eq!(cmap.code_to_cid(0x41, 2), Some(34));
        let cid = cmap.code_to_cid(0x9879, 2).expect("项 has a CID");
        assert_eq!(cid_to_unicode("GB1", cid).as_deref(), Some("项"));
        let identity = PredefinedCMap::from_name("Identity-H").expect("known");
        assert_eq!(identity.code_to_cid(1234, 2), Some(1234));
        assert_eq!(identity.code_to_text(1234, 2), None);
    }

    #[test]
    fn cid_to_unicode_other_collections() {
        assert_eq!(cid_to_unicode("GB1", 34).as_deref(), Some("A"));
        assert_eq!(cid_to_unicode("Japan1", 34).as_deref(), Some("A"));
        assert_eq!(cid_to_unicode("Identity", 34), None);
    }
}
