//! Left-aligned columns for the stream fallback: a page without rulings
//! whose cells start their text at the column's left edge (LaTeX `p{}`
//! columns, Word tables with borders removed), where the centred-text model
//! of [`super::stream`] does not hold. Each column is found where many
//! lines start a word at the same x; the edges lie just left of those
//! starts, and no cell is widened to centre its text.

use super::stream::{Word, STREAM_TABLE_PADDING};
use super::text::{line_to_text, median_font_size};
use crate::geometry::{cluster_by_key, union_all};
use crate::Glyph;

/// Left edges of texts in one left-aligned column agree to within this
/// (the producer computes them, nobody measures them). PDF points.
pub const STREAM_LEFT_EDGE_TOLERANCE: f64 = 1.0;
/// A column start needs words starting there on at least this many lines,
/// so a lone word (a spanning value, a stray note) makes no column. Lines.
pub const STREAM_LEFT_MIN_LINES: usize = 3;
/// A region is read as left-aligned when at least this share of its words
/// start at a column start; centred columns of varied widths stay far below
/// it. Ratio.
pub const STREAM_LEFT_ALIGNED_SHARE: f64 = 0.95;

/// First lines of the cells of one row agree on their top to within this
/// (fonts of different ascent on one baseline). PDF points.
pub const STREAM_TOP_TOLERANCE: f64 = 1.0;
/// A cell starts a row when another cell's first line sits on its baseline
/// to within this: cells of one row share the baseline of their first
/// lines (to within the producer's rounding of coordinates), while a label
/// centred over rows lands at any height, often within a few tenths of a
/// point of some row's. PDF points.
pub const STREAM_ROW_START_TOLERANCE: f64 = 0.05;

/// A word of a left-aligned column is placed by the point this many font
/// sizes right of its start (its first glyph's centre, for CJK text): a
/// full-width opening bracket that starts a line is set half an em left of
/// the column (xeCJK and Word compress it), past the column's edge. Ratio
/// of the font size.
pub const STREAM_LEFT_LEAD_RATIO: f64 = 0.5;

/// Column boundaries of a left-aligned region (left edge first), or `None`
/// when the region is not left-aligned or shows fewer than two columns.
pub fn left_aligned_columns(words: &[Word], region: &[usize]) -> Option<Vec<f64>> {
    let groups = cluster_by_key(region, |&i| words[i].bbox.x0, STREAM_LEFT_EDGE_TOLERANCE);
    let mut starts: Vec<f64> = groups
        .iter()
        .filter(|g| {
            let mut lines: Vec<usize> = g.iter().map(|&k| words[region[k]].line).collect();
            lines.sort_unstable();
            lines.dedup();
            lines.len() >= STREAM_LEFT_MIN_LINES
        })
        .map(|g| g.iter().map(|&k| words[region[k]].bbox.x0).fold(f64::INFINITY, f64::min))
        .collect();
    starts.sort_by(f64::total_cmp);
    if starts.len() < 2 {
        return None;
    }
    let at_start = region
        .iter()
        .filter(|&&i| {
            let x0 = words[i].bbox.x0;
            starts.iter().any(|s| x0 >= *s && x0 - s <= STREAM_LEFT_EDGE_TOLERANCE)
        })
        .count();
    if (at_start as f64) < STREAM_LEFT_ALIGNED_SHARE * region.len() as f64 {
        return None;
    }
    let right = region.iter().map(|&i| words[i].bbox.x1).fold(f64::NEG_INFINITY, f64::max);
    let mut bounds: Vec<f64> = starts.iter().map(|s| s - STREAM_TABLE_PADDING).collect();
    bounds.push(right + STREAM_TABLE_PADDING);
    Some(bounds)
}

/// Cuts the region's words where a line's text runs on across a column's
/// start: full-width text wrapped to its column's width ends a padding's
/// width before the next column's text begins, closer than a word gap. A
/// word is cut at a gap between two of its glyphs where the second starts
/// at a column start (to within [`STREAM_LEFT_EDGE_TOLERANCE`]). The pieces
/// replace the word in `words` (the first in its place, the others
/// appended and added to `region`).
pub fn split_at_columns(
    words: &mut Vec<Word>,
    region: &mut Vec<usize>,
    glyphs: &[&Glyph],
    columns: &[f64],
) {
    let starts: Vec<f64> = columns.iter().skip(1).map(|b| b + STREAM_TABLE_PADDING).collect();
    for i in region.clone() {
        let w = words[i].clone();
        let mut inside: Vec<&Glyph> = glyphs
            .iter()
            .copied()
            .filter(|g| {
                let (cx, cy) = (g.bbox.cx(), g.bbox.cy());
                cx >= w.bbox.x0 && cx <= w.bbox.x1 && cy >= w.bbox.top && cy <= w.bbox.bottom
            })
            .collect();
        inside.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
        let cuts: Vec<usize> = (1..inside.len())
            .filter(|&k| {
                let (p, g) = (inside[k - 1], inside[k]);
                g.bbox.x0 > p.bbox.x1
                    && starts.iter().any(|s| (g.bbox.x0 - s).abs() <= STREAM_LEFT_EDGE_TOLERANCE)
            })
            .collect();
        if cuts.is_empty() {
            continue;
        }
        let bounds: Vec<usize> = [0].into_iter().chain(cuts).chain([inside.len()]).collect();
        for (n, piece) in bounds.windows(2).enumerate() {
            let chunk = &inside[piece[0]..piece[1]];
            let Some(bbox) = union_all(chunk.iter().map(|g| &g.bbox)) else { continue };
            let text = line_to_text(chunk);
            let word = Word {
                text,
                bbox,
                font_size: median_font_size(chunk),
                line: w.line,
                baseline: chunk[0].baseline,
            };
            if n == 0 {
                words[i] = word;
            } else {
                region.push(words.len());
                words.push(word);
            }
        }
    }
}

/// A cell's text as [`top_aligned_rows`] sees it: top, bottom, first and
/// last column, baseline of its first line.
pub type Extent = (f64, f64, usize, usize, f64);

/// Row boundaries (top edge first) of a table whose cells are set from
/// their top: a row starts where texts of two or more cells start at one
/// baseline, or where a text has no other cell's text beside it (a row of
/// one cell). A text that starts at no such baseline is a label centred over the
/// rows it spans (`\multirow`) and makes no row. Each boundary lies midway
/// between a row's lowest text and the next row's top. Returns the
/// boundaries, the top of each row's first line and, per cell, whether it
/// starts a row (false: a label).
pub fn top_aligned_rows(cells: &[Extent]) -> (Vec<f64>, Vec<f64>, Vec<bool>) {
    let apart = |a: &Extent, b: &Extent| a.3 < b.2 || b.3 < a.2;
    let starts_row = |a: &Extent| {
        let beside: Vec<&Extent> = cells.iter().filter(|b| apart(a, b)).collect();
        beside.iter().any(|b| (a.4 - b.4).abs() <= STREAM_ROW_START_TOLERANCE)
            || !beside.iter().any(|b| a.0 < b.1 && b.0 < a.1)
    };
    let starts: Vec<bool> = cells.iter().map(starts_row).collect();
    let starting: Vec<&Extent> =
        cells.iter().zip(&starts).filter(|(_, s)| **s).map(|(c, _)| c).collect();
    let groups = cluster_by_key(&starting, |a| a.0, STREAM_TOP_TOLERANCE);
    let bands: Vec<(f64, f64)> = groups
        .iter()
        .map(|g| {
            let top = g.iter().map(|&k| starting[k].0).fold(f64::INFINITY, f64::min);
            (top, g.iter().map(|&k| starting[k].1).fold(f64::NEG_INFINITY, f64::max))
        })
        .collect();
    let (Some(first), Some(last)) = (bands.first(), bands.last()) else {
        return (Vec::new(), Vec::new(), starts);
    };
    let top = cells.iter().map(|c| c.0).fold(first.0, f64::min);
    let bottom = cells.iter().map(|c| c.1).fold(last.1, f64::max);
    let mut rows = vec![top - STREAM_TABLE_PADDING];
    rows.extend(bands.windows(2).map(|w| (w[0].1.min(w[1].0) + w[1].0) / 2.0));
    rows.push(bottom + STREAM_TABLE_PADDING);
    (rows, bands.iter().map(|b| b.0).collect(), starts)
}

/// A cell placed in the grid: first and last row, first and last column.
pub type Placed = (usize, usize, usize, usize);

/// A label's text (a cell that starts no row, see [`top_aligned_rows`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelText {
    /// Top of its first line, points.
    pub top: f64,
    /// Its vertical centre, points.
    pub centre: f64,
    /// Its lines.
    pub lines: usize,
}

/// The rows of a table, for placing labels over them.
#[derive(Clone, Copy, Debug)]
pub struct RowModel<'a> {
    /// Row boundaries, top edge first, points.
    pub rows: &'a [f64],
    /// Top of each row's first line, points.
    pub tops: &'a [f64],
    /// Top-to-top distance of wrapped lines in the table's cells, points.
    pub pitch: Option<f64>,
}

impl RowModel<'_> {
    /// How far `label` is from where a producer would put it over rows
    /// `lo..=hi`: centred on them, or centred as if every row were one
    /// line tall (`\multirow`, which does not know that rows wrap: the
    /// label's top lies `(rows - lines) / 2` line pitches below the first
    /// row's top). The nearer of the two, points.
    fn misplacement(&self, label: &LabelText, lo: usize, hi: usize) -> f64 {
        let centred = (label.centre - (self.rows[lo] + self.rows[hi + 1]) / 2.0).abs();
        let nominal = self.pitch.zip(self.tops.get(lo)).map(|(pitch, top)| {
            let rows = (hi - lo + 1) as f64;
            (label.top - (top + (rows - label.lines as f64).max(0.0) / 2.0 * pitch)).abs()
        });
        nominal.map_or(centred, |n| n.min(centred))
    }
}

/// Widens each label over the empty slots of its columns above and below
/// it, as far as the cells left of it stay the same (the cell it is nested
/// in) and the next cell of its column. Empty slots that two labels of one
/// column can both reach are split where the two are best placed over
/// their rows ([`RowModel`]). Columns are taken left to right, so an outer
/// label spans its rows before the labels nested in it.
pub fn widen_labels(cells: &mut [Placed], labels: &[Option<LabelText>], model: &RowModel<'_>) {
    let n_rows = model.rows.len().saturating_sub(1);
    let n_cols = cells.iter().map(|c| c.3 + 1).max().unwrap_or(0);
    let mut owner: Vec<Option<usize>> = vec![None; n_rows * n_cols];
    for (i, &cell) in cells.iter().enumerate() {
        claim(&mut owner, i, cell, n_rows, n_cols);
    }
    let mut columns: Vec<usize> =
        (0..cells.len()).filter(|&i| labels[i].is_some()).map(|i| cells[i].2).collect();
    columns.sort_unstable();
    columns.dedup();
    for column in columns {
        let mut group: Vec<usize> = (0..cells.len())
            .filter(|&i| labels[i].is_some() && cells[i].2 == column && cells[i].1 < n_rows)
            .collect();
        group.sort_by_key(|&i| cells[i].0);
        let reach: Vec<(usize, usize)> =
            group.iter().map(|&i| reach_of(&owner, cells[i], n_rows, n_cols)).collect();
        let texts: Vec<LabelText> = group.iter().filter_map(|&i| labels[i]).collect();
        let reach = split_column(&reach, &texts, model);
        for (&i, &(lo, hi)) in group.iter().zip(&reach) {
            cells[i] = (lo, hi, cells[i].2, cells[i].3);
            claim(&mut owner, i, cells[i], n_rows, n_cols);
        }
    }
}

/// Spans for the labels of one column (top to bottom), each within its
/// `reach`: where two reaches meet or overlap, every split between them is
/// tried and the one that places all the column's labels best over their
/// rows ([`RowModel::misplacement`], summed) wins.
fn split_column(
    reach: &[(usize, usize)],
    texts: &[LabelText],
    model: &RowModel<'_>,
) -> Vec<(usize, usize)> {
    // Per boundary between labels k-1 and k: the (last row of k-1, first
    // row of k) choices.
    let choices: Vec<Vec<(usize, usize)>> = (1..reach.len())
        .map(|k| {
            let (above, below) = (reach[k - 1], reach[k]);
            if above.1 + 1 >= below.0 {
                (below.0.max(above.0 + 1)..=(above.1 + 1).min(below.1))
                    .map(|s| (s - 1, s))
                    .collect()
            } else {
                vec![(above.1, below.0)]
            }
        })
        .collect();
    // Per choice at the current boundary: the least cost of the labels
    // above it and the splits chosen.
    let mut best: Vec<(f64, Vec<(usize, usize)>)> = vec![(0.0, Vec::new())];
    for (k, options) in choices.iter().enumerate() {
        let next: Vec<(f64, Vec<(usize, usize)>)> = options
            .iter()
            .filter_map(|&(hi, lo_next)| {
                best.iter()
                    .filter_map(|(cost, path)| {
                        let lo = path.last().map_or(reach[0].0, |p| p.1);
                        (lo <= hi).then(|| (cost + model.misplacement(&texts[k], lo, hi), path))
                    })
                    .min_by(|a, b| a.0.total_cmp(&b.0))
                    .map(|(cost, path)| (cost, [path.clone(), vec![(hi, lo_next)]].concat()))
            })
            .collect();
        if next.is_empty() {
            return reach.to_vec();
        }
        best = next;
    }
    let last = reach.len().saturating_sub(1);
    let chosen = best
        .into_iter()
        .map(|(cost, path)| {
            let lo = path.last().map_or(reach[0].0, |p| p.1);
            let end = texts.get(last).map_or(0.0, |t| model.misplacement(t, lo, reach[last].1));
            (cost + end, path)
        })
        .min_by(|a, b| a.0.total_cmp(&b.0));
    let Some((_, path)) = chosen else { return reach.to_vec() };
    (0..reach.len())
        .map(|k| {
            let lo = if k == 0 { reach[0].0 } else { path[k - 1].1 };
            (lo, path.get(k).map_or(reach[k].1, |p| p.0))
        })
        .collect()
}

fn claim(
    owner: &mut [Option<usize>],
    i: usize,
    (r0, r1, c0, c1): Placed,
    n_rows: usize,
    n_cols: usize,
) {
    for r in r0..=r1.min(n_rows.saturating_sub(1)) {
        for c in c0..=c1.min(n_cols.saturating_sub(1)) {
            owner[r * n_cols + c] = Some(i);
        }
    }
}

/// The rows a placed cell can reach over empty slots of its columns, with
/// the cells left of it staying those of its first row.
fn reach_of(
    owner: &[Option<usize>],
    (r0, r1, c0, c1): Placed,
    n_rows: usize,
    n_cols: usize,
) -> (usize, usize) {
    let free = |r: usize| {
        (c0..=c1).all(|c| owner[r * n_cols + c].is_none())
            && (0..c0).all(|c| owner[r * n_cols + c] == owner[r0 * n_cols + c])
    };
    let mut lo = r0;
    while lo > 0 && free(lo - 1) {
        lo -= 1;
    }
    let mut hi = r1;
    while hi + 1 < n_rows && free(hi + 1) {
        hi += 1;
    }
    (lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BBox;

    fn word(text: &str, x0: f64, line: usize) -> Word {
        let bbox = BBox {
            x0,
            top: line as f64 * 10.0,
            x1: x0 + 8.0 * text.chars().count() as f64,
            bottom: line as f64 * 10.0 + 8.0,
        };
        Word { text: text.into(), bbox, font_size: 8.0, line, baseline: bbox.bottom - 1.0 }
    }

    #[test]
    fn columns_start_where_lines_start_words() {
        let words: Vec<Word> = (0..4)
            .flat_map(|l| [word("名称", 10.0, l), word("数值很长", 60.0, l), word("分", 120.0, l)])
            .chain([word("跨列的说明", 10.0, 4)])
            .collect();
        let region: Vec<usize> = (0..words.len()).collect();
        let bounds = left_aligned_columns(&words, &region).expect("left-aligned");
        assert_eq!(bounds, vec![8.0, 58.0, 118.0, 130.0]);
    }

    #[test]
    fn rows_start_where_cells_start_and_labels_span_them() {
        // Two rows of two cells (the second cell of row 1 wraps to two
        // lines), a label centred over both in column 0, a lone row after.
        let cells = [
            (0.0, 18.0, 1, 1, 7.0),
            (0.5, 8.0, 2, 2, 7.0),
            (24.0, 32.0, 1, 1, 31.0),
            (24.0, 32.0, 2, 2, 31.0),
            (12.0, 20.0, 0, 0, 19.0),
            (40.0, 48.0, 0, 2, 47.0),
        ];
        let (rows, tops, starts) = top_aligned_rows(&cells);
        assert_eq!(rows, vec![-2.0, 21.0, 36.0, 50.0]);
        assert_eq!(tops, vec![0.0, 24.0, 40.0]);
        assert_eq!(starts, vec![true, true, true, true, false, true]);
        assert!(top_aligned_rows(&[]).0.is_empty());
    }

    /// A label over rows `lo..=hi` of ten-point rows, at its centre.
    fn label_at(centre: f64) -> Option<LabelText> {
        Some(LabelText { top: centre - 4.0, centre, lines: 1 })
    }

    #[test]
    fn labels_span_the_empty_slots_of_their_column() {
        // Column 0: an outer label over rows 0-3 (its text in row 1);
        // column 1: a label in row 1 nested in it, bounded by cells in
        // rows 0 and 3; column 2 full.
        let mut cells = vec![(1, 1, 0, 0), (0, 0, 1, 1), (1, 1, 1, 1), (3, 3, 1, 1)];
        cells.extend((0..4).map(|r| (r, r, 2, 2)));
        let mut labels = vec![None; cells.len()];
        (labels[0], labels[2]) = (label_at(15.0), label_at(15.0));
        let rows = [0.0, 10.0, 20.0, 30.0, 40.0];
        let model = RowModel { rows: &rows, tops: &[1.0, 11.0, 21.0, 31.0], pitch: None };
        widen_labels(&mut cells, &labels, &model);
        assert_eq!((cells[0], cells[2]), ((0, 3, 0, 0), (1, 2, 1, 1)));
        widen_labels(&mut [], &[], &RowModel { rows: &[], tops: &[], pitch: None });
    }

    #[test]
    fn two_labels_of_a_column_split_its_empty_slots_where_each_is_centred() {
        // Column 0 holds two labels (rows 0-6 free around them), column 1 a
        // cell per row. Centred labels: at 20 (rows 0-3) and 55 (rows 4-6).
        let mut cells = vec![(2, 2, 0, 0), (5, 5, 0, 0)];
        cells.extend((0..7).map(|r| (r, r, 1, 1)));
        let rows: Vec<f64> = (0..8).map(|r| r as f64 * 10.0).collect();
        let tops: Vec<f64> = (0..7).map(|r| r as f64 * 10.0 + 1.0).collect();
        let mut labels = vec![None; cells.len()];
        (labels[0], labels[1]) = (label_at(20.0), label_at(55.0));
        let mut centred = cells.clone();
        widen_labels(&mut centred, &labels, &RowModel { rows: &rows, tops: &tops, pitch: None });
        assert_eq!((centred[0], centred[1]), ((0, 3, 0, 0), (4, 6, 0, 0)));
        // \multirow over rows 0-4 of one-line pitch 6 puts its label's top
        // 2 pitches below row 0's top (13), however tall the rows are; the
        // second label sits where rows 5-6 would centre it.
        labels[0] = Some(LabelText { top: 13.0, centre: 17.0, lines: 1 });
        labels[1] = Some(LabelText { top: 54.0, centre: 58.0, lines: 1 });
        cells[0] = (1, 1, 0, 0);
        widen_labels(&mut cells, &labels, &RowModel { rows: &rows, tops: &tops, pitch: Some(6.0) });
        assert_eq!((cells[0], cells[1]), ((0, 4, 0, 0), (5, 6, 0, 0)));
    }

    #[test]
    fn words_are_cut_where_the_next_column_starts() {
        // 甲乙 fills column 1 to its padding, 丙丁 starts column 2 two points
        // later (closer than a word gap): one word, cut at the column start.
        let glyphs: Vec<Glyph> = [("甲", 10.0), ("乙", 18.0), ("丙", 28.0), ("丁", 36.0)]
            .iter()
            .map(|(t, x)| crate::grid::text::tests::glyph(t, *x, 0.0, 8.0))
            .collect();
        let refs: Vec<&Glyph> = glyphs.iter().collect();
        let mut words = crate::grid::stream::glyphs_to_words(&refs);
        assert_eq!(words.len(), 1);
        let mut region = vec![0];
        split_at_columns(&mut words, &mut region, &refs, &[8.0, 26.0, 46.0]);
        let texts: Vec<&str> = region.iter().map(|&i| words[i].text.as_str()).collect();
        assert_eq!(texts, vec!["甲乙", "丙丁"]);
        assert_eq!((words[1].bbox.x0, words[0].bbox.x1), (28.0, 26.0));
    }

    #[test]
    fn centred_columns_are_not_left_aligned() {
        let words: Vec<Word> = (0..4)
            .flat_map(|l| {
                [word("名称", 10.0 + l as f64 * 4.0, l), word("数", 64.0 - l as f64 * 4.0, l)]
            })
            .collect();
        let region: Vec<usize> = (0..words.len()).collect();
        assert_eq!(left_aligned_columns(&words, &region), None);
        assert_eq!(left_aligned_columns(&[], &[]), None);
    }
}
