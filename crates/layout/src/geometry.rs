//! Clustering and small geometry helpers shared by the lattice and stream
//! grid builders.
//!
//! Everything here works on plain numbers and [`BBox`]es in PDF points. NaN
//! coordinates never panic: sorting uses [`f64::total_cmp`].

use crate::BBox;

/// Groups items whose keys lie within `tolerance` of their neighbour once
/// sorted (single linkage, like pdfplumber's `cluster_list`). Returns the
/// groups as item indices, in ascending key order, each group ascending too.
///
/// A chain of keys 1 pt apart with a tolerance of 1 pt is one group: callers
/// that cluster table lines rely on the gaps between groups, not on a bound
/// for the width of a group.
pub fn cluster_by_key<T>(items: &[T], key: impl Fn(&T) -> f64, tolerance: f64) -> Vec<Vec<usize>> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| key(&items[a]).total_cmp(&key(&items[b])));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut last = f64::NAN;
    for i in order {
        let k = key(&items[i]);
        match groups.last_mut() {
            Some(group) if k - last <= tolerance => group.push(i),
            _ => groups.push(vec![i]),
        }
        last = k;
    }
    groups
}

/// Clusters plain values (see [`cluster_by_key`]) and returns the mean of
/// each group, ascending.
pub fn cluster_means(values: &[f64], tolerance: f64) -> Vec<f64> {
    cluster_by_key(values, |v| *v, tolerance)
        .iter()
        .map(|g| g.iter().map(|&i| values[i]).sum::<f64>() / g.len() as f64)
        .collect()
}

/// Merges intervals `(start, end)` that overlap or lie within `tolerance` of
/// each other. Returns disjoint intervals in ascending order.
pub fn merge_intervals(intervals: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    let mut sorted: Vec<(f64, f64)> =
        intervals.iter().map(|&(a, b)| (a.min(b), a.max(b))).collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(sorted.len());
    for (start, end) in sorted {
        match out.last_mut() {
            Some(last) if start <= last.1 + tolerance => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

/// The parts of `whole` not covered by any of the open intervals `holes`.
/// Pieces of zero length are dropped.
pub fn subtract_intervals(whole: (f64, f64), holes: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut start = whole.0;
    for &(a, b) in &merge_intervals(holes, 0.0) {
        if b <= start || a >= whole.1 {
            continue;
        }
        if a > start {
            out.push((start, a));
        }
        start = start.max(b);
    }
    if whole.1 > start {
        out.push((start, whole.1));
    }
    out
}

/// The median of `values`, `None` when empty (NaN sorts last).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied()
}

/// The smallest box holding all boxes, `None` when there are none.
pub fn union_all<'a>(boxes: impl IntoIterator<Item = &'a BBox>) -> Option<BBox> {
    boxes.into_iter().fold(None, |acc: Option<BBox>, b| Some(acc.map_or(*b, |a| a.union(b))))
}

/// Length of the overlap of `[a0, a1]` and `[b0, b1]` (0 when disjoint).
pub fn overlap(a0: f64, a1: f64, b0: f64, b1: f64) -> f64 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

/// The index `i` of the slot `[lines[i], lines[i + 1])` holding `v`, for
/// ascending `lines`; `None` outside `[first, last]`. The last line belongs to
/// the last slot.
pub fn slot_of(lines: &[f64], v: f64) -> Option<usize> {
    let (first, last) = (*lines.first()?, *lines.last()?);
    if lines.len() < 2 || !(v >= first && v <= last) {
        return None;
    }
    let i = lines.partition_point(|&l| l <= v);
    Some(i.saturating_sub(1).min(lines.len() - 2))
}

/// The index of `v` in ascending `lines`, which must hold it exactly (the
/// grid builder only looks up coordinates it took from the same list).
pub fn index_of(lines: &[f64], v: f64) -> Option<usize> {
    let i = lines.partition_point(|&l| l < v);
    (lines.get(i) == Some(&v)).then_some(i)
}

/// Boundaries `b_0..b_k` of `k` slots side by side (table columns or rows)
/// whose text is centred: a slot with a centre `c_i` gives
/// `b_i + b_(i+1) = 2 c_i`, which links its two boundaries into a chain with
/// one free parameter. `gaps[i]` is the interval boundary `i` must lie in
/// (between the text of its neighbours; infinite outside). `spans` are
/// `(i, j, c)`: text centred between boundaries `i` and `j`, one vote for
/// the chain's parameter when both lie in it. `anchors` fix `b_0` and `b_k`
/// when the chain allows them. Per chain, the parameter is the anchor, else
/// the median vote inside the feasible interval, else its midpoint (or its
/// finite end). A chain whose gaps cannot all hold falls apart into single
/// boundaries. Returns `gaps.len()` boundaries, ascending when the input is
/// consistent.
pub fn centred_boundaries(
    gaps: &[(f64, f64)],
    centres: &[Option<f64>],
    spans: &[(usize, usize, f64)],
    anchors: (Option<f64>, Option<f64>),
) -> Vec<f64> {
    let n = gaps.len();
    let mut out = vec![0.0; n];
    let mut start = 0;
    while start < n {
        let mut end = start;
        while end + 1 < n && centres.get(end).copied().flatten().is_some() {
            end += 1;
        }
        // b_i = s_i * p + t_i along the chain.
        let mut st: Vec<(f64, f64)> = vec![(1.0, 0.0)];
        for c in centres[start..end].iter().flatten() {
            let (s, t) = st[st.len() - 1];
            st.push((-s, 2.0 * c - t));
        }
        // Each boundary's gap as an interval of the parameter; text that
        // belongs to a merged cell may make one of them wrong, so the
        // parameter satisfies as many of them as it can.
        let intervals: Vec<(f64, f64)> = gaps[start..=end]
            .iter()
            .zip(&st)
            .map(|(&(a, b), &(s, t))| if s > 0.0 { (a - t, b - t) } else { (t - b, t - a) })
            .collect();
        let Some((lo, hi)) =
            most_covered(&intervals).filter(|m| 2 * m.2 >= intervals.len()).map(|m| (m.0, m.1))
        else {
            // Inconsistent centres: each boundary on its own.
            for (i, &(a, b)) in gaps.iter().enumerate().take(end + 1).skip(start) {
                out[i] = match (a.is_finite(), b.is_finite()) {
                    (true, true) => (a + b) / 2.0,
                    (true, false) => a,
                    (false, true) => b,
                    (false, false) => 0.0,
                };
            }
            start = end + 1;
            continue;
        };
        let fits = |p: f64| p >= lo - ANCHOR_SLACK && p <= hi + ANCHOR_SLACK;
        let from = |j: usize, v: f64| (v - st[j].1) / st[j].0;
        let anchored = [
            (start == 0).then_some(()).and(anchors.0).map(|v| from(0, v)),
            (end + 1 == n).then_some(()).and(anchors.1).map(|v| from(end - start, v)),
        ]
        .into_iter()
        .flatten()
        .find(|&p| fits(p));
        let votes: Vec<f64> = spans
            .iter()
            .filter(|&&(i, j, _)| i >= start && j <= end && i < j)
            .filter_map(|&(i, j, c)| {
                let ((si, ti), (sj, tj)) = (st[i - start], st[j - start]);
                (si + sj != 0.0).then(|| (2.0 * c - ti - tj) / (si + sj))
            })
            .filter(|&p| fits(p))
            .collect();
        let p =
            anchored.or_else(|| median(&votes)).unwrap_or(match (lo.is_finite(), hi.is_finite()) {
                (true, true) => (lo + hi) / 2.0,
                (true, false) => lo,
                (false, true) => hi,
                (false, false) => 0.0,
            });
        for (j, &(s, t)) in st.iter().enumerate() {
            out[start + j] = s * p + t;
        }
        start = end + 1;
    }
    out
}

/// The intersection of the largest set of `intervals` that share a point,
/// with that set's size; `None` for no intervals.
fn most_covered(intervals: &[(f64, f64)]) -> Option<(f64, f64, usize)> {
    let points = intervals.iter().flat_map(|&(a, b)| [a, b]).filter(|p| p.is_finite());
    let mut best: Option<(f64, f64, usize)> = None;
    for p in points.chain(std::iter::once(0.0)) {
        let inside: Vec<&(f64, f64)> =
            intervals.iter().filter(|(a, b)| *a <= p && p <= *b).collect();
        if best.is_some_and(|b| b.2 >= inside.len()) || inside.is_empty() {
            continue;
        }
        let lo = inside.iter().map(|i| i.0).fold(f64::NEG_INFINITY, f64::max);
        let hi = inside.iter().map(|i| i.1).fold(f64::INFINITY, f64::min);
        best = Some((lo, hi, inside.len()));
    }
    best
}

/// How far an anchor or a vote may fall outside a chain's feasible interval
/// and still fix it (text drawn right up to a cell edge). PDF points.
pub const ANCHOR_SLACK: f64 = 0.5;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_by_key_groups_chains_and_handles_empty() {
        let v = [10.0, 1.0, 1.5, 30.0, 2.2, 10.4];
        assert_eq!(cluster_by_key(&v, |x| *x, 1.0), vec![vec![1, 2, 4], vec![0, 5], vec![3]]);
        assert!(cluster_by_key(&[] as &[f64], |x| *x, 1.0).is_empty());
        assert_eq!(cluster_means(&v, 1.0).len(), 3);
        assert!((cluster_means(&[1.0, 2.0], 1.0)[0] - 1.5).abs() < 1e-9);
    }

    #[test]
    fn nan_keys_do_not_panic() {
        let v = [1.0, f64::NAN, 2.0];
        assert_eq!(cluster_by_key(&v, |x| *x, 1.0).len(), 2);
        assert_eq!(median(&v), Some(2.0));
    }

    #[test]
    fn merge_and_subtract_intervals() {
        assert_eq!(
            merge_intervals(&[(5.0, 7.0), (0.0, 2.0), (2.5, 3.0)], 0.5),
            vec![(0.0, 3.0), (5.0, 7.0)]
        );
        assert!(merge_intervals(&[], 1.0).is_empty());
        assert_eq!(
            subtract_intervals((0.0, 10.0), &[(2.0, 3.0), (8.0, 12.0)]),
            vec![(0.0, 2.0), (3.0, 8.0)]
        );
        assert_eq!(subtract_intervals((0.0, 10.0), &[]), vec![(0.0, 10.0)]);
        assert!(subtract_intervals((0.0, 10.0), &[(-1.0, 11.0)]).is_empty());
    }

    #[test]
    fn slots_and_indices() {
        let lines = [0.0, 10.0, 20.0];
        assert_eq!(slot_of(&lines, 5.0), Some(0));
        assert_eq!(slot_of(&lines, 10.0), Some(1));
        assert_eq!(slot_of(&lines, 20.0), Some(1));
        assert_eq!(slot_of(&lines, 25.0), None);
        assert_eq!(slot_of(&[], 1.0), None);
        assert_eq!(index_of(&lines, 10.0), Some(1));
        assert_eq!(index_of(&lines, 11.0), None);
        assert_eq!(overlap(0.0, 5.0, 3.0, 9.0), 2.0);
        assert_eq!(overlap(0.0, 1.0, 3.0, 9.0), 0.0);
        let b = BBox { x0: 0.0, top: 0.0, x1: 1.0, bottom: 1.0 };
        assert_eq!(union_all([&b]), Some(b));
        assert_eq!(union_all(std::iter::empty()), None);
    }
    #[test]
    fn centred_boundaries_chain_votes_and_anchors() {
        let inf = f64::INFINITY;
        // Two centred slots (centres 10 and 30): b0 + b1 = 20, b1 + b2 = 60.
        let gaps = [(-inf, 5.0), (14.0, 16.0), (44.0, inf)];
        let c = [Some(10.0), Some(30.0)];
        // Feasible b0 is [4, 5]: its midpoint.
        let b = centred_boundaries(&gaps, &c, &[], (None, None));
        assert!((b[0] - 4.5).abs() < 1e-9 && (b[1] - 15.5).abs() < 1e-9);
        // A span across both slots centred on 24.2: b0 + b2 = 2 b0 + 40.
        let b = centred_boundaries(&gaps, &c, &[(0, 2, 24.2)], (None, None));
        assert!((b[0] - 4.2).abs() < 1e-9 && (b[2] - 44.2).abs() < 1e-9);
        let b = centred_boundaries(&gaps, &c, &[], (Some(5.0), None));
        assert!((b[0] - 5.0).abs() < 1e-9 && (b[1] - 15.0).abs() < 1e-9);
        // No centres: each boundary alone.
        let b = centred_boundaries(&[(-inf, 5.0), (8.0, 12.0)], &[None], &[], (None, None));
        assert_eq!(b, vec![5.0, 10.0]);
        assert!(centred_boundaries(&[], &[], &[], (None, None)).is_empty());
    }
}
