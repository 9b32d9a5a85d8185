//! `tables` and `audit`: several inputs, JSON or CSV (tables) and text or
//! JSON (audit), with the same reading flags as `extract`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use jixiao_checks::{render_report, report_json, AuditedForm};
use rayon::prelude::*;
use serde_json::{json, Value};

use crate::flags::{Format, ReadSettings};
use crate::manifest::classify;
use crate::pipeline::{extract_bytes, Extracted};

/// Reads a file, or stdin for `-`.
fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("cannot read stdin")?;
        return Ok(bytes);
    }
    std::fs::read(path).with_context(|| format!("{}: cannot read", path.display()))
}

fn extract_one(path: &Path, read: &ReadSettings) -> Result<Extracted> {
    let bytes = read_input(path)?;
    let mut pdf = read.pdf.clone();
    pdf.deadline = Some(std::time::Instant::now() + read.timeout);
    extract_bytes(path, &bytes, crate::input::sha256_hex(&bytes), &pdf, false)
}

/// `jixiao tables PATH... [--format json|csv] [--debug]`.
pub fn cmd_tables(
    paths: &[PathBuf],
    format: Format,
    debug: bool,
    read: &ReadSettings,
) -> Result<ExitCode> {
    let mut docs = Vec::new();
    let mut failed = 0;
    for path in paths {
        match extract_one(path, read) {
            Ok(x) => {
                let mut v = x.tables_json(path);
                if debug {
                    let loaded = crate::input::load(path)?;
                    v["debug"] = json!({ "rows": loaded.rows, "warnings": loaded.warnings,
                        "repairs": x.forms.iter().map(|f| &f.repairs).collect::<Vec<_>>(),
                        "pages": crate::input::grid_debug(path)? });
                }
                docs.push(v);
            }
            Err(e) => {
                eprintln!("jixiao: {e:#}");
                failed += 1;
            }
        }
    }
    let mut out = std::io::stdout().lock();
    match format {
        Format::Csv => write_tables_csv(&docs, &mut out)?,
        _ if paths.len() == 1 => {
            if let Some(doc) = docs.first() {
                writeln!(out, "{}", serde_json::to_string_pretty(doc)?)?;
            }
        }
        _ => writeln!(out, "{}", serde_json::to_string_pretty(&docs)?)?,
    }
    Ok(if failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// One CSV row per grid cell: file, table, row, col, rowspan, colspan, page, text.
fn write_tables_csv(docs: &[Value], out: &mut dyn Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["file", "table", "row", "col", "rowspan", "colspan", "page", "text"])?;
    for doc in docs {
        let file = doc["source"]["file"].as_str().unwrap_or_default();
        for (t, table) in doc["tables"].as_array().into_iter().flatten().enumerate() {
            for cell in table["cells"].as_array().into_iter().flatten() {
                let f = |k: &str| crate::csv_out::cell_text(&cell[k]);
                w.write_record([
                    file.to_string(),
                    t.to_string(),
                    f("row"),
                    f("col"),
                    f("rowspan"),
                    f("colspan"),
                    f("page"),
                    f("text"),
                ])?;
            }
        }
    }
    w.flush()?;
    Ok(())
}

/// `jixiao audit PATH... [--format text|json]`: findings per form, a
/// summary, and (JSON) the failed files with their cause.
pub fn cmd_audit(
    paths: &[PathBuf],
    format: Format,
    read: &ReadSettings,
    quiet: bool,
) -> Result<ExitCode> {
    let walk = crate::walk::walk(paths, None)?;
    let results: Vec<(PathBuf, Result<Extracted>)> =
        walk.files.par_iter().map(|f| (f.clone(), extract_one(f, read))).collect();
    let items: Vec<AuditedForm> = results
        .iter()
        .filter_map(|(p, r)| r.as_ref().ok().map(|x| (p, x)))
        .flat_map(|(p, x)| {
            x.records
                .iter()
                .zip(&x.audits)
                .map(move |(r, a)| (p.display().to_string(), r.clone(), a.clone()))
        })
        .collect();
    let failures: Vec<Value> = results
        .iter()
        .filter_map(|(p, r)| r.as_ref().err().map(|e| (p, e)))
        .map(|(p, e)| json!({"file": p.display().to_string(), "error": classify(e), "message": format!("{e:#}")}))
        .collect();
    let mut stdout = std::io::stdout().lock();
    match format {
        Format::Json => {
            let mut v = report_json(&items);
            v["failed"] = Value::Array(failures.clone());
            writeln!(stdout, "{}", serde_json::to_string_pretty(&v)?)?
        }
        _ => write!(stdout, "{}", render_report(&items))?,
    }
    if !quiet {
        for f in &failures {
            eprintln!("jixiao: {}", f["message"].as_str().unwrap_or_default());
        }
    }
    Ok(if failures.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}
