//! Record: the normaliser. Takes the [`Form`]s the table crate
//! reconstructed and gives [`FormRecord`]s exactly as `docs/SCHEMA.md` §1 describes
//! them: texts normalised, amounts as numbers (`3,013.00` → 3013.0, `-` →
//! null), targets and actuals parsed into operator, value and unit, fund rows
//! categorised, the year taken from the title line.
//!
//! # Brief overview
//! - [`FormRecord`] with [`Fund`], [`Indicator`], [`Value`], [`Goals`]: the
//!   record types; their serde form is the JSON of SCHEMA.md §1.
//! - [`form_to_record`]: one form to one record.
//! - [`parse_value`]: a target or actual cell to [`Value`].
//!
//! This crate does not judge the numbers (the checks crate does) and does
//! not know where rows came from.
//!
//! # Example
//! ```
//! use jixiao_layout::text::text_to_rows;
//! use jixiao_record::{form_to_record, FundCategory, Op};
//! let dump = "财政项目支出绩效自评表\n(2024年度)\n\
//!     项目名称\t\t测试项目\n\
//!     项目资金 (万元)\t\t年初预算数\t全年预算数\t全年执行数\t分数\t执行率(%)\t得分\n\
//!     \t年度资金总额:\t3,013.00\t4,088.20\t3,744.78\t10.00\t91.59\t9.16\n\
//!     一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n\
//!     产出指标\t数量指标\t培训人次\t≥300.00(人次)\t320.00(人次)\t10.00\t10.00\t\n";
//! let forms = jixiao_table::rows_to_forms(&text_to_rows(dump));
//! let r = form_to_record(&forms[0]);
//! assert_eq!(r.year, Some(2024));
//! assert_eq!(r.fund_unit.as_deref(), Some("万元"));
//! assert_eq!(r.funds[0].category, FundCategory::Total);
//! assert_eq!(r.funds[0].initial_budget, Some(3013.0));
//! assert_eq!(r.indicators[0].target.op, Some(Op::Ge));
//! assert_eq!(r.indicators[0].target.unit.as_deref(), Some("人次"));
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod model;
mod normalise;
mod provenance;

pub use jixiao_table::vocab::fund_category;
pub use jixiao_table::Form;
pub use model::*;
pub use normalise::{decimals_of, form_to_record, number, parse_value};
pub use provenance::form_to_provenance;
