//! The SPBE self-evaluation pages (EVA-1..4), under `/evaluasi`: the calculator
//! ([`kalkulator`]), the models and the region's wording of their criteria ([`model`]),
//! evaluation periods and their workflow ([`periode`]), and the dashboard, reports and
//! exports ([`laporan`]). Each module owns its routes.

use axum::Router;

use crate::state::AppState;

pub mod kalkulator;
pub mod laporan;
pub mod model;
pub mod periode;

/// Every route of the evaluation pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(kalkulator::routes())
        .merge(model::routes())
        .merge(periode::routes())
        .merge(laporan::routes())
}
