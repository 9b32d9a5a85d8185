//! Issue #13: the fuzzers' findings stay fixed. Every input under
//! `fuzz/regressions/TARGET/` replays through that target's body
//! (`fuzz/src/harness.rs`, the very code the fuzzer ran, with its property
//! assertions), and every file of `tests/hostile/` through the PDF target.
//! Each input runs in a child process, which must end cleanly within 2 s
//! and 300 MB of peak resident memory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../fuzz/src/harness.rs"]
#[allow(dead_code)]
mod harness;

/// What one input may cost (issue #13).
const TIME_LIMIT: Duration = Duration::from_secs(2);
const PEAK_LIMIT_KB: u64 = 300 * 1024;

/// The environment variable that hands a child its target and input.
const CHILD_INPUT: &str = "JIXIAO_REPLAY_INPUT";

/// Every (target, input) to replay, sorted.
fn inputs() -> Vec<(&'static str, PathBuf)> {
    let mut out = Vec::new();
    for (target, _) in harness::TARGETS {
        for path in files(&crate::util::root().join("fuzz/regressions").join(target)) {
            out.push((target, path));
        }
    }
    for path in files(&crate::util::root().join("tests/hostile")) {
        if path.extension().is_some_and(|e| e == "pdf") {
            out.push(("pdf_to_rows", path));
        }
    }
    out
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.file_name().is_none_or(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

#[test]
fn issue_13_every_regression_input_replays_cleanly_within_its_limits() {
    let inputs = inputs();
    let hostile = inputs
        .iter()
        .filter(|(_, p)| p.starts_with(crate::util::root().join("tests/hostile")))
        .count();
    assert!(hostile >= 7, "the seven hostile PDFs are there, found {hostile}");
    let mut failures = Vec::new();
    for (target, path) in &inputs {
        if let Err(why) = replay(target, path) {
            failures.push(format!("{target} {}: {why}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs failed:\n{}",
        failures.len(),
        inputs.len(),
        failures.join("\n")
    );
}

/// Runs one input in a child (this test binary, running `replay_child`).
fn replay(target: &str, path: &Path) -> Result<(), String> {
    let started = Instant::now();
    let mut child = Command::new(std::env::current_exe().map_err(|e| e.to_string())?)
        .args([
            "fuzz_replay::replay_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_INPUT, format!("{target}:{}", path.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    while child.try_wait().map_err(|e| e.to_string())?.is_none() {
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {TIME_LIMIT:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        return Err(format!("{}\n{stdout}{stderr}", out.status));
    }
    // The harness prints its own "test … " before the child's line.
    let peak = stdout
        .split("replay-peak-kb ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse::<u64>().ok())
        .ok_or_else(|| format!("the child did not report its peak memory:\n{stdout}"))?;
    if peak > PEAK_LIMIT_KB {
        return Err(format!("peak resident memory {peak} kB"));
    }
    Ok(())
}

/// The child's side of [`replay`]: runs only when a parent hands it an
/// input, so it is ignored in a normal run.
#[test]
#[ignore = "run by issue_13_every_regression_input_replays_cleanly_within_its_limits in a child process"]
fn replay_child() {
    let input = std::env::var(CHILD_INPUT).expect("run by the replay test, which names the input");
    let (target, path) = input.split_once(':').expect("TARGET:PATH");
    let run = harness::TARGETS.iter().find(|t| t.0 == target).expect("a known target").1;
    let bytes = std::fs::read(path).expect("the input is readable");
    run(&bytes);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find_map(|l| l.strip_prefix("VmHWM:")).unwrap_or("0 kB");
    println!("replay-peak-kb {}", peak.trim().trim_end_matches(" kB"));
}
