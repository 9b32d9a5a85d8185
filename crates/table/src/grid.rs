//! The logical grid of one form (SCHEMA.md §2).

use jixiao_layout::Origin;

use crate::row::Row;
use serde::Serialize;

use crate::text::normalize;

/// One cell of the logical grid. Merged cells are spans; every grid
/// position belongs to exactly one cell.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GridCell {
    /// 0-based row.
    pub row: usize,
    /// 0-based column.
    pub col: usize,
    /// Rows spanned.
    pub rowspan: usize,
    /// Columns spanned.
    pub colspan: usize,
    /// Normalised text.
    pub text: String,
    /// 1-based page the cell starts on (None for text input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// `[x0, top, x1, bottom]` in points on its page (None for text input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
    /// Where the cell's text was printed: its own place, then the parts a
    /// repair joined into it (not in the grid JSON, whose `page` and `bbox`
    /// give the cell's own place).
    #[serde(skip)]
    pub at: Vec<Origin>,
}

/// One form's table, joined across pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Grid {
    /// Pages the table was printed on.
    pub pages: Vec<u32>,
    /// Number of rows.
    pub n_rows: usize,
    /// Number of columns.
    pub n_cols: usize,
    /// The cells, row by row, left to right.
    pub cells: Vec<GridCell>,
}

/// Builds the grid from joined table rows (global columns, spans final).
pub(crate) fn rows_to_grid(rows: &[Row], pages: &[u32]) -> Grid {
    let mut cells = Vec::new();
    let mut n_cols = 0;
    for (r, row) in rows.iter().enumerate() {
        for c in &row.cells {
            n_cols = n_cols.max(c.col + c.colspan.max(1));
            cells.push(GridCell {
                row: r,
                col: c.col,
                rowspan: c.rowspan.clamp(1, rows.len() - r),
                colspan: c.colspan.max(1),
                text: normalize(&c.text),
                page: c.bbox.map(|_| c.page),
                bbox: c.bbox.map(|b| b.rounded()),
                at: c.origins(),
            });
        }
    }
    Grid { pages: pages.to_vec(), n_rows: rows.len(), n_cols, cells }
}
