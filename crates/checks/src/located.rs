//! Provenance in the audited JSON (SCHEMA.md §1d): the record's
//! `provenance` object, and the location of the cell each check points at.

use jixiao_record::{FormRecord, Origin};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use crate::Audit;

/// Adds `provenance` last on the record JSON that
/// [`audited_json`](crate::audited_json) wrote (path → location; see
/// [`provenance_json`]), and a `provenance` entry on each check whose path,
/// or whose repair, has a location.
pub fn add_provenance(json: &mut Value, record: &FormRecord, audit: &Audit) {
    locate_checks(json, record, audit);
    let map: Map<String, Value> =
        record.provenance.iter().map(|(path, at)| (path.clone(), location(at))).collect();
    if let Some(object) = json.as_object_mut() {
        object.insert("provenance".into(), Value::Object(map));
    }
}

/// Adds to each check of the record JSON the location of the cell it
/// points at: its repair's cells, else its path's. A location is one
/// `{"page", "bbox"}` / `{"page", "line", "col"}` object, or a list of them
/// where the field was read from several cells.
pub fn locate_checks(json: &mut Value, record: &FormRecord, audit: &Audit) {
    let Some(Value::Array(checks)) = json.get_mut("checks") else { return };
    for (entry, check) in checks.iter_mut().zip(&audit.checks) {
        let at = if check.at.is_empty() { field_origins(record, &check.path) } else { &check.at };
        if let (Some(entry), false) = (entry.as_object_mut(), at.is_empty()) {
            entry.insert("provenance".into(), location(at));
        }
    }
}

/// The record's `provenance` object as JSON text, written straight from
/// the record: a record has a hundred and more locations, and building a
/// `Value` for each costs more than the rest of the provenance together.
pub fn provenance_json(record: &FormRecord) -> Box<RawValue> {
    let text = serde_json::to_string(&Provenance(&record.provenance)).unwrap_or_default();
    RawValue::from_string(text).unwrap_or_else(|_| empty_object())
}

fn empty_object() -> Box<RawValue> {
    // "{}" is valid JSON.
    RawValue::from_string("{}".into()).expect("{} is JSON")
}

/// The provenance serialised as a JSON object, in record order.
struct Provenance<'r>(&'r [(String, Vec<Origin>)]);

impl Serialize for Provenance<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (path, at) in self.0 {
            match at.as_slice() {
                [one] => map.serialize_entry(path, one)?,
                many => map.serialize_entry(path, many)?,
            }
        }
        map.end()
    }
}

/// The origins of the field at `path`; a path naming a target or actual
/// (`indicators[3].actual`) means its text.
pub fn field_origins<'r>(record: &'r FormRecord, path: &str) -> &'r [Origin] {
    let find = |p: &str| record.provenance.iter().find(|(k, _)| k == p).map(|(_, v)| v.as_slice());
    find(path).or_else(|| find(&format!("{path}.text"))).unwrap_or(&[])
}

/// One origin as an object, several as a list.
pub fn location(at: &[Origin]) -> Value {
    match at {
        [one] => origin_json(one),
        many => Value::Array(many.iter().map(origin_json).collect()),
    }
}

/// An origin as JSON, built directly: records carry a hundred and more of
/// them, and going through `Serialize` costs twice as much.
fn origin_json(o: &Origin) -> Value {
    let mut m = Map::with_capacity(3);
    match *o {
        Origin::Drawn { page, bbox } => {
            m.insert("page".into(), page.into());
            m.insert("bbox".into(), Value::Array(bbox.iter().map(|&v| v.into()).collect()));
        }
        Origin::Line { page, line, col } => {
            m.insert("page".into(), page.into());
            m.insert("line".into(), line.into());
            m.insert("col".into(), col.into());
        }
    }
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{audit, audited_json, CheckCode};
    use serde_json::json;

    #[test]
    fn checks_point_at_their_cell_and_repairs_at_theirs() {
        let box_at = |x0| Origin::Drawn { page: 2, bbox: [x0, 10.0, x0 + 5.0, 20.0] };
        let mut record = FormRecord {
            total_score: Some(90.0),
            grade: Some("良".into()),
            provenance: vec![("grade".into(), vec![box_at(1.0)])],
            ..FormRecord::default()
        };
        let mut repair = jixiao_record::Repair::from("joined");
        repair.at = vec![box_at(7.0), box_at(9.0)];
        record.repairs.push(repair);
        let audit = audit(&record);
        let mut json = audited_json(&record, &audit);
        add_provenance(&mut json, &record, &audit);
        let raw: Value = serde_json::from_str(provenance_json(&record).get()).unwrap();
        assert_eq!(raw, json["provenance"], "the text and the Value agree");
        let checks = json["checks"].as_array().unwrap();
        let grade = audit.checks.iter().position(|c| c.code == CheckCode::Grade).unwrap();
        assert_eq!(checks[grade]["provenance"], json!({"page": 2, "bbox": [1.0, 10.0, 6.0, 20.0]}));
        let repaired = audit.checks.iter().position(|c| c.code == CheckCode::Repaired).unwrap();
        assert_eq!(checks[repaired]["provenance"].as_array().map(Vec::len), Some(2));
        assert_eq!(json["provenance"]["grade"]["page"], 2);
    }
}
