//! The places drawn for one form: every grid cell, and every other place a
//! field or finding names (the part of a cut cell on the next page, a title
//! line), each with the fields and findings that point at it.

use std::collections::HashMap;

use jixiao_checks::{field_origins, Audit, Severity};
use jixiao_record::{FormRecord, Origin};
use jixiao_table::Form;

/// One place on a page, or one cell of a text dump's grid.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Place {
    /// Where it is.
    pub origin: Origin,
    /// The grid cell's text, or empty for a place that is no grid cell.
    pub text: String,
    /// The grid cell (row, col, rowspan, colspan), if it is one.
    pub cell: Option<[usize; 4]>,
    /// The worst severity of the findings on it.
    pub worst: Option<Severity>,
    /// Whether a repair touched it.
    pub repaired: bool,
    /// Whether a field was read from it.
    pub read: bool,
}

/// A record field beside the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Field {
    /// JSON path.
    pub path: String,
    /// The indices of its places.
    pub places: Vec<usize>,
}

/// A finding beside the page.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    /// Index into the audit's checks.
    pub check: usize,
    /// The indices of its places.
    pub places: Vec<usize>,
}

/// The places of a form, its fields and its findings.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Places {
    pub list: Vec<Place>,
    pub fields: Vec<Field>,
    pub findings: Vec<Finding>,
}

/// An origin as a map key (boxes compare by their bits: both sides come
/// from the same rounding).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Drawn(u32, [u64; 4]),
    Line(u32, u32, usize),
}

fn key(o: &Origin) -> Key {
    match *o {
        Origin::Drawn { page, bbox } => Key::Drawn(page, bbox.map(f64::to_bits)),
        Origin::Line { page, line, col } => Key::Line(page, line, col),
    }
}

/// Collects the places of `form`. In a text dump (`boxes` false) a part
/// joined into a cell is shown as that cell; on a page it is a box of its
/// own.
pub(crate) fn form_to_places(form: &Form, record: &FormRecord, audit: &Audit) -> Places {
    let mut places = Places::default();
    let mut index: HashMap<Key, usize> = HashMap::new();
    let boxes = form.grid.cells.iter().any(|c| c.bbox.is_some());
    for c in &form.grid.cells {
        let Some(own) = c.at.first() else { continue };
        let k = places.add(&mut index, own);
        places.list[k].text.clone_from(&c.text);
        places.list[k].cell = Some([c.row, c.col, c.rowspan, c.colspan]);
        if !boxes {
            for part in &c.at[1..] {
                index.entry(key(part)).or_insert(k);
            }
        }
    }
    for (path, at) in &record.provenance {
        let ids: Vec<usize> = at.iter().map(|o| places.add(&mut index, o)).collect();
        for &k in &ids {
            places.list[k].read = true;
        }
        places.fields.push(Field { path: path.clone(), places: ids });
    }
    for (n, check) in audit.checks.iter().enumerate() {
        let at = finding_origins(record, check);
        let ids: Vec<usize> = at.iter().map(|o| places.add(&mut index, o)).collect();
        for &k in &ids {
            let p = &mut places.list[k];
            p.worst = Some(p.worst.map_or(check.severity, |w| w.min(check.severity)));
            p.repaired |= check.code == jixiao_checks::CheckCode::Repaired;
        }
        places.findings.push(Finding { check: n, places: ids });
    }
    places
}

/// Where a finding is marked: its repair's cells, its field's, or, for a
/// field the form left empty (a missing deviation reason has no
/// provenance), its row's score or name or label cell.
fn finding_origins<'r>(record: &'r FormRecord, check: &'r jixiao_checks::Check) -> &'r [Origin] {
    if !check.at.is_empty() {
        return &check.at;
    }
    let own = field_origins(record, &check.path);
    if !own.is_empty() {
        return own;
    }
    let Some((row, _)) = check.path.split_once("].") else { return own };
    ["score", "name", "label"]
        .iter()
        .map(|f| field_origins(record, &format!("{row}].{f}")))
        .find(|at| !at.is_empty())
        .unwrap_or(own)
}

impl Places {
    /// The place of `origin`, added if new.
    fn add(&mut self, index: &mut HashMap<Key, usize>, origin: &Origin) -> usize {
        *index.entry(key(origin)).or_insert_with(|| {
            self.list.push(Place {
                origin: *origin,
                text: String::new(),
                cell: None,
                worst: None,
                repaired: false,
                read: false,
            });
            self.list.len() - 1
        })
    }

    /// The places on `page` with their index, for drawing.
    pub fn on_page(&self, page: u32) -> impl Iterator<Item = (usize, &Place, [f64; 4])> {
        self.list.iter().enumerate().filter_map(move |(k, p)| match p.origin {
            Origin::Drawn { page: at, bbox } if at == page => Some((k, p, bbox)),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jixiao_layout::text::text_to_rows;

    #[test]
    fn fields_and_findings_point_at_the_cells_they_were_read_from() {
        let dump = "项目支出绩效自评表\n项目名称\t\t测试项目\n\
            一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
            产出指标\t数量指标\t培训人次\t≥300(人次)\t320(人次)\t10.00\t9.00\n";
        let forms = jixiao_table::rows_to_forms(&text_to_rows(dump));
        let mut record = jixiao_record::form_to_record(&forms[0]);
        record.provenance = jixiao_record::form_to_provenance(&forms[0], &record);
        let audit = jixiao_checks::audit(&record);
        let places = form_to_places(&forms[0], &record, &audit);
        assert_eq!(
            places.list.iter().filter(|p| p.cell.is_some()).count(),
            forms[0].grid.cells.len()
        );
        let field = |path: &str| places.fields.iter().find(|f| f.path == path).unwrap();
        let name = &places.list[field("project_name").places[0]];
        assert_eq!((name.text.as_str(), name.read), ("测试项目", true));
        let score = field("indicators[0].score").places[0];
        // 9 of 10 points and no reason: the empty deviation cell has no
        // provenance, so the finding is marked on the row's score.
        let deviation =
            audit.checks.iter().position(|c| c.path == "indicators[0].deviation").unwrap();
        assert_eq!(places.findings[deviation].places, [score]);
        assert_eq!(places.list[score].worst, Some(Severity::Warning));
        assert_eq!(places.list[score].text, "9.00");
    }
}
