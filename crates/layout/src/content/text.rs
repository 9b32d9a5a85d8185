//! Text showing: turns decoded characters into glyph boxes and advances the
//! text matrix (ISO 32000-1, 9.4.4).

use super::ops::TextItem;
use super::state::Matrix;
use super::Interpreter;
use crate::{BBox, Glyph, WarningKind};

/// Text render mode 7: add to the clipping path only, paint nothing. Mode 3
/// (invisible, used for the OCR layer of scans) is kept: its text is real.
const RENDER_MODE_CLIP_ONLY: i64 = 7;

/// Vertical writing: default vertical origin and advance (`/DW2 [880 -1000]`),
/// in em.
const VERTICAL_ORIGIN_Y: f64 = 0.88;
const VERTICAL_ADVANCE: f64 = -1.0;

impl Interpreter<'_, '_> {
    pub(super) fn show_text_array(&mut self, items: &[TextItem]) {
        for item in items {
            match item {
                TextItem::Text(bytes) => self.show_text(bytes),
                TextItem::Adjust(adj) => {
                    let ts = &self.gs.text;
                    let shift = -adj / 1000.0 * ts.size;
                    let vertical = ts.font.as_ref().is_some_and(|f| f.vertical);
                    let m = if vertical {
                        Matrix::translate(0.0, shift)
                    } else {
                        Matrix::translate(shift * ts.horizontal_scaling, 0.0)
                    };
                    self.tm = m.then(&self.tm);
                }
            }
        }
    }

    /// Text drawn at a slant is a watermark or a stamp, never table text:
    /// table text runs along the page axes (upright or turned 90°).
    pub(super) fn show_text(&mut self, bytes: &[u8]) {
        let Some(font) = self.gs.text.font.clone() else {
            return;
        };
        let ts = self.gs.text.clone();
        let slanted = !is_axis_aligned(&self.tm.then(&self.gs.ctm));
        if slanted && !self.warned_slant {
            self.warned_slant = true;
            self.warn(WarningKind::SlantedText);
        }
        let emit = ts.render_mode != RENDER_MODE_CLIP_ONLY && !slanted;
        let chars = font.decode(bytes);
        self.count_glyphs(&font, &chars);
        for ch in chars {
            let spacing = ts.char_spacing + if ch.is_word_space { ts.word_spacing } else { 0.0 };
            // Text space → page space.
            let trm = Matrix([ts.size * ts.horizontal_scaling, 0.0, 0.0, ts.size, 0.0, ts.rise])
                .then(&self.tm)
                .then(&self.gs.ctm);
            if emit {
                let (x0, x1, y0, y1) = if font.vertical {
                    (
                        -ch.width / 2.0,
                        ch.width / 2.0,
                        font.descent - VERTICAL_ORIGIN_Y,
                        font.ascent - VERTICAL_ORIGIN_Y,
                    )
                } else {
                    (0.0, ch.width, font.descent, font.ascent)
                };
                let corners =
                    [trm.apply(x0, y0), trm.apply(x1, y0), trm.apply(x0, y1), trm.apply(x1, y1)];
                let bbox = BBox {
                    x0: corners.iter().map(|p| p.0).fold(f64::INFINITY, f64::min),
                    top: corners.iter().map(|p| p.1).fold(f64::INFINITY, f64::min),
                    x1: corners.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max),
                    bottom: corners.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max),
                };
                let font_size = ts.size.abs() * self.tm.then(&self.gs.ctm).y_scale();
                if [bbox.x0, bbox.top, bbox.x1, bbox.bottom, font_size]
                    .iter()
                    .all(|v| v.is_finite())
                {
                    let baseline = trm.apply(0.0, 0.0).1;
                    let page = self.page;
                    self.emit_glyph(Glyph { text: ch.text, bbox, font_size, page, baseline });
                }
            }
            let advance = if font.vertical {
                Matrix::translate(0.0, VERTICAL_ADVANCE * ts.size + spacing)
            } else {
                Matrix::translate((ch.width * ts.size + spacing) * ts.horizontal_scaling, 0.0)
            };
            self.tm = advance.then(&self.tm);
        }
    }
}

/// The largest slant of a text baseline, in degrees off the page axes, that
/// still counts as upright text: watermarks lean 30–60°, rounding in real
/// producers' matrices stays far below a degree.
const MAX_TEXT_SLANT_DEGREES: f64 = 2.0;

/// Whether a matrix draws text along the page axes (any multiple of 90°).
fn is_axis_aligned(m: &Matrix) -> bool {
    let [a, b, ..] = m.0;
    if a == 0.0 && b == 0.0 {
        return true;
    }
    let angle = b.atan2(a).to_degrees().rem_euclid(90.0);
    angle.min(90.0 - angle) <= MAX_TEXT_SLANT_DEGREES
}

#[cfg(test)]
mod slant_tests {
    use super::*;

    #[test]
    fn upright_and_quarter_turns_are_axis_aligned() {
        assert!(is_axis_aligned(&Matrix([12.0, 0.0, 0.0, 12.0, 5.0, 5.0])));
        assert!(is_axis_aligned(&Matrix([0.0, 12.0, -12.0, 0.0, 5.0, 5.0])));
        assert!(is_axis_aligned(&Matrix([-12.0, 0.0, 0.0, -12.0, 0.0, 0.0])));
        let (s, c) = 35f64.to_radians().sin_cos();
        assert!(!is_axis_aligned(&Matrix([44.0 * c, 44.0 * s, -44.0 * s, 44.0 * c, 0.0, 0.0])));
    }
}
