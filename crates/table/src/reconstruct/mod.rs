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
pub fn rows_to_forms(rows: &[Row]) -> Vec<Form> {
    rows_to_form_rows(rows).into_iter().map(form_rows_to_form).collect()
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
