//! The scoring rules and the rounding tolerances every check shares.
//!
//! The rounding rule: a value printed with 2 decimals stands for any number
//! within half a unit of its last digit ([`HALF_UNIT`]), so two printed
//! values are compared within the half units of every printed number that
//! went into them (the accumulated rounding), plus [`FLOAT_SLACK`] for binary
//! floating point. Each tolerance below spells out its sum.

/// Half a unit of the last printed digit of a 2-decimal value (0.005, in the
/// value's own unit: points, 万元 or percentage points).
pub const HALF_UNIT: f64 = 0.005;

/// One unit of the last printed digit of a 2-decimal rate (0.01 percentage
/// points): the most a truncated rate can lie below the exact one.
pub const RATE_UNIT: f64 = 0.01;

/// Slack for binary floating point, far below any printed digit (points).
pub const FLOAT_SLACK: f64 = 1e-6;

/// Tolerance of `weights_sum` (points). Weights are set by the form's
/// designer, never computed, so only the printed total's half unit counts.
pub const WEIGHTS_SUM_TOLERANCE: f64 = HALF_UNIT + FLOAT_SLACK;

/// Tolerance of `scores_sum` (points), fixed by SCHEMA.md at 0.011: half a
/// unit of the printed total (0.005), half a unit of the fund score (0.005,
/// the one term computed from a rate and rounded before it is added), and
/// 0.001 for a fund score computed from the unrounded rate (one rate unit
/// 0.01 × a weight of 10 / 100).
pub const SCORES_SUM_TOLERANCE: f64 = 0.011;

/// Tolerance of comparing a score with its weight (points): both are printed
/// with 2 decimals from the same cell layout, so only float slack.
pub const SCORE_WEIGHT_TOLERANCE: f64 = FLOAT_SLACK;

/// A printed indicator score further than this from the rescored one gives
/// `rescore_differs` (points), per the issue: publishers round partial marks
/// to halves or whole points, so smaller gaps are house rounding, not a
/// different rule.
pub const RESCORE_TOLERANCE: f64 = 0.5;

/// Tolerance between a 预算执行率 (budget execution rate) indicator's actual
/// and the funds block's rate (percentage points): one block may print the
/// rate rounded and the other truncated, which differ by up to one unit.
pub const RATE_CONSISTENCY_TOLERANCE: f64 = RATE_UNIT + FLOAT_SLACK;

/// Added before rounding to 2 decimals so that a product such as
/// 85.35 × 10 / 100, exactly 8.535 on paper but 8.53499… in binary, rounds
/// half up as the publisher's spreadsheet did (hundredths of a point).
const ROUND_NUDGE: f64 = 1e-6;

/// Hundredths per unit: rates and scores are printed with 2 decimals.
const HUNDREDTHS: f64 = 100.0;

/// A rate is capped at this before it scores (percent): over-spending earns
/// no more than full marks.
pub const RATE_CAP: f64 = 100.0;

/// 优 (excellent): total score at or above this (points).
pub const EXCELLENT_MIN: f64 = 90.0;
/// 良 (good): total score at or above this, below [`EXCELLENT_MIN`] (points).
pub const GOOD_MIN: f64 = 80.0;
/// 中 (fair): total score at or above this, below [`GOOD_MIN`] (points).
pub const FAIR_MIN: f64 = 60.0;

/// 优 (excellent).
pub const EXCELLENT: &str = "优";
/// 良 (good).
pub const GOOD: &str = "良";
/// 中 (fair).
pub const FAIR: &str = "中";
/// 差 (poor).
pub const POOR: &str = "差";

/// Half a unit of the last printed digit of a value printed with
/// `decimals` decimals (0.005 for 2, 0.05 for 1): what the printed number
/// may differ from the one it stands for. Values whose precision is unknown
/// count as printed with 2 decimals, as the forms print them.
pub fn half_unit(decimals: Option<u8>) -> f64 {
    unit(decimals) / 2.0
}

/// One unit of the last printed digit (0.01 for 2 decimals): the most a
/// truncated value lies below the exact one.
pub fn unit(decimals: Option<u8>) -> f64 {
    10f64.powi(-i32::from(decimals.unwrap_or(2)))
}

/// Rounds half up to 2 decimals, as the publishers' spreadsheets print.
pub fn round2(x: f64) -> f64 {
    ((x * HUNDREDTHS).abs() + ROUND_NUDGE).round().copysign(x) / HUNDREDTHS
}

/// Truncates to 2 decimals, as the Putuo forms print their rates.
pub fn trunc2(x: f64) -> f64 {
    ((x * HUNDREDTHS).abs() + ROUND_NUDGE).floor().copysign(x) / HUNDREDTHS
}

/// The grade a total score earns: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60.
pub fn grade_for(total: f64) -> &'static str {
    if total >= EXCELLENT_MIN - FLOAT_SLACK {
        EXCELLENT
    } else if total >= GOOD_MIN - FLOAT_SLACK {
        GOOD
    } else if total >= FAIR_MIN - FLOAT_SLACK {
        FAIR
    } else {
        POOR
    }
}

/// The grade a printed grade text names, by its first character
/// (`优秀` → 优, `良好` → 良); None for any other wording.
pub fn grade_named(text: &str) -> Option<&'static str> {
    [EXCELLENT, GOOD, FAIR, POOR].into_iter().find(|g| text.trim_start().starts_with(g))
}

/// The fund score the usual rule gives: min(rate, 100) × weight / 100.
pub fn fund_score(rate: f64, weight: f64) -> f64 {
    rate.min(RATE_CAP) * weight / HUNDREDTHS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round2_rounds_half_up_through_binary_noise() {
        assert_eq!(round2(85.35 * 10.0 / 100.0), 8.54);
        assert_eq!(round2(96.85 * 10.0 / 100.0), 9.69);
        assert_eq!(round2(9.446), 9.45);
        assert_eq!(round2(0.0), 0.0);
    }

    #[test]
    fn trunc2_truncates() {
        assert_eq!(trunc2(28.27 / 28.47 * 100.0), 99.29);
        assert_eq!(trunc2(19.6 / 19.8 * 100.0), 98.98);
        assert_eq!(trunc2(76.6), 76.6);
    }

    #[test]
    fn grades_at_their_thresholds() {
        assert_eq!(grade_for(90.0), EXCELLENT);
        assert_eq!(grade_for(89.99), GOOD);
        assert_eq!(grade_for(80.0), GOOD);
        assert_eq!(grade_for(79.99), FAIR);
        assert_eq!(grade_for(60.0), FAIR);
        assert_eq!(grade_for(59.99), POOR);
    }

    #[test]
    fn grade_names_by_first_character() {
        assert_eq!(grade_named("优"), Some(EXCELLENT));
        assert_eq!(grade_named("良好"), Some(GOOD));
        assert_eq!(grade_named("合格"), None);
    }
}
