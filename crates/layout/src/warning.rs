//! What a front end recovered from, as typed values: the page it concerns
//! and what happened. Callers filter by page and kind; the text users read
//! (`source.warnings`) is their [`Display`](std::fmt::Display).

use std::fmt;

use serde::{Serialize, Serializer};

/// A recovered anomaly of one page (or sheet), or of the whole document.
#[derive(Clone, Debug, PartialEq)]
pub struct Warning {
    /// The 1-based page or sheet it concerns; `None` for the document.
    pub page: Option<u32>,
    /// What happened.
    pub kind: WarningKind,
}

/// What a [`Warning`] reports.
#[derive(Clone, Debug, PartialEq)]
pub enum WarningKind {
    /// The cross-reference table was unusable; objects were found by
    /// scanning the file (how lopdf recovered, as it names it).
    DamagedXref(String),
    /// No catalog or trailer (a file cut off); pages came from a page tree
    /// found by scanning.
    NoCatalog,
    /// More pages than `max_pages`: only the first were read.
    PageLimit {
        /// Pages in the document.
        pages: usize,
        /// Pages read.
        read: usize,
    },
    /// The interpreter panicked on the page, which was skipped.
    InterpreterPanic {
        /// The page object.
        object: (u32, u16),
    },
    /// A page-tree entry that is not a page dictionary.
    NotAPage {
        /// The object.
        object: (u32, u16),
    },
    /// The page's content streams cannot be read.
    ContentNotRead {
        /// The page object.
        object: (u32, u16),
        /// Why.
        error: String,
    },
    /// No usable /MediaBox: US Letter was assumed.
    NoMediaBox,
    /// A /Rotate that is not a multiple of 90, and the one used.
    OddRotate {
        /// As written.
        rotate: f64,
        /// Rounded to a quarter turn.
        used: f64,
    },
    /// The page paints no text (an image-only scan) and was skipped.
    NoTextLayer,
    /// Slanted text (a watermark?) left out of the table.
    SlantedText,
    /// Glyphs of a font that no ToUnicode entry, glyph name, encoding or
    /// font cmap maps to text, shown as U+FFFD.
    UnknownGlyphs {
        /// The font's /BaseFont.
        font: String,
        /// Glyphs on the page.
        count: usize,
    },
    /// The content stream cannot be parsed past some point.
    ContentUnreadable(String),
    /// `max_operators_per_page` was reached; the rest of the page was skipped.
    OperatorLimit(usize),
    /// An operator with unusable operands, skipped (the lexer's message).
    SkippedOperator(String),
    /// A `Tf` names a font the resources lack.
    FontNotFound(String),
    /// A font that loaded with a problem.
    Font {
        /// The font's /BaseFont.
        font: String,
        /// What was wrong.
        problem: FontProblem,
    },
    /// A `Do` names an XObject the resources lack.
    XObjectNotFound(String),
    /// An XObject entry that is not a stream.
    XObjectNotStream(String),
    /// Form XObjects nested deeper than `max_xobject_depth`.
    XObjectTooDeep {
        /// The resource name.
        name: String,
        /// The limit.
        depth: usize,
    },
    /// A form XObject that draws itself (directly or through others).
    XObjectDrawsItself((u32, u16)),
    /// A form XObject whose stream cannot be read.
    XObjectUnreadable {
        /// The resource name.
        name: String,
        /// Why.
        error: String,
    },
    /// An XObject of a subtype that draws nothing we read (PostScript).
    XObjectIgnored {
        /// The resource name.
        name: String,
        /// Its /Subtype.
        subtype: String,
    },
    /// The page's later warnings were dropped (a garbage stream).
    Suppressed,
    /// Filled cells of hidden rows or columns of a sheet, not read.
    HiddenCells {
        /// The sheet's name.
        sheet: String,
        /// Filled cells left out.
        cells: usize,
    },
}

/// A problem of one font's dictionary or programs.
#[derive(Clone, Debug, PartialEq)]
pub enum FontProblem {
    /// A stream of the font (`/ToUnicode`, an embedded CMap, `/FontFile2`)
    /// that cannot be decompressed.
    Unreadable {
        /// Which stream.
        stream: &'static str,
        /// Why.
        error: String,
    },
    /// An /Encoding naming a predefined CMap we do not know.
    UnknownCMap(String),
    /// A Type0 font without /Encoding: Identity-H is assumed.
    NoEncoding,
    /// A Type0 font without /DescendantFonts.
    NoDescendants,
    /// A simple font's /Encoding name we do not know.
    UnknownEncoding(String),
}

impl Warning {
    /// A warning of page `page`.
    pub fn on(page: u32, kind: WarningKind) -> Warning {
        Warning { page: Some(page), kind }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.kind, self.page) {
            (WarningKind::InterpreterPanic { object }, Some(p)) => {
                write!(
                    f,
                    "page {p} (object {} {}): interpreter panicked, page skipped",
                    object.0, object.1
                )
            }
            (WarningKind::ContentNotRead { object, error }, Some(p)) => {
                write!(f, "page {p} (object {} {}): content not read: {error}", object.0, object.1)
            }
            (WarningKind::HiddenCells { sheet, cells }, page) => write!(
                f,
                "sheet {} ({sheet}): {cells} filled cell(s) in hidden rows or columns not read \
                 (hidden lines are not printed)",
                page.unwrap_or(1)
            ),
            (kind, Some(p)) => write!(f, "page {p}: {kind}"),
            (kind, None) => write!(f, "{kind}"),
        }
    }
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use WarningKind as K;
        match self {
            K::DamagedXref(how) => write!(
                f,
                "damaged file: cross-reference table unusable ({how}); objects found by scanning"
            ),
            K::NoCatalog => write!(
                f,
                "damaged file: no catalog or trailer (cut off?); pages read from the page tree found by scanning"
            ),
            K::PageLimit { pages, read } => {
                write!(f, "document has {pages} pages; only the first {read} were read (max_pages)")
            }
            K::InterpreterPanic { object } => {
                write!(f, "(object {} {}): interpreter panicked, page skipped", object.0, object.1)
            }
            K::NotAPage { object } => {
                write!(f, "object {} {} is not a page dictionary", object.0, object.1)
            }
            K::ContentNotRead { object, error } => {
                write!(f, "(object {} {}): content not read: {error}", object.0, object.1)
            }
            K::NoMediaBox => write!(f, "no usable /MediaBox, assuming US Letter"),
            K::OddRotate { rotate, used } => {
                write!(f, "/Rotate {rotate} is not a multiple of 90, using {used}")
            }
            K::NoTextLayer => write!(f, "no text layer (image-only), skipped"),
            K::SlantedText => write!(f, "slanted text (a watermark?) left out of the table"),
            K::UnknownGlyphs { font, count } => write!(
                f,
                "font {font}: {count} glyph(s) with no known text (no ToUnicode entry, \
                 glyph name, encoding or font cmap maps them), shown as U+FFFD"
            ),
            K::ContentUnreadable(e) => write!(f, "content stream unreadable from here on: {e}"),
            K::OperatorLimit(n) => write!(f, "stopped after {n} operators (max_operators_per_page)"),
            K::SkippedOperator(e) => write!(f, "skipped {e}"),
            K::FontNotFound(name) => write!(f, "font resource /{name} not found"),
            K::Font { font, problem } => write!(f, "font {font}: {problem}"),
            K::XObjectNotFound(name) => write!(f, "XObject /{name} not found"),
            K::XObjectNotStream(name) => write!(f, "XObject /{name} is not a stream"),
            K::XObjectTooDeep { name, depth } => write!(
                f,
                "form XObject /{name} nested deeper than {depth} (max_xobject_depth), skipped"
            ),
            K::XObjectDrawsItself((n, g)) => write!(f, "form XObject {n} {g} draws itself, skipped"),
            K::XObjectUnreadable { name, error } => write!(f, "form XObject /{name}: {error}"),
            K::XObjectIgnored { name, subtype } => {
                write!(f, "XObject /{name} of subtype {subtype:?} ignored")
            }
            K::Suppressed => write!(f, "more warnings suppressed"),
            K::HiddenCells { sheet, cells } => write!(
                f,
                "sheet ({sheet}): {cells} filled cell(s) in hidden rows or columns not read"
            ),
        }
    }
}

impl fmt::Display for FontProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FontProblem::Unreadable { stream, error } => write!(f, "cannot read {stream}: {error}"),
            FontProblem::UnknownCMap(name) => write!(f, "unknown predefined CMap /{name}"),
            FontProblem::NoEncoding => {
                write!(f, "Type0 font without /Encoding, assuming Identity-H")
            }
            FontProblem::NoDescendants => write!(f, "Type0 font without /DescendantFonts"),
            FontProblem::UnknownEncoding(name) => write!(f, "unknown /Encoding /{name}"),
        }
    }
}

/// Serialised as the text users read, as `source.warnings` has it.
impl Serialize for Warning {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_warnings_name_their_page_first() {
        let w = Warning::on(3, WarningKind::FontNotFound("F9".into()));
        assert_eq!(w.to_string(), "page 3: font resource /F9 not found");
        let w = Warning::on(2, WarningKind::InterpreterPanic { object: (12, 0) });
        assert_eq!(w.to_string(), "page 2 (object 12 0): interpreter panicked, page skipped");
        let font = WarningKind::Font { font: "SimSun".into(), problem: FontProblem::NoDescendants };
        assert_eq!(
            Warning { page: None, kind: font }.to_string(),
            "font SimSun: Type0 font without /DescendantFonts"
        );
    }
}
