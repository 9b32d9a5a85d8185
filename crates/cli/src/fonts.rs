//! `jixiao fonts FILE.pdf...`: each font per page, what it is and how its
//! glyphs were decoded, so a reader who gets U+FFFD can see why. The data
//! are jixiao-layout's typed [`FontUsage`] tallies; this module only prints.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use jixiao_layout::font::report::{FontProgram, FontType, FontUsage, ToUnicodeStatus};
use jixiao_layout::pdf::pdf_to_each_page;
use serde_json::{json, Value};

use crate::flags::{Format, ReadSettings};

/// The fonts of one file: per page number, the fonts it used.
struct FileFonts {
    path: PathBuf,
    pages: Vec<(u32, Vec<FontUsage>)>,
}

fn read_fonts(path: &Path, read: &ReadSettings) -> Result<FileFonts> {
    let bytes = std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))?;
    if !bytes.starts_with(b"%PDF") && !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        bail!("{}: not a PDF (fonts reads PDF files only)", path.display());
    }
    let mut pdf = read.pdf.clone();
    pdf.deadline = Some(std::time::Instant::now() + read.timeout);
    let pages = pdf_to_each_page(&bytes, &pdf, |page| (page.number, page.fonts))
        .with_context(|| path.display().to_string())?;
    Ok(FileFonts { path: path.to_path_buf(), pages })
}

/// `jixiao fonts PATH... [--format text|json]`.
pub fn cmd_fonts(paths: &[PathBuf], format: Format, read: &ReadSettings) -> Result<ExitCode> {
    let mut failed = 0;
    let mut docs = Vec::new();
    for path in paths {
        match read_fonts(path, read) {
            Ok(f) => docs.push(f),
            Err(e) => {
                eprintln!("jixiao: {e:#}");
                failed += 1;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Json => {
            let values: Vec<Value> = docs.iter().map(file_json).collect();
            let v = if paths.len() == 1 && values.len() == 1 {
                values.into_iter().next().unwrap_or_default()
            } else {
                Value::Array(values)
            };
            writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        }
        _ => {
            for doc in &docs {
                write_text(doc, &mut out)?;
            }
        }
    }
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn usage_json(u: &FontUsage) -> Value {
    json!({
        "resource": u.resource,
        "base_font": u.info.base_font,
        "type": u.info.font_type,
        "descendant": u.info.descendant,
        "encoding": u.info.encoding,
        "embedded": u.info.embedded,
        "to_unicode": u.to_unicode(),
        "glyphs": u.glyphs,
        "unknown": u.unknown(),
        "decoded_by": u.sources,
    })
}

fn file_json(doc: &FileFonts) -> Value {
    let pages: Vec<Value> = doc
        .pages
        .iter()
        .map(|(n, fonts)| json!({ "page": n, "fonts": fonts.iter().map(usage_json).collect::<Vec<_>>() }))
        .collect();
    json!({ "file": doc.path.display().to_string(), "pages": pages })
}

fn type_text(u: &FontUsage) -> String {
    let kind = match u.info.descendant {
        Some(d) => format!("{:?}/{:?}", u.info.font_type, d),
        None if u.info.font_type == FontType::Other => "?".into(),
        None => format!("{:?}", u.info.font_type),
    };
    // Rasterised glyphs explain unknowns better than any name could.
    if u.info.embedded == Some(FontProgram::Bitmaps) {
        format!("{kind} (bitmaps)")
    } else {
        kind
    }
}

fn status_text(s: ToUnicodeStatus) -> &'static str {
    match s {
        ToUnicodeStatus::Present => "present",
        ToUnicodeStatus::Partial => "partial",
        ToUnicodeStatus::Absent => "absent",
    }
}

fn decoded_text(u: &FontUsage) -> String {
    let parts: Vec<String> = u.sources.iter().map(|(s, n)| format!("{} {n}", s.label())).collect();
    if parts.is_empty() {
        "-".into()
    } else {
        parts.join(", ")
    }
}

const HEADER: [&str; 9] = [
    "page",
    "font",
    "base font",
    "type",
    "encoding",
    "ToUnicode",
    "glyphs",
    "unknown",
    "decoded by",
];

/// One aligned table per file, the file named above it.
fn write_text(doc: &FileFonts, out: &mut dyn Write) -> Result<()> {
    let mut rows: Vec<[String; 9]> = vec![HEADER.map(String::from)];
    for (n, fonts) in &doc.pages {
        for u in fonts {
            let base = if u.info.base_font.is_empty() { "-" } else { &u.info.base_font };
            rows.push([
                n.to_string(),
                u.resource.clone(),
                base.to_string(),
                type_text(u),
                u.info.encoding.to_string(),
                status_text(u.to_unicode()).to_string(),
                u.glyphs.to_string(),
                u.unknown().to_string(),
                decoded_text(u),
            ]);
        }
    }
    let mut widths = [0usize; 9];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    writeln!(out, "{}", doc.path.display())?;
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
