//! The service bus control plane (issue 5): services with their OpenAPI documents,
//! consumers and their credentials, access grants, the Dinas' reviews, data element
//! definitions — every change audited — and the directory snapshot the gateway routes
//! from (`snapshot`, `DbSource`); and what the gateway recorded: its evidence log
//! indexed (`indeks`) for search and the NIK ledger (`pertukaran`) and charts (`pantau`).
//!
//! State changes take the status the caller saw (`dari`) and the one the domain rule
//! gave (`ke`); the row changes only if it still has `dari`, else `Conflict("status")`,
//! so two reviewers cannot both decide the same proposal.

pub mod elemen;
pub mod indeks;
pub mod izin;
pub mod konsumen;
pub mod layanan;
pub mod pantau;
pub mod pertukaran;
pub mod snapshot;
pub mod tinjauan;

pub use snapshot::{DbSource, snapshot};
