//! Review: the review pages of jixiao. Takes one file's reconstructed
//! forms, their records (with provenance, SCHEMA.md §1d) and audits, and
//! gives one self-contained HTML page: each form's pages as images
//! (rasterised here with hayro) with the reconstructed grid drawn over
//! them, the record's fields beside them linked to their boxes, each
//! finding marked on its cell, printed and rescored values side by side and
//! the repairs marked where they happened. A text dump's form shows its
//! grid as an HTML table instead. [`index_html`] lists the pages of a batch.
//!
//! # Brief overview
//! - [`FileReview`]: what one page is made from; [`file_to_html`] makes it.
//! - [`raster::pdf_to_images`]: PDF pages to grey PNG with hayro, with a
//!   system CJK font for non-embedded CJK fonts.
//! - [`IndexEntry`] and [`index_html`]: the batch's index page.
//!
//! Pages need no network: CSS, a little JS and the images are inline. This
//! crate does not read files or decide where pages go (the cli does), and
//! does not judge forms (the checks crate did). Where hayro cannot draw a
//! page (an encrypted file, no CJK font on the system) the grid is still
//! drawn, with the cell texts written in it.
//!
//! # Example
//! ```
//! use jixiao_layout::text::text_to_rows;
//! use jixiao_review::{file_to_html, FileReview, ReviewSettings};
//! let dump = "财政项目支出绩效自评表\n项目名称\t\t测试项目\n\
//!     一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
//!     产出指标\t数量指标\t培训人次\t≥300(人次)\t320(人次)\t10.00\t9.00\n";
//! let forms = jixiao_table::rows_to_forms(&text_to_rows(dump));
//! let mut record = jixiao_record::form_to_record(&forms[0]);
//! record.provenance = jixiao_record::form_to_provenance(&forms[0], &record);
//! let audit = jixiao_checks::audit(&record);
//! let review = FileReview { name: "a.txt", pdf: None, forms: &forms, records: &[record], audits: &[audit] };
//! let (html, entry) = file_to_html(&review, &ReviewSettings::default());
//! assert!(html.contains("<table class=\"grid\""));
//! assert!(html.contains("测试项目"));
//! assert_eq!(entry.forms.len(), 1);
//! assert!(entry.forms[0].warnings > 0, "9 of 10 without a reason: deviation_missing");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod html;
mod index;
mod places;
pub mod raster;
mod shell;

use jixiao_checks::{Audit, Severity};
use jixiao_record::FormRecord;
use jixiao_table::Form;

pub use index::{index_html, FormEntry, IndexEntry};

/// Why a page image could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// hayro could not load or draw the PDF, or the PNG could not be
    /// written.
    #[error("cannot render the page images: {0}")]
    Render(String),
}

/// How pages are drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReviewSettings {
    /// Pixels per PDF point of the page images; pages are shown at this
    /// size, one image pixel per CSS pixel. By default, 1.5.
    pub scale: f32,
}

impl Default for ReviewSettings {
    fn default() -> Self {
        ReviewSettings { scale: DEFAULT_SCALE }
    }
}

/// Image pixels per PDF point: 108 dpi, sharp enough to read 9-point CJK
/// text while an A4 page stays under 100 KB of grey PNG.
pub const DEFAULT_SCALE: f32 = 1.5;

/// What one review page is made of.
#[derive(Clone, Copy, Debug)]
pub struct FileReview<'a> {
    /// The input's name as shown (its path).
    pub name: &'a str,
    /// The PDF's bytes, for the page images; None for other inputs.
    pub pdf: Option<&'a [u8]>,
    /// The forms, as reconstructed.
    pub forms: &'a [Form],
    /// One record per form, with its provenance filled.
    pub records: &'a [FormRecord],
    /// One audit per record.
    pub audits: &'a [Audit],
}

/// The review page of one input, and its line of the index.
pub fn file_to_html(file: &FileReview<'_>, settings: &ReviewSettings) -> (String, IndexEntry) {
    let pages: Vec<u32> = file.forms.iter().flat_map(|f| f.pages.iter().copied()).collect();
    let (images, note) = match file.pdf {
        Some(bytes) => match raster::pdf_to_images(bytes, &dedup(pages), settings.scale) {
            Ok(images) => (images, None),
            Err(e) => (Vec::new(), Some(e.to_string())),
        },
        None => (Vec::new(), None),
    };
    let mut body = String::new();
    let mut entry = IndexEntry { file: file.name.to_string(), forms: Vec::new(), failed: None };
    for (k, ((form, record), audit)) in
        file.forms.iter().zip(file.records).zip(file.audits).enumerate()
    {
        html::form_section(&mut body, k, form, record, audit, &images, note.as_deref());
        entry.forms.push(FormEntry::of(record, audit));
    }
    (shell::document(file.name, &body, true), entry)
}

fn dedup(mut pages: Vec<u32>) -> Vec<u32> {
    pages.sort_unstable();
    pages.dedup();
    pages
}

/// Findings of one severity.
fn count(audit: &Audit, severity: Severity) -> usize {
    audit.checks.iter().filter(|c| c.severity == severity).count()
}
