//! Per page and font, how many glyphs were shown and where their text came
//! from (the tally behind `jixiao fonts`), and one warning per font whose
//! glyphs came out unknown.

use std::sync::Arc;

use super::Interpreter;
use crate::font::report::FontUsage;
use crate::font::{DecodedChar, Font};
use crate::WarningKind;

impl Interpreter<'_, '_> {
    /// Starts the tally of a font when a `Tf` first selects it on this page.
    /// A font given as a direct dictionary is loaded anew at each `Tf`: the
    /// same resource name and description continue its tally.
    pub(super) fn note_font(&mut self, resource: &[u8], font: &Arc<Font>) {
        let name = String::from_utf8_lossy(resource);
        let known = self
            .font_usage
            .iter_mut()
            .find(|(f, u)| Arc::ptr_eq(f, font) || (u.resource == name && u.info == font.info));
        match known {
            Some((f, _)) => *f = font.clone(),
            None => {
                let usage = FontUsage::new(name.into_owned(), font.info.clone());
                self.font_usage.push((font.clone(), usage));
            }
        }
    }

    /// Counts the glyphs of one shown string by the source of their text.
    pub(super) fn count_glyphs(&mut self, font: &Arc<Font>, chars: &[DecodedChar]) {
        let entry = match self.font_usage.iter().position(|(f, _)| Arc::ptr_eq(f, font)) {
            Some(i) => self.font_usage.get_mut(i),
            None => self.font_usage.iter_mut().find(|(_, u)| u.info == font.info),
        };
        if let Some((_, usage)) = entry {
            for ch in chars {
                usage.add(ch.source);
            }
        }
    }

    /// Hands the page's tallies to the sink, after one warning per font
    /// (by `/BaseFont`) whose glyphs came out unknown, so a reader who sees
    /// U+FFFD learns where and in which font.
    pub(super) fn report_fonts(&mut self) {
        let usage: Vec<FontUsage> =
            std::mem::take(&mut self.font_usage).into_iter().map(|(_, u)| u).collect();
        let mut unknown: Vec<(&str, usize)> = Vec::new();
        for u in usage.iter().filter(|u| u.unknown() > 0) {
            match unknown.iter_mut().find(|(f, _)| *f == u.info.base_font) {
                Some((_, n)) => *n += u.unknown(),
                None => unknown.push((&u.info.base_font, u.unknown())),
            }
        }
        let kinds: Vec<WarningKind> = unknown
            .into_iter()
            .map(|(font, count)| {
                let font = if font.is_empty() { "(without /BaseFont)" } else { font };
                WarningKind::UnknownGlyphs { font: font.to_string(), count }
            })
            .collect();
        for kind in kinds {
            self.warn(kind);
        }
        self.sink.font_usage(usage);
    }
}
