//! 年度主要任务: the main tasks of a department form. No record field takes
//! them, so each task cell goes to `extra` as `年度主要任务[N].COLUMN`, in
//! printed order (SCHEMA.md §1b: nothing printed is lost).

use super::read::{header_roles, span_at};
use crate::row::Row;
use crate::text::normalize;
use crate::{Form, Text};

/// Reads the task rows by the columns the header names (任务名称, 主要内容,
/// 预算数 …); a cell under no named column keeps the block's label.
pub(crate) fn read(form: &mut Form, header: &Row, rows: &[&Row]) {
    let label = header.filled().next().map(|c| normalize(&c.text)).unwrap_or_default();
    let columns: Vec<_> =
        header_roles(header, &[((), &[])], Some(())).into_iter().skip(1).collect();
    for (n, row) in rows.iter().filter(|r| !r.is_blank()).enumerate() {
        for c in row.filled() {
            let column = span_at(&columns, c).map_or(label.as_str(), |s| s.label.as_str());
            let own = Text::of(c);
            let name = Text::new(format!("{label}[{n}].{column}"), Vec::new());
            form.extra.push((name, Some(own)));
        }
    }
}
