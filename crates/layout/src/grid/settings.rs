//! Every tolerance of the grid builder, behind one builder.

use serde::Serialize;

/// Default snap tolerance: rulings closer than this across their axis are
/// moved onto their mean position. pdfplumber's `snap_tolerance`. PDF points.
pub const DEFAULT_SNAP_TOLERANCE: f64 = 3.0;
/// Default join tolerance: collinear segments with a gap up to this along
/// their axis become one ruling. pdfplumber's `join_tolerance`. PDF points.
pub const DEFAULT_JOIN_TOLERANCE: f64 = 3.0;
/// Default intersection tolerance: how far a ruling may stop short of another
/// and still cross it. pdfplumber's `intersection_tolerance`. PDF points.
pub const DEFAULT_INTERSECTION_TOLERANCE: f64 = 3.0;
/// Default minimum ruling length after joining; shorter ones (tick marks,
/// underlines of a glyph) are dropped. pdfplumber's `edge_min_length`. PDF
/// points.
pub const DEFAULT_MIN_RULING_LENGTH: f64 = 3.0;
/// Default fake-bold dedupe tolerance: a glyph with the same text as an
/// earlier one drawn within this distance (on both axes) is a duplicate.
/// The corpus `cid` files overprint 0.3 pt apart. PDF points.
pub const DEFAULT_DEDUPE_TOLERANCE: f64 = 0.5;
/// Default slack for [`GlyphRule::Inside`]: how far a glyph may stick out of
/// its cell. PDF points.
pub const DEFAULT_INSIDE_SLACK: f64 = 1.0;

/// Where the grid lines of one axis come from (pdfplumber's
/// `vertical_strategy` / `horizontal_strategy`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Strategy {
    /// The page's ruling lines of that orientation.
    Lines,
    /// Lines inferred from the text: column boundaries from word alignment,
    /// row boundaries from the gaps between lines ("stream").
    Text,
    /// `Lines` when the page has at least two usable rulings of that
    /// orientation after merging, else `Text`.
    Auto,
}

/// Which glyphs belong to a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum GlyphRule {
    /// The glyph's centre lies inside the cell (pdfplumber's rule).
    Centre,
    /// As `Centre`, but a run of touching glyphs on one line (no gap wider
    /// than a space) that sticks out across a cell edge stays whole in the
    /// cell of its first glyph: text that overflows its cell (the corpus
    /// `cid` producer lets a line run past the border) is not split.
    Word,
    /// The whole glyph box lies inside the cell, give or take the inside
    /// slack. Glyphs that overflow their cell become free text.
    Inside,
}

/// The grid builder's settings: strategies per axis and every tolerance.
/// Built with [`LatticeBuilder`]; `Clone`, cheap, and reusable across pages,
/// files and threads.
///
/// ```
/// use jixiao_layout::grid::{LatticeSettings, Strategy};
/// let s = LatticeSettings::builder().snap(2.0).snap_y(1.0).build().unwrap();
/// assert_eq!((s.snap_x(), s.snap_y()), (2.0, 1.0));
/// assert_eq!(s.vertical_strategy(), Strategy::Auto);
/// assert!(LatticeSettings::builder().join(-1.0).build().is_err());
/// ```
#[derive(Clone, Debug, Default)]
pub struct LatticeSettings {
    config: Config,
}

/// The resolved settings (x/y variants already fallen back to the shared
/// value).
#[derive(Clone, Debug, PartialEq)]
struct Config {
    /// Strategy for the horizontal grid lines (row boundaries).
    horizontal_strategy: Strategy,
    /// Strategy for the vertical grid lines (column boundaries).
    vertical_strategy: Strategy,
    /// Snap tolerance for vertical rulings (their x), points.
    snap_x: f64,
    /// Snap tolerance for horizontal rulings (their y), points.
    snap_y: f64,
    /// Join tolerance along x (horizontal rulings), points.
    join_x: f64,
    /// Join tolerance along y (vertical rulings), points.
    join_y: f64,
    /// Intersection tolerance along x, points.
    intersection_x: f64,
    /// Intersection tolerance along y, points.
    intersection_y: f64,
    /// Minimum ruling length after joining, points.
    min_ruling_length: f64,
    /// Which glyphs belong to a cell.
    glyph_rule: GlyphRule,
    /// Slack for [`GlyphRule::Inside`], points.
    inside_slack: f64,
    /// Add a closing ruling where a table runs off the page.
    close_open_tables: bool,
    /// Fake-bold dedupe tolerance along x, points.
    dedupe_x: f64,
    /// Fake-bold dedupe tolerance along y, points.
    dedupe_y: f64,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            horizontal_strategy: Strategy::Auto,
            vertical_strategy: Strategy::Auto,
            snap_x: DEFAULT_SNAP_TOLERANCE,
            snap_y: DEFAULT_SNAP_TOLERANCE,
            join_x: DEFAULT_JOIN_TOLERANCE,
            join_y: DEFAULT_JOIN_TOLERANCE,
            intersection_x: DEFAULT_INTERSECTION_TOLERANCE,
            intersection_y: DEFAULT_INTERSECTION_TOLERANCE,
            min_ruling_length: DEFAULT_MIN_RULING_LENGTH,
            glyph_rule: GlyphRule::Word,
            inside_slack: DEFAULT_INSIDE_SLACK,
            close_open_tables: true,
            dedupe_x: DEFAULT_DEDUPE_TOLERANCE,
            dedupe_y: DEFAULT_DEDUPE_TOLERANCE,
        }
    }
}

impl LatticeSettings {
    /// A builder starting from the defaults.
    pub fn builder() -> LatticeBuilder {
        LatticeBuilder::default()
    }
    /// Strategy for row boundaries.
    pub fn horizontal_strategy(&self) -> Strategy {
        self.config.horizontal_strategy
    }
    /// Strategy for column boundaries.
    pub fn vertical_strategy(&self) -> Strategy {
        self.config.vertical_strategy
    }
    /// Snap tolerance for vertical rulings, points.
    pub fn snap_x(&self) -> f64 {
        self.config.snap_x
    }
    /// Snap tolerance for horizontal rulings, points.
    pub fn snap_y(&self) -> f64 {
        self.config.snap_y
    }
    /// Join tolerance along x, points.
    pub fn join_x(&self) -> f64 {
        self.config.join_x
    }
    /// Join tolerance along y, points.
    pub fn join_y(&self) -> f64 {
        self.config.join_y
    }
    /// Intersection tolerance along x, points.
    pub fn intersection_x(&self) -> f64 {
        self.config.intersection_x
    }
    /// Intersection tolerance along y, points.
    pub fn intersection_y(&self) -> f64 {
        self.config.intersection_y
    }
    /// Minimum ruling length, points.
    pub fn min_ruling_length(&self) -> f64 {
        self.config.min_ruling_length
    }
    /// Which glyphs belong to a cell.
    pub fn glyph_rule(&self) -> GlyphRule {
        self.config.glyph_rule
    }
    /// Slack for [`GlyphRule::Inside`], points.
    pub fn inside_slack(&self) -> f64 {
        self.config.inside_slack
    }
    /// Whether tables cut by a page break get a closing ruling.
    pub fn close_open_tables(&self) -> bool {
        self.config.close_open_tables
    }
    /// Fake-bold dedupe tolerance along x, points.
    pub fn dedupe_x(&self) -> f64 {
        self.config.dedupe_x
    }
    /// Fake-bold dedupe tolerance along y, points.
    pub fn dedupe_y(&self) -> f64 {
        self.config.dedupe_y
    }
}

/// Builds [`LatticeSettings`]. Each tolerance has a shared setter and x/y
/// setters; an x/y value that is not set falls back to the shared one.
/// [`LatticeBuilder::build`] rejects negative, NaN and infinite values.
#[derive(Clone, Debug, Default)]
pub struct LatticeBuilder {
    horizontal_strategy: Option<Strategy>,
    vertical_strategy: Option<Strategy>,
    snap: Option<f64>,
    snap_x: Option<f64>,
    snap_y: Option<f64>,
    join: Option<f64>,
    join_x: Option<f64>,
    join_y: Option<f64>,
    intersection: Option<f64>,
    intersection_x: Option<f64>,
    intersection_y: Option<f64>,
    min_ruling_length: Option<f64>,
    glyph_rule: Option<GlyphRule>,
    inside_slack: Option<f64>,
    close_open_tables: Option<bool>,
    dedupe: Option<f64>,
    dedupe_x: Option<f64>,
    dedupe_y: Option<f64>,
}

macro_rules! setter {
    ($(#[$doc:meta])* $name:ident, $ty:ty) => {
        $(#[$doc])*
        pub fn $name(&mut self, value: $ty) -> &mut LatticeBuilder {
            self.$name = Some(value);
            self
        }
    };
}

impl LatticeBuilder {
    setter!(
        /// Where row boundaries come from. By default, [`Strategy::Auto`].
        horizontal_strategy, Strategy
    );
    setter!(
        /// Where column boundaries come from. By default, [`Strategy::Auto`].
        vertical_strategy, Strategy
    );
    setter!(
        /// Snap tolerance on both axes: rulings this close across their axis
        /// are moved to their mean position. By default, 3.0 points.
        snap, f64
    );
    setter!(
        /// Snap tolerance for vertical rulings (their x). By default, the
        /// shared snap tolerance, 3.0 points.
        snap_x, f64
    );
    setter!(
        /// Snap tolerance for horizontal rulings (their y). By default, the
        /// shared snap tolerance, 3.0 points.
        snap_y, f64
    );
    setter!(
        /// Join tolerance on both axes: collinear segments with a gap up to
        /// this become one ruling. By default, 3.0 points.
        join, f64
    );
    setter!(
        /// Join tolerance along x (horizontal rulings). By default, the shared
        /// join tolerance, 3.0 points.
        join_x, f64
    );
    setter!(
        /// Join tolerance along y (vertical rulings). By default, the shared
        /// join tolerance, 3.0 points.
        join_y, f64
    );
    setter!(
        /// Intersection tolerance on both axes: how far a ruling may stop
        /// short of another and still cross it. By default, 3.0 points.
        intersection, f64
    );
    setter!(
        /// Intersection tolerance along x. By default, the shared
        /// intersection tolerance, 3.0 points.
        intersection_x, f64
    );
    setter!(
        /// Intersection tolerance along y. By default, the shared
        /// intersection tolerance, 3.0 points.
        intersection_y, f64
    );
    setter!(
        /// Rulings shorter than this after joining are dropped. By default,
        /// 3.0 points.
        min_ruling_length, f64
    );
    setter!(
        /// Which glyphs belong to a cell. By default, [`GlyphRule::Word`]
        /// (no unit).
        glyph_rule, GlyphRule
    );
    setter!(
        /// How far a glyph may stick out of its cell under
        /// [`GlyphRule::Inside`]. By default, 1.0 points.
        inside_slack, f64
    );
    setter!(
        /// Where vertical rulings run on past a table's last (or first)
        /// horizontal ruling, as at a page break, add a horizontal ruling at
        /// their end (see `rulings_to_closing_rulings`). By default, true
        /// (no unit).
        close_open_tables, bool
    );
    setter!(
        /// Fake-bold dedupe tolerance on both axes: a glyph with the same text
        /// as an earlier one within this distance counts once. By default,
        /// 0.5 points.
        dedupe, f64
    );
    setter!(
        /// Fake-bold dedupe tolerance along x. By default, the shared dedupe
        /// tolerance, 0.5 points.
        dedupe_x, f64
    );
    setter!(
        /// Fake-bold dedupe tolerance along y. By default, the shared dedupe
        /// tolerance, 0.5 points.
        dedupe_y, f64
    );

    /// Checks every value and resolves the x/y fallbacks.
    pub fn build(&self) -> Result<LatticeSettings, crate::Error> {
        let d = Config::default();
        let pick = |name: &'static str, own: Option<f64>, shared: Option<f64>, default: f64| {
            let value = own.or(shared).unwrap_or(default);
            if value.is_finite() && value >= 0.0 {
                Ok(value)
            } else {
                Err(crate::Error::Setting { name, value })
            }
        };
        let config = Config {
            horizontal_strategy: self.horizontal_strategy.unwrap_or(d.horizontal_strategy),
            vertical_strategy: self.vertical_strategy.unwrap_or(d.vertical_strategy),
            snap_x: pick("snap_x", self.snap_x, self.snap, d.snap_x)?,
            snap_y: pick("snap_y", self.snap_y, self.snap, d.snap_y)?,
            join_x: pick("join_x", self.join_x, self.join, d.join_x)?,
            join_y: pick("join_y", self.join_y, self.join, d.join_y)?,
            intersection_x: pick(
                "intersection_x",
                self.intersection_x,
                self.intersection,
                d.intersection_x,
            )?,
            intersection_y: pick(
                "intersection_y",
                self.intersection_y,
                self.intersection,
                d.intersection_y,
            )?,
            min_ruling_length: pick(
                "min_ruling_length",
                self.min_ruling_length,
                None,
                d.min_ruling_length,
            )?,
            glyph_rule: self.glyph_rule.unwrap_or(d.glyph_rule),
            inside_slack: pick("inside_slack", self.inside_slack, None, d.inside_slack)?,
            close_open_tables: self.close_open_tables.unwrap_or(d.close_open_tables),
            dedupe_x: pick("dedupe_x", self.dedupe_x, self.dedupe, d.dedupe_x)?,
            dedupe_y: pick("dedupe_y", self.dedupe_y, self.dedupe, d.dedupe_y)?,
        };
        Ok(LatticeSettings { config })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xy_fall_back_to_shared_and_defaults() {
        let s = LatticeSettings::builder().join(1.0).join_x(2.0).build().unwrap();
        assert_eq!((s.join_x(), s.join_y()), (2.0, 1.0));
        assert_eq!(s.snap_x(), DEFAULT_SNAP_TOLERANCE);
        assert_eq!(
            LatticeSettings::default().config,
            LatticeSettings::builder().build().unwrap().config
        );
    }

    #[test]
    fn negative_and_nan_rejected() {
        let e = LatticeSettings::builder().dedupe_y(-0.1).build().unwrap_err();
        assert!(matches!(e, crate::Error::Setting { name: "dedupe_y", .. }), "{e}");
        assert!(LatticeSettings::builder().snap(f64::NAN).build().is_err());
        assert!(LatticeSettings::builder().min_ruling_length(0.0).build().is_ok());
    }
}
