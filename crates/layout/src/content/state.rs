//! Graphics and text state: matrices, the `q`/`Q` stack entries, text parameters.

use std::sync::Arc;

use crate::font::Font;

/// An affine transform `[a b c d e f]` as PDF writes it: a point `(x, y)`
/// maps to `(a·x + c·y + e, b·x + d·y + f)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Matrix(pub [f64; 6]);

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A translation.
    pub fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` then `then`: the matrix that applies `self` first
    /// (PDF's `self × then`, as in `cm`: new CTM = M × CTM).
    pub fn then(&self, then: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = then.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// Maps a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    /// Length of the image of the unit vector along y (the vertical scale).
    pub fn y_scale(&self) -> f64 {
        let [_, _, c, d, _, _] = self.0;
        c.hypot(d)
    }

    /// True when every entry is finite.
    pub fn is_finite(&self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

/// Text state parameters (ISO 32000-1, 9.3), saved by `q` with the rest.
#[derive(Clone, Debug)]
pub struct TextState {
    /// `Tc`, unscaled text space units.
    pub char_spacing: f64,
    /// `Tw`, unscaled text space units.
    pub word_spacing: f64,
    /// `Tz` / 100.
    pub horizontal_scaling: f64,
    /// `TL`.
    pub leading: f64,
    /// The font set by `Tf`, if any was found.
    pub font: Option<Arc<Font>>,
    /// `Tf` size.
    pub size: f64,
    /// `Tr`.
    pub render_mode: i64,
    /// `Ts`.
    pub rise: f64,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scaling: 1.0,
            leading: 0.0,
            font: None,
            size: 0.0,
            render_mode: 0,
            rise: 0.0,
        }
    }
}

/// What `q` saves and `Q` restores.
#[derive(Clone, Debug)]
pub struct GraphicsState {
    /// Current transformation matrix, user space → page space (points, top-left origin).
    pub ctm: Matrix,
    /// Text parameters.
    pub text: TextState,
    /// The stroke colour prints white (an invisible border).
    pub stroke_white: bool,
    /// The fill colour prints white.
    pub fill_white: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_applies_left_first() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
        assert_eq!(Matrix::IDENTITY.then(&shift), shift);
    }

    #[test]
    fn y_scale_of_rotation_is_one() {
        let rot = Matrix([0.0, 1.0, -1.0, 0.0, 0.0, 0.0]);
        assert!((rot.y_scale() - 1.0).abs() < 1e-12);
    }
}
