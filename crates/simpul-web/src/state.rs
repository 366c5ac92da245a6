//! Shared state of the web edge.

use std::sync::Arc;
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use simpul_store::Db;
use simpul_store::blob::BlobStore;
use time::UtcOffset;

use simpul_domain::ids::ItemId;

use crate::auth::rate_limit::LoginLimiter;
use crate::cache::VersionedCache;
use crate::i18n::Lang;
use crate::registry_impact::Impact;

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
    /// Code of the shipped regulation profile to apply (`SIMPUL_PROFIL`); `None`: the
    /// region's stored `profil`.
    pub profil: Option<String>,
}

impl Default for WebConfig {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(30 * 60),
            secure_cookies: false,
            utc_offset: UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC),
            body_limit: 1024 * 1024,
            profil: None,
        }
    }
}

/// What the bus pages need from the gateway's installation (set by `simpul serve`;
/// absent when the web runs without a bus: those pages then say so).
#[derive(Debug, Clone)]
pub struct BusWeb {
    /// The installation's NIK key, to hash a NIK the data-protection officer enters.
    pub nik: simpul_bus::nik::KunciNik,
    /// The evidence folder (shown on exchange pages, for `simpul verify-evidence`).
    pub bukti: std::path::PathBuf,
    /// The checkpoint public key (64 hex), published at `/bus/kunci-publik`.
    pub kunci_publik: String,
    /// The gateway's Prometheus endpoint, for the dashboard's link.
    pub metrics_url: Option<String>,
    /// Notified after every change to the bus directory (`bus_refresh`), so an
    /// in-process gateway reloads at once instead of at its next interval.
    pub segarkan: Option<std::sync::Arc<tokio::sync::Notify>>,
    /// The in-process gateway's latest upstream health checks (monitoring page).
    pub kesehatan: Option<std::sync::Arc<simpul_bus::gateway::KesehatanHulu>>,
}

/// Everything a handler can reach.
#[derive(Clone)]
pub struct AppState(pub Arc<Inner>);

/// The contents of [`AppState`].
pub struct Inner {
    /// Database.
    pub db: Db,
    /// Uploaded files by SHA-256.
    pub blobs: BlobStore,
    /// Settings.
    pub cfg: WebConfig,
    /// Login attempt limiter.
    pub limiter: LoginLimiter,
    /// Prometheus exporter handle.
    pub metrics: PrometheusHandle,
    /// Impact analyses, valid until the next change.
    pub impact: VersionedCache<ItemId, Impact>,
    /// Totals of registry lists by filter, valid until the next change.
    pub list_counts: VersionedCache<String, i64>,
    /// Impact analyses as API JSON, valid until the next change.
    pub impact_json: VersionedCache<ItemId, String>,
    /// Compliance evaluations per profile and date, valid until the next change.
    pub kepatuhan: VersionedCache<(String, time::Date), crate::pages::kepatuhan::Hasil>,
    /// Held while a compliance evaluation is computed (see `pages::kepatuhan::evaluasi`).
    pub kepatuhan_sedang: tokio::sync::Mutex<()>,
    /// Drawn impact graphs per record and language, valid until the next change.
    pub impact_graph: VersionedCache<(ItemId, Lang), String>,
    /// The active regulation profile, parsed once per code.
    pub profil_aktif: crate::pages::kepatuhan::ProfilCache,
    /// The evaluation models, parsed once.
    pub evaluasi: crate::evaluasi_models::ModelSet,
    /// The bus gateway's key and evidence folder, when it runs in this installation.
    pub bus: Option<BusWeb>,
}

impl AppState {
    /// Build the state.
    pub fn new(db: Db, blobs: BlobStore, cfg: WebConfig) -> Self {
        Self::build(db, blobs, cfg, None)
    }

    /// Build the state of a web edge whose installation runs the bus gateway.
    pub fn with_bus(db: Db, blobs: BlobStore, cfg: WebConfig, bus: BusWeb) -> Self {
        Self::build(db, blobs, cfg, Some(bus))
    }

    fn build(db: Db, blobs: BlobStore, cfg: WebConfig, bus: Option<BusWeb>) -> Self {
        Self(Arc::new(Inner {
            db,
            blobs,
            cfg,
            limiter: LoginLimiter::new(Duration::from_secs(15 * 60), 5, 30),
            metrics: crate::ops::metrics_handle(),
            impact: VersionedCache::new(256),
            impact_graph: VersionedCache::new(256),
            impact_json: VersionedCache::new(256),
            list_counts: VersionedCache::new(1024),
            kepatuhan: VersionedCache::new(32),
            kepatuhan_sedang: tokio::sync::Mutex::new(()),
            profil_aktif: Default::default(),
            evaluasi: crate::evaluasi_models::ModelSet::shipped(),
            bus,
        }))
    }
}

impl Inner {
    /// Today in the region's time zone (what a year or a date typed by an official means).
    pub fn today(&self) -> time::Date {
        time::OffsetDateTime::now_utc()
            .to_offset(self.cfg.utc_offset)
            .date()
    }
}

impl std::ops::Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}
