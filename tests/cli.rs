//! The command's behaviour: errors name the file, batches go on, exit codes.

use crate::util::{jixiao, tempdir};

#[test]
fn missing_file_is_named_and_exits_2() {
    let out = jixiao(&["extract", "samples/no-such-file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("samples/no-such-file.txt"), "{err}");
}

#[test]
fn batch_goes_on_after_a_bad_file() {
    let dir = tempdir("batch_goes_on");
    std::fs::write(dir.join("bad.txt"), "no form here\n").unwrap();
    std::fs::copy(crate::util::sample("putuo-2024.txt"), dir.join("good.txt")).unwrap();
    let out = jixiao(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(lines, 24, "one JSON line per record of the good file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt"));
}

#[test]
fn audit_exits_0_with_findings() {
    let out = jixiao(&["audit", "--format", "json", "samples/putuo-2024.txt"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["forms"], 24, "{v}");
}
