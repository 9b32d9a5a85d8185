//! Inputs: which files a path names, and a file's rows from the right front
//! end.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use jixiao_layout::pdf::PdfSettings;
use jixiao_layout::{Row, Warning};
use sha2::{Digest, Sha256};

use crate::manifest::{Failure, FailureKind};

/// File endings the front ends read (compared case-insensitively). The walk
/// of directories takes its filter from here, and only from here.
/// `doc` is listed so that an old Word file is reported as
/// `unsupported_format` instead of being skipped silently.
pub const INPUT_EXTENSIONS: &[&str] =
    &["pdf", "txt", "xlsx", "xlsm", "xlsb", "xls", "et", "ods", "docx", "doc", "html", "htm"];

/// One input file, read.
pub struct Loaded {
    /// The rows of every page.
    pub rows: Vec<Row>,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Whether page numbers are real (PDF pages, workbook sheets) rather
    /// than page-break counts (text) or nothing (Word, HTML).
    pub has_pages: bool,
    /// Interpreter warnings, with their page.
    pub warnings: Vec<Warning>,
    /// Pages read (PDF) or page breaks + 1 (text).
    pub pages: usize,
}

/// Expands directories (walked recursively, sorted, hidden entries and
/// symlink loops skipped) into the input files they hold.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    Ok(crate::walk::walk(paths, None)?.files)
}

/// True for the file endings the front ends read.
pub fn is_input(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| INPUT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Reads a file through the front end its content calls for
/// ([`jixiao_layout::detect::detect`]): PDF, a workbook (sheet numbers as
/// pages), Word or HTML; anything else is a text layout. The file name only
/// matters for a `.pdf` that is not one.
pub fn load(path: &Path) -> Result<Loaded> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    load_bytes(path, &bytes, sha256_hex(&bytes), &PdfSettings::default())
}

/// Like [`load`], on bytes already read (`path` names them in messages),
/// with the PDF reader's settings (password, pages, deadline, limits).
pub fn load_bytes(path: &Path, bytes: &[u8], sha256: String, pdf: &PdfSettings) -> Result<Loaded> {
    use jixiao_layout::detect::{detect, Format};
    let named_pdf =
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let format = detect(bytes);
    match format {
        Format::Pdf => return load_pdf(path, bytes, sha256, pdf),
        _ if named_pdf => {
            let why = format!(
                "{}: not a PDF: no %PDF- header in its {} bytes",
                path.display(),
                bytes.len()
            );
            return Err(Failure::new(FailureKind::Unreadable, why).into());
        }
        Format::Text => {}
        _ => {
            let doc = jixiao_layout::office::office_to_rows(bytes, format)
                .with_context(|| path.display().to_string())?;
            let has_pages = matches!(format, Format::Xlsx | Format::Xls | Format::Ods);
            return Ok(Loaded {
                rows: doc.rows,
                sha256,
                has_pages,
                warnings: doc.warnings,
                pages: doc.pages.max(1),
            });
        }
    }
    let Some(text) = jixiao_layout::text::decode_text(bytes) else {
        let why =
            format!("{}: neither a PDF nor a text layout (UTF-8, UTF-16 or GBK)", path.display());
        return Err(Failure::new(FailureKind::Unreadable, why).into());
    };
    let mut rows = jixiao_layout::text::text_to_rows(&text);
    if pdf.pages.is_some() {
        // A text dump's pages are its page breaks: the same selection applies.
        rows.retain(|r| pdf.wants_page(r.page));
    }
    let pages = rows.iter().map(|r| r.page as usize).max().unwrap_or(1);
    Ok(Loaded { rows, sha256, has_pages: false, warnings: Vec::new(), pages })
}

/// SHA-256 of bytes, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The grid builder's intermediates of every page of a PDF (None for text
/// input, which has no geometry).
pub fn grid_debug(path: &Path) -> Result<Option<serde_json::Value>> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if !looks_like_pdf(&bytes) {
        return Ok(None);
    }
    let pages = jixiao_layout::pdf_to_debug(
        &bytes,
        &jixiao_layout::pdf::PdfSettings::default(),
        &jixiao_layout::grid::LatticeSettings::default(),
    )
    .with_context(|| path.display().to_string())?;
    Ok(Some(serde_json::to_value(pages)?))
}

fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

fn load_pdf(path: &Path, bytes: &[u8], sha256: String, pdf: &PdfSettings) -> Result<Loaded> {
    let lattice = jixiao_layout::grid::LatticeSettings::default();
    let doc = jixiao_layout::pdf_to_rows(bytes, pdf, &lattice)
        .with_context(|| path.display().to_string())?;
    Ok(Loaded { rows: doc.rows, sha256, has_pages: true, warnings: doc.warnings, pages: doc.pages })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
