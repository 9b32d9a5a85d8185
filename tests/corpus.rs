//! Every PDF sample against its truth: records field by field
//! (`NAME.truth.json`), grids by adjacency (`NAME.grid.json`), image-only
//! scans reported, and the PDF and text front ends agreeing on the same
//! forms.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde_json::Value;

use crate::putuo::differences;
use crate::util::{jixiao, root, sample};

/// Samples whose records are not yet exact: (name, reason, the number of
/// differing fields). A listed sample fails the test when its count
/// changes, better or worse, so the list is kept true; empty means every
/// sample must match.
const KNOWN_INEXACT: &[(&str, &str, usize)] = &[
    (
        "producer_03_gs_calc",
        "Ghostscript rasterised the 3 of 874.37 into a bitmap Type 3 glyph named /a0, which \
         carries no text (pdftotext prints `874. 7`): executed is null",
        1,
    ),
    (
        "producer_04_gs_writer",
        "Ghostscript rasterised the 0 and 3 of 2023 into bitmap Type 3 glyphs /a0 and /a1 \
         (pdftotext prints `（2 2 年度）`): year is null",
        1,
    ),
    (
        "producer_05_gs_html",
        "as producer_04_gs_writer: the year line's 0 and 3 are textless bitmap Type 3 glyphs",
        1,
    ),
];

fn pdf_samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    v.sort();
    v
}

fn read_json(p: &PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn stem(p: &std::path::Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

/// What the sample's grid file says reading it must give: `tables`,
/// `no_text_layer` (an image-only scan) or `no_form_found` (SCHEMA §1c).
fn expectation(pdf: &std::path::Path) -> String {
    let grid = read_json(&pdf.with_extension("grid.json"));
    grid["expect"].as_str().unwrap_or("tables").to_string()
}

fn expects_tables(pdf: &std::path::Path) -> bool {
    expectation(pdf) == "tables"
}

fn known_inexact(name: &str) -> Option<usize> {
    KNOWN_INEXACT.iter().find(|(n, ..)| *n == name).map(|(_, _, count)| *count)
}

#[test]
fn pdf_records_equal_truth() {
    let mut failures = Vec::new();
    for pdf in pdf_samples().into_iter().filter(|p| expects_tables(p)) {
        let name = stem(&pdf);
        let out = jixiao(&["extract", pdf.to_str().unwrap()]);
        if !out.status.success() {
            failures.push(format!("{name}: {}", String::from_utf8_lossy(&out.stderr)));
            continue;
        }
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        let truth = read_json(&pdf.with_extension("truth.json"));
        let diffs = differences(&truth, &got);
        match known_inexact(&name) {
            Some(count) if count != diffs.len() => failures.push(format!(
                "{name}: known inexact with {count} differing fields, now {}: update KNOWN_INEXACT",
                diffs.len()
            )),
            None if !diffs.is_empty() => failures.push(format!(
                "{name}: {} fields differ:\n  {}",
                diffs.len(),
                diffs.join("\n  ")
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A table's adjacency relations: for every non-empty cell, its next
/// non-empty neighbour to the right and below (texts without whitespace).
fn adjacency(table: &Value) -> BTreeSet<(String, char, String)> {
    let cells = table["cells"].as_array().unwrap();
    let (n_rows, n_cols) =
        (table["n_rows"].as_u64().unwrap() as usize, table["n_cols"].as_u64().unwrap() as usize);
    let key = |c: &Value| {
        c["text"].as_str().unwrap().chars().filter(|ch| !ch.is_whitespace()).collect::<String>()
    };
    let at = |c: &Value, k: &str| c[k].as_u64().unwrap() as usize;
    let mut grid: HashMap<(usize, usize), &Value> = HashMap::new();
    for c in cells {
        for r in at(c, "row")..at(c, "row") + at(c, "rowspan") {
            for k in at(c, "col")..at(c, "col") + at(c, "colspan") {
                grid.insert((r, k), c);
            }
        }
    }
    let mut rels = BTreeSet::new();
    for c in cells.iter().filter(|c| !key(c).is_empty()) {
        let right = (at(c, "col") + at(c, "colspan")..n_cols)
            .filter_map(|k| grid.get(&(at(c, "row"), k)))
            .find(|x| !key(x).is_empty());
        let down = (at(c, "row") + at(c, "rowspan")..n_rows)
            .filter_map(|r| grid.get(&(r, at(c, "col"))))
            .find(|x| !key(x).is_empty());
        if let Some(x) = right {
            rels.insert((key(c), 'R', key(x)));
        }
        if let Some(x) = down {
            rels.insert((key(c), 'D', key(x)));
        }
    }
    rels
}

/// Whether a text read equals the expected one, a U+FFFD standing for any
/// one character: a glyph with no text in the file (KNOWN_INEXACT, where
/// the records test counts it) is a text loss, not a grid error.
fn same_text(expected: &str, got: &str) -> bool {
    expected.chars().count() == got.chars().count()
        && expected.chars().zip(got.chars()).all(|(e, g)| e == g || g == '\u{FFFD}')
}

/// Relations of `expected` found in `got` (see [`same_text`]).
fn matched(
    expected: &BTreeSet<(String, char, String)>,
    got: &BTreeSet<(String, char, String)>,
) -> usize {
    expected
        .iter()
        .filter(|e| {
            got.contains(*e)
                || got.iter().any(|g| e.1 == g.1 && same_text(&e.0, &g.0) && same_text(&e.2, &g.2))
        })
        .count()
}

/// Adjacency F1 of a whole sample: relations of all its tables pooled.
fn sample_f1(expected: &Value, got: &Value) -> f64 {
    let (mut tp, mut n_exp, mut n_got) = (0usize, 0usize, 0usize);
    let empty = vec![];
    let exp_tables = expected["tables"].as_array().unwrap_or(&empty);
    let got_tables = got["tables"].as_array().unwrap_or(&empty);
    for (i, e) in exp_tables.iter().enumerate() {
        let a = adjacency(e);
        let b = got_tables.get(i).map(adjacency).unwrap_or_default();
        tp += matched(&a, &b);
        n_exp += a.len();
        n_got += b.len();
    }
    for g in got_tables.iter().skip(exp_tables.len()) {
        n_got += adjacency(g).len();
    }
    let (p, r) = (tp as f64 / n_got.max(1) as f64, tp as f64 / n_exp.max(1) as f64);
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Issue #3: grid adjacency F1 ≥ 0.99 on every sample.
const MIN_GRID_F1: f64 = 0.99;

/// Samples whose grids cannot reach [`MIN_GRID_F1`]: (name, reason, F1 to
/// four places). A listed sample fails when its F1 changes, better or
/// worse, so the list is kept true.
const KNOWN_LOW_GRID: &[(&str, &str, f64)] = &[
    (
        "producer_07_xelatex_norules",
        "no rules and every cell left-aligned: how far a text's cell reaches over the empty \
         slots to its right (总分 over five columns, 预期目标 over three) is not printed, so \
         those spans are read as empty cells; its records are exact",
        0.9644,
    ),
    ("producer_08_cid_norules", "as producer_07_xelatex_norules", 0.9659),
];

#[test]
fn pdf_grids_match_drawn_grids() {
    let mut report = Vec::new();
    let mut failed = false;
    for pdf in pdf_samples().into_iter().filter(|p| expects_tables(p)) {
        let name = stem(&pdf);
        let out = jixiao(&["tables", pdf.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        let f1 = sample_f1(&read_json(&pdf.with_extension("grid.json")), &got);
        report.push(format!("{name}: F1 {f1:.4}"));
        failed |= match KNOWN_LOW_GRID.iter().find(|(n, ..)| *n == name) {
            Some((.., pinned)) => (f1 - pinned).abs() >= 5e-5,
            None => f1 < MIN_GRID_F1,
        };
    }
    assert!(!failed, "grid F1 below {MIN_GRID_F1}:\n{}", report.join("\n"));
}

#[test]
fn scans_are_reported_as_having_no_text_layer() {
    for pdf in pdf_samples().into_iter().filter(|p| expectation(p) == "no_text_layer") {
        let out = jixiao(&["extract", pdf.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", pdf.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no text layer on page(s) [1, 2"), "{err}");
        assert!(err.contains(&stem(&pdf)), "{err}");
        assert!(out.stdout.is_empty(), "no empty success");
    }
}

/// Documents without a form (a manual, a 收支总表 alone) fail with
/// no_form_found, naming the file, and print no record.
#[test]
fn non_forms_fail_with_no_form_found() {
    let pdfs = pdf_samples().into_iter().filter(|p| expectation(p) == "no_form_found");
    let texts = [sample("notaform_02.txt")];
    let mut n = 0;
    for path in pdfs.chain(texts) {
        let out = jixiao(&["extract", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{}", path.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no form found") && err.contains(&stem(&path)), "{err}");
        assert!(out.stdout.is_empty(), "no empty success");
        n += 1;
    }
    assert!(n >= 2, "non-form samples: {n}");
}

/// A report holding prose, a contents page and other tables gives exactly
/// its forms.
#[test]
fn a_bundle_gives_exactly_its_forms() {
    for name in ["bundle_report_01.pdf", "bundle_report_02.txt"] {
        let path = sample(name);
        let out = jixiao(&["extract", path.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        let truth = read_json(&path.with_extension("truth.json"));
        assert_eq!(got.as_array().unwrap().len(), truth.as_array().unwrap().len(), "{name}");
        let diffs = differences(&truth, &got);
        assert!(diffs.is_empty(), "{name}:\n{}", diffs.join("\n"));
    }
}

/// The Putuo forms printed by every producer give the records their text
/// dump gives, but for the one cell the dump lost (form 02's fund score).
#[test]
fn pdf_and_text_front_ends_agree() {
    let text: Value =
        serde_json::from_slice(&jixiao(&["extract", "samples/putuo-2024.txt"]).stdout).unwrap();
    let by_name: HashMap<String, &Value> = text
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["project_name"].as_str().unwrap().to_string(), r))
        .collect();
    let mut compared = 0;
    for pdf in
        pdf_samples().into_iter().filter(|p| stem(p).starts_with("seed_") && expects_tables(p))
    {
        if known_inexact(&stem(&pdf)).is_some() {
            continue;
        }
        let got: Value =
            serde_json::from_slice(&jixiao(&["extract", pdf.to_str().unwrap()]).stdout).unwrap();
        for rec in got.as_array().unwrap() {
            let name = rec["project_name"].as_str().unwrap();
            let from_text = by_name.get(name).unwrap_or_else(|| panic!("{name} not in the dump"));
            let mut diffs = differences(rec, from_text);
            // The join key names the file: it differs between two files by design.
            diffs.retain(|d| d != ".funds[0].score: 9.45 → null" && !d.starts_with(".id:"));
            assert!(diffs.is_empty(), "{} {name}:\n{}", stem(&pdf), diffs.join("\n"));
            compared += 1;
        }
    }
    assert!(compared >= 6 * 15, "compared {compared} forms");
}

#[test]
fn sample_helper_paths_exist() {
    assert!(sample("putuo-2024.txt").exists());
}
