//! Command-line flags, turned into the settings the rest of cli uses.

use std::ops::RangeInclusive;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jixiao_layout::pdf::PdfSettings;

/// jixiao: 财政项目支出绩效自评表 (PDF or text dump) → checked, structured
/// records.
#[derive(Debug, Parser)]
#[command(
    name = "jixiao",
    version,
    about,
    after_help = "Output contract: docs/SCHEMA.md (records §1, §1b; grids §2)."
)]
pub struct Flags {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Worker threads for several files (0: one per core).
    #[arg(short = 'j', long, global = true, default_value_t = 0)]
    pub jobs: usize,
    /// Show the progress bar on stderr even when stderr is not a terminal.
    #[arg(long, global = true, conflicts_with = "quiet")]
    pub progress: bool,
    /// No progress bar, no summary, no per-file messages (the manifest and
    /// the exit code still tell).
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// How to read each file (PDF conventions of pdftotext, Camelot, tabula).
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Password for encrypted PDFs (user or owner password).
    #[arg(long, value_name = "PW")]
    pub password: Option<String>,
    /// Pages to read, e.g. `1-3,7` (1-based; default: all).
    #[arg(long, value_name = "LIST", value_parser = parse_pages)]
    pub pages: Option<PageRanges>,
    /// Give up on a file after this many seconds (reported as `timeout`).
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub timeout_secs: u64,
    /// Files larger than this are not read (reported as `too_large`).
    #[arg(long, value_name = "MIB", default_value_t = 256)]
    pub max_file_mb: u64,
}

/// The bulk run's inputs and outputs (`extract` and `batch`).
#[derive(Debug, Clone, Args)]
pub struct BulkArgs {
    /// PDF or text files (`-` = stdin), or directories to walk recursively.
    #[arg(required_unless_present = "files_from")]
    pub paths: Vec<PathBuf>,
    /// Also read the paths listed in this file, one per line (`-` = stdin).
    #[arg(long, value_name = "LIST")]
    pub files_from: Option<PathBuf>,
    /// Write a dataset into this directory (records.jsonl, CSV tables,
    /// manifest.jsonl, summary.json) instead of printing records.
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also write jixiao.sqlite (the same tables, with keys and indexes).
    #[arg(long)]
    pub sqlite: bool,
    /// Start the CSV files with a UTF-8 BOM, for Excel.
    #[arg(long)]
    pub excel_csv: bool,
    /// Also write one JSON file per input under DIR/files/, mirroring the
    /// input tree.
    #[arg(long)]
    pub per_file: bool,
    /// Go on with an interrupted run in DIR: inputs already in its manifest
    /// are skipped, and whatever a kill left half-written is dropped.
    #[arg(long, requires = "out")]
    pub resume: bool,
    /// Take only the inputs whose sha256 falls in shard K of N (K from 0 to
    /// N-1), so N machines split a crawl without talking to each other.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Also write review pages into DIR/review/ (one HTML page per input
    /// and index.html, as `jixiao review` writes them).
    #[arg(long, requires = "out")]
    pub review: bool,
    /// Add `provenance` to every record: where each field was printed
    /// (page and box, or line), and where each check points (SCHEMA.md §1d).
    #[arg(long)]
    pub provenance: bool,
    /// How to read each file.
    #[command(flatten)]
    pub read: ReadArgs,
}

/// Selected pages, as inclusive 1-based ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRanges(pub Vec<RangeInclusive<u32>>);

/// Shard K of N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// This shard, 0 ≤ K < N.
    pub k: u64,
    /// Number of shards.
    pub n: u64,
}

impl Shard {
    /// Whether the input with this sha256 (hex) is in the shard: the first
    /// 16 hex digits as a number, modulo N.
    pub fn takes(&self, sha256: &str) -> bool {
        let head = sha256.get(..16).and_then(|h| u64::from_str_radix(h, 16).ok()).unwrap_or(0);
        head % self.n == self.k
    }
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let parse =
        |t: &str| t.trim().parse::<u64>().map_err(|_| format!("`{s}`: expected K/N, e.g. 0/4"));
    let (k, n) = s.split_once('/').ok_or_else(|| format!("`{s}`: expected K/N, e.g. 0/4"))?;
    let (k, n) = (parse(k)?, parse(n)?);
    if n == 0 || k >= n {
        return Err(format!("`{s}`: K must be in 0..N and N at least 1"));
    }
    Ok(Shard { k, n })
}

fn parse_pages(s: &str) -> Result<PageRanges, String> {
    let bad = || format!("`{s}`: expected pages like 1-3,7 (1-based)");
    let mut out = Vec::new();
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (a, b) = part.split_once('-').unwrap_or((part, part));
        let a: u32 = a.trim().parse().map_err(|_| bad())?;
        let b: u32 =
            if b.trim().is_empty() { u32::MAX } else { b.trim().parse().map_err(|_| bad())? };
        if a == 0 || b < a {
            return Err(bad());
        }
        out.push(a..=b);
    }
    if out.is_empty() {
        return Err(bad());
    }
    Ok(PageRanges(out))
}

/// How each file is read: the PDF reader's settings and the per-file limits.
#[derive(Debug, Clone)]
pub struct ReadSettings {
    /// Password and pages; the deadline is set per file.
    pub pdf: PdfSettings,
    /// Time allowed per file.
    pub timeout: Duration,
    /// Largest file read, in bytes.
    pub max_file_size: u64,
}

/// Where a dataset goes and what it holds.
#[derive(Debug, Clone)]
pub struct OutSettings {
    /// The dataset directory.
    pub dir: PathBuf,
    /// jixiao.sqlite too.
    pub sqlite: bool,
    /// BOM before each CSV file.
    pub excel_csv: bool,
    /// DIR/files/PATH.json per input.
    pub per_file: bool,
    /// Skip what DIR's manifest has.
    pub resume: bool,
    /// DIR/review/: a review page per input and index.html.
    pub review: bool,
}

impl ReadArgs {
    /// The settings these flags give.
    pub fn settings(&self) -> Result<ReadSettings> {
        if self.timeout_secs == 0 {
            bail!("--timeout-secs must be at least 1");
        }
        let pdf = PdfSettings {
            password: self.password.clone(),
            pages: self.pages.clone().map(|p| p.0),
            ..PdfSettings::default()
        };
        Ok(ReadSettings {
            pdf,
            timeout: Duration::from_secs(self.timeout_secs),
            max_file_size: self.max_file_mb.saturating_mul(1024 * 1024),
        })
    }
}

impl BulkArgs {
    /// The output settings, when `--out` is given.
    pub fn out_settings(&self) -> Option<OutSettings> {
        self.out.as_ref().map(|dir| OutSettings {
            dir: dir.clone(),
            sqlite: self.sqlite,
            excel_csv: self.excel_csv,
            per_file: self.per_file,
            resume: self.resume,
            review: self.review,
        })
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract form records (SCHEMA.md §1). One file: a JSON array; several
    /// files or directories: JSON Lines, one record per line; with `--out
    /// DIR`: a dataset, written file by file as each finishes.
    Extract(BulkArgs),
    /// Print the reconstructed table grid of each form (SCHEMA.md §2).
    Tables {
        /// PDF or text files (`-` = stdin).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: one JSON document, or CSV rows (file, table, row,
        /// col, rowspan, colspan, text).
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Also dump the layout intermediates (rows per page; JSON only).
        #[arg(long)]
        debug: bool,
        /// How to read each file.
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Audit forms: printed vs recomputed totals and grades, every check,
    /// and a summary. Exits 0 even when forms have findings.
    Audit {
        /// PDF or text files, or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Report format (json also lists failed files with their cause).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// How to read each file.
        #[command(flatten)]
        read: ReadArgs,
    },
    /// Write review pages: per input one self-contained HTML page showing
    /// each form on its page images with the grid, the fields and the
    /// findings drawn over them; DIR/index.html lists them all.
    Review {
        /// PDF or text files, or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Directory for the pages (created if missing).
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
        /// How to read each file.
        #[command(flatten)]
        read: ReadArgs,
    },
    /// List each font per page: type, encoding, ToUnicode status (present,
    /// partial, absent), how its glyphs were decoded, and how many came out
    /// unknown (U+FFFD).
    Fonts {
        /// PDF files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format: an aligned table per file, or JSON.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// How to read each file.
        #[command(flatten)]
        read: ReadArgs,
    },
    /// `extract --out DIR` (DIR defaults to `out`): the same code path.
    Batch(BulkArgs),
    /// Join the datasets of `--shard` runs into one, as if one run had read
    /// every input.
    Merge {
        /// Dataset directories (the `--out` of each shard).
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// The merged dataset directory (must not exist or be empty).
        #[arg(short, long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Write the man pages (jixiao.1 and one per subcommand) into DIR.
    Man {
        /// Output directory.
        #[arg(default_value = "man")]
        dir: PathBuf,
    },
    /// Golden regression files.
    Golden {
        /// check or bless.
        #[command(subcommand)]
        action: GoldenAction,
    },
}

/// Golden subcommands.
#[derive(Debug, Subcommand)]
pub enum GoldenAction {
    /// Compare extraction of every sample with GOLDEN_DIR/NAME.json, field
    /// by field; exit 1 on any difference.
    Check {
        /// Directory of samples (.pdf, .txt).
        samples: PathBuf,
        /// Directory of golden NAME.json files.
        golden: PathBuf,
    },
    /// Write or update the golden files from the current output.
    Bless {
        /// Directory of samples (.pdf, .txt).
        samples: PathBuf,
        /// Directory of golden NAME.json files.
        golden: PathBuf,
    },
}

/// Report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable text.
    Text,
    /// JSON for machines.
    Json,
    /// CSV (tables only).
    Csv,
}
