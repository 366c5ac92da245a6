//! Harness for the gateway tests: real upstream servers on loopback (axum), a
//! directory naming them, a gateway on 127.0.0.1:0 with a real evidence log, and
//! helpers to read the log back.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method, Uri};
use axum::routing::{any, get};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use simpul_bus::evidence::{EvidenceConfig, EvidenceLog, Isi, Pembaca, Pertukaran};
use simpul_bus::gateway::{
    Consumer, Directory, Gateway, GatewayConfig, Grant, Klasifikasi, MemorySource, NikFields,
    OauthClient, RateLimit, Service, SnapshotSource,
};
use simpul_bus::nik::KunciNik;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

pub const NIK: &str = "6310014501900001";
pub const NIK_JAWAB: &str = "6310014501900002";
pub const NIP: &str = "198609262015051001";
pub const KEY: &str = "kunci-dinsos-rahasia-sekali";
pub const KEY_REVOKED: &str = "kunci-yang-dicabut";
pub const KEY_EXPIRED: &str = "kunci-izin-kedaluwarsa";
pub const CLIENT_ID: &str = "dinsos-siks";
pub const CLIENT_SECRET: &str = "rahasia-klien-dinsos-0123456789";
pub const XROAD_CLIENT: &str = "SIMPUL/GOV/DINSOS/siks";

pub fn sha(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// A folder under the temp dir, removed on drop.
pub struct Tmp(pub PathBuf);
impl Tmp {
    pub fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "simpul-gw-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
}
impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Echo: what the upstream received, as JSON.
async fn echo(method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> axum::Json<Value> {
    let h: serde_json::Map<String, Value> = headers
        .iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                Value::String(v.to_str().unwrap_or("").into()),
            )
        })
        .collect();
    axum::Json(json!({
        "method": method.as_str(),
        "uri": uri.to_string(),
        "headers": h,
        "body": String::from_utf8_lossy(&body),
        "nik": NIK_JAWAB,
    }))
}

/// A real upstream on loopback.
pub async fn upstream() -> SocketAddr {
    let app = Router::new()
        .route(
            "/lambat",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3)).await;
                "terlambat"
            }),
        )
        .route("/besar", get(|| async { vec![b'x'; 64 * 1024] }))
        .route("/{*rest}", any(echo))
        .route("/", any(echo));
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let a = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    a
}

/// An "upstream" that answers garbage, not HTTP.
pub async fn garbage() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let a = l.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((mut s, _)) = l.accept().await else {
                return;
            };
            tokio::spawn(async move {
                use tokio::io::{AsyncReadExt, AsyncWriteExt};
                let mut buf = [0u8; 4096];
                let _ = s.read(&mut buf).await;
                let _ = s
                    .write_all(b"SAMPAH \x00\x01 bukan http sama sekali\r\n\r\n")
                    .await;
            });
        }
    });
    a
}

/// A loopback address nobody listens on.
pub async fn down() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap()
}

fn svc(pd: &str, code: &str, up: SocketAddr, k: Klasifikasi) -> Service {
    Service {
        pd: pd.into(),
        code: code.into(),
        version: "v1".into(),
        upstream: format!("http://{up}"),
        classification: k,
        nik: NikFields::default(),
        active: true,
        rate_limit: None,
        timeout_ms: Some(1000),
        max_body: None,
        xroad_subsystem: None,
        health_path: None,
    }
}

fn grant(consumer: &str, service: &str, expires: &str) -> Grant {
    Grant {
        consumer: consumer.into(),
        service: service.into(),
        purpose: "verifikasi penerima bansos".into(),
        legal_basis: "Permensos 3/2021".into(),
        expires: time::Date::parse(
            expires,
            time::macros::format_description!("[year]-[month]-[day]"),
        )
        .unwrap(),
        active: true,
    }
}

/// The directory of the tests: services on `up` (echo), `garbage` and `down`.
pub fn directory(up: SocketAddr, garbage: SocketAddr, down: SocketAddr) -> Directory {
    let mut penduduk = svc("DUKCAPIL", "penduduk", up, Klasifikasi::Terbatas);
    penduduk.nik = NikFields {
        query: vec!["nik".into()],
        request: vec!["nik".into()],
        response: vec!["nik".into()],
    };
    let mut kecil = svc("DINKES", "kecil", up, Klasifikasi::Biasa);
    kecil.max_body = Some(1024);
    let mut laju = svc("DINKES", "laju", up, Klasifikasi::Biasa);
    laju.rate_limit = Some(RateLimit {
        per_second: 0.5,
        burst: 3,
    });
    let mut nonaktif = svc("DINKES", "nonaktif", up, Klasifikasi::Biasa);
    nonaktif.active = false;
    let mut v2 = svc("DINKES", "echo", up, Klasifikasi::Biasa);
    v2.version = "v2".into();
    let services = vec![
        penduduk,
        svc("DINKES", "echo", up, Klasifikasi::Biasa),
        v2,
        kecil,
        laju,
        nonaktif,
        svc("DINKES", "rusak", garbage, Klasifikasi::Biasa),
        svc("DINKES", "mati", down, Klasifikasi::Biasa),
    ];
    let consumer = |id: &str, key: &str, revoked: bool| Consumer {
        id: id.into(),
        name: format!("Aplikasi {id}"),
        pd: "DINSOS".into(),
        application: "SIKS".into(),
        api_keys_sha256: vec![sha(key)],
        oauth_clients: vec![],
        revoked,
        xroad_client: None,
    };
    let mut dinsos = consumer("dinsos", KEY, false);
    dinsos.oauth_clients = vec![OauthClient {
        client_id: CLIENT_ID.into(),
        secret_sha256: sha(CLIENT_SECRET),
    }];
    dinsos.xroad_client = Some(XROAD_CLIENT.into());
    let mut grants: Vec<Grant> = [
        "DUKCAPIL/penduduk/v1",
        "DINKES/echo/v1",
        "DINKES/echo/v2",
        "DINKES/kecil/v1",
        "DINKES/laju/v1",
        "DINKES/nonaktif/v1",
        "DINKES/rusak/v1",
        "DINKES/mati/v1",
    ]
    .iter()
    .map(|s| grant("dinsos", s, "2099-12-31"))
    .collect();
    grants.push(grant("dicabut", "DINKES/echo/v1", "2099-12-31"));
    grants.push(grant("lama", "DINKES/echo/v1", "2020-01-31"));
    Directory {
        services,
        consumers: vec![
            dinsos,
            consumer("dicabut", KEY_REVOKED, true),
            consumer("lama", KEY_EXPIRED, false),
        ],
        grants,
    }
}

/// A running gateway.
pub struct Bus {
    pub addr: SocketAddr,
    pub base: String,
    pub source: MemorySource,
    pub log: EvidenceLog,
    pub nik: KunciNik,
    pub refresh: Arc<tokio::sync::Notify>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
    pub tmp: Tmp,
    pub http: reqwest::Client,
}

impl Bus {
    pub async fn start(tag: &str) -> Self {
        Self::start_with(tag, GatewayConfig::default(), None).await
    }

    /// A gateway over the test directory; `source` replaces the memory source.
    pub async fn start_with(
        tag: &str,
        cfg: GatewayConfig,
        source: Option<Arc<dyn SnapshotSource>>,
    ) -> Self {
        let (up, g, d) = (upstream().await, garbage().await, down().await);
        let mem = MemorySource::new(directory(up, g, d));
        let tmp = Tmp::new(tag);
        let mut ec = EvidenceConfig::new(tmp.0.join("bukti"));
        ec.checkpoint_every = 25;
        let log = EvidenceLog::open(ec).unwrap();
        let nik = KunciNik::from_bytes([9; 32]);
        let src: Arc<dyn SnapshotSource> = source.unwrap_or_else(|| Arc::new(mem.clone()));
        let gw = Gateway::builder(cfg, src, log.clone(), nik.clone())
            .build()
            .await
            .unwrap();
        let refresh = gw.refresh_handle();
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        let (tx, rx) = oneshot::channel();
        let task = tokio::spawn(async move {
            gw.serve(l, async {
                let _ = rx.await;
            })
            .await
            .unwrap();
        });
        Self {
            addr,
            base: format!("http://{addr}"),
            source: mem,
            log,
            nik,
            refresh,
            stop: Some(tx),
            task: Some(task),
            tmp,
            http: reqwest::Client::new(),
        }
    }

    pub fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .get(format!("{}{path}", self.base))
            .header("x-api-key", KEY)
    }

    pub fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http
            .post(format!("{}{path}", self.base))
            .header("x-api-key", KEY)
    }

    /// Stop the gateway, close the log, and return the exchanges in it (after checking
    /// that the log verifies).
    pub async fn finish(mut self) -> (Vec<Pertukaran>, String) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.task.take() {
            t.await.unwrap();
        }
        self.log.shutdown().await.unwrap();
        let dir = self.tmp.0.join("bukti");
        let laporan = simpul_bus::evidence::verify(&dir).unwrap();
        assert!(laporan.berhenti_bersih);
        let mut raw = String::new();
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "log") {
                raw.push_str(&std::fs::read_to_string(p).unwrap());
            }
        }
        let entries = Pembaca::open(&dir, 1)
            .unwrap()
            .filter_map(|r| match r.unwrap().isi {
                Isi::Pertukaran(p) => Some(p),
                _ => None,
            })
            .collect();
        (entries, raw)
    }
}

/// The exchange with request id `id`.
pub fn by_id<'a>(entries: &'a [Pertukaran], id: &str) -> &'a Pertukaran {
    entries
        .iter()
        .find(|e| e.id_permintaan == id)
        .unwrap_or_else(|| panic!("no entry {id}"))
}

/// Status, problem code and request id of a problem response.
pub async fn problem(r: reqwest::Response) -> (u16, String, String) {
    let status = r.status().as_u16();
    assert_eq!(
        r.headers()["content-type"],
        "application/problem+json",
        "status {status}"
    );
    let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let v: Value = r.json().await.unwrap();
    assert!(v["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(v["status"], status);
    assert_eq!(v["id_permintaan"], id.as_str());
    (status, v["kode"].as_str().unwrap().to_owned(), id)
}
