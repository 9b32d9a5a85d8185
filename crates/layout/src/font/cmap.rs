//! Embedded CMap streams: ToUnicode maps (`bfchar`/`bfrange`) and embedded
//! encoding CMaps (`cidchar`/`cidrange`), with their codespace ranges.
//!
//! Ranges are kept as ranges, never expanded, so a hostile `bfrange` of
//! 2^32 codes costs one entry.

use std::collections::HashMap;

/// At most this many entries are read from one CMap stream; the rest is
/// ignored. Real ToUnicode maps of CJK subsets hold a few thousand.
const MAX_CMAP_ENTRIES: usize = 200_000;

/// The longest character code a CMap may define, in bytes (ISO 32000-1, 9.7.6.2).
const MAX_CODE_BYTES: usize = 4;

/// Longest destination string of a `bfchar`/`bfrange`, in bytes of
/// UTF-16BE: Adobe's CMap specification (technote 5411, 1.4.1) bounds a
/// dstString at 512 bytes. A longer one is not a character's text but a
/// hostile file's way to make each glyph print kilobytes; it is skipped.
const MAX_DST_BYTES: usize = 512;

/// One codespace range: codes of `len` bytes whose every byte lies between
/// the matching bytes of `low` and `high`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodespaceRange {
    /// Code length in bytes (1 to 4).
    pub len: usize,
    /// Lowest byte at each position.
    pub low: [u8; MAX_CODE_BYTES],
    /// Highest byte at each position.
    pub high: [u8; MAX_CODE_BYTES],
}

impl CodespaceRange {
    /// A range from its bounds as big-endian integers.
    pub fn new(len: usize, low: u32, high: u32) -> CodespaceRange {
        let len = len.clamp(1, MAX_CODE_BYTES);
        let mut lo = [0u8; MAX_CODE_BYTES];
        let mut hi = [0u8; MAX_CODE_BYTES];
        for i in 0..len {
            let shift = 8 * (len - 1 - i);
            lo[i] = (low >> shift) as u8;
            hi[i] = (high >> shift) as u8;
        }
        CodespaceRange { len, low: lo, high: hi }
    }

    fn matches(&self, bytes: &[u8]) -> bool {
        bytes.len() >= self.len
            && (0..self.len).all(|i| self.low[i] <= bytes[i] && bytes[i] <= self.high[i])
    }
}

/// Splits `bytes` into character codes by the codespace ranges: at each
/// position the shortest matching code wins. Bytes matching no range are
/// taken as one code of the shortest length the codespace knows (what
/// Acrobat and pdf.js do), so no byte is lost.
pub fn split_codes(ranges: &[CodespaceRange], bytes: &[u8]) -> Vec<(u32, usize)> {
    let mut out = Vec::with_capacity(bytes.len());
    let shortest = ranges.iter().map(|r| r.len).min().unwrap_or(1);
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let len = (1..=MAX_CODE_BYTES)
            .find(|&len| ranges.iter().any(|r| r.len == len && r.matches(rest)))
            .unwrap_or(shortest)
            .min(rest.len());
        out.push((be_value(&rest[..len]), len));
        i += len;
    }
    out
}

/// A big-endian byte string as an integer (at most 4 bytes count).
pub fn be_value(bytes: &[u8]) -> u32 {
    bytes.iter().take(MAX_CODE_BYTES).fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// Destination of a `bfrange`.
#[derive(Clone, Debug, PartialEq)]
enum RangeTarget {
    /// `<lo> <hi> <dst>`: the last UTF-16 unit of `dst` grows with the code.
    Offset(Vec<u16>),
    /// `<lo> <hi> [<d0> <d1> ...]`: one string per code.
    List(Vec<String>),
}

/// A parsed CMap stream.
#[derive(Clone, Debug, Default)]
pub struct CMap {
    /// The `/CMapName`, if given.
    pub name: Option<String>,
    /// The name of a CMap this one builds on (`usecmap`).
    pub use_cmap: Option<String>,
    /// True for `/WMode 1` (vertical writing).
    pub vertical: bool,
    /// The codespace ranges.
    pub codespace: Vec<CodespaceRange>,
    bf_chars: HashMap<u32, String>,
    bf_ranges: Vec<(u32, u32, RangeTarget)>,
    cid_chars: HashMap<u32, u32>,
    cid_ranges: Vec<(u32, u32, u32)>,
}

impl CMap {
    /// Parses a CMap stream. Never fails: what cannot be read is skipped.
    pub fn parse(data: &[u8]) -> CMap {
        let mut cmap = CMap::default();
        let mut tokens = Tokenizer { data, pos: 0 };
        let mut previous: Vec<Token> = Vec::new();
        let mut entries = 0usize;
        while let Some(token) = tokens.next() {
            let Token::Keyword(ref kw) = token else {
                previous.push(token);
                if previous.len() > 4 {
                    previous.remove(0);
                }
                continue;
            };
            match kw.as_str() {
                "begincodespacerange" => {
                    for pair in tokens.block(b"endcodespacerange").chunks(2) {
                        if let [Token::Hex(lo), Token::Hex(hi)] = pair {
                            if (1..=MAX_CODE_BYTES).contains(&lo.len()) && lo.len() == hi.len() {
                                cmap.codespace.push(CodespaceRange::new(
                                    lo.len(),
                                    be_value(lo),
                                    be_value(hi),
                                ));
                            }
                        }
                    }
                }
                "beginbfchar" => {
                    for pair in tokens.block(b"endbfchar").chunks(2) {
                        entries += 1;
                        if entries > MAX_CMAP_ENTRIES {
                            break;
                        }
                        if let [Token::Hex(src), dst] = pair {
                            if let Some(text) = dst.as_text() {
                                cmap.bf_chars.insert(be_value(src), text);
                            }
                        }
                    }
                }
                "beginbfrange" => {
                    let block = tokens.block(b"endbfrange");
                    for triple in block.chunks(3) {
                        entries += 1;
                        if entries > MAX_CMAP_ENTRIES {
                            break;
                        }
                        let [Token::Hex(lo), Token::Hex(hi), dst] = triple else { continue };
                        let (lo, hi) = (be_value(lo), be_value(hi));
                        if hi < lo {
                            continue;
                        }
                        let target = match dst {
                            Token::Hex(bytes) if bytes.len() > MAX_DST_BYTES => continue,
                            Token::Hex(bytes) => RangeTarget::Offset(utf16_units(bytes)),
                            Token::Array(items) => RangeTarget::List(
                                items.iter().map(|t| t.as_text().unwrap_or_default()).collect(),
                            ),
                            _ => continue,
                        };
                        cmap.bf_ranges.push((lo, hi, target));
                    }
                }
                "begincidchar" => {
                    for pair in tokens.block(b"endcidchar").chunks(2) {
                        entries += 1;
                        if entries > MAX_CMAP_ENTRIES {
                            break;
                        }
                        if let [Token::Hex(src), Token::Number(cid)] = pair {
                            cmap.cid_chars.insert(be_value(src), *cid as u32);
                        }
                    }
                }
                "begincidrange" => {
                    for triple in tokens.block(b"endcidrange").chunks(3) {
                        entries += 1;
                        if entries > MAX_CMAP_ENTRIES {
                            break;
                        }
                        if let [Token::Hex(lo), Token::Hex(hi), Token::Number(cid)] = triple {
                            let (lo, hi) = (be_value(lo), be_value(hi));
                            if lo <= hi {
                                cmap.cid_ranges.push((lo, hi, *cid as u32));
                            }
                        }
                    }
                }
                "usecmap" => {
                    if let Some(Token::Name(name)) = previous.last() {
                        cmap.use_cmap = Some(name.clone());
                    }
                }
                "def" => {
                    if let [.., Token::Name(key), value] = previous.as_slice() {
                        match (key.as_str(), value) {
                            ("WMode", Token::Number(mode)) => cmap.vertical = *mode == 1,
                            ("CMapName", Token::Name(name)) => cmap.name = Some(name.clone()),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
            previous.clear();
        }
        cmap.bf_ranges.sort_by_key(|r| r.0);
        cmap.cid_ranges.sort_by_key(|r| r.0);
        cmap
    }

    /// True when the CMap maps no code to text.
    pub fn has_unicode(&self) -> bool {
        !self.bf_chars.is_empty() || !self.bf_ranges.is_empty()
    }

    /// The text of a code, from `bfchar` or `bfrange`.
    pub fn lookup_unicode(&self, code: u32) -> Option<String> {
        if let Some(text) = self.bf_chars.get(&code) {
            return Some(text.clone());
        }
        // Later ranges may overlap earlier ones; the first one wins, as in pdf.js.
        let (lo, _, target) =
            self.bf_ranges.iter().find(|(lo, hi, _)| *lo <= code && code <= *hi)?;
        let offset = code - lo;
        match target {
            RangeTarget::Offset(units) => {
                let mut units = units.clone();
                let last = units.last_mut()?;
                *last = last.checked_add(u16::try_from(offset).ok()?)?;
                Some(String::from_utf16_lossy(&units))
            }
            RangeTarget::List(items) => items.get(offset as usize).cloned(),
        }
    }

    /// The CID of a code, from `cidchar` or `cidrange`.
    pub fn lookup_cid(&self, code: u32) -> Option<u32> {
        if let Some(cid) = self.cid_chars.get(&code) {
            return Some(*cid);
        }
        let (lo, _, cid) = self.cid_ranges.iter().find(|(lo, hi, _)| *lo <= code && code <= *hi)?;
        cid.checked_add(code - lo)
    }
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| match c {
            [hi, lo] => u16::from_be_bytes([*hi, *lo]),
            [b] => u16::from(*b),
            _ => 0,
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Hex(Vec<u8>),
    Number(i64),
    Name(String),
    Str(Vec<u8>),
    Array(Vec<Token>),
    Keyword(String),
}

impl Token {
    /// A `bfchar`/`bfrange` destination as text: UTF-16BE hex, or a glyph name.
    /// `None` past [`MAX_DST_BYTES`].
    fn as_text(&self) -> Option<String> {
        let text = match self {
            Token::Hex(bytes) | Token::Str(bytes) if bytes.len() <= MAX_DST_BYTES => {
                String::from_utf16_lossy(&utf16_units(bytes))
            }
            Token::Name(name) => super::encoding::glyph_name_to_unicode(name)?,
            _ => return None,
        };
        (text.encode_utf16().count() * 2 <= MAX_DST_BYTES).then_some(text)
    }
}

struct Tokenizer<'a> {
    data: &'a [u8],
    pos: usize,
}

/// Nesting bound for arrays inside a CMap (real ones nest once).
const MAX_ARRAY_DEPTH: usize = 4;

impl Tokenizer<'_> {
    /// Tokens up to the keyword `end` (consumed), or the end of data.
    fn block(&mut self, end: &[u8]) -> Vec<Token> {
        let mut out = Vec::new();
        while let Some(tok) = self.next() {
            if let Token::Keyword(ref kw) = tok {
                if kw.as_bytes() == end {
                    break;
                }
                // Another keyword inside a block: malformed; stop here.
                break;
            }
            out.push(tok);
        }
        out
    }

    fn next(&mut self) -> Option<Token> {
        self.next_at_depth(0)
    }

    fn next_at_depth(&mut self, depth: usize) -> Option<Token> {
        loop {
            let &b = self.data.get(self.pos)?;
            match b {
                b'%' => {
                    while self.pos < self.data.len()
                        && !matches!(self.data[self.pos], b'\n' | b'\r')
                    {
                        self.pos += 1;
                    }
                }
                b if b.is_ascii_whitespace() || b == 0 => self.pos += 1,
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    return Some(Token::Keyword("<<".into()));
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Some(Token::Keyword(">>".into()));
                }
                b'<' => {
                    self.pos += 1;
                    let mut digits = Vec::new();
                    while let Some(&c) = self.data.get(self.pos) {
                        self.pos += 1;
                        if c == b'>' {
                            break;
                        }
                        if let Some(d) = (c as char).to_digit(16) {
                            digits.push(d as u8);
                        }
                    }
                    if digits.len() % 2 == 1 {
                        digits.push(0);
                    }
                    return Some(Token::Hex(
                        digits.chunks(2).map(|p| (p[0] << 4) | p[1]).collect(),
                    ));
                }
                b'(' => {
                    self.pos += 1;
                    let mut out = Vec::new();
                    let mut level = 1;
                    while let Some(&c) = self.data.get(self.pos) {
                        self.pos += 1;
                        match c {
                            b'\\' => {
                                if let Some(&e) = self.data.get(self.pos) {
                                    self.pos += 1;
                                    out.push(match e {
                                        b'n' => b'\n',
                                        b'r' => b'\r',
                                        b't' => b'\t',
                                        other => other,
                                    });
                                }
                            }
                            b'(' => {
                                level += 1;
                                out.push(c);
                            }
                            b')' => {
                                level -= 1;
                                if level == 0 {
                                    break;
                                }
                                out.push(c);
                            }
                            _ => out.push(c),
                        }
                    }
                    return Some(Token::Str(out));
                }
                b'[' => {
                    self.pos += 1;
                    let mut items = Vec::new();
                    loop {
                        match self.data.get(self.pos) {
                            None => break,
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            Some(_) if depth >= MAX_ARRAY_DEPTH => self.pos += 1,
                            // Whitespace before `]` (Qt writes `[<6c88> <9633> ]`)
                            // reaches `]` only after skipping it, as a keyword:
                            // that keyword closes the array too, or the array
                            // would swallow every range after it.
                            Some(_) => match self.next_at_depth(depth + 1) {
                                Some(Token::Keyword(k)) if k == "]" => break,
                                Some(t) => items.push(t),
                                None => break,
                            },
                        }
                    }
                    return Some(Token::Array(items));
                }
                b']' | b'{' | b'}' | b'>' | b')' => {
                    self.pos += 1;
                    return Some(Token::Keyword((b as char).to_string()));
                }
                b'/' => {
                    self.pos += 1;
                    let start = self.pos;
                    while self.data.get(self.pos).is_some_and(|c| is_regular(*c)) {
                        self.pos += 1;
                    }
                    return Some(Token::Name(
                        String::from_utf8_lossy(&self.data[start..self.pos]).into_owned(),
                    ));
                }
                _ => {
                    let start = self.pos;
                    while self.data.get(self.pos).is_some_and(|c| is_regular(*c)) {
                        self.pos += 1;
                    }
                    if self.pos == start {
                        self.pos += 1;
                        continue;
                    }
                    let word = String::from_utf8_lossy(&self.data[start..self.pos]).into_owned();
                    return Some(match word.parse::<i64>() {
                        Ok(n) => Token::Number(n),
                        Err(_) => Token::Keyword(word),
                    });
                }
            }
        }
    }
}

fn is_regular(c: u8) -> bool {
    !c.is_ascii_whitespace() && !b"()<>[]{}/%".contains(&c) && c != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_longer_than_the_spec_allows_are_skipped() {
        let long = "0041".repeat(MAX_DST_BYTES / 2 + 1);
        let ok = "0041".repeat(MAX_DST_BYTES / 2);
        let data = format!(
            "1 begincodespacerange <00> <FF> endcodespacerange\n\
             2 beginbfchar <01> <{long}> <02> <{ok}> endbfchar\n\
             1 beginbfrange <10> <12> <{long}> endbfrange"
        );
        let cmap = CMap::parse(data.as_bytes());
        assert_eq!(cmap.lookup_unicode(1), None);
        assert_eq!(cmap.lookup_unicode(2).map(|t| t.len()), Some(MAX_DST_BYTES / 2));
        assert_eq!(cmap.lookup_unicode(0x11), None);
    }

    const TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<0010> <9879>
endbfchar
2 beginbfrange
<0020> <0022> <76EE>
<0030> <0031> [<540D> <79F0>]
endbfrange
1 beginbfchar
<0040> <D840DC00>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end";

    #[test]
    fn to_unicode_bfchar_and_bfrange() {
        let cmap = CMap::parse(TO_UNICODE);
        assert_eq!(cmap.name.as_deref(), Some("Adobe-Identity-UCS"));
        assert_eq!(cmap.codespace, vec![CodespaceRange::new(2, 0, 0xFFFF)]);
        assert_eq!(cmap.lookup_unicode(0x10).as_deref(), Some("项"));
        assert_eq!(cmap.lookup_unicode(0x03).as_deref(), Some(" "));
        // Offset form: 目 U+76EE, then U+76EF, U+76F0.
        assert_eq!(cmap.lookup_unicode(0x21).as_deref(), Some("\u{76EF}"));
        assert_eq!(cmap.lookup_unicode(0x22).as_deref(), Some("\u{76F0}"));
        // Array form.
        assert_eq!(cmap.lookup_unicode(0x31).as_deref(), Some("称"));
        // UTF-16 surrogate pair.
        assert_eq!(cmap.lookup_unicode(0x40).as_deref(), Some("\u{20000}"));
        assert_eq!(cmap.lookup_unicode(0x50), None);
    }

    #[test]
    fn multi_byte_codespace_splits_codes() {
        let cmap = CMap::parse(
            b"2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
             1 begincidrange <8140> <8142> 100 endcidrange 1 begincidchar <41> 34 endcidchar",
        );
        let codes = split_codes(&cmap.codespace, &[0x41, 0x81, 0x41, 0x42, 0x81, 0x42]);
        assert_eq!(codes, vec![(0x41, 1), (0x8141, 2), (0x42, 1), (0x8142, 2)]);
        assert_eq!(cmap.lookup_cid(0x8142), Some(102));
        assert_eq!(cmap.lookup_cid(0x41), Some(34));
        // A trailing lead byte alone still yields a code.
        assert_eq!(split_codes(&cmap.codespace, &[0x81]), vec![(0x81, 1)]);
    }

    #[test]
    fn garbage_and_huge_ranges_are_harmless() {
        let cmap =
            CMap::parse(b"1 beginbfrange <0000> <FFFFFFFF> <0041> endbfrange [[[[[[[[[[ <<< (((");
        assert_eq!(cmap.lookup_unicode(0x1).as_deref(), Some("B"));
        assert_eq!(cmap.lookup_unicode(0x10000), None);
        let _ = CMap::parse(&[0xFF; 64]);
        let _ = CMap::parse(b"");
    }

    #[test]
    fn wmode_and_usecmap() {
        let cmap = CMap::parse(b"/WMode 1 def /UniGB-UCS2-H usecmap");
        assert!(cmap.vertical);
        assert_eq!(cmap.use_cmap.as_deref(), Some("UniGB-UCS2-H"));
    }

    /// What Qt 5 (wkhtmltopdf) writes: array destinations with a space
    /// before `]`, and a new range where the high byte of the code changes.
    const QT_TO_UNICODE: &[u8] = b"/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfrange
<0000> <0000> <0000>
<00fe> <00ff> [<6c88> <9633> ]
<0100> <0102> [<548c> <5e73> <533a> ]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

    #[test]
    fn qt_array_ranges_past_0xff() {
        let cmap = CMap::parse(QT_TO_UNICODE);
        assert_eq!(cmap.lookup_unicode(0xFE).as_deref(), Some("沈"));
        assert_eq!(cmap.lookup_unicode(0xFF).as_deref(), Some("阳"));
        assert_eq!(cmap.lookup_unicode(0x100).as_deref(), Some("和"));
        assert_eq!(cmap.lookup_unicode(0x102).as_deref(), Some("区"));
        assert_eq!(cmap.lookup_unicode(0x103), None);
    }

    /// The ToUnicode CMap wkhtmltopdf 0.12.6 (Qt 5) wrote for 300 distinct
    /// ideographs U+4E00, U+4E07, … and 沈阳市和平区交通运输局 (WenQuanYi
    /// Micro Hei, Identity-H): codes 0x0001–0x00FF in one array range, the
    /// rest in a second one from 0x0100.
    #[test]
    fn wkhtmltopdf_cmap_decodes_both_ranges() {
        let cmap = CMap::parse(include_bytes!("testdata/wkhtmltopdf-0.12-qt5.cmap"));
        for code in 1..=300u32 {
            let expected = char::from_u32(0x4E00 + (code - 1) * 7).map(String::from);
            assert_eq!(cmap.lookup_unicode(code), expected, "code {code:#x}");
        }
        let tail: String = (301..=311).filter_map(|c| cmap.lookup_unicode(c)).collect();
        assert_eq!(tail, "沈阳市和平区交通运输局");
    }
}
