//! Simpul's HTTP edge.

pub mod chart;
pub mod format_id;
