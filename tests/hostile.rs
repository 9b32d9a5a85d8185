//! Hostile and damaged files (`tests/hostile/`, see its README): each is
//! reported with its file name and cause, exit code 2, never a panic or a
//! hang. Kept apart from the exact-output tests.

use crate::util::{jixiao, root};

/// Each file and a word its error message must contain.
const CASES: &[(&str, &str)] = &[
    ("bomb.pdf", "no text layer"),
    ("deep_xobject.pdf", "no 绩效自评表 form"),
    ("empty.pdf", "not a PDF"),
    ("encrypted_userpw.pdf", "encrypted"),
    ("garbage.pdf", "cannot read PDF"),
    ("notext.pdf", "no text layer on page(s) [1]"),
    ("truncated.pdf", "cannot read PDF"),
];

#[test]
fn hostile_files_fail_cleanly() {
    for (file, cause) in CASES {
        let path = root().join("tests/hostile").join(file);
        let out = jixiao(&["extract", path.to_str().unwrap()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{file}: {err}");
        assert!(err.contains(file) && err.contains(cause), "{file}: {err}");
        assert!(!err.contains("panicked"), "{file}: {err}");
    }
}

#[test]
fn a_batch_with_hostile_files_keeps_the_good_ones() {
    let out = jixiao(&["extract", "tests/hostile", "samples/gbk_01.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let records = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(records, 1, "gbk_01 has one form");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().filter(|l| l.starts_with("jixiao: ")).count(), CASES.len(), "{err}");
}
