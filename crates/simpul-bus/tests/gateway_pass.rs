//! Granted calls pass through: body, headers, request hash, header hygiene, NIK hashes
//! in the log (never the NIK), the X-Road path, and the OAuth2 token flow.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use gw::*;
use serde_json::{Value, json};
use simpul_bus::evidence::Hasil;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn granted_call_passes_through_and_is_logged() {
    let bus = Bus::start("pass").await;
    let body = json!({"nik": NIK, "alasan": "cek"}).to_string();
    let r = bus
        .post("/DUKCAPIL/penduduk/v1/cari/data?nik=6310014501900003&x=1")
        .header("x-simpul-user-id", NIP)
        .header("x-simpul-purpose", "verifikasi bansos")
        .header("x-request-id", "uji-123")
        .header("cookie", "sesi=rahasia")
        .header("x-forwarded-for", "6.6.6.6")
        .header("content-type", "application/json")
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["x-request-id"], "uji-123");
    assert_eq!(r.headers()["x-simpul-request-hash"], sha(&body).as_str());
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["method"], "POST");
    assert_eq!(v["uri"], "/cari/data?nik=6310014501900003&x=1");
    assert_eq!(v["body"], body.as_str());
    let h = &v["headers"];
    assert_eq!(h["x-simpul-consumer"], "dinsos");
    assert_eq!(h["x-request-id"], "uji-123");
    assert_eq!(h["x-forwarded-for"], "127.0.0.1");
    assert_eq!(h["x-forwarded-proto"], "http");
    assert_eq!(h["x-simpul-user-id"], NIP);
    assert_eq!(h["content-type"], "application/json");
    for gone in ["x-api-key", "cookie", "authorization"] {
        assert!(h.get(gone).is_none(), "{gone} leaked upstream");
    }

    let nik = bus.nik.clone();
    let (entries, raw) = bus.finish().await;
    let e = by_id(&entries, "uji-123");
    assert_eq!(e.konsumen, "dinsos");
    assert_eq!(
        (
            e.layanan.pd.as_str(),
            e.layanan.kode.as_str(),
            e.layanan.versi.as_str()
        ),
        ("DUKCAPIL", "penduduk", "v1")
    );
    assert_eq!(e.petugas.as_deref(), Some(NIP));
    assert_eq!(e.tujuan.as_deref(), Some("verifikasi bansos"));
    assert_eq!(e.hasil, Hasil::Diteruskan { http: 200 });
    assert_eq!(e.sha256.permintaan.to_hex(), sha(&body));
    assert_eq!(e.ukuran.permintaan, body.len() as u64);
    assert!(e.ukuran.tanggapan > 0);
    assert!(e.durasi.hulu_us.is_some());
    for n in [NIK, NIK_JAWAB, "6310014501900003"] {
        assert!(e.nik.contains(&nik.hash(n)), "hash of {n} missing");
        assert!(!raw.contains(n), "NIK {n} in the log");
    }
    assert_eq!(e.nik.len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xroad_path_with_and_without_version() {
    let bus = Bus::start("xroad").await;
    let call = |path: &str, client: Option<&str>| {
        let mut b = bus.get(path);
        if let Some(c) = client {
            b = b.header("x-road-client", c);
        }
        b.send()
    };
    let r = call(
        "/r1/SIMPUL/GOV/DINKES/DINKES/echo/v1/a/b?q=1",
        Some(XROAD_CLIENT),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().contains_key("x-road-request-hash"));
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["uri"], "/a/b?q=1");
    // Without a version: the newest active version (v2), and the rest of the path kept.
    let r = call("/r1/SIMPUL/GOV/DINKES/DINKES/echo/a/b", Some(XROAD_CLIENT))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let id2 = r.headers()["x-request-id"].to_str().unwrap().to_owned();
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["uri"], "/a/b");
    // Missing or foreign X-Road-Client.
    let r = call("/r1/SIMPUL/GOV/DINKES/DINKES/echo/v1/a", None)
        .await
        .unwrap();
    assert!(r.headers().contains_key("x-road-error"));
    assert_eq!(problem(r).await.1, "klien_tidak_cocok");
    let r = call(
        "/r1/SIMPUL/GOV/DINKES/DINKES/echo/v1/a",
        Some("SIMPUL/GOV/LAIN/x"),
    )
    .await
    .unwrap();
    assert_eq!(problem(r).await.1, "klien_tidak_cocok");
    // Another instance, another subsystem.
    let r = call("/r1/EE/GOV/DINKES/DINKES/echo/v1/a", Some(XROAD_CLIENT))
        .await
        .unwrap();
    assert_eq!(problem(r).await.1, "layanan_tidak_dikenal");
    let r = call("/r1/SIMPUL/GOV/DINKES/lain/echo/v1/a", Some(XROAD_CLIENT))
        .await
        .unwrap();
    assert_eq!(problem(r).await.1, "layanan_tidak_dikenal");
    let (entries, _) = bus.finish().await;
    assert_eq!(entries.len(), 6);
    assert_eq!(by_id(&entries, &id2).layanan.versi, "v2");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oauth2_client_credentials_flow() {
    let bus = Bus::start("oauth").await;
    let url = format!("{}/oauth/token", bus.base);
    // Form credentials.
    let r = bus
        .http
        .post(&url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "grant_type=client_credentials&client_id={CLIENT_ID}&client_secret={CLIENT_SECRET}"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let v: Value = r.json().await.unwrap();
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["expires_in"], 300);
    let token = v["access_token"].as_str().unwrap().to_owned();
    // Basic credentials.
    let r = bus
        .http
        .post(&url)
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    // Wrong secret, wrong grant type.
    let r = bus
        .http
        .post(&url)
        .basic_auth(CLIENT_ID, Some("salah"))
        .body("grant_type=client_credentials")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.json::<Value>().await.unwrap()["error"], "invalid_client");
    let r = bus
        .http
        .post(&url)
        .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
        .body("grant_type=password")
        .send()
        .await
        .unwrap();
    assert_eq!(
        r.json::<Value>().await.unwrap()["error"],
        "unsupported_grant_type"
    );

    // The token calls a service; the upstream never sees it.
    let r = bus
        .http
        .get(format!("{}/DINKES/echo/v1/x", bus.base))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let v: Value = r.json().await.unwrap();
    assert!(v["headers"].get("authorization").is_none());
    assert_eq!(v["headers"]["x-simpul-consumer"], "dinsos");
    // A forged token.
    let r = bus
        .http
        .get(format!("{}/DINKES/echo/v1/x", bus.base))
        .bearer_auth(format!("{token}x"))
        .send()
        .await
        .unwrap();
    assert_eq!(problem(r).await.1, "konsumen_tidak_dikenal");
    // Revoking the consumer ends its token at once.
    let mut dir = gw::directory(bus.addr, bus.addr, bus.addr);
    dir.consumers[0].revoked = true;
    bus.source.set(dir);
    bus.refresh.notify_one();
    let mut code = String::new();
    for _ in 0..100 {
        let r = bus
            .http
            .get(format!("{}/DINKES/echo/v1/x", bus.base))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        if r.status() != 200 {
            code = problem(r).await.1;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(code, "kredensial_dicabut");
    let (entries, _) = bus.finish().await;
    assert!(entries.iter().any(|e| e.konsumen == "dinsos"
        && matches!(&e.hasil, Hasil::Ditolak { kode, .. } if kode == "kredensial_dicabut")));
}
