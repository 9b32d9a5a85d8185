//! A dataset directory, written one input at a time:
//!
//! | file | what |
//! | --- | --- |
//! | `records.jsonl` | one record per line, SCHEMA.md §1 with `id` |
//! | `forms.csv`, `funds.csv`, `indicators.csv`, `checks.csv` | flat tables keyed by `id` ([`crate::csv_out`]) |
//! | `jixiao.sqlite` | the same tables with keys and indexes (`--sqlite`, [`crate::sqlite_out`]) |
//! | `manifest.jsonl` | one line per input ([`crate::manifest`]) |
//! | `summary.json` | totals, recomputed from the manifest at the end |
//! | `files/PATH.json` | per input, mirroring the input tree (`--per-file`) |
//!
//! Kill at any moment: for each input the SQLite transaction commits first,
//! then the JSONL and CSV lines are appended and flushed, then the manifest
//! line: the manifest is the commit record. `--resume` cuts every file back
//! to what the manifest vouches for (a cut-off last line, rows of an input
//! that has no manifest line) and goes on; since everything is appended in
//! input order, what it cuts is always a tail.

use std::collections::HashSet;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::Value;

use crate::bulk::{Outcome, Prior, Sink};
use crate::csv_out::{record_rows, CsvTable, TABLES};
use crate::flags::OutSettings;
use crate::manifest::{read_manifest, Status};
use crate::sqlite_out::Db;

/// The dataset being written.
pub struct Dataset {
    dir: PathBuf,
    per_file: bool,
    records: BufWriter<File>,
    manifest: BufWriter<File>,
    tables: [CsvTable; 4],
    db: Option<Db>,
    /// DIR/review/ and the index lines so far, with `--review`.
    review: Option<(PathBuf, Vec<jixiao_review::IndexEntry>)>,
}

impl Dataset {
    /// Opens DIR for writing. Without `--resume`, DIR must not hold a
    /// dataset already; with it, the dataset is cut back to its manifest and
    /// what the manifest holds is returned, to be skipped.
    pub fn open(s: &OutSettings) -> Result<(Dataset, Prior)> {
        let dir = &s.dir;
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
        let manifest_path = dir.join("manifest.jsonl");
        if !s.resume && manifest_path.exists() {
            bail!(
                "{}: holds a dataset already; use --resume to go on with it, or another --out",
                dir.display()
            );
        }
        let prior = if s.resume { cut_back(dir, s.sqlite)? } else { fresh(dir)? };
        let append = |name: &str| -> Result<BufWriter<File>> {
            let p = dir.join(name);
            let f = OpenOptions::new().create(true).append(true).open(&p);
            Ok(BufWriter::new(f.with_context(|| format!("{}: cannot open", p.display()))?))
        };
        let table = |t: &str| CsvTable::open(&dir.join(format!("{t}.csv")), s.excel_csv);
        let tables = [table(TABLES[0])?, table(TABLES[1])?, table(TABLES[2])?, table(TABLES[3])?];
        let db = if s.sqlite { Some(Db::open(&dir.join("jixiao.sqlite"))?) } else { None };
        let ds = Dataset {
            dir: dir.clone(),
            per_file: s.per_file,
            records: append("records.jsonl")?,
            manifest: append("manifest.jsonl")?,
            tables,
            db,
            review: s.review.then(|| (dir.join("review"), Vec::new())),
        };
        Ok((ds, prior))
    }

    /// Writes `summary.json` (atomically) and returns it.
    pub fn finish(mut self, wall_seconds: f64) -> Result<Value> {
        self.records.flush()?;
        self.manifest.flush()?;
        for t in &mut self.tables {
            t.flush()?;
        }
        drop(self.db.take());
        if let Some((dir, entries)) = &self.review {
            crate::review::write_index(dir, entries)?;
        }
        let mut summary = crate::manifest::summarise(&self.dir)?;
        summary["wall_seconds"] = ((wall_seconds * 1000.0).round() / 1000.0).into();
        write_atomic(
            &self.dir.join("summary.json"),
            &(serde_json::to_string_pretty(&summary)? + "\n"),
        )?;
        Ok(summary)
    }
}

impl Sink for Dataset {
    fn file(&mut self, o: &Outcome) -> Result<()> {
        let rows: Vec<[Vec<crate::csv_out::FlatRow>; 4]> =
            o.records.iter().map(|r| record_rows(&r.json)).collect();
        let mut per_table: [Vec<_>; 4] = Default::default();
        for r in rows {
            for (t, part) in r.into_iter().enumerate() {
                per_table[t].extend(part);
            }
        }
        // Columns are fixed by the first row a table ever gets.
        for (t, table) in self.tables.iter_mut().enumerate() {
            if table.columns.is_none() {
                table.columns =
                    per_table[t].first().map(|r| r.iter().map(|(k, _)| k.clone()).collect());
            }
        }
        if let Some(db) = &mut self.db {
            let columns = self.tables.each_ref().map(|t| t.columns.clone());
            db.write_file(&o.line, &per_table, &columns)?;
        }
        for rec in &o.records {
            serde_json::to_writer(&mut self.records, rec)?;
            self.records.write_all(b"\n")?;
        }
        self.records.flush()?;
        for (t, table) in self.tables.iter_mut().enumerate() {
            table.write(&per_table[t])?;
            table.flush()?;
        }
        if self.per_file && o.line.status == Status::Ok {
            let path = self.dir.join("files").join(mirror(Path::new(&o.line.path)));
            let text = serde_json::to_string_pretty(&o.records)? + "\n";
            write_atomic(&path, &text)?;
        }
        if let Some((_, entries)) = &mut self.review {
            match (&o.review, o.line.status, &o.line.message) {
                (Some(entry), _, _) => entries.push((**entry).clone()),
                (None, Status::Failed, why) => entries.push(crate::review::failed_entry(
                    &o.line.path,
                    why.clone().unwrap_or_default(),
                )),
                _ => {}
            }
        }
        // Last: the line that says all of the above is complete.
        serde_json::to_writer(&mut self.manifest, &o.line)?;
        self.manifest.write_all(b"\n")?;
        self.manifest.flush()?;
        Ok(())
    }
}

/// `a/b/x.pdf` → `a/b/x.pdf.json`; an absolute path keeps its components
/// below the root, `..` becomes `__`: distinct inputs never share a name.
pub fn mirror(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(n) => out.push(n),
            Component::ParentDir => out.push("__"),
            Component::RootDir => out.push("_root"),
            Component::Prefix(p) => out.push(p.as_os_str().to_string_lossy().replace(':', "")),
            Component::CurDir => {}
        }
    }
    let mut name = out.into_os_string();
    name.push(".json");
    PathBuf::from(name)
}

/// Writes through a temporary file and a rename, so a reader (or a kill)
/// sees the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, text: &str) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text).with_context(|| format!("{}: cannot write", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("{}: cannot write", path.display()))
}

/// A new dataset: leftovers of an earlier one (without a manifest) removed.
fn fresh(dir: &Path) -> Result<Prior> {
    for name in
        ["records.jsonl", "summary.json", "jixiao.sqlite", "jixiao.sqlite-wal", "jixiao.sqlite-shm"]
            .into_iter()
            .map(String::from)
            .chain(TABLES.iter().map(|t| format!("{t}.csv")))
    {
        let _ = std::fs::remove_file(dir.join(name));
    }
    Ok(Prior::default())
}

/// Cuts every output back to what the manifest vouches for; returns it.
fn cut_back(dir: &Path, sqlite: bool) -> Result<Prior> {
    let manifest = dir.join("manifest.jsonl");
    let (lines, good) = read_manifest(&manifest)?;
    truncate(&manifest, good)?;
    let mut prior = Prior::default();
    let mut committed: HashSet<String> = HashSet::new();
    for l in &lines {
        prior.done.insert(l.path.clone());
        if let Some(sha) = &l.sha256 {
            prior.seen.entry(sha.clone()).or_insert_with(|| l.path.clone());
            if l.status == Status::Ok {
                committed.insert(sha.get(..16).unwrap_or_default().to_string());
            }
        }
    }
    let is_committed = |id: &str| committed.contains(id.split('-').next().unwrap_or_default());
    cut_jsonl(&dir.join("records.jsonl"), &is_committed)?;
    for t in TABLES {
        cut_csv(&dir.join(format!("{t}.csv")), &is_committed)?;
    }
    if sqlite {
        Db::open(&dir.join("jixiao.sqlite"))?.keep_only(&prior.done)?;
    }
    Ok(prior)
}

fn truncate(path: &Path, len: u64) -> Result<()> {
    if let Ok(f) = OpenOptions::new().write(true).open(path) {
        f.set_len(len).with_context(|| format!("{}: cannot truncate", path.display()))?;
    }
    Ok(())
}

/// Cuts `records.jsonl` at its first cut-off line or uncommitted record.
fn cut_jsonl(path: &Path, committed: &dyn Fn(&str) -> bool) -> Result<()> {
    let Ok(f) = File::open(path) else { return Ok(()) };
    let mut reader = BufReader::new(f);
    let (mut good, mut buf) = (0u64, Vec::new());
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        let id = serde_json::from_slice::<Value>(&buf)
            .ok()
            .and_then(|v| v["id"].as_str().map(String::from));
        if !id.is_some_and(|id| committed(&id)) {
            break;
        }
        good += n as u64;
    }
    truncate(path, good)
}

/// Cuts a CSV table at its first record of an uncommitted input (a cut-off
/// last record belongs to one too: its data precedes its manifest line).
fn cut_csv(path: &Path, committed: &dyn Fn(&str) -> bool) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    let mut reader = crate::csv_out::reader(path)?;
    if reader.headers().is_err() {
        return truncate(path, 0);
    }
    let mut record = csv::StringRecord::new();
    let mut any = false;
    loop {
        let at = reader.position().byte();
        let ok = match reader.read_record(&mut record) {
            Ok(true) => record.get(0).is_some_and(committed),
            Ok(false) if any => return Ok(()),
            _ => false,
        };
        if !ok {
            // With no committed row the header itself may be cut off: start
            // the file anew (the next row writes it again).
            return truncate(path, if any { at } else { 0 });
        }
        any = true;
    }
}
