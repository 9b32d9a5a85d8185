//! Single-byte encodings of simple fonts (WinAnsi, MacRoman, Standard,
//! PDFDoc), `/Differences`, and glyph names to Unicode.

/// A base encoding of a simple font (ISO 32000-1, Annex D).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseEncoding {
    /// `/WinAnsiEncoding` (Windows code page 1252).
    WinAnsi,
    /// `/MacRomanEncoding`.
    MacRoman,
    /// Adobe StandardEncoding, the built-in encoding of most Type 1 fonts.
    Standard,
    /// PDFDocEncoding, used when nothing else is known.
    PdfDoc,
}

impl BaseEncoding {
    /// The encoding named by a `/BaseEncoding` or `/Encoding` name.
    pub fn from_name(name: &[u8]) -> Option<BaseEncoding> {
        match name {
            b"WinAnsiEncoding" => Some(BaseEncoding::WinAnsi),
            b"MacRomanEncoding" => Some(BaseEncoding::MacRoman),
            b"StandardEncoding" => Some(BaseEncoding::Standard),
            b"PDFDocEncoding" => Some(BaseEncoding::PdfDoc),
            _ => None,
        }
    }

    /// The character of a one-byte code, if the encoding defines one.
    pub fn decode(self, code: u8) -> Option<char> {
        match self {
            BaseEncoding::WinAnsi => decode_single(encoding_rs::WINDOWS_1252, code),
            BaseEncoding::MacRoman => decode_single(encoding_rs::MACINTOSH, code),
            BaseEncoding::Standard => match code {
                0x27 => Some('\u{2019}'),
                0x60 => Some('\u{2018}'),
                0x20..=0x7E => Some(char::from(code)),
                _ => STANDARD_HIGH
                    .iter()
                    .find(|(c, _)| *c == code)
                    .and_then(|(_, name)| glyph_name_to_char(name)),
            },
            BaseEncoding::PdfDoc => match code {
                0x18..=0x1F => Some(PDFDOC_18[usize::from(code - 0x18)]),
                0x80..=0xA0 => Some(PDFDOC_80[usize::from(code - 0x80)]),
                0x09 | 0x0A | 0x0D | 0x20..=0x7E | 0xA1..=0xFF => Some(char::from(code)),
                _ => None,
            },
        }
    }
}

fn decode_single(encoding: &'static encoding_rs::Encoding, code: u8) -> Option<char> {
    if code < 0x20 {
        return None;
    }
    let bytes = [code];
    let (text, _) = encoding.decode_without_bom_handling(&bytes);
    text.chars().next().filter(|c| *c != '\u{FFFD}')
}

/// The Unicode text of a glyph name: `uniXXXX` (one or more units),
/// `uXXXX[XX]`, the common Adobe Glyph List names, and `name.suffix`
/// variants (`a.sc`, `one_two` ligatures are split on `_`).
pub fn glyph_name_to_unicode(name: &str) -> Option<String> {
    // "The glyph name is split at the first period" (AGL specification).
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return None;
    }
    if base.contains('_') {
        let parts: Option<String> = base.split('_').map(glyph_name_to_unicode).collect();
        return parts;
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| {
                    std::str::from_utf8(c).ok().and_then(|s| u16::from_str_radix(s, 16).ok())
                })
                .collect();
            return Some(String::from_utf16_lossy(&units));
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32).map(String::from);
        }
    }
    glyph_name_to_char(base).map(String::from)
}

/// True for a name poppler takes as a sign that a font's numeric glyph
/// names are hexadecimal (`GfxFont.cc`, pass 1): `Axx` with `xx` two hex
/// digits, one of them a letter (`Cab`), or `xx` whose second digit is a
/// letter (`3F`), so `a0` and `a48` keep a font decimal.
pub fn looks_hex_glyph_name(name: &str) -> bool {
    match name.as_bytes() {
        [a, x, y] if a.is_ascii_alphabetic() => {
            x.is_ascii_hexdigit()
                && y.is_ascii_hexdigit()
                && (x.is_ascii_alphabetic() || y.is_ascii_alphabetic())
        }
        [x, y] => x.is_ascii_hexdigit() && y.is_ascii_hexdigit() && y.is_ascii_alphabetic(),
        _ => false,
    }
}

/// The number a glyph name stands for as poppler's `parseNumericName`
/// reads it: up to two leading letters are dropped and the rest is decimal
/// (`a48`, `g123`, `c65`), or, in a font whose names look hex, two hex
/// digits with at most one leading letter (`Cab`, `3F`). Trailing
/// punctuation is ignored.
pub fn numeric_glyph_value(name: &str, hex: bool) -> Option<u32> {
    let body = name.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
    let digits = if hex {
        match body.len() {
            3 if body.as_bytes()[0].is_ascii_alphabetic() => &body[1..],
            2 => body,
            _ => return None,
        }
    } else {
        let letters = body.bytes().take(2).take_while(u8::is_ascii_alphabetic).count();
        &body[letters..]
    };
    let radix = if hex { 16 } else { 10 };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u32::from_str_radix(digits, radix).ok()
}

/// The text of a numeric glyph name ([`numeric_glyph_value`]); code points
/// that are controls give nothing.
pub fn numeric_glyph_name(name: &str, hex: bool) -> Option<String> {
    let value = numeric_glyph_value(name, hex)?;
    char::from_u32(value).filter(|c| !c.is_control()).map(String::from)
}

fn glyph_name_to_char(name: &str) -> Option<char> {
    GLYPH_NAMES
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name.as_bytes()))
        .ok()
        .map(|i| GLYPH_NAMES[i].1)
}

/// StandardEncoding above 0x7E: (code, glyph name).
const STANDARD_HIGH: &[(u8, &str)] = &[
    (0xA1, "exclamdown"),
    (0xA2, "cent"),
    (0xA3, "sterling"),
    (0xA4, "fraction"),
    (0xA5, "yen"),
    (0xA6, "florin"),
    (0xA7, "section"),
    (0xA8, "currency"),
    (0xA9, "quotesingle"),
    (0xAA, "quotedblleft"),
    (0xAB, "guillemotleft"),
    (0xAC, "guilsinglleft"),
    (0xAD, "guilsinglright"),
    (0xAE, "fi"),
    (0xAF, "fl"),
    (0xB1, "endash"),
    (0xB2, "dagger"),
    (0xB3, "daggerdbl"),
    (0xB4, "periodcentered"),
    (0xB6, "paragraph"),
    (0xB7, "bullet"),
    (0xB8, "quotesinglbase"),
    (0xB9, "quotedblbase"),
    (0xBA, "quotedblright"),
    (0xBB, "guillemotright"),
    (0xBC, "ellipsis"),
    (0xBD, "perthousand"),
    (0xBF, "questiondown"),
    (0xC1, "grave"),
    (0xC2, "acute"),
    (0xC3, "circumflex"),
    (0xC4, "tilde"),
    (0xC5, "macron"),
    (0xC6, "breve"),
    (0xC7, "dotaccent"),
    (0xC8, "dieresis"),
    (0xCA, "ring"),
    (0xCB, "cedilla"),
    (0xCD, "hungarumlaut"),
    (0xCE, "ogonek"),
    (0xCF, "caron"),
    (0xD0, "emdash"),
    (0xE1, "AE"),
    (0xE3, "ordfeminine"),
    (0xE8, "Lslash"),
    (0xE9, "Oslash"),
    (0xEA, "OE"),
    (0xEB, "ordmasculine"),
    (0xF1, "ae"),
    (0xF5, "dotlessi"),
    (0xF8, "lslash"),
    (0xF9, "oslash"),
    (0xFA, "oe"),
    (0xFB, "germandbls"),
];

/// PDFDocEncoding 0x18–0x1F (spacing accents).
const PDFDOC_18: [char; 8] = [
    '\u{02D8}', '\u{02C7}', '\u{02C6}', '\u{02D9}', '\u{02DD}', '\u{02DB}', '\u{02DA}', '\u{02DC}',
];

/// PDFDocEncoding 0x80–0xA0 (0x9F is undefined: mapped to U+FFFD).
const PDFDOC_80: [char; 33] = [
    '\u{2022}', '\u{2020}', '\u{2021}', '\u{2026}', '\u{2014}', '\u{2013}', '\u{0192}', '\u{2044}',
    '\u{2039}', '\u{203A}', '\u{2212}', '\u{2030}', '\u{201E}', '\u{201C}', '\u{201D}', '\u{2018}',
    '\u{2019}', '\u{201A}', '\u{2122}', '\u{FB01}', '\u{FB02}', '\u{0141}', '\u{0152}', '\u{0160}',
    '\u{0178}', '\u{017D}', '\u{0131}', '\u{0142}', '\u{0153}', '\u{0161}', '\u{017E}', '\u{FFFD}',
    '\u{20AC}',
];

/// Adobe Glyph List names common in Latin text fonts, sorted by name (byte order).
const GLYPH_NAMES: &[(&str, char)] = &[
    ("A", '\u{0041}'),
    ("AE", '\u{00C6}'),
    ("Aacute", '\u{00C1}'),
    ("Acircumflex", '\u{00C2}'),
    ("Adieresis", '\u{00C4}'),
    ("Agrave", '\u{00C0}'),
    ("Alpha", '\u{0391}'),
    ("Aogonek", '\u{0104}'),
    ("Aring", '\u{00C5}'),
    ("Atilde", '\u{00C3}'),
    ("B", '\u{0042}'),
    ("Beta", '\u{0392}'),
    ("C", '\u{0043}'),
    ("Cacute", '\u{0106}'),
    ("Ccaron", '\u{010C}'),
    ("Ccedilla", '\u{00C7}'),
    ("D", '\u{0044}'),
    ("Dcaron", '\u{010E}'),
    ("Delta", '\u{2206}'),
    ("E", '\u{0045}'),
    ("Eacute", '\u{00C9}'),
    ("Ecaron", '\u{011A}'),
    ("Ecircumflex", '\u{00CA}'),
    ("Edieresis", '\u{00CB}'),
    ("Egrave", '\u{00C8}'),
    ("Eogonek", '\u{0118}'),
    ("Eth", '\u{00D0}'),
    ("Euro", '\u{20AC}'),
    ("F", '\u{0046}'),
    ("G", '\u{0047}'),
    ("Gamma", '\u{0393}'),
    ("Gbreve", '\u{011E}'),
    ("H", '\u{0048}'),
    ("I", '\u{0049}'),
    ("Iacute", '\u{00CD}'),
    ("Icircumflex", '\u{00CE}'),
    ("Idieresis", '\u{00CF}'),
    ("Idotaccent", '\u{0130}'),
    ("Igrave", '\u{00CC}'),
    ("J", '\u{004A}'),
    ("K", '\u{004B}'),
    ("L", '\u{004C}'),
    ("Lambda", '\u{039B}'),
    ("Lslash", '\u{0141}'),
    ("M", '\u{004D}'),
    ("N", '\u{004E}'),
    ("Nacute", '\u{0143}'),
    ("Ncaron", '\u{0147}'),
    ("Ntilde", '\u{00D1}'),
    ("O", '\u{004F}'),
    ("OE", '\u{0152}'),
    ("Oacute", '\u{00D3}'),
    ("Ocircumflex", '\u{00D4}'),
    ("Odieresis", '\u{00D6}'),
    ("Ograve", '\u{00D2}'),
    ("Omega", '\u{03A9}'),
    ("Oslash", '\u{00D8}'),
    ("Otilde", '\u{00D5}'),
    ("P", '\u{0050}'),
    ("Phi", '\u{03A6}'),
    ("Pi", '\u{03A0}'),
    ("Psi", '\u{03A8}'),
    ("Q", '\u{0051}'),
    ("R", '\u{0052}'),
    ("Rcaron", '\u{0158}'),
    ("S", '\u{0053}'),
    ("Sacute", '\u{015A}'),
    ("Scaron", '\u{0160}'),
    ("Scedilla", '\u{015E}'),
    ("Sigma", '\u{03A3}'),
    ("T", '\u{0054}'),
    ("Tcaron", '\u{0164}'),
    ("Theta", '\u{0398}'),
    ("Thorn", '\u{00DE}'),
    ("U", '\u{0055}'),
    ("Uacute", '\u{00DA}'),
    ("Ucircumflex", '\u{00DB}'),
    ("Udieresis", '\u{00DC}'),
    ("Ugrave", '\u{00D9}'),
    ("Uring", '\u{016E}'),
    ("V", '\u{0056}'),
    ("W", '\u{0057}'),
    ("X", '\u{0058}'),
    ("Y", '\u{0059}'),
    ("Yacute", '\u{00DD}'),
    ("Ydieresis", '\u{0178}'),
    ("Z", '\u{005A}'),
    ("Zacute", '\u{0179}'),
    ("Zcaron", '\u{017D}'),
    ("Zdotaccent", '\u{017B}'),
    ("a", '\u{0061}'),
    ("aacute", '\u{00E1}'),
    ("acircumflex", '\u{00E2}'),
    ("acute", '\u{00B4}'),
    ("adieresis", '\u{00E4}'),
    ("ae", '\u{00E6}'),
    ("afii10017", '\u{0410}'),
    ("afii61664", '\u{200C}'),
    ("agrave", '\u{00E0}'),
    ("alpha", '\u{03B1}'),
    ("ampersand", '\u{0026}'),
    ("aogonek", '\u{0105}'),
    ("approxequal", '\u{2248}'),
    ("aring", '\u{00E5}'),
    ("arrowdown", '\u{2193}'),
    ("arrowleft", '\u{2190}'),
    ("arrowright", '\u{2192}'),
    ("arrowup", '\u{2191}'),
    ("asciicircum", '\u{005E}'),
    ("asciitilde", '\u{007E}'),
    ("asterisk", '\u{002A}'),
    ("at", '\u{0040}'),
    ("atilde", '\u{00E3}'),
    ("b", '\u{0062}'),
    ("backslash", '\u{005C}'),
    ("bar", '\u{007C}'),
    ("beta", '\u{03B2}'),
    ("braceleft", '\u{007B}'),
    ("braceright", '\u{007D}'),
    ("bracketleft", '\u{005B}'),
    ("bracketright", '\u{005D}'),
    ("breve", '\u{02D8}'),
    ("brokenbar", '\u{00A6}'),
    ("bullet", '\u{2022}'),
    ("c", '\u{0063}'),
    ("cacute", '\u{0107}'),
    ("caron", '\u{02C7}'),
    ("ccaron", '\u{010D}'),
    ("ccedilla", '\u{00E7}'),
    ("cedilla", '\u{00B8}'),
    ("cent", '\u{00A2}'),
    ("checkmark", '\u{2713}'),
    ("chi", '\u{03C7}'),
    ("circle", '\u{25CB}'),
    ("circumflex", '\u{02C6}'),
    ("colon", '\u{003A}'),
    ("comma", '\u{002C}'),
    ("copyright", '\u{00A9}'),
    ("currency", '\u{00A4}'),
    ("d", '\u{0064}'),
    ("dagger", '\u{2020}'),
    ("daggerdbl", '\u{2021}'),
    ("dcaron", '\u{010F}'),
    ("degree", '\u{00B0}'),
    ("delta", '\u{03B4}'),
    ("dieresis", '\u{00A8}'),
    ("divide", '\u{00F7}'),
    ("dollar", '\u{0024}'),
    ("dotaccent", '\u{02D9}'),
    ("dotlessi", '\u{0131}'),
    ("e", '\u{0065}'),
    ("eacute", '\u{00E9}'),
    ("ecaron", '\u{011B}'),
    ("ecircumflex", '\u{00EA}'),
    ("edieresis", '\u{00EB}'),
    ("egrave", '\u{00E8}'),
    ("eight", '\u{0038}'),
    ("ellipsis", '\u{2026}'),
    ("emdash", '\u{2014}'),
    ("endash", '\u{2013}'),
    ("eogonek", '\u{0119}'),
    ("epsilon", '\u{03B5}'),
    ("equal", '\u{003D}'),
    ("eta", '\u{03B7}'),
    ("eth", '\u{00F0}'),
    ("exclam", '\u{0021}'),
    ("exclamdown", '\u{00A1}'),
    ("f", '\u{0066}'),
    ("ff", '\u{FB00}'),
    ("ffi", '\u{FB03}'),
    ("ffl", '\u{FB04}'),
    ("fi", '\u{FB01}'),
    ("figuredash", '\u{2012}'),
    ("filledbox", '\u{25A0}'),
    ("five", '\u{0035}'),
    ("fl", '\u{FB02}'),
    ("florin", '\u{0192}'),
    ("four", '\u{0034}'),
    ("fraction", '\u{2044}'),
    ("g", '\u{0067}'),
    ("gamma", '\u{03B3}'),
    ("gbreve", '\u{011F}'),
    ("germandbls", '\u{00DF}'),
    ("grave", '\u{0060}'),
    ("greater", '\u{003E}'),
    ("greaterequal", '\u{2265}'),
    ("guillemotleft", '\u{00AB}'),
    ("guillemotright", '\u{00BB}'),
    ("guilsinglleft", '\u{2039}'),
    ("guilsinglright", '\u{203A}'),
    ("h", '\u{0068}'),
    ("hungarumlaut", '\u{02DD}'),
    ("hyphen", '\u{002D}'),
    ("i", '\u{0069}'),
    ("iacute", '\u{00ED}'),
    ("icircumflex", '\u{00EE}'),
    ("idieresis", '\u{00EF}'),
    ("igrave", '\u{00EC}'),
    ("infinity", '\u{221E}'),
    ("integral", '\u{222B}'),
    ("iota", '\u{03B9}'),
    ("j", '\u{006A}'),
    ("k", '\u{006B}'),
    ("kappa", '\u{03BA}'),
    ("l", '\u{006C}'),
    ("lambda", '\u{03BB}'),
    ("less", '\u{003C}'),
    ("lessequal", '\u{2264}'),
    ("logicalnot", '\u{00AC}'),
    ("lozenge", '\u{25CA}'),
    ("lslash", '\u{0142}'),
    ("m", '\u{006D}'),
    ("macron", '\u{00AF}'),
    ("middot", '\u{00B7}'),
    ("minus", '\u{2212}'),
    ("mu", '\u{00B5}'),
    ("multiply", '\u{00D7}'),
    ("n", '\u{006E}'),
    ("nacute", '\u{0144}'),
    ("nbspace", '\u{00A0}'),
    ("ncaron", '\u{0148}'),
    ("nine", '\u{0039}'),
    ("notequal", '\u{2260}'),
    ("ntilde", '\u{00F1}'),
    ("nu", '\u{03BD}'),
    ("numbersign", '\u{0023}'),
    ("o", '\u{006F}'),
    ("oacute", '\u{00F3}'),
    ("ocircumflex", '\u{00F4}'),
    ("odieresis", '\u{00F6}'),
    ("oe", '\u{0153}'),
    ("ogonek", '\u{02DB}'),
    ("ograve", '\u{00F2}'),
    ("omega", '\u{03C9}'),
    ("omicron", '\u{03BF}'),
    ("one", '\u{0031}'),
    ("onedotenleader", '\u{2024}'),
    ("onehalf", '\u{00BD}'),
    ("onequarter", '\u{00BC}'),
    ("onesuperior", '\u{00B9}'),
    ("ordfeminine", '\u{00AA}'),
    ("ordmasculine", '\u{00BA}'),
    ("oslash", '\u{00F8}'),
    ("otilde", '\u{00F5}'),
    ("p", '\u{0070}'),
    ("paragraph", '\u{00B6}'),
    ("parenleft", '\u{0028}'),
    ("parenright", '\u{0029}'),
    ("partialdiff", '\u{2202}'),
    ("percent", '\u{0025}'),
    ("period", '\u{002E}'),
    ("periodcentered", '\u{00B7}'),
    ("perthousand", '\u{2030}'),
    ("phi", '\u{03C6}'),
    ("pi", '\u{03C0}'),
    ("plus", '\u{002B}'),
    ("plusminus", '\u{00B1}'),
    ("product", '\u{220F}'),
    ("psi", '\u{03C8}'),
    ("q", '\u{0071}'),
    ("question", '\u{003F}'),
    ("questiondown", '\u{00BF}'),
    ("quotedbl", '\u{0022}'),
    ("quotedblbase", '\u{201E}'),
    ("quotedblleft", '\u{201C}'),
    ("quotedblright", '\u{201D}'),
    ("quoteleft", '\u{2018}'),
    ("quotereversed", '\u{201B}'),
    ("quoteright", '\u{2019}'),
    ("quotesinglbase", '\u{201A}'),
    ("quotesingle", '\u{0027}'),
    ("r", '\u{0072}'),
    ("radical", '\u{221A}'),
    ("rcaron", '\u{0159}'),
    ("registered", '\u{00AE}'),
    ("rho", '\u{03C1}'),
    ("ring", '\u{02DA}'),
    ("s", '\u{0073}'),
    ("sacute", '\u{015B}'),
    ("scaron", '\u{0161}'),
    ("scedilla", '\u{015F}'),
    ("section", '\u{00A7}'),
    ("semicolon", '\u{003B}'),
    ("seven", '\u{0037}'),
    ("sfthyphen", '\u{00AD}'),
    ("sigma", '\u{03C3}'),
    ("six", '\u{0036}'),
    ("slash", '\u{002F}'),
    ("space", '\u{0020}'),
    ("sterling", '\u{00A3}'),
    ("summation", '\u{2211}'),
    ("t", '\u{0074}'),
    ("tau", '\u{03C4}'),
    ("tcaron", '\u{0165}'),
    ("theta", '\u{03B8}'),
    ("thorn", '\u{00FE}'),
    ("three", '\u{0033}'),
    ("threequarters", '\u{00BE}'),
    ("threesuperior", '\u{00B3}'),
    ("tilde", '\u{02DC}'),
    ("trademark", '\u{2122}'),
    ("triagup", '\u{25B2}'),
    ("two", '\u{0032}'),
    ("twodotenleader", '\u{2025}'),
    ("twosuperior", '\u{00B2}'),
    ("u", '\u{0075}'),
    ("uacute", '\u{00FA}'),
    ("ucircumflex", '\u{00FB}'),
    ("udieresis", '\u{00FC}'),
    ("ugrave", '\u{00F9}'),
    ("underscore", '\u{005F}'),
    ("underscoredbl", '\u{2017}'),
    ("uni00A0", '\u{00A0}'),
    ("upsilon", '\u{03C5}'),
    ("uring", '\u{016F}'),
    ("v", '\u{0076}'),
    ("w", '\u{0077}'),
    ("x", '\u{0078}'),
    ("xi", '\u{03BE}'),
    ("y", '\u{0079}'),
    ("yacute", '\u{00FD}'),
    ("ydieresis", '\u{00FF}'),
    ("yen", '\u{00A5}'),
    ("z", '\u{007A}'),
    ("zacute", '\u{017A}'),
    ("zcaron", '\u{017E}'),
    ("zdotaccent", '\u{017C}'),
    ("zero", '\u{0030}'),
    ("zeta", '\u{03B6}'),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names_are_sorted_for_binary_search() {
        assert!(GLYPH_NAMES.windows(2).all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()));
    }

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_unicode("A").as_deref(), Some("A"));
        assert_eq!(glyph_name_to_unicode("zero").as_deref(), Some("0"));
        assert_eq!(glyph_name_to_unicode("uni9879").as_deref(), Some("项"));
        assert_eq!(glyph_name_to_unicode("uni00660069").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_unicode("u1F600").as_deref(), Some("\u{1F600}"));
        assert_eq!(glyph_name_to_unicode("percent.alt").as_deref(), Some("%"));
        assert_eq!(glyph_name_to_unicode("f_i").as_deref(), Some("fi"));
        assert_eq!(glyph_name_to_unicode("g123"), None);
        assert_eq!(glyph_name_to_unicode(""), None);
    }

    #[test]
    fn base_encodings() {
        assert_eq!(BaseEncoding::WinAnsi.decode(0x80), Some('€'));
        assert_eq!(BaseEncoding::WinAnsi.decode(b'A'), Some('A'));
        assert_eq!(BaseEncoding::MacRoman.decode(0xA5), Some('•'));
        assert_eq!(BaseEncoding::Standard.decode(0x27), Some('’'));
        assert_eq!(BaseEncoding::Standard.decode(0xAE), Some('ﬁ'));
        assert_eq!(BaseEncoding::PdfDoc.decode(0xA0), Some('€'));
        assert_eq!(BaseEncoding::PdfDoc.decode(0xE9), Some('é'));
        assert_eq!(BaseEncoding::from_name(b"WinAnsiEncoding"), Some(BaseEncoding::WinAnsi));
    }

    #[test]
    fn numeric_glyph_names_as_poppler() {
        assert_eq!(numeric_glyph_name("a48", false).as_deref(), Some("0"));
        assert_eq!(numeric_glyph_name("a52", false).as_deref(), Some("4"));
        assert_eq!(numeric_glyph_name("g123", false).as_deref(), Some("{"));
        assert_eq!(numeric_glyph_name("cid123", false), None);
        assert_eq!(numeric_glyph_name("65", false).as_deref(), Some("A"));
        assert_eq!(numeric_glyph_name("a0", false), None);
        assert_eq!(numeric_glyph_name("Cab", true).as_deref(), Some("\u{AB}"));
        assert_eq!(numeric_glyph_name("3F", true).as_deref(), Some("?"));
        assert_eq!(numeric_glyph_name("a123", true), None);
        assert!(looks_hex_glyph_name("Cab") && looks_hex_glyph_name("3F"));
        assert!(!looks_hex_glyph_name("a48") && !looks_hex_glyph_name("g12"));
        // Only the second of two characters counts: a0 is decimal (poppler).
        assert!(!looks_hex_glyph_name("a0") && looks_hex_glyph_name("0a"));
    }
}
