//! The gateway as a library: build it from settings, a snapshot source, the evidence
//! log and the NIK key; serve it on a listener until a shutdown future resolves. The
//! listener speaks HTTP/1.1 through hyper directly: one connection task per client,
//! keep-alive, header read timeout, graceful shutdown of open connections.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

use super::config::GatewayConfig;
use super::directory::Snapshot;
use super::holder::Holder;
use super::ratelimit::Limiter;
use super::source::{SnapshotSource, SourceError};
use super::tls::{self, BuildError};
use super::token::TokenKey;
use super::upstream::{self, HttpClient};
use super::{health, metrik, worker};
use crate::evidence::EvidenceLog;
use crate::nik::KunciNik;

/// What every request of one gateway shares.
pub(crate) struct Shared {
    pub(crate) cfg: GatewayConfig,
    pub(crate) holder: Arc<Holder>,
    pub(crate) evidence: EvidenceLog,
    pub(crate) nik: KunciNik,
    pub(crate) limiter: Limiter,
    /// The health checker's client (each serving thread has its own pool).
    pub(crate) health_client: HttpClient,
    /// The latest health check of each upstream, for the control plane.
    pub(crate) kesehatan: Arc<health::KesehatanHulu>,
    /// TLS settings of every upstream client (roots parsed once, shared by the pools).
    pub(crate) tls: rustls::ClientConfig,
    pub(crate) tokens: TokenKey,
    pub(crate) metrics: PrometheusHandle,
}

/// A gateway, ready to serve.
pub struct Gateway {
    sh: Arc<Shared>,
    source: Arc<dyn SnapshotSource>,
}

/// Builds a [`Gateway`].
pub struct GatewayBuilder {
    cfg: GatewayConfig,
    source: Arc<dyn SnapshotSource>,
    evidence: EvidenceLog,
    nik: KunciNik,
    metrics: Option<PrometheusHandle>,
    refresh: Option<Arc<Notify>>,
}

impl Gateway {
    /// Start building a gateway.
    pub fn builder(
        cfg: GatewayConfig,
        source: Arc<dyn SnapshotSource>,
        evidence: EvidenceLog,
        nik: KunciNik,
    ) -> GatewayBuilder {
        GatewayBuilder {
            cfg,
            source,
            evidence,
            nik,
            metrics: None,
            refresh: None,
        }
    }

    /// Notify this to make the gateway reload its directory now (after a change).
    pub fn refresh_handle(&self) -> Arc<Notify> {
        self.sh.holder.notify_handle()
    }

    /// Reload the directory now; on error the last good snapshot stays.
    pub async fn refresh(&self) -> Result<(), SourceError> {
        self.sh.holder.refresh(self.source.as_ref()).await
    }

    /// The latest background health check of each upstream (for a monitoring page).
    pub fn kesehatan(&self) -> Arc<health::KesehatanHulu> {
        Arc::clone(&self.sh.kesehatan)
    }

    /// The snapshot requests are routed from.
    pub fn snapshot(&self) -> Arc<Snapshot> {
        self.sh.holder.current()
    }

    /// Serve on `listener` until `shutdown` resolves, then stop accepting, let open
    /// exchanges finish (up to 10 s) and stop the background tasks. The evidence log is
    /// the caller's: call [`EvidenceLog::shutdown`] after this returns.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send,
    ) -> std::io::Result<()> {
        let (stop_tx, stop_rx) = watch::channel(false);
        let refresher = tokio::spawn(Arc::clone(&self.sh.holder).run(
            Arc::clone(&self.source),
            self.sh.cfg.refresh_interval,
            stop_rx.clone(),
        ));
        let checker = tokio::spawn(health::run(Arc::clone(&self.sh), stop_rx.clone()));
        let ticker = tokio::spawn(tick(Arc::clone(&self.sh), stop_rx));
        // One event loop per thread; this task accepts and hands out (see `worker`).
        let mut slots = Vec::new();
        let mut workers = Vec::new();
        for i in 0..self.sh.cfg.workers() {
            let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
            let open = Arc::new(std::sync::atomic::AtomicUsize::new(0));
            let (sh, count) = (Arc::clone(&self.sh), Arc::clone(&open));
            let (done_tx, done_rx) = tokio::sync::oneshot::channel();
            std::thread::Builder::new()
                .name(format!("simpul-bus-{i}"))
                .spawn(move || {
                    let _ = done_tx.send(worker::run(sh, rx, count));
                })?;
            slots.push(worker::Slot { tx, open });
            workers.push(done_rx);
        }
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                acc = listener.accept() => {
                    let (stream, peer) = match acc {
                        Ok(a) => a,
                        Err(e) => {
                            // Out of descriptors and the like: pause instead of spinning.
                            tracing::warn!(error = %e, "menerima koneksi gagal");
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            continue;
                        }
                    };
                    let _ = stream.set_nodelay(true);
                    let stream = match stream.into_std() {
                        Ok(s) => s,
                        Err(e) => {
                            tracing::warn!(error = %e, "koneksi tidak dapat diserahkan");
                            continue;
                        }
                    };
                    if !worker::dispatch(&slots, (stream, peer)) {
                        tracing::error!("tidak ada utas bus yang melayani; berhenti");
                        break;
                    }
                }
                () = &mut shutdown => break,
            }
        }
        // Closing the hand-off channels tells every thread to finish its connections.
        drop(listener);
        drop(slots);
        let mut result = Ok(());
        for w in workers {
            match w.await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => result = Err(e),
                Err(_) => result = Err(std::io::Error::other("a bus worker thread panicked")),
            }
        }
        let _ = stop_tx.send(true);
        let _ = tokio::join!(refresher, checker, ticker);
        result
    }
}

impl GatewayBuilder {
    /// Reload the directory whenever `n` is notified, besides the refresh interval: the
    /// control plane of the same process notifies it after every change, so an
    /// approval or a revocation takes effect at once.
    pub fn refresh_on(mut self, n: Arc<Notify>) -> Self {
        self.refresh = Some(n);
        self
    }

    /// Render `/metrics` from this handle (the one `simpul serve` already installed)
    /// instead of installing a recorder of the bus's own.
    pub fn metrics_handle(mut self, h: PrometheusHandle) -> Self {
        self.metrics = Some(h);
        self
    }

    /// Load the TLS roots and the first snapshot and make the gateway. A CA file
    /// (`ca_tambahan`) that cannot be used is an error: the bus does not start with
    /// upstreams it cannot verify. A source that fails now leaves the gateway with an
    /// empty directory (every call `layanan_tidak_dikenal`) until a refresh succeeds:
    /// the bus starts even when the database does not answer.
    pub async fn build(self) -> Result<Gateway, BuildError> {
        let tls = tls::client_config(self.cfg.ca_tambahan.as_deref())?;
        let holder = Arc::new(match self.refresh {
            Some(n) => Holder::with_notify(Snapshot::default(), n),
            None => Holder::new(Snapshot::default()),
        });
        let _ = holder.refresh(self.source.as_ref()).await;
        let tokens = match self.cfg.token_key {
            Some(k) => TokenKey::from_bytes(k),
            None => TokenKey::random(),
        };
        let sh = Shared {
            limiter: Limiter::new(self.cfg.rate_limit_keys),
            health_client: upstream::client(4, &tls),
            kesehatan: Arc::default(),
            tls,
            metrics: self.metrics.unwrap_or_else(metrik::default_handle),
            cfg: self.cfg,
            holder,
            evidence: self.evidence,
            nik: self.nik,
            tokens,
        };
        Ok(Gateway {
            sh: Arc::new(sh),
            source: self.source,
        })
    }

    /// Build and serve (see [`Gateway::serve`]); a build error is `InvalidInput`.
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send,
    ) -> std::io::Result<()> {
        self.build()
            .await
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))?
            .serve(listener, shutdown)
            .await
    }
}

/// Once a second: snapshot age and evidence queue gauges.
async fn tick(sh: Arc<Shared>, mut stop: watch::Receiver<bool>) {
    let mut t = tokio::time::interval(Duration::from_secs(1));
    loop {
        tokio::select! {
            _ = t.tick() => {}
            _ = stop.changed() => return,
        }
        metrik::tick(
            sh.holder.loaded_at().elapsed().as_secs_f64(),
            sh.evidence.queue_len(),
        );
    }
}
