//! After a successful change under `/bus/` or `/api/v1/bus/` (a service approved, a
//! grant revoked, a key issued…), wake the in-process gateway so it reloads its
//! directory now. One layer instead of a call in every handler: a handler added later
//! cannot forget it. The gateway still reloads on its interval, which is what a bus in
//! another process (`simpul bus`) relies on.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use crate::state::AppState;

/// The middleware.
pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let changes = !matches!(*req.method(), Method::GET | Method::HEAD)
        && (req.uri().path().starts_with("/bus/") || req.uri().path().starts_with("/api/v1/bus/"));
    let resp = next.run(req).await;
    if changes
        && resp.status().as_u16() < 400
        && let Some(n) = st.bus.as_ref().and_then(|b| b.segarkan.as_ref())
    {
        n.notify_one();
    }
    resp
}
