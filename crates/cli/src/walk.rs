//! Which files a batch reads: the paths given, directories walked
//! recursively (hidden entries skipped, endings from
//! [`crate::input::INPUT_EXTENSIONS`], case-insensitive), and the lines of
//! `--files-from LIST` (`-` = stdin). Symbolic links are followed, but a link
//! back into one of its own ancestors is a loop: walkdir reports it and we
//! note it instead of descending until the OS refuses.
//!
//! The result is sorted by path and free of repeated paths, which is the
//! order every output is written in, whatever `-j`.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::input::is_input;

/// The inputs found, and what the walk noticed on the way.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to read, sorted, each once (`-` is stdin).
    pub files: Vec<PathBuf>,
    /// Loops and unreadable directories, one message each.
    pub notes: Vec<String>,
}

/// Walks `paths` and the list file `files_from`.
pub fn walk(paths: &[PathBuf], files_from: Option<&Path>) -> Result<Walk> {
    let mut out = Walk::default();
    let mut listed = Vec::new();
    if let Some(list) = files_from {
        listed = read_list(list)?;
    }
    for p in paths.iter().chain(&listed) {
        if p.as_os_str() == "-" || !p.is_dir() {
            // A named file is read whatever its ending (a missing one fails
            // in the manifest, with its path).
            out.files.push(p.clone());
            continue;
        }
        walk_dir(p, &mut out);
    }
    out.files.sort();
    out.files.dedup();
    Ok(out)
}

fn walk_dir(dir: &Path, out: &mut Walk) {
    let entries = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
    for entry in entries {
        match entry {
            Ok(e) if e.file_type().is_file() && is_input(e.path()) => out.files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => {
                let at = e.path().map(|p| p.display().to_string()).unwrap_or_default();
                let why = match e.loop_ancestor() {
                    Some(a) => format!("symbolic link loop back to {}, not followed", a.display()),
                    None => e.to_string(),
                };
                out.notes.push(format!("{at}: {why}"));
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// One path per line (blank lines skipped); `-` reads the list from stdin.
fn read_list(list: &Path) -> Result<Vec<PathBuf>> {
    let lines: Vec<String> = if list.as_os_str() == "-" {
        std::io::stdin().lock().lines().collect::<std::io::Result<_>>()?
    } else {
        let text = std::fs::read_to_string(list)
            .with_context(|| format!("{}: cannot read the list of files", list.display()))?;
        text.lines().map(String::from).collect()
    };
    Ok(lines
        .iter()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .map(PathBuf::from)
        .collect())
}

/// Where a batch looked, for the "nothing to do" message.
pub fn looked_in(paths: &[PathBuf], files_from: Option<&Path>) -> String {
    let mut places: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    if let Some(l) = files_from {
        places.push(format!("--files-from {}", l.display()));
    }
    places.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walk_sorts_filters_and_survives_a_symlink_loop() {
        let dir = std::env::temp_dir().join(format!("jixiao-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("a/b")).unwrap();
        for f in ["a/b/x.PDF", "a/x.txt", "a/notes.md", "z.pdf", ".hidden.pdf"] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        #[cfg(unix)]
        std::os::unix::fs::symlink(dir.join("a"), dir.join("a/b/loop")).unwrap();
        let w = walk(std::slice::from_ref(&dir), None).unwrap();
        let names: Vec<String> =
            w.files.iter().map(|p| p.strip_prefix(&dir).unwrap().display().to_string()).collect();
        assert_eq!(names, ["a/b/x.PDF", "a/x.txt", "z.pdf"]);
        #[cfg(unix)]
        assert!(w.notes.iter().any(|n| n.contains("loop")), "{:?}", w.notes);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
