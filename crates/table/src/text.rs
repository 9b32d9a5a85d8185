//! Text normalisation (SCHEMA.md, "Text normalisation"), applied to every
//! cell and every text field.

/// True for the characters next to which whitespace is dropped: Han
/// ideographs, CJK punctuation (U+3000–U+303F) and full-width forms
/// (U+FF00–U+FFEF).
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Normalises a cell or field: whitespace runs next to a CJK character are
/// removed, other whitespace runs become one space, and the ends are trimmed.
/// Everything else is kept as printed.
pub fn normalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_whitespace() {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let at_edge = before.is_none() || after.is_none();
        let next_to_cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
        if !at_edge && !next_to_cjk {
            out.push(' ');
        }
    }
    out
}

/// A label as used for matching: normalised, with all whitespace removed and
/// a trailing colon (`:` or `：`) dropped.
pub fn label_key(s: &str) -> String {
    label_key_cow(s).into_owned()
}

/// [`label_key`] without a copy where the text is its own key (most cells).
pub(crate) fn label_key_cow(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_whitespace) {
        return std::borrow::Cow::Borrowed(s.trim_end_matches([':', '：']));
    }
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let n = t.trim_end_matches([':', '：']).len();
    std::borrow::Cow::Owned(t[..n].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_next_to_cjk_is_removed() {
        assert_eq!(normalize("成本 指标"), "成本指标");
        assert_eq!(normalize("符合计划安 排"), "符合计划安排");
        assert_eq!(normalize("(2024 年度)"), "(2024年度)");
        assert_eq!(normalize("服务 对象\n满意 度指 标"), "服务对象满意度指标");
        assert_eq!(normalize("工作指标 2、健全"), "工作指标2、健全");
    }

    #[test]
    fn other_whitespace_becomes_one_space() {
        assert_eq!(normalize("  94.04%   (指标数90%) "), "94.04% (指标数90%)");
        assert_eq!(normalize("HR  sa\tlon"), "HR sa lon");
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \t\n"), "");
    }

    #[test]
    fn full_width_space_counts_as_cjk_whitespace() {
        assert_eq!(normalize("其中：\u{3000}当年"), "其中：当年");
    }

    #[test]
    fn label_key_drops_spaces_and_colon() {
        assert_eq!(label_key("年度资金总额:"), "年度资金总额");
        assert_eq!(label_key("其中: 当年财政 拨款"), "其中:当年财政拨款");
    }
}
