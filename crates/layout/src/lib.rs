//! Layout: the first layer of jixiao. It takes a published 绩效自评表 file,
//! either a PDF or a text layout (one printed row per line, cells separated by
//! tabs), and gives a page-ordered stream of table [`Row`]s, each a list of
//! [`Cell`]s with their column, spans, page and (for PDF) bounding box.
//!
//! # Brief overview
//! - [`Glyph`] and [`Ruling`]: what the PDF content interpreter sees on a page
//!   (positioned characters and table border lines), in PDF points with the
//!   origin at the top left of the page.
//! - [`Row`] and [`Cell`]: the seam every front end produces. Nothing after
//!   layout knows which front end ran.
//! - [`pdf_to_rows`]: the PDF front end, in four module families:
//!   [`pdf`] (lopdf loading, page tree, /Rotate, CropBox, limits),
//!   [`content`] (the content-stream interpreter writing into a sink),
//!   [`font`] (encodings, ToUnicode, predefined CJK CMaps, embedded cmaps)
//!   and [`grid`] (rulings and glyphs → rows: lattice, stream fallback).
//! - [`text::text_to_rows`]: the text front end.
//! - [`office::office_to_rows`]: spreadsheets, Word documents and HTML
//!   pages, whose structure is declared ([`office`]); [`detect::detect`]
//!   tells which front end a file needs from its bytes.
//!
//! This crate does not know forms: it never looks at what a cell says, beyond
//! telling title lines from table rows. It does not render, run Type 3 glyph
//! procedures, OCR image-only pages (they are reported as having no text
//! layer) or honour clipping paths.
//!
//! # Example
//! ```
//! use jixiao_layout::text::text_to_rows;
//! let rows = text_to_rows("项目名称\t\t新疆支青稳定专项经费\n\t年度资金总额:\t103.15\n");
//! assert_eq!(rows.len(), 2);
//! assert_eq!(rows[0].cells[2].text, "新疆支青稳定专项经费");
//! assert_eq!(rows[1].cells[1].col, 1);
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod content;
pub mod detect;
mod error;
pub mod font;
pub mod geometry;
pub mod grid;
pub mod office;
pub mod pdf;
pub mod text;
mod warning;

pub use error::{Error, ErrorKind};
pub use warning::{FontProblem, Warning, WarningKind};

/// A document read into rows: the seam the table crate takes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Document {
    /// Rows of every page, in page order.
    pub rows: Vec<Row>,
    /// Number of pages (of sheets, for a workbook; 1 for Word and HTML).
    pub pages: usize,
    /// What the interpreter recovered from, and pages skipped for having no
    /// text layer, each naming its page.
    pub warnings: Vec<Warning>,
}

/// Reads a PDF into rows: every page interpreted, its rulings and glyphs
/// turned into table rows and free text lines.
///
/// A document whose pages all lack text (image-only scans) is an
/// [`Error::NoTextLayer`] naming them; in a document that has text, pages
/// without it are skipped with a warning.
pub fn pdf_to_rows(
    bytes: &[u8],
    pdf_settings: &pdf::PdfSettings,
    lattice: &grid::LatticeSettings,
) -> Result<Document, Error> {
    // Each page becomes rows as soon as it is read: its glyphs are dropped
    // before the next page is interpreted.
    let pages = pdf::pdf_to_each_page(bytes, pdf_settings, |page| {
        let rows = if has_text(&page) { Some(grid::page_to_rows(&page, lattice)) } else { None };
        (page.number, rows, page.warnings, page.has_images)
    })?;
    if pages.iter().all(|p| p.1.is_none()) {
        // Without text, a page that paints an image is a scan; one that
        // paints nothing and warned is damage (a file cut off), not a scan.
        let scanned = pages.iter().any(|p| p.3);
        let damage = pages.iter().flat_map(|p| p.2.iter()).next();
        if let (false, Some(why)) = (scanned, damage) {
            return Err(Error::Load(format!("no readable page content: {why}")));
        }
        return Err(Error::NoTextLayer { pages: pages.iter().map(|p| p.0).collect() });
    }
    let mut doc = Document { pages: pages.len(), ..Document::default() };
    for (number, rows, warnings, _) in pages {
        doc.warnings.extend(warnings);
        match rows {
            Some(rows) => doc.rows.extend(rows),
            None => doc.warnings.push(Warning::on(number, WarningKind::NoTextLayer)),
        }
    }
    Ok(doc)
}

/// Every intermediate of the grid builder for every page (merged rulings,
/// intersections, cells, tables, assigned text), for `jixiao tables --debug`.
pub fn pdf_to_debug(
    bytes: &[u8],
    pdf_settings: &pdf::PdfSettings,
    lattice: &grid::LatticeSettings,
) -> Result<Vec<grid::GridDebug>, Error> {
    let pages = pdf::pdf_to_pages(bytes, pdf_settings)?;
    Ok(pages.iter().map(|p| grid::page_to_debug(p, lattice)).collect())
}

fn has_text(page: &Page) -> bool {
    page.glyphs.iter().any(|g| !g.text.trim().is_empty())
}

use serde::Serialize;

/// An axis-aligned box in PDF points, origin at the top left of its page
/// (y grows downwards).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct BBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl BBox {
    /// Width in points.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Height in points.
    pub fn height(&self) -> f64 {
        self.bottom - self.top
    }
    /// Horizontal centre.
    pub fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// Vertical centre.
    pub fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
    /// `[x0, top, x1, bottom]` rounded to 0.01 point, as grids print boxes
    /// (SCHEMA.md §2).
    pub fn rounded(&self) -> [f64; 4] {
        [self.x0, self.top, self.x1, self.bottom].map(|v| (v * 100.0).round() / 100.0)
    }
    /// The smallest box holding both.
    pub fn union(&self, other: &BBox) -> BBox {
        BBox {
            x0: self.x0.min(other.x0),
            top: self.top.min(other.top),
            x1: self.x1.max(other.x1),
            bottom: self.bottom.max(other.bottom),
        }
    }
}

/// One character drawn on a page, after font decoding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Glyph {
    /// The Unicode text of the glyph (usually one char; ligatures may give more).
    pub text: String,
    /// Where it is drawn, in page points, origin top left (after /Rotate).
    pub bbox: BBox,
    /// Effective font size in points (text matrix and CTM applied).
    pub font_size: f64,
    /// 1-based page number.
    pub page: u32,
    /// y of the glyph's origin in page points: the baseline of upright text.
    /// Glyphs of different fonts on one baseline share it, while their boxes
    /// differ by the fonts' ascents.
    pub baseline: f64,
}

/// Whether a ruling line runs across or down the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Orientation {
    /// A horizontal line: constant y.
    Horizontal,
    /// A vertical line: constant x.
    Vertical,
}

/// A table border: a stroked line or a thin filled rectangle, reduced to a
/// segment on one axis.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Ruling {
    /// Horizontal or vertical.
    pub orientation: Orientation,
    /// The constant coordinate: y for horizontal, x for vertical (points).
    pub pos: f64,
    /// Start of the segment along its axis (smaller coordinate).
    pub start: f64,
    /// End of the segment along its axis (larger coordinate).
    pub end: f64,
    /// 1-based page number.
    pub page: u32,
}

/// One cell of a table row, as a front end saw it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Cell {
    /// The cell's text. Wrapped lines inside a cell are joined with `\n`;
    /// text normalisation happens later.
    pub text: String,
    /// 0-based column. For PDF input this is the page-local grid column; for
    /// text input the tab index, which real dumps get wrong now and then.
    pub col: usize,
    /// Columns spanned (1 for an ordinary cell).
    pub colspan: usize,
    /// Rows spanned (1 for an ordinary cell). A merged cell appears once, in
    /// its first row.
    pub rowspan: usize,
    /// 1-based page number.
    pub page: u32,
    /// Where the cell is drawn, in page points (None for text input).
    pub bbox: Option<BBox>,
    /// The 1-based line of a text dump the cell was read from, or the
    /// 1-based row of its table in a spreadsheet, Word or HTML file (None
    /// for PDF input, whose cells have a `bbox`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// Where text that a repair joined into this cell was printed (the rest
    /// of a cell cut by a page break, a wrapped line): the cell's own
    /// [`Origin`] does not cover it. Empty unless a repair joined something.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<Origin>,
}

impl Cell {
    /// An ordinary 1×1 cell without geometry.
    pub fn plain(text: impl Into<String>, col: usize, page: u32) -> Cell {
        Cell {
            text: text.into(),
            col,
            colspan: 1,
            rowspan: 1,
            page,
            bbox: None,
            line: None,
            joined: Vec::new(),
        }
    }
    /// Where the cell itself was printed: its box (PDF) or its line and
    /// column; None for a cell made up without a source (tests).
    pub fn origin(&self) -> Option<Origin> {
        match (self.bbox, self.line) {
            (Some(b), _) => Some(Origin::Drawn { page: self.page, bbox: b.rounded() }),
            (None, Some(line)) => Some(Origin::Line { page: self.page, line, col: self.col }),
            (None, None) => None,
        }
    }
    /// Every place the cell's text was printed: its own origin, then what
    /// repairs joined into it.
    pub fn origins(&self) -> Vec<Origin> {
        self.origin().into_iter().chain(self.joined.iter().copied()).collect()
    }
    /// True when the cell holds nothing but whitespace.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Where a piece of text was printed: the provenance of a record field
/// (SCHEMA.md §1d). Serialised without a tag, as `{"page", "bbox"}` or
/// `{"page", "line", "col"}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Origin {
    /// A box on a PDF page.
    Drawn {
        /// 1-based page.
        page: u32,
        /// `[x0, top, x1, bottom]` in points, origin top left, rounded to
        /// 0.01 as the grid's cell boxes.
        bbox: [f64; 4],
    },
    /// A line of a text dump (or a row of an office file's table).
    Line {
        /// 1-based page (a text dump's pages are separated by blank lines;
        /// a workbook's are its sheets).
        page: u32,
        /// 1-based line of the dump, or row of the table.
        line: u32,
        /// 0-based column: the tab index, or the table column.
        col: usize,
    },
}

/// What kind of line a [`Row`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum RowKind {
    /// A row of a ruled (or aligned) table.
    Table,
    /// A line of free text outside any table: a title, the `(2024年度)` line,
    /// a page header or footer, a cover line. It has exactly one cell.
    Text,
}

/// What a row's positions rest on. Stages after layout may use measured
/// geometry as extra evidence (a row cut by a page break sits at the page's
/// top, text overflowing a cell lies just below it); declared positions
/// are all a file of that kind has, and nothing is inferred from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Geometry {
    /// Measured on a drawn page: cells and rows carry boxes in page
    /// points, columns come from rulings or shared word edges (PDF).
    Measured,
    /// Declared by the file: tab stops of a text dump, the cell grid of a
    /// spreadsheet, a Word or an HTML table. No boxes.
    Declared,
}

/// One printed row, in page order. Rows of the same page share `page`; a
/// change of `page` between two rows is a page break.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    /// Table row or free text line.
    pub kind: RowKind,
    /// 1-based page number.
    pub page: u32,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// Where the row is drawn (None for text input).
    pub bbox: Option<BBox>,
    /// Whether the row's positions were measured or declared.
    pub geometry: Geometry,
}

impl Row {
    /// A free text line of a front end without geometry: one cell, on the
    /// cell's page.
    pub(crate) fn declared_line(cell: Cell) -> Row {
        Row {
            kind: RowKind::Text,
            page: cell.page,
            cells: vec![cell],
            bbox: None,
            geometry: Geometry::Declared,
        }
    }

    /// The non-blank cells, left to right.
    pub fn filled(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| !c.is_blank())
    }
    /// True when no cell holds any text.
    pub fn is_blank(&self) -> bool {
        self.filled().next().is_none()
    }
}

/// One interpreted PDF page: what the content interpreter found on it.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Page {
    /// 1-based page number.
    pub number: u32,
    /// Page width in points, after /Rotate.
    pub width: f64,
    /// Page height in points, after /Rotate.
    pub height: f64,
    /// Every glyph drawn, in content order (fake-bold duplicates included).
    pub glyphs: Vec<Glyph>,
    /// Every ruling line found (stroked segments, thin filled rectangles).
    pub rulings: Vec<Ruling>,
    /// True when the page paints at least one image.
    pub has_images: bool,
    /// Anomalies the interpreter recovered from (unknown operator, missing
    /// font, bad object): reported, never fatal. Each names this page.
    pub warnings: Vec<Warning>,
    /// Each font the page used, with its glyphs counted by where their text
    /// came from (`jixiao fonts`). Not part of the layout dumps.
    #[serde(skip)]
    pub fonts: Vec<crate::font::report::FontUsage>,
}
