//! The bulk run's account of every input: `manifest.jsonl` (one line per
//! input, written last for each file, so it is the commit record that
//! `--resume` trusts) and `summary.json` (recomputed from the manifest and
//! `checks.csv`, so a resumed or merged run sums the same way).
//!
//! A manifest line:
//! `{"path", "sha256", "status": "ok"|"failed"|"skipped", "error": KIND|null,
//! "message", "forms", "pages", "seconds"}`, with KIND one of
//! [`FailureKind`]'s snake-case names.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

/// Why a file gave no records. The manifest's `error` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FailureKind {
    /// Not readable: missing, a directory, not a PDF or text, a PDF we cannot parse.
    Unreadable,
    /// Encrypted with a password we do not have (see `--password`).
    Encrypted,
    /// Image-only pages (a scan without OCR).
    NoTextLayer,
    /// Read, but no 绩效自评表 form in it.
    NoFormFound,
    /// Over `--timeout-secs`.
    Timeout,
    /// Over a size limit (file size, decompressed stream).
    TooLarge,
    /// A format the front ends do not read (issue #12's sniffing reports it).
    UnsupportedFormat,
    /// A bug: a panic or an error that has no other kind.
    Internal,
}

impl FailureKind {
    /// The snake-case name, as in the manifest.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    }
}

/// A typed failure of one file, carried through `anyhow` so the manifest
/// can name its kind without reading messages.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct Failure {
    /// The kind.
    pub kind: FailureKind,
    /// What happened, naming the file.
    pub message: String,
}

impl Failure {
    /// A failure of `kind`.
    pub fn new(kind: FailureKind, message: impl Into<String>) -> Failure {
        Failure { kind, message: message.into() }
    }
}

/// The kind of an error from the pipeline: our own [`Failure`], the layout
/// crate's typed kind, or an I/O error (unreadable); anything else is internal.
pub fn classify(e: &anyhow::Error) -> FailureKind {
    use jixiao_layout::ErrorKind as L;
    for cause in e.chain() {
        if let Some(f) = cause.downcast_ref::<Failure>() {
            return f.kind;
        }
        if let Some(l) = cause.downcast_ref::<jixiao_layout::Error>() {
            return match l.kind() {
                L::Malformed => FailureKind::Unreadable,
                L::Encrypted => FailureKind::Encrypted,
                L::NoTextLayer => FailureKind::NoTextLayer,
                L::Limit => FailureKind::TooLarge,
                L::Timeout => FailureKind::Timeout,
                L::UnsupportedFormat => FailureKind::UnsupportedFormat,
                _ => FailureKind::Internal,
            };
        }
        if cause.downcast_ref::<std::io::Error>().is_some() {
            return FailureKind::Unreadable;
        }
    }
    FailureKind::Internal
}

/// What became of an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Records written.
    Ok,
    /// No records; `error` says why.
    Failed,
    /// Not read: a duplicate (by sha256) of an earlier input.
    Skipped,
}

/// One line of `manifest.jsonl`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ManifestLine {
    /// The input path as walked.
    pub path: String,
    /// SHA-256 of the bytes (null when they could not be read).
    pub sha256: Option<String>,
    /// ok, failed or skipped.
    pub status: Status,
    /// The failure kind (null unless failed).
    pub error: Option<FailureKind>,
    /// The failure or skip reason, or the first reader warning.
    pub message: Option<String>,
    /// Forms found.
    pub forms: usize,
    /// Pages read.
    pub pages: usize,
    /// Seconds spent on the file.
    pub seconds: f64,
}

/// Reads a manifest, ignoring a last line cut off by a kill. Returns the
/// lines and the length in bytes of the complete ones.
pub fn read_manifest(path: &Path) -> Result<(Vec<ManifestLine>, u64)> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Vec::new(), 0)),
        Err(e) => return Err(e).with_context(|| format!("{}: cannot read", path.display())),
    };
    let mut reader = BufReader::new(file);
    let (mut lines, mut good, mut buf) = (Vec::new(), 0u64, Vec::new());
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        match serde_json::from_slice::<ManifestLine>(&buf) {
            Ok(line) => lines.push(line),
            Err(_) => break,
        }
        good += n as u64;
    }
    Ok((lines, good))
}

/// `summary.json` of a dataset directory: totals from the manifest, checks
/// by code from `checks.csv`, and `files = ok + failed + skipped`.
pub fn summarise(dir: &Path) -> Result<Value> {
    let (lines, _) = read_manifest(&dir.join("manifest.jsonl"))?;
    let mut by_status: BTreeMap<String, usize> = BTreeMap::new();
    let mut errors: BTreeMap<String, usize> = BTreeMap::new();
    let (mut pages, mut forms, mut seconds) = (0usize, 0usize, 0f64);
    for l in &lines {
        *by_status.entry(format!("{:?}", l.status).to_lowercase()).or_default() += 1;
        if let Some(k) = l.error {
            *errors.entry(k.name()).or_default() += 1;
        }
        pages += l.pages;
        forms += l.forms;
        seconds += l.seconds;
    }
    let count = |s: &str| by_status.get(s).copied().unwrap_or(0);
    let checks = checks_by_code(&dir.join("checks.csv"))?;
    Ok(json!({
        "files": lines.len(),
        "ok": count("ok"),
        "failed": count("failed"),
        "skipped": count("skipped"),
        "pages": pages,
        "forms": forms,
        "errors": errors,
        "checks": checks,
        "seconds": (seconds * 1000.0).round() / 1000.0,
        "pages_per_second": if seconds > 0.0 { (pages as f64 / seconds).round() } else { 0.0 },
    }))
}

fn checks_by_code(path: &Path) -> Result<BTreeMap<String, usize>> {
    let mut out = BTreeMap::new();
    if !path.exists() {
        return Ok(out);
    }
    let mut reader = crate::csv_out::reader(path)?;
    let code = reader.headers()?.iter().position(|h| h == "code");
    for rec in reader.records() {
        let rec = rec?;
        if let Some(c) = code.and_then(|i| rec.get(i)) {
            *out.entry(c.to_string()).or_default() += 1;
        }
    }
    Ok(out)
}
