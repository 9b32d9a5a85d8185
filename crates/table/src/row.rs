//! The rows the reconstructor works on: layout's rows with every cell
//! classified once, on entry, into its keys and [`CellKind`] (as cexpr
//! tokenises before it parses). The block parsers ask what a cell is many
//! times over (every parser alternative looks at the next row); they read
//! these tokens instead of re-keying the text each time.

use jixiao_layout::{BBox, Geometry, RowKind};

use crate::text::label_key;
use crate::token::{classify, CellKind};
use crate::vocab::{self, header_key};

/// One cell of a row, with its tokens. It reads as layout's cell (through
/// `Deref`); its text changes only through [`Cell::set_text`], which keeps
/// the tokens in step.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    cell: jixiao_layout::Cell,
    /// [`label_key`] of the text: no whitespace, no trailing colon.
    pub label: String,
    /// [`header_key`] of the text: the label without bracketed asides.
    pub key: String,
    /// What the text holds.
    pub kind: CellKind,
}

impl Cell {
    fn new(c: &jixiao_layout::Cell) -> Cell {
        let mut cell = Cell {
            cell: c.clone(),
            label: String::new(),
            key: String::new(),
            kind: CellKind::Empty,
        };
        cell.retoken();
        cell
    }

    /// Replaces the text and classifies it again.
    pub fn set_text(&mut self, text: String) {
        self.cell.text = text;
        self.retoken();
    }

    fn retoken(&mut self) {
        self.label = label_key(&self.cell.text);
        self.key = header_key(&self.label);
        self.kind = classify(&self.label);
    }
}

impl std::ops::Deref for Cell {
    type Target = jixiao_layout::Cell;
    fn deref(&self) -> &jixiao_layout::Cell {
        &self.cell
    }
}

impl std::borrow::Borrow<jixiao_layout::Cell> for Cell {
    fn borrow(&self) -> &jixiao_layout::Cell {
        &self.cell
    }
}

/// For spans and joined origins; the text goes through [`Cell::set_text`].
impl std::ops::DerefMut for Cell {
    fn deref_mut(&mut self) -> &mut jixiao_layout::Cell {
        &mut self.cell
    }
}

/// One row: a table row or a free text line.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// Table row or free text line.
    pub kind: RowKind,
    /// 1-based page.
    pub page: u32,
    /// The cells, left to right.
    pub cells: Vec<Cell>,
    /// Where the row is drawn (None for text input).
    pub bbox: Option<BBox>,
    /// Whether layout measured the row's positions or the file declared them.
    pub geometry: Geometry,
}

impl Row {
    /// The non-blank cells, left to right.
    pub fn filled(&self) -> impl Iterator<Item = &Cell> {
        self.cells.iter().filter(|c| !c.is_blank())
    }
    /// True when no cell holds any text.
    pub fn is_blank(&self) -> bool {
        self.filled().next().is_none()
    }
    /// True when a cell holds a plain amount.
    pub fn has_amount(&self) -> bool {
        self.filled().any(|c| c.kind == CellKind::Amount)
    }
    /// True when the row names enough of the table's column roles to be a
    /// header row ([`MIN_HEADER_ROLES`] different ones).
    pub fn names_columns<R: Copy + PartialEq>(&self, table: &[(R, &[&str])]) -> bool {
        let mut roles: Vec<R> = Vec::new();
        for role in self.filled().filter_map(|c| vocab::role_of_key(table, &c.key)) {
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        roles.len() >= MIN_HEADER_ROLES
    }
    /// An indicator header row, or one of the two rows of a split header
    /// (`绩效指标 | 年度指标值 | …` over `一级指标 | 二级指标 | 三级指标`):
    /// indicator column names and no amount.
    pub fn is_indicator_header(&self) -> bool {
        !self.has_amount() && self.names_columns(vocab::INDICATOR_COLUMNS)
    }
}

/// How many column names make a row a header row: three, so that a data
/// row holding one word that happens to name a column is never taken.
const MIN_HEADER_ROLES: usize = 3;

/// Classifies every cell of layout's rows.
pub(crate) fn tokenise(rows: &[jixiao_layout::Row]) -> Vec<Row> {
    rows.iter()
        .map(|r| Row {
            kind: r.kind,
            page: r.page,
            cells: r.cells.iter().map(Cell::new).collect(),
            bbox: r.bbox,
            geometry: r.geometry,
        })
        .collect()
}

/// A text dump's rows, tokenised: what the crate's unit tests start from.
#[cfg(test)]
pub(crate) fn text_to_rows(dump: &str) -> Vec<Row> {
    tokenise(&jixiao_layout::text::text_to_rows(dump))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_text() {
        let rows = tokenise(&jixiao_layout::text::text_to_rows("年度资金 总额：\t 3,013.00\t \n"));
        let cells = &rows[0].cells;
        assert_eq!((cells[0].label.as_str(), cells[0].kind), ("年度资金总额", CellKind::Text));
        assert_eq!(cells[1].kind, CellKind::Amount);
        assert!(cells[2].is_blank() && cells[2].kind == CellKind::Empty);
        let mut c = cells[0].clone();
        c.set_text("分值（10分）".into());
        assert_eq!((c.label.as_str(), c.key.as_str()), ("分值（10分）", "分值"));
    }
}
