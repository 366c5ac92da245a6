//! The service bus control plane (issue 5): services with their OpenAPI documents,
//! consumers and their credentials, access grants, the Dinas' reviews, data element
//! definitions — every change audited — and the directory snapshot the gateway routes
//! from (`snapshot`, `DbSource`).
//!
//! State changes take the status the caller saw (`dari`) and the one the domain rule
//! gave (`ke`); the row changes only if it still has `dari`, else `Conflict("status")`,
//! so two reviewers cannot both decide the same proposal.

pub mod elemen;
pub mod izin;
pub mod konsumen;
pub mod layanan;
pub mod snapshot;
pub mod tinjauan;

pub use snapshot::{DbSource, snapshot};
