//! The gateway as a library: build it from settings, a snapshot source, the evidence
//! log and the NIK key; serve it on a listener until a shutdown future resolves. The
//! listener speaks HTTP/1.1 through hyper directly: one connection task per client,
//! keep-alive, header read timeout, graceful shutdown of open connections.

use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};

use super::config::GatewayConfig;
use super::context::Out;
use super::directory::Snapshot;
use super::holder::Holder;
use super::ratelimit::Limiter;
use super::source::{SnapshotSource, SourceError};
use super::token::TokenKey;
use super::upstream::{self, HttpClient};
use super::{health, metrik, oauth, pipeline};
use crate::evidence::EvidenceLog;
use crate::nik::KunciNik;

/// What every request of one gateway shares.
pub(crate) struct Shared {
    pub(crate) cfg: GatewayConfig,
    pub(crate) holder: Arc<Holder>,
    pub(crate) evidence: EvidenceLog,
    pub(crate) nik: KunciNik,
    pub(crate) limiter: Limiter,
    pub(crate) client: HttpClient,
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
        let graceful = GracefulShutdown::new();
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(Duration::from_secs(30))
            .keep_alive(true);
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
                    let sh = Arc::clone(&self.sh);
                    let svc = service_fn(move |req| {
                        let sh = Arc::clone(&sh);
                        async move { Ok::<_, Infallible>(handle(&sh, req, peer).await) }
                    });
                    let conn = builder.serve_connection(TokioIo::new(stream), svc);
                    let conn = graceful.watch(conn);
                    tokio::spawn(async move {
                        if let Err(e) = conn.await {
                            tracing::debug!(error = %e, "koneksi berakhir dengan galat");
                        }
                    });
                }
                () = &mut shutdown => break,
            }
        }
        drop(listener);
        if tokio::time::timeout(Duration::from_secs(10), graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("sebagian koneksi belum selesai setelah 10 detik");
        }
        let _ = stop_tx.send(true);
        let _ = tokio::join!(refresher, checker, ticker);
        Ok(())
    }
}

impl GatewayBuilder {
    /// Render `/metrics` from this handle (the one `simpul serve` already installed)
    /// instead of installing a recorder of the bus's own.
    pub fn metrics_handle(mut self, h: PrometheusHandle) -> Self {
        self.metrics = Some(h);
        self
    }

    /// Load the first snapshot and make the gateway. A source that fails now leaves the
    /// gateway with an empty directory (every call `layanan_tidak_dikenal`) until a
    /// refresh succeeds: the bus starts even when the database does not answer.
    pub async fn build(self) -> Gateway {
        let holder = Arc::new(Holder::new(Snapshot::default()));
        let _ = holder.refresh(self.source.as_ref()).await;
        let tokens = match self.cfg.token_key {
            Some(k) => TokenKey::from_bytes(k),
            None => TokenKey::random(),
        };
        let sh = Shared {
            limiter: Limiter::new(self.cfg.rate_limit_keys),
            client: upstream::client(self.cfg.pool_max_idle_per_host),
            metrics: self.metrics.unwrap_or_else(metrik::default_handle),
            cfg: self.cfg,
            holder,
            evidence: self.evidence,
            nik: self.nik,
            tokens,
        };
        Gateway {
            sh: Arc::new(sh),
            source: self.source,
        }
    }

    /// Build and serve (see [`Gateway::serve`]).
    pub async fn serve(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send,
    ) -> std::io::Result<()> {
        self.build().await.serve(listener, shutdown).await
    }
}

/// The bus's own endpoints, then the proxy.
async fn handle(sh: &Shared, req: Request<Incoming>, peer: SocketAddr) -> Response<Full<Bytes>> {
    let out = match (req.method(), req.uri().path()) {
        (&Method::GET, "/healthz") => {
            plain(StatusCode::OK, "text/plain", Bytes::from_static(b"ok"))
        }
        (&Method::GET, "/metrics") => plain(
            StatusCode::OK,
            "text/plain; version=0.0.4",
            Bytes::from(sh.metrics.render()),
        ),
        (&Method::POST, "/oauth/token") => {
            let (parts, body) = req.into_parts();
            match Limited::new(body, oauth::MAX_FORM).collect().await {
                Ok(b) => oauth::token(sh, &parts.headers, &b.to_bytes()),
                Err(_) => plain(
                    StatusCode::BAD_REQUEST,
                    "application/json",
                    Bytes::from_static(b"{\"error\":\"invalid_request\"}"),
                ),
            }
        }
        _ => pipeline::exchange(sh, req, peer).await,
    };
    let mut r = Response::new(Full::new(out.body));
    *r.status_mut() = out.status;
    *r.headers_mut() = out.headers;
    r
}

fn plain(status: StatusCode, ct: &'static str, body: Bytes) -> Out {
    let mut h = http::HeaderMap::new();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
    Out {
        status,
        headers: h,
        body,
        problem: None,
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
