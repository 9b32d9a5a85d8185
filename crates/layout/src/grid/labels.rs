//! Cells merged over rows on pages without rules: how far each text's cell
//! reaches over the empty slots of its column, judged by where producers
//! put such text (centred on its rows, or as `\multirow` puts it) and by
//! the cells it is nested in. Used by the stream fallback's left-aligned
//! path ([`super::aligned`]).

/// A text placed over rows this close to where its producer would put it
/// is placed there (positions are computed, not measured; `\multirow`'s
/// one-line rows are an estimate). PDF points.
pub const SPAN_TOLERANCE: f64 = 1.0;
/// Of spans placing a text equally well, the larger wins: this much cost
/// less per row spanned (far below any real misplacement). PDF points.
const SPAN_PREFERENCE: f64 = 1e-3;

/// A cell placed in the grid: first and last row, first and last column.
pub type Placed = (usize, usize, usize, usize);

/// A label's text (see [`super::aligned::aligned_rows`]).
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
        let own: Vec<(usize, usize)> = group.iter().map(|&i| (cells[i].0, cells[i].1)).collect();
        let texts: Vec<LabelText> = group.iter().filter_map(|&i| labels[i]).collect();
        let reach = split_column(&own, &reach, &texts, model);
        for (&i, &(lo, hi)) in group.iter().zip(&reach) {
            cells[i] = (lo, hi, cells[i].2, cells[i].3);
            claim(&mut owner, i, cells[i], n_rows, n_cols);
        }
    }
}

/// A partial choice of spans: where the next cell may start, the cost so
/// far, the spans chosen.
type Partial = (usize, f64, Vec<(usize, usize)>);

/// Spans for the cells of one column (top to bottom), each holding its own
/// rows `own` and within its `reach`, chosen together so that the column's
/// texts sit best over their rows ([`RowModel::misplacement`] summed, a
/// misplacement within [`SPAN_TOLERANCE`] counting as none); of equally
/// good choices the one with the larger spans wins (a label centred over
/// three rows is centred on the middle one as well).
fn split_column(
    own: &[(usize, usize)],
    reach: &[(usize, usize)],
    texts: &[LabelText],
    model: &RowModel<'_>,
) -> Vec<(usize, usize)> {
    let cost = |k: usize, lo: usize, hi: usize| {
        (model.misplacement(&texts[k], lo, hi) - SPAN_TOLERANCE).max(0.0)
            - SPAN_PREFERENCE * (hi - lo) as f64
    };
    // best[lo] over the first rows cell k may take: least cost of cells
    // 0..k given k starts at lo, with their spans.
    let mut best: Vec<Partial> = (reach[0].0..=own[0].0).map(|lo| (lo, 0.0, Vec::new())).collect();
    for k in 0..own.len() {
        let his: Vec<usize> = (own[k].1..=reach[k].1).collect();
        let next_los: Vec<Option<usize>> = match own.get(k + 1) {
            Some(next) => (reach[k + 1].0..=next.0).map(Some).collect(),
            None => vec![None],
        };
        let mut next = Vec::new();
        for lo_next in next_los {
            let option = best
                .iter()
                .flat_map(|(lo, c, path)| his.iter().map(move |&hi| (*lo, hi, c, path)))
                .filter(|&(_, hi, ..)| lo_next.is_none_or(|l| hi < l))
                .map(|(lo, hi, c, path)| {
                    (c + cost(k, lo, hi), [path.clone(), vec![(lo, hi)]].concat())
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((c, path)) = option {
                next.push((lo_next.unwrap_or(0), c, path));
            }
        }
        if next.is_empty() {
            return own.to_vec();
        }
        best = next;
    }
    best.into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map_or_else(|| own.to_vec(), |(_, _, path)| path)
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

    /// A label over rows `lo..=hi` of ten-point rows, at its centre.
    fn label_at(centre: f64) -> Option<LabelText> {
        Some(LabelText { top: centre - 4.0, centre, lines: 1 })
    }

    #[test]
    fn labels_span_the_empty_slots_of_their_column() {
        // Column 0: an outer label centred over rows 0-3 (its text placed
        // in row 1); column 1: a label centred over rows 1-2, nested in it
        // and bounded by cells in rows 0 and 3; column 2 full.
        let mut cells = vec![(1, 1, 0, 0), (0, 0, 1, 1), (1, 1, 1, 1), (3, 3, 1, 1)];
        cells.extend((0..4).map(|r| (r, r, 2, 2)));
        let mut labels = vec![None; cells.len()];
        (labels[0], labels[2]) = (label_at(20.0), label_at(20.0));
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
}
