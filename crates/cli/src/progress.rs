//! The progress bar on stderr (indicatif): files done of total, forms,
//! failures, pages/s and ETA. Shown when stderr is a terminal or with
//! `--progress`; `-q` hides it.

use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::bulk::Outcome;
use crate::manifest::Status;

/// The bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
    start: Instant,
    forms: usize,
    failed: usize,
    pages: usize,
}

impl Progress {
    /// A bar over `total` inputs, drawn only when `show`.
    pub fn new(total: usize, show: bool) -> Progress {
        let bar = show.then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg}, ETA {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar
        });
        Progress { bar, start: Instant::now(), forms: 0, failed: 0, pages: 0 }
    }

    /// One more input written (or skipped by shard or resume).
    pub fn tick(&mut self, o: Option<&Outcome>) {
        let Some(bar) = &self.bar else { return };
        if let Some(o) = o {
            self.forms += o.line.forms;
            self.pages += o.line.pages;
            self.failed += usize::from(o.line.status == Status::Failed);
        }
        let rate = self.pages as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        bar.set_message(format!("{} forms, {} failed, {rate:.0} pages/s", self.forms, self.failed));
        bar.inc(1);
    }

    /// Prints a line above the bar (or plainly, without one).
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
