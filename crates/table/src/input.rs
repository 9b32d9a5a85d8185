//! The row slice as a nom input, and the parse error that keeps context.
//!
//! nom 8 implements `Input` only for byte and char slices; the block parsers
//! read whole rows, so the slice of rows is wrapped here.

use crate::row::Row;
use nom::error::{ContextError, ErrorKind as NomKind, ParseError};
use nom::{Input, Needed};

/// A slice of rows with its offset into the form, for error positions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rows<'a> {
    /// The rows left to parse.
    pub rows: &'a [Row],
    /// Index of `rows[0]` in the form.
    pub offset: usize,
}

impl<'a> Rows<'a> {
    pub fn new(rows: &'a [Row]) -> Self {
        Rows { rows, offset: 0 }
    }
    pub fn first(&self) -> Option<&'a Row> {
        self.rows.first()
    }
}

impl<'a> Input for Rows<'a> {
    type Item = &'a Row;
    type Iter = std::slice::Iter<'a, Row>;
    type IterIndices = std::iter::Enumerate<std::slice::Iter<'a, Row>>;

    fn input_len(&self) -> usize {
        self.rows.len()
    }
    fn take(&self, index: usize) -> Self {
        Rows { rows: &self.rows[..index], offset: self.offset }
    }
    fn take_from(&self, index: usize) -> Self {
        Rows { rows: &self.rows[index..], offset: self.offset + index }
    }
    /// Returns (rest, taken), in nom's order.
    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }
    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.rows.iter().position(predicate)
    }
    fn iter_elements(&self) -> Self::Iter {
        self.rows.iter()
    }
    fn iter_indices(&self) -> Self::IterIndices {
        self.rows.iter().enumerate()
    }
    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if count <= self.rows.len() {
            Ok(count)
        } else {
            Err(Needed::new(count - self.rows.len()))
        }
    }
}

/// What a block parser expected.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ParseErrorKind {
    /// A row starting with one of these labels.
    ExpectedLabel(&'static str),
    /// A row holding amounts.
    ExpectedAmount,
    /// A nom combinator failed.
    Nom(NomKind),
}

/// A parse error: the row where it happened, what was expected, and the
/// blocks being read (nom's default error drops `context`; this one keeps it).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RowError {
    pub pos: usize,
    pub kind: ParseErrorKind,
    pub context: Vec<&'static str>,
}

impl RowError {
    pub fn at(input: &Rows<'_>, kind: ParseErrorKind) -> Self {
        RowError { pos: input.offset, kind, context: Vec::new() }
    }
}

impl<'a> ParseError<Rows<'a>> for RowError {
    fn from_error_kind(input: Rows<'a>, kind: NomKind) -> Self {
        RowError::at(&input, ParseErrorKind::Nom(kind))
    }
    fn append(_input: Rows<'a>, _kind: NomKind, other: Self) -> Self {
        other
    }
}

impl<'a> ContextError<Rows<'a>> for RowError {
    fn add_context(_input: Rows<'a>, ctx: &'static str, mut other: Self) -> Self {
        other.context.push(ctx);
        other
    }
}

/// The one result type of the block parsers.
pub(crate) type PResult<'a, T> = nom::IResult<Rows<'a>, T, RowError>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    #[test]
    fn take_split_returns_rest_then_taken() {
        let rows = text_to_rows("a\tb\nc\td\ne\tf\n");
        let (rest, taken) = Rows::new(&rows).take_split(1);
        assert_eq!(taken.rows.len(), 1);
        assert_eq!(rest.rows.len(), 2);
        assert_eq!(rest.offset, 1);
    }
}
