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
//!
//! A region whose words start at shared column edges (see
//! [`super::aligned::left_aligned_columns`]) skips 3 and the centred model:
//! its columns come from those edges, its rows from shared baselines or
//! centres, and its cells' row spans from [`super::labels::widen_labels`].
//!
//! Between 3 and 6 the boundaries are refined by assuming centred text (see
//! [`centred_boundaries`]). Column edges lie between the extents of each
//! column's texts, or of its centred texts only when that centres more of
//! the region's words (a merged label may reach past an edge). Row bands
//! come from the text alone, so a block several lines tall, centred in a
//! row of one-line cells, reaches into the rows around it: the refined
//! rows may move a block to other rows when they line it up by its
//! vertical centre (its new rows, or rows around them, centre it).

use serde::Serialize;

use super::text::{font_size, glyphs_to_lines, line_to_text, median_font_size};
use crate::geometry::{
    centred_boundaries, cluster_by_key, cluster_means, merge_intervals, overlap, slot_of,
    subtract_intervals, union_all,
};
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
/// Blocks whose y-projections overlap by more than this share a row: the
/// centred text of a cell merged over two rows may reach a hair into the
/// row above. PDF points (negative: an overlap is needed).
pub const STREAM_ROW_JOIN: f64 = -STREAM_CROSS_TOLERANCE;
/// Texts centred in one cell agree on their centre to within this (their
/// positions are computed by the producer, not measured). PDF points.
pub const STREAM_CENTRE_TOLERANCE: f64 = 0.5;
/// A cell is widened over empty neighbouring slots only to a span that
/// centres its text to within this. PDF points.
pub const STREAM_SPAN_TOLERANCE: f64 = 1.0;
/// Text extents that differ by more than this are different widths (or
/// heights): texts of different widths sharing a centre show a centred
/// column, not a left-aligned one. PDF points.
pub const STREAM_EXTENT_TOLERANCE: f64 = 1.0;
/// A region needs at least this many centred columns to fix its own outer
/// edges; other regions take the page's best region's edges (tables on one
/// page share the print margins).
pub const STREAM_MIN_CENTRED_COLUMNS: usize = 2;
/// Rounds of `bridging_words`: each round may reveal columns inside a
/// column just split off.
pub const STREAM_MAX_SPLIT_ROUNDS: usize = 4;
/// A region of at most this many lines (a table's first rows at a page
/// bottom, its last ones at a page top) may be read line by line instead:
/// too few lines to show every column. Lines.
pub const STREAM_SMALL_REGION_LINES: usize = 4;
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
    /// Baseline of its first glyph (see [`Glyph::baseline`]), points.
    pub baseline: f64,
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
                    let (font_size, baseline) = (median_font_size(chunk), chunk[0].baseline);
                    words.push(Word { text, bbox, font_size, line: li, baseline });
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
    // Body-size single-word lines since the last region: (words, top,
    // bottom).
    let mut before: Vec<(&Vec<usize>, f64, f64)> = Vec::new();
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
                    // The first lines of a cell's text may start above the
                    // first line holding two words (text centred vertically
                    // in a taller cell).
                    let mut words_above = Vec::new();
                    let mut top = bbox.top;
                    while let Some(&(l, t, b)) = before.last() {
                        if top - b > STREAM_BLOCK_GAP_RATIO * body {
                            break;
                        }
                        words_above.extend(l.iter().copied());
                        top = t;
                        before.pop();
                    }
                    words_above.extend(line.iter().copied());
                    open = Some((words_above, 1, bbox.bottom));
                    before.clear();
                } else if body_size {
                    before.push((line, bbox.top, bbox.bottom));
                } else {
                    before.clear();
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
    r0: usize,
    r1: usize,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    size: f64,
    /// Baseline of its first line.
    baseline: f64,
    /// Lines it holds, and the top of the last one.
    lines: usize,
    last_top: f64,
    /// Top-to-top distance of its first two lines, when it wraps.
    pitch: Option<f64>,
}

impl Block {
    fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    fn cy(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }
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
    let mut spanning = spanning;
    // Words bridging two centred columns that no single line shows apart.
    for _ in 0..STREAM_MAX_SPLIT_ROUNDS {
        let kept: Vec<usize> = region.iter().copied().filter(|i| !spanning.contains(i)).collect();
        let more = bridging_words(words, &kept);
        if more.is_empty() {
            break;
        }
        spanning.extend(more);
        spanning.sort_unstable();
    }
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

/// Words that bridge two centred columns inside one x-projection interval
/// of `kept` (the words not yet known to span columns). Per interval, the
/// words' centres are clustered within [`STREAM_CENTRE_TOLERANCE`]; a cluster
/// whose members have two or more distinct widths (see
/// [`STREAM_EXTENT_TOLERANCE`]) is a centred column. When two such clusters
/// lie side by side with a gap between their texts, a word overlapping the
/// text of both spans them (a label merged over two columns whose texts
/// never share a line with it).
fn bridging_words(words: &[Word], kept: &[usize]) -> Vec<usize> {
    let boxes: Vec<(f64, f64)> =
        kept.iter().map(|&i| (words[i].bbox.x0, words[i].bbox.x1)).collect();
    let mut out = Vec::new();
    for (lo, hi) in merge_intervals(&boxes, STREAM_COLUMN_JOIN) {
        let inside: Vec<usize> =
            (0..kept.len()).filter(|&k| boxes[k].0 >= lo && boxes[k].1 <= hi).collect();
        let centres: Vec<f64> = inside.iter().map(|&k| (boxes[k].0 + boxes[k].1) / 2.0).collect();
        let mut columns: Vec<(f64, f64)> =
            cluster_by_key(&centres, |c| *c, STREAM_CENTRE_TOLERANCE)
                .into_iter()
                .filter(|g| {
                    let widths: Vec<f64> =
                        g.iter().map(|&m| boxes[inside[m]].1 - boxes[inside[m]].0).collect();
                    cluster_means(&widths, STREAM_EXTENT_TOLERANCE).len() >= 2
                })
                .map(|g| {
                    let x0 = g.iter().map(|&m| boxes[inside[m]].0).fold(f64::INFINITY, f64::min);
                    let x1 =
                        g.iter().map(|&m| boxes[inside[m]].1).fold(f64::NEG_INFINITY, f64::max);
                    (x0, x1)
                })
                .collect();
        columns.sort_by(|a, b| a.0.total_cmp(&b.0));
        for pair in columns.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if a.1 >= b.0 {
                continue;
            }
            out.extend(
                inside
                    .iter()
                    .map(|&k| kept[k])
                    .filter(|&i| words[i].bbox.x0 < a.1 && words[i].bbox.x1 > b.0),
            );
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Blocks: the region's words grouped by column range, chained top to bottom
/// while the gap is at most [`STREAM_BLOCK_GAP_RATIO`] font sizes.
fn words_to_blocks(words: &[Word], region: &[usize], columns: &[f64], lead: f64) -> Vec<Block> {
    let mut placed: Vec<(usize, usize, &Word)> = region
        .iter()
        .filter_map(|&i| {
            let w = &words[i];
            let start = w.bbox.x0 + lead * w.font_size;
            Some((slot_of(columns, start)?, slot_of(columns, w.bbox.x1)?, w))
        })
        .collect();
    placed.sort_by(|a, b| a.2.bbox.top.total_cmp(&b.2.bbox.top));
    let mut blocks: Vec<Block> = Vec::new();
    for (c0, c1, w) in placed {
        // The line continues the lowest block above it in the same columns,
        // or, left-aligned under it, in part of them (the short last line of
        // a wrapped cell).
        let joins = |b: &Block| {
            let inside = (b.c0, b.c1) == (c0, c1)
                || (b.c0 == c0
                    && c1 <= b.c1
                    && (w.bbox.x0 - b.x0).abs() <= STREAM_CENTRE_TOLERANCE);
            inside
                && w.bbox.top >= b.top
                && w.bbox.top - b.bottom <= STREAM_BLOCK_GAP_RATIO * b.size.max(w.font_size)
        };
        match blocks.iter_mut().rev().find(|b| joins(b)) {
            Some(b) => {
                b.bottom = b.bottom.max(w.bbox.bottom);
                b.x0 = b.x0.min(w.bbox.x0);
                b.x1 = b.x1.max(w.bbox.x1);
                // A word further along the same line is no new line.
                if w.bbox.top - b.last_top > SAME_LINE_RATIO * w.font_size {
                    b.pitch = b.pitch.or(Some(w.bbox.top - b.last_top));
                    b.lines += 1;
                    b.last_top = w.bbox.top;
                }
            }
            None => blocks.push(Block {
                c0,
                c1,
                r0: 0,
                r1: 0,
                x0: w.bbox.x0,
                x1: w.bbox.x1,
                top: w.bbox.top,
                bottom: w.bbox.bottom,
                size: w.font_size,
                baseline: w.baseline,
                lines: 1,
                last_top: w.bbox.top,
                pitch: None,
            }),
        }
    }
    blocks
}

/// Row boundaries from the y-projection of the blocks that do not span rows
/// (a block spans rows when it overlaps two single-column blocks of a column
/// outside its own range).
fn blocks_to_rows(blocks: &[Block]) -> Vec<f64> {
    // A block spans rows when it overlaps two blocks outside its columns
    // that lie one above the other.
    let spans_rows = |b: &Block| {
        let beside: Vec<&Block> = blocks
            .iter()
            .filter(|o| o.c1 < b.c0 || o.c0 > b.c1)
            .filter(|o| overlap(b.top, b.bottom, o.top, o.bottom) > STREAM_CROSS_TOLERANCE)
            .collect();
        beside.iter().any(|o| beside.iter().any(|p| o.bottom < p.top))
    };
    let mut kept: Vec<&Block> = blocks.iter().filter(|b| !spans_rows(b)).collect();
    let band_of = |kept: &[&Block]| {
        let intervals: Vec<(f64, f64)> = kept.iter().map(|b| (b.top, b.bottom)).collect();
        merge_intervals(&intervals, STREAM_ROW_JOIN)
    };
    let bands = band_of(&kept);
    // A band of one column's text between two other bands is a label merged
    // over the rows around it, centred on their boundary.
    let lone: Vec<(f64, f64)> = bands
        .iter()
        .enumerate()
        .filter(|&(k, _)| k > 0 && k + 1 < bands.len())
        .filter(|&(_, &(top, bottom))| {
            let inside: Vec<&&Block> =
                kept.iter().filter(|b| b.top >= top && b.bottom <= bottom).collect();
            inside.windows(2).all(|w| (w[0].c0, w[0].c1) == (w[1].c0, w[1].c1))
        })
        .map(|(_, &band)| band)
        .collect();
    kept.retain(|b| !lone.iter().any(|&(top, bottom)| b.top >= top && b.bottom <= bottom));
    let bands = band_of(&kept);
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

/// Rulings on every boundary, broken where a block's cell (its column and
/// row range) crosses it, which leaves merged cells merged.
fn blocks_to_rulings(blocks: &[Block], columns: &[f64], rows: &[f64], page: u32) -> Vec<Ruling> {
    let (Some(&left), Some(&right), Some(&top), Some(&bottom)) =
        (columns.first(), columns.last(), rows.first(), rows.last())
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, &y) in rows.iter().enumerate() {
        let holes: Vec<(f64, f64)> = blocks
            .iter()
            .filter(|b| b.r0 < k && k <= b.r1)
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
            .map(|b| (rows[b.r0], rows[b.r1 + 1]))
            .collect();
        for (start, end) in subtract_intervals((top, bottom), &holes) {
            out.push(Ruling { orientation: Orientation::Vertical, pos: x, start, end, page });
        }
    }
    out
}

/// The dominant centre of a slot's text extents `(lo, hi)`: centres
/// clustered within [`STREAM_CENTRE_TOLERANCE`], the cluster with the most
/// distinct extents (then the most members) of at least two members.
/// Returns the centre and the members' indices.
fn slot_centre(items: &[(f64, f64)]) -> Option<(f64, Vec<usize>)> {
    let centres: Vec<f64> = items.iter().map(|(a, b)| (a + b) / 2.0).collect();
    cluster_by_key(&centres, |c| *c, STREAM_CENTRE_TOLERANCE)
        .into_iter()
        .filter(|g| g.len() >= 2)
        .map(|g| {
            let extents: Vec<f64> = g.iter().map(|&i| items[i].1 - items[i].0).collect();
            let distinct = cluster_means(&extents, STREAM_EXTENT_TOLERANCE).len();
            (distinct, g)
        })
        .max_by(|a, b| (a.0, a.1.len()).cmp(&(b.0, b.1.len())))
        .map(|(_, g)| (g.iter().map(|&i| centres[i]).sum::<f64>() / g.len() as f64, g))
}

/// Boundaries of slots (columns or rows) from the text inside each slot,
/// assuming centred text (see [`centred_boundaries`]). `members_only`: the
/// gaps come from the texts that agree on the slot's centre only (a cell
/// merged over rows is not centred in the row its text sits in). Returns the
/// boundaries and the number of centred slots.
fn slots_to_boundaries(
    items: &[Vec<(f64, f64)>],
    spans: &[(usize, usize, f64)],
    anchors: (Option<f64>, Option<f64>),
    members_only: bool,
) -> (Vec<f64>, usize) {
    let solved: Vec<Option<(f64, Vec<usize>)>> = items.iter().map(|v| slot_centre(v)).collect();
    let extent = |k: usize| {
        let all: Vec<usize> = (0..items[k].len()).collect();
        let used = match (&solved[k], members_only) {
            (Some((_, m)), true) => m.clone(),
            _ => all,
        };
        let lo = used.iter().map(|&i| items[k][i].0).fold(f64::INFINITY, f64::min);
        let hi = used.iter().map(|&i| items[k][i].1).fold(f64::NEG_INFINITY, f64::max);
        (lo, hi)
    };
    let extents: Vec<(f64, f64)> = (0..items.len()).map(extent).collect();
    let gaps: Vec<(f64, f64)> = (0..=items.len())
        .map(|i| {
            let a = if i == 0 { f64::NEG_INFINITY } else { extents[i - 1].1 };
            let b = extents.get(i).map_or(f64::INFINITY, |e| e.0);
            (a.min(b), a.max(b))
        })
        .collect();
    let centres: Vec<Option<f64>> = solved.iter().map(|s| s.as_ref().map(|(c, _)| *c)).collect();
    let n_centred = centres.iter().flatten().count();
    (centred_boundaries(&gaps, &centres, spans, anchors), n_centred)
}

/// Keeps refined boundaries only when they ascend and enclose every text
/// extent; otherwise the rough ones.
fn accept_boundaries(refined: Vec<f64>, rough: &[f64], min: f64, max: f64) -> Vec<f64> {
    let (Some(&first), Some(&last)) = (refined.first(), refined.last()) else {
        return rough.to_vec();
    };
    let ascending = refined.windows(2).all(|w| w[0] < w[1]);
    if refined.len() == rough.len() && ascending && first <= min && last >= max {
        refined
    } else {
        rough.to_vec()
    }
}

/// Column boundaries refined by the centred-text model: words inside one
/// rough column give its centre, spanning words vote for the chain.
fn refine_columns(
    words: &[Word],
    region: &[usize],
    rough: &[f64],
    spanning: &[usize],
    anchors: (Option<f64>, Option<f64>),
) -> (Vec<f64>, usize) {
    let n = rough.len().saturating_sub(1);
    let mut items: Vec<Vec<(f64, f64)>> = vec![Vec::new(); n];
    let mut spans = Vec::new();
    for &i in region {
        let b = &words[i].bbox;
        let (Some(c0), Some(c1)) = (slot_of(rough, b.x0), slot_of(rough, b.x1)) else { continue };
        if spanning.contains(&i) {
            if !left_aligned(words, region, i) {
                spans.push((c0, c1 + 1, b.cx()));
            }
        } else if c0 == c1 && !spanning.iter().any(|&j| aligned_left_of(&words[i], &words[j])) {
            // The short last line of a wrapped text spanning columns is no
            // text of the column it ends in.
            items[c0].push((b.x0, b.x1));
        }
    }
    let min = region.iter().map(|&i| words[i].bbox.x0).fold(f64::INFINITY, f64::min);
    let max = region.iter().map(|&i| words[i].bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    let (refined, n_centred) = slots_to_boundaries(&items, &spans, anchors, false);
    let refined = accept_boundaries(refined, rough, min, max);
    // A text of a merged cell that never shares a line with the texts it
    // spans sits in one rough column and may reach past that column's edge
    // (a label centred over three columns, a few points wider than the
    // first two): its extent then pins the edge wrongly. The edges from the
    // centred texts alone win when they centre more of the region's words.
    let (members, _) = slots_to_boundaries(&items, &spans, anchors, true);
    let members = accept_boundaries(members, rough, min, max);
    if centred_words(words, region, &members) > centred_words(words, region, &refined) {
        (members, n_centred)
    } else {
        (refined, n_centred)
    }
}

/// How many of the region's words are centred, to within
/// [`STREAM_SPAN_TOLERANCE`], between two of the boundaries `bounds` around
/// them.
fn centred_words(words: &[Word], region: &[usize], bounds: &[f64]) -> usize {
    region
        .iter()
        .filter(|&&i| {
            let b = &words[i].bbox;
            let (Some(c0), Some(c1)) = (slot_of(bounds, b.x0), slot_of(bounds, b.x1)) else {
                return false;
            };
            (0..=c0).any(|a| {
                (c1 + 1..bounds.len()).any(|z| {
                    (b.cx() - (bounds[a] + bounds[z]) / 2.0).abs() <= STREAM_SPAN_TOLERANCE
                })
            })
        })
        .count()
}

/// Whether word `i` is a line of left-aligned wrapped text (see
/// [`aligned_left_of`]). Such a word is not centred in its cell, so its
/// centre says nothing about the cell's edges.
fn left_aligned(words: &[Word], region: &[usize], i: usize) -> bool {
    let w = &words[i];
    region.iter().map(|&j| &words[j]).any(|o| aligned_left_of(w, o))
}

/// Whether `o` is a neighbouring line of `w` (at most
/// [`STREAM_BLOCK_GAP_RATIO`] font sizes away) starting where `w` starts but
/// ending elsewhere: both are lines of one left-aligned wrapped text.
fn aligned_left_of(w: &Word, o: &Word) -> bool {
    let gap = (o.bbox.top - w.bbox.bottom).max(w.bbox.top - o.bbox.bottom);
    o.line != w.line
        && gap <= STREAM_BLOCK_GAP_RATIO * w.font_size.max(o.font_size)
        && (o.bbox.x0 - w.bbox.x0).abs() <= STREAM_CENTRE_TOLERANCE
        && (o.bbox.x1 - w.bbox.x1).abs() > STREAM_EXTENT_TOLERANCE
}

/// Column boundaries of a region too small to show its columns, from each
/// line read as centred cells laid edge to edge between the table's `left`
/// and `right` edges: from the left, each word's cell ends as far past its
/// centre as it starts before it; the rest from the right; a stretch left
/// over between the two is an empty cell. Lines that cannot be read so add
/// nothing. Returns the clustered boundaries, `None` when no line could be
/// read.
fn region_to_line_columns(
    words: &[Word],
    region: &[usize],
    left: f64,
    right: f64,
) -> Option<Vec<f64>> {
    let mut by_line: Vec<(usize, Vec<&BBox>)> = Vec::new();
    for &i in region {
        match by_line.iter_mut().find(|(l, _)| *l == words[i].line) {
            Some((_, v)) => v.push(&words[i].bbox),
            None => by_line.push((words[i].line, vec![&words[i].bbox])),
        }
    }
    let tol = STREAM_CENTRE_TOLERANCE;
    let mut bounds = vec![left, right];
    let mut read = false;
    for (_, mut line) in by_line {
        line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let n = line.len();
        let mut from_left = vec![left];
        for (k, b) in line.iter().enumerate() {
            let e = 2.0 * b.cx() - from_left[k];
            let limit = line.get(k + 1).map_or(right, |nb| nb.x0);
            if e < b.x1 - tol || e > limit + tol {
                break;
            }
            from_left.push(e);
        }
        let mut from_right = vec![right];
        for (k, b) in line.iter().rev().enumerate() {
            let e = 2.0 * b.cx() - from_right[k];
            let limit = if k + 1 < n { line[n - k - 2].x1 } else { left };
            if e > b.x0 + tol || e < limit - tol {
                break;
            }
            from_right.push(e);
        }
        let (kl, kr) = (from_left.len() - 1, from_right.len() - 1);
        if kl + kr < n {
            continue;
        }
        read = true;
        let kl = kl.min(n);
        bounds.extend(&from_left[1..=kl]);
        bounds.extend(from_right[1..=(n - kl)].iter());
    }
    if !read {
        return None;
    }
    bounds.retain(|b| (left..=right).contains(b));
    let mut merged = cluster_means(&bounds, STREAM_SPAN_TOLERANCE);
    if let Some(f) = merged.first_mut() {
        *f = left;
    }
    if let Some(l) = merged.last_mut() {
        *l = right;
    }
    Some(merged)
}

/// Places each block in its row range, refines the row boundaries by the
/// centred-text model, then widens cells over empty neighbouring slots
/// where that centres their text (a short value in a merged cell, a label
/// merged over rows). With `centred` false (left-aligned columns, cells
/// set from their top) blocks are only placed in the rows given: neither
/// rows nor spans follow from centring there (see
/// [`super::aligned::widen_labels`]).
fn place_blocks(
    blocks: &mut [Block],
    columns: &[f64],
    rough_rows: &[f64],
    centred: bool,
) -> Vec<f64> {
    let range = |rows: &[f64], b: &Block| {
        let r0 = slot_of(rows, b.top + STREAM_CROSS_TOLERANCE)?;
        let r1 = slot_of(rows, b.bottom - STREAM_CROSS_TOLERANCE)?;
        Some((r0, r1.max(r0)))
    };
    let n_rows = rough_rows.len().saturating_sub(1);
    let mut items: Vec<Vec<(f64, f64)>> = vec![Vec::new(); n_rows];
    let mut spans = Vec::new();
    for b in blocks.iter() {
        match range(rough_rows, b) {
            Some((r0, r1)) if r0 == r1 => items[r0].push((b.top, b.bottom)),
            Some((r0, r1)) => spans.push((r0, r1 + 1, b.cy())),
            None => {}
        }
    }
    let (refined, _) = slots_to_boundaries(&items, &spans, (None, None), true);
    let min = blocks.iter().map(|b| b.top).fold(f64::INFINITY, f64::min);
    let max = blocks.iter().map(|b| b.bottom).fold(f64::NEG_INFINITY, f64::max);
    let mut rows = accept_boundaries(refined, rough_rows, min, max);
    // Rough rows come from the text alone, so a block several lines tall,
    // centred in a row whose other cells hold one line, reaches into the
    // rows around it. Refined rows may move a block to other rows only
    // where they line it up by its vertical centre: its new rows, or rows
    // around them that a merged label can still widen to, centre it.
    let lined_up = |b: &Block| {
        range(&rows, b) == range(rough_rows, b)
            || range(&rows, b).is_some_and(|r| centred_in_rows(&rows, r, b.cy()))
    };
    if !centred || !blocks.iter().all(lined_up) {
        rows = rough_rows.to_vec();
    }
    for b in blocks.iter_mut() {
        (b.r0, b.r1) = range(&rows, b).unwrap_or((0, 0));
    }
    if !centred {
        return rows;
    }
    let n_cols = columns.len().saturating_sub(1);
    let mut owner: Vec<Option<usize>> = vec![None; n_rows * n_cols];
    for (i, b) in blocks.iter().enumerate() {
        for r in b.r0..=b.r1 {
            for c in b.c0..=b.c1 {
                owner[r * n_cols + c] = Some(i);
            }
        }
    }
    // Row labels, left to right: a label merged over rows is centred in
    // the most rows it can cover (the middle row of an odd group centres it
    // as well as the whole group does).
    let mut order: Vec<usize> = (0..blocks.len()).collect();
    order.sort_by(|&a, &b| {
        blocks[a].c0.cmp(&blocks[b].c0).then(blocks[a].top.total_cmp(&blocks[b].top))
    });
    for i in order {
        let b = blocks[i];
        let free = |r: usize| {
            (b.c0..=b.c1).all(|c| owner[r * n_cols + c].is_none())
                && (0..b.c0).all(|c| {
                    owner[r * n_cols + c].is_some()
                        && owner[r * n_cols + c] == owner[b.r0 * n_cols + c]
                })
        };
        if let Some((r0, r1)) = widen_label(&rows, (b.r0, b.r1), b.cy(), n_rows, free) {
            for r in r0..=r1 {
                for c in b.c0..=b.c1 {
                    owner[r * n_cols + c] = Some(i);
                }
            }
            (blocks[i].r0, blocks[i].r1) = (r0, r1);
        }
    }
    // Rows first: a label merged over rows claims its empty slots before
    // a neighbour could widen into them.
    for (i, b) in blocks.iter_mut().enumerate() {
        let free = |r: usize| (b.c0..=b.c1).all(|c| owner[r * n_cols + c].is_none());
        if let Some((r0, r1)) = widen(&rows, (b.r0, b.r1), b.cy(), n_rows, free, false) {
            for r in r0..=r1 {
                for c in b.c0..=b.c1 {
                    owner[r * n_cols + c] = Some(i);
                }
            }
            (b.r0, b.r1) = (r0, r1);
        }
    }
    for (i, b) in blocks.iter_mut().enumerate() {
        let free = |c: usize| (b.r0..=b.r1).all(|r| owner[r * n_cols + c].is_none());
        if let Some((c0, c1)) = widen(columns, (b.c0, b.c1), b.cx(), n_cols, free, true) {
            for r in b.r0..=b.r1 {
                for c in c0..=c1 {
                    owner[r * n_cols + c] = Some(i);
                }
            }
            (b.c0, b.c1) = (c0, c1);
        }
    }
    rows
}

/// Whether some range of slots holding `(s0, s1)` (between `lines`) centres
/// `centre` to within [`STREAM_SPAN_TOLERANCE`].
fn centred_in_rows(lines: &[f64], (s0, s1): (usize, usize), centre: f64) -> bool {
    let n = lines.len().saturating_sub(1);
    s1 < n
        && (0..=s0).any(|a| {
            (s1..n)
                .any(|z| (centre - (lines[a] + lines[z + 1]) / 2.0).abs() <= STREAM_SPAN_TOLERANCE)
        })
}

/// The largest slot range around `(s0, s1)`, over free slots only, that
/// centres `centre` to within [`STREAM_SPAN_TOLERANCE`] (the best centred of
/// equal size), when larger than the range itself. Free slots must be
/// contiguous with the range.
fn widen_label(
    lines: &[f64],
    (s0, s1): (usize, usize),
    centre: f64,
    n: usize,
    free: impl Fn(usize) -> bool,
) -> Option<(usize, usize)> {
    let mut lo = s0;
    while lo > 0 && free(lo - 1) {
        lo -= 1;
    }
    let mut hi = s1;
    while hi + 1 < n && free(hi + 1) {
        hi += 1;
    }
    let err = |a: usize, b: usize| (centre - (lines[a] + lines[b + 1]) / 2.0).abs();
    (lo..=s0)
        .flat_map(|a| (s1..=hi).map(move |b| (a, b)))
        .filter(|&r| r != (s0, s1))
        .map(|(a, b)| (err(a, b), (a, b)))
        .filter(|&(e, _)| e <= STREAM_SPAN_TOLERANCE)
        .max_by(|x, y| (x.1 .1 - x.1 .0).cmp(&(y.1 .1 - y.1 .0)).then(y.0.total_cmp(&x.0)))
        .map(|(_, r)| r)
}

/// The slot range around `(s0, s1)`, over free slots only, that centres
/// `centre` best, when it does so within [`STREAM_SPAN_TOLERANCE`] and
/// better than the range itself by more than [`STREAM_CENTRE_TOLERANCE`].
/// With `whole`, all the free slots around the range, when they centre it:
/// text centred in the whole stretch between its neighbours fills it, even
/// when its own slot happens to centre it too.
fn widen(
    lines: &[f64],
    (s0, s1): (usize, usize),
    centre: f64,
    n: usize,
    free: impl Fn(usize) -> bool,
    whole: bool,
) -> Option<(usize, usize)> {
    let mut lo = s0;
    while lo > 0 && free(lo - 1) {
        lo -= 1;
    }
    let mut hi = s1;
    while hi + 1 < n && free(hi + 1) {
        hi += 1;
    }
    let err = |a: usize, b: usize| (centre - (lines[a] + lines[b + 1]) / 2.0).abs();
    if whole && (lo, hi) != (s0, s1) && err(lo, hi) <= STREAM_SPAN_TOLERANCE {
        return Some((lo, hi));
    }
    let here = err(s0, s1);
    (lo..=s0)
        .flat_map(|a| (s1..=hi).map(move |b| (a, b)))
        .filter(|&r| r != (s0, s1))
        .map(|(a, b)| (err(a, b), (a, b)))
        .filter(|&(e, _)| e <= STREAM_SPAN_TOLERANCE && e + STREAM_CENTRE_TOLERANCE < here)
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, r)| r)
}

/// Lines of one block whose tops are closer than this many font sizes are
/// one line (two words of it). Ratio of the font size.
const SAME_LINE_RATIO: f64 = 0.5;

/// A left-aligned region's blocks placed in rows that the cells' first
/// baselines or centres give ([`super::aligned::aligned_rows`]), each block
/// widened over the rows its cell spans ([`super::labels::widen_labels`]).
fn left_aligned_blocks(
    words: &[Word],
    region: &[usize],
    columns: &[f64],
) -> (Vec<Block>, Vec<f64>) {
    use super::aligned::{aligned_rows, Extent, STREAM_LEFT_LEAD_RATIO};
    use super::labels::{widen_labels, LabelText, Placed, RowModel};
    let mut blocks = words_to_blocks(words, region, columns, STREAM_LEFT_LEAD_RATIO);
    let extents: Vec<Extent> =
        blocks.iter().map(|b| (b.top, b.bottom, b.c0, b.c1, b.baseline)).collect();
    let (rows, tops, _) = aligned_rows(&extents);
    let rows = place_blocks(&mut blocks, columns, &rows, false);
    let mut placed: Vec<Placed> = blocks.iter().map(|b| (b.r0, b.r1, b.c0, b.c1)).collect();
    // Every cell may span rows: a label that happens to share a row's
    // centre is told from a one-row cell by where it fits best.
    let texts: Vec<Option<LabelText>> = blocks
        .iter()
        .map(|b| Some(LabelText { top: b.top, centre: b.cy(), lines: b.lines }))
        .collect();
    let pitches: Vec<f64> = blocks.iter().filter_map(|b| b.pitch).collect();
    let model = RowModel { rows: &rows, tops: &tops, pitch: crate::geometry::median(&pitches) };
    widen_labels(&mut placed, &texts, &model);
    for (b, p) in blocks.iter_mut().zip(placed) {
        (b.r0, b.r1) = (p.0, p.1);
    }
    (blocks, rows)
}

/// The stream fallback for one page: synthetic rulings for every table
/// region found in the text, plus what was inferred on the way.
pub fn glyphs_to_rulings(glyphs: &[&Glyph], page: u32) -> StreamDebug {
    let mut words = glyphs_to_words(glyphs);
    let mut debug = StreamDebug::default();
    let mut found = Vec::new();
    let mut left_aligned = Vec::new();
    for mut region in words_to_regions(&words) {
        if let Some(columns) = super::aligned::left_aligned_columns(&words, &region) {
            super::aligned::split_at_columns(&mut words, &mut region, glyphs, &columns);
            left_aligned.push((region, columns));
            continue;
        }
        let (rough, spanning) = region_to_columns(&words, &region);
        if rough.len() < 3 {
            continue;
        }
        let (columns, centred) = refine_columns(&words, &region, &rough, &spanning, (None, None));
        found.push((region, rough, spanning, columns, centred));
    }
    for (region, columns) in left_aligned {
        let (blocks, rows) = left_aligned_blocks(&words, &region, &columns);
        debug.rulings.extend(blocks_to_rulings(&blocks, &columns, &rows, page));
        debug.regions.push(StreamRegion { words: region, spanning: Vec::new(), columns, rows });
    }
    // The page's best-determined region lends its outer edges to the others.
    let best = found
        .iter()
        .enumerate()
        .filter(|(_, f)| f.4 >= STREAM_MIN_CENTRED_COLUMNS)
        .max_by_key(|(_, f)| f.4)
        .map(|(i, f)| (i, f.3.first().copied(), f.3.last().copied()));
    for (i, (region, rough, spanning, mut columns, centred)) in found.into_iter().enumerate() {
        if let Some((b, Some(left), Some(right))) = best.filter(|b| b.0 != i) {
            let _ = b;
            let lines = region_to_line_columns(&words, &region, left, right);
            columns = if centred >= STREAM_MIN_CENTRED_COLUMNS {
                let refined =
                    refine_columns(&words, &region, &rough, &spanning, (Some(left), Some(right))).0;
                // Read line by line when that centres more of the text.
                let n_lines = {
                    let mut l: Vec<usize> = region.iter().map(|&i| words[i].line).collect();
                    l.sort_unstable();
                    l.dedup();
                    l.len()
                };
                match lines {
                    Some(l)
                        if n_lines <= STREAM_SMALL_REGION_LINES
                            && centred_words(&words, &region, &l)
                                > centred_words(&words, &region, &refined) =>
                    {
                        l
                    }
                    _ => refined,
                }
            } else {
                lines.unwrap_or(columns)
            };
        }
        let mut blocks = words_to_blocks(&words, &region, &columns, 0.0);
        let rough_rows = blocks_to_rows(&blocks);
        let rows = place_blocks(&mut blocks, &columns, &rough_rows, true);
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
    #[test]
    fn widen_centres_short_text_over_free_slots() {
        let lines = [0.0, 10.0, 20.0, 30.0, 40.0];
        // Text centred on 25 sits in slot 1 (centre 15): slots 1..3 centre it.
        assert_eq!(widen(&lines, (1, 1), 25.0, 4, |_| true, false), Some((1, 3)));
        // Slot 3 taken: no range centres it, keep the slot.
        assert_eq!(widen(&lines, (1, 1), 25.0, 4, |c| c != 3, false), None);
        // Already centred: stays.
        assert_eq!(widen(&lines, (1, 1), 15.0, 4, |_| true, false), None);
        // Centred in its slot and in the whole free stretch: the stretch.
        assert_eq!(widen(&lines, (1, 2), 20.0, 4, |_| true, true), Some((0, 3)));
        assert_eq!(widen(&lines, (1, 2), 20.0, 4, |_| true, false), None);
    }

    #[test]
    fn widen_label_takes_the_most_rows_that_centre_it() {
        let lines = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0];
        // Centred on 35 in slot 3: slots 1..5 centre it as well.
        assert_eq!(widen_label(&lines, (3, 3), 35.0, 6, |_| true), Some((1, 5)));
        assert_eq!(widen_label(&lines, (3, 3), 35.0, 6, |r| r != 1), Some((2, 4)));
        // Between slots 2 and 3: slots 1..4 centre it.
        assert_eq!(widen_label(&lines, (2, 3), 30.0, 6, |r| r != 0 && r != 5), Some((1, 4)));
        assert_eq!(widen_label(&lines, (3, 3), 35.0, 6, |_| false), None);
    }

    #[test]
    fn label_between_rows_is_merged_over_them() {
        // 甲 sits between the two value rows, centred on their boundary.
        let glyphs = page(&[
            (&[("名称", 10.0), ("数值", 100.0)], 0.0),
            (&[("子", 50.0), ("1", 100.0)], 20.0),
            (&[("甲", 10.0)], 30.0),
            (&[("丑", 50.0), ("2", 100.0)], 40.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let d = glyphs_to_rulings(&refs, 1);
        assert_eq!(d.regions.len(), 1);
        // Header and two value rows; 甲 adds no row of its own.
        assert_eq!(d.regions[0].rows.len(), 4);
    }

    #[test]
    fn first_line_of_a_cell_above_the_table_joins_it() {
        let glyphs = page(&[
            (&[("标题很长的标题", 100.0)], 0.0),
            (&[("年度", 10.0)], 30.0),
            (&[("总体", 10.0), ("甲", 100.0), ("乙", 200.0)], 40.0),
            (&[("名称", 10.0), ("丙", 100.0), ("丁", 200.0)], 60.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        let regions = words_to_regions(&words);
        assert_eq!(regions.len(), 1);
        assert!(regions[0].contains(&1) && !regions[0].contains(&0));
    }

    #[test]
    fn centred_words_counts_text_centred_between_boundaries() {
        let glyphs = page(&[(&[("总分", 12.0), ("9", 46.0), ("甲", 70.0)], 0.0)]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        let region: Vec<usize> = (0..words.len()).collect();
        // 总分 centred on 20 in [0, 40], 9 on 50 in [40, 60]; 甲 (74) not.
        assert_eq!(centred_words(&words, &region, &[0.0, 40.0, 60.0, 100.0]), 2);
        assert_eq!(centred_words(&words, &region, &[0.0, 30.0, 90.0]), 0);
    }

    #[test]
    fn centred_cells_read_from_one_line() {
        // Cells [0, 40], [40, 60], empty [60, 100]: texts centred on 20, 50.
        let glyphs = page(&[(&[("总分", 12.0), ("9", 46.0)], 0.0)]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        let region: Vec<usize> = (0..words.len()).collect();
        let bounds = region_to_line_columns(&words, &region, 0.0, 100.0).unwrap();
        assert_eq!(bounds, vec![0.0, 40.0, 60.0, 100.0]);
        assert!(region_to_line_columns(&words, &[], 0.0, 100.0).is_none());
    }

    #[test]
    fn label_bridging_two_centred_columns_spans_them() {
        // Column texts centred on 20 and 60, never on one line with the
        // label centred on 40 that overlaps both.
        let glyphs = page(&[
            (&[("甲乙丙丁", 4.0)], 0.0),
            (&[("甲乙", 12.0)], 20.0),
            (&[("项目名称", 24.0)], 40.0),
            (&[("甲乙丙丁", 44.0)], 60.0),
            (&[("甲", 56.0)], 80.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        let all: Vec<usize> = (0..words.len()).collect();
        assert_eq!(bridging_words(&words, &all), vec![2]);
        // Left-aligned texts show no centred column: nothing bridges.
        let glyphs = page(&[
            (&[("甲乙丙丁", 4.0)], 0.0),
            (&[("甲乙", 4.0)], 20.0),
            (&[("项目名称", 24.0)], 40.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        assert!(bridging_words(&words, &[0, 1, 2]).is_empty());
    }

    #[test]
    fn wrapped_lines_are_left_aligned() {
        let glyphs = page(&[(&[("甲乙丙丁", 4.0)], 0.0), (&[("甲乙", 4.0)], 10.0)]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        assert!(left_aligned(&words, &[0, 1], 1));
        // Centred lines of different widths are not.
        let glyphs = page(&[(&[("甲乙丙丁", 4.0)], 0.0), (&[("甲乙", 12.0)], 10.0)]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        assert!(!left_aligned(&words, &[0, 1], 1));
    }

    #[test]
    fn centred_in_rows_looks_at_ranges_around_the_block() {
        let rows = [0.0, 10.0, 20.0, 30.0, 40.0];
        assert!(centred_in_rows(&rows, (1, 1), 15.0));
        // Not centred in row 1, but rows 0..2 centre it.
        assert!(centred_in_rows(&rows, (1, 1), 15.5) && centred_in_rows(&rows, (1, 1), 20.0));
        assert!(!centred_in_rows(&rows, (1, 1), 12.0));
        assert!(!centred_in_rows(&rows, (1, 4), 20.0));
    }

    #[test]
    fn tall_text_centred_in_its_row_stays_in_it() {
        // Columns 一级 (x 10), 二级 (60), name (100), value (200), deviation
        // (292). Row 2 holds one-line cells at 60 and a five-line deviation
        // (40..88) centred on them; 数量 is centred over rows 1-2 and 产出
        // over rows 1-4, so the deviation reaches across two labels and
        // gives no row band of its own. Centred text puts the boundaries at
        // -8, 16, 32, 96, 120, 136: the deviation fills row 2 alone.
        let mut lines: Vec<(&[(&str, f64)], f64)> = vec![
            (
                &[
                    ("级别", 10.0),
                    ("二级", 60.0),
                    ("名称", 100.0),
                    ("数值", 200.0),
                    ("偏差", 300.0),
                ],
                0.0,
            ),
            (&[("子", 104.0), ("1", 204.0)], 20.0),
            (&[("数量", 60.0)], 52.0),
            (&[("丑", 104.0), ("2", 204.0)], 60.0),
            (&[("产出", 10.0)], 72.0),
            (&[("寅", 104.0), ("3", 204.0)], 104.0),
            (&[("卯", 104.0), ("4", 204.0)], 124.0),
        ];
        for top in [40.0, 50.0, 60.0, 70.0, 80.0] {
            lines.push((&[("甲乙丙丁", 292.0)], top));
        }
        let glyphs = page(&lines);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let d = glyphs_to_rulings(&refs, 1);
        assert_eq!(d.regions.len(), 1);
        let rows = &d.regions[0].rows;
        let want = [-8.0, 16.0, 32.0, 96.0, 120.0, 136.0];
        assert_eq!(rows.len(), want.len(), "{rows:?}");
        assert!(rows.iter().zip(want).all(|(r, w)| (r - w).abs() < 1e-6), "{rows:?}");
        // The boundary above row 2 runs unbroken under the deviation.
        let x = 308.0;
        assert!(d.rulings.iter().any(|r| r.orientation == Orientation::Horizontal
            && (r.pos - 32.0).abs() < 1e-6
            && r.start < x
            && r.end > x));
    }

    #[test]
    fn label_reaching_past_its_column_edge_does_not_pin_it() {
        // Columns [0, 40], [40, 80], [80, 140], [140, 200], texts centred on
        // 20, 60, 110, 170. 项目名称项目 is centred over the first two
        // columns (40); the label on line 3 is centred over the first three
        // (70) and reaches 2 pt past x 80 without touching column 3's text.
        let glyphs = page(&[
            (&[("甲乙丙", 8.0), ("子丑寅", 48.0), ("一二三四五", 90.0), ("甲乙丙丁", 154.0)], 0.0),
            (&[("甲乙", 12.0), ("子丑", 52.0), ("一二三", 98.0), ("甲乙", 162.0)], 20.0),
            (&[("项目名称项目", 16.0), ("一二三", 98.0), ("甲乙", 162.0)], 40.0),
            (&[("评分等", 58.0), ("甲乙", 162.0)], 60.0),
        ]);
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let words = glyphs_to_words(&refs);
        let region: Vec<usize> = (0..words.len()).collect();
        let (rough, spanning) = region_to_columns(&words, &region);
        assert_eq!(rough.len(), 5);
        let (columns, _) = refine_columns(&words, &region, &rough, &spanning, (None, None));
        let want = [0.0, 40.0, 80.0, 140.0, 200.0];
        assert!(columns.iter().zip(want).all(|(c, w)| (c - w).abs() < 1e-6), "{columns:?}");
    }

    #[test]
    fn slot_centre_prefers_distinct_widths() {
        // Two equal-width left-aligned texts vs two different-width centred.
        let items = [(0.0, 10.0), (0.0, 10.0), (2.0, 8.0), (4.0, 6.0)];
        assert_eq!(slot_centre(&items).map(|c| c.0), Some(5.0));
        assert!(slot_centre(&[(0.0, 1.0)]).is_none());
    }
}
