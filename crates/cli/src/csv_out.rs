//! Flat tables of records: `forms`, `funds`, `indicators`, `checks`, keyed
//! by the record's `id` (SCHEMA.md §1 "Keys for joining"). The same rows go
//! to the CSV files and to SQLite.
//!
//! Rows are built from the record JSON, not the Rust types, so fields the
//! record crate adds flow through without a change here: a nested object
//! becomes `parent_child` columns (`goals_expected`, `target_value`), a list
//! of plain values is joined with `;` (`pages`), and a list of objects other
//! than the three child tables is kept as JSON text (`extra`). A table's
//! columns are those of its first row in the dataset; CSV and SQLite share
//! them.

use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use serde_json::{Map, Value};

/// The flat tables, in the order they are written.
pub const TABLES: [&str; 4] = ["forms", "funds", "indicators", "checks"];

/// The child lists of a record that get a table of their own.
const CHILDREN: [(&str, &str); 3] =
    [("funds", "funds"), ("indicators", "indicators"), ("checks", "checks")];

/// One flat row: column names and JSON scalar values, in column order.
pub type FlatRow = Vec<(String, Value)>;

/// The rows a record gives, per table (indexes as in [`TABLES`]).
pub fn record_rows(record: &Value) -> [Vec<FlatRow>; 4] {
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let mut form: FlatRow = vec![("id".into(), id.clone())];
    if let Some(src) = record.get("source").and_then(Value::as_object) {
        for key in ["file", "sha256", "form_index", "pages", "warnings"] {
            form.push((key.into(), scalar(src.get(key).unwrap_or(&Value::Null))));
        }
    }
    let mut rest = Map::new();
    for (k, v) in record.as_object().into_iter().flatten() {
        // Provenance (SCHEMA.md §1d) is in records.jsonl only: its keys
        // are per record, not columns.
        if !matches!(k.as_str(), "id" | "source" | "funds" | "indicators" | "checks" | "provenance")
        {
            rest.insert(k.clone(), v.clone());
        }
    }
    flatten("", &Value::Object(rest), &mut form);
    let mut out = [vec![form], Vec::new(), Vec::new(), Vec::new()];
    for (t, (key, _)) in CHILDREN.iter().enumerate() {
        let items = record.get(*key).and_then(Value::as_array).into_iter().flatten();
        for (idx, item) in items.enumerate() {
            let mut row: FlatRow = vec![("id".into(), id.clone()), ("idx".into(), idx.into())];
            let item = match item.get("provenance") {
                Some(_) => Cow::Owned(without_provenance(item)),
                None => Cow::Borrowed(item),
            };
            flatten("", &item, &mut row);
            out[t + 1].push(row);
        }
    }
    out
}

fn without_provenance(item: &Value) -> Value {
    let mut item = item.clone();
    if let Some(m) = item.as_object_mut() {
        m.shift_remove("provenance");
    }
    item
}

fn flatten(prefix: &str, v: &Value, row: &mut FlatRow) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}_{k}") };
                match x {
                    Value::Object(_) => flatten(&name, x, row),
                    _ => row.push((name, scalar(x))),
                }
            }
        }
        _ => row.push((prefix.to_string(), scalar(v))),
    }
}

/// A JSON value as one cell: scalars as they are, a list of scalars joined
/// with `;`, anything else as compact JSON text.
fn scalar(v: &Value) -> Value {
    match v {
        Value::Array(items) if items.iter().all(|i| !i.is_array() && !i.is_object()) => {
            Value::String(items.iter().map(cell_text).collect::<Vec<_>>().join(";"))
        }
        Value::Array(_) | Value::Object(_) => Value::String(v.to_string()),
        _ => v.clone(),
    }
}

/// The CSV text of a scalar: empty for null, JSON for numbers and booleans.
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        _ => v.to_string(),
    }
}

/// The values of `row` in the order of `columns` (null for a missing one).
pub fn in_columns<'a>(row: &'a FlatRow, columns: &[String]) -> Vec<&'a Value> {
    const NULL: &Value = &Value::Null;
    columns.iter().map(|c| row.iter().find(|(k, _)| k == c).map_or(NULL, |(_, v)| v)).collect()
}

/// A CSV table being appended to: `TABLE.csv` in the dataset directory.
pub struct CsvTable {
    /// Column names, from the header (or the first row).
    pub columns: Option<Vec<String>>,
    writer: csv::Writer<BufWriter<File>>,
    bom: bool,
    fresh: bool,
}

impl CsvTable {
    /// Opens `path` for appending; its header, if any, fixes the columns.
    pub fn open(path: &Path, bom: bool) -> Result<CsvTable> {
        let columns = read_header(path)?;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("{}: cannot open", path.display()))?;
        let writer = csv::WriterBuilder::new().from_writer(BufWriter::new(file));
        Ok(CsvTable { fresh: columns.is_none(), columns, writer, bom })
    }

    /// Appends rows, writing the header first when the file is new.
    pub fn write(&mut self, rows: &[FlatRow]) -> Result<()> {
        for row in rows {
            if self.columns.is_none() {
                self.columns = Some(row.iter().map(|(k, _)| k.clone()).collect());
            }
            let columns = self.columns.as_deref().unwrap_or_default();
            if self.fresh {
                if self.bom {
                    // Excel reads UTF-8 CSV as the local code page without it.
                    self.writer.flush()?;
                    let mut file = self.writer.get_ref().get_ref().try_clone()?;
                    file.write_all("\u{feff}".as_bytes())?;
                }
                self.writer.write_record(columns)?;
                self.fresh = false;
            }
            let cells: Vec<String> = in_columns(row, columns).into_iter().map(cell_text).collect();
            self.writer.write_record(&cells)?;
        }
        Ok(())
    }

    /// Flushes to the OS, so the data is on disk before the manifest line.
    pub fn flush(&mut self) -> Result<()> {
        self.writer.flush()?;
        Ok(())
    }
}

/// A CSV reader for our tables (a leading BOM is skipped).
pub fn reader(path: &Path) -> Result<csv::Reader<File>> {
    let file = File::open(path).with_context(|| format!("{}: cannot read", path.display()))?;
    Ok(csv::ReaderBuilder::new().flexible(true).from_reader(file))
}

fn read_header(path: &Path) -> Result<Option<Vec<String>>> {
    if std::fs::metadata(path).map(|m| m.len()).unwrap_or(0) == 0 {
        return Ok(None);
    }
    let mut r = reader(path)?;
    let header = r.headers()?.iter().map(|h| h.trim_start_matches('\u{feff}').to_string());
    Ok(Some(header.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn record_gives_flat_rows_keyed_by_id() {
        let rec = json!({"id": "ab-0", "source": {"file": "a.pdf", "sha256": "ab", "pages": [1, 2]},
            "project_name": "x", "goals": {"expected": "e"}, "extra": [{"label": "l", "value": null}],
            "funds": [{"label": "总额", "score": 9.5}],
            "indicators": [{"name": "n", "target": {"text": "≥1", "value": 1.0}}],
            "checks": []});
        let [forms, funds, indicators, checks] = record_rows(&rec);
        let cols: Vec<&str> = forms[0].iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            cols,
            [
                "id",
                "file",
                "sha256",
                "form_index",
                "pages",
                "warnings",
                "project_name",
                "goals_expected",
                "extra"
            ]
        );
        assert_eq!(forms[0][4].1, json!("1;2"));
        assert_eq!(forms[0][8].1, json!(r#"[{"label":"l","value":null}]"#));
        assert_eq!(funds[0][1], ("idx".into(), json!(0)));
        assert_eq!(indicators[0][3], ("target_text".into(), json!("≥1")));
        assert!(checks.is_empty());
    }
}
