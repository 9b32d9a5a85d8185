//! One form's section of a review page: its pages with the places drawn
//! over them (or its grid as a table), and beside them the findings, the
//! printed and rescored scores and the fields.

use std::fmt::Write;

use jixiao_checks::{audited_json, Audit, Severity};
use jixiao_record::FormRecord;
use jixiao_table::Form;
use serde_json::Value;

use crate::places::{form_to_places, Place, Places};
use crate::raster::PageImage;
use crate::shell::{base64, esc};

/// Margin around the boxes of a page drawn without its image, in points.
const BLANK_PAGE_MARGIN: f64 = 36.0;

/// Writes form `k`'s section. `images` holds the file's page images (none
/// for a text dump, or when `note` says why they could not be made).
pub(crate) fn form_section(
    out: &mut String,
    k: usize,
    form: &Form,
    record: &FormRecord,
    audit: &Audit,
    images: &[PageImage],
    note: Option<&str>,
) {
    let places = form_to_places(form, record, audit);
    let json = audited_json(record, audit);
    let name =
        record.project_name.as_deref().or(record.department.as_deref()).unwrap_or("(no name)");
    let _ =
        write!(out, "<section class=\"form\" id=\"form-{k}\"><h2>{}. {}</h2>", k + 1, esc(name));
    meta_line(out, record, audit);
    let drawn = form.grid.cells.iter().any(|c| c.bbox.is_some());
    let _ = write!(
        out,
        "<div class=\"body\"><div class=\"pages{}\">",
        if drawn { "" } else { " dump" }
    );
    if drawn {
        if let Some(why) = note {
            let _ = write!(
                out,
                "<p class=\"note\">{}: the grid is drawn with the text read.</p>",
                esc(why)
            );
        }
        for &page in &form.pages {
            page_figure(
                out,
                k,
                page,
                &places,
                images.iter().find(|i| i.page == page),
                note.is_some(),
            );
        }
    } else {
        grid_table(out, k, form, &places);
    }
    out.push_str("</div><aside>");
    findings_list(out, k, audit, &places);
    scores_table(out, &json);
    fields_table(out, k, &json, &places);
    out.push_str("</aside></div></section>\n");
}

fn meta_line(out: &mut String, record: &FormRecord, audit: &Audit) {
    let pages: Vec<String> =
        record.source.iter().flat_map(|s| s.pages.iter().map(u32::to_string)).collect();
    let pages =
        if pages.is_empty() { String::new() } else { format!("page {} · ", pages.join(", ")) };
    let _ = write!(
        out,
        "<p class=\"meta\">{pages}<span class=\"err\">{} errors</span> · <span class=\"warn\">{} warnings</span> · <span class=\"info\">{} info</span></p>",
        crate::count(audit, Severity::Error),
        crate::count(audit, Severity::Warning),
        crate::count(audit, Severity::Info),
    );
}

/// The id of place `n` of form `k`.
fn place_id(k: usize, n: usize) -> String {
    format!("b{k}-{n}")
}

/// The CSS classes of a place: finding severity, repaired, read.
fn place_classes(p: &Place) -> String {
    let mut c = String::from("box");
    c.push_str(if p.cell.is_some() { " cell" } else { " part" });
    match p.worst {
        Some(Severity::Error) => c.push_str(" err"),
        Some(Severity::Warning) => c.push_str(" warn"),
        Some(Severity::Info) if !p.repaired => c.push_str(" info"),
        _ => {}
    }
    if p.repaired {
        c.push_str(" rep");
    }
    if p.read {
        c.push_str(" read");
    }
    c
}

/// One page: its image with an SVG over it in PDF points, one rect per
/// place, and the cell texts (shown where the image lacks them).
fn page_figure(
    out: &mut String,
    k: usize,
    page: u32,
    places: &Places,
    image: Option<&PageImage>,
    failed: bool,
) {
    let boxes: Vec<(usize, &Place, [f64; 4])> = places.on_page(page).collect();
    let (w, h) = match image {
        Some(i) => (i.width, i.height),
        None => blank_size(&boxes),
    };
    let scale = image.map_or(f64::from(crate::DEFAULT_SCALE), |i| f64::from(px_width(i)) / i.width);
    let (pw, ph) = (w * scale, h * scale);
    let text_layer = image.is_none_or(|i| i.missing_fonts) || failed;
    let class = if text_layer { "page textlayer" } else { "page" };
    let _ = write!(out, "<figure class=\"{class}\" style=\"width:{pw:.0}px;height:{ph:.0}px\">");
    if let Some(i) = image {
        let _ = write!(
            out,
            "<img alt=\"page {page}\" width=\"{pw:.0}\" height=\"{ph:.0}\" src=\"data:image/png;base64,{}\">",
            base64(&i.png)
        );
    }
    let _ = write!(out, "<svg class=\"overlay\" viewBox=\"0 0 {w:.2} {h:.2}\" width=\"{pw:.0}\" height=\"{ph:.0}\">");
    for (n, p, b) in &boxes {
        let _ = write!(
            out,
            "<rect id=\"{}\" class=\"{}\" x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\"><title>{}</title></rect>",
            place_id(k, *n),
            place_classes(p),
            b[0],
            b[1],
            b[2] - b[0],
            b[3] - b[1],
            esc(&p.text)
        );
    }
    for (_, p, b) in &boxes {
        if let Some(first) = p.text.lines().next().filter(|t| !t.is_empty()) {
            let _ = write!(
                out,
                "<text class=\"tl\" x=\"{:.2}\" y=\"{:.2}\">{}</text>",
                b[0] + 1.5,
                b[1] + 8.0,
                esc(first)
            );
        }
    }
    let _ = write!(out, "</svg><figcaption>page {page}</figcaption></figure>");
}

/// Width of the PNG in pixels, from its IHDR chunk.
fn px_width(image: &PageImage) -> u32 {
    image.png.get(16..20).map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
}

/// A page drawn without its image: as large as its boxes and a margin.
fn blank_size(boxes: &[(usize, &Place, [f64; 4])]) -> (f64, f64) {
    let w = boxes.iter().map(|b| b.2[2]).fold(0.0, f64::max) + BLANK_PAGE_MARGIN;
    let h = boxes.iter().map(|b| b.2[3]).fold(0.0, f64::max) + BLANK_PAGE_MARGIN;
    (w, h)
}

/// A text dump's grid as a table, one cell per grid cell with its spans.
fn grid_table(out: &mut String, k: usize, form: &Form, places: &Places) {
    out.push_str("<table class=\"grid\">");
    let mut cells =
        places.list.iter().enumerate().filter_map(|(n, p)| p.cell.map(|c| (n, p, c))).peekable();
    for r in 0..form.grid.n_rows {
        out.push_str("<tr>");
        while let Some((n, p, [_, _, rs, cs])) = cells.next_if(|(_, _, c)| c[0] == r) {
            let _ = write!(
                out,
                "<td id=\"{}\" class=\"{}\" rowspan=\"{rs}\" colspan=\"{cs}\">{}</td>",
                place_id(k, n),
                place_classes(p),
                esc(&p.text)
            );
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
}

/// The ids of places, for `data-b`.
fn ids(k: usize, places: &[usize]) -> String {
    places.iter().map(|&n| place_id(k, n)).collect::<Vec<_>>().join(" ")
}

fn findings_list(out: &mut String, k: usize, audit: &Audit, places: &Places) {
    let _ = write!(out, "<h3>Findings ({})</h3><ol class=\"findings\">", audit.checks.len());
    for f in &places.findings {
        let c = &audit.checks[f.check];
        let class = match c.severity {
            Severity::Error => "err",
            Severity::Warning => "warn",
            Severity::Info if c.code == jixiao_checks::CheckCode::Repaired => "rep",
            Severity::Info => "info",
        };
        let _ = write!(
            out,
            "<li class=\"{class}\" data-b=\"{}\"><b>{}</b> <code>{}</code> <span class=\"path\">{}</span> {}</li>",
            ids(k, &f.places),
            c.severity,
            c.code,
            esc(&c.path),
            esc(&c.message)
        );
    }
    out.push_str("</ol>");
}

/// Printed against rescored: the fund score, each indicator score and the
/// total and grade, marked where they differ.
fn scores_table(out: &mut String, json: &Value) {
    out.push_str("<h3>Printed and rescored</h3><table class=\"scores\"><tr><th>field</th><th>printed</th><th>rescored</th></tr>");
    let mut rows: Vec<(String, &Value, &Value)> = Vec::new();
    let funds = json["funds"].as_array().map(Vec::as_slice).unwrap_or(&[]);
    if let Some(i) = funds.iter().position(|f| f["category"] == "total") {
        rows.push((
            format!("funds[{i}].score"),
            &funds[i]["score"],
            &json["rescored"]["fund_score"],
        ));
    }
    for (i, ind) in json["indicators"].as_array().into_iter().flatten().enumerate() {
        rows.push((format!("indicators[{i}].score"), &ind["score"], &ind["rescored"]["score"]));
    }
    rows.push(("total_score".into(), &json["total_score"], &json["rescored"]["total_score"]));
    rows.push(("grade".into(), &json["grade"], &json["rescored"]["grade"]));
    for (path, printed, rescored) in rows {
        let class = if differs(printed, rescored) { " class=\"differs\"" } else { "" };
        let _ = write!(
            out,
            "<tr{class}><td class=\"path\">{path}</td><td>{}</td><td>{}</td></tr>",
            show(printed),
            show(rescored)
        );
    }
    out.push_str("</table>");
}

/// Whether a rescored value disagrees with a printed one (beyond 0.005);
/// a value the form does not print differs from nothing.
fn differs(printed: &Value, rescored: &Value) -> bool {
    match (printed.as_f64(), rescored.as_f64()) {
        (Some(a), Some(b)) => (a - b).abs() > 0.005,
        _ => !rescored.is_null() && !printed.is_null() && printed != rescored,
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::Null => "–".into(),
        Value::String(s) => esc(s),
        other => esc(&other.to_string()),
    }
}

fn fields_table(out: &mut String, k: usize, json: &Value, places: &Places) {
    let _ = write!(out, "<h3>Fields ({})</h3><table class=\"fields\">", places.fields.len());
    for f in &places.fields {
        let _ = write!(
            out,
            "<tr data-b=\"{}\"><td class=\"path\">{}</td><td>{}</td></tr>",
            ids(k, &f.places),
            esc(&f.path),
            show(at_path(json, &f.path))
        );
    }
    out.push_str("</table>");
}

/// The value at a JSON path like `indicators[3].target.text`.
fn at_path<'v>(json: &'v Value, path: &str) -> &'v Value {
    path.split('.').fold(json, |v, part| match part.split_once('[') {
        Some((key, idx)) => {
            &v[key][idx.trim_end_matches(']').parse::<usize>().unwrap_or(usize::MAX)]
        }
        None => &v[part],
    })
}
