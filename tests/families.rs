//! Template families (REAL_TEMPLATES.md A2–A7, D2, D3; issue #7): each
//! family's form as a text dump, an HTML page and that page printed by two
//! producers (wkhtmltopdf, Chromium), all against one truth, and giving the
//! same record field for field. The samples are `samples/family_XX*`
//! (tools/samplegen/families.py).

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::putuo::differences;
use crate::util::{jixiao, root, sample};

/// The families, by the truth files without a producer suffix.
fn families() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            let stem = name.strip_suffix(".truth.json")?.to_string();
            (stem.starts_with("family_") && stem.matches('_').count() == 1).then_some(stem)
        })
        .collect();
    v.sort();
    v
}

/// A family's four renderings: dump, page, and the page printed twice.
fn renderings(family: &str) -> Vec<PathBuf> {
    ["_txt.txt", "_html.html", "_wk.pdf", "_chrome.pdf"]
        .iter()
        .map(|ext| sample(&format!("{family}{ext}")))
        .collect()
}

fn extract(path: &Path) -> Value {
    let out = jixiao(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The fields a record reads from the form (not where it came from, nor
/// the repairs, which differ where a PDF page cut a row).
fn fields(records: &Value) -> Value {
    let mut v = records.clone();
    for r in v.as_array_mut().unwrap() {
        for key in ["source", "id", "checks"] {
            r.as_object_mut().unwrap().remove(key);
        }
    }
    v
}

#[test]
fn every_family_reads_exactly_in_every_rendering() {
    let families = families();
    assert!(families.len() >= 6, "families: {families:?}");
    let mut failures = Vec::new();
    for family in &families {
        let truth: Value = serde_json::from_str(
            &std::fs::read_to_string(sample(&format!("{family}.truth.json"))).unwrap(),
        )
        .unwrap();
        let mut first: Option<Value> = None;
        for file in renderings(family) {
            let got = extract(&file);
            let diffs = differences(&truth, &got);
            if !diffs.is_empty() {
                failures.push(format!("{}:\n  {}", file.display(), diffs.join("\n  ")));
            }
            match &first {
                None => first = Some(fields(&got)),
                Some(f) if *f != fields(&got) => {
                    failures.push(format!("{}: differs from the text dump", file.display()))
                }
                Some(_) => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
