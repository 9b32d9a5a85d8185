//! What a font is and how its glyphs were decoded, as typed values: the
//! data behind `jixiao fonts`. [`FontInfo`] describes a loaded font (its
//! dictionary), [`DecodeSource`] names where one glyph's text came from, and
//! [`FontUsage`] tallies the glyphs one page showed with one font.
//!
//! A reader who gets U+FFFD can see why: which font, whether it had a
//! `/ToUnicode` CMap, and which fallbacks answered for the other glyphs.

use std::collections::BTreeMap;

use serde::Serialize;

/// A font dictionary's `/Subtype` (for a Type0 font's descendant too).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum FontType {
    /// A composite font (its glyphs are in a descendant CIDFont).
    Type0,
    /// A Type 1 font (`/Subtype /Type1`, also the standard 14).
    Type1,
    /// A multiple master Type 1 font.
    MMType1,
    /// A simple TrueType font.
    TrueType,
    /// A font whose glyphs are content streams (`/CharProcs`).
    Type3,
    /// A CIDFont with CFF glyphs (descendant of Type0).
    CIDFontType0,
    /// A CIDFont with TrueType glyphs (descendant of Type0).
    CIDFontType2,
    /// Any other or a missing `/Subtype`.
    Other,
}

impl FontType {
    /// The type a `/Subtype` name gives.
    pub fn from_subtype(name: &[u8]) -> FontType {
        match name {
            b"Type0" => FontType::Type0,
            b"Type1" => FontType::Type1,
            b"MMType1" => FontType::MMType1,
            b"TrueType" => FontType::TrueType,
            b"Type3" => FontType::Type3,
            b"CIDFontType0" => FontType::CIDFontType0,
            b"CIDFontType2" => FontType::CIDFontType2,
            _ => FontType::Other,
        }
    }
}

/// Which font program the font descriptor embeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FontProgram {
    /// `/FontFile`: a Type 1 program.
    Type1,
    /// `/FontFile2`: a TrueType program.
    TrueType,
    /// `/FontFile3`: CFF or OpenType.
    Cff,
    /// Type 3 glyph procedures, in the font dictionary itself.
    CharProcs,
    /// Type 3 glyph procedures that paint images: glyphs rasterised by the
    /// producer (Ghostscript's bitmap fonts), whose names may carry no text.
    Bitmaps,
}

/// How a font maps its codes to glyphs (its `/Encoding`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FontEncoding {
    /// A predefined CMap named by `/Encoding` (`Identity-H`, `UniGB-UCS2-H`).
    Predefined {
        /// The CMap name.
        name: String,
    },
    /// An embedded CMap stream, and the predefined CMap it builds on.
    Embedded {
        /// Its `/CMapName`.
        name: Option<String>,
        /// The `usecmap` / `/UseCMap` base.
        base: Option<String>,
    },
    /// A simple font's one-byte encoding.
    Simple {
        /// The base encoding's name; `None` for the font's built-in encoding.
        base: Option<String>,
        /// How many codes `/Differences` renames.
        differences: usize,
    },
}

impl std::fmt::Display for FontEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FontEncoding::Predefined { name } => write!(f, "{name}"),
            FontEncoding::Embedded { name, base } => {
                write!(f, "embedded CMap {}", name.as_deref().unwrap_or("(unnamed)"))?;
                match base {
                    Some(b) => write!(f, " on {b}"),
                    None => Ok(()),
                }
            }
            FontEncoding::Simple { base, differences } => {
                write!(f, "{}", base.as_deref().unwrap_or("built-in"))?;
                match differences {
                    0 => Ok(()),
                    n => write!(f, " + {n} Differences"),
                }
            }
        }
    }
}

/// A loaded font as its dictionary describes it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FontInfo {
    /// `/BaseFont` (empty when absent, as Type 3 fonts may be).
    pub base_font: String,
    /// The font dictionary's `/Subtype`.
    pub font_type: FontType,
    /// A Type0 font's descendant CIDFont type.
    pub descendant: Option<FontType>,
    /// Its `/Encoding`.
    pub encoding: FontEncoding,
    /// True when it has a `/ToUnicode` CMap that maps at least one code.
    pub has_to_unicode: bool,
    /// The embedded font program, if any.
    pub embedded: Option<FontProgram>,
}

/// Where the text of one decoded glyph came from, in the order of trust
/// the decoder tries them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecodeSource {
    /// The font's `/ToUnicode` CMap.
    ToUnicode,
    /// A predefined Unicode or GBK-family CMap: the code itself is text.
    #[serde(rename = "predefined_cmap")]
    PredefinedCMap,
    /// An embedded encoding CMap's own `bfchar`/`bfrange` entries.
    #[serde(rename = "embedded_cmap")]
    EmbeddedCMap,
    /// The embedded TrueType font's `cmap` table, inverted (GID → Unicode).
    FontCmap,
    /// Adobe's CID → Unicode table of the `/CIDSystemInfo` ordering.
    CidOrdering,
    /// A glyph name of `/Differences` (glyph list, `uniXXXX`, `aNN` …).
    GlyphName,
    /// The base encoding (WinAnsi, Standard, MacRoman …).
    BaseEncoding,
    /// Nothing maps it: shown as U+FFFD.
    Unknown,
}

impl DecodeSource {
    /// A short name for tables.
    pub fn label(self) -> &'static str {
        match self {
            DecodeSource::ToUnicode => "ToUnicode",
            DecodeSource::PredefinedCMap => "predefined CMap",
            DecodeSource::EmbeddedCMap => "embedded CMap",
            DecodeSource::FontCmap => "font cmap",
            DecodeSource::CidOrdering => "CID ordering",
            DecodeSource::GlyphName => "glyph names",
            DecodeSource::BaseEncoding => "base encoding",
            DecodeSource::Unknown => "unknown",
        }
    }
}

/// Whether the glyphs shown had `/ToUnicode` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ToUnicodeStatus {
    /// Every glyph shown was mapped by the font's ToUnicode CMap.
    Present,
    /// The font has a ToUnicode CMap, but some glyphs shown are not in it.
    Partial,
    /// The font has no (usable) ToUnicode CMap.
    Absent,
}

/// The glyphs one page showed in one font, by where their text came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FontUsage {
    /// The `/Font` resource name the content selected it by (`F1`).
    pub resource: String,
    /// The font.
    pub info: FontInfo,
    /// Glyphs shown (every decoded code, painted or not).
    pub glyphs: usize,
    /// Glyphs per source of their text.
    pub sources: BTreeMap<DecodeSource, usize>,
}

impl FontUsage {
    /// An empty tally for a font.
    pub fn new(resource: String, info: FontInfo) -> FontUsage {
        FontUsage { resource, info, glyphs: 0, sources: BTreeMap::new() }
    }

    /// Counts one decoded glyph.
    pub fn add(&mut self, source: DecodeSource) {
        self.glyphs += 1;
        *self.sources.entry(source).or_default() += 1;
    }

    /// Glyphs no source decoded.
    pub fn unknown(&self) -> usize {
        self.sources.get(&DecodeSource::Unknown).copied().unwrap_or(0)
    }

    /// The ToUnicode status, from the font and the glyphs shown.
    pub fn to_unicode(&self) -> ToUnicodeStatus {
        let mapped = self.sources.get(&DecodeSource::ToUnicode).copied().unwrap_or(0);
        match (self.info.has_to_unicode, mapped == self.glyphs) {
            (false, _) => ToUnicodeStatus::Absent,
            (true, true) => ToUnicodeStatus::Present,
            (true, false) => ToUnicodeStatus::Partial,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(has_to_unicode: bool) -> FontInfo {
        FontInfo {
            base_font: "F".into(),
            font_type: FontType::Type3,
            descendant: None,
            encoding: FontEncoding::Simple { base: None, differences: 3 },
            has_to_unicode,
            embedded: Some(FontProgram::CharProcs),
        }
    }

    #[test]
    fn to_unicode_status_follows_the_glyphs_shown() {
        let mut u = FontUsage::new("F1".into(), info(true));
        u.add(DecodeSource::ToUnicode);
        assert_eq!(u.to_unicode(), ToUnicodeStatus::Present);
        u.add(DecodeSource::GlyphName);
        u.add(DecodeSource::Unknown);
        assert_eq!((u.to_unicode(), u.glyphs, u.unknown()), (ToUnicodeStatus::Partial, 3, 1));
        let mut v = FontUsage::new("F2".into(), info(false));
        v.add(DecodeSource::GlyphName);
        assert_eq!(v.to_unicode(), ToUnicodeStatus::Absent);
    }

    #[test]
    fn encodings_print_as_a_reader_names_them() {
        assert_eq!(info(false).encoding.to_string(), "built-in + 3 Differences");
        let e = FontEncoding::Embedded { name: Some("X".into()), base: Some("Identity-H".into()) };
        assert_eq!(e.to_string(), "embedded CMap X on Identity-H");
    }
}
