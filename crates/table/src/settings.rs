//! The reconstructor's tolerances, in one place.

/// How close is close enough when the reconstructor joins a form's pages.
/// The defaults suit every producer of the samples; each says why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableSettings {
    /// Cell edges closer than this are one grid line when a form's pages
    /// are put on one column system, in PDF points. Default 3.0: the page
    /// tables of one form are drawn from one template, so their edges agree
    /// to well under a point; 3 points absorbs line widths and rounding.
    pub column_snap: f64,
    /// How far below a page's last table row text that overflowed a cell may
    /// start, in line heights of that text. Default 1.5: the next line of
    /// the cell, no further.
    pub overflow_lines: f64,
}

impl Default for TableSettings {
    fn default() -> Self {
        TableSettings { column_snap: 3.0, overflow_lines: 1.5 }
    }
}
