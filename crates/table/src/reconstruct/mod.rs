//! The reconstructor: a form's joined rows → its blocks, read by label.
//!
//! [`parse`] recognises the blocks with nom (one row or a run of rows each);
//! [`read`] takes the texts out of them by column role; [`indicators`]
//! carries merged level labels down and repairs rows cut by page breaks.

mod indicators;
mod parse;
mod read;

use jixiao_layout::Row;

use crate::grid::rows_to_grid;
use crate::join::{rows_to_form_rows, FormRows};
use crate::Form;
pub(crate) use parse::is_indicator_header;
use parse::Block;

/// Reconstructs every form in a document's rows, in document order.
///
/// A table in which no block of a form is recognised (a workbook's 说明
/// sheet, a 收支总表, an HTML page's list of attachments) is not a form and
/// gives none.
pub fn rows_to_forms(rows: &[Row]) -> Vec<Form> {
    rows_to_form_rows(rows).into_iter().map(form_rows_to_form).filter(holds_a_form_block).collect()
}

/// True when any block of a form was read from the rows.
fn holds_a_form_block(form: &Form) -> bool {
    let texts = [
        &form.project_name,
        &form.department,
        &form.implementer,
        &form.goal_expected,
        &form.goal_achieved,
        &form.total_weight,
        &form.total_score,
        &form.grade,
    ];
    texts.iter().any(|t| t.is_some()) || !form.funds.is_empty() || !form.indicators.is_empty()
}

fn form_rows_to_form(fr: FormRows) -> Form {
    let mut form = Form {
        title: fr.title,
        year: fr.year,
        pages: fr.pages.clone(),
        grid: rows_to_grid(&fr.rows, &fr.pages),
        repairs: fr.repairs,
        ..Form::default()
    };
    let (blocks, leftover) = parse::form(&fr.rows);
    for block in blocks {
        apply_block(&mut form, block);
    }
    if form.fund_unit.is_none() {
        form.fund_unit = fr.unit;
    }
    if let Some(e) = leftover {
        form.repairs.push(format!("rows from {} on could not be read ({:?})", e.pos + 1, e.kind));
    }
    form
}

fn apply_block(form: &mut Form, block: Block<'_>) {
    match block {
        Block::Header(row) => read::header_row(form, row),
        Block::Funds { header, rows } => read::funds(form, &header, &rows),
        Block::Goals { header, rows } => read::goals(form, header, &rows),
        Block::Indicators { header, rows } => indicators::read(form, &header, &rows),
        Block::Total(row) => read::total(form, row),
        Block::Grade(row) => read::grade(form, row),
        Block::Blank => {}
        Block::Stray(row) => form.repairs.push(format!(
            "dropped unrecognised row \"{}\" on page {}",
            read::row_text(row),
            row.page
        )),
    }
}
