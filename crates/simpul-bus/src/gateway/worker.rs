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
//! Every thread waits on the same socket; the kernel wakes them for a new connection
//! and the ones that lose the race get `WouldBlock`, which costs little next to
//! keep-alive connections carrying many exchanges each.

use std::convert::Infallible;
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
use tokio::net::TcpListener;
use tokio::sync::watch;

use super::context::Out;
use super::server::Shared;
use super::upstream::{self, HttpClient};
use super::{oauth, pipeline};

/// How long open exchanges may take to finish once the gateway stops.
const DRAIN: Duration = Duration::from_secs(10);

/// Serve connections accepted from `listener` until `halt` turns true, then stop
/// accepting and let open connections finish (up to [`DRAIN`]).
pub(crate) fn run(
    sh: Arc<Shared>,
    listener: std::net::TcpListener,
    mut halt: watch::Receiver<bool>,
) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let listener = TcpListener::from_std(listener)?;
        let client = upstream::client(sh.cfg.pool_max_idle_per_host, &sh.tls);
        let graceful = GracefulShutdown::new();
        let mut builder = http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(Duration::from_secs(30))
            .keep_alive(true);
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
                    let (sh, client) = (Arc::clone(&sh), client.clone());
                    let svc = service_fn(move |req| {
                        let (sh, client) = (Arc::clone(&sh), client.clone());
                        async move { Ok::<_, Infallible>(handle(&sh, &client, req, peer).await) }
                    });
                    let conn = graceful.watch(builder.serve_connection(TokioIo::new(stream), svc));
                    tokio::spawn(async move {
                        if let Err(e) = conn.await {
                            tracing::debug!(error = %e, "koneksi berakhir dengan galat");
                        }
                    });
                }
                _ = halt.wait_for(|h| *h) => break,
            }
        }
        drop(listener);
        if tokio::time::timeout(DRAIN, graceful.shutdown())
            .await
            .is_err()
        {
            tracing::warn!("sebagian koneksi belum selesai setelah 10 detik");
        }
        Ok(())
    })
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
