//! The reconstructor: a form's joined rows → its blocks, read by label.
//!
//! [`parse`] recognises the blocks with nom (one row or a run of rows each);
//! [`read`] takes the texts out of them by column role, [`funds`] the funds
//! block's and [`tasks`] a department form's 年度主要任务; [`indicators`]
//! carries merged level labels down and repairs rows cut by page breaks.

mod funds;
mod indicators;
mod parse;
mod read;
mod tasks;

use crate::grid::rows_to_grid;
use crate::join::{rows_to_form_rows, FormRows};
use crate::vocab::IndicatorColumn;
use crate::{Form, TableSettings};
use parse::Block;

/// Reconstructs every form in a document's rows, in document order. A
/// table without a form's anchors (a 收支总表 in a report, a contents page)
/// is no form.
pub fn rows_to_forms(rows: &[jixiao_layout::Row]) -> Vec<Form> {
    rows_to_forms_with(rows, &TableSettings::default())
}

/// [`rows_to_forms`] with other tolerances.
pub fn rows_to_forms_with(rows: &[jixiao_layout::Row], settings: &TableSettings) -> Vec<Form> {
    rows_to_form_rows(&crate::row::tokenise(rows), settings)
        .into_iter()
        .map(form_rows_to_form)
        .filter(is_a_form)
        .collect()
}

/// A form names its project or department (项目名称 / 部门名称) and
/// prints a funds or indicators block; the title line alone says nothing.
fn is_a_form(form: &Form) -> bool {
    let named = form.project_name.is_some() || form.department.is_some();
    named && !(form.funds.is_empty() && form.indicators.is_empty())
}

fn form_rows_to_form(fr: FormRows) -> Form {
    let mut form = Form {
        title: fr.title,
        year: fr.year,
        year_at: fr.year_at,
        pages: fr.pages.clone(),
        grid: rows_to_grid(&fr.rows, &fr.pages),
        repairs: fr.repairs,
        ..Form::default()
    };
    let blocks = parse::form(&fr.rows);
    let mut columns = Vec::new();
    // Labelled lines above the table come first in `extra`, those below it
    // after the table's own.
    let (above, below): (Vec<_>, Vec<_>) = fr.notes.iter().partition(|(at, _)| *at == 0);
    above.iter().for_each(|(_, row)| read::side(&mut form, row));
    for block in blocks {
        apply_block(&mut form, block, &mut columns);
    }
    below.iter().for_each(|(_, row)| read::side(&mut form, row));
    if form.fund_unit.is_none() {
        form.fund_unit = fr.unit;
    }
    form
}

/// Reads one block into the form. `columns` carries the indicator header's
/// column roles to the 总分 row below it, which prints its numbers under
/// the 分值 and 得分 columns.
fn apply_block(form: &mut Form, block: Block<'_>, columns: &mut Vec<read::Span<IndicatorColumn>>) {
    match block {
        Block::Header(row) => read::header_row(form, row),
        Block::Funds { header, rows } => funds::read(form, &header, &rows),
        Block::Goals { header, rows } => read::goals(form, header, &rows),
        Block::Indicators { header, rows } => *columns = indicators::read(form, &header, &rows),
        Block::Tasks { header, rows } => tasks::read(form, header, &rows),
        Block::Total(row) => read::total(form, row, columns),
        Block::Grade(row) => read::grade(form, row),
        Block::Side(row) => read::side(form, row),
        Block::Blank => {}
        Block::Stray(row) => form.repairs.push(crate::Repair::of_row(
            crate::RepairKind::DroppedRow,
            format!("dropped unrecognised row \"{}\" on page {}", read::row_text(row), row.page),
            row,
        )),
    }
}

#[cfg(test)]
mod tests {
    use jixiao_layout::text::text_to_rows;

    use super::rows_to_forms;
    use crate::Form;

    const HEAD: &str = "项目支出绩效自评表\n项目名称\t测试项目\n";

    fn form(dump: &str) -> Form {
        let forms = rows_to_forms(&text_to_rows(&format!("{HEAD}{dump}")));
        assert_eq!(forms.len(), 1, "{dump}");
        forms.into_iter().next().unwrap()
    }

    #[test]
    fn a_unit_column_keeps_every_field_in_its_own_column() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t计量单位\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
             成本指标\t经济成本指标\t预算执行率\t%\t≥90\t85.35\t5\t4\t进度滞后\n",
        );
        let i = &f.indicators[0];
        assert_eq!(i.level1.as_deref(), Some("成本指标"));
        assert_eq!(i.level2.as_deref(), Some("经济成本指标"));
        assert_eq!(i.name, "预算执行率");
        assert_eq!(i.unit.as_deref(), Some("%"));
        assert_eq!(i.target.as_deref(), Some("≥90"));
        assert_eq!(i.deviation.as_deref(), Some("进度滞后"));
    }

    #[test]
    fn weight_before_target_is_read_by_its_header() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t分值\t年度指标值\t全年实际值\t得分\t未完成原因及拟采取的改进措施\n\
             产出指标\t数量指标\t培训人次\t10\t≥300人次\t320人次\t10\t\n",
        );
        let i = &f.indicators[0];
        assert_eq!((i.weight.as_deref(), i.score.as_deref()), (Some("10"), Some("10")));
        assert_eq!(i.target.as_deref(), Some("≥300人次"));
        assert_eq!(i.actual.as_deref(), Some("320人次"));
    }

    #[test]
    fn a_two_row_header_splits_the_target_into_nature_value_and_unit() {
        let f = form(
            "绩效指标\t\t\t年度指标值\t\t\t实际完成值\t分值\t得分\n\
             一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t\t\t\n\
             产出指标\t数量指标\t培训人次\t≥\t300\t人次\t320\t10\t10\n",
        );
        let i = &f.indicators[0];
        assert_eq!(i.nature.as_deref(), Some("≥"));
        assert_eq!(i.target.as_deref(), Some("300"));
        assert_eq!(i.unit.as_deref(), Some("人次"));
        assert_eq!(i.actual.as_deref(), Some("320"));
    }

    #[test]
    fn forms_without_scores_and_unknown_columns() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t年初指标值\t调整指标值\t全年完成值\t是否核心指标\n\
             产出指标\t数量指标\t培训人次\t≥300人次\t≥280人次\t320人次\t是\n",
        );
        let i = &f.indicators[0];
        assert_eq!((i.weight.as_deref(), i.score.as_deref()), (None, None));
        assert_eq!(i.target.as_deref(), Some("≥300人次"));
        assert_eq!(i.actual.as_deref(), Some("320人次"));
        assert_eq!(i.core.as_deref(), Some("是"));
        assert_eq!(i.other.len(), 1);
        assert_eq!((i.other[0].0.as_str(), i.other[0].1.as_str()), ("调整指标值", "≥280人次"));
    }

    #[test]
    fn a_blank_total_score_is_not_the_weight() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
             产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t90\t90\n\
             合计\t\t\t\t\t100\t\n",
        );
        assert_eq!(f.total_weight.as_deref(), Some("100"));
        assert_eq!(f.total_score, None);
    }

    #[test]
    fn sichuan_funds_columns_reason_and_points_label() {
        let f = form(
            "预算执行情况(10分)\t\t年初预算\t调整后预算数\t预算执行数\t预算执行率\t权重\t得分\t原因\n\
             \t总额\t500.00\t520.00\t494.00\t95.00%\t10\t9.50\t工程款未付\n\
             \t其中:财政资金\t500.00\t520.00\t494.00\t95.00%\t/\t/\t\n\
             绩效指标(90分)\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析\n\
             \t产出指标\t数量指标\t道路养护里程\t≥\t120\t公里\t126\t90\t90\t\n",
        );
        assert_eq!(f.fund_unit, None, "(10分) is points, not a unit");
        let total = &f.funds[0];
        assert_eq!(total.annual_budget.as_deref(), Some("520.00"));
        assert_eq!(total.executed.as_deref(), Some("494.00"));
        assert_eq!(total.execution_rate.as_deref(), Some("95.00%"));
        assert_eq!((total.weight.as_deref(), total.score.as_deref()), (Some("10"), Some("9.50")));
        assert_eq!(total.reason.as_deref(), Some("工程款未付"));
        assert_eq!(f.funds.len(), 2);
        assert_eq!(f.indicators[0].weight.as_deref(), Some("90"));
    }

    #[test]
    fn goal_columns_by_their_other_names() {
        let f = form(
            "项目基本情况\t1.项目年度目标完成情况\t项目年度目标\t年度目标完成情况\n\
             \t\t完成养护120公里\t完成养护126公里\n\
             一级指标\t二级指标\t三级指标\t指标值\t完成值\n产出指标\t数量指标\t养护里程\t120\t126\n",
        );
        assert_eq!(f.goal_expected.as_deref(), Some("完成养护120公里"));
        assert_eq!(f.goal_achieved.as_deref(), Some("完成养护126公里"));
    }

    #[test]
    fn labelled_lines_outside_the_table_go_to_extra_pair_by_pair() {
        let forms = rows_to_forms(&text_to_rows(
            "项目支出绩效自评表\n填报单位（盖章）：某局    填报日期：2024年3月18日\n\
             项目名称\t测试项目\n资金使用单位\t某中心\t县级主管部门\t某局\n\
             一级指标\t二级指标\t三级指标\t指标值\t全年完成值\n产出指标\t数量指标\t培训人次\t300\t320\n\
             注：1.一级指标分值统一设置。\n",
        ));
        let f = &forms[0];
        let extra: Vec<(&str, Option<&str>)> =
            f.extra.iter().map(|(l, v)| (l.as_str(), v.as_deref())).collect();
        assert_eq!(
            extra,
            [
                ("填报单位（盖章）", Some("某局")),
                ("填报日期", Some("2024年3月18日")),
                ("注", Some("1.一级指标分值统一设置。"))
            ]
        );
        assert_eq!(
            (f.department.as_deref(), f.implementer.as_deref()),
            (Some("某局"), Some("某中心"))
        );
    }

    #[test]
    fn placeholders_and_level_labels_without_indicators() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
             产出指标(50分)\t数量指标\t培训人次\t≥100人次\t120人次\t50\t50\n\
             \t\t……\t\t\t\t\n\
             效益指标(30分)\t经济效益指标\t\t\t\t\t\n\
             \t社会效益指标\t覆盖率\t≥90%\t95%\t30\t30\n",
        );
        let names: Vec<&str> = f.indicators.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["培训人次", "覆盖率"]);
        assert_eq!(f.indicators[1].level1.as_deref(), Some("效益指标(30分)"));
        assert_eq!(f.indicators[1].level2.as_deref(), Some("社会效益指标"));
        assert!(f.repairs.iter().any(|r| r.message.contains("placeholder")));
    }

    #[test]
    fn main_tasks_go_to_extra_by_their_columns() {
        let f = form(
            "年度主要任务\t任务名称\t主要内容\t预算数\n\t文物保护\t修缮3处\t120.00\n\
             一级指标\t二级指标\t三级指标\t指标值\t完成值\n产出指标\t数量指标\t修缮数量\t3处\t3处\n",
        );
        let extra: Vec<(&str, Option<&str>)> =
            f.extra.iter().map(|(l, v)| (l.as_str(), v.as_deref())).collect();
        assert_eq!(
            extra,
            [
                ("年度主要任务[0].任务名称", Some("文物保护")),
                ("年度主要任务[0].主要内容", Some("修缮3处")),
                ("年度主要任务[0].预算数", Some("120.00"))
            ]
        );
        assert_eq!(f.indicators.len(), 1);
    }

    #[test]
    fn footer_rows_fill_conclusion_problems_measures_and_extra() {
        let f = form(
            "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n\
             产出指标\t数量指标\t培训人次\t≥300人次\t320人次\t90\t90\n\
             总分\t\t\t\t\t100\t98\n\
             评价结论\t项目完成较好\n存在问题\t宣传不足\n改进措施\t加强宣传\n\
             项目负责人：张三\t\t财务负责人：\n",
        );
        assert_eq!(f.conclusion.as_deref(), Some("项目完成较好"));
        assert_eq!(f.problems.as_deref(), Some("宣传不足"));
        assert_eq!(f.measures.as_deref(), Some("加强宣传"));
        let extra: Vec<(&str, Option<&str>)> =
            f.extra.iter().map(|(l, v)| (l.as_str(), v.as_deref())).collect();
        assert_eq!(extra, [("项目负责人", Some("张三")), ("财务负责人", None)]);
        assert_eq!(f.total_score.as_deref(), Some("98"));
    }
}
