//! Shared state of the web edge.

use std::sync::Arc;
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use simpul_store::Db;
use time::UtcOffset;

use crate::auth::rate_limit::LoginLimiter;

/// Settings the web edge needs (a slice of the CLI's `Settings`).
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Sessions idle longer than this end (002 Pasal 18(d)).
    pub idle_timeout: Duration,
    /// Mark cookies `Secure` (behind HTTPS).
    pub secure_cookies: bool,
    /// The region's time zone, for displayed times (WIB +07, WITA +08, WIT +09).
    pub utc_offset: UtcOffset,
    /// Largest accepted request body.
    pub body_limit: usize,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(30 * 60),
            secure_cookies: false,
            utc_offset: UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC),
            body_limit: 1024 * 1024,
        }
    }
}

/// Everything a handler can reach.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

/// The contents of [`AppState`].
pub struct Inner {
    /// Database.
    pub db: Db,
    /// Settings.
    pub cfg: WebConfig,
    /// Login attempt limiter.
    pub limiter: LoginLimiter,
    /// Prometheus exporter handle.
    pub metrics: PrometheusHandle,
}

impl AppState {
    /// Build the state.
    pub fn new(db: Db, cfg: WebConfig) -> Self {
        Self(Arc::new(Inner {
            db,
            cfg,
            limiter: LoginLimiter::new(Duration::from_secs(15 * 60), 5, 30),
            metrics: crate::ops::metrics_handle(),
        }))
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
