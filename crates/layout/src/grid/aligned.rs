//! Left-aligned columns for the stream fallback: a page without rulings
//! whose cells start their text at the column's left edge (LaTeX `p{}`
//! columns, Word tables with borders removed), where the centred-text model
//! of [`super::stream`] does not hold. Each column is found where many
//! lines start a word at the same x; the edges lie just left of those
//! starts, and no cell is widened to centre its text.

use super::stream::{Word, STREAM_CENTRE_TOLERANCE, STREAM_TABLE_PADDING};
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

/// A cell's text as [`aligned_rows`] sees it: top, bottom, first and last
/// column, baseline of its first line.
pub type Extent = (f64, f64, usize, usize, f64);

/// Row boundaries (top edge first) of a table whose cells share, per row,
/// the baseline of their first lines (set from the top) or their vertical
/// centre (centred in the row). Two texts side by side that share either
/// are one row; a text without such a partner is a label over the rows it
/// spans (`\multirow`, a merged cell) and makes no row, unless no text
/// lies beside it (a row of one cell). Each boundary lies midway between a
/// row's lowest text and the next row's top. Returns the boundaries, the
/// top of each row's first line and, per cell, whether it makes a row.
pub fn aligned_rows(cells: &[Extent]) -> (Vec<f64>, Vec<f64>, Vec<bool>) {
    let apart = |a: &Extent, b: &Extent| a.3 < b.2 || b.3 < a.2;
    // Texts side by side, touching counts: a label centred between two
    // one-line rows fills the gap between their texts exactly.
    let beside = |a: &Extent, b: &Extent| {
        apart(a, b) && a.0 <= b.1 + STREAM_TOP_TOLERANCE && b.0 <= a.1 + STREAM_TOP_TOLERANCE
    };
    let partners = |a: &Extent, b: &Extent| {
        beside(a, b)
            && ((a.4 - b.4).abs() <= STREAM_ROW_START_TOLERANCE
                || ((a.0 + a.1) / 2.0 - (b.0 + b.1) / 2.0).abs() <= STREAM_CENTRE_TOLERANCE)
    };
    // Union-find over partners, with path halving so long rows stay cheap.
    let mut row_of: Vec<usize> = (0..cells.len()).collect();
    fn root(row_of: &mut [usize], mut i: usize) -> usize {
        while row_of[i] != i {
            row_of[i] = row_of[row_of[i]];
            i = row_of[i];
        }
        i
    }
    let mut starts = vec![false; cells.len()];
    for i in 0..cells.len() {
        starts[i] = !cells.iter().any(|b| beside(&cells[i], b));
        for j in 0..i {
            if partners(&cells[i], &cells[j]) {
                (starts[i], starts[j]) = (true, true);
                let (a, b) = (root(&mut row_of, i), root(&mut row_of, j));
                row_of[a.max(b)] = a.min(b);
            }
        }
    }
    let mut bands: Vec<(f64, f64)> = Vec::new();
    let roots: Vec<usize> = (0..cells.len()).map(|i| root(&mut row_of, i)).collect();
    for i in (0..cells.len()).filter(|&i| starts[i] && roots[i] == i) {
        let members = (0..cells.len()).filter(|&k| starts[k] && roots[k] == i);
        let (top, bottom) = members.fold((f64::INFINITY, f64::NEG_INFINITY), |(t, b), k| {
            (t.min(cells[k].0), b.max(cells[k].1))
        });
        bands.push((top, bottom));
    }
    bands.sort_by(|a, b| a.0.total_cmp(&b.0));
    let bands = crate::geometry::merge_intervals(&bands, -STREAM_TOP_TOLERANCE);
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
        let (rows, tops, starts) = aligned_rows(&cells);
        assert_eq!(rows, vec![-2.0, 21.0, 36.0, 50.0]);
        assert_eq!(tops, vec![0.0, 24.0, 40.0]);
        assert_eq!(starts, vec![true, true, true, true, false, true]);
        assert!(aligned_rows(&[]).0.is_empty());
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
