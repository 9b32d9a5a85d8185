//! [`Text`]: a form's normalised text together with where it was printed.
//!
//! The reconstructor reads every field out of cells; each value keeps the
//! [`Origin`]s of the cells it was read from, so a record can say where each
//! field came from (SCHEMA.md §1d) without searching the page for its text
//! afterwards. Values built from several cells (a label cut by a page
//! break, a goal text spread over a merged block) keep every origin.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use jixiao_layout::{Cell, Origin};
use serde::{Serialize, Serializer};

use crate::text::normalize;

/// A normalised text and the places it was printed. It reads as a `str`
/// (`Option<Text>::as_deref()` is an `Option<&str>`) and serialises as its
/// text alone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    /// The text, normalised (SCHEMA.md "Text normalisation").
    pub text: String,
    /// Where it was printed, in reading order; empty for text that has no
    /// source (made up in tests).
    pub at: Vec<Origin>,
}

impl Text {
    /// A text with its origins.
    pub fn new(text: impl Into<String>, at: Vec<Origin>) -> Text {
        Text { text: text.into(), at }
    }

    /// A cell's text, normalised, with the cell's origins.
    pub fn of(cell: &Cell) -> Text {
        Text { text: normalize(&cell.text), at: cell.origins() }
    }

    /// The cells' texts joined by `sep` and normalised, with all their
    /// origins.
    pub fn joined<'c, C: Borrow<Cell> + 'c>(
        cells: impl IntoIterator<Item = &'c C>,
        sep: &str,
    ) -> Text {
        let mut texts = Vec::new();
        let mut at = Vec::new();
        for c in cells {
            let c = c.borrow();
            texts.push(normalize(&c.text));
            at.extend(c.origins());
        }
        Text { text: normalize(&texts.join(sep)), at }
    }

    /// A text derived from this one (a part of it, a completed label),
    /// printed where this one was.
    pub fn derive(&self, text: impl Into<String>) -> Text {
        Text { text: text.into(), at: self.at.clone() }
    }

    /// This text followed by `more` on a new line (a fragment continuing
    /// it), normalised; the origins of both.
    pub fn append(&self, more: &Text) -> Text {
        let mut at = self.at.clone();
        at.extend(more.at.iter().copied());
        Text { text: normalize(&format!("{}\n{}", self.text, more.text)), at }
    }

    /// The text as a `str`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text { text: s.to_string(), at: Vec::new() }
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text { text, at: Vec::new() }
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// As its text: the grid and form dumps print texts, not origins.
impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

/// A repair the reconstructor made (a row joined over a page break, a
/// duplicate dropped), and where on the page it happened.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Repair {
    /// What kind of repair it was.
    pub kind: RepairKind,
    /// What was repaired, naming the texts and the page.
    pub message: String,
    /// The cells the repair touched (joined, dropped or completed); empty
    /// where it concerns no cell in particular.
    #[serde(skip)]
    pub at: Vec<Origin>,
}

/// The repairs the reconstructor makes, by what they do to the rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A header row a page reprinted was dropped.
    DroppedRepeatedHeader,
    /// A title line printed again was dropped.
    DroppedRepeatedTitle,
    /// A row cut by a page break was joined to the row above.
    JoinedCutRow,
    /// A cell's wrapped line, dumped as a row of its own, was joined back.
    JoinedWrappedLine,
    /// Text drawn past the bottom of a page's table was joined to its cell.
    JoinedOverflow,
    /// A merged cell drawn in two parts over a page break became one.
    MergedSpanOverBreak,
    /// A 一级/二级 label cut by a page break was completed by its fragment.
    CompletedLabel,
    /// A fragment cut by a page break was joined to the cell above.
    JoinedFragment,
    /// Level labels printed at the bottom of their merged cells were carried
    /// to the rows they head.
    CarriedLabels,
    /// A 一级 label was extended to the rows sharing its 二级 cell.
    ExtendedLabel,
    /// A placeholder row (……, 指标1:) was dropped.
    DroppedPlaceholder,
    /// A nameless row repeating the row above was dropped.
    DroppedDuplicateRow,
    /// A fragment nothing could take was dropped.
    DroppedFragment,
    /// A row no block or column could read was dropped.
    DroppedRow,
    /// Any other (from a message alone).
    #[default]
    Other,
}

impl Repair {
    /// A repair of the given cells' places.
    pub fn new(kind: RepairKind, message: String, at: Vec<Origin>) -> Repair {
        Repair { kind, message, at }
    }
    /// A repair of every filled cell of `row`.
    pub(crate) fn of_row(kind: RepairKind, message: String, row: &crate::row::Row) -> Repair {
        Repair { kind, message, at: row.filled().flat_map(|c| c.origins()).collect() }
    }
}

impl From<&str> for Repair {
    fn from(message: &str) -> Repair {
        Repair::from(message.to_string())
    }
}

impl From<String> for Repair {
    fn from(message: String) -> Repair {
        Repair { kind: RepairKind::Other, message, at: Vec::new() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_layout::text::text_to_rows;

    #[test]
    fn a_cell_keeps_its_line_and_column() {
        let rows = text_to_rows("标题\n项目名称\t测试 项目\n");
        let t = Text::of(&rows[1].cells[1]);
        assert_eq!(t, "测试项目");
        assert_eq!(t.at, [Origin::Line { page: 1, line: 2, col: 1 }]);
    }

    #[test]
    fn joined_and_appended_texts_keep_every_origin() {
        let rows = text_to_rows("甲\t乙\n丙\t\n");
        let t = Text::joined([&rows[0].cells[0], &rows[0].cells[1]], "");
        assert_eq!((t.as_str(), t.at.len()), ("甲乙", 2));
        let more = t.append(&Text::of(&rows[1].cells[0]));
        assert_eq!((more.as_str(), more.at.len()), ("甲乙丙", 3));
        assert_eq!(more.derive("甲").at, more.at);
    }
}
