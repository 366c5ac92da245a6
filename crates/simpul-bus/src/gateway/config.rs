//! Gateway settings: defaults for services that do not set their own limits, the
//! refresh and health-check cadence, the X-Road identity, the time zone grants expire in,
//! the CA certificates https upstreams are verified against.

use std::path::PathBuf;
use std::time::Duration;

use time::UtcOffset;

use super::directory::RateLimit;

/// Settings of a gateway.
#[derive(Debug, Clone)]
pub struct GatewayConfig {
    /// Upstream timeout when the service sets none (default 10 s).
    pub default_timeout: Duration,
    /// Largest request or response body when the service sets none (default 1 MiB).
    /// Bodies are buffered whole (to hash them before anything is delivered).
    pub default_max_body: u64,
    /// Rate limit when the service sets none (default 100/s, burst 200).
    pub default_rate_limit: RateLimit,
    /// Consumer and service pairs the rate limiter tracks at most (default 100,000).
    pub rate_limit_keys: usize,
    /// Reload the directory this often even without a notification (default 30 s).
    pub refresh_interval: Duration,
    /// Check each upstream this often (default 10 s; zero turns health checks off).
    pub health_interval: Duration,
    /// Timeout of one health check (default 2 s).
    pub health_timeout: Duration,
    /// Lifetime of OAuth2 bearer tokens (default 5 minutes).
    pub token_ttl: Duration,
    /// The token signing key (32 bytes); `None`: random per process. Replicas behind one
    /// load balancer need the same key.
    pub token_key: Option<[u8; 32]>,
    /// X-Road instance this bus answers `/r1/...` for (default `SIMPUL`).
    pub xroad_instance: String,
    /// X-Road member class (default `GOV`).
    pub xroad_class: String,
    /// The offset "today" is taken in for grant expiry (default UTC+7, WIB).
    pub utc_offset: UtcOffset,
    /// Idle upstream connections kept per host and serving thread (default 64).
    pub pool_max_idle_per_host: usize,
    /// Serving threads, each with its own event loop and upstream pool (default 0: one
    /// per CPU the process may use).
    pub worker_threads: usize,
    /// A PEM file of CA certificates trusted for `https://` upstreams in addition to the
    /// bundled Mozilla roots, e.g. the region's own CA (default none). Read once when the
    /// gateway is built; a file that cannot be read or holds no valid certificate fails
    /// the build. There is no way to skip verification.
    pub ca_tambahan: Option<PathBuf>,
}

impl GatewayConfig {
    /// The number of serving threads to start.
    pub fn workers(&self) -> usize {
        match self.worker_threads {
            0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
            n => n,
        }
    }
}

impl Default for GatewayConfig {
    fn default() -> Self {
        Self {
            default_timeout: Duration::from_secs(10),
            default_max_body: 1024 * 1024,
            default_rate_limit: RateLimit {
                per_second: 100.0,
                burst: 200,
            },
            rate_limit_keys: 100_000,
            refresh_interval: Duration::from_secs(30),
            health_interval: Duration::from_secs(10),
            health_timeout: Duration::from_secs(2),
            token_ttl: Duration::from_secs(300),
            token_key: None,
            xroad_instance: "SIMPUL".into(),
            xroad_class: "GOV".into(),
            utc_offset: UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC),
            pool_max_idle_per_host: 64,
            worker_threads: 0,
            ca_tambahan: None,
        }
    }
}
