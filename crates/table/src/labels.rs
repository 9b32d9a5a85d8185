//! The labels the reconstructor recognises, by normalised text (whitespace
//! and trailing colon removed). Publishers vary them; each list holds the
//! spellings seen in real forms.

/// 项目名称: project name.
pub const 项目名称: &[&str] = &["项目名称"];
/// 主管部门: the department in charge.
pub const 主管部门: &[&str] = &["主管部门", "主管部门（单位）", "主管部门(单位)"];
/// 实施单位: the implementing unit.
pub const 实施单位: &[&str] = &["实施单位", "项目实施单位", "实施主体", "项目承担单位"];
/// 项目资金: the funds block label (the unit follows in brackets);
/// department forms say 年度预算资金.
pub const 项目资金: &[&str] = &[
    "项目资金",
    "年度预算资金",
    "部门预算资金",
    "预算资金",
    "预算执行情况",
    "项目资金情况",
    "资金投入情况",
    "资金情况",
];
/// 部门名称: what names a department-wide form (部门整体支出绩效自评表).
pub const 部门名称: &[&str] =
    &["部门名称", "单位名称", "部门（单位）名称", "部门(单位)名称", "部门（单位）", "预算单位"];
/// 年度总体目标: the goals block label.
pub const 年度总体目标: &str = "年度总体目标";
/// 预期目标: expected goal column.
pub const 预期目标: &str = "预期目标";
/// 实际完成情况: achieved goal column.
pub const 实际完成情况: &str = "实际完成情况";
/// 总分: total score row.
pub const 总分: &str = "总分";
/// Other spellings of the total row. 合计 also closes fund tables, so these
/// end the indicator block but never the funds block.
pub const 总分_OTHER: &[&str] = &["综合得分", "自评总分", "得分合计", "合计", "总计"];
/// Rows printed around the table that hold no record field (conclusions,
/// signatures, codes): read past without a repair.
pub const IGNORED_ROWS: &[&str] = &[
    "自评结论",
    "绩效评价结论",
    "评价结论",
    "备注",
    "说明",
    "填报人",
    "填表人",
    "审核人",
    "联系电话",
    "项目负责人",
    "单位负责人",
    "财务负责人",
    "项目编码",
    "项目编号",
    "项目类别",
];
/// 评分等级 / 自评等级: grade row.
pub const 评分等级: &[&str] = &["评分等级", "自评等级", "评价等级", "绩效等级", "等级"];
/// 绩效指标: the national template's leftmost merged column.
pub const 绩效指标: &str = "绩效指标";
/// 指标: every complete level label (一级/二级指标) ends with it.
pub const 指标: &str = "指标";
/// 自评表: self-evaluation form; every form title contains it.
pub const 自评表: &str = "自评表";

/// Column roles of the funds block, by header text (prefix match after
/// dropping bracketed suffixes such as （A）).
pub const FUND_COLUMNS: &[(FundColumn, &[&str])] = &[
    (FundColumn::Initial, &["年初预算数", "年初预算"]),
    (FundColumn::Annual, &["全年预算数", "全年预算", "调整后预算数"]),
    (FundColumn::Executed, &["全年执行数", "全年执行", "执行数"]),
    (FundColumn::Weight, &["分值", "分数", "权重"]),
    (FundColumn::Rate, &["执行率"]),
    (FundColumn::Score, &["得分"]),
];

/// A column of the funds block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FundColumn {
    /// 年初预算数.
    Initial,
    /// 全年预算数.
    Annual,
    /// 全年执行数.
    Executed,
    /// 分值.
    Weight,
    /// 执行率.
    Rate,
    /// 得分.
    Score,
}

/// Column roles of the indicator block, by header text.
pub const INDICATOR_COLUMNS: &[(IndicatorColumn, &[&str])] = &[
    (IndicatorColumn::Level1, &["一级指标"]),
    (IndicatorColumn::Level2, &["二级指标"]),
    (IndicatorColumn::Name, &["三级指标", "指标名称"]),
    (IndicatorColumn::Target, &["年度指标值", "指标值", "目标值"]),
    (IndicatorColumn::Actual, &["实际完成值", "全年实际值", "实际值", "完成值"]),
    (IndicatorColumn::Weight, &["分值", "权重", "分数"]),
    (IndicatorColumn::Score, &["得分"]),
    (IndicatorColumn::Deviation, &["偏差原因分析及改进措施", "偏差原因", "未完成原因"]),
];

/// A column of the indicator block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum IndicatorColumn {
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Name,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 分值.
    Weight,
    /// 得分.
    Score,
    /// 偏差原因分析及改进措施.
    Deviation,
}

/// The key used to match a header cell: whitespace, trailing colon and any
/// bracketed suffix (（A）, (B/A), (%)) removed.
pub fn header_key(text: &str) -> String {
    let k = crate::text::label_key(text);
    let mut out = String::new();
    let mut depth = 0usize;
    for c in k.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Finds which role a header text plays, if any.
pub fn role_of<R: Copy>(table: &[(R, &[&str])], text: &str) -> Option<R> {
    let key = header_key(text);
    if key.is_empty() {
        return None;
    }
    table.iter().find(|(_, names)| names.iter().any(|n| key.starts_with(n))).map(|(r, _)| *r)
}

/// True for the label of the funds block.
pub fn is_funds_label(key: &str) -> bool {
    项目资金.contains(&key)
}

/// True for a label of the total row (总分, 综合得分, 合计, …).
pub fn is_total_label(key: &str) -> bool {
    key == 总分 || 总分_OTHER.contains(&key)
}

/// True for the label of a 评分等级 row, also with its value in the same
/// cell (`自评等级：优秀`).
pub fn is_grade_label(key: &str) -> bool {
    评分等级
        .iter()
        .any(|g| key == *g || key.strip_prefix(g).is_some_and(|r| r.starts_with([':', '：'])))
}

/// True for a label that opens a form: 项目名称, or a department form's
/// 部门名称.
pub fn starts_form(text: &str) -> bool {
    is_label(text, 项目名称) || is_label(text, 部门名称)
}

/// True when `text` is one of `names` once normalised.
pub fn is_label(text: &str, names: &[&str]) -> bool {
    let key = header_key(text);
    names.iter().any(|n| key == *n)
}

/// An unfinished level label plus a fragment, cut after the first 指标 the
/// fragment completes: (label, debris after it). None when the label is
/// already complete or the fragment does not complete it.
pub fn complete_label(label: &str, frag: &str) -> Option<(String, String)> {
    if label.ends_with(指标) {
        return None;
    }
    let joined = format!("{label}{frag}");
    // The 指标 found must use the fragment: it may start at the label's last
    // character (指) but no earlier.
    let search_from = match label.char_indices().last() {
        Some((k, '指')) => k,
        _ => label.len(),
    };
    let at = joined[search_from..].find(指标)? + search_from + 指标.len();
    Some((joined[..at].to_string(), joined[at..].to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn complete_label_cuts_debris() {
        assert_eq!(complete_label("时效", "指标"), Some(("时效指标".into(), "".into())));
        assert_eq!(
            complete_label("服务对象", "满意度指标标"),
            Some(("服务对象满意度指标".into(), "标".into()))
        );
        assert_eq!(complete_label("满意", "度指标"), Some(("满意度指标".into(), "".into())));
        assert_eq!(complete_label("满意度指", "标"), Some(("满意度指标".into(), "".into())));
        assert_eq!(complete_label("满意度指标", "标"), None);
        assert_eq!(complete_label("服务对象", "标准"), None);
    }
}
