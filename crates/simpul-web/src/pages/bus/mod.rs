//! The service bus pages (BUS-1..5), under `/bus`: the control plane — directory of
//! services with their OpenAPI documents, consumers and their credentials, grants, data
//! elements and the Dinas' review queue ([`kendali`]) — and what the gateway recorded:
//! the exchanges searched from the evidence index, the NIK lookup of the personal-data
//! ledger and the monitoring dashboard ([`pertukaran`]). Each module owns its routes.

use axum::Router;

use crate::state::AppState;

pub mod kendali;
pub mod pertukaran;

/// Every route of the bus pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(kendali::routes())
        .merge(pertukaran::routes())
}
