//! `docs/SCHEMA.md` is the contract users clone: it must say everything the
//! shared contract says, and every field it names must be on every record.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::{jixiao, root};

/// The backticked words of a markdown text that look like field names.
fn field_names(text: &str) -> BTreeSet<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn docs_schema_says_everything_the_shared_schema_says() {
    let shared = root().join("../shared/SCHEMA.md");
    let Ok(shared) = std::fs::read_to_string(&shared) else {
        eprintln!("skipped: ../shared/SCHEMA.md is not beside this checkout");
        return;
    };
    let docs = std::fs::read_to_string(root().join("docs/SCHEMA.md")).unwrap();
    // Every paragraph of the shared contract, whitespace aside, is in ours.
    let squash = |t: &str| t.split_whitespace().collect::<String>();
    let ours = squash(&docs);
    let missing: Vec<&str> = shared.split("\n\n").filter(|p| !ours.contains(&squash(p))).collect();
    assert!(missing.is_empty(), "docs/SCHEMA.md lacks:\n{}", missing.join("\n---\n"));
}

#[test]
fn every_section_1b_field_is_on_every_record() {
    let out = jixiao(&["extract", "samples/national_01.pdf"]);
    assert!(out.status.success());
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let record_fields = ["id", "review_score", "conclusion", "problems", "measures", "extra"];
    let fund_fields = ["reason"];
    let indicator_fields = [
        "level1_weight",
        "level2_weight",
        "level1_class",
        "nature",
        "improvement",
        "review_score",
        "criteria",
        "explanation",
        "core",
    ];
    let docs = field_names(&std::fs::read_to_string(root().join("docs/SCHEMA.md")).unwrap());
    for name in record_fields.iter().chain(&fund_fields).chain(&indicator_fields) {
        assert!(docs.contains(*name), "docs/SCHEMA.md does not name `{name}`");
    }
    for (k, r) in records.iter().enumerate() {
        for f in record_fields {
            assert!(r.get(f).is_some(), "record {k} lacks {f}");
        }
        assert_eq!(r["source"]["form_index"], k);
        let sha = r["source"]["sha256"].as_str().unwrap();
        assert_eq!(r["id"], format!("{}-{k}", &sha[..16]));
        for fund in r["funds"].as_array().unwrap() {
            assert!(fund.get("reason").is_some());
        }
        for ind in r["indicators"].as_array().unwrap() {
            for f in indicator_fields {
                assert!(ind.get(f).is_some(), "record {k} indicator lacks {f}");
            }
        }
    }
}
