//! The one bulk path: files read in parallel on a rayon pool, results
//! handed to a [`Sink`] one file at a time, in input order, as soon as each
//! file and all before it are done.
//!
//! Why this shape:
//! - Workers take the next input from a shared counter, and never more than
//!   [`WINDOW_PER_JOB`] × jobs ahead of the writer. The reorder buffer (the
//!   results waiting for a slower file before them) is therefore bounded,
//!   and memory stays flat however many files there are. A `par_iter` would
//!   split the list into halves and run far ahead.
//! - Time: the PDF reader gets a deadline and stops itself (checked per page
//!   and every few thousand operators). Code that cannot be told to stop (a
//!   loop in a dependency) is caught by the watchdog: when the file the
//!   writer waits for has run past its deadline plus [`GRACE`], it is written
//!   as `timeout` and the batch goes on. Rust cannot kill a thread, so that
//!   worker is left behind (it dies with the process) and a fresh worker
//!   thread takes its place, so the pool keeps its width.
//! - Panics are caught per file (`catch_unwind`), with the panic message
//!   kept for the manifest instead of printed.

use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use anyhow::Result;

use crate::flags::{ReadSettings, Shard};
use crate::manifest::{classify, Failure, FailureKind, ManifestLine, Status};
use crate::pipeline::extract_bytes;

/// How many inputs per worker may be in flight or waiting to be written.
const WINDOW_PER_JOB: usize = 4;

/// How long past its deadline a file may run before the watchdog gives up
/// on it (the reader's own deadline check normally ends it first).
const GRACE: Duration = Duration::from_secs(5);

/// How often the writer wakes to look at the clock while it waits.
const WATCH_TICK: Duration = Duration::from_millis(100);

/// One input's result, ready to be written.
#[derive(Debug)]
pub struct Outcome {
    /// The manifest line.
    pub line: ManifestLine,
    /// The records (SCHEMA §1 with `id`), empty unless ok.
    pub records: Vec<crate::pipeline::RecordOut>,
    /// Reader warnings (ok files only).
    pub warnings: Vec<jixiao_layout::Warning>,
    /// The input's line of the review index, when review pages are
    /// written and the input was read.
    pub review: Option<Box<jixiao_review::IndexEntry>>,
}

/// Where outcomes go, in input order.
pub trait Sink {
    /// Writes one input's outcome.
    fn file(&mut self, outcome: &Outcome) -> Result<()>;
    /// An input that belongs to another shard or an earlier run.
    fn elsewhere(&mut self) {}
}

/// What earlier runs into the same dataset did (for `--resume`).
#[derive(Debug, Default)]
pub struct Prior {
    /// Paths that have a manifest line.
    pub done: HashSet<String>,
    /// sha256 → the first path that had it.
    pub seen: HashMap<String, String>,
}

/// The bulk run's settings.
#[derive(Debug, Clone)]
pub struct RunSettings {
    /// How each file is read.
    pub read: ReadSettings,
    /// Worker threads (at least 1).
    pub jobs: usize,
    /// Only inputs in this shard.
    pub shard: Option<Shard>,
    /// Records carry their provenance (SCHEMA.md §1d).
    pub provenance: bool,
    /// Write each input's review page into this directory.
    pub review: Option<PathBuf>,
}

/// What a worker hands back.
enum Work {
    Done(Outcome),
    /// Not in this shard, or already in the manifest: no line at all.
    Elsewhere,
}

struct Queue {
    /// (next input to take, first input not to take yet).
    state: Mutex<(usize, usize)>,
    more: Condvar,
}

struct Shared {
    inputs: Vec<PathBuf>,
    stdin: Option<Vec<u8>>,
    settings: RunSettings,
    prior: Prior,
    queue: Queue,
    /// Inputs being worked on: index → start.
    started: Mutex<HashMap<usize, Instant>>,
}

/// Counts of the outcomes written.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Inputs with a manifest line this run.
    pub files: usize,
    /// Of which failed.
    pub failed: usize,
}

/// Runs every input through the pipeline and hands the outcomes to `sink`
/// in input order. `stdin` holds the bytes of the input `-`, if any.
pub fn run(
    inputs: Vec<PathBuf>,
    stdin: Option<Vec<u8>>,
    settings: RunSettings,
    prior: Prior,
    sink: &mut dyn Sink,
) -> Result<Tally> {
    let n = inputs.len();
    let jobs = settings.jobs.max(1);
    let window = jobs * WINDOW_PER_JOB;
    let shared = Arc::new(Shared {
        inputs,
        stdin,
        settings,
        prior,
        queue: Queue { state: Mutex::new((0, window)), more: Condvar::new() },
        started: Mutex::new(HashMap::new()),
    });
    let (tx, rx) = channel::<(usize, Work)>();
    let pool = rayon::ThreadPoolBuilder::new().num_threads(jobs).build()?;
    for _ in 0..jobs {
        let (s, tx) = (Arc::clone(&shared), tx.clone());
        pool.spawn(move || worker(&s, &tx));
    }
    let mut writer = Writer { seen: shared.prior.seen.clone(), tally: Tally::default() };
    let mut pending: BTreeMap<usize, Work> = BTreeMap::new();
    let mut abandoned: HashSet<usize> = HashSet::new();
    let mut next = 0;
    while next < n {
        if let Some(work) = pending.remove(&next) {
            writer.write(work, sink)?;
            next += 1;
            let mut state = lock(&shared.queue.state);
            state.1 = next + window;
            shared.queue.more.notify_all();
            continue;
        }
        match rx.recv_timeout(WATCH_TICK) {
            Ok((i, work)) if !abandoned.contains(&i) && i >= next => {
                pending.insert(i, work);
            }
            Ok(_) => {}
            Err(RecvTimeoutError::Timeout) => {
                if overdue(&shared, next) {
                    abandoned.insert(next);
                    pending.insert(next, Work::Done(timed_out(&shared, next)));
                    // The stuck worker keeps its thread; give the pool a new one.
                    let (s, tx) = (Arc::clone(&shared), tx.clone());
                    std::thread::spawn(move || worker(&s, &tx));
                }
            }
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("all workers stopped"),
        }
    }
    Ok(writer.tally)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A worker that panicked outside catch_unwind cannot leave these
    // counters half-updated: take the data anyway.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn overdue(shared: &Shared, i: usize) -> bool {
    let limit = shared.settings.read.timeout + GRACE;
    lock(&shared.started).get(&i).is_some_and(|t| t.elapsed() > limit)
}

fn timed_out(shared: &Shared, i: usize) -> Outcome {
    let path = shared.inputs[i].display().to_string();
    let secs = shared.settings.read.timeout.as_secs();
    let message = format!("{path}: still running after {secs} s (--timeout-secs), abandoned");
    failed(&path, None, FailureKind::Timeout, message, 0, secs as f64)
}

/// Takes inputs until none is left; each result goes to the writer.
fn worker(shared: &Shared, tx: &Sender<(usize, Work)>) {
    IN_WORKER.with(|w| w.set(true));
    loop {
        let i = {
            let mut state = lock(&shared.queue.state);
            while state.0 >= state.1 && state.0 < shared.inputs.len() {
                state = shared.queue.more.wait(state).unwrap_or_else(|e| e.into_inner());
            }
            if state.0 >= shared.inputs.len() {
                return;
            }
            state.0 += 1;
            state.0 - 1
        };
        lock(&shared.started).insert(i, Instant::now());
        let work = process(shared, i);
        lock(&shared.started).remove(&i);
        if tx.send((i, work)).is_err() {
            return;
        }
    }
}

/// One input: read, hash, shard and resume filters, then the pipeline under
/// `catch_unwind` with a deadline.
fn process(shared: &Shared, i: usize) -> Work {
    let t0 = Instant::now();
    let input = &shared.inputs[i];
    let path = input.display().to_string();
    if shared.prior.done.contains(&path) {
        return Work::Elsewhere;
    }
    let bytes = match read(input, shared) {
        Ok(b) => b,
        Err(f) => {
            // No bytes, no sha256: the path decides the shard.
            let key = crate::input::sha256_hex(path.as_bytes());
            if shared.settings.shard.is_some_and(|s| !s.takes(&key)) {
                return Work::Elsewhere;
            }
            return Work::Done(failed(&path, None, f.kind, f.message, 0, secs(t0)));
        }
    };
    let sha = crate::input::sha256_hex(&bytes);
    if shared.settings.shard.is_some_and(|s| !s.takes(&sha)) {
        return Work::Elsewhere;
    }
    if shared.prior.seen.contains_key(&sha) {
        // A duplicate of a file an earlier run read: the writer says so.
        return Work::Done(failed(&path, Some(sha), FailureKind::Internal, String::new(), 0, 0.0));
    }
    let mut pdf = shared.settings.read.pdf.clone();
    pdf.deadline = Some(t0 + shared.settings.read.timeout);
    let result = catch_unwind(AssertUnwindSafe(|| {
        inject_fault(&path);
        let locate = shared.settings.provenance || shared.settings.review.is_some();
        extract_bytes(input, &bytes, sha.clone(), &pdf, locate)
    }));
    let outcome = match result {
        Ok(Ok(x)) => {
            extracted(shared, Input { path, sha256: Some(sha), bytes: &bytes, started: t0 }, x)
        }
        Ok(Err(e)) => {
            let pages = e
                .chain()
                .find_map(|c| match c.downcast_ref::<jixiao_layout::Error>() {
                    Some(jixiao_layout::Error::NoTextLayer { pages }) => Some(pages.len()),
                    _ => None,
                })
                .unwrap_or(0);
            failed(&path, Some(sha), classify(&e), format!("{e:#}"), pages, secs(t0))
        }
        Err(_) => {
            let why = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
            let message = format!("{path}: internal error (panic: {why}); please report this file");
            failed(&path, Some(sha), FailureKind::Internal, message, 0, secs(t0))
        }
    };
    Work::Done(outcome)
}

/// An input that was read, for [`extracted`].
struct Input<'a> {
    path: String,
    sha256: Option<String>,
    bytes: &'a [u8],
    started: Instant,
}

/// The outcome of an input extracted without error: its records (with
/// provenance if asked), its review page written if asked, its manifest
/// line.
fn extracted(shared: &Shared, input: Input<'_>, mut x: crate::pipeline::Extracted) -> Outcome {
    x.provenance = shared.settings.provenance;
    let records = x.records_out();
    let review = shared.settings.review.as_deref().map(|dir| {
        let page = crate::review::write_page(dir, &input.path, input.bytes, &x);
        Box::new(
            page.unwrap_or_else(|e| crate::review::failed_entry(&input.path, format!("{e:#}"))),
        )
    });
    let line = ManifestLine {
        path: input.path,
        sha256: input.sha256,
        status: Status::Ok,
        error: None,
        message: x.warnings.first().map(ToString::to_string),
        forms: records.len(),
        pages: x.pages,
        seconds: secs(input.started),
    };
    Outcome { line, records, warnings: x.warnings, review }
}

/// Test hook: `JIXIAO_FAULT=panic:TEXT` panics and `JIXIAO_FAULT=hang:TEXT`
/// loops forever on inputs whose path contains TEXT, standing in for a
/// dependency that panics or loops, so the tests can show that neither stops
/// the batch. Unset, it costs one environment lookup per file.
fn inject_fault(path: &str) {
    let Ok(fault) = std::env::var("JIXIAO_FAULT") else { return };
    match fault.split_once(':') {
        Some(("panic", text)) if path.contains(text) => panic!("injected fault in {path}"),
        Some(("hang", text)) if path.contains(text) => loop {
            std::thread::park();
        },
        _ => {}
    }
}

fn read(input: &Path, shared: &Shared) -> Result<Vec<u8>, Failure> {
    if input.as_os_str() == "-" {
        return Ok(shared.stdin.clone().unwrap_or_default());
    }
    let unreadable = |e: std::io::Error| {
        Failure::new(FailureKind::Unreadable, format!("{}: cannot read: {e}", input.display()))
    };
    let meta = std::fs::metadata(input).map_err(unreadable)?;
    let max = shared.settings.read.max_file_size;
    if meta.len() > max {
        let why = format!(
            "{}: {} bytes, more than --max-file-mb ({max} bytes)",
            input.display(),
            meta.len()
        );
        return Err(Failure::new(FailureKind::TooLarge, why));
    }
    std::fs::read(input).map_err(unreadable)
}

fn failed(
    path: &str,
    sha256: Option<String>,
    kind: FailureKind,
    message: String,
    pages: usize,
    seconds: f64,
) -> Outcome {
    let line = ManifestLine {
        path: path.to_string(),
        sha256,
        status: Status::Failed,
        error: Some(kind),
        message: Some(message),
        forms: 0,
        pages,
        seconds,
    };
    Outcome { line, records: Vec::new(), warnings: Vec::new(), review: None }
}

fn secs(t0: Instant) -> f64 {
    (t0.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
}

/// Notes duplicates (by sha256, first path wins) and counts, in order.
struct Writer {
    seen: HashMap<String, String>,
    tally: Tally,
}

impl Writer {
    fn write(&mut self, work: Work, sink: &mut dyn Sink) -> Result<()> {
        let Work::Done(mut o) = work else {
            sink.elsewhere();
            return Ok(());
        };
        if let Some(sha) = &o.line.sha256 {
            match self.seen.get(sha) {
                Some(first) if *first != o.line.path => {
                    o.line.status = Status::Skipped;
                    o.line.error = None;
                    o.line.message = Some(format!("duplicate of {first} (same sha256)"));
                    (o.line.forms, o.line.pages, o.line.seconds) = (0, 0, 0.0);
                    o.records.clear();
                    o.warnings.clear();
                }
                Some(_) => {}
                None => {
                    self.seen.insert(sha.clone(), o.line.path.clone());
                }
            }
        }
        self.tally.files += 1;
        if o.line.status == Status::Failed {
            self.tally.failed += 1;
        }
        sink.file(&o)
    }
}

thread_local! {
    static IN_WORKER: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs a panic hook that keeps a worker's panic message for its
/// manifest line instead of printing it; other threads panic as usual.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if IN_WORKER.with(Cell::get) {
            let msg = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".into());
            let at = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
        } else {
            default(info);
        }
    }));
}
