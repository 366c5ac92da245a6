//! The bus gateway inside `simpul serve`, or alone as `simpul bus`: routes from the
//! database's directory (`simpul_store::bus::DbSource`), evidence in
//! `<data_dir>/bus/bukti`, NIK key in `<data_dir>/bus/kunci-nik.key`.
//!
//! Refresh: inside `simpul serve` the web notifies the gateway after every change to
//! the directory (`simpul_web::bus_refresh`), so an approval or a revocation takes
//! effect at once. `simpul bus` runs as its own process (and replicas each need to see
//! changes too), so every `REFRESH` the gateway also reloads the directory from the
//! database: the mechanism that works everywhere, a few seconds behind at most.
//!
//! Next to the gateway runs the indexer (`simpul_store::bus::indeks`), copying the
//! evidence log into the database every `INDEKS` for the exchange pages; it stops after
//! the log is closed, so its last pass takes the closing lines.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use metrics_exporter_prometheus::PrometheusHandle;
use simpul_bus::evidence::{EvidenceConfig, EvidenceLog};
use simpul_bus::gateway::{Gateway, GatewayConfig};
use simpul_bus::nik::KunciNik;
use simpul_store::Db;
use simpul_store::bus::DbSource;

use crate::settings::Settings;

/// How often the gateway reloads the directory.
pub const REFRESH: Duration = Duration::from_secs(3);

/// How often the indexer looks for new evidence lines.
pub const INDEKS: Duration = Duration::from_secs(1);

/// A built gateway and its evidence log.
pub struct Bus {
    /// The gateway.
    pub gateway: Gateway,
    /// Its evidence log (shut down after the gateway stops).
    pub log: EvidenceLog,
    /// The installation's NIK key (shared with the web's NIK lookup).
    pub nik: KunciNik,
    /// The evidence folder.
    pub bukti: PathBuf,
    /// The database the indexer writes to.
    pub db: Db,
}

impl Bus {
    /// What the web's bus pages need: the NIK key, the evidence folder, the public key.
    pub fn web(&self, s: &Settings) -> simpul_web::state::BusWeb {
        simpul_web::state::BusWeb {
            nik: self.nik.clone(),
            bukti: self.bukti.clone(),
            kunci_publik: self.log.public_key().to_hex(),
            metrics_url: Some(format!("http://{}/metrics", s.bus_listen)),
            segarkan: Some(self.gateway.refresh_handle()),
            kesehatan: Some(self.gateway.kesehatan()),
        }
    }
}

/// Open the evidence log and the NIK key, build the gateway over the database.
pub async fn build(s: &Settings, db: Db, metrics: Option<PrometheusHandle>) -> Result<Bus> {
    let dir = s.data_dir.join("bus");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let bukti = dir.join("bukti");
    let b2 = bukti.clone();
    let log = tokio::task::spawn_blocking(move || EvidenceLog::open(EvidenceConfig::new(b2)))
        .await?
        .context("opening the bus evidence log")?;
    let nik = KunciNik::load_or_create(&dir.join("kunci-nik.key")).context("the NIK key")?;
    let cfg = GatewayConfig {
        refresh_interval: REFRESH,
        ca_tambahan: s.bus_ca_file.clone(),
        ..GatewayConfig::default()
    };
    let mut b = Gateway::builder(
        cfg,
        Arc::new(DbSource::new(db.clone())),
        log.clone(),
        nik.clone(),
    );
    if let Some(m) = metrics {
        b = b.metrics_handle(m);
    }
    Ok(Bus {
        gateway: b.build().await.context("the bus CA file (bus_ca_file)")?,
        log,
        nik,
        bukti,
        db,
    })
}

/// Serve `bus` on `s.bus_listen` until `shutdown`, with the indexer beside it; then close
/// the evidence log and stop the indexer after its last pass.
pub async fn serve(
    s: &Settings,
    bus: Bus,
    shutdown: impl std::future::Future<Output = ()> + Send,
) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(&s.bus_listen)
        .await
        .with_context(|| format!("listening on {} (bus)", s.bus_listen))?;
    println!("Bus Simpul siap di http://{}/", listener.local_addr()?);
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let indekser =
        simpul_store::bus::indeks::spawn(bus.db.clone(), bus.bukti.clone(), INDEKS, async {
            let _ = stopped.await;
        });
    let served = bus.gateway.serve(listener, shutdown).await;
    let closed = bus.log.shutdown().await;
    let _ = stop.send(());
    let _ = indekser.await;
    served?;
    closed.map_err(|e| anyhow::anyhow!("closing the evidence log: {e}"))?;
    Ok(())
}
