//! `/ActualText` in marked content (ISO 32000-1, 14.9.4): the text a span
//! of glyphs stands for. Chromium, for one, draws 胶 with the glyph of 㬵
//! and says 胶 in an `/ActualText` span; poppler and MuPDF read the span's
//! text instead of its glyphs, and so does this reader.

use lopdf::{Dictionary, Document, Object};

use crate::pdf::obj;
use crate::{BBox, Glyph};

/// A `BDC` properties operand, as far as `/ActualText` is concerned.
#[derive(Clone, Debug, PartialEq)]
pub enum MarkedProps {
    /// An inline dictionary; its `/ActualText` string, if any.
    Inline(Option<Vec<u8>>),
    /// A name of the `/Properties` resource dictionary.
    Named(Vec<u8>),
}

/// An open span with `/ActualText`: its text and the glyphs it replaces.
#[derive(Debug)]
pub struct Span {
    text: String,
    glyphs: Vec<Glyph>,
}

/// The `/ActualText` of a `BDC`, looked up in `/Properties` when named.
pub fn actual_text(
    doc: &Document,
    props: &MarkedProps,
    resources: Option<&Dictionary>,
) -> Option<String> {
    let bytes = match props {
        MarkedProps::Inline(text) => text.clone()?,
        MarkedProps::Named(name) => {
            let table = obj::get_dict(doc, resources?, b"Properties")?;
            let dict = obj::get_dict(doc, table, name)?;
            match obj::get(doc, dict, b"ActualText")? {
                Object::String(s, _) => s.clone(),
                _ => return None,
            }
        }
    };
    Some(text_string(&bytes))
}

/// A PDF text string: UTF-16BE after its byte order mark, else
/// PDFDocEncoding (read as Latin-1, which it equals for the printable
/// characters forms use).
pub fn text_string(bytes: &[u8]) -> String {
    match bytes {
        [0xFE, 0xFF, rest @ ..] => {
            let units: Vec<u16> = rest
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        _ => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

impl Span {
    /// A span that will say `text`.
    pub fn new(text: String) -> Span {
        Span { text, glyphs: Vec::new() }
    }

    /// A glyph drawn inside the span, held until the span ends.
    pub fn push(&mut self, glyph: Glyph) {
        self.glyphs.push(glyph);
    }

    /// The glyphs that stand for the span: one per character of the text
    /// when the counts agree (positions kept glyph by glyph), else one
    /// glyph over all of them with the whole text. A span that drew
    /// nothing gives nothing: its text has no place on the page.
    pub fn finish(self) -> Vec<Glyph> {
        let chars: Vec<char> = self.text.chars().collect();
        if self.glyphs.is_empty() || chars.is_empty() {
            return Vec::new();
        }
        if chars.len() == self.glyphs.len() {
            return self
                .glyphs
                .into_iter()
                .zip(chars)
                .map(|(g, c)| Glyph { text: c.to_string(), ..g })
                .collect();
        }
        let first = &self.glyphs[0];
        let bbox = self.glyphs.iter().skip(1).fold(first.bbox, |b, g| BBox {
            x0: b.x0.min(g.bbox.x0),
            top: b.top.min(g.bbox.top),
            x1: b.x1.max(g.bbox.x1),
            bottom: b.bottom.max(g.bbox.bottom),
        });
        vec![Glyph { text: self.text, bbox, ..first.clone() }]
    }
}
