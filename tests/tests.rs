//! End-to-end tests: the built `jixiao` on `samples/` against `golden/` and
//! the hand-checked truth.

#[macro_use]
mod macros;
mod util;

mod audit;
mod bulk;
mod cli;
mod corpus;
mod families;
mod fonts;
mod formats;
mod fuzz_replay;
mod golden;
mod hostile;
mod provenance;
pub mod putuo;
mod review;
mod schema;
