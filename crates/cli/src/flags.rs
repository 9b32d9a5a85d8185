//! Command-line flags, turned into the settings the rest of cli uses.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Show progress on stderr (default: when stderr is a terminal).
    #[arg(long, global = true)]
    pub progress: bool,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract form records (SCHEMA.md §1). One file: a JSON array; several
    /// files or directories: JSON Lines, one record per line.
    Extract {
        /// PDF or text files, or directories to search for them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write one NAME.json per input into this directory instead of
        /// printing.
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Print the reconstructed table grid of each form (SCHEMA.md §2).
    Tables {
        /// A PDF or text file.
        path: PathBuf,
        /// Also dump the layout intermediates (rows per page).
        #[arg(long)]
        debug: bool,
    },
    /// Audit forms: printed vs recomputed totals and grades, every check,
    /// and a summary. Exits 0 even when forms have findings.
    Audit {
        /// PDF or text files, or directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Report format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Extract a whole directory into an output directory: NAME.json per
    /// input, records.jsonl, audit.txt, errors.txt; prints a summary.
    Batch {
        /// Directories or files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output directory.
        #[arg(short, long, default_value = "out")]
        out: PathBuf,
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
}
