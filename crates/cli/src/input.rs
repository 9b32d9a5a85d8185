//! Inputs: which files a path names, and a file's rows from the right front
//! end.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use jixiao_layout::Row;
use sha2::{Digest, Sha256};

/// File endings the front ends read (directory walks and `--files-from`).
/// `doc` is listed so that an old Word file is reported as
/// `unsupported_format` instead of being skipped silently.
const INPUT_EXTENSIONS: &[&str] =
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
    pub warnings: Vec<String>,
}

/// Expands directories (sorted, not recursive into hidden folders) into the
/// PDF and text files they hold; files are kept as given.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found)
                .with_context(|| format!("{}: cannot list directory", p.display()))?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, found)?;
        } else if is_input(&path) {
            found.push(path);
        }
    }
    Ok(())
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
    use jixiao_layout::detect::{detect, Format};
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    let sha256 = hex(&Sha256::digest(&bytes));
    let named_pdf =
        path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let format = detect(&bytes);
    match format {
        Format::Pdf => return load_pdf(path, &bytes, sha256),
        _ if named_pdf => {
            bail!("{}: not a PDF: no %PDF- header in its {} bytes", path.display(), bytes.len())
        }
        Format::Text => {}
        _ => {
            let doc = jixiao_layout::office::office_to_rows(&bytes, format)
                .with_context(|| path.display().to_string())?;
            let has_pages = matches!(format, Format::Xlsx | Format::Xls | Format::Ods);
            return Ok(Loaded { rows: doc.rows, sha256, has_pages, warnings: doc.warnings });
        }
    }
    let Some(text) = jixiao_layout::text::decode_text(&bytes) else {
        bail!("{}: neither a PDF nor a text layout (UTF-8, UTF-16 or GBK)", path.display())
    };
    Ok(Loaded {
        rows: jixiao_layout::text::text_to_rows(&text),
        sha256,
        has_pages: false,
        warnings: Vec::new(),
    })
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

fn load_pdf(path: &Path, bytes: &[u8], sha256: String) -> Result<Loaded> {
    let pdf = jixiao_layout::pdf::PdfSettings::default();
    let lattice = jixiao_layout::grid::LatticeSettings::default();
    let doc = jixiao_layout::pdf_to_rows(bytes, &pdf, &lattice)
        .with_context(|| path.display().to_string())?;
    Ok(Loaded { rows: doc.rows, sha256, has_pages: true, warnings: doc.warnings })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
