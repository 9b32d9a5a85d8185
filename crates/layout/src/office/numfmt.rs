//! Spreadsheet number formats: the text a cell prints for its number.
//!
//! A workbook stores `0.8535` and the format `0.00%`, and the form shows
//! `85.35%`; it stores `3013` and `#,##0.00` and shows `3,013.00`. The
//! record is built from what is printed, so the front end renders the
//! number through its format, as the spreadsheet program does. This covers
//! the formats forms use: `General`, fixed decimals, thousands separators,
//! percent, literal prefixes and suffixes (`"元"`, `\元`), colour and
//! locale codes (`[Red]`, `[$-804]`), and the positive;negative;zero
//! sections. Anything else (dates, fractions, scientific) prints as
//! `General`, which keeps every digit.

/// The text printed for `value` under the format `code`.
pub fn format_number(value: f64, code: &str) -> String {
    let sections = split_sections(code);
    let (section, value, signed) = match (sections.len(), value) {
        (n, v) if v < 0.0 && n >= 2 => (sections[1].as_str(), -v, false),
        (n, v) if v == 0.0 && n >= 3 => (sections[2].as_str(), v, false),
        _ => (sections.first().map_or("General", String::as_str), value, true),
    };
    if is_date_or_scientific(section) {
        return general(value);
    }
    let tokens = tokenize(section);
    if let Some(text) = literal_only(&tokens) {
        return text;
    }
    let Some(spec) = NumberSpec::of(&tokens) else {
        return general(value);
    };
    let shown = value * 100f64.powi(spec.percents as i32);
    let mut digits = fixed(shown.abs(), spec.decimals, spec.min_int, spec.thousands);
    if signed && shown < 0.0 && digits.chars().any(|c| c.is_ascii_digit() && c != '0') {
        digits.insert(0, '-');
    }
    let mut out = String::new();
    let mut placed = false;
    for t in &tokens {
        match t {
            Token::Literal(s) => out.push_str(s),
            Token::Digit(_) if !placed => {
                out.push_str(&digits);
                placed = true;
            }
            Token::Digit(_) | Token::Point | Token::Comma => {}
        }
    }
    out
}

/// The `General` format: up to 10 significant digits, no trailing zeros,
/// as a spreadsheet shows a number in a cell wide enough for it.
pub fn general(value: f64) -> String {
    if value == value.trunc() && value.abs() < 1e15 {
        return format!("{}", value as i64);
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (9 - magnitude).clamp(0, 15) as usize;
    let s = format!("{value:.decimals$}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The format codes behind Excel's built-in format ids, for files that
/// give only the id.
pub fn builtin_code(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "General",
        1 => "0",
        2 => "0.00",
        3 => "#,##0",
        4 => "#,##0.00",
        9 => "0%",
        10 => "0.00%",
        37 => "#,##0 ;(#,##0)",
        38 => "#,##0 ;[Red](#,##0)",
        39 => "#,##0.00;(#,##0.00)",
        40 => "#,##0.00;[Red](#,##0.00)",
        49 => "@",
        _ => return None,
    })
}

#[derive(Debug, PartialEq)]
enum Token {
    Literal(String),
    /// `0` (shows a zero), `#` or `?` (shows nothing): true for `0`.
    Digit(bool),
    Point,
    Comma,
}

/// Splits on `;` outside quotes and escapes.
fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        let current = out.last_mut().expect("one section at least");
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            '\\' => {
                current.push(c);
                current.extend(chars.next());
            }
            ';' if !quoted => out.push(String::new()),
            _ => current.push(c),
        }
    }
    out
}

/// Format code → tokens; brackets (`[Red]`, `[$-804]`), `_x` paddings and
/// `*x` fills are dropped.
fn tokenize(section: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = section.chars().peekable();
    let lit = |out: &mut Vec<Token>, s: &str| out.push(Token::Literal(s.to_string()));
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                let s: String = chars.by_ref().take_while(|&c| c != '"').collect();
                lit(&mut out, &s);
            }
            '\\' => {
                if let Some(n) = chars.next() {
                    lit(&mut out, &n.to_string());
                }
            }
            '[' => {
                chars.by_ref().take_while(|&c| c != ']').for_each(drop);
            }
            '_' | '*' => {
                chars.next();
            }
            '0' => out.push(Token::Digit(true)),
            '#' | '?' => out.push(Token::Digit(false)),
            '.' => out.push(Token::Point),
            ',' => out.push(Token::Comma),
            _ => lit(&mut out, &c.to_string()),
        }
    }
    out
}

/// Dates, times and scientific notation (letters outside quotes, escapes
/// and brackets), which print as `General` here.
fn is_date_or_scientific(section: &str) -> bool {
    let mut quoted = false;
    let mut bracket = false;
    let mut escaped = false;
    for c in section.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            '[' if !quoted => bracket = true,
            ']' if !quoted => bracket = false,
            'y' | 'm' | 'd' | 'h' | 's' | 'E' | 'e' if !quoted && !bracket => return true,
            _ => {}
        }
    }
    false
}

/// A section without digit placeholders (`"-"` for zero) prints its
/// literal text; `General` and `@` are not that.
fn literal_only(tokens: &[Token]) -> Option<String> {
    let mut out = String::new();
    for t in tokens {
        match t {
            Token::Literal(s) => out.push_str(s),
            _ => return None,
        }
    }
    let lower = out.to_ascii_lowercase();
    (!out.is_empty() && !lower.contains("general") && !out.contains('@')).then_some(out)
}

/// What the digit placeholders of a section ask for.
struct NumberSpec {
    decimals: usize,
    min_int: usize,
    thousands: bool,
    percents: usize,
}

impl NumberSpec {
    /// None for `General`, text (`@`) and codes this module does not render.
    fn of(tokens: &[Token]) -> Option<NumberSpec> {
        let literal: String = tokens
            .iter()
            .filter_map(|t| if let Token::Literal(s) = t { Some(s.as_str()) } else { None })
            .collect();
        let unsupported = ['y', 'm', 'd', 'h', 's', 'E', 'e', '/', '@'];
        let lower = literal.to_ascii_lowercase();
        if lower.contains("general") || literal.chars().any(|c| unsupported.contains(&c)) {
            return None;
        }
        let first = tokens.iter().position(|t| matches!(t, Token::Digit(_)))?;
        let last = tokens.iter().rposition(|t| matches!(t, Token::Digit(_)))?;
        let body = &tokens[first..=last];
        let point = body.iter().position(|t| *t == Token::Point).unwrap_or(body.len());
        let count = |ts: &[Token], zero_only: bool| {
            ts.iter().filter(|t| matches!(t, Token::Digit(z) if *z || !zero_only)).count()
        };
        Some(NumberSpec {
            decimals: count(&body[point.min(body.len())..], false),
            min_int: count(&body[..point], true),
            thousands: body[..point].contains(&Token::Comma),
            percents: literal.matches('%').count(),
        })
    }
}

/// `value` (not negative) with `decimals` places, rounded half away from
/// zero on the decimal digits (as spreadsheets do, not on the binary
/// value), at least `min_int` integer digits, grouped by thousands.
fn fixed(value: f64, decimals: usize, min_int: usize, thousands: bool) -> String {
    // 2.675 is stored as 2.67499999…; the nudge (far below any printed
    // digit) rounds it as typed.
    let scale = 10f64.powi(decimals as i32);
    let x = value * scale;
    let rounded = (x + 1e-9 * x.abs().max(1.0)).round();
    let s = format!("{:.*}", decimals, rounded / scale);
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut int = int.trim_start_matches('0').to_string();
    while int.len() < min_int {
        int.insert(0, '0');
    }
    if thousands {
        int = group(&int);
    }
    if decimals == 0 {
        int
    } else {
        format!("{int}.{frac}")
    }
}

fn group(int: &str) -> String {
    let n = int.len();
    int.chars().enumerate().fold(String::new(), |mut out, (i, c)| {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_and_thousands_give_the_printed_text() {
        assert_eq!(format_number(0.8535, "0.00%"), "85.35%");
        assert_eq!(format_number(3013.0, "#,##0.00"), "3,013.00");
        assert_eq!(format_number(1234567.891, "#,##0.00"), "1,234,567.89");
        assert_eq!(format_number(0.5, "0%"), "50%");
        assert_eq!(format_number(103.15, "0.00"), "103.15");
        assert_eq!(format_number(12356.0, "#,##0\"人\""), "12,356人");
        assert_eq!(format_number(5.0, "0.00\\元"), "5.00元");
    }

    #[test]
    fn rounding_is_half_away_from_zero_on_the_typed_digits() {
        assert_eq!(format_number(2.675, "0.00"), "2.68");
        assert_eq!(format_number(0.125, "0.0%"), "12.5%");
        assert_eq!(format_number(8.545, "0.00"), "8.55");
        assert_eq!(format_number(0.0, "0.00"), "0.00");
        assert_eq!(format_number(0.4, "#"), "");
    }

    #[test]
    fn sections_signs_and_codes() {
        assert_eq!(format_number(-3.5, "0.00"), "-3.50");
        assert_eq!(format_number(-3.5, "0.00;(0.00)"), "(3.50)");
        assert_eq!(format_number(0.0, "0.00;-0.00;\"-\""), "-");
        assert_eq!(format_number(-1200.0, "[Red]#,##0.00"), "-1,200.00");
        assert_eq!(format_number(99.22, "[$-804]0.00"), "99.22");
    }

    #[test]
    fn general_and_unrendered_codes_keep_the_digits() {
        assert_eq!(format_number(3013.0, "General"), "3013");
        assert_eq!(format_number(88.04, "General"), "88.04");
        assert_eq!(format_number(0.1 + 0.2, "General"), "0.3");
        assert_eq!(format_number(45000.0, "yyyy-mm-dd"), "45000");
        assert_eq!(general(-0.000123), "-0.000123");
        assert_eq!(builtin_code(10), Some("0.00%"));
    }
}
