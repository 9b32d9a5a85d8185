//! `jixiao merge DIR... --out DIR`: the datasets of `--shard` runs joined
//! into the dataset one run over every input would have written.
//!
//! Merging replays the shards: their manifest lines, in path order (the
//! order of a whole run), each with its records from that shard's
//! `records.jsonl`, go through the same [`Dataset`] writer as a run. So the
//! CSV tables, the SQLite file, the per-file JSON and the summary are made
//! by the one code path that makes them in a run, and come out the same.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::bulk::{Outcome, Sink};
use crate::dataset::Dataset;
use crate::flags::OutSettings;
use crate::manifest::{read_manifest, ManifestLine, Status};

/// One shard's dataset, opened for reading.
struct Shard {
    records: BufReader<File>,
    /// First 16 hex digits of a sha256 → offset of its first record line.
    offsets: HashMap<String, u64>,
}

impl Shard {
    fn open(dir: &Path) -> Result<Shard> {
        let path = dir.join("records.jsonl");
        let file = File::open(&path).with_context(|| format!("{}: cannot read", path.display()))?;
        let mut records = BufReader::new(file);
        let (mut offsets, mut at, mut buf) = (HashMap::new(), 0u64, Vec::new());
        loop {
            buf.clear();
            let n = records.read_until(b'\n', &mut buf)?;
            if n == 0 {
                break;
            }
            if let Some(key) = record_key(&buf) {
                offsets.entry(key).or_insert(at);
            }
            at += n as u64;
        }
        Ok(Shard { records, offsets })
    }

    /// The records of the input with this sha256, in form order.
    fn records_of(&mut self, sha256: &str) -> Result<Vec<Value>> {
        let key = sha256.get(..16).unwrap_or_default();
        let Some(&at) = self.offsets.get(key) else { return Ok(Vec::new()) };
        self.records.seek(SeekFrom::Start(at))?;
        let mut out = Vec::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            if self.records.read_until(b'\n', &mut buf)? == 0
                || record_key(&buf).as_deref() != Some(key)
            {
                return Ok(out);
            }
            out.push(serde_json::from_slice(&buf)?);
        }
    }
}

fn record_key(line: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(line).ok()?;
    Some(v["id"].as_str()?.split('-').next()?.to_string())
}

/// Runs `merge`.
pub fn cmd_merge(dirs: &[PathBuf], out: &Path, quiet: bool) -> Result<ExitCode> {
    let mut lines: Vec<(usize, ManifestLine)> = Vec::new();
    let mut wall = 0.0;
    for (i, dir) in dirs.iter().enumerate() {
        let manifest = dir.join("manifest.jsonl");
        if !manifest.exists() {
            bail!("{}: not a dataset (no manifest.jsonl)", dir.display());
        }
        lines.extend(read_manifest(&manifest)?.0.into_iter().map(|l| (i, l)));
        let summary: Option<Value> = std::fs::read(dir.join("summary.json"))
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok());
        wall += summary.and_then(|s| s["wall_seconds"].as_f64()).unwrap_or(0.0);
    }
    // The order of one run over all inputs: by path (stable for equal paths).
    lines.sort_by(|a, b| Path::new(&a.1.path).cmp(Path::new(&b.1.path)));
    let settings = OutSettings {
        dir: out.to_path_buf(),
        sqlite: dirs.iter().any(|d| d.join("jixiao.sqlite").exists()),
        excel_csv: dirs.iter().any(|d| starts_with_bom(&d.join("forms.csv"))),
        per_file: dirs.iter().any(|d| d.join("files").is_dir()),
        resume: false,
        // Review pages are per run; merging does not redraw them.
        review: false,
    };
    let (mut dataset, _) = Dataset::open(&settings)?;
    let mut shards = dirs.iter().map(|d| Shard::open(d)).collect::<Result<Vec<_>>>()?;
    let mut seen = HashSet::new();
    for (i, line) in lines {
        if !seen.insert(line.path.clone()) {
            continue; // the same input in two datasets: keep the first
        }
        let records = match (&line.sha256, line.status) {
            (Some(sha), Status::Ok) => shards[i].records_of(sha)?,
            _ => Vec::new(),
        };
        let records = records.into_iter().map(Into::into).collect();
        dataset.file(&Outcome { line, records, warnings: Vec::new(), review: None })?;
    }
    let summary = dataset.finish(wall)?;
    if !quiet {
        println!(
            "merged {} dataset(s) into {}: {} files, {} forms",
            dirs.len(),
            out.display(),
            summary["files"],
            summary["forms"]
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn starts_with_bom(path: &Path) -> bool {
    std::fs::read(path).map(|b| b.starts_with("\u{feff}".as_bytes())).unwrap_or(false)
}
