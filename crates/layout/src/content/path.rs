//! Path construction and painting, reduced to what tables need: straight
//! horizontal and vertical segments. Points are stored in page space (the
//! CTM, rotation and top-left flip already applied), so a ruling's axis is
//! the page's axis whatever the producer's transforms.

use crate::{Orientation, Ruling};

/// How far from exactly horizontal or vertical a segment may lean and still
/// count as a ruling: the ratio of its minor to its major extent (0.02 is
/// about 1.1 degrees). Unitless.
pub const MAX_RULING_SLOPE: f64 = 0.02;

/// A filled rectangle at most this thick (in either direction) is a border
/// line drawn as a rectangle (Chromium/Skia, WPS, Word). In PDF points.
pub const MAX_THIN_RECT: f64 = 3.0;

/// Segments shorter than this are dots, not rulings. In PDF points.
const MIN_SEGMENT_LENGTH: f64 = 0.01;

type Point = (f64, f64);

#[derive(Clone, Debug, Default)]
struct Subpath {
    points: Vec<Point>,
    has_curve: bool,
}

/// The path under construction.
#[derive(Clone, Debug, Default)]
pub struct Path {
    /// Straight segments for stroking.
    lines: Vec<(Point, Point)>,
    /// Finished subpaths and the open one (last), for filling.
    subpaths: Vec<Subpath>,
    current: Option<Point>,
    start: Option<Point>,
}

/// At most this many segments are kept per path; the rest are dropped (a
/// path is bounded by the operator limit anyway, this keeps memory flat).
const MAX_PATH_SEGMENTS: usize = 100_000;

impl Path {
    /// `m`.
    pub fn move_to(&mut self, p: Point) {
        self.subpaths.push(Subpath { points: vec![p], has_curve: false });
        self.current = Some(p);
        self.start = Some(p);
    }

    /// `l`. A `l` without a current point starts a subpath there.
    pub fn line_to(&mut self, p: Point) {
        let Some(from) = self.current else {
            self.move_to(p);
            return;
        };
        if self.lines.len() < MAX_PATH_SEGMENTS {
            self.lines.push((from, p));
        }
        if let Some(sub) = self.subpaths.last_mut() {
            sub.points.push(p);
        }
        self.current = Some(p);
    }

    /// `c`, `v`, `y`: curves are never rulings; only the current point moves.
    pub fn curve_to(&mut self, p: Point) {
        if self.current.is_none() {
            self.move_to(p);
        }
        if let Some(sub) = self.subpaths.last_mut() {
            sub.has_curve = true;
            sub.points.push(p);
        }
        self.current = Some(p);
    }

    /// `h`.
    pub fn close(&mut self) {
        if let (Some(from), Some(start)) = (self.current, self.start) {
            if from != start && self.lines.len() < MAX_PATH_SEGMENTS {
                self.lines.push((from, start));
            }
            self.current = Some(start);
        }
    }

    /// `re`, given its four corners already in page space.
    pub fn rect(&mut self, corners: [Point; 4]) {
        self.move_to(corners[0]);
        for p in &corners[1..] {
            self.line_to(*p);
        }
        self.close();
        // `re` leaves the current point at its origin, as a new subpath.
        self.move_to(corners[0]);
    }

    /// True when nothing was drawn since the last paint.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty() && self.subpaths.iter().all(|s| s.points.len() < 2)
    }

    /// Stroking: every straight segment close enough to an axis.
    pub fn stroke_rulings(&self, page: u32) -> Vec<Ruling> {
        self.lines.iter().filter_map(|(a, b)| segment_to_ruling(*a, *b, page)).collect()
    }

    /// Filling: every subpath that is an axis-aligned rectangle at most
    /// [`MAX_THIN_RECT`] thick becomes one ruling along its long axis, at its
    /// centre line.
    pub fn fill_rulings(&self, page: u32) -> Vec<Ruling> {
        self.subpaths
            .iter()
            .filter(|s| !s.has_curve)
            .filter_map(|s| thin_rect_to_ruling(&s.points, page))
            .collect()
    }

    /// Clears the path (after a painting operator or `n`).
    pub fn clear(&mut self) {
        *self = Path::default();
    }
}

/// A straight segment as a ruling, if it is horizontal or vertical within
/// [`MAX_RULING_SLOPE`] and not a dot.
pub fn segment_to_ruling(a: Point, b: Point, page: u32) -> Option<Ruling> {
    let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
    if !(dx.is_finite() && dy.is_finite()) || dx.max(dy) < MIN_SEGMENT_LENGTH {
        return None;
    }
    if dy <= dx * MAX_RULING_SLOPE {
        Some(Ruling {
            orientation: Orientation::Horizontal,
            pos: (a.1 + b.1) / 2.0,
            start: a.0.min(b.0),
            end: a.0.max(b.0),
            page,
        })
    } else if dx <= dy * MAX_RULING_SLOPE {
        Some(Ruling {
            orientation: Orientation::Vertical,
            pos: (a.0 + b.0) / 2.0,
            start: a.1.min(b.1),
            end: a.1.max(b.1),
            page,
        })
    } else {
        None
    }
}

/// A closed polygon of four corners with axis-aligned edges, at most
/// [`MAX_THIN_RECT`] thick, as one ruling along its long axis.
pub fn thin_rect_to_ruling(points: &[Point], page: u32) -> Option<Ruling> {
    let mut corners: Vec<Point> = Vec::with_capacity(5);
    for p in points {
        if corners.last() != Some(p) {
            corners.push(*p);
        }
    }
    if corners.len() == 5 && corners.first() == corners.last() {
        corners.pop();
    }
    if corners.len() != 4 {
        return None;
    }
    let axis_aligned = (0..4).all(|i| {
        let (a, b) = (corners[i], corners[(i + 1) % 4]);
        let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
        dy <= dx * MAX_RULING_SLOPE || dx <= dy * MAX_RULING_SLOPE
    });
    if !axis_aligned {
        return None;
    }
    let x0 = corners.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let x1 = corners.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let y0 = corners.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let y1 = corners.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let (w, h) = (x1 - x0, y1 - y0);
    if !(w.is_finite() && h.is_finite()) || w.min(h) > MAX_THIN_RECT {
        return None;
    }
    Some(if w >= h {
        Ruling {
            orientation: Orientation::Horizontal,
            pos: (y0 + y1) / 2.0,
            start: x0,
            end: x1,
            page,
        }
    } else {
        Ruling {
            orientation: Orientation::Vertical,
            pos: (x0 + x1) / 2.0,
            start: y0,
            end: y1,
            page,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> [Point; 4] {
        [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    }

    #[test]
    fn thin_rect_becomes_centre_line() {
        let r = thin_rect_to_ruling(&rect(10.0, 100.0, 200.0, 1.0), 1).expect("thin");
        assert_eq!(
            r,
            Ruling {
                orientation: Orientation::Horizontal,
                pos: 100.5,
                start: 10.0,
                end: 210.0,
                page: 1
            }
        );
        let r = thin_rect_to_ruling(&rect(50.0, 20.0, 0.5, 80.0), 2).expect("thin");
        assert_eq!(
            r,
            Ruling {
                orientation: Orientation::Vertical,
                pos: 50.25,
                start: 20.0,
                end: 100.0,
                page: 2
            }
        );
        // A cell background is not a ruling.
        assert_eq!(thin_rect_to_ruling(&rect(0.0, 0.0, 100.0, 20.0), 1), None);
        // Exactly the limit still counts.
        assert!(thin_rect_to_ruling(&rect(0.0, 0.0, 100.0, MAX_THIN_RECT), 1).is_some());
    }

    #[test]
    fn closed_polygon_with_repeated_start_is_a_rect() {
        let mut pts = rect(0.0, 0.0, 100.0, 2.0).to_vec();
        pts.push((0.0, 0.0));
        assert!(thin_rect_to_ruling(&pts, 1).is_some());
        // A triangle is not.
        assert_eq!(thin_rect_to_ruling(&[(0.0, 0.0), (100.0, 0.0), (0.0, 2.0)], 1), None);
    }

    #[test]
    fn segments_within_slope_tolerance() {
        assert!(segment_to_ruling((0.0, 0.0), (100.0, 1.0), 1).is_some());
        assert_eq!(segment_to_ruling((0.0, 0.0), (100.0, 10.0), 1), None);
        let v = segment_to_ruling((5.0, 80.0), (5.0, 10.0), 1).expect("vertical");
        assert_eq!((v.orientation, v.start, v.end), (Orientation::Vertical, 10.0, 80.0));
        assert_eq!(segment_to_ruling((1.0, 1.0), (1.0, 1.0), 1), None);
    }

    #[test]
    fn stroked_rect_gives_four_edges_and_fill_gives_none() {
        let mut path = Path::default();
        path.rect(rect(0.0, 0.0, 100.0, 50.0));
        let rulings = path.stroke_rulings(1);
        assert_eq!(rulings.len(), 4);
        assert_eq!(rulings.iter().filter(|r| r.orientation == Orientation::Vertical).count(), 2);
        assert!(path.fill_rulings(1).is_empty());
    }

    #[test]
    fn curves_are_ignored() {
        let mut path = Path::default();
        path.move_to((0.0, 0.0));
        path.curve_to((100.0, 0.0));
        assert!(path.stroke_rulings(1).is_empty());
        assert!(path.fill_rulings(1).is_empty());
    }
}
