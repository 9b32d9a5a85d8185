//! Record: the normaliser. Takes the forms the table crate reconstructed and
//! gives [`FormRecord`]s exactly as SCHEMA.md §1 describes them.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod model;

pub use model::*;
