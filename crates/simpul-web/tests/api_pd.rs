//! `/api/v1/pd` with the super admin's bearer token: reads, writes, and every way a
//! request can be refused, each with its stable code and no change stored.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

fn dispar() -> Value {
    json!({"kode": "dispar", "nama": "Dinas Pariwisata", "singkatan": "Dispar", "jenis": "dinas"})
}

#[tokio::test]
async fn list_filters_by_kind_and_text() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let (status, all) = api.get("/pd").await;
    assert_eq!(status, 200);
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), pd_count(&app.db).await);
    assert!(
        all.iter()
            .any(|p| p["kode"] == "DISKOMINFO" && p["pengelola_spbe"] == true)
    );

    let (status, badan) = api.get("/pd?jenis=badan").await;
    assert_eq!(status, 200);
    let badan = badan.as_array().unwrap();
    let expected = simpul_store::pd::list(
        &app.db,
        &simpul_store::pd::PdFilter {
            jenis: Some(simpul_domain::org::JenisPd::Badan),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(badan.len(), expected.len());
    assert!(badan.len() >= 5, "{badan:?}");
    assert!(badan.iter().all(|p| p["jenis"] == "badan"));
    assert!(badan.iter().any(|p| p["kode"] == "BPKAD"));

    let (status, found) = api.get("/pd?q=Kesehatan").await;
    assert_eq!(status, 200);
    let kodes: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kode"].as_str().unwrap())
        .collect();
    assert!(kodes.contains(&"DINKES"), "{kodes:?}");
    assert!(!kodes.contains(&"BPKAD"), "{kodes:?}");

    let (status, none) = api.get("/pd?jenis=dinas&q=Keuangan").await;
    assert_eq!((status, none), (200, json!([])));

    let bad = api.get("/pd?jenis=kantor").await;
    let fields = assert_api_error(&bad, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "jenis"), ["jenis_pd_tidak_dikenal"]);
}

#[tokio::test]
async fn create_get_and_update() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    let (status, made) = api.post("/pd", dispar()).await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["kode"], "DISPAR");
    assert_eq!(made["nama"], "Dinas Pariwisata");
    assert_eq!(made["induk"], Value::Null);
    assert_eq!(made["diarsipkan"], false);
    let id = made["id"].as_str().unwrap().to_owned();
    assert_eq!(
        snapshot(&app.db).await,
        (before.0 + 1, before.1, before.2 + 1)
    );

    let (status, got) = api.get(&format!("/pd/{id}")).await;
    assert_eq!((status, &got), (200, &made));

    let setda = pd_id(&app.db, "SETDA").await;
    let (status, upt) = api
        .post("/pd", json!({"kode": "UPT-PARIWISATA", "nama": "UPT Objek Wisata", "jenis": "upt", "induk": id}))
        .await;
    assert_eq!(status, 201, "{upt}");
    assert_eq!(upt["induk"], id.as_str());

    let (status, changed) = api
        .put(
            &format!("/pd/{id}"),
            json!({"kode": "DISPAR", "nama": "Dinas Kebudayaan dan Pariwisata", "jenis": "dinas", "induk": null}),
        )
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["nama"], "Dinas Kebudayaan dan Pariwisata");
    assert_eq!(changed["singkatan"], Value::Null);
    assert_eq!(
        api.get(&format!("/pd/{id}")).await.1["nama"],
        "Dinas Kebudayaan dan Pariwisata"
    );

    // An update to another PD's code is a conflict, and changes nothing.
    let mid = snapshot(&app.db).await;
    let taken = api
        .put(
            &format!("/pd/{setda}"),
            json!({"kode": "DISPAR", "nama": "Sekretariat Daerah", "jenis": "sekretariat_daerah"}),
        )
        .await;
    let fields = assert_api_error(&taken, 409, "conflict");
    assert_eq!(field_codes(&fields, "kode"), ["sudah_ada"]);
    assert_eq!(snapshot(&app.db).await, mid);
    assert_eq!(api.get(&format!("/pd/{setda}")).await.1["kode"], "SETDA");
}

#[tokio::test]
async fn malformed_and_misshapen_bodies_are_400() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let token = app.token_for(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    for raw in ["{\"kode\": \"X\",", "", "[1, 2]", "not json"] {
        let resp = client()
            .post(format!("{}/api/v1/pd", app.base))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await
            .unwrap();
        assert_api_error(&json_of(resp).await, 400, "malformed_json");
    }
    let no_type = client()
        .post(format!("{}/api/v1/pd", app.base))
        .bearer_auth(&token)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(no_type).await, 400, "malformed_json");

    let mut shape = dispar();
    shape["induk"] = json!("not-a-uuid");
    assert_api_error(&api.post("/pd", shape).await, 400, "malformed_json");
    let mut shape = dispar();
    shape["nama"] = json!(42);
    assert_api_error(&api.post("/pd", shape).await, 400, "malformed_json");
    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn every_invalid_field_is_named_at_once() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;

    let fields = assert_api_error(&api.post("/pd", json!({})).await, 422, "validation_failed");
    let names: Vec<&String> = fields.as_object().unwrap().keys().collect();
    assert_eq!(names, ["jenis", "kode", "nama"]);
    assert_eq!(field_codes(&fields, "kode"), ["kode_pd_panjang"]);
    assert_eq!(field_codes(&fields, "nama"), ["wajib_diisi"]);
    assert_eq!(field_codes(&fields, "jenis"), ["jenis_pd_tidak_dikenal"]);
    assert!(
        fields["nama"][0]["pesan"]
            .as_str()
            .is_some_and(|p| !p.is_empty())
    );

    let bad = json!({"kode": "a b!", "nama": "  ", "singkatan": "s".repeat(51), "jenis": "kantor"});
    let fields = assert_api_error(&api.post("/pd", bad).await, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "kode"), ["kode_pd_karakter"]);
    assert_eq!(field_codes(&fields, "singkatan"), ["terlalu_panjang"]);
    assert_eq!(fields.as_object().unwrap().len(), 4, "{fields}");

    let mut long = dispar();
    long["nama"] = json!("n".repeat(201));
    let fields = assert_api_error(&api.post("/pd", long).await, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "nama"), ["terlalu_panjang"]);
    assert_eq!(fields.as_object().unwrap().len(), 1, "{fields}");

    let upt = json!({"kode": "UPT-1", "nama": "UPT Puskesmas", "jenis": "upt"});
    let fields = assert_api_error(&api.post("/pd", upt).await, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "induk"), ["induk_wajib"]);

    let orphan = json!({"kode": "UPT-1", "nama": "UPT Puskesmas", "jenis": "upt", "induk": uuid::Uuid::now_v7()});
    assert_api_error(&api.post("/pd", orphan).await, 422, "unknown_reference");
    assert_eq!(snapshot(&app.db).await, before);

    // 200 characters is the limit, not over it.
    let mut max = dispar();
    max["nama"] = json!("n".repeat(200));
    assert_eq!(api.post("/pd", max).await.0, 201);
}

#[tokio::test]
async fn duplicate_code_is_a_conflict_on_kode() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    for kode in ["SETDA", " setda "] {
        let dup = json!({"kode": kode, "nama": "Sekretariat Daerah Kedua", "jenis": "sekretariat_daerah"});
        let fields = assert_api_error(&api.post("/pd", dup).await, 409, "conflict");
        assert_eq!(field_codes(&fields, "kode"), ["sudah_ada"], "{kode}");
        assert_eq!(fields.as_object().unwrap().len(), 1);
    }
    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn unknown_ids_and_paths_are_json_404() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    let resp = client()
        .get(format!("{}/api/v1/pd/not-a-uuid", app.base))
        .bearer_auth(app.token_for(SUPER_ADMIN).await)
        .send()
        .await
        .unwrap();
    assert!(
        resp.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert_api_error(&json_of(resp).await, 404, "not_found");
    let random = uuid::Uuid::now_v7();
    assert_api_error(&api.get(&format!("/pd/{random}")).await, 404, "not_found");
    let put = api.put(&format!("/pd/{random}"), dispar()).await;
    assert_api_error(&put, 404, "not_found");
    assert_api_error(&api.get("/tidak-ada").await, 404, "not_found");
    let after = snapshot(&app.db).await;
    assert_eq!((after.0, after.1), (before.0, before.1));
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_413() {
    let app = spawn_app().await;
    let token = app.token_for(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    let mut big = dispar();
    big["singkatan"] = json!("x".repeat(1024 * 1024 + 1));
    let resp = client()
        .post(format!("{}/api/v1/pd", app.base))
        .bearer_auth(&token)
        .json(&big)
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(resp).await, 413, "payload_too_large");
    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn a_pd_cannot_sit_under_its_own_unit() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let (_, dinas) = api.post("/pd", dispar()).await;
    let id = dinas["id"].as_str().unwrap().to_owned();
    let (status, upt) = api
        .post(
            "/pd",
            json!({"kode": "UPT-WISATA", "nama": "UPT Wisata", "jenis": "upt", "induk": id}),
        )
        .await;
    assert_eq!(status, 201);
    let before = snapshot(&app.db).await;
    let cycle =
        json!({"kode": "DISPAR", "nama": "Dinas Pariwisata", "jenis": "dinas", "induk": upt["id"]});
    let got = api.put(&format!("/pd/{id}"), cycle).await;
    assert_eq!(got.0, 422, "{}", got.1);
    assert_eq!(snapshot(&app.db).await, before);
}
