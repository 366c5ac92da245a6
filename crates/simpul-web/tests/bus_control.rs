//! The bus control plane through the real server: a PD registers a service with its
//! OpenAPI document, the Dinas approves it, another PD's application gets a key (shown
//! once) and an approved grant, and the gateway's snapshot holds all of it. Bad inputs
//! and the wrong people are refused with stable codes and change nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

const ADMIN_BPKAD: &str = "198609262015051901";
const ADMIN_KOMINFO: &str = "198609262015051902";

fn openapi() -> Value {
    json!({"openapi": "3.0.3", "info": {"title": "Data Pegawai", "version": "1.0"},
           "paths": {"/pegawai/{nip}": {"get": {"operationId": "ambil", "summary": "Satu pegawai"}}}})
}

fn service(pd: &str) -> Value {
    json!({"pd": pd, "kode": "pegawai", "versi": "v1", "nama": "Data Pegawai",
           "url_hulu": "http://127.0.0.1:9/api", "klasifikasi": "terbatas",
           "nik_response": "nik", "openapi": openapi()})
}

async fn rows(app: &TestApp) -> (i64, usize, usize, usize) {
    let s = simpul_store::bus::layanan::list(&app.db)
        .await
        .unwrap()
        .len();
    let k = simpul_store::bus::konsumen::list(&app.db)
        .await
        .unwrap()
        .len();
    let i = simpul_store::bus::izin::list(&app.db).await.unwrap().len();
    (audit_len(&app.db).await, s, k, i)
}

#[tokio::test]
async fn register_approve_consume_and_route() {
    let app = spawn_app().await;
    admin_of(&app, ADMIN_BPKAD, "BPKAD").await;
    admin_of(&app, ADMIN_KOMINFO, "DISKOMINFO").await;
    let setda = app.api_as(ADMIN_SETDA).await;
    let bpkad = app.api_as(ADMIN_BPKAD).await;
    let dinas = app.api_as(ADMIN_KOMINFO).await;
    let setda_id = pd_id(&app.db, "SETDA").await.to_string();
    let bpkad_id = pd_id(&app.db, "BPKAD").await.to_string();

    // Bad inputs first: nothing stored.
    let before = rows(&app).await;
    let mut bad = service(&setda_id);
    bad["openapi"] = json!({"swagger": "2.0", "paths": {}});
    bad["url_hulu"] = json!("http://user:pw@10.0.0.1");
    bad["klasifikasi"] = json!("sangat_rahasia");
    let (s, b) = setda.post("/bus/layanan", bad).await;
    assert_eq!(s, 422, "{b}");
    assert!(
        field_codes(&b["fields"], "openapi").contains(&"openapi_versi".to_owned()),
        "{b}"
    );
    assert!(field_codes(&b["fields"], "url_hulu").contains(&"url_kredensial".to_owned()));
    assert!(
        field_codes(&b["fields"], "klasifikasi").contains(&"klasifikasi_tidak_dikenal".to_owned())
    );
    let (s, _) = bpkad.post("/bus/layanan", service(&setda_id)).await;
    assert_eq!(s, 403, "another PD's admin cannot register for SETDA");
    assert_eq!(rows(&app).await, before);

    // Register, approve.
    let (s, svc) = setda.post("/bus/layanan", service(&setda_id)).await;
    assert_eq!(s, 201, "{svc}");
    assert_eq!(svc["status"], "usulan");
    let sid = svc["id"].as_str().unwrap().to_owned();
    let (s, detail) = setda.get(&format!("/bus/layanan/{sid}")).await;
    assert_eq!(s, 200);
    assert_eq!(detail["operasi"][0]["path"], "/pegawai/{nip}");
    let (s, _) = setda
        .post(
            &format!("/bus/layanan/{sid}/putusan"),
            json!({"putusan": "setujui"}),
        )
        .await;
    assert_eq!(s, 403, "a PD admin cannot approve");
    let before = rows(&app).await;
    let mut edit = service(&setda_id);
    edit["nama"] = json!("Diubah");
    let (s, _) = bpkad.put(&format!("/bus/layanan/{sid}"), edit).await;
    assert_eq!(s, 403, "another PD's admin cannot edit");
    let (s, b) = dinas
        .post(
            &format!("/bus/layanan/{sid}/putusan"),
            json!({"putusan": "tolak"}),
        )
        .await;
    assert_eq!(
        (s, field_codes(&b["fields"], "catatan")),
        (422, vec!["catatan_wajib".to_owned()])
    );
    assert_eq!(rows(&app).await, before);
    let (s, svc) = dinas
        .post(
            &format!("/bus/layanan/{sid}/putusan"),
            json!({"putusan": "setujui", "catatan": "aman"}),
        )
        .await;
    assert_eq!((s, svc["status"].as_str()), (200, Some("aktif")), "{svc}");

    // A consumer of BPKAD with a key shown once.
    let (s, k) = bpkad.post("/bus/konsumen", json!({"pd": bpkad_id, "kode": "bpkad-simda", "nama": "SIMDA BPKAD", "aplikasi": "SIMDA"})).await;
    assert_eq!(s, 201, "{k}");
    let kid = k["id"].as_str().unwrap().to_owned();
    let (s, issued) = bpkad
        .post(
            &format!("/bus/konsumen/{kid}/kredensial"),
            json!({"jenis": "api_key"}),
        )
        .await;
    assert_eq!(s, 201, "{issued}");
    let key = issued["rahasia"].as_str().unwrap().to_owned();
    let (_, detail) = bpkad.get(&format!("/bus/konsumen/{kid}")).await;
    assert!(
        !detail.to_string().contains(&key),
        "the secret is never shown again"
    );
    let (s, _) = setda
        .post(
            &format!("/bus/konsumen/{kid}/kredensial"),
            json!({"jenis": "api_key"}),
        )
        .await;
    assert_eq!(s, 403);

    // Grant: past expiry refused; requested; approved by the Dinas.
    let before = rows(&app).await;
    let (s, b) = bpkad.post("/bus/izin", json!({"konsumen": kid, "layanan": sid, "tujuan": "rekonsiliasi gaji", "dasar_hukum": "PP 94/2021", "berlaku_sampai": "2020-01-01"})).await;
    assert_eq!(s, 422);
    assert_eq!(
        field_codes(&b["fields"], "berlaku_sampai"),
        vec!["kedaluwarsa_lampau".to_owned()]
    );
    assert_eq!(rows(&app).await, before);
    let until = (time::OffsetDateTime::now_utc() + time::Duration::days(60)).date();
    let until_s = simpul_store::bus::izin::tanggal_text(until);
    let (s, g) = bpkad.post("/bus/izin", json!({"konsumen": kid, "layanan": sid, "tujuan": "rekonsiliasi gaji", "dasar_hukum": "PP 94/2021", "berlaku_sampai": until_s})).await;
    assert_eq!(s, 201, "{g}");
    let gid = g["id"].as_str().unwrap().to_owned();
    let (_, q) = dinas.get("/bus/tinjauan").await;
    assert_eq!(q["izin"].as_array().unwrap().len(), 1);
    let (s, _) = bpkad
        .post(
            &format!("/bus/izin/{gid}/putusan"),
            json!({"putusan": "setujui"}),
        )
        .await;
    assert_eq!(s, 403, "the requester cannot approve");
    let (s, g) = dinas
        .post(
            &format!("/bus/izin/{gid}/putusan"),
            json!({"putusan": "setujui"}),
        )
        .await;
    assert_eq!((s, g["status"].as_str()), (200, Some("aktif")), "{g}");

    // The gateway's snapshot routes it.
    let snap = simpul_store::bus::snapshot(&app.db).await.unwrap();
    assert!(snap.service("SETDA", "pegawai", "v1").unwrap().active);
    let digest = simpul_web::auth::secret::digest(&key);
    assert_eq!(
        snap.consumer_by_key_digest(&digest).unwrap().id,
        "bpkad-simda"
    );
    let gr = snap.grant("bpkad-simda", "SETDA/pegawai/v1").unwrap();
    assert!(gr.active && gr.expires == until);
}

#[tokio::test]
async fn malformed_openapi_and_elements() {
    let app = spawn_app().await;
    let setda = app.api_as(ADMIN_SETDA).await;
    let sa = app.api_as(SUPER_ADMIN).await;
    let setda_id = pd_id(&app.db, "SETDA").await.to_string();
    let before = rows(&app).await;
    for (doc, kode) in [
        (
            json!({"openapi": "3.0.0", "info": {"title": "x"}}),
            "openapi_paths",
        ),
        (json!("openapi: 3.0.0"), "openapi_bukan_json"),
    ] {
        let mut b = service(&setda_id);
        b["openapi"] = doc;
        let (s, r) = setda.post("/bus/layanan", b).await;
        assert_eq!(s, 422, "{r}");
        assert!(
            field_codes(&r["fields"], "openapi").contains(&kode.to_owned()),
            "{r}"
        );
    }
    let mut b = service(&setda_id);
    b["url_hulu"] = json!("ftp://x");
    assert_eq!(setda.post("/bus/layanan", b).await.0, 422);
    assert_eq!(rows(&app).await, before);
    assert_eq!(app.blob_files(), 0, "refused documents are not stored");

    let el = json!({"nama": "nik", "definisi": "Nomor Induk Kependudukan", "tipe": "kode", "referensi": "UU 24/2013"});
    assert_eq!(setda.post("/bus/elemen", el.clone()).await.0, 403);
    let (s, e) = sa.post("/bus/elemen", el).await;
    assert_eq!(s, 201, "{e}");
    let (s, _) = sa
        .post("/bus/elemen", json!({"nama": "1", "tipe": "warna"}))
        .await;
    assert_eq!(s, 422);
    assert_eq!(sa.get("/bus/elemen").await.1.as_array().unwrap().len(), 1);
}
