//! One file through the whole path: layout rows → forms → records → audit.

use std::path::Path;

use anyhow::Result;
use jixiao_checks::{audit, audited_json, locate_checks, provenance_json, Audit};
use jixiao_layout::pdf::PdfSettings;
use jixiao_layout::Warning;
use jixiao_record::{form_to_provenance, form_to_record, FormRecord, Source};
use jixiao_table::{rows_to_forms, Form};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{json, Value};

use crate::input::{load_bytes, Loaded};
use crate::manifest::{Failure, FailureKind};

/// A file's forms, records and audits.
pub struct Extracted {
    /// The forms as reconstructed (grids and blocks).
    pub forms: Vec<Form>,
    /// One record per form, with `source` set.
    pub records: Vec<FormRecord>,
    /// One audit per record.
    pub audits: Vec<Audit>,
    /// The file's SHA-256.
    pub sha256: String,
    /// What the reader recovered from, each naming its page.
    pub warnings: Vec<Warning>,
    /// Pages read.
    pub pages: usize,
    /// Whether the records carry their provenance (SCHEMA.md §1d), which
    /// [`records_json`](Extracted::records_json) then writes.
    pub provenance: bool,
}

impl Extracted {
    /// The records as SCHEMA.md §1 JSON, checks and rescored included.
    pub fn records_json(&self) -> Vec<Value> {
        self.records.iter().zip(&self.audits).map(|(r, a)| audited_json(r, a)).collect()
    }

    /// The records as written: SCHEMA.md §1 JSON, and `provenance` (§1d)
    /// when it was asked for.
    pub fn records_out(&self) -> Vec<RecordOut> {
        let one = |(r, a): (&FormRecord, &Audit)| {
            let mut json = audited_json(r, a);
            let provenance = self.provenance.then(|| {
                locate_checks(&mut json, r, a);
                provenance_json(r)
            });
            RecordOut { json, provenance }
        };
        self.records.iter().zip(&self.audits).map(one).collect()
    }

    /// The grids as SCHEMA.md §2 JSON.
    pub fn tables_json(&self, file: &Path) -> Value {
        json!({
            "source": {"file": file.display().to_string(), "sha256": self.sha256},
            "tables": self.forms.iter().map(|f| &f.grid).collect::<Vec<_>>(),
        })
    }
}

/// A record as written (SCHEMA.md §1): its JSON, then its `provenance`
/// object (§1d) when asked for, kept as JSON text so that its hundred and
/// more locations are not built as values only to be written.
#[derive(Debug)]
pub struct RecordOut {
    /// The record with `rescored` and `checks`.
    pub json: Value,
    /// The `provenance` object, written last.
    pub provenance: Option<Box<RawValue>>,
}

impl From<Value> for RecordOut {
    fn from(json: Value) -> RecordOut {
        RecordOut { json, provenance: None }
    }
}

impl Serialize for RecordOut {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (Some(p), Value::Object(fields)) = (&self.provenance, &self.json) else {
            return self.json.serialize(s);
        };
        let mut map = s.serialize_map(Some(fields.len() + 1))?;
        for (k, v) in fields {
            map.serialize_entry(k, v)?;
        }
        map.serialize_entry("provenance", p)?;
        map.end()
    }
}

/// Why a file without a form fails (SCHEMA §1c): a failure, not an empty
/// success.
const NO_FORM_FOUND: &str =
    "no form found: no table with a 项目名称/部门名称 row and a funds or indicators block";

/// Extracts every form of one file. A file with no form is an error: an
/// empty success would hide a layout we cannot read.
pub fn extract(path: &Path) -> Result<Extracted> {
    let bytes = std::fs::read(path)
        .map_err(anyhow::Error::from)
        .map_err(|e| e.context(format!("{}: cannot read", path.display())))?;
    extract_bytes(path, &bytes, crate::input::sha256_hex(&bytes), &PdfSettings::default(), false)
}

/// Like [`extract`], on bytes already read (and hashed: a batch hashes
/// each file once, before it knows whether to read it), with the PDF
/// reader's settings; with `provenance`, each record also gets where each
/// field was printed.
pub fn extract_bytes(
    path: &Path,
    bytes: &[u8],
    sha256: String,
    pdf: &PdfSettings,
    provenance: bool,
) -> Result<Extracted> {
    let Loaded { rows, sha256, has_pages, warnings, pages } = load_bytes(path, bytes, sha256, pdf)?;
    let forms = rows_to_forms(&rows);
    if forms.is_empty() {
        let why = format!("{}: {NO_FORM_FOUND}", path.display());
        return Err(Failure::new(FailureKind::NoFormFound, why).into());
    }
    let mut records = Vec::with_capacity(forms.len());
    let mut audits = Vec::with_capacity(forms.len());
    for (form_index, form) in forms.iter().enumerate() {
        let mut record = form_to_record(form);
        record.set_source(Source {
            file: path.display().to_string(),
            sha256: sha256.clone(),
            form_index,
            pages: if has_pages { form.pages.clone() } else { Vec::new() },
            warnings: warnings_for(&warnings, &form.pages),
        });
        if provenance {
            record.provenance = form_to_provenance(form, &record);
        }
        audits.push(audit(&record));
        records.push(record);
    }
    Ok(Extracted { forms, records, audits, sha256, warnings, pages, provenance })
}

/// The reader's warnings that concern a form: those of its pages, and those
/// of the first page (where document-level warnings go) for every form.
fn warnings_for(warnings: &[Warning], pages: &[u32]) -> Vec<String> {
    warnings
        .iter()
        .filter(|w| w.page.is_none_or(|p| p == 1 || pages.contains(&p)))
        .map(ToString::to_string)
        .collect()
}
