//! Issue #4 on forms with deliberate, documented inconsistencies
//! (`samples/*.expected_checks.json`, written with the samples, never from
//! jixiao's output): every required finding fires with its code, severity
//! and path, and nothing else does (`repaired` aside; `optional` entries may
//! or may not fire).

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{jixiao, root};

type Finding = (u64, String, String, String);

fn finding(form: u64, c: &Value) -> Finding {
    let s = |k: &str| c[k].as_str().unwrap_or_default().to_string();
    (form, s("code"), s("severity"), s("path"))
}

#[test]
fn audit_finds_exactly_the_documented_inconsistencies() {
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
        let Some(stem) = name.strip_suffix(".expected_checks.json") else { continue };
        let source = ["pdf", "txt"]
            .iter()
            .map(|e| root().join("samples").join(format!("{stem}.{e}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{stem}: no sample"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let out = jixiao(&["extract", source.to_str().unwrap()]);
        let records: Value = serde_json::from_slice(&out.stdout).unwrap();
        let fired: BTreeSet<Finding> = records
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .flat_map(|(i, r)| {
                r["checks"].as_array().unwrap().iter().map(move |c| finding(i as u64, c))
            })
            .filter(|f| f.1 != "repaired")
            .collect();
        let listed: Vec<(Finding, bool)> = expected
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (finding(e["form"].as_u64().unwrap(), e), e["optional"].as_bool().unwrap_or(false))
            })
            .collect();
        for (f, optional) in &listed {
            if !optional && !fired.contains(f) {
                problems.push(format!("{stem}: missing {f:?}"));
            }
        }
        for f in &fired {
            if !listed.iter().any(|(l, _)| l == f) {
                problems.push(format!("{stem}: unexpected {f:?}"));
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} samples with expected findings");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
