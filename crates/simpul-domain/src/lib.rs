//! Simpul's domain: pure types and rules. No I/O, no clock, no HTTP, no SQL.

pub mod access;
pub mod audit;
pub mod berkas;
pub mod bus;
pub mod compliance;
pub mod evaluation;
mod file_problems;
pub mod ident;
pub mod ids;
pub mod org;
pub mod plan;
pub mod problem;
pub mod registry;
pub mod text;

pub use problem::{FieldProblems, Masalah, Masalahs};
