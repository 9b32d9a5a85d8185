//! Forms as districts also publish them: spreadsheets (xlsx, xls, ods),
//! Word (docx) and HTML pages (UTF-8, GBK, and an HTML table saved as
//! `.xls`), each against its truth, and the same form giving the same
//! record in every format, PDF included.
//!
//! The samples are `samples/office_NN_FORMAT.EXT` with the truth
//! `samples/office_NN.truth.json` (tools/samplegen/office.py); `office_00_doc.doc`
//! is an old binary Word file.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::putuo::differences;
use crate::util::{jixiao, root, sample, tempdir};

/// Each office set and the PDF samples holding the same forms, in order.
const SETS: &[(&str, &[&str])] = &[
    ("office_01", &["national_02.pdf"]),
    ("office_02", &["gbk_01.pdf", "notounicode_01.pdf"]),
    ("office_03", &["national_01.pdf"]),
];

/// Every sample file of a set (not its truth), sorted.
fn files_of(set: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(&format!("{set}_")) && !name.ends_with(".json")
        })
        .collect();
    v.sort();
    v
}

fn extract(path: &Path) -> Value {
    let out = jixiao(&["extract", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("a JSON array of records")
}

fn truth(set: &str) -> Value {
    let text = std::fs::read_to_string(sample(&format!("{set}.truth.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The records without the keys named (where they came from, say).
fn without(records: &Value, keys: &[&str]) -> Value {
    let mut v = records.clone();
    for r in v.as_array_mut().unwrap() {
        for k in keys {
            r.as_object_mut().unwrap().remove(*k);
        }
    }
    v
}

#[test]
fn every_office_sample_equals_its_truth() {
    let mut failures = Vec::new();
    let mut files = 0;
    for (set, _) in SETS {
        let truth = truth(set);
        for file in files_of(set) {
            files += 1;
            let got = extract(&file);
            let diffs = differences(&truth, &got);
            if !diffs.is_empty() {
                failures.push(format!("{}:\n  {}", file.display(), diffs.join("\n  ")));
            }
        }
    }
    assert_eq!(files, 17, "xlsx, xls, ods, docx, html per set; GBK page; HTML .xls");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_form_gives_the_same_record_in_every_format() {
    for (set, pdfs) in SETS {
        let files = files_of(set);
        let first = without(&extract(&files[0]), &["source", "id"]);
        for file in &files[1..] {
            let got = without(&extract(file), &["source", "id"]);
            assert!(got == first, "{} differs from {}", file.display(), files[0].display());
        }
        // PDF pages cut rows and spans the office files do not, so their
        // repairs (in `checks`) may differ; every field must not.
        let mut from_pdf = Vec::new();
        for pdf in *pdfs {
            from_pdf.extend(extract(&sample(pdf)).as_array().unwrap().clone());
        }
        let skip = ["source", "id", "checks"];
        assert_eq!(without(&Value::Array(from_pdf), &skip), without(&first, &skip), "{set} vs PDF");
    }
}

#[test]
fn old_binary_doc_is_unsupported_and_named() {
    let out = jixiao(&["extract", "samples/office_00_doc.doc"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "samples/office_00_doc.doc: unsupported format: old binary Word .doc; \
             convert it with soffice --convert-to docx"
        ),
        "{stderr}"
    );
}

#[test]
fn an_xls_that_is_html_is_read_as_html() {
    let path = sample("office_01_xls_html.xls");
    assert!(std::fs::read(&path).unwrap().starts_with(b"<html"));
    let got = extract(&path);
    assert!(differences(&truth("office_01"), &got).is_empty());
    // HTML has no pages; a workbook would give sheet numbers.
    let pages = &got[0]["source"]["pages"];
    assert!(pages.is_null() || pages == &serde_json::json!([]), "{pages}");
}

#[test]
fn workbook_sheets_are_pages_and_the_note_sheet_gives_no_record() {
    for ext in ["xlsx.xlsx", "ods.ods", "xls.xls"] {
        let got = extract(&sample(&format!("office_02_{ext}")));
        let pages: Vec<&Value> =
            got.as_array().unwrap().iter().map(|r| &r["source"]["pages"]).collect();
        assert_eq!(pages, [&serde_json::json!([2]), &serde_json::json!([3])], "{ext}");
    }
}

#[test]
fn hidden_rows_and_columns_are_not_read_and_are_reported() {
    for ext in ["xlsx.xlsx", "ods.ods"] {
        let got = extract(&sample(&format!("office_03_{ext}")));
        for r in got.as_array().unwrap() {
            let record = without(&Value::Array(vec![r.clone()]), &["source"]).to_string();
            assert!(!record.contains("辅助") && !record.contains("内部编号"), "{ext}: {record}");
            let warnings = r["source"]["warnings"].to_string();
            assert!(warnings.contains("hidden rows or columns not read"), "{ext}: {warnings}");
        }
    }
}

#[test]
fn directory_walks_take_the_new_extensions() {
    let dir = tempdir("formats-walk");
    for name in ["office_02_xlsx.xlsx", "office_02_html_gbk.html", "office_00_doc.doc"] {
        std::fs::copy(sample(name), dir.join(name)).unwrap();
    }
    let out = jixiao(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "the .doc fails, the others are read");
    let lines = String::from_utf8_lossy(&out.stdout).lines().count();
    assert_eq!(lines, 4, "two forms from each of the xlsx and the GBK page");
    assert!(String::from_utf8_lossy(&out.stderr).contains("unsupported format"));
}
