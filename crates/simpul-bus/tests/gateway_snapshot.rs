//! The directory snapshot: changes are picked up on notification, a failing source
//! leaves the last good snapshot serving (and counts the failures); many concurrent
//! exchanges all reach the evidence log; `/healthz` and `/metrics` answer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use std::time::Duration;

use gw::*;
use simpul_bus::evidence::Hasil;

async fn metric(bus: &Bus, name: &str) -> f64 {
    let text = bus
        .http
        .get(format!("{}/metrics", bus.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .filter(|l| l.starts_with(name))
        .filter_map(|l| l.rsplit(' ').next()?.parse::<f64>().ok())
        .sum()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_source_keeps_last_snapshot_serving() {
    let bus = Bus::start("snap").await;
    assert_eq!(
        bus.get("/DINKES/echo/v1/x").send().await.unwrap().status(),
        200
    );
    let before = metric(&bus, "simpul_bus_snapshot_gagal_total").await;

    // The database goes away.
    bus.source.fail("basis data tidak dapat dihubungi");
    bus.refresh.notify_one();
    let mut after = before;
    for _ in 0..200 {
        after = metric(&bus, "simpul_bus_snapshot_gagal_total").await;
        if after > before {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(after > before, "failure not counted");
    for _ in 0..5 {
        assert_eq!(
            bus.get("/DINKES/echo/v1/x").send().await.unwrap().status(),
            200
        );
    }

    // It comes back with a change: the grant is withdrawn.
    let up = bus.addr; // any address: the echo grant is what changes
    let mut dir = directory(up, up, up);
    dir.grants.retain(|g| g.service != "DINKES/echo/v1");
    bus.source.set(dir);
    bus.refresh.notify_one();
    let mut code = String::new();
    for _ in 0..200 {
        let r = bus.get("/DINKES/echo/v1/x").send().await.unwrap();
        if r.status() != 200 {
            code = problem(r).await.1;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(code, "izin_tidak_ada");

    assert_eq!(
        bus.http
            .get(format!("{}/healthz", bus.base))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "ok"
    );
    assert!(metric(&bus, "simpul_bus_permintaan_total").await >= 7.0);
    bus.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_exchanges_lose_no_evidence() {
    let bus = std::sync::Arc::new(Bus::start("serentak").await);
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..400u32 {
        let bus = std::sync::Arc::clone(&bus);
        tasks.spawn(async move {
            let r = match i % 4 {
                0 => bus.get(&format!("/DINKES/echo/v1/{i}")),
                1 => bus.get("/DINKES/tidakada/v1/x"),
                2 => bus
                    .post("/DUKCAPIL/penduduk/v1/cari")
                    .header("x-simpul-user-id", NIP)
                    .body(format!("{{\"nik\":\"{NIK}\"}}")),
                _ => bus.get("/DINKES/mati/v1/x"),
            };
            let r = r
                .header("x-request-id", format!("r{i}"))
                .send()
                .await
                .unwrap();
            (i, r.status().as_u16())
        });
    }
    let mut statuses = Vec::new();
    while let Some(r) = tasks.join_next().await {
        statuses.push(r.unwrap());
    }
    let bus = std::sync::Arc::into_inner(bus).unwrap();
    let nik = bus.nik.clone();
    let (entries, raw) = bus.finish().await;
    assert_eq!(entries.len(), 400);
    for (i, status) in statuses {
        let e = by_id(&entries, &format!("r{i}"));
        assert_eq!(e.hasil.http(), status);
        let forwarded = matches!(e.hasil, Hasil::Diteruskan { .. });
        assert_eq!(forwarded, i % 4 == 0 || i % 4 == 2, "r{i}");
        if i % 4 == 2 {
            assert!(e.nik.contains(&nik.hash(NIK)));
        }
    }
    assert!(!raw.contains(NIK));
}
