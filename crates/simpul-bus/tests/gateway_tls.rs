//! https upstreams: a CA and server certificates made at test time, real TLS upstreams
//! on loopback. Forwarding works when the region's CA is configured; without it, for a
//! certificate of another host, an expired one, or an upstream not speaking TLS the
//! consumer gets `hulu_tls_gagal` and the log records the exchange as failed; a CA file
//! the gateway cannot use stops the build.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use bytes::Bytes;
use gw::*;
use http_body_util::Full;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa,
    KeyPair, KeyUsagePurpose,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use serde_json::Value;
use simpul_bus::evidence::{EvidenceConfig, EvidenceLog, Hasil};
use simpul_bus::gateway::{
    BuildError, Consumer, Directory, Gateway, GatewayConfig, Grant, Klasifikasi, MemorySource,
    NikFields, Service, SnapshotSource,
};
use simpul_bus::nik::KunciNik;
use tokio::net::TcpListener;

/// The region's CA (made fresh for each test).
struct Ca {
    issuer: CertifiedIssuer<'static, KeyPair>,
}

impl Ca {
    fn new() -> Self {
        let mut p = CertificateParams::new(Vec::<String>::new()).unwrap();
        p.distinguished_name
            .push(DnType::CommonName, "CA Pemkab Uji");
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        Self {
            issuer: CertifiedIssuer::self_signed(p, KeyPair::generate().unwrap()).unwrap(),
        }
    }

    fn pem(&self) -> String {
        self.issuer.pem()
    }

    /// A server certificate for `names`; `expired` puts its validity in the past.
    fn server(&self, names: &[&str], expired: bool) -> (CertificateDer<'static>, KeyPair) {
        let mut p = CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>())
            .unwrap();
        p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        if expired {
            p.not_before = rcgen::date_time_ymd(2020, 1, 1);
            p.not_after = rcgen::date_time_ymd(2021, 1, 1);
        }
        let key = KeyPair::generate().unwrap();
        let cert = p.signed_by(&key, &self.issuer).unwrap();
        (cert.der().clone(), key)
    }
}

/// An https upstream on loopback presenting `cert`; answers JSON naming the path.
async fn https_upstream(cert: CertificateDer<'static>, key: KeyPair) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(cfg));
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let a = l.local_addr().unwrap();
    tokio::spawn(async move {
        loop {
            let Ok((tcp, _)) = l.accept().await else {
                return;
            };
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A refused handshake is the point of most of these tests.
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let svc = service_fn(|req: http::Request<hyper::body::Incoming>| async move {
                    let body = serde_json::json!({
                        "tls": true,
                        "uri": req.uri().to_string(),
                        "host": req.headers().get("host").and_then(|h| h.to_str().ok()),
                    });
                    Ok::<_, Infallible>(http::Response::new(Full::new(Bytes::from(
                        body.to_string(),
                    ))))
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(tls), svc)
                    .await;
            });
        }
    });
    a
}

fn service(code: &str, upstream: String) -> Service {
    Service {
        pd: "DINKES".into(),
        code: code.into(),
        version: "v1".into(),
        upstream,
        classification: Klasifikasi::Biasa,
        nik: NikFields::default(),
        active: true,
        rate_limit: None,
        timeout_ms: Some(3000),
        max_body: None,
        xroad_subsystem: None,
        health_path: None,
    }
}

/// Upstreams: `aman` (valid for 127.0.0.1), `lain` (another host's), `basi` (expired),
/// `polos` (plain HTTP addressed as https), `echo` (plain HTTP as http, still routed),
/// `mati` (https, nobody listening: not a TLS failure).
async fn directory(ca: &Ca) -> Directory {
    let (c, k) = ca.server(&["127.0.0.1", "localhost"], false);
    let aman = https_upstream(c, k).await;
    let (c, k) = ca.server(&["hulu-lain.tanahbumbukab.go.id"], false);
    let lain = https_upstream(c, k).await;
    let (c, k) = ca.server(&["127.0.0.1"], true);
    let basi = https_upstream(c, k).await;
    let plain = upstream().await;
    let nobody = down().await;
    let services = vec![
        service("aman", format!("https://{aman}/api")),
        service("lain", format!("https://{lain}")),
        service("basi", format!("https://{basi}")),
        service("polos", format!("https://{plain}")),
        service("echo", format!("http://{plain}")),
        service("mati", format!("https://{nobody}")),
    ];
    let grants = services
        .iter()
        .map(|s| Grant {
            consumer: "dinsos".into(),
            service: s.key(),
            purpose: "uji TLS".into(),
            legal_basis: "Permensos 3/2021".into(),
            expires: time::macros::date!(2099 - 12 - 31),
            active: true,
        })
        .collect();
    Directory {
        services,
        consumers: vec![Consumer {
            id: "dinsos".into(),
            name: "SIKS".into(),
            pd: "DINSOS".into(),
            application: "SIKS".into(),
            api_keys_sha256: vec![sha(KEY)],
            oauth_clients: vec![],
            revoked: false,
            xroad_client: None,
        }],
        grants,
    }
}

async fn start(tag: &str, ca: &Ca, trust_ca: bool) -> Bus {
    let dir = directory(ca).await;
    let tmp = Tmp::new(&format!("{tag}-ca"));
    let mut cfg = GatewayConfig {
        health_interval: std::time::Duration::ZERO,
        ..GatewayConfig::default()
    };
    if trust_ca {
        let f = tmp.0.join("ca-daerah.pem");
        std::fs::write(&f, ca.pem()).unwrap();
        cfg.ca_tambahan = Some(f);
    }
    let src: Arc<dyn SnapshotSource> = Arc::new(MemorySource::new(dir));
    let bus = Bus::start_with(tag, cfg, Some(src)).await;
    drop(tmp); // read at build: the gateway does not need the file afterwards
    bus
}

/// Status, code and `detail` of a problem answer, and its request id.
async fn tls_problem(r: reqwest::Response) -> (u16, String, String, String) {
    let id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let status = r.status().as_u16();
    let v: Value = r.json().await.unwrap();
    (
        status,
        v["kode"].as_str().unwrap_or("").to_owned(),
        v["detail"].as_str().unwrap_or("").to_owned(),
        id,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_regions_ca_https_upstreams_are_forwarded_and_bad_ones_refused() {
    let ca = Ca::new();
    let bus = start("tls-ca", &ca, true).await;

    let r = bus.get("/DINKES/aman/v1/cari?nik=1").send().await.unwrap();
    assert_eq!(r.status(), 200);
    let ok_id = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["tls"], true);
    assert_eq!(v["uri"], "/api/cari?nik=1");
    assert!(v["host"].as_str().unwrap().starts_with("127.0.0.1:"));
    // The pooled TLS connection serves the next exchange too.
    let again = bus.get("/DINKES/aman/v1/lagi").send().await.unwrap();
    assert_eq!(again.status(), 200);
    // Plain http upstreams are unaffected.
    assert_eq!(
        bus.get("/DINKES/echo/v1/x").send().await.unwrap().status(),
        200
    );

    let mut failed = Vec::new();
    for (path, detail) in [
        ("/DINKES/lain/v1/x", "bukan untuk nama host"),
        ("/DINKES/basi/v1/x", "kedaluwarsa"),
        ("/DINKES/polos/v1/x", "jabat tangan TLS"),
    ] {
        let (s, kode, d, id) = tls_problem(bus.get(path).send().await.unwrap()).await;
        assert_eq!((s, kode.as_str()), (502, "hulu_tls_gagal"), "{path}");
        assert!(d.contains(detail), "{path}: {d}");
        failed.push(id);
    }

    // Nobody listening is still "unreachable", not a TLS failure.
    let (s, kode, _, _) = tls_problem(bus.get("/DINKES/mati/v1/x").send().await.unwrap()).await;
    assert_eq!((s, kode.as_str()), (502, "hulu_tidak_tersedia"));

    let (entries, _) = bus.finish().await; // verifies the log
    assert!(matches!(
        by_id(&entries, &ok_id).hasil,
        Hasil::Diteruskan { .. }
    ));
    for id in failed {
        assert_eq!(
            by_id(&entries, &id).hasil,
            Hasil::Gagal {
                http: 502,
                kode: "hulu_tls_gagal".into()
            }
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_regions_ca_its_certificates_are_not_trusted() {
    let ca = Ca::new();
    let bus = start("tls-tanpa-ca", &ca, false).await;
    let (s, kode, d, id) = tls_problem(bus.get("/DINKES/aman/v1/x").send().await.unwrap()).await;
    assert_eq!((s, kode.as_str()), (502, "hulu_tls_gagal"));
    assert!(d.contains("CA yang dipercaya"), "{d}");
    let (entries, _) = bus.finish().await;
    assert_eq!(
        by_id(&entries, &id).hasil,
        Hasil::Gagal {
            http: 502,
            kode: "hulu_tls_gagal".into()
        }
    );
}

#[tokio::test]
async fn a_ca_file_the_gateway_cannot_use_stops_the_build() {
    let tmp = Tmp::new("tls-ca-buruk");
    let log = EvidenceLog::open(EvidenceConfig::new(tmp.0.join("bukti"))).unwrap();
    let pem = |name: &str, text: &str| {
        let p = tmp.0.join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let key = KeyPair::generate().unwrap().serialize_pem();
    let cases = [
        (tmp.0.join("tidak-ada.pem"), "tidak dapat dibaca"),
        (pem("kosong.pem", ""), "tidak berisi sertifikat"),
        (pem("kunci.pem", &key), "tidak berisi sertifikat"),
        (
            pem(
                "rusak.pem",
                "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
            ),
            "PEM rusak",
        ),
        (
            pem(
                "bukan-der.pem",
                "-----BEGIN CERTIFICATE-----\nYnVrYW4gc2VydGlmaWthdA==\n-----END CERTIFICATE-----\n",
            ),
            "ditolak",
        ),
    ];
    for (path, want) in cases {
        let cfg = GatewayConfig {
            ca_tambahan: Some(path.clone()),
            ..GatewayConfig::default()
        };
        let src: Arc<dyn SnapshotSource> = Arc::new(MemorySource::new(Directory::default()));
        let built = Gateway::builder(cfg, src, log.clone(), KunciNik::from_bytes([9; 32]))
            .build()
            .await;
        let Err(e) = built else {
            panic!("{} was accepted", path.display());
        };
        assert!(matches!(e, BuildError::CaTambahan { .. }), "{e}");
        let msg = e.to_string();
        assert!(
            msg.contains(want) && msg.contains(&*path.to_string_lossy()),
            "{msg}"
        );
    }
    // A good file (the CA plus a stray key, which is skipped) builds.
    let good = pem("baik.pem", &format!("{}{key}", Ca::new().pem()));
    let cfg = GatewayConfig {
        ca_tambahan: Some(good),
        ..GatewayConfig::default()
    };
    let src: Arc<dyn SnapshotSource> = Arc::new(MemorySource::new(Directory::default()));
    assert!(
        Gateway::builder(cfg, src, log.clone(), KunciNik::from_bytes([9; 32]))
            .build()
            .await
            .is_ok()
    );
    log.shutdown().await.unwrap();
}
