//! Embedded TrueType fonts (`/FontFile2`): GID→Unicode by inverting the
//! font's own `cmap` table, for Identity-H fonts that ship no ToUnicode.
//!
//! We use `ttf-parser` (harfbuzz organisation, no dependencies, no unsafe,
//! zero-allocation parsing of untrusted fonts) rather than `skrifa`, which
//! pulls in the larger `read-fonts` stack for outline and hinting work we
//! do not need.

use std::collections::HashMap;

/// GID→Unicode from the Unicode subtables of the font's `cmap`, or `None`
/// when the font cannot be parsed or has no Unicode subtable.
pub(crate) fn gid_to_unicode(data: &[u8]) -> Option<HashMap<u16, char>> {
    let face = ttf_parser::Face::parse(data, 0).ok()?;
    let cmap = face.tables().cmap?;
    let mut map: HashMap<u16, char> = HashMap::new();
    for subtable in cmap.subtables {
        if !subtable.is_unicode() {
            continue;
        }
        subtable.codepoints(|cp| {
            let (Some(gid), Some(c)) = (subtable.glyph_index(cp), char::from_u32(cp)) else {
                return;
            };
            map.entry(gid.0)
                .and_modify(|old| {
                    if rank(c) < rank(*old) {
                        *old = c;
                    }
                })
                .or_insert(c);
        });
    }
    (!map.is_empty()).then_some(map)
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
    }
}
