//! The lattice pipeline: rulings → merged rulings → intersections → cells →
//! grids, each step a pure function (pdfplumber `table.py`, with sorting and
//! indexing in place of its rescans).

use std::collections::HashMap;

use serde::Serialize;

use super::settings::LatticeSettings;
use crate::geometry::{cluster_by_key, index_of, merge_intervals};
use crate::{BBox, Orientation, Ruling};

/// A point where a vertical and a horizontal ruling cross.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Intersection {
    /// x of the vertical ruling, points.
    pub x: f64,
    /// y of the horizontal ruling, points.
    pub y: f64,
    /// Indices (into the merged rulings) of the vertical rulings through it.
    pub vertical: Vec<usize>,
    /// Indices (into the merged rulings) of the horizontal rulings through it.
    pub horizontal: Vec<usize>,
}

/// One cell of a table grid, with its position, spans and text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GridCell {
    /// 0-based grid row of its top edge.
    pub row: usize,
    /// 0-based grid column of its left edge.
    pub col: usize,
    /// Grid rows spanned.
    pub rowspan: usize,
    /// Grid columns spanned.
    pub colspan: usize,
    /// The cell rectangle, points.
    pub bbox: BBox,
    /// The text of the glyphs assigned to it (empty before assignment).
    pub text: String,
}

/// One table: a connected group of cells and its grid lines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableGrid {
    /// Bounding box of all its cells.
    pub bbox: BBox,
    /// Grid lines: the sorted distinct x of the cells' left and right edges.
    pub xs: Vec<f64>,
    /// Grid lines: the sorted distinct y of the cells' top and bottom edges.
    pub ys: Vec<f64>,
    /// The cells, by row then column; each grid position is covered by at
    /// most one cell.
    pub cells: Vec<GridCell>,
}

impl TableGrid {
    /// Number of grid rows.
    pub fn n_rows(&self) -> usize {
        self.ys.len().saturating_sub(1)
    }
    /// Number of grid columns.
    pub fn n_cols(&self) -> usize {
        self.xs.len().saturating_sub(1)
    }
    /// For every grid position (row-major), the index of the cell covering it.
    pub fn position_map(&self) -> Vec<Option<usize>> {
        let cols = self.n_cols();
        let mut map = vec![None; self.n_rows() * cols];
        for (i, c) in self.cells.iter().enumerate() {
            for r in c.row..c.row + c.rowspan {
                for k in c.col..c.col + c.colspan {
                    if let Some(slot) = map.get_mut(r * cols + k) {
                        *slot = Some(i);
                    }
                }
            }
        }
        map
    }
}

/// Snaps and joins rulings: per orientation, rulings whose positions lie
/// within the snap tolerance (`snap_x` for vertical, `snap_y` for horizontal)
/// move to their cluster's mean; collinear segments that overlap or lie
/// within the join tolerance (`join_x` along horizontal rulings, `join_y`
/// along vertical ones) become one; rulings shorter than
/// `min_ruling_length` are dropped. Non-finite rulings are ignored.
/// Output: horizontal rulings by (y, x), then vertical ones by (x, y).
pub fn merge_rulings(rulings: &[Ruling], settings: &LatticeSettings) -> Vec<Ruling> {
    let mut out = Vec::new();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let (snap, join) = match orientation {
            Orientation::Horizontal => (settings.snap_y(), settings.join_x()),
            Orientation::Vertical => (settings.snap_x(), settings.join_y()),
        };
        let own: Vec<&Ruling> = rulings
            .iter()
            .filter(|r| r.orientation == orientation)
            .filter(|r| r.pos.is_finite() && r.start.is_finite() && r.end.is_finite())
            .collect();
        for group in cluster_by_key(&own, |r| r.pos, snap) {
            let pos = group.iter().map(|&i| own[i].pos).sum::<f64>() / group.len() as f64;
            let segments: Vec<(f64, f64)> =
                group.iter().map(|&i| (own[i].start, own[i].end)).collect();
            for (start, end) in merge_intervals(&segments, join) {
                if end - start >= settings.min_ruling_length() {
                    let page = own[group[0]].page;
                    out.push(Ruling { orientation, pos, start, end, page });
                }
            }
        }
    }
    out
}

/// Closes tables cut by a page break. Chromium and LibreOffice draw no
/// border where a row or a merged cell runs on to the next page, so the cut
/// cell would have no bottom (or top) and its text would look like free
/// text. Where two neighbouring vertical rulings (neighbours among those
/// ending there) end within `snap_y` of each other and no horizontal ruling
/// within `intersection_y` of that end spans the gap between them (give or
/// take `intersection_x`), adds a horizontal ruling between them at their
/// mean end, clipped to `[0, page_height]` when the height is known
/// (positive). The same for the tops of vertical rulings. A legitimate table
/// always has those borders, so only open edges get one. Returns only the
/// added rulings.
pub fn rulings_to_closing_rulings(
    rulings: &[Ruling],
    settings: &LatticeSettings,
    page_height: f64,
) -> Vec<Ruling> {
    let (tx, ty) = (settings.intersection_x(), settings.intersection_y());
    let clip = |y: f64| if page_height > 0.0 { y.clamp(0.0, page_height) } else { y };
    let horizontal: Vec<&Ruling> =
        rulings.iter().filter(|r| r.orientation == Orientation::Horizontal).collect();
    let vertical: Vec<&Ruling> =
        rulings.iter().filter(|r| r.orientation == Orientation::Vertical).collect();
    let covered = |y: f64, x0: f64, x1: f64| {
        horizontal.iter().any(|h| (h.pos - y).abs() <= ty && h.start <= x0 + tx && h.end >= x1 - tx)
    };
    let mut out = Vec::new();
    for end_of in [|r: &Ruling| r.end, |r: &Ruling| r.start] {
        // (end y, x, page) of each vertical's end.
        let ends: Vec<(f64, f64, u32)> =
            vertical.iter().map(|v| (clip(end_of(v)), v.pos, v.page)).collect();
        for group in cluster_by_key(&ends, |e| e.0, settings.snap_y()) {
            let y = group.iter().map(|&i| ends[i].0).sum::<f64>() / group.len() as f64;
            let mut xs: Vec<(f64, u32)> = group.iter().map(|&i| (ends[i].1, ends[i].2)).collect();
            xs.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in xs.windows(2) {
                let ((start, page), (end, _)) = (pair[0], pair[1]);
                if end > start && !covered(y, start, end) {
                    out.push(Ruling {
                        orientation: Orientation::Horizontal,
                        pos: y,
                        start,
                        end,
                        page,
                    });
                }
            }
        }
    }
    out
}

/// Finds where vertical and horizontal rulings cross: a vertical ruling at x
/// crosses a horizontal one at y when x lies within the horizontal's extent
/// widened by `intersection_x`, and y within the vertical's extent widened by
/// `intersection_y`. Expects merged rulings (one position per snapped line);
/// indices in the output refer to `rulings`. Output sorted by (y, x).
pub fn rulings_to_intersections(
    rulings: &[Ruling],
    settings: &LatticeSettings,
) -> Vec<Intersection> {
    let (tx, ty) = (settings.intersection_x(), settings.intersection_y());
    let mut horizontal: Vec<usize> =
        (0..rulings.len()).filter(|&i| rulings[i].orientation == Orientation::Horizontal).collect();
    horizontal.sort_by(|&a, &b| rulings[a].pos.total_cmp(&rulings[b].pos));
    let mut points: HashMap<(u64, u64), Intersection> = HashMap::new();
    for (vi, v) in
        rulings.iter().enumerate().filter(|(_, r)| r.orientation == Orientation::Vertical)
    {
        let first = horizontal.partition_point(|&h| rulings[h].pos < v.start - ty);
        for &hi in horizontal[first..].iter().take_while(|&&h| rulings[h].pos <= v.end + ty) {
            let h = &rulings[hi];
            if v.pos < h.start - tx || v.pos > h.end + tx {
                continue;
            }
            let p = points.entry((v.pos.to_bits(), h.pos.to_bits())).or_insert_with(|| {
                Intersection { x: v.pos, y: h.pos, vertical: Vec::new(), horizontal: Vec::new() }
            });
            if !p.vertical.contains(&vi) {
                p.vertical.push(vi);
            }
            if !p.horizontal.contains(&hi) {
                p.horizontal.push(hi);
            }
        }
    }
    let mut out: Vec<Intersection> = points.into_values().collect();
    out.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    out
}

/// Finds the cells: for each intersection, the smallest rectangle whose
/// four corners are intersections and whose four sides each lie on one
/// ruling (pdfplumber `intersections_to_cells`). Candidates are looked up
/// along the rulings through the corner instead of rescanning all points.
/// No tolerance of its own: the intersection tolerance already decided which
/// rulings meet. Output sorted by (top, x0).
pub fn intersections_to_cells(points: &[Intersection]) -> Vec<BBox> {
    let key = |x: f64, y: f64| (x.to_bits(), y.to_bits());
    let at: HashMap<(u64, u64), usize> =
        points.iter().enumerate().map(|(i, p)| (key(p.x, p.y), i)).collect();
    // Points on each ruling, in ascending order along it.
    let mut on_ruling: HashMap<(bool, usize), Vec<usize>> = HashMap::new();
    for (i, p) in points.iter().enumerate() {
        for &v in &p.vertical {
            on_ruling.entry((true, v)).or_default().push(i);
        }
        for &h in &p.horizontal {
            on_ruling.entry((false, h)).or_default().push(i);
        }
    }
    for (&(vertical, _), list) in on_ruling.iter_mut() {
        if vertical {
            list.sort_by(|&a, &b| points[a].y.total_cmp(&points[b].y));
        } else {
            list.sort_by(|&a, &b| points[a].x.total_cmp(&points[b].x));
        }
    }
    let after = |p: usize, vertical: bool, ids: &[usize]| -> Vec<usize> {
        let mut out: Vec<usize> = ids
            .iter()
            .filter_map(|&r| on_ruling.get(&(vertical, r)))
            .flat_map(|list| list.iter().copied())
            .filter(
                |&q| if vertical { points[q].y > points[p].y } else { points[q].x > points[p].x },
            )
            .collect();
        if vertical {
            out.sort_by(|&a, &b| points[a].y.total_cmp(&points[b].y));
        } else {
            out.sort_by(|&a, &b| points[a].x.total_cmp(&points[b].x));
        }
        out.dedup();
        out
    };
    let shares = |a: &[usize], b: &[usize]| a.iter().any(|x| b.contains(x));
    let mut cells = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let below = after(i, true, &p.vertical);
        let right = after(i, false, &p.horizontal);
        'search: for &b in &below {
            for &r in &right {
                let Some(&corner) = at.get(&key(points[r].x, points[b].y)) else { continue };
                let c = &points[corner];
                if shares(&c.vertical, &points[r].vertical)
                    && shares(&c.horizontal, &points[b].horizontal)
                {
                    cells.push(BBox { x0: p.x, top: p.y, x1: c.x, bottom: c.y });
                    break 'search;
                }
            }
        }
    }
    cells.sort_by(|a, b| a.top.total_cmp(&b.top).then(a.x0.total_cmp(&b.x0)));
    cells
}

/// Groups cells into tables (cells that share a corner belong to the same
/// table, joined with a union-find over corners) and maps every cell onto its
/// table's grid: the sorted distinct x and y of the cell edges are the grid
/// lines, and each cell gets (row, col, rowspan, colspan). No tolerance: the
/// corners are already snapped. Tables come out by (top, x0).
pub fn cells_to_grids(cells: &[BBox]) -> Vec<TableGrid> {
    let mut parent: Vec<usize> = (0..cells.len()).collect();
    fn find(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut corner_owner: HashMap<(u64, u64), usize> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        for (x, y) in [(c.x0, c.top), (c.x1, c.top), (c.x0, c.bottom), (c.x1, c.bottom)] {
            let owner = *corner_owner.entry((x.to_bits(), y.to_bits())).or_insert(i);
            let (a, b) = (find(&mut parent, owner), find(&mut parent, i));
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..cells.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    let mut tables: Vec<TableGrid> =
        groups.into_values().map(|g| group_to_grid(cells, &g)).collect();
    tables.sort_by(|a, b| a.bbox.top.total_cmp(&b.bbox.top).then(a.bbox.x0.total_cmp(&b.bbox.x0)));
    tables
}

/// One connected group of cells onto its grid.
fn group_to_grid(cells: &[BBox], group: &[usize]) -> TableGrid {
    let mut xs: Vec<f64> = group.iter().flat_map(|&i| [cells[i].x0, cells[i].x1]).collect();
    let mut ys: Vec<f64> = group.iter().flat_map(|&i| [cells[i].top, cells[i].bottom]).collect();
    for v in [&mut xs, &mut ys] {
        v.sort_by(f64::total_cmp);
        v.dedup();
    }
    let mut grid_cells: Vec<GridCell> = group
        .iter()
        .filter_map(|&i| {
            let c = cells[i];
            let (col, x1) = (index_of(&xs, c.x0)?, index_of(&xs, c.x1)?);
            let (row, y1) = (index_of(&ys, c.top)?, index_of(&ys, c.bottom)?);
            Some(GridCell {
                row,
                col,
                rowspan: y1 - row,
                colspan: x1 - col,
                bbox: c,
                text: String::new(),
            })
        })
        .collect();
    grid_cells.sort_by_key(|c| (c.row, c.col));
    let bbox = BBox {
        x0: xs.first().copied().unwrap_or_default(),
        top: ys.first().copied().unwrap_or_default(),
        x1: xs.last().copied().unwrap_or_default(),
        bottom: ys.last().copied().unwrap_or_default(),
    };
    TableGrid { bbox, xs, ys, cells: grid_cells }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::Orientation::{Horizontal, Vertical};

    pub(crate) fn ruling(orientation: Orientation, pos: f64, start: f64, end: f64) -> Ruling {
        Ruling { orientation, pos, start, end, page: 1 }
    }

    /// A 3×3 grid on x = 0, 10, 20, 30 and y = 0, 10, 20, 30 whose top-left
    /// 2×2 block is one merged cell (no inner lines there).
    pub(crate) fn merged_3x3() -> Vec<Ruling> {
        vec![
            ruling(Horizontal, 0.0, 0.0, 30.0),
            ruling(Horizontal, 10.0, 20.0, 30.0),
            ruling(Horizontal, 20.0, 0.0, 30.0),
            ruling(Horizontal, 30.0, 0.0, 30.0),
            ruling(Vertical, 0.0, 0.0, 30.0),
            ruling(Vertical, 10.0, 20.0, 30.0),
            ruling(Vertical, 20.0, 0.0, 30.0),
            ruling(Vertical, 30.0, 0.0, 30.0),
        ]
    }

    fn pipeline(rulings: &[Ruling]) -> Vec<TableGrid> {
        let s = LatticeSettings::default();
        let merged = merge_rulings(rulings, &s);
        cells_to_grids(&intersections_to_cells(&rulings_to_intersections(&merged, &s)))
    }

    #[test]
    fn empty_input_gives_nothing() {
        let s = LatticeSettings::default();
        assert!(merge_rulings(&[], &s).is_empty());
        assert!(rulings_to_intersections(&[], &s).is_empty());
        assert!(intersections_to_cells(&[]).is_empty());
        assert!(cells_to_grids(&[]).is_empty());
    }

    #[test]
    fn merge_snaps_joins_and_drops_short() {
        let s = LatticeSettings::default();
        let rulings = [
            ruling(Horizontal, 10.0, 0.0, 50.0),
            ruling(Horizontal, 11.0, 52.0, 100.0),
            ruling(Horizontal, 40.0, 0.0, 2.0),
            ruling(Vertical, 5.0, 0.0, 20.0),
            ruling(Horizontal, 10.0, 200.0, 300.0),
        ];
        let m = merge_rulings(&rulings, &s);
        assert_eq!(m.len(), 3);
        assert_eq!((m[0].pos, m[0].start, m[0].end), (31.0 / 3.0, 0.0, 100.0));
        assert_eq!((m[1].start, m[1].end), (200.0, 300.0));
        assert_eq!(m[2].orientation, Vertical);
    }

    #[test]
    fn intersections_respect_tolerance() {
        let s = LatticeSettings::default();
        let rulings = [
            ruling(Horizontal, 10.0, 0.0, 50.0),
            ruling(Vertical, 52.0, 0.0, 20.0),
            ruling(Vertical, 60.0, 0.0, 20.0),
        ];
        let p = rulings_to_intersections(&rulings, &s);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].x, p[0].y, p[0].vertical.clone(), p[0].horizontal.clone()),
            (52.0, 10.0, vec![1], vec![0])
        );
    }

    #[test]
    fn merged_cell_gets_spans() {
        let tables = pipeline(&merged_3x3());
        assert_eq!(tables.len(), 1);
        let t = &tables[0];
        assert_eq!((t.n_rows(), t.n_cols()), (3, 3));
        let spans: Vec<_> = t.cells.iter().map(|c| (c.row, c.col, c.rowspan, c.colspan)).collect();
        assert_eq!(
            spans,
            vec![
                (0, 0, 2, 2),
                (0, 2, 1, 1),
                (1, 2, 1, 1),
                (2, 0, 1, 1),
                (2, 1, 1, 1),
                (2, 2, 1, 1)
            ]
        );
        assert!(t.position_map().iter().all(|p| p.is_some()));
    }

    #[test]
    fn table_cut_by_page_break_is_closed() {
        let s = LatticeSettings::default();
        let rulings = vec![
            ruling(Horizontal, 0.0, 0.0, 20.0),
            ruling(Horizontal, 10.0, 0.0, 20.0),
            ruling(Vertical, 0.0, 0.0, 50.0),
            ruling(Vertical, 20.0, 0.0, 49.0),
        ];
        let closing = rulings_to_closing_rulings(&rulings, &s, 40.0);
        assert_eq!(closing.len(), 1);
        assert_eq!((closing[0].pos, closing[0].start, closing[0].end), (40.0, 0.0, 20.0));
        assert!(rulings_to_closing_rulings(&rulings[..2], &s, 40.0).is_empty());
        assert!(rulings_to_closing_rulings(&[], &s, 40.0).is_empty());
        // A closed table gets nothing.
        assert!(rulings_to_closing_rulings(&merged_3x3(), &s, 40.0).is_empty());
        let mut all = rulings.clone();
        all.extend(closing);
        assert_eq!(pipeline(&all)[0].n_rows(), 2);
    }

    #[test]
    fn two_tables_stay_apart() {
        let mut rulings = merged_3x3();
        rulings.extend(merged_3x3().into_iter().map(|mut r| {
            if r.orientation == Horizontal {
                r.pos += 100.0;
            } else {
                r.start += 100.0;
                r.end += 100.0;
            }
            r
        }));
        let tables = pipeline(&rulings);
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[1].bbox.top, 100.0);
        assert_eq!(tables[1].cells.len(), 6);
    }
}
