//! The `jixiao` command. Turns flags into settings, runs the pipeline over
//! the files (in parallel for several), prints or writes the results.
//!
//! Exit codes: 0 success; 1 golden differences; 2 any input failed (each
//! failure is reported with its file and cause and the batch goes on). A
//! closed stdout (`| head`) exits 0.

mod flags;
mod golden;
mod input;
mod pipeline;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};
use clap::Parser;
use jixiao_checks::{render_report, report_json, AuditedForm, Summary};
use rayon::prelude::*;

use flags::{Command, Flags, Format, GoldenAction};
use pipeline::{extract, Extracted};

fn main() -> ExitCode {
    let flags = Flags::parse();
    match run(flags) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("jixiao: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

fn run(flags: Flags) -> Result<ExitCode> {
    if flags.jobs > 0 {
        // Only fails when a pool exists already, which cannot happen here.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(flags.jobs).build_global();
    }
    let progress = flags.progress || std::io::stderr().is_terminal();
    match flags.command {
        Command::Extract { paths, out } => cmd_extract(&paths, out.as_deref(), progress),
        Command::Tables { path, debug } => cmd_tables(&path, debug),
        Command::Audit { paths, format } => cmd_audit(&paths, format, progress),
        Command::Batch { paths, out } => cmd_batch(&paths, &out, progress),
        Command::Golden { action } => cmd_golden(action),
    }
}

/// Runs `extract` over files in parallel, keeping input order, with a
/// progress line on stderr when asked.
fn extract_all(files: &[PathBuf], progress: bool) -> Vec<(PathBuf, Result<Extracted>)> {
    let done = AtomicUsize::new(0);
    files
        .par_iter()
        .map(|f| {
            let r = extract(f);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if progress && files.len() > 1 {
                eprint!("\r[{n}/{}] {}\x1b[K", files.len(), f.display());
                if n == files.len() {
                    eprintln!();
                }
            }
            (f.clone(), r)
        })
        .collect()
}

/// Reports failed files (and files read with warnings) on stderr; returns
/// how many failed.
fn report_failures(results: &[(PathBuf, Result<Extracted>)]) -> usize {
    let mut failed = 0;
    for (path, r) in results {
        match r {
            Err(e) => {
                eprintln!("jixiao: {e:#}");
                failed += 1;
            }
            Ok(x) if !x.warnings.is_empty() => eprintln!(
                "jixiao: {}: read with {} warning(s), first: {} (all in source.warnings)",
                path.display(),
                x.warnings.len(),
                x.warnings[0]
            ),
            Ok(_) => {}
        }
    }
    failed
}

fn exit_for(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn cmd_extract(paths: &[PathBuf], out: Option<&Path>, progress: bool) -> Result<ExitCode> {
    let files = input::expand(paths)?;
    let single = files.len() == 1 && !paths[0].is_dir();
    let results = extract_all(&files, progress);
    let mut stdout = std::io::stdout().lock();
    for (path, r) in &results {
        let Ok(x) = r else { continue };
        let records = x.records_json();
        if let Some(dir) = out {
            write_json(&dir.join(json_name(path)), &serde_json::Value::Array(records))?;
        } else if single {
            writeln!(stdout, "{}", serde_json::to_string_pretty(&records)?)?;
        } else {
            for rec in records {
                writeln!(stdout, "{}", serde_json::to_string(&rec)?)?;
            }
        }
    }
    Ok(exit_for(report_failures(&results)))
}

fn json_name(path: &Path) -> String {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    format!("{stem}.json")
}

fn write_json(path: &Path, v: &serde_json::Value) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let text = serde_json::to_string_pretty(v)? + "\n";
    std::fs::write(path, text).with_context(|| format!("{}: cannot write", path.display()))
}

fn cmd_tables(path: &Path, debug: bool) -> Result<ExitCode> {
    let x = extract(path)?;
    let mut v = x.tables_json(path);
    if debug {
        let loaded = input::load(path)?;
        v["debug"] = serde_json::json!({ "rows": loaded.rows, "warnings": loaded.warnings,
            "repairs": x.forms.iter().map(|f| &f.repairs).collect::<Vec<_>>(),
            "pages": input::grid_debug(path)? });
    }
    writeln!(std::io::stdout().lock(), "{}", serde_json::to_string_pretty(&v)?)?;
    Ok(ExitCode::SUCCESS)
}

fn audited_forms(results: &[(PathBuf, Result<Extracted>)]) -> Vec<AuditedForm> {
    results
        .iter()
        .filter_map(|(p, r)| r.as_ref().ok().map(|x| (p, x)))
        .flat_map(|(p, x)| {
            x.records
                .iter()
                .zip(&x.audits)
                .map(move |(r, a)| (p.display().to_string(), r.clone(), a.clone()))
        })
        .collect()
}

fn cmd_audit(paths: &[PathBuf], format: Format, progress: bool) -> Result<ExitCode> {
    let files = input::expand(paths)?;
    let results = extract_all(&files, progress);
    let items = audited_forms(&results);
    let mut stdout = std::io::stdout().lock();
    match format {
        Format::Text => write!(stdout, "{}", render_report(&items))?,
        Format::Json => {
            writeln!(stdout, "{}", serde_json::to_string_pretty(&report_json(&items))?)?
        }
    }
    Ok(exit_for(report_failures(&results)))
}

fn cmd_batch(paths: &[PathBuf], out: &Path, progress: bool) -> Result<ExitCode> {
    let files = input::expand(paths)?;
    std::fs::create_dir_all(out).with_context(|| format!("{}: cannot create", out.display()))?;
    let results = extract_all(&files, progress);
    let mut jsonl = String::new();
    let mut errors = String::new();
    let mut warnings = String::new();
    for (path, r) in &results {
        match r {
            Ok(x) => {
                for w in &x.warnings {
                    warnings.push_str(&format!("{}: {w}\n", path.display()));
                }
                let records = x.records_json();
                for rec in &records {
                    jsonl.push_str(&serde_json::to_string(rec)?);
                    jsonl.push('\n');
                }
                write_json(&out.join(json_name(path)), &serde_json::Value::Array(records))?;
            }
            Err(e) => errors.push_str(&format!("{e:#}\n")),
        }
    }
    let items = audited_forms(&results);
    std::fs::write(out.join("records.jsonl"), jsonl)?;
    std::fs::write(out.join("audit.txt"), render_report(&items))?;
    std::fs::write(out.join("errors.txt"), &errors)?;
    std::fs::write(out.join("warnings.txt"), &warnings)?;
    let failed = report_failures(&results);
    let warned =
        results.iter().filter(|(_, r)| r.as_ref().is_ok_and(|x| !x.warnings.is_empty())).count();
    print_summary(files.len(), failed, warned, &items, out);
    Ok(exit_for(failed))
}

fn print_summary(files: usize, failed: usize, warned: usize, items: &[AuditedForm], out: &Path) {
    let s = Summary::of(items);
    println!(
        "files: {files} ({failed} failed, see {0}/errors.txt; {warned} read with warnings, \
         see {0}/warnings.txt)",
        out.display()
    );
    println!("forms: {} ({} with errors)", s.forms, s.forms_with_errors);
    let counts: Vec<String> = s.counts.iter().map(|(code, n)| format!("{code} {n}")).collect();
    println!("checks: {}", if counts.is_empty() { "none".into() } else { counts.join(", ") });
    println!(
        "written: {}/records.jsonl, {}/audit.txt, one NAME.json per file",
        out.display(),
        out.display()
    );
}

fn cmd_golden(action: GoldenAction) -> Result<ExitCode> {
    match action {
        GoldenAction::Check { samples, golden } => {
            let diffs = golden::check(&samples, &golden)?;
            for d in &diffs {
                println!("{d}");
            }
            if diffs.is_empty() {
                eprintln!("golden: all samples match {}", golden.display());
                Ok(ExitCode::SUCCESS)
            } else {
                eprintln!("golden: {} difference(s)", diffs.len());
                Ok(ExitCode::from(1))
            }
        }
        GoldenAction::Bless { samples, golden } => {
            let n = golden::bless(&samples, &golden)?;
            eprintln!("golden: wrote {n} file(s) to {}", golden.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}
