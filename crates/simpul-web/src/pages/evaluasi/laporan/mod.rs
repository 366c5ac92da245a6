//! The evaluation's reports (issue 4, items 6 and 7): the dashboard ([`dasbor`]), the
//! printable report for the head of region ([`cetak`]) and the XLSX export with a
//! native radar chart ([`ekspor`]). All read the same figures ([`data`]), shown the
//! same way ([`tampilan`]). Anyone logged in may see them: they are the region's own
//! results.

mod cetak;
mod dasbor;
pub mod data;
pub mod ekspor;
mod tampilan;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

/// Routes of the reports.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evaluasi/dasbor", get(dasbor::show))
        .route("/evaluasi/periode/{id}/laporan", get(cetak::show))
        .route("/evaluasi/periode/{id}/ekspor.xlsx", get(ekspor::unduh))
}
