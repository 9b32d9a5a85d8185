//! End-to-end tests: the built `jixiao` on `samples/` against `golden/` and
//! the hand-checked truth.

#[macro_use]
mod macros;
mod util;

mod audit;
mod bulk;
mod cli;
mod corpus;
mod fonts;
mod formats;
mod golden;
mod hostile;
pub mod putuo;
mod schema;
