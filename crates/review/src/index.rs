//! The index page of a batch: each input with its forms, their finding
//! counts and links to their sections.

use std::fmt::Write;

use jixiao_checks::{Audit, Severity};
use jixiao_record::FormRecord;

use crate::shell::esc;

/// One input of the index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndexEntry {
    /// The input's path as given.
    pub file: String,
    /// Its forms.
    pub forms: Vec<FormEntry>,
    /// Why it has no review page (the cause of a failed extraction).
    pub failed: Option<String>,
}

/// One form of the index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormEntry {
    /// Project (or department) name.
    pub name: String,
    /// Findings by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Info findings (repairs, rescoring).
    pub info: usize,
}

impl FormEntry {
    /// The entry of one audited record.
    pub fn of(record: &FormRecord, audit: &Audit) -> FormEntry {
        let name = record.project_name.as_deref().or(record.department.as_deref());
        FormEntry {
            name: name.unwrap_or("(no name)").to_string(),
            errors: crate::count(audit, Severity::Error),
            warnings: crate::count(audit, Severity::Warning),
            info: crate::count(audit, Severity::Info),
        }
    }
}

/// The index page; `href` gives the (relative) address of an input's page.
pub fn index_html(entries: &[IndexEntry], href: &dyn Fn(&str) -> String) -> String {
    let mut body = String::from(
        "<section class=\"form\"><table class=\"index\"><tr><th>file</th><th>form</th>\
         <th>errors</th><th>warnings</th><th>info</th></tr>",
    );
    for e in entries {
        let link = href(&e.file);
        if let Some(why) = &e.failed {
            let _ = write!(
                body,
                "<tr><td>{}</td><td colspan=\"4\" class=\"note\">{}</td></tr>",
                esc(&e.file),
                esc(why)
            );
            continue;
        }
        for (k, f) in e.forms.iter().enumerate() {
            let file = if k == 0 {
                format!("<a href=\"{}\">{}</a>", esc(&link), esc(&e.file))
            } else {
                String::new()
            };
            let _ = write!(
                body,
                "<tr><td>{file}</td><td><a href=\"{}#form-{k}\">{}</a></td><td class=\"n{}\">{}</td><td class=\"n{}\">{}</td><td>{}</td></tr>",
                esc(&link),
                esc(&f.name),
                if f.errors > 0 { " err" } else { "" },
                f.errors,
                if f.warnings > 0 { " warn" } else { "" },
                f.warnings,
                f.info
            );
        }
    }
    body.push_str("</table></section>");
    let forms: usize = entries.iter().map(|e| e.forms.len()).sum();
    crate::shell::document(&format!("{} files, {forms} forms", entries.len()), &body, false)
}
