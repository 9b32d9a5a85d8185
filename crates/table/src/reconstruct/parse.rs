//! Block recognition with nom over rows. Token parsers read one row and
//! check its first label; block parsers combine them; `form` reads a whole
//! form and reports what it could not read.

use crate::row::Row;
use nom::branch::alt;
use nom::combinator::{cut, map, opt};
use nom::error::context;
use nom::multi::{many0, many1};
use nom::sequence::pair;
use nom::{Input, Parser};

use crate::input::{PResult, ParseErrorKind, RowError, Rows};
use crate::token::CellKind;
use crate::vocab::{self, is_label, GoalLabel};

/// A recognised block, borrowing its rows.
#[derive(Debug)]
pub(crate) enum Block<'a> {
    /// A 项目名称 or 主管部门/实施单位 row.
    Header(&'a Row),
    /// The 项目资金 header row (and the column-name row under it, where the
    /// label has a row of its own), and its fund rows.
    Funds { header: Vec<&'a Row>, rows: Vec<&'a Row> },
    /// The 年度总体目标 header row and its content rows.
    Goals { header: &'a Row, rows: Vec<&'a Row> },
    /// The indicator header rows (one, or two when 绩效指标 heads the
    /// level columns) and the rows under them.
    Indicators { header: Vec<&'a Row>, rows: Vec<&'a Row> },
    /// The 年度主要任务 header row and its task rows.
    Tasks { header: &'a Row, rows: Vec<&'a Row> },
    /// The 总分 row.
    Total(&'a Row),
    /// The 评分等级 row.
    Grade(&'a Row),
    /// A footer or side row (评价结论, 项目负责人 …).
    Side(&'a Row),
    /// An empty row of a drawn grid (outside any block): nothing to read.
    Blank,
    /// A row no block claims.
    Stray(&'a Row),
}

/// Reads a form's rows into blocks, every row into one: a row no block
/// claims is a [`Block::Stray`], so nothing is left over.
pub(crate) fn form(rows: &[Row]) -> Vec<Block<'_>> {
    let mut input = Rows::new(rows);
    let mut blocks = Vec::new();
    while let Some(first) = input.first() {
        match block(input) {
            Ok((rest, b)) => {
                blocks.push(b);
                input = rest;
            }
            // `any_row` takes any row, so no alternative is left to fail;
            // should one, its row is still kept.
            Err(_) => {
                blocks.push(Block::Stray(first));
                input = input.take_from(1);
            }
        }
    }
    blocks
}

fn block(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    alt((
        map(header_row, Block::Header),
        funds_block,
        funds_block_by_names,
        goals_block,
        tasks_block,
        indicator_block,
        map(total_row, Block::Total),
        map(grade_row, Block::Grade),
        map(blank_row, |_| Block::Blank),
        map(side_row, Block::Side),
        map(any_row, Block::Stray),
    ))
    .parse(i)
}

/// The label that opens a row: its first filled cell, as a header key.
pub(crate) fn opening_label(row: &Row) -> Option<&str> {
    row.filled().next().map(|c| c.key.as_str())
}

/// One row that satisfies `pred`, else an error naming `expected`.
fn row_if<'a>(
    i: Rows<'a>,
    expected: &'static str,
    pred: impl Fn(&Row) -> bool,
) -> PResult<'a, &'a Row> {
    match i.first() {
        Some(r) if pred(r) => Ok((i.take_from(1), r)),
        _ => Err(nom::Err::Error(RowError::at(&i, ParseErrorKind::ExpectedLabel(expected)))),
    }
}

fn blank_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "blank row", Row::is_blank)
}

fn any_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "any row", |_| true)
}

/// 项目名称, or a 主管部门/实施单位 row.
fn header_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "项目名称/主管部门", |r| {
        opening_label(r).is_some_and(|k| {
            vocab::starts_form(k) || is_label(k, vocab::主管部门) || is_label(k, vocab::实施单位)
        })
    })
}

fn funds_header(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "项目资金", |r| opening_label(r).is_some_and(vocab::is_funds_label))
}

/// A row of the funds block: a label and at least one amount, or a
/// sub-heading (按收入性质分：) of at most two label cells; opening no other
/// block.
fn fund_row(i: Rows<'_>) -> PResult<'_, &Row> {
    let subheading =
        |r: &Row| r.filled().count() <= 2 && r.filled().all(|c| c.kind == CellKind::Text);
    match i.first() {
        Some(r) if !opens_block(r) && (r.has_amount() || subheading(r)) => Ok((i.take_from(1), r)),
        _ => Err(nom::Err::Error(RowError::at(&i, ParseErrorKind::ExpectedAmount))),
    }
}

/// The column names of the funds block on a row of their own, under a
/// 项目资金 label that spans the table. An indicator header names 权重,
/// 得分 and 原因 too: it is never taken for one.
fn fund_names_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "fund column names", |r| {
        !r.has_amount() && r.names_columns(vocab::FUND_COLUMNS) && !r.is_indicator_header()
    })
}

fn funds_block(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    context(
        "项目资金 block",
        map((funds_header, opt(fund_names_row), cut(many0(fund_row))), |(header, names, rows)| {
            Block::Funds { header: std::iter::once(header).chain(names).collect(), rows }
        }),
    )
    .parse(i)
}

/// A funds block whose 项目资金 label is not on its header row (an export
/// that prints merged labels in their last row): the column names open it.
fn funds_block_by_names(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    context(
        "项目资金 block",
        map(pair(fund_names_row, cut(many0(fund_row))), |(names, rows)| Block::Funds {
            header: vec![names],
            rows,
        }),
    )
    .parse(i)
}

/// The 年度总体目标 row, or (where the label sits in another row of its
/// merged cell) the row naming both 预期目标 and 实际完成情况.
fn goals_header(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, vocab::年度总体目标, is_goals_header)
}

fn is_goals_header(r: &Row) -> bool {
    let names = |g| r.filled().any(|c| vocab::goal_label(&c.key) == Some(g));
    let names_both = names(GoalLabel::Expected) && names(GoalLabel::Achieved);
    opening_label(r).is_some_and(|k| vocab::goal_label(k) == Some(GoalLabel::Block)) || names_both
}

/// A goal text row; dumps that copy a merged cell into every row it spans
/// repeat 年度总体目标 in front of the texts.
fn goal_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "goal text", |r| (!opens_block(r) || repeats_goals_label(r)) && !r.has_amount())
}

/// A 年度总体目标 row without the 预期目标/实际完成情况 labels, inside the
/// block: the merged label copied in front of the goal texts.
fn repeats_goals_label(r: &Row) -> bool {
    let labels: Vec<Option<GoalLabel>> = r.filled().map(|c| vocab::goal_label(&c.key)).collect();
    labels.first() == Some(&Some(GoalLabel::Block))
        && labels.len() > 1
        && !labels[1..].iter().any(Option::is_some)
}

/// The 年度主要任务 block: its header row, then rows up to the next block.
fn tasks_block(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    let header = |i| {
        row_if(i, "年度主要任务", |r: &Row| {
            opening_label(r).is_some_and(|k| is_label(k, vocab::年度主要任务))
        })
    };
    let task = |i| row_if(i, "task row", |r: &Row| !opens_block(r) && !is_side_row(r));
    map(pair(header, many0(task)), |(header, rows)| Block::Tasks { header, rows }).parse(i)
}

fn goals_block(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    context(
        "年度总体目标 block",
        map(pair(goals_header, cut(many0(goal_row))), |(header, rows)| Block::Goals {
            header,
            rows,
        }),
    )
    .parse(i)
}

/// The indicator header: a row naming the 三级指标 (or 一级指标) column.
fn indicator_header(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "一级指标/三级指标", Row::is_indicator_header)
}

fn indicator_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "indicator row", |r| {
        !opens_block(r) && !opening_label(r).is_some_and(vocab::is_total_label) && !is_side_row(r)
    })
}

fn indicator_block(i: Rows<'_>) -> PResult<'_, Block<'_>> {
    context(
        "indicator block",
        map(pair(many1(indicator_header), cut(many0(indicator_row))), |(header, rows)| {
            Block::Indicators { header, rows }
        }),
    )
    .parse(i)
}

fn total_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, vocab::总分, |r| opening_label(r).is_some_and(vocab::is_total_label))
}

fn grade_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "评分等级", |r| opening_label(r).is_some_and(vocab::is_grade_label))
}

/// A footer or side row: 评价结论, 存在问题, 改进措施, signatures, notes.
fn side_row(i: Rows<'_>) -> PResult<'_, &Row> {
    row_if(i, "footer row", is_side_row)
}

/// True for a row opened by a footer or side label.
pub(crate) fn is_side_row(r: &Row) -> bool {
    opening_label(r).is_some_and(|k| vocab::side_field(k).is_some())
}

/// True when the row opens one of the blocks (so it ends the one before).
pub(crate) fn opens_block(r: &Row) -> bool {
    let Some(k) = opening_label(r) else { return false };
    vocab::starts_form(k)
        || is_label(k, vocab::主管部门)
        || vocab::is_grade_label(k)
        // A fund row may carry a copy of the merged 项目资金 label.
        || vocab::is_funds_label(k) && !r.has_amount()
        || vocab::goal_label(k) == Some(GoalLabel::Block)
        || is_label(k, vocab::年度主要任务)
        || k == vocab::总分
        || is_goals_header(r)
        || r.is_indicator_header()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::text_to_rows;

    fn kinds(dump: &str) -> Vec<&'static str> {
        let rows = text_to_rows(dump);
        form(&rows)
            .iter()
            .map(|b| match b {
                Block::Header(_) => "header",
                Block::Funds { .. } => "funds",
                Block::Goals { .. } => "goals",
                Block::Indicators { .. } => "indicators",
                Block::Tasks { .. } => "tasks",
                Block::Total(_) => "total",
                Block::Grade(_) => "grade",
                Block::Side(_) => "side",
                Block::Blank => "blank",
                Block::Stray(_) => "stray",
            })
            .collect()
    }

    #[test]
    fn blocks_by_label() {
        let dump = "项目名称\t\tX\n主管部门\tA\t实施单位\tB\n项目资金 (万元)\t\t年初预算数\n\t年度资金总额:\t1.00\n\
                    年度 总体 目标\t预期目标\t实际完成情况\n\t甲\t乙\n\
                    一级 指标\t二级 指标\t三级指标\t分值\t得分\n产出指标\t数量指标\tx\t1\t1\n\
                    总分\t100\t99\n评分等级\t优\n";
        assert_eq!(
            kinds(dump),
            ["header", "header", "funds", "goals", "indicators", "total", "grade"]
        );
    }

    #[test]
    fn funds_header_alone_is_a_block() {
        let rows = text_to_rows("项目资金 (万元)\t年初预算数\n");
        let (rest, b) = funds_block(Rows::new(&rows)).unwrap();
        assert_eq!(rest.input_len(), 0);
        assert!(matches!(b, Block::Funds { rows, .. } if rows.is_empty()));
    }

    #[test]
    fn fund_row_needs_an_amount_or_is_a_subheading() {
        let rows = text_to_rows("\t年度资金总额:\t-\t-\t-\n\t按收入性质分：\n");
        assert!(fund_row(Rows::new(&rows)).is_err());
        assert!(fund_row(Rows::new(&rows[1..])).is_ok());
    }

    #[test]
    fn unknown_rows_are_stray() {
        assert_eq!(kinds("其他事项\t无\n"), ["stray"]);
        assert_eq!(kinds("备注\t无\n"), ["side"]);
        assert_eq!(kinds("综合得分\t100\t88.24\n自评等级：优秀\n"), ["total", "grade"]);
        assert!(form(&[]).is_empty());
    }
}
