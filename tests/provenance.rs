//! Issue #11: every field of every sample's record has provenance, and the
//! boxes it names hold the field's printed text.
//!
//! For each PDF sample, the boxes are checked against the cells the layout
//! drew on each page (`tables --debug`, before any repair joined them) and
//! the reconstructed grid (`tables`): each box must be one of them, and the
//! texts of the boxes a field names must hold the field (its text, or for a
//! number, that number). For each text dump, `{"line", "col"}` must name a
//! tab field holding the text.

use serde_json::Value;

use crate::util::{jixiao, root};

/// One place a text was printed: page, box, text.
struct Drawn {
    page: u64,
    bbox: [f64; 4],
    text: String,
}

/// Boxes of the layout cells (rounded as the provenance rounds them) and of
/// the grid cells of one file.
fn drawn_cells(file: &str) -> Vec<Drawn> {
    let out = jixiao(&["tables", "--debug", file]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("tables --debug JSON");
    let round = |x: f64| (x * 100.0).round() / 100.0;
    let mut cells = Vec::new();
    for row in v["debug"]["rows"].as_array().into_iter().flatten() {
        for c in row["cells"].as_array().into_iter().flatten() {
            let b = &c["bbox"];
            let Some(x0) = b["x0"].as_f64() else { continue };
            let bbox = [
                x0,
                b["top"].as_f64().unwrap(),
                b["x1"].as_f64().unwrap(),
                b["bottom"].as_f64().unwrap(),
            ]
            .map(round);
            let text = c["text"].as_str().unwrap_or("").to_string();
            cells.push(Drawn { page: c["page"].as_u64().unwrap(), bbox, text });
        }
    }
    for t in v["tables"].as_array().into_iter().flatten() {
        for c in t["cells"].as_array().into_iter().flatten() {
            let Some(b) = c["bbox"].as_array() else { continue };
            let bbox = [0, 1, 2, 3].map(|k| b[k].as_f64().unwrap());
            let text = c["text"].as_str().unwrap_or("").to_string();
            cells.push(Drawn { page: c["page"].as_u64().unwrap(), bbox, text });
        }
    }
    cells
}

/// The value at a JSON path like `indicators[3].target.text`.
fn at_path<'v>(record: &'v Value, path: &str) -> &'v Value {
    let mut v = record;
    for part in path.split('.') {
        match part.split_once('[') {
            Some((key, idx)) => {
                let i: usize = idx.trim_end_matches(']').parse().unwrap();
                v = &v[key][i];
            }
            None => v = &v[part],
        }
    }
    v
}

fn squash(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The numbers printed in a text (`3,013.00` → 3013.0, `85.35%` → 85.35,
/// `1 200`, full-width digits, a minus sign).
fn numbers_in(text: &str) -> Vec<f64> {
    let ascii = |c: char| match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        '．' => '.',
        '－' | '−' => '-',
        _ => c,
    };
    let t: String = squash(text).chars().map(ascii).filter(|c| !matches!(c, ',' | '，')).collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in t.chars().chain([' ']) {
        if c.is_ascii_digit() || c == '.' && !cur.is_empty() || c == '-' && cur.is_empty() {
            cur.push(c);
        } else if !cur.is_empty() {
            out.extend(cur.trim_end_matches('.').parse::<f64>().ok());
            cur.clear();
        }
    }
    out
}

/// Whether `texts` (the cells a field names) hold the field's value.
fn holds(texts: &str, path: &str, value: &Value) -> bool {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    match value {
        // Derived from the printed label, not printed as such.
        _ if matches!(leaf, "category" | "level1_class" | "op" | "core") => true,
        Value::String(s) => squash(texts).contains(&squash(s)),
        Value::Number(n) => {
            let n = n.as_f64().unwrap();
            numbers_in(texts).iter().any(|x| (x - n).abs() < 1e-6)
        }
        _ => false,
    }
}

/// The fields of a record that are printed on the form: every non-null
/// leaf but the ones jixiao adds or derives from the file (source, id, the
/// validator's fields, kind), and the labels of indicator columns no field
/// takes (which name their indicator, not a cell).
fn printed_fields(record: &Value) -> Vec<String> {
    fn walk(prefix: &str, v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    walk(&p, x, out);
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(&format!("{prefix}[{i}]"), x, out);
                }
            }
            // Nothing printed: a rubric's target without a target column.
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            _ => out.push(prefix.to_string()),
        }
    }
    let mut out = Vec::new();
    walk("", record, &mut out);
    let skip = ["schema_version", "id", "source", "kind", "rescored", "checks", "provenance"];
    out.retain(|p| {
        let head = p.split(['.', '[']).next().unwrap_or("");
        let column_label = p.starts_with("extra[")
            && p.ends_with(".label")
            && at_path(record, p).as_str().is_some_and(|l| l.contains("]."));
        !skip.contains(&head) && !p.contains(".rescored") && !column_label
    });
    out
}

fn locations(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        one => vec![one],
    }
}

/// Checks one PDF sample; gives the number of fields checked.
fn check_pdf(file: &str) -> usize {
    let out = jixiao(&["extract", "--provenance", file]);
    let Ok(records) = serde_json::from_slice::<Vec<Value>>(&out.stdout) else { return 0 };
    let cells = drawn_cells(file);
    let mut checked = 0;
    for record in &records {
        let prov = record["provenance"].as_object().expect("provenance object");
        for path in printed_fields(record) {
            let Some(loc) = prov.get(&path) else {
                panic!("{file}: {path} has no provenance");
            };
            let mut texts = String::new();
            for l in locations(loc) {
                let page = l["page"].as_u64().unwrap();
                let b: Vec<f64> =
                    l["bbox"].as_array().unwrap().iter().flat_map(Value::as_f64).collect();
                let cell = cells.iter().find(|c| {
                    c.page == page && c.bbox.iter().zip(&b).all(|(x, y)| (x - y).abs() < 0.011)
                });
                let Some(cell) = cell else {
                    panic!("{file}: {path}: box {l} is no cell drawn on page {page}");
                };
                texts.push_str(&cell.text);
            }
            let value = at_path(record, &path);
            assert!(
                holds(&texts, &path, value),
                "{file}: {path} = {value}, its boxes hold {texts:?}"
            );
            checked += 1;
        }
    }
    checked
}

/// Checks one text dump; gives the number of fields checked.
fn check_dump(file: &str) -> usize {
    let out = jixiao(&["extract", "--provenance", file]);
    let Ok(records) = serde_json::from_slice::<Vec<Value>>(&out.stdout) else { return 0 };
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let mut checked = 0;
    for record in &records {
        let prov = record["provenance"].as_object().expect("provenance object");
        for path in printed_fields(record) {
            let loc = prov.get(&path).unwrap_or_else(|| panic!("{file}: {path} has no provenance"));
            let mut texts = String::new();
            for l in locations(loc) {
                let line = lines[l["line"].as_u64().unwrap() as usize - 1];
                let col = l["col"].as_u64().unwrap() as usize;
                let field = line.split('\t').nth(col).unwrap_or(line);
                texts.push_str(field.trim_start_matches('#'));
            }
            let value = at_path(record, &path);
            assert!(
                holds(&texts, &path, value),
                "{file}: {path} = {value}, its lines hold {texts:?}"
            );
            checked += 1;
        }
    }
    checked
}

fn samples_with(ext: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(ext))
        .map(|n| format!("samples/{n}"))
        .collect();
    names.sort();
    names
}

#[test]
fn issue_11_every_pdf_field_has_a_box_holding_its_text() {
    let files = samples_with(".pdf");
    let checked: usize = files.iter().map(|f| check_pdf(f)).sum();
    // 83 PDF samples with a text layer hold well over 20,000 fields.
    assert!(checked > 20_000, "only {checked} fields checked over {} files", files.len());
}

#[test]
fn issue_11_every_dump_field_names_its_line() {
    let files = samples_with(".txt");
    let checked: usize = files.iter().map(|f| check_dump(f)).sum();
    assert!(checked > 4_000, "only {checked} fields checked over {} files", files.len());
}

#[test]
fn issue_11_without_the_flag_records_have_no_provenance() {
    let out = jixiao(&["extract", "samples/gbk_01.pdf"]);
    let records: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(records[0].get("provenance").is_none());
    assert!(records[0]["checks"].as_array().unwrap().iter().all(|c| c.get("provenance").is_none()));
}
