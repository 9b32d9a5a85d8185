//! Golden files: `golden check` compares extraction with `GOLDEN/NAME.json`
//! field by field; only `golden bless` rewrites them.
//!
//! A golden file holds what `extract` prints for the sample (a JSON array of
//! records), or `{"error": "…"}` when the sample must fail (an image-only
//! scan). `source.file` is left out of the comparison, since it is the path
//! as typed.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use serde_json::{json, Value};

use crate::input::expand;
use crate::pipeline::extract;

/// What a sample gives now: its records, or the error it fails with.
pub fn sample_output(path: &Path) -> Value {
    match extract(path) {
        Ok(x) => Value::Array(x.records_json()),
        Err(e) => {
            json!({ "error": format!("{e:#}").replace(&path.display().to_string(), &name_of(path)) })
        }
    }
}

fn name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn golden_path(golden: &Path, sample: &Path) -> PathBuf {
    let stem = sample.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    golden.join(format!("{stem}.json"))
}

/// Compares every sample with its golden file; returns the differences as
/// `sample: path: expected → got` lines.
pub fn check(samples: &Path, golden: &Path) -> Result<Vec<String>> {
    let mut diffs = Vec::new();
    for sample in expand(&[samples.to_path_buf()])? {
        let gp = golden_path(golden, &sample);
        let name = name_of(&sample);
        let Ok(text) = std::fs::read_to_string(&gp) else {
            diffs.push(format!(
                "{name}: no golden file {} (run `jixiao golden bless`)",
                gp.display()
            ));
            continue;
        };
        let expected: Value =
            serde_json::from_str(&text).with_context(|| format!("{}: not JSON", gp.display()))?;
        let got = sample_output(&sample);
        diff_values("", &strip_file(expected), &strip_file(got), &mut |path, e, g| {
            diffs.push(format!("{name}: {path}: {e} → {g}"))
        });
    }
    Ok(diffs)
}

/// Writes every sample's output to its golden file; returns how many.
pub fn bless(samples: &Path, golden: &Path) -> Result<usize> {
    std::fs::create_dir_all(golden)
        .with_context(|| format!("{}: cannot create", golden.display()))?;
    let files = expand(&[samples.to_path_buf()])?;
    for sample in &files {
        let mut out = sample_output(sample);
        normalise_file(&mut out, sample);
        let gp = golden_path(golden, sample);
        let text = serde_json::to_string_pretty(&out)? + "\n";
        std::fs::write(&gp, text).with_context(|| format!("{}: cannot write", gp.display()))?;
    }
    Ok(files.len())
}

/// Golden files name the sample by file name, wherever it was run from.
fn normalise_file(v: &mut Value, sample: &Path) {
    if let Value::Array(records) = v {
        for r in records {
            if let Some(src) = r.get_mut("source").and_then(Value::as_object_mut) {
                src.insert("file".into(), Value::String(name_of(sample)));
            }
        }
    }
}

fn strip_file(mut v: Value) -> Value {
    if let Value::Array(records) = &mut v {
        for r in records {
            if let Some(src) = r.get_mut("source").and_then(Value::as_object_mut) {
                src.remove("file");
            }
        }
    }
    v
}

/// Walks two JSON values and reports each leaf that differs, with its path
/// (`[3].indicators[2].score`).
pub fn diff_values(
    path: &str,
    expected: &Value,
    got: &Value,
    report: &mut dyn FnMut(&str, String, String),
) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, ev) in e {
                let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                match g.get(k) {
                    Some(gv) => diff_values(&p, ev, gv, report),
                    None => report(&p, short(ev), "(missing)".into()),
                }
            }
            for (k, gv) in g {
                if !e.contains_key(k) {
                    let p = if path.is_empty() { k.clone() } else { format!("{path}.{k}") };
                    report(&p, "(missing)".into(), short(gv));
                }
            }
        }
        (Value::Array(e), Value::Array(g)) => {
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                diff_values(&format!("{path}[{i}]"), ev, gv, report);
            }
            if e.len() != g.len() {
                report(&format!("{path}.length"), e.len().to_string(), g.len().to_string());
            }
        }
        (Value::Number(e), Value::Number(g)) if e.as_f64() == g.as_f64() => {}
        _ if expected == got => {}
        _ => report(path, short(expected), short(got)),
    }
}

/// A value for a diff line: whole when short, cut when long.
fn short(v: &Value) -> String {
    const MAX_CHARS: usize = 120;
    let s = v.to_string();
    if s.chars().count() <= MAX_CHARS {
        s
    } else {
        s.chars().take(MAX_CHARS).collect::<String>() + "…"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diffs(e: Value, g: Value) -> Vec<String> {
        let mut out = Vec::new();
        diff_values("", &e, &g, &mut |p, e, g| out.push(format!("{p}: {e} → {g}")));
        out
    }

    #[test]
    fn reports_leaf_paths() {
        let e = json!([{"a": {"b": 1.0, "c": [1, 2]}}]);
        let g = json!([{"a": {"b": 2.0, "c": [1, 3], "d": null}}]);
        assert_eq!(
            diffs(e, g),
            ["[0].a.b: 1.0 → 2.0", "[0].a.c[1]: 2 → 3", "[0].a.d: (missing) → null"]
        );
    }

    #[test]
    fn equal_numbers_of_different_spelling_agree() {
        assert!(diffs(json!(10.0), json!(10)).is_empty());
        assert_eq!(diffs(json!([1]), json!([1, 2])), [".length: 1 → 2"]);
    }
}
