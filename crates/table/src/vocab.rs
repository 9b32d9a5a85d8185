//! The domain vocabulary of jixiao, in Chinese with the English meaning once:
//! the labels the reconstructor recognises, by normalised text (whitespace
//! and trailing colon removed). Publishers vary them; each list holds the
//! spellings seen in real forms.

use std::borrow::Cow;

/// 项目名称: project name.
pub const 项目名称: &[&str] = &["项目名称"];
/// 主管部门: the department in charge.
pub const 主管部门: &[&str] = &[
    "主管部门",
    "县级主管部门",
    "地方主管部门",
    "中央主管部门",
    "项目主管单位",
    "主管单位",
    "预算部门",
];
/// 实施单位: the implementing unit.
pub const 实施单位: &[&str] =
    &["实施单位", "项目实施单位", "实施主体", "项目承担单位", "资金使用单位", "项目单位"];
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
    "年度预算申请",
    "部门预算执行情况",
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
/// The goals block label as templates print it (年度总体目标, or a 项目基本情况
/// block holding the year's goal).
pub const GOAL_BLOCK: &[&str] =
    &[年度总体目标, "年度总体目标完成情况", "总体目标完成情况", "项目基本情况", "当年绩效目标"];
/// The expected goal's label (预期目标 and its spellings).
pub const GOAL_EXPECTED: &[&str] =
    &[预期目标, "年初设定目标", "项目年度目标", "总体目标", "年初绩效目标", "年度目标"];
/// The achieved goal's label (实际完成情况 and its spellings).
pub const GOAL_ACHIEVED: &[&str] = &[
    实际完成情况,
    "全年实际完成情况",
    "年度总体目标完成情况综述",
    "年度目标完成情况",
    "全年目标实际完成情况",
    "目标完成情况",
];

/// What a cell of the goals block says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalLabel {
    /// The block's label (年度总体目标).
    Block,
    /// The expected goal's label (预期目标).
    Expected,
    /// The achieved goal's label (实际完成情况).
    Achieved,
}

/// The goals label a header key is, if any.
pub fn goal_label(key: &str) -> Option<GoalLabel> {
    [
        (GoalLabel::Block, GOAL_BLOCK),
        (GoalLabel::Expected, GOAL_EXPECTED),
        (GoalLabel::Achieved, GOAL_ACHIEVED),
    ]
    .into_iter()
    .find(|(_, names)| names.contains(&key))
    .map(|(g, _)| g)
}

/// 年度主要任务: a department form's block of the year's main tasks (任务名称
/// | 主要内容 | 预算数 …); no record field takes it, so it goes to `extra`.
pub const 年度主要任务: &[&str] = &["年度主要任务", "年度主要工作任务", "主要任务", "年度重点任务"];

/// Money units a funds label may carry in brackets (项目资金(万元)); other
/// brackets hold points (预算执行情况(10分)).
pub const MONEY_UNITS: &[&str] = &["元", "万元", "千元", "百万元", "亿元"];

/// 总分: total score row.
pub const 总分: &str = "总分";
/// Other spellings of the total row. 合计 also closes fund tables, so these
/// end the indicator block but never the funds block.
pub const 总分_OTHER: &[&str] = &["综合得分", "自评总分", "得分合计", "合计", "总计"];
/// 评价结论: the conclusion row of a footer.
pub const 评价结论: &[&str] = &["评价结论", "自评结论", "绩效评价结论", "总体评价结论", "自评结果"];
/// 存在问题: the problems row (a single 存在问题及改进措施 cell too).
pub const 存在问题: &[&str] =
    &["存在问题", "存在的问题", "问题及原因", "存在问题及改进措施", "存在问题及原因分析"];
/// 改进措施: the measures row.
pub const 改进措施: &[&str] = &["改进措施", "下一步改进措施", "整改措施", "改进措施及结果应用方案"];
/// 自评总分: the form's total score printed in its header, not in a row.
pub const 自评总分: &[&str] = &["自评总分", "自评得分", "自评分"];
/// 复核分: a reviewer's total beside the self score.
pub const 复核分: &[&str] = &["财政审核评分", "复核分", "复核得分", "复评得分", "复评分"];
/// Labels of header and footer cells no field takes (responsible people,
/// codes, dates, notes): their values go to the record's `extra`, in printed
/// order.
pub const EXTRA_LABELS: &[&str] = &[
    "备注",
    "说明",
    "注",
    "填报人",
    "填表人",
    "审核人",
    "联系电话",
    "联系人",
    "部门联系人",
    "项目负责人",
    "项目负责人及电话",
    "负责人",
    "负责人及电话",
    "单位负责人",
    "财务负责人",
    "项目编码",
    "项目编号",
    "项目类别",
    "项目属性",
    "项目类型",
    "报表编号",
    "填报日期",
    "填表日期",
    "填报单位",
    "填报部门",
    "财政处室",
    "资金用途",
];

/// What a footer or header label's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideField {
    /// 评价结论.
    Conclusion,
    /// 存在问题.
    Problems,
    /// 改进措施.
    Measures,
    /// 自评总分 in the header.
    TotalScore,
    /// 复核分 / 财政审核评分 in the header.
    ReviewScore,
    /// Anything else of [`EXTRA_LABELS`].
    Extra,
}

/// The field a header or footer label names. The label is the whole key,
/// or the part before a colon when the cell carries its value
/// (`项目负责人：张三`): a bare prefix is not enough, or 注册企业数量 would
/// be a 注 note.
pub fn side_field(key: &str) -> Option<SideField> {
    let head = key.split([':', '：']).next().unwrap_or(key);
    SIDE_FIELDS.iter().find(|(_, names)| names.contains(&head)).map(|(f, _)| *f)
}

/// The side labels by the field they fill.
const SIDE_FIELDS: &[(SideField, &[&str])] = &[
    (SideField::Conclusion, 评价结论),
    (SideField::Problems, 存在问题),
    (SideField::Measures, 改进措施),
    (SideField::TotalScore, 自评总分),
    (SideField::ReviewScore, 复核分),
    (SideField::Extra, EXTRA_LABELS),
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
    (
        FundColumn::Annual,
        &[
            "全年预算数",
            "全年预算",
            "调整后预算数",
            "调整预算数",
            "全年调整预算数",
            "预算数",
            "合计",
        ],
    ),
    (FundColumn::Executed, &["全年执行数", "全年执行", "预算执行数", "执行数"]),
    (FundColumn::Weight, &["分值", "分数", "权重", "执行率权重"]),
    (FundColumn::Rate, &["执行率", "预算执行率"]),
    (FundColumn::Score, &["得分", "自评得分", "执行率得分"]),
    (FundColumn::Reason, &["原因", "偏差原因", "未完成原因", "原因分析", "偏差原因分析"]),
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
    /// 原因: why the funds were not spent as budgeted.
    Reason,
    /// A column no field takes (中央 | 省、地 | 本级 of a sources layout):
    /// kept in the record's `extra`.
    Other,
}

/// Column roles of the indicator block, by header text (prefix match after
/// dropping bracketed suffixes; the longest name wins, so 得分系数 is not
/// taken for 得分, nor 评分标准 for 评分).
pub const INDICATOR_COLUMNS: &[(IndicatorColumn, &[&str])] = &[
    (IndicatorColumn::Other, &["得分系数", "调整指标值", "调整后指标值"]),
    (IndicatorColumn::Seq, &["序号"]),
    (IndicatorColumn::Level1, &["一级指标"]),
    (IndicatorColumn::Level2, &["二级指标"]),
    (IndicatorColumn::Name, &["三级指标", "指标名称"]),
    (IndicatorColumn::Nature, &["指标性质"]),
    (IndicatorColumn::Unit, &["度量单位", "计量单位", "计量 单位"]),
    (IndicatorColumn::Target, &["年度指标值", "年初指标值", "预期指标值", "指标值", "目标值"]),
    (
        IndicatorColumn::Actual,
        &[
            "实际完成值",
            "全年实际完成值",
            "全年实际值",
            "全年完成值",
            "年终完成值",
            "实际值",
            "完成值",
        ],
    ),
    (IndicatorColumn::Weight, &["分值", "权重", "参考分值", "指标权重", "指标分值", "分数"]),
    (IndicatorColumn::Criteria, &["评分标准", "评价标准", "指标说明及评分标准", "指标说明"]),
    (IndicatorColumn::ReviewScore, &["复核分", "复核得分", "财政审核评分", "复评得分"]),
    (IndicatorColumn::Score, &["得分", "自评分", "自评得分", "指标得分", "评分"]),
    (
        IndicatorColumn::Deviation,
        &[
            "偏差原因分析及改进措施",
            "偏差原因",
            "原因分析",
            "未完成原因",
            "偏差大或目标未完成原因分析",
        ],
    ),
    (IndicatorColumn::Improvement, &["改进措施"]),
    (IndicatorColumn::Explanation, &["指标解释"]),
    (IndicatorColumn::Core, &["是否核心指标"]),
];

/// A column of the indicator block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum IndicatorColumn {
    /// 序号: the row's number, implied by the printed order (not kept).
    Seq,
    /// 一级指标.
    Level1,
    /// 二级指标.
    Level2,
    /// 三级指标.
    Name,
    /// 指标性质: 定量 / 定性, or the operator of the target.
    Nature,
    /// 度量单位 / 计量单位: the unit of the target.
    Unit,
    /// 年度指标值.
    Target,
    /// 实际完成值.
    Actual,
    /// 分值.
    Weight,
    /// 得分.
    Score,
    /// 复核分: a reviewer's score.
    ReviewScore,
    /// 偏差原因分析及改进措施.
    Deviation,
    /// 改进措施 in a column of its own.
    Improvement,
    /// 评分标准.
    Criteria,
    /// 指标解释.
    Explanation,
    /// 是否核心指标.
    Core,
    /// A column no field takes (调整指标值, 得分系数, or a header word the
    /// vocabulary does not know): kept in the record's `extra`.
    Other,
}

/// 是 / 否 of a 是否核心指标 cell.
pub const 是: &str = "是";
/// 否: no.
pub const 否: &str = "否";

/// The key used to match a header cell: whitespace, trailing colon and any
/// bracketed suffix (（A）, (B/A), (%)) removed.
pub fn header_key(text: &str) -> String {
    header_key_cow(text).into_owned()
}

/// [`header_key`] without a copy where the text is its own key.
fn header_key_cow(text: &str) -> Cow<'_, str> {
    let k = crate::text::label_key_cow(text);
    if !k.contains(['(', '（', ')', '）']) {
        return k;
    }
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
    Cow::Owned(out)
}

/// Finds which role a header text plays, if any.
pub fn role_of<R: Copy>(table: &[(R, &[&str])], text: &str) -> Option<R> {
    role_of_key(table, &header_key_cow(text))
}

/// [`role_of`] for a text already keyed by [`header_key`].
pub fn role_of_key<R: Copy>(table: &[(R, &[&str])], key: &str) -> Option<R> {
    // The longest name wins, so 执行率权重 is a weight though it starts
    // with 执行率, and 得分系数 is no 得分.
    let mut best: Option<(usize, R)> = None;
    for (role, names) in table {
        for n in names.iter().filter(|n| key.starts_with(*n)) {
            if best.is_none_or(|(len, _)| n.len() > len) {
                best = Some((n.len(), *role));
            }
        }
    }
    best.map(|(_, r)| r)
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
    let key = header_key_cow(text);
    names.iter().any(|n| key == *n)
}

/// An unfinished level label plus a fragment, cut after the first 指标 the
/// fragment completes: (label, debris after it). None when the label is
/// already complete or the fragment does not complete it.
pub fn complete_label(label: &str, frag: &str) -> Option<(String, String)> {
    if is_complete_level_label(label) {
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

/// Grades a form may print (评分等级 values).
pub const GRADES: &[&str] = &["优", "良", "中", "差", "优秀", "良好", "合格", "不合格"];

/// The kind of a fund row, from its label (SCHEMA.md §1 `funds[].category`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundCategory {
    /// 年度资金总额.
    Total,
    /// 当年财政拨款, 财政拨款, 本级财政资金, 财政资金.
    CurrentAppropriation,
    /// 上年结转资金.
    Carryover,
    /// 其他资金.
    Other,
    /// 中央补助, 中央财政资金.
    Central,
    /// 地方资金, 省级资金, 市县资金.
    Local,
    /// 财政专户管理资金.
    SpecialAccount,
    /// 单位资金.
    Unit,
    /// Any other label.
    #[default]
    Unknown,
}

/// Fund categories by label keyword, first match wins (so 其中：中央补助
/// is `central` before anything else looks at it, and 财政专户 before
/// 财政资金).
pub const FUND_CATEGORIES: &[(FundCategory, &[&str])] = &[
    (FundCategory::Total, &["年度资金总额", "资金总额", "总额", "合计"]),
    (FundCategory::Carryover, &["上年结转"]),
    (FundCategory::Other, &["其他资金"]),
    (FundCategory::Central, &["中央补助", "中央财政", "中央资金", "中央"]),
    (FundCategory::Local, &["地方资金", "省级", "市县", "地方财政"]),
    (FundCategory::SpecialAccount, &["财政专户"]),
    (FundCategory::Unit, &["单位资金", "单位自有资金"]),
    (FundCategory::CurrentAppropriation, &["当年财政拨款", "财政拨款", "本级财政", "财政资金"]),
];

/// The category a fund label names.
pub fn fund_category(label: &str) -> FundCategory {
    let key: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    FUND_CATEGORIES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(w)))
        .map_or(FundCategory::Unknown, |(c, _)| *c)
}

/// What a 一级指标 label is about (SCHEMA.md §1b `level1_class`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level1Class {
    /// 产出指标, 项目产出, 项目完成指标.
    Output,
    /// 效益指标, 项目效益.
    Benefit,
    /// 满意度指标.
    Satisfaction,
    /// 成本指标.
    Cost,
    /// 项目决策.
    Decision,
    /// 项目管理, 过程指标.
    Management,
    /// 预算执行情况 and the like.
    Budget,
    /// Any other label.
    Other,
}

/// 一级 label keywords by class, first match wins (满意度 before 效益:
/// 满意度 labels never say 效益, but 社会效益 rows sit under either).
pub const LEVEL1_CLASSES: &[(Level1Class, &[&str])] = &[
    (Level1Class::Satisfaction, &["满意度"]),
    (Level1Class::Output, &["产出", "完成指标"]),
    (Level1Class::Benefit, &["效益", "效果"]),
    (Level1Class::Cost, &["成本"]),
    (Level1Class::Decision, &["决策"]),
    (Level1Class::Management, &["管理", "过程"]),
    (Level1Class::Budget, &["预算", "资金", "执行"]),
];

/// The class of a 一级 label; `Other` when no keyword fits.
pub fn level1_class(label: &str) -> Level1Class {
    let key = header_key(label);
    LEVEL1_CLASSES
        .iter()
        .find(|(_, words)| words.iter().any(|w| key.contains(w)))
        .map_or(Level1Class::Other, |(c, _)| *c)
}

/// A whole 一级/二级 label: words ending in 指标, its points after it or not
/// (`产出指标`, `效益指标(30分)`); a bare `指标` is the tail of a cut one.
pub fn is_complete_level_label(label: &str) -> bool {
    let t: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let words = match points_suffix_at(&t) {
        Some(at) => &t[..at],
        None => &t,
    };
    words.ends_with(指标) && words != 指标
}

/// Where a trailing `(30分)` / `（30分）` / `30分` starts, if the label has one.
fn points_suffix_at(t: &str) -> Option<usize> {
    label_points(t)?;
    let cut = t.rfind(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '分' | ')' | '）')))?;
    let at = cut + t[cut..].chars().next()?.len_utf8();
    Some(if matches!(&t[cut..at], "(" | "（") { cut } else { at })
}

/// A placeholder in an indicator row (`……`, `...`, `指标1:` with nothing
/// after it): the template's blank line, not an indicator (SCHEMA §1b).
pub fn is_placeholder(text: &str) -> bool {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let dots = !t.is_empty() && t.chars().all(|c| matches!(c, '…' | '.' | '·' | '。' | '⋯'));
    let numbered = t
        .strip_prefix(指标)
        .and_then(|r| r.strip_suffix([':', '：']))
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    dots || numbered
}

/// The points a level label carries at its end: `产出指标(50分)`,
/// `产出指标（50分）`, `产出指标 50分` → 50.
pub fn label_points(label: &str) -> Option<f64> {
    let t: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.strip_suffix([')', '）']).unwrap_or(&t);
    let t = t.strip_suffix('分')?;
    let start = t
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(k, _)| k)?;
    // The number must stand after the label's words, not be the whole text.
    (start > 0).then(|| t[start..].parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_level_labels_and_placeholders() {
        for l in ["产出指标", "效益指标(30分)", "满意度指标（10分）", "数量指 标 15 分"]
        {
            assert!(is_complete_level_label(l), "{l}");
        }
        for l in ["社会效益", "指标", "产出指标(50", "项目产出(30分)"] {
            assert!(!is_complete_level_label(l), "{l}");
        }
        for t in ["……", "...", "指标1:", "指标12："] {
            assert!(is_placeholder(t), "{t}");
        }
        for t in ["指标1:培训人次", "", "达成"] {
            assert!(!is_placeholder(t), "{t}");
        }
    }

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

    #[test]
    fn points_in_level_labels() {
        assert_eq!(label_points("产出指标(50分)"), Some(50.0));
        assert_eq!(label_points("产出指标（50分）"), Some(50.0));
        assert_eq!(label_points("预算执行情况 10分"), Some(10.0));
        assert_eq!(label_points("绩效指标(90分)"), Some(90.0));
        assert_eq!(label_points("产出指标"), None);
        assert_eq!(label_points("50分"), None);
    }

    #[test]
    fn side_labels() {
        assert_eq!(side_field("评价结论"), Some(SideField::Conclusion));
        assert_eq!(side_field("存在问题及改进措施"), Some(SideField::Problems));
        assert_eq!(side_field("项目负责人：张三"), Some(SideField::Extra));
        assert_eq!(side_field("自评总分"), Some(SideField::TotalScore));
        assert_eq!(side_field("注册企业数量"), None);
        assert_eq!(side_field("说明书"), None);
    }

    #[test]
    fn level1_classes() {
        assert_eq!(level1_class("产出指标(50分)"), Level1Class::Output);
        assert_eq!(level1_class("效益指标"), Level1Class::Benefit);
        assert_eq!(level1_class("满意度指标"), Level1Class::Satisfaction);
        assert_eq!(level1_class("成本指标"), Level1Class::Cost);
        assert_eq!(level1_class("项目决策"), Level1Class::Decision);
        assert_eq!(level1_class("过程指标"), Level1Class::Management);
        assert_eq!(level1_class("预算执行情况"), Level1Class::Budget);
        assert_eq!(level1_class("其他"), Level1Class::Other);
    }

    #[test]
    fn fund_categories() {
        assert_eq!(fund_category("年度资金总额"), FundCategory::Total);
        assert_eq!(fund_category("其中:当年财政拨款"), FundCategory::CurrentAppropriation);
        assert_eq!(fund_category("其中：财政资金"), FundCategory::CurrentAppropriation);
        assert_eq!(fund_category("财政专户管理资金"), FundCategory::SpecialAccount);
        assert_eq!(fund_category("单位资金"), FundCategory::Unit);
        assert_eq!(fund_category("其中：中央补助"), FundCategory::Central);
        assert_eq!(fund_category("自筹"), FundCategory::Unknown);
    }
}
