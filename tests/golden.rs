//! `golden check` over every sample: the regression gate.

use crate::util::jixiao;

#[test]
fn samples_match_golden() {
    let out = jixiao(&["golden", "check", "samples", "golden"]);
    assert!(
        out.status.success(),
        "golden differences:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue #4: the audit of the Putuo dump finds exactly the inconsistencies
/// the forms contain (see samples/putuo-2024.truth-notes.md), as recorded in
/// golden/putuo-2024.audit.txt (rewrite it with `make golden-bless`).
#[test]
fn putuo_audit_matches_golden_audit() {
    let out = jixiao(&["audit", "samples/putuo-2024.txt"]);
    assert!(out.status.success());
    let expected =
        std::fs::read_to_string(crate::util::root().join("golden/putuo-2024.audit.txt")).unwrap();
    eqnice!(expected, String::from_utf8_lossy(&out.stdout));
}

/// The corpus forms are the Putuo forms printed again: auditing them finds
/// no error (their real inconsistencies are warnings).
#[test]
fn corpus_audit_has_no_false_errors() {
    let files: Vec<String> = std::fs::read_dir(crate::util::root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        // The shared corpus (seed_*): its forms are consistent. Variant
        // samples may lack a total row on purpose, a real missing field.
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("seed_")))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["audit", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = jixiao(&args);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors: Vec<String> = v["forms"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["checks"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["severity"] == "error")
                .map(move |c| format!("{}: {c}", f["file"]))
        })
        .collect();
    assert!(v["summary"]["forms"].as_u64().unwrap() == 96, "{}", v["summary"]);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
