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
}
