//! Font decoding: the only place where bytes of a text-showing operator
//! become text. A [`Font`] splits a string into character codes, gives each
//! its Unicode text and its advance width, and tells the glyph's vertical
//! extent.
//!
//! Text comes, in order of trust, from:
//! 1. the font's `/ToUnicode` CMap;
//! 2. Type0 with a predefined Unicode or GBK-family CMap: the code itself;
//! 3. Type0 with `Identity-H`/`-V`: the embedded TrueType font's own `cmap`
//!    table (inverted), else Adobe's CID→Unicode table of the font's
//!    `/CIDSystemInfo` ordering (Adobe-GB1 and friends);
//! 4. simple fonts: `/Encoding` (base encoding plus `/Differences` glyph names).
//!
//! A code that none of these maps gives U+FFFD, so positions survive.
//!
//! This module does not render glyphs and does not read glyph outlines.

pub mod cmap;
pub mod encoding;
pub mod predefined;
mod radicals;
pub mod report;
pub mod truetype;

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use crate::pdf::obj;
use crate::FontProblem;
use cmap::{split_codes, CMap, CodespaceRange};
use encoding::{
    glyph_name_to_unicode, looks_hex_glyph_name, numeric_glyph_name, numeric_glyph_value,
    BaseEncoding,
};
use predefined::{cid_to_unicode, PredefinedCMap};
use report::{DecodeSource, FontEncoding, FontInfo, FontProgram, FontType};

/// Ascent, in em, when the font does not say (typical of CJK fonts).
pub const DEFAULT_ASCENT: f64 = 0.88;
/// Descent, in em (negative: below the baseline), when the font does not say.
pub const DEFAULT_DESCENT: f64 = -0.12;
/// Advance width, in em, of a simple-font glyph missing from `/Widths`.
const DEFAULT_SIMPLE_WIDTH: f64 = 0.5;
/// `/DW` of CID fonts when absent, in glyph units (ISO 32000-1, 9.7.4.3).
const DEFAULT_CID_WIDTH: f64 = 1000.0;
/// Glyph space units per em for every font but Type3.
const GLYPH_UNITS_PER_EM: f64 = 1000.0;
/// Text for a code no source maps.
pub const UNKNOWN_TEXT: &str = "\u{FFFD}";

/// One character code of a shown string, decoded.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedChar {
    /// The character code.
    pub code: u32,
    /// Its Unicode text (U+FFFD when unknown).
    pub text: String,
    /// Horizontal advance in em (text space units per unit of font size).
    pub width: f64,
    /// True for the single-byte code 32, the only one word spacing applies to.
    pub is_word_space: bool,
    /// Where its text came from.
    pub source: DecodeSource,
}

/// How a font's codes are split and mapped.
#[derive(Clone, Debug)]
enum Encoding {
    /// One byte per code; `text[code]` from the encoding and `/Differences`,
    /// `sources[code]` saying which of the two.
    Simple { text: Vec<Option<String>>, sources: Vec<DecodeSource>, widths: Vec<f64> },
    /// A Type0 font with a predefined CMap.
    Predefined(PredefinedCMap),
    /// A Type0 font with an embedded CMap stream, and the predefined CMap
    /// it builds on (`usecmap` or `/UseCMap`), which answers codes it does
    /// not define.
    Embedded(CMap, Option<Box<PredefinedCMap>>),
}

/// A loaded font: how to decode the strings shown with it.
#[derive(Clone, Debug)]
pub struct Font {
    /// `/BaseFont`, for messages.
    pub base_font: String,
    /// What the font dictionary says it is (for `jixiao fonts`).
    pub info: FontInfo,
    encoding: Encoding,
    to_unicode: Option<CMap>,
    /// Type0: `/W` widths by CID, in glyph units.
    cid_widths: CidWidths,
    /// Type0 Identity without ToUnicode: GID→Unicode from the embedded font.
    gid_unicode: Option<truetype::GlyphText>,
    /// `/CIDToGIDMap` stream, two bytes per CID (None: identity).
    cid_to_gid: Option<Vec<u8>>,
    /// The `/CIDSystemInfo` `/Ordering` of a CID font (`GB1`, ...).
    ordering: Option<String>,
    /// Ascent in em.
    pub ascent: f64,
    /// Descent in em (negative).
    pub descent: f64,
    /// True for vertical writing (`-V` CMaps, `/WMode 1`).
    pub vertical: bool,
    /// A symbolic simple font without `/Encoding` or `/Differences`: its
    /// codes are the font program's own (ISO 32000-1, 9.6.6.4).
    symbolic_builtin: bool,
}

#[derive(Clone, Debug, Default)]
struct CidWidths {
    default: f64,
    single: HashMap<u32, f64>,
    ranges: Vec<(u32, u32, f64)>,
}

impl CidWidths {
    fn width(&self, cid: u32) -> f64 {
        if let Some(w) = self.single.get(&cid) {
            return *w;
        }
        self.ranges
            .iter()
            .find(|(lo, hi, _)| *lo <= cid && cid <= *hi)
            .map_or(self.default, |r| r.2)
    }
}

/// At most this many `/W` entries are read (CJK fonts list a few thousand).
const MAX_W_ENTRIES: usize = 100_000;

impl Font {
    /// Loads a font dictionary. Never fails: what is missing or broken is
    /// reported in the returned warnings and replaced by defaults.
    /// `max_stream_size` bounds each decompressed font stream (bytes).
    pub fn load(
        doc: &Document,
        dict: &Dictionary,
        max_stream_size: usize,
    ) -> (Font, Vec<FontProblem>) {
        let mut warnings = Vec::new();
        let subtype = obj::get_name(doc, dict, b"Subtype").unwrap_or(b"");
        let base_font =
            obj::get_name(doc, dict, b"BaseFont").map(obj::name_str).unwrap_or_default();
        let to_unicode = obj::get_stream(doc, dict, b"ToUnicode").and_then(|s| {
            match obj::stream_content(s, max_stream_size) {
                Ok(data) => Some(CMap::parse(&data)).filter(CMap::has_unicode),
                Err(e) => {
                    warnings.push(FontProblem::Unreadable {
                        stream: "/ToUnicode",
                        error: e.to_string(),
                    });
                    None
                }
            }
        });
        let info = FontInfo {
            base_font: base_font.clone(),
            font_type: FontType::from_subtype(subtype),
            descendant: None,
            encoding: FontEncoding::Simple { base: None, differences: 0 },
            has_to_unicode: to_unicode.is_some(),
            embedded: None,
        };
        let mut font = Font {
            base_font,
            info,
            encoding: Encoding::Simple {
                text: Vec::new(),
                sources: Vec::new(),
                widths: Vec::new(),
            },
            to_unicode,
            cid_widths: CidWidths::default(),
            gid_unicode: None,
            cid_to_gid: None,
            ordering: None,
            ascent: DEFAULT_ASCENT,
            descent: DEFAULT_DESCENT,
            vertical: false,
            symbolic_builtin: false,
        };
        if subtype == b"Type0" {
            font.load_type0(doc, dict, max_stream_size, &mut warnings);
        } else {
            font.load_simple(doc, dict, subtype == b"Type3", &mut warnings);
            if subtype == b"TrueType" {
                font.apply_font_cmap(doc, dict, max_stream_size, &mut warnings);
            }
        }
        font.info.embedded = font.info.embedded.or_else(|| embedded_program(doc, dict));
        (font, warnings)
    }

    fn load_type0(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        max_stream_size: usize,
        warnings: &mut Vec<FontProblem>,
    ) {
        self.encoding = match obj::get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => match PredefinedCMap::from_name(&obj::name_str(n)) {
                Some(cmap) => Encoding::Predefined(cmap),
                None => {
                    warnings.push(FontProblem::UnknownCMap(obj::name_str(n)));
                    Encoding::Predefined(
                        PredefinedCMap::from_name("Identity-H").unwrap_or_else(identity_fallback),
                    )
                }
            },
            Some(Object::Stream(s)) => match obj::stream_content(s, max_stream_size) {
                Ok(data) => {
                    let mut cmap = CMap::parse(&data);
                    let parent = base_cmap(doc, s, &cmap);
                    if let Some(p) = &parent {
                        // The base's codespace counts as this CMap's too.
                        cmap.codespace.extend(p.codespace.iter().cloned());
                    }
                    if cmap.codespace.is_empty() {
                        cmap.codespace.push(CodespaceRange::new(2, 0, 0xFFFF));
                    }
                    Encoding::Embedded(cmap, parent)
                }
                Err(e) => {
                    let error = e.to_string();
                    warnings.push(FontProblem::Unreadable { stream: "embedded CMap", error });
                    Encoding::Predefined(identity_fallback())
                }
            },
            _ => {
                warnings.push(FontProblem::NoEncoding);
                Encoding::Predefined(identity_fallback())
            }
        };
        self.info.encoding = match &self.encoding {
            Encoding::Embedded(c, parent) => FontEncoding::Embedded {
                name: c.name.clone(),
                base: parent.as_ref().map(|p| p.name.clone()),
            },
            Encoding::Predefined(p) => FontEncoding::Predefined { name: p.name.clone() },
            Encoding::Simple { .. } => FontEncoding::Simple { base: None, differences: 0 },
        };
        self.vertical = match &self.encoding {
            Encoding::Predefined(p) => p.vertical,
            Encoding::Embedded(c, _) => c.vertical,
            Encoding::Simple { .. } => false,
        };
        let Some(descendant) = obj::get_array(doc, dict, b"DescendantFonts")
            .and_then(|a| a.first())
            .and_then(|o| match obj::resolve(doc, o) {
                Object::Dictionary(d) => Some(d),
                _ => None,
            })
        else {
            warnings.push(FontProblem::NoDescendants);
            self.cid_widths.default = DEFAULT_CID_WIDTH;
            return;
        };
        self.cid_widths = read_w(doc, descendant);
        self.info.descendant = Some(
            obj::get_name(doc, descendant, b"Subtype")
                .map_or(FontType::Other, FontType::from_subtype),
        );
        self.info.embedded = embedded_program(doc, descendant);
        if let Some(info) = obj::get_dict(doc, descendant, b"CIDSystemInfo") {
            self.ordering = match obj::get(doc, info, b"Ordering") {
                Some(Object::String(s, _)) => Some(String::from_utf8_lossy(s).into_owned()),
                _ => None,
            };
        }
        if let Some(desc) = obj::get_dict(doc, descendant, b"FontDescriptor") {
            self.read_descriptor(doc, desc, 1.0);
            let needs_font_cmap = self.to_unicode.is_none()
                && matches!(&self.encoding, Encoding::Predefined(p) if p.text == predefined::CodeText::Identity)
                || matches!(self.encoding, Encoding::Embedded(..));
            if needs_font_cmap {
                if let Some(stream) = obj::get_stream(doc, desc, b"FontFile2") {
                    match obj::stream_content(stream, max_stream_size) {
                        Ok(data) => self.gid_unicode = truetype::gid_to_unicode(&data),
                        Err(e) => {
                            let error = e.to_string();
                            warnings.push(FontProblem::Unreadable { stream: "/FontFile2", error })
                        }
                    }
                }
            }
        }
        if let Some(stream) = obj::get_stream(doc, descendant, b"CIDToGIDMap") {
            self.cid_to_gid = obj::stream_content(stream, max_stream_size).ok();
        }
    }

    fn load_simple(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        type3: bool,
        warnings: &mut Vec<FontProblem>,
    ) {
        // Type3 glyph space is given by /FontMatrix, usually 1/1000 em.
        let (x_scale, y_scale) = if type3 {
            let m = obj::get_array(doc, dict, b"FontMatrix").and_then(|a| obj::nums(doc, a));
            match m.as_deref() {
                Some([a, _, _, d, ..]) if *a != 0.0 && *d != 0.0 => {
                    (a.abs(), d.abs() * GLYPH_UNITS_PER_EM)
                }
                _ => (1.0 / GLYPH_UNITS_PER_EM, 1.0),
            }
        } else {
            (1.0 / GLYPH_UNITS_PER_EM, 1.0)
        };
        let descriptor = obj::get_dict(doc, dict, b"FontDescriptor");
        let missing =
            descriptor.and_then(|d| obj::get_num(doc, d, b"MissingWidth")).filter(|w| *w > 0.0);
        let default_width = missing.map_or(DEFAULT_SIMPLE_WIDTH, |w| w * x_scale);
        let mut widths = vec![default_width; 256];
        if let Some(list) = obj::get_array(doc, dict, b"Widths") {
            let first = obj::get_num(doc, dict, b"FirstChar").unwrap_or(0.0).max(0.0) as usize;
            for (i, w) in list.iter().enumerate() {
                if let (Some(slot), Some(w)) =
                    (widths.get_mut(first + i), obj::num(obj::resolve(doc, w)))
                {
                    *slot = w * x_scale;
                }
            }
        }
        if let Some(desc) = descriptor {
            self.read_descriptor(doc, desc, y_scale);
        }
        let symbolic = descriptor
            .and_then(|d| obj::get_num(doc, d, b"Flags"))
            .is_some_and(|f| (f as i64) & 4 != 0);
        let mut base = if symbolic { None } else { Some(BaseEncoding::Standard) };
        let mut declared = None;
        let mut differences: Vec<(usize, String)> = Vec::new();
        // poppler reads numeric names only when every run starts at code 5
        // or below (`testForNumericNames`).
        let mut low_starts = true;
        match obj::get(doc, dict, b"Encoding") {
            Some(Object::Name(n)) => match BaseEncoding::from_name(n) {
                Some(b) => {
                    base = Some(b);
                    declared = Some(obj::name_str(n));
                }
                None => warnings.push(FontProblem::UnknownEncoding(obj::name_str(n))),
            },
            Some(Object::Dictionary(enc)) => {
                if let Some((b, n)) = obj::get_name(doc, enc, b"BaseEncoding")
                    .and_then(|n| Some((BaseEncoding::from_name(n)?, n)))
                {
                    base = Some(b);
                    declared = Some(obj::name_str(n));
                }
                if let Some(diffs) = obj::get_array(doc, enc, b"Differences") {
                    let mut code = 0usize;
                    for item in diffs {
                        match obj::resolve(doc, item) {
                            Object::Integer(i) => {
                                code = (*i).clamp(0, 255) as usize;
                                low_starts &= *i <= MAX_NUMERIC_NAMES_START;
                            }
                            Object::Name(n) => {
                                differences.push((code, obj::name_str(n)));
                                code += 1;
                            }
                            _ => low_starts = false,
                        }
                    }
                }
            }
            _ => {}
        }
        let mut text: Vec<Option<String>> = (0..=255u8)
            .map(|c| base.unwrap_or(BaseEncoding::Standard).decode(c).map(String::from))
            .collect();
        apply_differences(&mut text, &differences, low_starts);
        let mut sources = vec![DecodeSource::BaseEncoding; text.len()];
        for (code, _) in &differences {
            if let Some(slot) = sources.get_mut(*code) {
                *slot = DecodeSource::GlyphName;
            }
        }
        self.info.encoding =
            FontEncoding::Simple { base: declared, differences: differences.len() };
        self.encoding = Encoding::Simple { text, sources, widths };
        self.symbolic_builtin = symbolic && declared_or_differences_absent(&self.info.encoding);
    }

    /// A simple TrueType font's embedded `cmap` gives text to the codes its
    /// encoding leaves without any, and to every code of a symbolic font
    /// that names no encoding, as poppler reads such fonts (the glyph a
    /// code selects, then that glyph's Unicode in the font).
    fn apply_font_cmap(
        &mut self,
        doc: &Document,
        dict: &Dictionary,
        max_stream_size: usize,
        warnings: &mut Vec<FontProblem>,
    ) {
        let Some(stream) = obj::get_dict(doc, dict, b"FontDescriptor")
            .and_then(|d| obj::get_stream(doc, d, b"FontFile2"))
        else {
            return;
        };
        let data = match obj::stream_content(stream, max_stream_size) {
            Ok(data) => data,
            Err(e) => {
                let error = e.to_string();
                warnings.push(FontProblem::Unreadable { stream: "/FontFile2", error });
                return;
            }
        };
        let Some(font_text) = truetype::simple_code_text(&data, glyph_name_to_unicode) else {
            return;
        };
        let builtin = self.symbolic_builtin;
        if let Encoding::Simple { text, sources, .. } = &mut self.encoding {
            for (code, found) in font_text.into_iter().enumerate() {
                let (Some(found), Some(slot)) = (found, text.get_mut(code)) else { continue };
                if builtin || slot.is_none() {
                    *slot = Some(found);
                    if let Some(source) = sources.get_mut(code) {
                        *source = DecodeSource::FontCmap;
                    }
                }
            }
        }
    }

    fn read_descriptor(&mut self, doc: &Document, desc: &Dictionary, scale: f64) {
        let ascent = obj::get_num(doc, desc, b"Ascent").map(|a| a * scale / GLYPH_UNITS_PER_EM);
        let descent =
            obj::get_num(doc, desc, b"Descent").map(|d| -(d * scale / GLYPH_UNITS_PER_EM).abs());
        // Values of 0 or beyond two em are broken producers; keep the defaults.
        if let Some(a) = ascent.filter(|a| *a > 0.0 && *a <= 2.0) {
            self.ascent = a;
        }
        if let Some(d) = descent.filter(|d| *d < 0.0 && *d >= -1.0) {
            self.descent = d;
        }
    }

    /// Splits a shown string into decoded characters. Kangxi and
    /// supplementary radicals and compatibility ideographs, which some
    /// producers' ToUnicode maps give for shared glyphs, come out as the
    /// unified ideographs.
    pub fn decode(&self, bytes: &[u8]) -> Vec<DecodedChar> {
        let mut chars = self.decode_raw(bytes);
        for c in &mut chars {
            c.text = radicals::unify_ideographs(std::mem::take(&mut c.text));
        }
        chars
    }

    fn decode_raw(&self, bytes: &[u8]) -> Vec<DecodedChar> {
        match &self.encoding {
            Encoding::Simple { text, sources, widths } => bytes
                .iter()
                .map(|&b| {
                    let code = u32::from(b);
                    let i = usize::from(b);
                    let (text, source) = self
                        .to_unicode_text(code)
                        .or_else(|| {
                            let t = text.get(i).cloned().flatten()?;
                            Some((t, sources.get(i).copied().unwrap_or(DecodeSource::BaseEncoding)))
                        })
                        .unwrap_or_else(unknown);
                    DecodedChar {
                        code,
                        text,
                        width: widths.get(i).copied().unwrap_or(DEFAULT_SIMPLE_WIDTH),
                        is_word_space: b == b' ',
                        source,
                    }
                })
                .collect(),
            Encoding::Predefined(p) => split_codes(&p.codespace, bytes)
                .into_iter()
                .map(|(code, len)| {
                    let cid = p.code_to_cid(code, len);
                    let text = self
                        .to_unicode_text(code)
                        .or_else(|| {
                            Some((p.code_to_text(code, len)?, DecodeSource::PredefinedCMap))
                        })
                        .or_else(|| cid.and_then(|cid| self.cid_text(cid)))
                        .unwrap_or_else(unknown);
                    self.cid_char(code, len, cid, text)
                })
                .collect(),
            Encoding::Embedded(c, parent) => split_codes(&c.codespace, bytes)
                .into_iter()
                .map(|(code, len)| {
                    let cid = c
                        .lookup_cid(code)
                        .or_else(|| parent.as_ref().and_then(|p| p.code_to_cid(code, len)));
                    let text = self
                        .to_unicode_text(code)
                        .or_else(|| Some((c.lookup_unicode(code)?, DecodeSource::EmbeddedCMap)))
                        .or_else(|| {
                            let t = parent.as_ref()?.code_to_text(code, len)?;
                            Some((t, DecodeSource::PredefinedCMap))
                        })
                        .or_else(|| cid.and_then(|cid| self.cid_text(cid)))
                        .unwrap_or_else(unknown);
                    self.cid_char(code, len, cid, text)
                })
                .collect(),
        }
    }

    fn cid_char(
        &self,
        code: u32,
        len: usize,
        cid: Option<u32>,
        (text, source): (String, DecodeSource),
    ) -> DecodedChar {
        let width = cid.map_or(self.cid_widths.default, |cid| self.cid_widths.width(cid))
            / GLYPH_UNITS_PER_EM;
        DecodedChar { code, text, width, is_word_space: len == 1 && code == 32, source }
    }

    fn to_unicode_text(&self, code: u32) -> Option<(String, DecodeSource)> {
        // Some producers map unused codes to U+0000; treat that as unmapped.
        self.to_unicode
            .as_ref()?
            .lookup_unicode(code)
            .filter(|t| !t.is_empty() && !t.starts_with('\0'))
            .map(|t| (t, DecodeSource::ToUnicode))
    }

    /// Text of a CID: the embedded TrueType cmap, then the Adobe ordering.
    fn cid_text(&self, cid: u32) -> Option<(String, DecodeSource)> {
        if let Some(map) = &self.gid_unicode {
            let gid = match &self.cid_to_gid {
                Some(table) => {
                    let i = usize::try_from(cid).ok()?.checked_mul(2)?;
                    u16::from_be_bytes([*table.get(i)?, *table.get(i + 1)?])
                }
                None => u16::try_from(cid).ok()?,
            };
            if let Some(c) = map.get(gid) {
                return Some((c.to_string(), DecodeSource::FontCmap));
            }
        }
        Some((cid_to_unicode(self.ordering.as_deref()?, cid)?, DecodeSource::CidOrdering))
    }
}

/// Fonts loaded so far in one document, by object id, so each font is
/// parsed once (ToUnicode maps and embedded cmaps are not small).
#[derive(Debug, Default)]
pub struct FontCache {
    by_id: HashMap<lopdf::ObjectId, std::sync::Arc<Font>>,
}

impl FontCache {
    /// The font a `/Font` resource entry names (a reference or a direct
    /// dictionary), loading it on first use. Warnings of the load are
    /// returned once, when the font is first loaded.
    pub fn get(
        &mut self,
        doc: &Document,
        entry: &Object,
        max_stream_size: usize,
    ) -> Option<(std::sync::Arc<Font>, Vec<FontProblem>)> {
        let id = entry.as_reference().ok();
        if let Some(font) = id.and_then(|id| self.by_id.get(&id)) {
            return Some((font.clone(), Vec::new()));
        }
        let dict = match obj::resolve(doc, entry) {
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let (font, warnings) = Font::load(doc, dict, max_stream_size);
        let font = std::sync::Arc::new(font);
        if let Some(id) = id {
            self.by_id.insert(id, font.clone());
        }
        Some((font, warnings))
    }
}

/// The highest code a `/Differences` run may start at for poppler to read
/// the font's glyph names as numbers (`testForNumericNames`, `GfxFont.cc`).
const MAX_NUMERIC_NAMES_START: i64 = 5;

/// Gives each `/Differences` code the text of its glyph name, as poppler's
/// `Gfx8BitFont` does: the glyph list, `uniXXXX` and `uXXXX[XX]` first;
/// then, for names the list does not know, numbers (`/a48` is "0"), but
/// only in a font whose every name reads as a number and whose every run
/// starts at code 5 or below (`low_starts`); hexadecimal when an unknown
/// name looks hex. poppler passes what is still unknown through as the
/// code itself; we leave it unknown (U+FFFD and a warning) rather than guess.
fn apply_differences(
    text: &mut [Option<String>],
    differences: &[(usize, String)],
    low_starts: bool,
) {
    let named: Vec<Option<String>> =
        differences.iter().map(|(_, name)| glyph_name_to_unicode(name)).collect();
    let hex = differences
        .iter()
        .zip(&named)
        .any(|((_, name), t)| t.is_none() && name != ".notdef" && looks_hex_glyph_name(name));
    let numeric =
        low_starts && differences.iter().all(|(_, name)| numeric_glyph_value(name, hex).is_some());
    for ((code, name), found) in differences.iter().zip(named) {
        if let Some(slot) = text.get_mut(*code) {
            *slot = found.or_else(|| numeric.then(|| numeric_glyph_name(name, hex)).flatten());
        }
    }
}

/// The predefined CMap an embedded one builds on: `usecmap` in its text,
/// else the stream's `/UseCMap` name (ISO 32000-1, 9.7.5.3). An embedded
/// base CMap is not followed (no producer in the corpus writes one).
fn base_cmap(doc: &Document, stream: &lopdf::Stream, cmap: &CMap) -> Option<Box<PredefinedCMap>> {
    let name = cmap
        .use_cmap
        .clone()
        .or_else(|| obj::get_name(doc, &stream.dict, b"UseCMap").map(obj::name_str))?;
    PredefinedCMap::from_name(&name).map(Box::new)
}

/// Whether a simple font's encoding is the font's own: no base encoding
/// named and no `/Differences`.
fn declared_or_differences_absent(encoding: &FontEncoding) -> bool {
    matches!(encoding, FontEncoding::Simple { base: None, differences: 0 })
}

/// The text and source of a code nothing maps.
fn unknown() -> (String, DecodeSource) {
    (UNKNOWN_TEXT.to_string(), DecodeSource::Unknown)
}

/// The font program a font (or CIDFont) dictionary embeds: Type 3 glyph
/// procedures, else the descriptor's `/FontFile`, `/FontFile2`, `/FontFile3`.
fn embedded_program(doc: &Document, dict: &Dictionary) -> Option<FontProgram> {
    if let Some(procs) = obj::get_dict(doc, dict, b"CharProcs") {
        return Some(if char_procs_paint_images(doc, procs) {
            FontProgram::Bitmaps
        } else {
            FontProgram::CharProcs
        });
    }
    let desc = obj::get_dict(doc, dict, b"FontDescriptor")?;
    [
        (&b"FontFile"[..], FontProgram::Type1),
        (b"FontFile2", FontProgram::TrueType),
        (b"FontFile3", FontProgram::Cff),
    ]
    .into_iter()
    .find(|(key, _)| obj::get_stream(doc, desc, key).is_some())
    .map(|(_, program)| program)
}

/// Bytes of one glyph procedure read to tell a bitmap font: its `d1` and the
/// start of an inline image come first.
const CHAR_PROC_PEEK: usize = 4096;

/// Whether a Type 3 font's first glyph procedure paints an image (an
/// inline `BI` or an image XObject by `Do`) rather than a path.
fn char_procs_paint_images(doc: &Document, procs: &Dictionary) -> bool {
    let Some((_, first)) = procs.iter().next() else { return false };
    let Object::Stream(s) = obj::resolve(doc, first) else { return false };
    let Ok(data) = obj::stream_content(s, CHAR_PROC_PEEK * 16) else { return false };
    let head = &data[..data.len().min(CHAR_PROC_PEEK)];
    head.split(|b| b.is_ascii_whitespace()).any(|t| t == b"BI" || t == b"Do")
}

fn identity_fallback() -> PredefinedCMap {
    PredefinedCMap {
        name: "Identity-H".into(),
        text: predefined::CodeText::Identity,
        vertical: false,
        codespace: vec![CodespaceRange::new(2, 0, 0xFFFF)],
    }
}

/// Reads `/DW` and `/W` of a CIDFont: `c [w1 w2 ...]` and `c_first c_last w`.
fn read_w(doc: &Document, descendant: &Dictionary) -> CidWidths {
    let mut widths = CidWidths {
        default: obj::get_num(doc, descendant, b"DW").unwrap_or(DEFAULT_CID_WIDTH),
        ..CidWidths::default()
    };
    let Some(w) = obj::get_array(doc, descendant, b"W") else { return widths };
    let mut i = 0;
    let mut entries = 0;
    while i < w.len() && entries < MAX_W_ENTRIES {
        let Some(first) = obj::num(obj::resolve(doc, &w[i])) else { break };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| obj::resolve(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, item) in list.iter().enumerate() {
                    if let Some(v) = obj::num(obj::resolve(doc, item)) {
                        widths.single.insert(first.saturating_add(k as u32), v);
                    }
                    entries += 1;
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(v)) =
                    (obj::num(last), w.get(i + 2).and_then(|o| obj::num(obj::resolve(doc, o))))
                else {
                    break;
                };
                widths.ranges.push((first, last.max(0.0) as u32, v));
                entries += 1;
                i += 3;
            }
            None => break,
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};

    fn widths_of(font: &Font, bytes: &[u8]) -> Vec<f64> {
        font.decode(bytes).iter().map(|c| c.width).collect()
    }

    fn text_of(font: &Font, bytes: &[u8]) -> String {
        font.decode(bytes).into_iter().map(|c| c.text).collect()
    }

    #[test]
    fn type0_unigb_ucs2_without_embedding() {
        let mut doc = Document::with_version("1.7");
        let descendant = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "CIDFontType0", "BaseFont" => "STSong-Light",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"), "Supplement" => 4 },
            "DW" => 1000,
            "W" => vec![Object::Integer(1), Object::Integer(95), Object::Integer(500)],
        });
        let font = dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "STSong-Light-UniGB-UCS2-H",
            "Encoding" => "UniGB-UCS2-H", "DescendantFonts" => vec![Object::Reference(descendant)],
        };
        let (font, warnings) = Font::load(&doc, &font, 1 << 20);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(text_of(&font, &[0x98, 0x79, 0x00, 0x31]), "项1");
        // 项 is full width (DW), '1' (CID 18) half width from /W.
        assert_eq!(widths_of(&font, &[0x98, 0x79, 0x00, 0x31]), vec![1.0, 0.5]);
    }

    #[test]
    fn type0_identity_without_to_unicode_uses_ordering() {
        let mut doc = Document::with_version("1.7");
        let descendant = doc.add_object(dictionary! {
            "Subtype" => "CIDFontType0",
            "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"),
                "Ordering" => Object::string_literal("GB1"), "Supplement" => 2 },
        });
        let font = dictionary! {
            "Subtype" => "Type0", "Encoding" => "Identity-H",
            "DescendantFonts" => vec![Object::Reference(descendant)],
        };
        let (font, _) = Font::load(&doc, &font, 1 << 20);
        // CID 34 is 'A' in Adobe-GB1.
        assert_eq!(text_of(&font, &[0x00, 34]), "A");
        assert_eq!(widths_of(&font, &[0x00, 34]), vec![1.0]);
    }

    #[test]
    fn type0_identity_with_to_unicode() {
        let mut doc = Document::with_version("1.7");
        let cmap = doc.add_object(Stream::new(
            dictionary! {},
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0005> <540D> endbfchar".to_vec(),
        ));
        let descendant = doc.add_object(dictionary! {
            "Subtype" => "CIDFontType2", "W" => vec![Object::Integer(5), Object::Array(vec![Object::Integer(800)])],
        });
        let font = dictionary! {
            "Subtype" => "Type0", "Encoding" => "Identity-H", "ToUnicode" => Object::Reference(cmap),
            "DescendantFonts" => vec![Object::Reference(descendant)],
        };
        let (font, _) = Font::load(&doc, &font, 1 << 20);
        assert_eq!(text_of(&font, &[0x00, 0x05, 0x00, 0x06]), "名\u{FFFD}");
        assert_eq!(widths_of(&font, &[0x00, 0x05, 0x00, 0x06]), vec![0.8, 1.0]);
    }

    #[test]
    fn simple_font_differences_and_widths() {
        let doc = Document::with_version("1.7");
        let font = dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "Arial",
            "FirstChar" => 32, "Widths" => vec![Object::Integer(278), Object::Integer(278)],
            "Encoding" => dictionary! { "BaseEncoding" => "WinAnsiEncoding",
                "Differences" => vec![Object::Integer(33), Object::Name(b"uni9879".to_vec())] },
        };
        let (font, _) = Font::load(&doc, &font, 1 << 20);
        let chars = font.decode(b" !A");
        assert_eq!(chars.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), vec![" ", "项", "A"]);
        assert!(chars[0].is_word_space && !chars[1].is_word_space);
        let sources: Vec<DecodeSource> = chars.iter().map(|c| c.source).collect();
        use DecodeSource::{BaseEncoding as Base, GlyphName};
        assert_eq!(sources, vec![Base, GlyphName, Base]);
        assert!((chars[0].width - 0.278).abs() < 1e-9);
        assert_eq!(chars[2].width, DEFAULT_SIMPLE_WIDTH);
    }

    /// A symbolic TrueType subset without /Encoding or ToUnicode (as office
    /// producers embed symbol-encoded subsets): codes select glyphs through
    /// the font's (3,0) cmap, and the glyphs' Unicode comes from the font.
    #[test]
    fn symbolic_truetype_without_to_unicode_reads_the_font_cmap() {
        let mut doc = Document::with_version("1.7");
        let program = include_bytes!("testdata/symbolic_subset.ttf").to_vec();
        let file = doc.add_object(Stream::new(dictionary! {}, program));
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor", "Flags" => 4, "FontFile2" => Object::Reference(file),
        });
        let font = dictionary! {
            "Subtype" => "TrueType", "BaseFont" => "ABCDEF+JxSym",
            "FontDescriptor" => Object::Reference(descriptor),
        };
        let (font, warnings) = Font::load(&doc, &font, 1 << 20);
        assert!(warnings.is_empty(), "{warnings:?}");
        let chars = font.decode(&[1, 2, 3, 4]);
        let text: Vec<&str> = chars.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(text[..3], ["项", "目", "A"]);
        assert!(chars[..3].iter().all(|c| c.source == DecodeSource::FontCmap));
        assert_eq!(font.info.embedded, Some(FontProgram::TrueType));
    }

    #[test]
    fn type3_widths_use_font_matrix() {
        let doc = Document::with_version("1.7");
        let font = dictionary! {
            "Subtype" => "Type3",
            "FontMatrix" => vec![0.01.into(), 0.into(), 0.into(), 0.01.into(), 0.into(), 0.into()],
            "FirstChar" => 65, "Widths" => vec![Object::Integer(50)],
        };
        let (font, _) = Font::load(&doc, &font, 1 << 20);
        assert!((widths_of(&font, b"A")[0] - 0.5).abs() < 1e-6);
        assert_eq!(text_of(&font, b"A"), "A");
    }

    #[test]
    fn differences_fall_back_to_numeric_names() {
        let diffs = |list: &[(usize, &str)]| -> Vec<(usize, String)> {
            list.iter().map(|(c, n)| (*c, n.to_string())).collect()
        };
        // Ghostscript's Type 3 names: all numeric, a run from 0.
        let mut text = vec![None; 256];
        apply_differences(&mut text, &diffs(&[(0, "a0"), (1, "a48"), (2, "a54")]), true);
        assert_eq!((text[1].as_deref(), text[2].as_deref()), (Some("0"), Some("6")));
        assert_eq!(text[0], None, "a0 is a control: unknown");
        // A font mixing glyph-list names with a48: poppler reads no numbers.
        let mut text = vec![None; 256];
        let mixed = diffs(&[(1, "a48"), (2, "uni4E2D"), (3, ".notdef"), (4, "space")]);
        apply_differences(&mut text, &mixed, true);
        assert_eq!(text[1], None);
        assert_eq!(text[2].as_deref(), Some("中"));
        assert_eq!(text[3], None);
        assert_eq!(text[4].as_deref(), Some(" "));
        // A run starting above code 5 keeps names from being read as numbers.
        let mut text = vec![None; 256];
        apply_differences(&mut text, &diffs(&[(33, "g65")]), false);
        assert_eq!(text[33], None);
        // One hex-looking unknown name makes the whole font hex, as in poppler.
        let mut text = vec![None; 256];
        apply_differences(&mut text, &diffs(&[(1, "Cab"), (2, "C41")]), true);
        assert_eq!(text[2].as_deref(), Some("A"));
    }

    #[test]
    fn embedded_cmap_falls_back_to_its_usecmap() {
        let mut doc = Document::with_version("1.7");
        let cmap = doc.add_object(lopdf::Stream::new(
            lopdf::dictionary! {},
            b"/Identity-H usecmap 1 begincidchar <0001> 5 endcidchar".to_vec(),
        ));
        let font = lopdf::dictionary! {
            "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "U",
            "Encoding" => cmap,
            "DescendantFonts" => vec![Object::Dictionary(lopdf::dictionary! {
                "Subtype" => "CIDFontType0",
                "CIDSystemInfo" => lopdf::dictionary! { "Registry" => Object::string_literal("Adobe"),
                    "Ordering" => Object::string_literal("GB1"), "Supplement" => 2 },
            })],
        };
        let (font, _) = Font::load(&doc, &font, 1 << 20);
        let with_base = text_of(&font, &[0x00, 0x01, 0x00, 0x02]);
        // Code 2 is not in the embedded CMap: Identity-H gives CID 2.
        let cid2 = cid_to_unicode("GB1", 2).unwrap_or_else(|| UNKNOWN_TEXT.to_string());
        let cid5 = cid_to_unicode("GB1", 5).unwrap_or_else(|| UNKNOWN_TEXT.to_string());
        assert_eq!(with_base, format!("{cid5}{cid2}"));
        assert_ne!(cid2, UNKNOWN_TEXT);
    }
}
