//! What calamine does not expose about an xlsx sheet: its hidden rows
//! (`<row hidden="1">`) and columns (`<col hidden="1">`), read from the
//! sheet's own XML part, found through `xl/workbook.xml` and its
//! relationships.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// Per sheet name: its hidden rows and hidden columns, 0-based.
pub type Hidden = HashMap<String, (Vec<usize>, Vec<usize>)>;

/// The hidden rows and columns of every sheet of an xlsx (empty for sheets
/// that hide nothing).
pub fn hidden_lines(bytes: &[u8]) -> Result<Hidden, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut part = |name: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let (Some(workbook), Some(rels)) =
        (part("xl/workbook.xml"), part("xl/_rels/workbook.xml.rels"))
    else {
        return Ok(Hidden::new());
    };
    let targets: HashMap<String, String> = elements(&rels, "Relationship")
        .into_iter()
        .filter_map(|a| Some((a.get("Id")?.clone(), a.get("Target")?.clone())))
        .collect();
    let mut out = Hidden::new();
    for sheet in elements(&workbook, "sheet") {
        let (Some(name), Some(id)) = (sheet.get("name"), sheet.get("r:id")) else { continue };
        let Some(target) = targets.get(id) else { continue };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        let Some(xml) = part(&path) else { continue };
        // Most sheets hide nothing: skip the parse for them.
        if xml.contains("hidden=\"1\"") || xml.contains("hidden=\"true\"") {
            out.insert(name.clone(), hidden_in(&xml));
        }
    }
    Ok(out)
}

/// Hidden rows (`r` is 1-based) and columns (`min`..=`max`, 1-based).
fn hidden_in(xml: &str) -> (Vec<usize>, Vec<usize>) {
    let hidden =
        |a: &HashMap<String, String>| a.get("hidden").is_some_and(|v| v == "1" || v == "true");
    let num = |a: &HashMap<String, String>, k: &str| a.get(k).and_then(|v| v.parse::<usize>().ok());
    let rows = elements(xml, "row")
        .iter()
        .filter(|a| hidden(a))
        .filter_map(|a| num(a, "r"))
        .filter_map(|r| r.checked_sub(1))
        .collect();
    let cols = elements(xml, "col")
        .iter()
        .filter(|a| hidden(a))
        .filter_map(|a| Some((num(a, "min")?, num(a, "max")?)))
        // A column range can reach the sheet's last column: cap it.
        .flat_map(|(lo, hi)| lo.max(1) - 1..hi.min(lo + 256))
        .collect();
    (rows, cols)
}

/// The attributes of every element with the local name `name`.
fn elements(xml: &str, name: &str) -> Vec<HashMap<String, String>> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == name => {
                out.push(attributes(&e));
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

fn attributes(e: &BytesStart<'_>) -> HashMap<String, String> {
    e.attributes()
        .flatten()
        .filter_map(|a| {
            let key = a.key.as_ref().to_string();
            let value = a.normalized_value(XmlVersion::Implicit1_0).ok()?.into_owned();
            Some((key, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_rows_and_columns_from_sheet_xml() {
        let xml = r#"<worksheet><cols><col min="1" max="2" width="9"/><col min="3" max="3" hidden="1"/></cols>
            <sheetData><row r="1"><c r="A1"/></row><row r="4" hidden="1"/></sheetData></worksheet>"#;
        assert_eq!(hidden_in(xml), (vec![3], vec![2]));
    }
}
