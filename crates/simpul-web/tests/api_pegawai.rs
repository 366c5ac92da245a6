//! `/api/v1/pegawai` and `/api/v1/peran` with the super admin's bearer token.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::{Value, json};

const NEW_NIP: &str = "199205142019031002";

async fn body(app: &TestApp, nip: &str, pd: &str) -> Value {
    json!({
        "nip": nip,
        "nama": "Rahmat Hidayat",
        "jabatan": "Pranata Komputer Ahli Pertama",
        "email": "rahmat@tanbukab.go.id",
        "pd": pd_id(&app.db, pd).await,
    })
}

#[tokio::test]
async fn create_with_a_valid_nip_and_read_it_back() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;
    // Typed with the usual spaces.
    let (status, made) = api
        .post(
            "/pegawai",
            body(&app, "19920514 201903 1 002", "DISKOMINFO").await,
        )
        .await;
    assert_eq!(status, 201, "{made}");
    assert_eq!(made["nip"], NEW_NIP);
    assert_eq!(made["nama"], "Rahmat Hidayat");
    assert_eq!(made["aktif"], true);
    assert_eq!(made["pd"], pd_id(&app.db, "DISKOMINFO").await.to_string());
    assert_eq!(
        snapshot(&app.db).await,
        (before.0, before.1 + 1, before.2 + 1)
    );
    let id = made["id"].as_str().unwrap();
    let (status, got) = api.get(&format!("/pegawai/{id}")).await;
    assert_eq!((status, &got), (200, &made));
    let (status, roles) = api.get(&format!("/pegawai/{id}/peran")).await;
    assert_eq!((status, roles), (200, json!([])));
}

#[tokio::test]
async fn invalid_nips_are_422_with_codes_on_nip() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;

    let month13 = api
        .post(
            "/pegawai",
            body(&app, "19861326 201505 1 001", "SETDA").await,
        )
        .await;
    let fields = assert_api_error(&month13, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "nip"), ["nip_tanggal_lahir"]);
    assert_eq!(fields.as_object().unwrap().len(), 1, "{fields}");

    let short = api
        .post("/pegawai", body(&app, "19861026201505100", "SETDA").await)
        .await;
    let fields = assert_api_error(&short, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "nip"), ["nip_panjang"]);
    assert!(
        fields["nip"][0]["pesan"].as_str().unwrap().contains("17"),
        "{fields}"
    );

    // Every problem at once: the NIP, the name, the e-mail and the missing PD.
    let all = json!({"nip": "1986x", "nama": "", "email": "bukan-email"});
    let fields = assert_api_error(&api.post("/pegawai", all).await, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "nip"), ["nip_karakter", "nip_panjang"]);
    assert_eq!(field_codes(&fields, "nama"), ["wajib_diisi"]);
    assert_eq!(field_codes(&fields, "pd"), ["pd_wajib"]);
    assert!(!field_codes(&fields, "email").is_empty(), "{fields}");

    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn duplicate_nip_unknown_pd_and_weak_password_are_refused() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = snapshot(&app.db).await;

    let dup = api
        .post("/pegawai", body(&app, ADMIN_SETDA, "BPKAD").await)
        .await;
    let fields = assert_api_error(&dup, 409, "conflict");
    assert_eq!(field_codes(&fields, "nip"), ["sudah_ada"]);

    let mut unknown = body(&app, NEW_NIP, "SETDA").await;
    unknown["pd"] = json!(uuid::Uuid::now_v7());
    let fields = assert_api_error(
        &api.post("/pegawai", unknown).await,
        422,
        "validation_failed",
    );
    assert_eq!(field_codes(&fields, "pd"), ["pd_tidak_dikenal"]);

    let mut weak = body(&app, NEW_NIP, "SETDA").await;
    weak["sandi"] = json!("12345");
    let fields = assert_api_error(&api.post("/pegawai", weak).await, 422, "validation_failed");
    assert_eq!(
        field_codes(&fields, "sandi"),
        ["sandi_pendek", "sandi_angka_saja"]
    );

    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn a_new_password_lets_the_person_log_in() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let mut b = body(&app, NEW_NIP, "BPKAD").await;
    b["sandi"] = json!("sandi-awal-yang-kuat");
    assert_eq!(api.post("/pegawai", b).await.0, 201);
    assert_eq!(
        app.try_login(NEW_NIP, "sandi-awal-yang-kuat").await.err(),
        None
    );
}

#[tokio::test]
async fn grant_and_revoke_roles() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let who = pegawai_id(&app.db, OPERATOR_BPKAD).await;
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let path = format!("/pegawai/{who}/peran");
    let before = snapshot(&app.db).await;

    let ratu = api.post(&path, json!({"peran": "ratu", "pd": bpkad})).await;
    let fields = assert_api_error(&ratu, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "peran"), ["peran_tidak_dikenal"]);
    let nowhere = api
        .post(
            &path,
            json!({"peran": "admin_pd", "pd": uuid::Uuid::now_v7()}),
        )
        .await;
    let fields = assert_api_error(&nowhere, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "pd"), ["pd_tidak_dikenal"]);
    let nobody = api
        .post(
            &format!("/pegawai/{}/peran", uuid::Uuid::now_v7()),
            json!({"peran": "admin_pd", "pd": bpkad}),
        )
        .await;
    assert_api_error(&nobody, 404, "not_found");
    assert_eq!(snapshot(&app.db).await, before);

    let (status, g) = api
        .post(&path, json!({"peran": "admin_pd", "pd": bpkad}))
        .await;
    assert_eq!(status, 201, "{g}");
    assert_eq!(
        (g["role"].clone(), g["pd"].clone()),
        (json!("admin_pd"), json!(bpkad))
    );
    assert_eq!(g["pegawai"], json!(who));
    let after_grant = audit_len(&app.db).await;
    assert_eq!(after_grant, before.2 + 1);

    let dup = api
        .post(&path, json!({"peran": "admin_pd", "pd": bpkad}))
        .await;
    let fields = assert_api_error(&dup, 409, "conflict");
    assert_eq!(field_codes(&fields, "peran"), ["sudah_ada"]);
    assert_eq!(audit_len(&app.db).await, after_grant);

    let (status, list) = api.get(&path).await;
    assert_eq!(status, 200);
    assert!(list.as_array().unwrap().iter().any(|x| x["id"] == g["id"]));

    let gid = g["id"].as_str().unwrap();
    assert_eq!(
        api.call("DELETE", &format!("/peran/{gid}"), None).await,
        (204, Value::Null)
    );
    assert_eq!(audit_len(&app.db).await, after_grant + 1);
    assert_api_error(
        &api.call("DELETE", &format!("/peran/{gid}"), None).await,
        404,
        "not_found",
    );
    assert_api_error(
        &api.call("DELETE", "/peran/bukan-uuid", None).await,
        404,
        "not_found",
    );
    let (_, list) = api.get(&path).await;
    assert!(!list.as_array().unwrap().iter().any(|x| x["id"] == g["id"]));
}

#[tokio::test]
async fn update_keeps_the_nip() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let id = pegawai_id(&app.db, OPERATOR_BPKAD).await;
    let before = snapshot(&app.db).await;
    let moved = api
        .put(
            &format!("/pegawai/{id}"),
            body(&app, NEW_NIP, "BPKAD").await,
        )
        .await;
    let fields = assert_api_error(&moved, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "nip"), ["nip_tidak_bisa_diubah"]);
    assert_eq!(snapshot(&app.db).await, before);
    assert_eq!(
        simpul_store::pegawai::get(&app.db, id)
            .await
            .unwrap()
            .nip
            .as_str(),
        OPERATOR_BPKAD
    );

    let (status, p) = api
        .put(
            &format!("/pegawai/{id}"),
            body(&app, OPERATOR_BPKAD, "BPKAD").await,
        )
        .await;
    assert_eq!(status, 200, "{p}");
    assert_eq!(
        (p["nip"].as_str(), p["nama"].as_str()),
        (Some(OPERATOR_BPKAD), Some("Rahmat Hidayat"))
    );
    assert_api_error(
        &api.put(
            &format!("/pegawai/{}", uuid::Uuid::now_v7()),
            body(&app, OPERATOR_BPKAD, "BPKAD").await,
        )
        .await,
        404,
        "not_found",
    );
}

#[tokio::test]
async fn an_archived_pd_accepts_no_new_staff() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let dpmd = pd_id(&app.db, "DPMD").await;
    simpul_store::pd::set_archived(&app.db, &simpul_store::Actor::sistem(), dpmd, true)
        .await
        .unwrap();
    let before = snapshot(&app.db).await;
    let got = api
        .post("/pegawai", body(&app, NEW_NIP, "DPMD").await)
        .await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    assert!(!field_codes(&fields, "pd").is_empty(), "{fields}");
    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn documented_paging_parameters_work() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let (status, page) = api.get("/pegawai?limit=2&offset=1").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert_eq!(page["total"], pegawai_count(&app.db).await);
    let (status, page) = api.get("/jejak-audit?limit=3").await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(page["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn bad_query_parameters_get_the_json_error_format() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    for path in ["/pegawai?pd=bukan-uuid", "/pd?arsip=mungkin"] {
        let resp = client()
            .get(format!("{}/api/v1{path}", app.base))
            .bearer_auth(app.token_for(SUPER_ADMIN).await)
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let text = resp.text().await.unwrap();
        let v: Value =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("{path}: not JSON: {text}"));
        assert!(status == 400 || status == 422, "{path}: {status}");
        assert!(
            v["error"].is_string() && v["message"].is_string() && v["fields"].is_object(),
            "{v}"
        );
    }
    assert_eq!(api.get("/pd?arsip=true").await.0, 200);
}
