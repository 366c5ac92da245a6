//! The service bus end to end, as its users meet it: SETDA's administrator registers a
//! service with its OpenAPI document through the pages, the Dinas approves it, BAPPEDA's
//! administrator registers an application, gets its key and a grant the Dinas approves;
//! the application calls the service through the real gateway (routing from the
//! database) to a real upstream on loopback; the exchange — and a refused one — is in
//! the evidence log, which verifies offline against the key the web publishes; the
//! index puts it on the exchange pages for those who may see it; and the data-protection
//! officer finds it by the resident's NIK.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bus_pages_support;
mod common;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::Query;
use axum::routing::get;
use bus_pages_support::*;
use common::*;
use simpul_bus::evidence::verify_with_key;
use simpul_bus::gateway::{Gateway, GatewayConfig};
use simpul_bus::kunci::KunciPublik;
use simpul_store::bus::{DbSource, indeks};

/// The resident whose data crosses the bus.
const NIK: &str = "6310014501900001";
/// BAPPEDA's officer on whose behalf the application calls (a valid NIP).
const PETUGAS: &str = "199606222023082013";
/// Why the officer called.
const PURPOSE: &str = "verifikasi data musrenbang";
/// Admin of an unrelated PD (DINKES), who must not see the exchange.
const ADMIN_DINKES: &str = "199501202022072086";

/// The sequence number of the first exchange in a list page.
fn first_seq(html: &str) -> u64 {
    html.split("href=\"/bus/pertukaran/")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .unwrap()
        .parse()
        .unwrap()
}

/// SETDA's population service: `GET /api/penduduk?nik=…` answers the resident.
async fn upstream() -> SocketAddr {
    let app = Router::new().route(
        "/api/penduduk",
        get(
            |Query(q): Query<std::collections::HashMap<String, String>>| async move {
                axum::Json(serde_json::json!({
                    "nik": q.get("nik").cloned().unwrap_or_default(),
                    "nama": "Siti Aminah",
                }))
            },
        ),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let a = l.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    a
}

/// Register, approve, consume, grant — all through the pages; the consumer's key.
async fn set_up_through_the_pages(app: &TestApp, up: SocketAddr) -> String {
    let setda = app.login(ADMIN_SETDA, PASSWORD).await;
    let dinas = app.login(ADMIN_DINAS, PASSWORD).await;
    let bappeda = app.login(ADMIN_BAPPEDA, PASSWORD).await;
    let setda_pd = pd_id(&app.db, "SETDA").await.to_string();
    let fields = with(
        service_fields(&setda_pd),
        "url_hulu",
        &format!("http://{up}/api"),
    );
    let r = post_service(
        &setda,
        "/bus/layanan/baru",
        &fields,
        Some(("penduduk.json", OPENAPI.as_bytes())),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let sid = id_after(&location(&r), "/bus/layanan/");
    let r = dinas
        .post_form(
            &format!("/bus/layanan/{sid}/putusan"),
            &[("putusan", "setujui"), ("catatan", "aman")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    let r = post_bappeda_consumer(app, &bappeda).await;
    assert_eq!(r.status().as_u16(), 303);
    let kid = id_after(&location(&r), "/bus/konsumen/");
    let shown = bappeda
        .post_form(
            &format!("/bus/konsumen/{kid}/kredensial"),
            &[("jenis", "api_key")],
        )
        .await
        .text()
        .await
        .unwrap();
    let key = secret_in(&shown);
    let r = post_grant_request(&bappeda, &kid, &sid).await;
    assert_eq!(r.status().as_u16(), 303);
    let gid = simpul_store::bus::izin::list(&app.db).await.unwrap()[0].id;
    let r = dinas
        .post_form(
            &format!("/bus/izin/{gid}/putusan"),
            &[("putusan", "setujui")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    key
}

#[tokio::test]
async fn register_approve_call_prove_and_trace_a_nik() {
    let (app, bus) = spawn_app_with_bus(None).await;
    let up = upstream().await;
    // The gateway routes from the database, as `simpul serve` runs it; it reloads when
    // the pages change the directory (its interval is an hour here, so only that counts).
    let cfg = GatewayConfig {
        health_interval: Duration::ZERO,
        refresh_interval: Duration::from_secs(3600),
        ..GatewayConfig::default()
    };
    let gw = Gateway::builder(
        cfg,
        Arc::new(DbSource::new(app.db.clone())),
        bus.log.clone(),
        bus.nik.clone(),
    )
    .refresh_on(bus.segarkan.clone())
    .build()
    .await
    .unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let gw_base = format!("http://{}", l.local_addr().unwrap());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = tokio::spawn(gw.serve(l, async {
        let _ = stopped.await;
    }));

    let key = set_up_through_the_pages(&app, up).await;

    // BAPPEDA's application calls on behalf of its officer; a call without the officer
    // (the service is Terbatas) is refused, and both are evidence.
    let http = reqwest::Client::new();
    let url = format!("{gw_base}/SETDA/penduduk/v1/penduduk?nik={NIK}");
    // The last change (the grant's approval) reaches the gateway by notification within
    // moments; until then the call is refused, and each refusal is evidence too.
    let mut attempts = 0;
    let r = loop {
        attempts += 1;
        let r = http
            .get(&url)
            .header("x-api-key", &key)
            .header("x-simpul-user-id", PETUGAS)
            .header("x-simpul-purpose", PURPOSE)
            .header("x-request-id", format!("e2e-{attempts}"))
            .send()
            .await
            .unwrap();
        if r.status().as_u16() == 200 || attempts == 100 {
            break r;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(
        r.status().as_u16(),
        200,
        "the approval did not reach the gateway"
    );
    assert!(r.headers().contains_key("x-simpul-request-hash"));
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["nama"], "Siti Aminah");
    let r = http
        .get(&url)
        .header("x-api-key", &key)
        .header("x-request-id", "e2e-ditolak")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
    let problem: serde_json::Value = r.json().await.unwrap();
    assert_eq!(problem["kode"], "petugas_wajib", "{problem}");
    let _ = stop.send(());
    served.await.unwrap().unwrap();
    bus.log.shutdown().await.unwrap();

    // The log verifies offline against the key the web publishes.
    let published = reqwest::get(format!("{}/bus/kunci-publik", app.base))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let kunci = KunciPublik::parse_hex(published.trim()).unwrap();
    let report = verify_with_key(&bus.bukti, &kunci).unwrap();
    assert_eq!(report.pertukaran, attempts + 1);
    assert!(report.berhenti_bersih);
    assert!(
        !std::fs::read_dir(&bus.bukti)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
            .any(|text| text.contains(NIK)),
        "the NIK itself is never written to the evidence log"
    );

    // Indexed, the exchanges show on the pages of those who may see them.
    assert_eq!(
        indeks::indeks_sekali(&app.db, &bus.bukti).await.unwrap() as u64,
        attempts + 1
    );
    let auditor = app.login(AUDITOR, PASSWORD).await;
    let (s, list) = page(&auditor, "/bus/pertukaran?layanan=penduduk").await;
    assert_eq!(s, 200);
    for want in [
        "SIPD Bappeda",
        "SETDA/penduduk/v1",
        PURPOSE,
        "petugas_wajib",
    ] {
        assert!(list.contains(want), "{want} missing from the exchange list");
    }
    let seq = first_seq(&list);
    let (s, detail) = page(&auditor, &format!("/bus/pertukaran/{seq}")).await;
    assert_eq!(s, 200);
    assert!(detail.contains("e2e-ditolak"), "the newest first");
    let bappeda = app.login(ADMIN_BAPPEDA, PASSWORD).await;
    let (_, own) = page(&bappeda, "/bus/pertukaran").await;
    assert!(own.contains(PURPOSE), "the consumer's PD sees its calls");
    let (_, own) = page(&bappeda, &format!("/bus/pertukaran?petugas={PETUGAS}")).await;
    assert!(own.contains(PURPOSE) && !own.contains("petugas_wajib"));
    let dinkes = app.login(ADMIN_DINKES, PASSWORD).await;
    let (_, other) = page(&dinkes, "/bus/pertukaran").await;
    assert!(
        !other.contains("SETDA/penduduk/v1"),
        "an unrelated PD sees nothing"
    );

    // The data-protection officer finds who accessed the resident's data, and why.
    let officer = app.login(PELINDUNGAN_DATA, PASSWORD).await;
    let (s, found) = text_of(officer.post_form("/bus/nik", &[("nik", NIK)]).await).await;
    assert_eq!(s, 200);
    for want in ["SIPD Bappeda", "SETDA/penduduk/v1", PETUGAS, PURPOSE] {
        assert!(found.contains(want), "{want} missing from the NIK lookup");
    }
    assert!(
        !found.contains("petugas_wajib"),
        "the refused call carried no answer"
    );
    assert!(!found.contains(NIK), "the page does not repeat the NIK");
    let (_, none) = text_of(
        officer
            .post_form("/bus/nik", &[("nik", "6310015505950003")])
            .await,
    )
    .await;
    assert!(!none.contains(PURPOSE));
}
