//! Embedded TrueType fonts (`/FontFile2`): GID→Unicode by inverting the
//! font's own `cmap` table, for Identity-H fonts that ship no ToUnicode,
//! and code→glyph→text for simple TrueType fonts without ToUnicode.
//!
//! We use `ttf-parser` (harfbuzz organisation, no dependencies, no unsafe,
//! zero-allocation parsing of untrusted fonts) rather than `skrifa`, which
//! pulls in the larger `read-fonts` stack for outline and hinting work we
//! do not need.

/// Each glyph's text, indexed by glyph id: a dense table, as glyph ids of a
/// font are `0..numGlyphs` (at most 65,536), which is smaller and far
/// quicker to fill and read than a hash map over the same ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlyphText(Vec<Option<char>>);

impl GlyphText {
    /// The text of glyph `gid`, if the font's cmap maps a code point to it.
    pub fn get(&self, gid: u16) -> Option<char> {
        self.0.get(usize::from(gid)).copied().flatten()
    }

    /// How many glyphs have a text.
    pub fn len(&self) -> usize {
        self.0.iter().flatten().count()
    }

    /// True when no glyph has a text.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// GID→Unicode from the Unicode subtables of the font's `cmap`, or `None`
/// when the font cannot be parsed or has no Unicode subtable.
pub fn gid_to_unicode(data: &[u8]) -> Option<GlyphText> {
    let face = ttf_parser::Face::parse(data, 0).ok()?;
    gid_text(&face)
}

fn gid_text(face: &ttf_parser::Face<'_>) -> Option<GlyphText> {
    let cmap = face.tables().cmap?;
    let mut map: Vec<Option<char>> = Vec::new();
    // One bit per Unicode code point (136 KiB); code points past U+10FFFF
    // are no text and are skipped.
    let mut seen = vec![0u64; 0x11_0000 / 64];
    for subtable in cmap.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        // Segments may overlap (a hostile font repeats one range hundreds
        // of times): each code point is looked up once per subtable.
        seen.fill(0);
        each_code_point(&subtable, |cp| {
            let (word, bit) = ((cp / 64) as usize, 1u64 << (cp % 64));
            match seen.get_mut(word) {
                Some(w) if *w & bit == 0 => *w |= bit,
                _ => return,
            }
            let (Some(gid), Some(c)) = (subtable.glyph_index(cp), char::from_u32(cp)) else {
                return;
            };
            let i = usize::from(gid.0);
            if map.len() <= i {
                map.resize(i + 1, None);
            }
            match map[i] {
                Some(old) if rank(c) >= rank(old) => {}
                _ => map[i] = Some(c),
            }
        });
    }
    map.iter().any(Option::is_some).then_some(GlyphText(map))
}

/// Calls `f` with each code point the subtable may map. Formats 12 and 13
/// declare ranges of 32-bit codes, which ttf-parser's `codepoints` walks
/// code by code: one hostile group `0..=0xFFFFFFFF` is four billion calls.
/// Their code points are taken from Unicode's range instead, so a subtable
/// costs at most 1,114,112 lookups whatever it declares.
fn each_code_point(subtable: &ttf_parser::cmap::Subtable<'_>, mut f: impl FnMut(u32)) {
    use ttf_parser::cmap::Format;
    match subtable.format {
        Format::SegmentedCoverage(_) | Format::ManyToOneRangeMappings(_) => {
            (0..=u32::from(char::MAX)).for_each(f);
        }
        _ => subtable.codepoints(&mut f),
    }
}

/// Windows symbol subtable (3,0) codes of a one-byte code: the spec's
/// 0xF000 range first, then the code itself and poppler's 0xF100, 0xF200.
const SYMBOL_CODE_BASES: [u32; 4] = [0xF000, 0x0000, 0xF100, 0xF200];

/// Text of each one-byte code of a simple TrueType font that has no
/// ToUnicode, found as the PDF spec (ISO 32000-1, 9.6.6.4) and poppler map
/// a code to a glyph: the (3,0) symbol subtable, else the (1,0) Macintosh
/// one; the glyph's text then comes from the font's Unicode subtables
/// (inverted), else from its `post` glyph name read by `name_text`.
/// `None` when the font cannot be parsed or maps no code.
pub fn simple_code_text(
    data: &[u8],
    name_text: impl Fn(&str) -> Option<String>,
) -> Option<Vec<Option<String>>> {
    use ttf_parser::PlatformId;
    let face = ttf_parser::Face::parse(data, 0).ok()?;
    let subtables: Vec<_> = face.tables().cmap?.subtables.into_iter().collect();
    let unicode = gid_text(&face).unwrap_or_default();
    let find = |platform: PlatformId, encoding: u16| {
        subtables.iter().find(|t| t.platform_id == platform && t.encoding_id == encoding)
    };
    let (symbol, mac) = (find(PlatformId::Windows, 0), find(PlatformId::Macintosh, 0));
    let gid_of = |code: u32| {
        symbol
            .and_then(|t| SYMBOL_CODE_BASES.iter().find_map(|b| t.glyph_index(b + code)))
            .or_else(|| mac.and_then(|t| t.glyph_index(code)))
            .filter(|g| g.0 != 0)
    };
    let text: Vec<Option<String>> = (0..=255u32)
        .map(|code| {
            let gid = gid_of(code)?;
            unicode
                .get(gid.0)
                .map(|c| c.to_string())
                .or_else(|| face.glyph_name(gid).and_then(&name_text))
        })
        .collect();
    text.iter().any(Option::is_some).then_some(text)
}

/// Preference when several code points share a glyph: CJK fonts map Kangxi
/// radicals and compatibility ideographs onto the unified ideographs' glyphs,
/// and the unified ideograph is the text we want.
fn rank(c: char) -> u8 {
    match u32::from(c) {
        0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => 2,
        0xE000..=0xF8FF => 3,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_lose_to_unified_ideographs() {
        assert!(rank('\u{2F00}') > rank('一'));
        assert!(rank('\u{F900}') > rank('丁'));
    }

    #[test]
    fn garbage_font_gives_none() {
        assert_eq!(gid_to_unicode(b"not a font"), None);
        assert_eq!(gid_to_unicode(&[]), None);
        assert_eq!(simple_code_text(b"not a font", |_| None), None);
    }

    #[test]
    fn symbolic_subset_codes_through_the_symbol_cmap() {
        // testdata/symbolic_subset.py: codes 1..3 are 项 目 A through the
        // (3,0) and (1,0) subtables; the glyphs have no names.
        let font = include_bytes!("testdata/symbolic_subset.ttf");
        let text = simple_code_text(font, |_| None).expect("codes mapped");
        let got: Vec<Option<&str>> = text[..5].iter().map(|t| t.as_deref()).collect();
        assert_eq!(got, vec![None, Some("项"), Some("目"), Some("A"), None]);
    }
}
