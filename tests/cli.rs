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

#[test]
fn utf16_text_dump_reads_like_utf8() {
    let dir = tempdir("gbk_dump");
    let text = std::fs::read_to_string(crate::util::sample("department-2023.txt")).unwrap();
    // Windows tools save text as UTF-16LE with a BOM (GBK is covered by the
    // layout crate's unit test).
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(dir.join("dept.txt"), bytes).unwrap();
    let a = jixiao(&["extract", "samples/department-2023.txt"]);
    let b = jixiao(&["extract", dir.join("dept.txt").to_str().unwrap()]);
    assert!(b.status.success(), "{}", String::from_utf8_lossy(&b.stderr));
    let strip = |o: &std::process::Output| {
        let mut v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v[0].as_object_mut().unwrap().remove("source");
        v[0].as_object_mut().unwrap().remove("id");
        v
    };
    assert_eq!(strip(&a), strip(&b));
}
