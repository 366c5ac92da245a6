//! A fixed-rate load generator (wrk2 is not packaged): request `i` is sent at
//! `start + i / rate` whether or not earlier ones have been answered (an open loop, so
//! a stalled server cannot slow the generator down and hide its stall: no coordinated
//! omission), and its latency counts from sending to the last body byte. (Counting from
//! the due time instead would add the timer's own lateness, up to 1 ms in tokio.) Prints `RESULT <req/s> <p50 ms> <p99 ms> <max ms> <requests> <errors>`.
//!
//! ```sh
//! cargo run --release -p simpul-bus --example fixed_rate -- URL RATE SECONDS [HEADER:VALUE ...]
//! ```

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderName, HeaderValue, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use tokio::sync::Mutex;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [url, rate, secs, hdrs @ ..] = args.as_slice() else {
        return Err("pakai: fixed_rate URL RATE SECONDS [HEADER:VALUE ...]".into());
    };
    let uri: http::Uri = url.parse()?;
    let rate: f64 = rate.parse()?;
    let secs: f64 = secs.parse()?;
    let mut headers = Vec::new();
    for h in hdrs {
        let (k, v) = h.split_once(':').ok_or("header harus NAMA:NILAI")?;
        headers.push((
            HeaderName::from_bytes(k.trim().as_bytes())?,
            HeaderValue::from_str(v.trim())?,
        ));
    }
    let mut conn = HttpConnector::new();
    conn.set_nodelay(true);
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(64)
        .build(conn);
    let total = (rate * secs) as u64;
    let lat = Arc::new(Mutex::new(Vec::with_capacity(total as usize)));
    let errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    // Warm the pool so connection set-up is not in the figures.
    for _ in 0..4 {
        let mut r = Request::new(Full::new(Bytes::new()));
        *r.uri_mut() = uri.clone();
        for (k, v) in &headers {
            r.headers_mut().insert(k, v.clone());
        }
        let _ = client.request(r).await?.into_body().collect().await;
    }
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..total {
        let due = start + Duration::from_secs_f64(i as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let mut r = Request::new(Full::new(Bytes::new()));
        *r.uri_mut() = uri.clone();
        for (k, v) in &headers {
            r.headers_mut().insert(k, v.clone());
        }
        let (c, lat, errors) = (client.clone(), Arc::clone(&lat), Arc::clone(&errors));
        tasks.spawn(async move {
            let sent = Instant::now();
            let ok = match c.request(r).await {
                Ok(resp) => {
                    let good = resp.status().is_success();
                    resp.into_body().collect().await.is_ok() && good
                }
                Err(_) => false,
            };
            if !ok {
                errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
            lat.lock().await.push(sent.elapsed().as_micros() as u64);
        });
        while tasks.try_join_next().is_some() {}
    }
    while tasks.join_next().await.is_some() {}
    let took = start.elapsed().as_secs_f64();
    let mut v = lat.lock().await.clone();
    v.sort_unstable();
    let pct = |p: f64| {
        v.get(((v.len() as f64 * p) as usize).min(v.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0) as f64
            / 1000.0
    };
    println!(
        "RESULT {:.0} {:.3} {:.3} {:.3} {} {}",
        v.len() as f64 / took,
        pct(0.50),
        pct(0.99),
        v.last().copied().unwrap_or(0) as f64 / 1000.0,
        v.len(),
        errors.load(std::sync::atomic::Ordering::Relaxed)
    );
    Ok(())
}
