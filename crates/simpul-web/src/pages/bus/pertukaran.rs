//! Placeholder module; its owner fills in the routes.

use axum::Router;

use crate::state::AppState;

/// The routes of this module.
pub fn routes() -> Router<AppState> {
    Router::new()
}
