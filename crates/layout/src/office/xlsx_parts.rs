//! What an xlsx sheet declares besides its cells, read from the sheet's own
//! XML part: hidden rows (`<row hidden="1">`) and columns (`<col
//! hidden="1">`), which calamine does not expose, and merged regions
//! (`<mergeCell ref="A1:H1"/>`), which calamine finds only by parsing the
//! whole sheet again. Both are found by scanning for their few tags, so
//! the sheet's cells are parsed once, by calamine.

use std::collections::HashMap;
use std::io::{Cursor, Read};

/// What one sheet declares: 0-based hidden rows and columns, and merged
/// regions as (first row, first column, last row, last column).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetExtras {
    /// Hidden rows.
    pub hidden_rows: Vec<usize>,
    /// Hidden columns.
    pub hidden_cols: Vec<usize>,
    /// Merged regions, inclusive.
    pub merges: Vec<(usize, usize, usize, usize)>,
}

/// Per sheet name, what its XML part declares.
pub fn sheet_extras(bytes: &[u8]) -> Result<HashMap<String, SheetExtras>, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let mut part = |name: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let (Some(workbook), Some(rels)) =
        (part("xl/workbook.xml"), part("xl/_rels/workbook.xml.rels"))
    else {
        return Ok(HashMap::new());
    };
    let targets: HashMap<&str, &str> = tags(&rels, "Relationship")
        .filter_map(|t| Some((attr(t, "Id")?, attr(t, "Target")?)))
        .collect();
    let mut out = HashMap::new();
    for sheet in tags(&workbook, "sheet") {
        let (Some(name), Some(id)) = (attr(sheet, "name"), attr(sheet, "r:id")) else { continue };
        let Some(target) = targets.get(id) else { continue };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_string(),
            None => format!("xl/{target}"),
        };
        if let Some(xml) = part(&path) {
            out.insert(unescape(name), extras_in(&xml));
        }
    }
    Ok(out)
}

/// The hidden lines and merges of one sheet's XML.
fn extras_in(xml: &str) -> SheetExtras {
    let hidden = |t: &str| matches!(attr(t, "hidden"), Some("1") | Some("true"));
    let num = |t: &str, k: &str| attr(t, k).and_then(|v| v.parse::<usize>().ok());
    // Only tags that say hidden are looked at: most sheets have none.
    let any_hidden = xml.contains("hidden=\"");
    let hidden_rows = if any_hidden {
        tags(xml, "row").filter(|t| hidden(t)).filter_map(|t| num(t, "r")?.checked_sub(1)).collect()
    } else {
        Vec::new()
    };
    let hidden_cols = if any_hidden {
        tags(xml, "col")
            .filter(|t| hidden(t))
            .filter_map(|t| Some((num(t, "min")?, num(t, "max")?)))
            // A column range can reach the sheet's last column: cap it.
            .flat_map(|(lo, hi)| lo.max(1) - 1..hi.min(lo + 256))
            .collect()
    } else {
        Vec::new()
    };
    let merges = match xml.find("<mergeCells").or_else(|| xml.find(":mergeCells")) {
        Some(at) => tags(&xml[at..], "mergeCell")
            .filter_map(|t| {
                let (a, b) = attr(t, "ref")?.split_once(':')?;
                let ((r0, c0), (r1, c1)) = (cell_ref(a)?, cell_ref(b)?);
                Some((r0, c0, r1, c1))
            })
            .collect(),
        None => Vec::new(),
    };
    SheetExtras { hidden_rows, hidden_cols, merges }
}

/// The text of every start or empty tag with local name `name` (`<row …>`,
/// `<x:row …>`), from after the name to before the closing `>`. Only the
/// name's occurrences are visited, not every tag.
fn tags<'a>(xml: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    xml.match_indices(name).filter_map(move |(at, _)| {
        let before = xml[..at].bytes().next_back()?;
        let opens = before == b'<'
            || (before == b':' && {
                let head = &xml[..at - 1];
                let prefix = head.rfind(|c: char| !c.is_ascii_alphanumeric())?;
                head.as_bytes()[prefix] == b'<'
            });
        let rest = &xml[at + name.len()..];
        let next = rest.bytes().next()?;
        let ends_name = next.is_ascii_whitespace() || next == b'/' || next == b'>';
        (opens && ends_name).then(|| &rest[..rest.find('>').unwrap_or(rest.len())])
    })
}

/// The raw value of attribute `key` in a tag's text.
fn attr<'a>(tag: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(key) {
        let at = from + i;
        let before = tag[..at].chars().next_back();
        let after = &tag[at + key.len()..];
        if before.is_none_or(char::is_whitespace) {
            if let Some(v) = after.trim_start().strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                let body = &v[1..];
                return body.find(quote).map(|end| &body[..end]);
            }
        }
        from = at + key.len();
    }
    None
}

/// `C5` → (row 4, column 2), 0-based; `$C$5` too.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let r = r.replace('$', "");
    let split = r.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = r.split_at(split);
    let col = letters.bytes().try_fold(0usize, |acc, b| {
        b.is_ascii_uppercase().then(|| acc * 26 + (b - b'A' + 1) as usize)
    })?;
    let row: usize = digits.parse().ok()?;
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

/// Sheet names in workbook.xml are XML-escaped.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_lines_and_merges_from_sheet_xml() {
        let xml = r#"<worksheet><cols><col min="1" max="2" width="9"/><col min="3" max="3" hidden="1"/></cols>
            <sheetData><row r="1"><c r="A1"/></row><row r="4" hidden="1"/></sheetData>
            <mergeCells count="2"><mergeCell ref="A1:H1"/><mergeCell ref="$B$3:C10"/></mergeCells></worksheet>"#;
        let e = extras_in(xml);
        assert_eq!((e.hidden_rows, e.hidden_cols), (vec![3], vec![2]));
        assert_eq!(e.merges, vec![(0, 0, 0, 7), (2, 1, 9, 2)]);
    }

    #[test]
    fn cell_references_and_attributes() {
        assert_eq!(cell_ref("AA10"), Some((9, 26)));
        assert_eq!(cell_ref("a1"), None);
        assert_eq!(attr(r#" r="5" hidden="1""#, "r"), Some("5"));
        assert_eq!(attr(r#" spans="1:3" r="7""#, "r"), Some("7"));
    }
}
