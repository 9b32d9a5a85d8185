//! The `jixiao` command. Turns flags into settings ([`flags`]), runs the
//! one bulk path ([`bulk`]) over the inputs, and prints records or writes a
//! dataset ([`dataset`]).
//!
//! Exit codes: 0 success; 1 golden differences; 2 some input failed (each
//! failure is reported with its file and cause, and the batch goes on); 3
//! nothing to do (no input found; the message says where it looked). A
//! closed stdout (`| head`) exits 0.

mod bulk;
mod csv_out;
mod dataset;
mod flags;
mod fonts;
mod golden;
mod input;
mod manifest;
mod merge;
mod pipeline;
mod progress;
mod review;
mod sqlite_out;
mod tables;
mod walk;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser};

use bulk::{Outcome, Prior, RunSettings, Sink};
use flags::{BulkArgs, Command, Flags, GoldenAction};
use manifest::Status;
use progress::Progress;

// glibc's malloc spends a third of an office file's time in malloc, free
// and consolidation (perf, 3,000 docx); mimalloc's thread-local free
// lists take most of that away, for PDFs too.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let flags = Flags::parse();
    bulk::install_panic_hook();
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

/// How the run talks to the person at the terminal.
#[derive(Clone, Copy)]
struct Ui {
    /// Draw the progress bar.
    progress: bool,
    /// Say nothing but errors of the command itself.
    quiet: bool,
    /// Worker threads.
    jobs: usize,
}

fn run(flags: Flags) -> Result<ExitCode> {
    let jobs = if flags.jobs > 0 {
        flags.jobs
    } else {
        std::thread::available_parallelism().map_or(1, usize::from)
    };
    // Commands other than the bulk path (audit, golden) use rayon's global pool.
    let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs).build_global();
    let progress = !flags.quiet && (flags.progress || std::io::stderr().is_terminal());
    let ui = Ui { progress, quiet: flags.quiet, jobs };
    match flags.command {
        Command::Extract(args) => cmd_extract(args, ui),
        Command::Batch(mut args) => {
            args.out.get_or_insert_with(|| PathBuf::from("out"));
            cmd_extract(args, ui)
        }
        Command::Tables { paths, format, debug, read } => {
            tables::cmd_tables(&paths, format, debug, &read.settings()?)
        }
        Command::Audit { paths, format, read } => {
            tables::cmd_audit(&paths, format, &read.settings()?, ui.quiet)
        }
        Command::Fonts { paths, format, read } => {
            fonts::cmd_fonts(&paths, format, &read.settings()?)
        }
        Command::Merge { dirs, out } => merge::cmd_merge(&dirs, &out, ui.quiet),
        Command::Review { paths, out, read } => {
            review::cmd_review(&paths, &out, &read.settings()?, ui.quiet)
        }
        Command::Completions { shell } => {
            let mut cmd = Flags::command();
            clap_complete::generate(shell, &mut cmd, "jixiao", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man { dir } => cmd_man(&dir),
        Command::Golden { action } => cmd_golden(action),
    }
}

/// `extract` and `batch`: walk, run, write; print records when no `--out`.
fn cmd_extract(args: BulkArgs, ui: Ui) -> Result<ExitCode> {
    let walk = walk::walk(&args.paths, args.files_from.as_deref())?;
    if walk.files.is_empty() {
        let places = walk::looked_in(&args.paths, args.files_from.as_deref());
        let exts = input::INPUT_EXTENSIONS.join(", .");
        eprintln!("jixiao: nothing to do: no input files (.{exts}) found in {places}");
        for note in &walk.notes {
            eprintln!("jixiao: {note}");
        }
        return Ok(ExitCode::from(3));
    }
    let stdin = if walk.files.iter().any(|f| f.as_os_str() == "-") {
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).context("cannot read stdin")?;
        Some(bytes)
    } else {
        None
    };
    let settings = RunSettings {
        read: args.read.settings()?,
        jobs: ui.jobs,
        shard: args.shard,
        provenance: args.provenance,
        review: args.review.then(|| args.out.as_deref().unwrap_or(Path::new("out")).join("review")),
    };
    let progress = Progress::new(walk.files.len(), ui.progress);
    if !ui.quiet {
        for note in &walk.notes {
            progress.println(&format!("jixiao: {note}"));
        }
    }
    let start = Instant::now();
    let tally = match args.out_settings() {
        Some(out) => {
            let (dataset, prior) = dataset::Dataset::open(&out)?;
            let mut sink = Reporting { inner: dataset, progress, quiet: ui.quiet, warn: false };
            let tally = bulk::run(walk.files, stdin, settings, prior, &mut sink)?;
            sink.progress.finish();
            let summary = sink.inner.finish(start.elapsed().as_secs_f64())?;
            if !ui.quiet {
                print_summary(&summary, &out.dir);
            }
            tally
        }
        None => {
            let single = walk.files.len() == 1 && args.paths.len() == 1 && !args.paths[0].is_dir();
            let out = Stdout { single, out: std::io::stdout().lock() };
            let mut sink = Reporting { inner: out, progress, quiet: ui.quiet, warn: true };
            let tally = bulk::run(walk.files, stdin, settings, Prior::default(), &mut sink)?;
            sink.progress.finish();
            tally
        }
    };
    Ok(if tally.failed > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Records on stdout: a JSON array for one file, JSON Lines for several.
struct Stdout<W: Write> {
    single: bool,
    out: W,
}

impl<W: Write> Sink for Stdout<W> {
    fn file(&mut self, o: &Outcome) -> Result<()> {
        if self.single {
            if o.line.status == Status::Ok {
                writeln!(self.out, "{}", serde_json::to_string_pretty(&o.records)?)?;
            }
        } else {
            for rec in &o.records {
                writeln!(self.out, "{}", serde_json::to_string(rec)?)?;
            }
            self.out.flush()?;
        }
        Ok(())
    }
}

/// A sink that also ticks the bar and reports failures (and, for records
/// printed to stdout, reader warnings) on stderr.
struct Reporting<S: Sink> {
    inner: S,
    progress: Progress,
    quiet: bool,
    warn: bool,
}

impl<S: Sink> Sink for Reporting<S> {
    fn file(&mut self, o: &Outcome) -> Result<()> {
        self.inner.file(o)?;
        self.progress.tick(Some(o));
        if self.quiet {
            return Ok(());
        }
        match (o.line.status, &o.line.message) {
            (Status::Failed, Some(m)) => self.progress.println(&format!("jixiao: {m}")),
            (Status::Ok, _) if self.warn && !o.warnings.is_empty() => {
                self.progress.println(&format!(
                    "jixiao: {}: read with {} warning(s), first: {} (all in source.warnings)",
                    o.line.path,
                    o.warnings.len(),
                    o.warnings[0]
                ))
            }
            _ => {}
        }
        Ok(())
    }

    fn elsewhere(&mut self) {
        self.progress.tick(None);
    }
}

fn print_summary(s: &serde_json::Value, dir: &Path) {
    let n = |k: &str| s[k].as_u64().unwrap_or(0);
    println!(
        "files: {} ({} ok, {} failed, {} skipped as duplicates; see {}/manifest.jsonl)",
        n("files"),
        n("ok"),
        n("failed"),
        n("skipped"),
        dir.display()
    );
    println!("forms: {}, pages: {}", n("forms"), n("pages"));
    let join = |v: &serde_json::Value| {
        let parts: Vec<String> =
            v.as_object().into_iter().flatten().map(|(k, c)| format!("{k} {c}")).collect();
        if parts.is_empty() {
            "none".to_string()
        } else {
            parts.join(", ")
        }
    };
    println!("errors: {}", join(&s["errors"]));
    println!("checks: {}", join(&s["checks"]));
    println!(
        "written: {0}/records.jsonl, {0}/{{forms,funds,indicators,checks}}.csv, {0}/summary.json",
        dir.display()
    );
}

fn cmd_man(dir: &Path) -> Result<ExitCode> {
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    clap_mangen::generate_to(Flags::command(), dir)
        .with_context(|| format!("{}: cannot write man pages", dir.display()))?;
    eprintln!("man pages written to {}", dir.display());
    Ok(ExitCode::SUCCESS)
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
