//! The self-evaluation API under `/api/v1/evaluation`: models and the index calculator
//! ([`hitung`]), and evaluation periods with their workflow ([`periode`]).

use axum::Router;

use crate::state::AppState;

pub mod hitung;
pub mod periode;

/// Every route of the evaluation API.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(hitung::routes())
        .merge(periode::routes())
}
