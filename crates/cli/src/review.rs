//! `jixiao review FILE... --out DIR` and `extract --out DIR --review`: one
//! self-contained HTML page per input (jixiao-review) at a path mirroring
//! the input's (`a/x.pdf` → `DIR/a/x.pdf.html`), and `DIR/index.html`
//! listing them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use jixiao_review::{file_to_html, index_html, FileReview, IndexEntry, ReviewSettings};
use rayon::prelude::*;

use crate::flags::ReadSettings;
use crate::pipeline::{extract_bytes, Extracted};

/// The page of `input` under `dir`: the dataset's mirrored name, `.html`.
pub fn page_path(dir: &Path, input: &str) -> PathBuf {
    let json = crate::dataset::mirror(Path::new(input));
    dir.join(json.with_extension("html"))
}

/// Writes the review page of one extracted input; gives its index line.
pub fn write_page(dir: &Path, input: &str, bytes: &[u8], x: &Extracted) -> Result<IndexEntry> {
    let review = FileReview {
        name: input,
        pdf: bytes.starts_with(b"%PDF").then_some(bytes).or_else(|| pdf_inside(bytes)),
        forms: &x.forms,
        records: &x.records,
        audits: &x.audits,
    };
    let (html, entry) = file_to_html(&review, &ReviewSettings::default());
    let path = page_path(dir, input);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create", parent.display()))?;
    }
    std::fs::write(&path, html).with_context(|| format!("{}: cannot write", path.display()))?;
    Ok(entry)
}

/// A PDF with bytes before its header (allowed within the first 1024).
fn pdf_inside(bytes: &[u8]) -> Option<&[u8]> {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).position(|w| w == b"%PDF-").map(|_| bytes)
}

/// The index line of an input that could not be read.
pub fn failed_entry(input: &str, why: String) -> IndexEntry {
    IndexEntry { file: input.to_string(), forms: Vec::new(), failed: Some(why) }
}

/// Writes `DIR/index.html`, linking each page relative to DIR.
pub fn write_index(dir: &Path, entries: &[IndexEntry]) -> Result<()> {
    let href = |input: &str| {
        let rel = page_path(Path::new(""), input);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/")
    };
    let path = dir.join("index.html");
    std::fs::write(&path, index_html(entries, &href))
        .with_context(|| format!("{}: cannot write", path.display()))
}

/// `jixiao review PATH... --out DIR`: files in parallel, the index last.
/// Exit 2 when an input failed (its index line says why).
pub fn cmd_review(
    paths: &[PathBuf],
    out: &Path,
    read: &ReadSettings,
    quiet: bool,
) -> Result<ExitCode> {
    let walk = crate::walk::walk(paths, None)?;
    if walk.files.is_empty() {
        eprintln!("jixiao: nothing to do: no input files found");
        return Ok(ExitCode::from(3));
    }
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    let entries: Vec<(IndexEntry, bool)> = walk
        .files
        .par_iter()
        .map(|file| {
            let name = file.display().to_string();
            match review_one(out, file, read) {
                Ok(entry) => (entry, true),
                Err(e) => (failed_entry(&name, format!("{e:#}")), false),
            }
        })
        .collect();
    let failed = entries.iter().filter(|e| !e.1).count();
    if !quiet {
        for (e, _) in entries.iter().filter(|e| !e.1) {
            eprintln!("jixiao: {}", e.failed.as_deref().unwrap_or(""));
        }
    }
    let entries: Vec<IndexEntry> = entries.into_iter().map(|e| e.0).collect();
    write_index(out, &entries)?;
    if !quiet {
        eprintln!(
            "jixiao: {} review pages and index.html in {}",
            entries.len() - failed,
            out.display()
        );
    }
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn review_one(out: &Path, file: &Path, read: &ReadSettings) -> Result<IndexEntry> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    let mut pdf = read.pdf.clone();
    pdf.deadline = Some(std::time::Instant::now() + read.timeout);
    let x = extract_bytes(file, &bytes, crate::input::sha256_hex(&bytes), &pdf, true)?;
    write_page(out, &file.display().to_string(), &bytes, &x)
}
