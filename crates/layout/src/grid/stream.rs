//! The stream fallback: grid lines inferred from text, for pages drawn
//! without ruling lines.
//!
//! The result is a set of synthetic [`Ruling`]s that the lattice pipeline
//! then treats like drawn ones, so merged cells become spans the same way:
//!
//! 1. glyphs → lines → words (a gap wider than [`STREAM_WORD_GAP_RATIO`]
//!    font sizes starts a new word);
//! 2. words → table regions: runs of lines holding two or more words, with
//!    the body-size single-word lines between and after them (wrapped
//!    continuations), broken by large vertical gaps;
//! 3. per region, columns: the x-projection of the words, leaving out
//!    *spanning* words (a word that overlaps two words of another line spans
//!    columns); each gap in the projection is a column boundary;
//! 4. blocks: a column's words chained top to bottom while the line gap stays
//!    below [`STREAM_BLOCK_GAP_RATIO`] font sizes, so a wrapped cell's
//!    continuation lines stay with their first line;
//! 5. rows: the y-projection of the blocks, leaving out *rowspan* blocks
//!    (a block that overlaps two blocks of another column); each gap is a row
//!    boundary;
//! 6. rulings on every row and column boundary, broken where a block crosses
//!    them, which leaves merged cells merged.

use serde::Serialize;

use super::text::{font_size, glyphs_to_lines, line_to_text, median_font_size};
use crate::geometry::{merge_intervals, overlap, slot_of, subtract_intervals, union_all};
use crate::{BBox, Glyph, Orientation, Ruling};

/// A horizontal gap wider than this fraction of the font size separates two
/// words. Columns of the corpus `stream` pages sit 1 font size apart; spaces
/// inside a cell are narrower than half a font size. Ratio of the font size.
pub const STREAM_WORD_GAP_RATIO: f64 = 0.6;
/// Lines of one column whose vertical gap is at most this fraction of the
/// font size belong to one cell (wrapped lines sit about 0.3 font sizes
/// apart, rows about a full font size). Ratio of the font size.
pub const STREAM_BLOCK_GAP_RATIO: f64 = 0.6;
/// A vertical gap wider than this many body font sizes ends a table region.
/// Ratio of the font size.
pub const STREAM_REGION_GAP_RATIO: f64 = 2.5;
/// A single-word line joins a table region only if its font size is within
/// this fraction of the body font size (titles are larger). Ratio.
pub const STREAM_FONT_SIZE_TOLERANCE: f64 = 0.1;
/// A region needs at least this many lines of two or more words to be a
/// table.
pub const STREAM_MIN_TABLE_LINES: usize = 2;
/// A block must overlap a row boundary by more than this to cross it
/// (centred text of a merged cell may touch its neighbours). PDF points.
pub const STREAM_CROSS_TOLERANCE: f64 = 1.0;
/// Words whose x-projections are this close or overlap share a column: any
/// real gap between them, however narrow, is a column boundary (text of
/// neighbouring cells never touches). PDF points.
pub const STREAM_COLUMN_JOIN: f64 = 0.0;
/// Blocks whose y-projections are this close or overlap share a row. PDF
/// points.
pub const STREAM_ROW_JOIN: f64 = 0.0;
/// Space left between the outermost text and the synthetic table border.
/// PDF points.
pub const STREAM_TABLE_PADDING: f64 = 2.0;

/// A run of glyphs on one line without a wide gap.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Word {
    /// The word's text (see [`line_to_text`]).
    pub text: String,
    /// Its box, points.
    pub bbox: BBox,
    /// Median font size of its glyphs, points.
    pub font_size: f64,
    /// Index of its line (lines top to bottom).
    pub line: usize,
}

/// What the stream fallback inferred for one table region.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StreamRegion {
    /// Indices of the region's words.
    pub words: Vec<usize>,
    /// Indices of the words that span columns.
    pub spanning: Vec<usize>,
    /// Column boundaries (x), left edge first, points.
    pub columns: Vec<f64>,
    /// Row boundaries (y), top edge first, points.
    pub rows: Vec<f64>,
}

/// Everything the stream fallback inferred on a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct StreamDebug {
    /// All words of the page.
    pub words: Vec<Word>,
    /// The table regions.
    pub regions: Vec<StreamRegion>,
    /// The synthetic rulings, before merging.
    pub rulings: Vec<Ruling>,
}

/// Lines (see [`glyphs_to_lines`]) split into words at gaps wider than
/// [`STREAM_WORD_GAP_RATIO`] font sizes; words top to bottom, left to right.
pub fn glyphs_to_words(glyphs: &[&Glyph]) -> Vec<Word> {
    let mut words = Vec::new();
    for (li, line) in glyphs_to_lines(glyphs).iter().enumerate() {
        let mut start = 0;
        for i in 1..=line.len() {
            let split = i == line.len() || {
                let (p, g) = (line[i - 1], line[i]);
                g.bbox.x0 - p.bbox.x1 > STREAM_WORD_GAP_RATIO * font_size(p).max(font_size(g))
            };
            if split {
                let chunk = &line[start..i];
                if let Some(bbox) = union_all(chunk.iter().map(|g| &g.bbox)) {
                    let text = line_to_text(chunk);
                    words.push(Word { text, bbox, font_size: median_font_size(chunk), line: li });
                }
                start = i;
            }
        }
    }
    words
}

/// Table regions: runs of lines with two or more words, plus the body-size
/// single-word lines among and after them, split where lines are more than
/// [`STREAM_REGION_GAP_RATIO`] body sizes apart. Regions with fewer than
/// [`STREAM_MIN_TABLE_LINES`] multi-word lines are dropped. Returns word
/// indices per region.
pub fn words_to_regions(words: &[Word]) -> Vec<Vec<usize>> {
    let n_lines = words.iter().map(|w| w.line + 1).max().unwrap_or(0);
    let mut lines: Vec<Vec<usize>> = vec![Vec::new(); n_lines];
    for (i, w) in words.iter().enumerate() {
        lines[w.line].push(i);
    }
    let body_sizes: Vec<f64> = lines
        .iter()
        .filter(|l| l.len() >= 2)
        .flat_map(|l| l.iter().map(|&i| words[i].font_size))
        .collect();
    let Some(body) = crate::geometry::median(&body_sizes) else { return Vec::new() };
    let mut regions: Vec<(Vec<usize>, usize)> = Vec::new();
    let mut open: Option<(Vec<usize>, usize, f64)> = None;
    for line in lines.iter().filter(|l| !l.is_empty()) {
        let Some(bbox) = union_all(line.iter().map(|&i| &words[i].bbox)) else { continue };
        let size = line.iter().map(|&i| words[i].font_size).fold(0.0, f64::max);
        let tabular = line.len() >= 2;
        let body_size = (size - body).abs() <= STREAM_FONT_SIZE_TOLERANCE * body;
        let near = open.as_ref().is_some_and(|o| bbox.top - o.2 <= STREAM_REGION_GAP_RATIO * body);
        match open.as_mut() {
            Some(o) if near && (tabular || body_size) => {
                o.0.extend(line);
                o.1 += usize::from(tabular);
                o.2 = o.2.max(bbox.bottom);
            }
            _ => {
                regions.extend(open.take().map(|o| (o.0, o.1)));
                if tabular {
                    open = Some((line.clone(), 1, bbox.bottom));
                }
            }
        }
    }
    regions.extend(open.map(|o| (o.0, o.1)));
    regions.into_iter().filter(|r| r.1 >= STREAM_MIN_TABLE_LINES).map(|r| r.0).collect()
}

/// A cell's worth of words in one column range, chained top to bottom.
#[derive(Clone, Copy, Debug)]
struct Block {
    c0: usize,
    c1: usize,
    top: f64,
    bottom: f64,
    size: f64,
}

/// Column boundaries of a region, from the x-projection of its non-spanning
/// words. Returns (boundaries, spanning word indices); fewer than three
/// boundaries (two columns) means no table.
fn region_to_columns(words: &[Word], region: &[usize]) -> (Vec<f64>, Vec<usize>) {
    let mut by_line: Vec<(usize, Vec<&BBox>)> = Vec::new();
    for &i in region {
        match by_line.iter_mut().find(|(l, _)| *l == words[i].line) {
            Some((_, v)) => v.push(&words[i].bbox),
            None => by_line.push((words[i].line, vec![&words[i].bbox])),
        }
    }
    for (_, v) in by_line.iter_mut() {
        v.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let spanning: Vec<usize> = region
        .iter()
        .copied()
        .filter(|&i| {
            let w = &words[i];
            by_line.iter().filter(|(l, _)| *l != w.line).any(|(_, boxes)| {
                // Words of a line do not overlap, so they are sorted by x1 too.
                let first = boxes.partition_point(|b| b.x1 <= w.bbox.x0);
                let last = boxes.partition_point(|b| b.x0 < w.bbox.x1);
                last.saturating_sub(first) >= 2
            })
        })
        .collect();
    let intervals: Vec<(f64, f64)> = region
        .iter()
        .filter(|i| !spanning.contains(i))
        .map(|&i| (words[i].bbox.x0, words[i].bbox.x1))
        .collect();
    let columns = merge_intervals(&intervals, STREAM_COLUMN_JOIN);
    let (Some(first), Some(last)) = (columns.first(), columns.last()) else {
        return (Vec::new(), spanning);
    };
    let mut bounds = vec![first.0 - STREAM_TABLE_PADDING];
    bounds.extend(columns.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
    bounds.push(last.1 + STREAM_TABLE_PADDING);
    // A spanning word may reach past the outermost column.
    let min_x = region.iter().map(|&i| words[i].bbox.x0).fold(f64::INFINITY, f64::min);
    let max_x = region.iter().map(|&i| words[i].bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    if let Some(b) = bounds.first_mut() {
        *b = b.min(min_x - STREAM_TABLE_PADDING);
    }
    if let Some(b) = bounds.last_mut() {
        *b = b.max(max_x + STREAM_TABLE_PADDING);
    }
    (bounds, spanning)
}

/// Blocks: the region's words grouped by column range, chained top to bottom
/// while the gap is at most [`STREAM_BLOCK_GAP_RATIO`] font sizes.
fn words_to_blocks(words: &[Word], region: &[usize], columns: &[f64]) -> Vec<Block> {
    let mut placed: Vec<(usize, usize, &Word)> = region
        .iter()
        .filter_map(|&i| {
            let w = &words[i];
            Some((slot_of(columns, w.bbox.x0)?, slot_of(columns, w.bbox.x1)?, w))
        })
        .collect();
    placed.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)).then(a.2.bbox.top.total_cmp(&b.2.bbox.top)));
    let mut blocks: Vec<Block> = Vec::new();
    for (c0, c1, w) in placed {
        match blocks.last_mut() {
            Some(b)
                if (b.c0, b.c1) == (c0, c1)
                    && w.bbox.top - b.bottom
                        <= STREAM_BLOCK_GAP_RATIO * b.size.max(w.font_size) =>
            {
                b.bottom = b.bottom.max(w.bbox.bottom);
            }
            _ => blocks.push(Block {
                c0,
                c1,
                top: w.bbox.top,
                bottom: w.bbox.bottom,
                size: w.font_size,
            }),
        }
    }
    blocks
}

/// Row boundaries from the y-projection of the blocks that do not span rows
/// (a block spans rows when it overlaps two single-column blocks of a column
/// outside its own range).
fn blocks_to_rows(blocks: &[Block]) -> Vec<f64> {
    let spans_rows = |b: &Block| {
        let mut per_col: Vec<(usize, usize)> = Vec::new();
        for o in blocks.iter().filter(|o| o.c0 == o.c1 && (o.c0 < b.c0 || o.c0 > b.c1)) {
            if overlap(b.top, b.bottom, o.top, o.bottom) > 0.0 {
                match per_col.iter_mut().find(|(c, _)| *c == o.c0) {
                    Some((_, n)) => *n += 1,
                    None => per_col.push((o.c0, 1)),
                }
            }
        }
        per_col.iter().any(|&(_, n)| n >= 2)
    };
    let intervals: Vec<(f64, f64)> =
        blocks.iter().filter(|b| !spans_rows(b)).map(|b| (b.top, b.bottom)).collect();
    let bands = merge_intervals(&intervals, STREAM_ROW_JOIN);
    let (Some(first), Some(last)) = (bands.first(), bands.last()) else { return Vec::new() };
    let mut rows = vec![first.0 - STREAM_TABLE_PADDING];
    rows.extend(bands.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0));
    rows.push(last.1 + STREAM_TABLE_PADDING);
    let min_top = blocks.iter().map(|b| b.top).fold(f64::INFINITY, f64::min);
    let max_bottom = blocks.iter().map(|b| b.bottom).fold(f64::NEG_INFINITY, f64::max);
    if let Some(r) = rows.first_mut() {
        *r = r.min(min_top - STREAM_TABLE_PADDING);
    }
    if let Some(r) = rows.last_mut() {
        *r = r.max(max_bottom + STREAM_TABLE_PADDING);
    }
    rows
}

/// Rulings on every boundary, broken where a block crosses it: a block
/// crosses a row boundary it overlaps by more than
/// [`STREAM_CROSS_TOLERANCE`], and a column boundary inside its column range.
fn blocks_to_rulings(blocks: &[Block], columns: &[f64], rows: &[f64], page: u32) -> Vec<Ruling> {
    let (Some(&left), Some(&right), Some(&top), Some(&bottom)) =
        (columns.first(), columns.last(), rows.first(), rows.last())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for &y in rows {
        let holes: Vec<(f64, f64)> = blocks
            .iter()
            .filter(|b| b.top + STREAM_CROSS_TOLERANCE < y && y < b.bottom - STREAM_CROSS_TOLERANCE)
            .map(|b| (columns[b.c0], columns[b.c1 + 1]))
            .collect();
        for (start, end) in subtract_intervals((left, right), &holes) {
            out.push(Ruling { orientation: Orientation::Horizontal, pos: y, start, end, page });
        }
    }
    for (k, &x) in columns.iter().enumerate() {
        let holes: Vec<(f64, f64)> = blocks
            .iter()
            .filter(|b| b.c0 < k && k <= b.c1)
            .filter_map(|b| {
                let r0 = slot_of(rows, b.top + STREAM_CROSS_TOLERANCE)?;
                let r1 = slot_of(rows, b.bottom - STREAM_CROSS_TOLERANCE)?;
                Some((rows[r0], rows[r1.max(r0) + 1]))
            })
            .collect();
        for (start, end) in subtract_intervals((top, bottom), &holes) {
            out.push(Ruling { orientation: Orientation::Vertical, pos: x, start, end, page });
        }
    }
    out
}

/// The stream fallback for one page: synthetic rulings for every table
/// region found in the text, plus what was inferred on the way.
pub fn glyphs_to_rulings(glyphs: &[&Glyph], page: u32) -> StreamDebug {
    let words = glyphs_to_words(glyphs);
    let mut debug = StreamDebug::default();
    for region in words_to_regions(&words) {
        let (columns, spanning) = region_to_columns(&words, &region);
        if columns.len() < 3 {
            continue;
        }
        let blocks = words_to_blocks(&words, &region, &columns);
        let rows = blocks_to_rows(&blocks);
        debug.rulings.extend(blocks_to_rulings(&blocks, &columns, &rows, page));
        debug.regions.push(StreamRegion { words: region, spanning, columns, rows });
    }
    debug.words = words;
    debug
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grid::text::tests::word;

    fn page(lines: &[(&[(&str, f64)], f64)]) -> Vec<Glyph> {
        lines
            .iter()
            .flat_map(|(ws, top)| ws.iter().flat_map(move |(t, x)| word(t, *x, *top, 8.0)))
            .collect()
    }

    #[test]
    fn empty_page_has_no_regions() {
        let d = glyphs_to_rulings(&[], 1);
        assert!(d.words.is_empty() && d.regions.is_empty() && d.rulings.is_empty());
    }

    #[test]
    fn columns_rows_and_wrapped_cells() {
        let glyphs = page(&[
            (&[("标题很长的标题", 100.0)], 0.0),
            (&[("名称", 10.0), ("数值", 100.0), ("得分", 200.0)], 40.0),
            (&[("甲乙丙", 10.0), ("1.00", 100.0), ("2", 200.0)], 60.0),
            (&[("丁", 10.0)], 70.0),
            (&[("戊", 10.0), ("3.00", 100.0), ("4", 200.0)], 90.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let d = glyphs_to_rulings(&refs, 1);
        assert_eq!(d.regions.len(), 1);
        let r = &d.regions[0];
        assert_eq!(r.columns.len(), 4);
        // Header, the wrapped 甲乙丙/丁 row, and the 戊 row.
        assert_eq!(r.rows.len(), 4);
    }
}
