//! The background health check of every active upstream, as the monitoring page reads
//! it (`Gateway::kesehatan`): an answering upstream is up, one nobody listens on and
//! one answering garbage are down, an inactive service is not checked.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use std::sync::Arc;
use std::time::{Duration, Instant};

use simpul_bus::evidence::{EvidenceConfig, EvidenceLog};
use simpul_bus::gateway::{Gateway, GatewayConfig, MemorySource};
use simpul_bus::nik::KunciNik;

#[tokio::test]
async fn every_active_upstream_is_checked_in_the_background() {
    let (up, g, d) = (gw::upstream().await, gw::garbage().await, gw::down().await);
    let tmp = gw::Tmp::new("sehat");
    let log = EvidenceLog::open(EvidenceConfig::new(tmp.0.join("bukti"))).unwrap();
    let cfg = GatewayConfig {
        health_interval: Duration::from_millis(50),
        health_timeout: Duration::from_millis(500),
        ..GatewayConfig::default()
    };
    let src = Arc::new(MemorySource::new(gw::directory(up, g, d)));
    let gateway = Gateway::builder(cfg, src, log.clone(), KunciNik::from_bytes([9; 32]))
        .build()
        .await
        .unwrap();
    let kesehatan = gateway.kesehatan();
    assert!(
        kesehatan.semua().is_empty(),
        "nothing checked before serving"
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(gateway.serve(l, async {
        let _ = stopped.await;
    }));

    let deadline = Instant::now() + Duration::from_secs(10);
    let seen = loop {
        let now = kesehatan.semua();
        if now.contains_key("DINKES/mati/v1") && now.contains_key("DINKES/echo/v1") {
            break now;
        }
        assert!(
            Instant::now() < deadline,
            "no health round finished: {now:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(seen.get("DINKES/echo/v1"), Some(&true));
    assert_eq!(seen.get("DINKES/mati/v1"), Some(&false), "nobody listens");
    assert_eq!(
        seen.get("DINKES/rusak/v1"),
        Some(&false),
        "garbage, not HTTP"
    );
    assert!(
        !seen.contains_key("DINKES/nonaktif/v1"),
        "inactive: not checked"
    );

    let _ = stop.send(());
    served.await.unwrap().unwrap();
    log.shutdown().await.unwrap();
}
