//! Forwarding to the upstream over a pooled HTTP/1.1 client (plain or TLS, see `tls`),
//! within the service's timeout, buffering the response up to its body limit (so it can
//! be hashed and logged before the consumer gets a byte), and naming what went wrong in
//! the terms the consumer sees: unreachable, TLS refused, too slow, or not speaking HTTP.

use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{Request, Response, Uri};
use http_body_util::{BodyExt, Full, Limited};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use super::problem::{Kode, Problem};
use super::tls;

/// The pooled client.
pub type HttpClient = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// A client keeping `max_idle` connections per upstream, speaking `http://` in the clear
/// and `https://` with `tls` (built once per gateway; cloning it shares the roots).
pub fn client(max_idle: usize, tls: &rustls::ClientConfig) -> HttpClient {
    let mut c = HttpConnector::new();
    c.set_nodelay(true);
    c.set_connect_timeout(Some(Duration::from_secs(5)));
    // The TLS layer above decides per scheme; this one must accept https URIs too.
    c.enforce_http(false);
    let c = HttpsConnectorBuilder::new()
        .with_tls_config(tls.clone())
        .https_or_http()
        .enable_http1()
        .wrap_connector(c);
    Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(max_idle)
        .pool_idle_timeout(Duration::from_secs(60))
        .build(c)
}

/// The upstream URI for `rest` (path after the service, may be empty) and `query`.
pub fn uri(base: &str, rest: &str, query: Option<&str>) -> Option<Uri> {
    let base = base.trim_end_matches('/');
    let mut s = String::with_capacity(base.len() + rest.len() + 32);
    s.push_str(base);
    s.push_str(if rest.is_empty() { "/" } else { rest });
    if let Some(q) = query {
        s.push('?');
        s.push_str(q);
    }
    s.parse().ok()
}

/// The authority (`host:port`) of a URI, for the `Host` header.
pub fn authority(u: &Uri) -> String {
    u.authority().map(|a| a.to_string()).unwrap_or_default()
}

/// A buffered upstream response and how long it took.
pub struct Answer {
    /// Status and headers.
    pub parts: http::response::Parts,
    /// The whole body.
    pub body: Bytes,
    /// Time from sending to the last body byte.
    pub took: Duration,
}

/// Send `req` and buffer the answer, within `timeout` and `max_body`.
pub async fn send(
    client: &HttpClient,
    req: Request<Full<Bytes>>,
    timeout: Duration,
    max_body: u64,
) -> Result<Answer, (Problem, Duration)> {
    let t0 = Instant::now();
    let work = async {
        let resp: Response<hyper::body::Incoming> = client.request(req).await.map_err(|e| {
            // A TLS failure (certificate, name, handshake) is its own code: the upstream
            // is there, but not one the bus may trust. Other connector errors mean
            // nobody answered at that address; anything after the connection stood is
            // the upstream speaking something else.
            if let Some(t) = tls::cause(&e) {
                tracing::warn!(error = %t, "TLS ke hulu gagal");
                Problem::with(Kode::HuluTlsGagal, tls::detail(t))
            } else if e.is_connect() {
                tracing::debug!(error = %e, "hulu tidak dapat dihubungi");
                Problem::from(Kode::HuluTidakTersedia)
            } else {
                tracing::debug!(error = ?e, "hulu menjawab rusak");
                Problem::from(Kode::HuluRusak)
            }
        })?;
        let (parts, body) = resp.into_parts();
        let limit = usize::try_from(max_body).unwrap_or(usize::MAX);
        let body = Limited::new(body, limit).collect().await.map_err(|e| {
            if e.downcast_ref::<http_body_util::LengthLimitError>()
                .is_some()
            {
                Problem::from(Kode::TanggapanTerlaluBesar)
            } else {
                tracing::debug!(error = %e, "badan tanggapan hulu rusak");
                Problem::from(Kode::HuluRusak)
            }
        })?;
        Ok::<_, Problem>((parts, body.to_bytes()))
    };
    match tokio::time::timeout(timeout, work).await {
        Ok(Ok((parts, body))) => Ok(Answer {
            parts,
            body,
            took: t0.elapsed(),
        }),
        Ok(Err(p)) => Err((p, t0.elapsed())),
        Err(_) => Err((Problem::from(Kode::HuluTimeout), t0.elapsed())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_base_rest_and_query() {
        let u = uri("http://127.0.0.1:9/api/", "/cari", Some("nik=1")).unwrap();
        assert_eq!(u.to_string(), "http://127.0.0.1:9/api/cari?nik=1");
        assert_eq!(
            uri("http://h:1", "", None).unwrap().to_string(),
            "http://h:1/"
        );
        assert_eq!(authority(&u), "127.0.0.1:9");
    }
}
