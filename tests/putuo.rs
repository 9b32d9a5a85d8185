//! The 24 forms of 上海市普陀区人社局 (2024), from their text dump
//! (`samples/putuo-2024.txt`), against the hand-checked truth
//! (`samples/putuo-2024.truth.json`), field by field.

use serde_json::Value;

use crate::util::{jixiao, sample};

/// Fields the truth compares: everything but what the validator adds and
/// where the record came from (`id` is derived from `source`).
const NOT_COMPARED: &[&str] = &["checks", "rescored", "source", "id"];

fn leaves(path: &str, expected: &Value, got: &Value, out: &mut Vec<String>) {
    match (expected, got) {
        (Value::Object(e), Value::Object(g)) => {
            for (k, ev) in e.iter().filter(|(k, _)| !NOT_COMPARED.contains(&k.as_str())) {
                leaves(&format!("{path}.{k}"), ev, g.get(k).unwrap_or(&Value::Null), out);
            }
        }
        (Value::Array(e), Value::Array(g)) if e.len() == g.len() => {
            for (i, (ev, gv)) in e.iter().zip(g).enumerate() {
                leaves(&format!("{path}[{i}]"), ev, gv, out);
            }
        }
        (Value::Number(e), Value::Number(g)) if e.as_f64() == g.as_f64() => {}
        _ if expected == got => {}
        _ => out.push(format!("{path}: {expected} → {got}")),
    }
}

/// Every differing field of `got` against `truth`, as `form N path: e → g`.
pub fn differences(truth: &Value, got: &Value) -> Vec<String> {
    let mut out = Vec::new();
    leaves("", truth, got, &mut out);
    out
}

#[test]
fn putuo_2024_dump_equals_truth_but_for_what_the_dump_lost() {
    let out = jixiao(&["extract", "samples/putuo-2024.txt"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Value = serde_json::from_slice(&out.stdout).expect("JSON array");
    let truth: Value =
        serde_json::from_str(&std::fs::read_to_string(sample("putuo-2024.truth.json")).unwrap())
            .unwrap();
    assert_eq!(got.as_array().map(Vec::len), Some(24));
    // The dump lost the 得分 column of form 02's funds block, header and all
    // (truth/NOTES.md: "the dump lost the whole 得分 column"); the truth
    // restores 9.45 by arithmetic, which extraction must not invent.
    eqnice!(["[1].funds[0].score: 9.45 → null"].join("\n"), differences(&truth, &got).join("\n"));
}

#[test]
fn putuo_2024_repairs_are_reported_as_checks() {
    let out = jixiao(&["extract", "samples/putuo-2024.txt"]);
    let got: Value = serde_json::from_slice(&out.stdout).unwrap();
    let repaired: Vec<(usize, String)> = got
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .flat_map(|(i, r)| {
            r["checks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["code"] == "repaired")
                .map(move |c| (i + 1, c["message"].as_str().unwrap().to_string()))
        })
        .collect();
    let has =
        |form: usize, needle: &str| repaired.iter().any(|(f, m)| *f == form && m.contains(needle));
    // Each repair NOTES.md describes, found where it happened.
    assert!(has(1, "dropped stray fragment \"标\""), "{repaired:#?}");
    assert!(has(2, "\"服务对象\" + \"满意度指标标\" → \"服务对象满意度指标\""), "{repaired:#?}");
    assert!(has(6, "dropped nameless row"), "{repaired:#?}");
    assert!(has(11, "\"时效\" + \"指标\" → \"时效指标\""), "{repaired:#?}");
    assert!(has(11, "joined fragment \"排\""), "{repaired:#?}");
    assert!(has(14, "\"服务对象满意\" + \"度指标\""), "{repaired:#?}");
    assert!(has(15, "\"满意\" + \"度指标\" → \"满意度指标\""), "{repaired:#?}");
    assert!(has(21, "\"服务对象\" + \"满意度指标\""), "{repaired:#?}");
    assert!(has(22, "\"服务对象\" + \"满意度指标\""), "{repaired:#?}");
    assert!(has(2, "dropped repeated title line"), "{repaired:#?}");
}

/// Every other text sample with a truth file equals it, field by field.
#[test]
fn other_text_samples_equal_truth() {
    let mut checked = 0;
    for entry in std::fs::read_dir(crate::util::root().join("samples")).unwrap() {
        let path = entry.unwrap().path();
        let is_txt = path.extension().is_some_and(|e| e == "txt");
        let truth = path.with_extension("truth.json");
        if !is_txt || !truth.exists() || path.ends_with("putuo-2024.txt") {
            continue;
        }
        let out = jixiao(&["extract", path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        let truth: Value = serde_json::from_str(&std::fs::read_to_string(&truth).unwrap()).unwrap();
        eqnice!("", differences(&truth, &got).join("\n"));
        checked += 1;
    }
    assert!(checked >= 1);
}
