//! Cell kinds: every cell gets one before the block parsers look at it
//! (the way cexpr tokenises before it parses).

use crate::text::label_key;

/// What a cell holds, judged from its text alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellKind {
    /// Nothing.
    Empty,
    /// A dash standing for "no value" (`-`, `—`, `－`, `/`).
    Dash,
    /// A plain amount: `103.15`, `3,013.00`, `85.35%`.
    Amount,
    /// A measured value with an operator or a unit: `≥90.00(%)`, `1.00(套)`.
    Measure,
    /// Anything else: labels, names, qualitative values.
    Text,
}

/// Classifies a cell's text.
pub fn cell_kind(text: &str) -> CellKind {
    classify(&label_key(text))
}

/// Classifies a cell's [`label_key`].
pub(crate) fn classify(t: &str) -> CellKind {
    if t.is_empty() {
        return CellKind::Empty;
    }
    if matches!(t, "-" | "—" | "－" | "--" | "——" | "/" | "／" | "–") {
        return CellKind::Dash;
    }
    // Amounts and measures open with a digit, a sign or an operator; most
    // cells are labels and prose, which need no number parse.
    if t.starts_with(char::is_alphabetic) {
        return CellKind::Text;
    }
    if parse_amount(t).is_some() {
        return CellKind::Amount;
    }
    if parse_measure(t).is_some() {
        CellKind::Measure
    } else {
        CellKind::Text
    }
}

/// A label and its amount printed in one cell (`其中:一般公共预算:1,400.00`):
/// the label (up to the last colon) and the amount.
pub fn labelled_amount(text: &str) -> Option<(&str, &str)> {
    let (label, amount) = text.trim().rsplit_once([':', '：'])?;
    let label = label.trim();
    let amount = amount.trim();
    (!label.is_empty() && parse_amount(amount).is_some()).then_some((label, amount))
}

/// The longest trailing unit accepted without brackets, in characters
/// (`人次`, `万元`, `个工作日`): longer tails are prose, not units.
const MAX_BARE_UNIT_CHARS: usize = 6;

/// A measured value: `op number unit`, e.g. `≥90.00(%)`.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The operator in ASCII (`>=`, `<=`, `>`, `<`, `=`), if printed.
    pub op: Option<&'static str>,
    /// The number.
    pub value: f64,
    /// The unit, from brackets or trailing text, if any.
    pub unit: Option<String>,
}

/// Parses `op? number unit?` where the unit is bracketed (`(%)`, `（人次）`)
/// or a short trailing word (`%`, `天`). Anything else is not a measure.
pub fn parse_measure(text: &str) -> Option<Measure> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).map(ascii_digit).collect();
    let (op, rest) = split_operator(&t);
    let num_len = number_prefix_len(rest);
    if num_len == 0 {
        return None;
    }
    let value = parse_amount(&rest[..num_len])?;
    let unit = unit_of(&rest[num_len..])?;
    Some(Measure { op, value, unit })
}

/// A leading comparison operator (≥ ≤ > < = in their ASCII, full-width and
/// math spellings) in ASCII, and the text after it.
pub fn split_operator(t: &str) -> (Option<&'static str>, &str) {
    const OPS: &[(&str, &str)] = &[
        (">=", ">="),
        ("<=", "<="),
        ("≥", ">="),
        ("≤", "<="),
        ("≧", ">="),
        ("≦", "<="),
        ("＞＝", ">="),
        ("＜＝", "<="),
        (">", ">"),
        ("<", "<"),
        ("＞", ">"),
        ("＜", "<"),
        ("==", "="),
        ("=", "="),
        ("＝", "="),
        ("﹦", "="),
    ];
    for (printed, ascii) in OPS {
        if let Some(rest) = t.strip_prefix(printed) {
            return (Some(ascii), rest);
        }
    }
    (None, t)
}

/// Length in bytes of the leading number (sign, digits, thousands commas,
/// decimals).
fn number_prefix_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits_start = i;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b',' && i > digits_start) {
        i += 1;
    }
    if i == digits_start {
        return 0;
    }
    if i < b.len() && b[i] == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    while i > digits_start && b[i - 1] == b',' {
        i -= 1;
    }
    i
}

/// The unit after the number: `Some(None)` for no unit, `None` when the tail
/// is not a unit.
fn unit_of(tail: &str) -> Option<Option<String>> {
    if tail.is_empty() {
        return Some(None);
    }
    for (open, close) in [('(', ')'), ('（', '）'), ('[', ']')] {
        if let Some(inner) = tail.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return (!inner.is_empty() && !inner.contains([open, close]))
                .then(|| Some(inner.to_string()));
        }
    }
    if let Some(unit) = unit_before_note(tail) {
        return Some(Some(unit));
    }
    // A bare unit may hold a bracketed alternative: 台（套）, 人（次）.
    let balanced = tail.chars().filter(|c| matches!(c, '(' | '（')).count()
        == tail.chars().filter(|c| matches!(c, ')' | '）')).count();
    let bare_ok = tail.chars().count() <= MAX_BARE_UNIT_CHARS
        && balanced
        && !tail.chars().any(|c| c.is_ascii_digit() || "，,。；;：:、".contains(c));
    bare_ok.then(|| Some(tail.to_string()))
}

/// The longest bracketed text after a unit that is itself part of the unit
/// (台（套）, 人（次）): longer brackets are notes, not units.
const MAX_UNIT_ALTERNATIVE_CHARS: usize = 2;

/// A unit followed by a bracketed note: `%（省定标准）` → `%`. None when the
/// tail does not end in a bracket, the bracket is a unit alternative, or
/// what precedes it is not a unit.
fn unit_before_note(tail: &str) -> Option<String> {
    let close = tail.chars().last().filter(|c| matches!(c, ')' | '）'))?;
    let open = if close == ')' { '(' } else { '（' };
    let at = tail.rfind(open)?;
    let (head, note) = (&tail[..at], &tail[at + open.len_utf8()..tail.len() - close.len_utf8()]);
    let is_note = note.chars().count() > MAX_UNIT_ALTERNATIVE_CHARS;
    let head_ok = !head.is_empty()
        && head.chars().count() <= MAX_BARE_UNIT_CHARS
        && !head.chars().any(|c| c.is_ascii_digit() || "，,。；;：:、()（）".contains(c));
    (is_note && head_ok).then(|| head.to_string())
}

/// Full-width digits and point (`８６．５２`, typed with a Chinese input
/// method) read as ASCII; the text itself is kept as printed.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        '．' => '.',
        _ => c,
    }
}

/// Parses a plain amount as printed: digits with optional thousands
/// separators, decimals, sign and a trailing `%`. `3,013.00` → 3013.0.
pub fn parse_amount(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).map(ascii_digit).collect();
    // Weights and scores are printed `10分` in some templates.
    let t = t.strip_suffix('分').unwrap_or(&t);
    let t = t.strip_suffix('%').or_else(|| t.strip_suffix('％')).unwrap_or(t);
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    if body.is_empty() || !body.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    if frac.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    if !thousands_grouping_ok(int) {
        return None;
    }
    let cleaned: String = t.chars().filter(|&c| c != ',').collect();
    // Past f64's range (over 308 digits) the text is no amount we can
    // write: JSON has no infinity, so it stays text.
    cleaned.parse().ok().filter(|v: &f64| v.is_finite())
}

/// `1234` or `1,234`: digits, with commas only between groups of three.
fn thousands_grouping_ok(int: &str) -> bool {
    if !int.contains(',') {
        return !int.is_empty() && int.chars().all(|c| c.is_ascii_digit());
    }
    let groups: Vec<&str> = int.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    first_ok
        && groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_past_the_range_of_f64_are_no_amount() {
        assert_eq!(parse_amount(&format!("1{}", "8".repeat(400))), None);
        assert_eq!(parse_amount(&format!("1{}", "8".repeat(300))).map(f64::is_finite), Some(true));
    }

    #[test]
    fn amounts() {
        assert_eq!(parse_amount("3,013.00"), Some(3013.0));
        assert_eq!(parse_amount("17,357.00"), Some(17357.0));
        assert_eq!(parse_amount("85.35"), Some(85.35));
        assert_eq!(parse_amount("85.35%"), Some(85.35));
        assert_eq!(parse_amount("9.29分"), Some(9.29));
        assert_eq!(parse_amount("８６．５２"), Some(86.52));
        assert_eq!(parse_amount("1 200.00"), Some(1200.0));
        assert_eq!(parse_amount("-1.5"), Some(-1.5));
        assert_eq!(parse_amount("1,23.0"), None);
        assert_eq!(parse_amount("12."), None);
        assert_eq!(parse_amount("达成指标"), None);
        assert_eq!(parse_amount(""), None);
    }

    #[test]
    fn measures() {
        let m = |t| parse_measure(t).map(|m| (m.op, m.value, m.unit));
        assert_eq!(m("≥90.00(%)"), Some((Some(">="), 90.0, Some("%".into()))));
        assert_eq!(m("≤5(天)"), Some((Some("<="), 5.0, Some("天".into()))));
        assert_eq!(m("＞95%"), Some((Some(">"), 95.0, Some("%".into()))));
        assert_eq!(m("=100.00(%)"), Some((Some("="), 100.0, Some("%".into()))));
        assert_eq!(m("＝1（套）"), Some((Some("="), 1.0, Some("套".into()))));
        assert_eq!(m("<1.00(%)"), Some((Some("<"), 1.0, Some("%".into()))));
        assert_eq!(m("320.00(人次)"), Some((None, 320.0, Some("人次".into()))));
        assert_eq!(m("3,013.00"), Some((None, 3013.0, None)));
        assert_eq!(m("100%"), Some((None, 100.0, Some("%".into()))));
        assert_eq!(m("≥ 90 %"), Some((Some(">="), 90.0, Some("%".into()))));
        assert_eq!(m("≥36台（套）"), Some((Some(">="), 36.0, Some("台（套）".into()))));
        assert_eq!(m("36人(次)"), Some((None, 36.0, Some("人(次)".into()))));
        assert_eq!(m("≥95%（省定标准）"), Some((Some(">="), 95.0, Some("%".into()))));
        assert_eq!(m("≥90%(国家县域医共体建设标准)"), Some((Some(">="), 90.0, Some("%".into()))));
        assert_eq!(m("达成指标"), None);
        assert_eq!(m("准确"), None);
        assert_eq!(m("2024年,因行政执法类机构改革"), None);
        assert_eq!(m("1、完成"), None);
    }

    #[test]
    fn labelled_amounts() {
        assert_eq!(
            labelled_amount("其中:一般公共预算:1,400.00"),
            Some(("其中:一般公共预算", "1,400.00"))
        );
        assert_eq!(labelled_amount("项目支出：700.00"), Some(("项目支出", "700.00")));
        assert_eq!(labelled_amount("其中：当年财政拨款"), None);
        assert_eq!(labelled_amount(":12"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(cell_kind(""), CellKind::Empty);
        assert_eq!(cell_kind(" - "), CellKind::Dash);
        assert_eq!(cell_kind("10.00"), CellKind::Amount);
        assert_eq!(cell_kind("≥90.00(%)"), CellKind::Measure);
        assert_eq!(cell_kind("1.00(套)"), CellKind::Measure);
        assert_eq!(cell_kind("＞95%"), CellKind::Measure);
        assert_eq!(cell_kind("及时"), CellKind::Text);
        assert_eq!(cell_kind("2024年,因行政执法"), CellKind::Text);
    }
}
