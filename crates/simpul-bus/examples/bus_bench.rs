//! A gateway alone, for the benchmark (`benches/bus.sh`) and as the shape `simpul bus`
//! takes: one service `BENCH/ok/v1` (Biasa, no rate limit to speak of) forwarding to
//! `--upstream`, one consumer with API key `bench-key`, evidence logging and checkpoint
//! signing on in `--evidence`. Or `--directory FILE` (TOML/JSON) instead of the built-in
//! directory. `--verify DIR` checks an evidence log offline. Stops cleanly (closing checkpoint) on SIGTERM or Ctrl-C.
//!
//! ```sh
//! cargo run --release -p simpul-bus --example bus_bench -- \
//!     --listen 127.0.0.1:18300 --upstream http://127.0.0.1:18301 --evidence /tmp/bukti
//! ```

use std::sync::Arc;

// The allocator of the `simpul` binary, so the benchmark measures what runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use sha2::{Digest, Sha256};
use simpul_bus::evidence::{EvidenceConfig, EvidenceLog};
use simpul_bus::gateway::{
    Consumer, Directory, FileSource, Gateway, GatewayConfig, Grant, Klasifikasi, MemorySource,
    NikFields, RateLimit, Service, SnapshotSource,
};
use simpul_bus::nik::KunciNik;

fn arg(name: &str) -> Option<String> {
    let mut it = std::env::args();
    while let Some(a) = it.next() {
        if a == name {
            return it.next();
        }
    }
    None
}

fn directory(upstream: String) -> Result<Directory, Box<dyn std::error::Error>> {
    Ok(Directory {
        services: vec![Service {
            pd: "BENCH".into(),
            code: "ok".into(),
            version: "v1".into(),
            upstream,
            classification: Klasifikasi::Biasa,
            nik: NikFields {
                query: vec!["nik".into()],
                request: vec![],
                response: vec![],
            },
            active: true,
            rate_limit: Some(RateLimit {
                per_second: 1e9,
                burst: 1_000_000,
            }),
            timeout_ms: Some(5000),
            max_body: None,
            xroad_subsystem: None,
            health_path: None,
        }],
        consumers: vec![Consumer {
            id: "bench".into(),
            name: "Benchmark".into(),
            pd: "BENCH".into(),
            application: "wrk".into(),
            api_keys_sha256: vec![hex::encode(Sha256::digest(b"bench-key"))],
            oauth_clients: vec![],
            revoked: false,
            xroad_client: None,
        }],
        grants: vec![Grant {
            consumer: "bench".into(),
            service: "BENCH/ok/v1".into(),
            purpose: "benchmark".into(),
            legal_basis: "-".into(),
            expires: time::Date::from_calendar_date(2099, time::Month::December, 31)?,
            active: true,
        }],
    })
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Some(dir) = arg("--verify") {
        let r = simpul_bus::evidence::verify(std::path::Path::new(&dir))?;
        println!(
            "verified: {} exchanges, {} signed checkpoints, clean shutdown {}",
            r.pertukaran, r.checkpoint, r.berhenti_bersih
        );
        return Ok(());
    }
    let listen = arg("--listen").unwrap_or_else(|| "127.0.0.1:18300".into());
    let evidence = arg("--evidence").ok_or("--evidence DIR wajib")?;
    let source: Arc<dyn SnapshotSource> = match arg("--directory") {
        Some(f) => Arc::new(FileSource::new(f)),
        None => {
            let up = arg("--upstream").ok_or("--upstream URL atau --directory FILE wajib")?;
            Arc::new(MemorySource::new(directory(up)?))
        }
    };
    let ev = std::path::PathBuf::from(&evidence);
    let log =
        tokio::task::spawn_blocking(move || EvidenceLog::open(EvidenceConfig::new(ev))).await??;
    let nik = KunciNik::load_or_create(&std::path::Path::new(&evidence).with_extension("nik.key"))?;
    let listener = tokio::net::TcpListener::bind(&listen).await?;
    let gw = Gateway::builder(GatewayConfig::default(), source, log.clone(), nik)
        .build()
        .await?;
    let (l, k, i) = gw.snapshot().counts();
    println!(
        "bus siap di {listen}: {l} layanan, {k} konsumen, {i} izin; kunci {}",
        log.public_key().to_hex()
    );
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    gw.serve(listener, async move {
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
        }
    })
    .await?;
    let closing = log.shutdown().await?;
    println!("log bukti ditutup: {closing:?}");
    Ok(())
}
