//! Hostile and damaged files (`tests/hostile/`, see its README): each is
//! reported with its file name and cause, exit code 2, never a panic or a
//! hang. Kept apart from the exact-output tests.

use crate::util::{jixiao, root};

/// Each file, the exit code, and a phrase stderr must contain.
const CASES: &[(&str, i32, &str)] = &[
    ("bomb.pdf", 2, "content not read"),
    ("deep_xobject.pdf", 2, "no form found"),
    ("empty.pdf", 2, "not a PDF"),
    ("encrypted_userpw.pdf", 2, "encrypted"),
    ("garbage.pdf", 2, "cannot read PDF"),
    ("notext.pdf", 2, "no text layer on page(s) [1]"),
    // Cut in half: its first page is still read, and the damage reported.
    ("truncated.pdf", 0, "damaged file"),
];

#[test]
fn hostile_files_fail_cleanly() {
    for (file, code, cause) in CASES {
        let path = root().join("tests/hostile").join(file);
        let out = jixiao(&["extract", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(*code), "{file}: {err}");
        assert!(err.contains(file) && err.contains(cause), "{file}: {err}");
        assert!(!err.contains("panicked"), "{file}: {err}");
    }
}

#[test]
fn truncated_file_keeps_its_first_form_and_says_so() {
    let out = jixiao(&["extract", "tests/hostile/truncated.pdf"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["project_name"], "2023年青禾县高标准农田建设项目");
    let warnings = v[0]["source"]["warnings"].as_array().unwrap();
    assert!(warnings[0].as_str().unwrap().contains("damaged file"), "{warnings:?}");
}

#[test]
fn a_batch_with_hostile_files_keeps_the_good_ones() {
    let out = jixiao(&["extract", "tests/hostile", "samples/gbk_01.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let names: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]["file"].to_string()
        })
        .collect();
    assert!(names.iter().any(|n| n.contains("gbk_01.pdf")), "{names:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    let failed = CASES.iter().filter(|c| c.1 != 0).count();
    let reported =
        err.lines().filter(|l| l.starts_with("jixiao: ") && !l.contains("warning(s)")).count();
    assert_eq!(reported, failed, "{err}");
}
