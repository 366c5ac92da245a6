//! One serving thread: a single-threaded event loop that accepts connections from the
//! shared listening socket and serves them to the end, with its own upstream
//! connection pool.
//!
//! Why threads with their own loop rather than one work-stealing runtime: a proxied
//! exchange hops between the consumer's connection task and the upstream connection's
//! task; on a work-stealing runtime each hop may wake another worker thread (a futex
//! call and a context switch), which on the 2-core machines regions run the bus on
//! costs more than the proxying itself. Here every hop of an exchange stays on the
//! thread that accepted the connection, as in nginx's worker processes; the threads
//! share only the snapshot, the rate limiter and the evidence log's queue. It also
//! keeps the bus responsive when the web pages of `simpul serve` are busy.
//!
//! The caller's runtime accepts and hands each connection to the thread holding the
//! fewest open ones (the kernel's wake-up order alone gave one thread three quarters of
//! the connections); a hand-off per connection costs nothing next to the exchanges a
//! keep-alive connection carries.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpStream;
use tokio::sync::mpsc;

use super::context::Out;
use super::server::Shared;
use super::upstream::{self, HttpClient};
use super::{oauth, pipeline};

/// How long open exchanges may take to finish once the gateway stops.
const DRAIN: Duration = Duration::from_secs(10);

/// A connection handed to a serving thread.
pub(crate) type Hand = (std::net::TcpStream, SocketAddr);

/// Serve the connections handed over on `rx` until the acceptor drops its end, then let
/// open connections finish (up to [`DRAIN`]). `open` counts this thread's connections
/// for the acceptor's choice.
pub(crate) fn run(
    sh: Arc<Shared>,
    mut rx: mpsc::UnboundedReceiver<Hand>,
    open: Arc<AtomicUsize>,
) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let client = upstream::client(sh.cfg.pool_max_idle_per_host, &sh.tls);
        let graceful = GracefulShutdown::new();
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(Duration::from_secs(30))
            .keep_alive(true);
        while let Some((stream, peer)) = rx.recv().await {
            let stream = match TcpStream::from_std(stream) {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "koneksi tidak dapat dilayani");
                    open.fetch_sub(1, Ordering::Relaxed);
                    continue;
                }
            };
            let (sh, client) = (Arc::clone(&sh), client.clone());
            let svc = service_fn(move |req| {
                let (sh, client) = (Arc::clone(&sh), client.clone());
                async move { Ok::<_, Infallible>(handle(&sh, &client, req, peer).await) }
            });
            let conn = graceful.watch(builder.serve_connection(TokioIo::new(stream), svc));
            let open = Arc::clone(&open);
            tokio::spawn(async move {
                if let Err(e) = conn.await {
                    tracing::debug!(error = %e, "koneksi berakhir dengan galat");
                }
                open.fetch_sub(1, Ordering::Relaxed);
            });
        }
        if tokio::time::timeout(DRAIN, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("sebagian koneksi belum selesai setelah 10 detik");
        }
        Ok(())
    })
}

/// The acceptor's view of a serving thread: where to hand a connection, how many it has.
pub(crate) struct Slot {
    pub(crate) tx: mpsc::UnboundedSender<Hand>,
    pub(crate) open: Arc<AtomicUsize>,
}

/// Hand `conn` to the thread with the fewest open connections; false if none is left.
pub(crate) fn dispatch(slots: &[Slot], conn: Hand) -> bool {
    let Some(slot) = slots
        .iter()
        .filter(|s| !s.tx.is_closed())
        .min_by_key(|s| s.open.load(Ordering::Relaxed))
    else {
        return false;
    };
    slot.open.fetch_add(1, Ordering::Relaxed);
    if slot.tx.send(conn).is_err() {
        slot.open.fetch_sub(1, Ordering::Relaxed);
        return false;
    }
    true
}

/// The bus's own endpoints, then the proxy.
async fn handle(
    sh: &Shared,
    client: &HttpClient,
    req: Request<Incoming>,
    peer: SocketAddr,
) -> Response<Full<Bytes>> {
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
        _ => pipeline::exchange(sh, client, req, peer).await,
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
