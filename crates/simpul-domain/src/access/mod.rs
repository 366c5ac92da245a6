//! Who may do what: roles granted per PD and the permission rules over them.

pub mod permission;
pub mod role;

pub use permission::{Action, Target, permits};
pub use role::{Grant, Role};
