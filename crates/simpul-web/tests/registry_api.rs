//! The architecture registry through the JSON API: records, validation across records,
//! relations and their rules, impact analysis and search.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::{Value, json};

async fn create(api: &Api, jenis: &str, body: Value) -> Value {
    let got = api.post(&format!("/arsitektur/{jenis}"), body).await;
    assert_eq!(got.0, 201, "create {jenis}: {}", got.1);
    got.1
}

async fn relate(api: &Api, from: &Value, jenis: &str, to: &Value) -> (u16, Value) {
    api.post(
        &format!("/arsitektur/item/{}/relasi", from["id"].as_str().unwrap()),
        json!({"jenis": jenis, "ke": to["id"]}),
    )
    .await
}

#[tokio::test]
async fn a_server_failure_stops_the_public_services_it_carries() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let kominfo = pd_id(&app.db, "DISKOMINFO").await.to_string();
    let dinkes = pd_id(&app.db, "DINKES").await.to_string();
    let dc = create(&api, "pusat_data", json!({"kode": "PD-01", "nama": "Pusat Data Daerah", "pd": kominfo, "atribut": {"jenis": "milik_sendiri"}})).await;
    let server = create(&api, "server", json!({"kode": "SRV-01", "nama": "Server Aplikasi 1", "pd": kominfo, "atribut": {"jenis": "vps", "alamat_ip": "10.63.1.10"}})).await;
    let app1 = create(
        &api,
        "aplikasi",
        json!({"kode": "APL-01", "nama": "SIMPUS", "pd": dinkes, "status": "produksi",
        "atribut": {"jenis": "khusus", "kategori_fungsi": "pelayanan", "sumber": "terbuka"}}),
    )
    .await;
    let layanan = create(&api, "layanan", json!({"kode": "LYN-01", "nama": "Pendaftaran Puskesmas", "pd": dinkes, "atribut": {"jenis": "publik"}})).await;
    let proses = create(
        &api,
        "proses_bisnis",
        json!({"kode": "PB-01", "nama": "Pelayanan Rawat Jalan", "pd": dinkes}),
    )
    .await;
    assert_eq!(relate(&api, &server, "dihosting_di", &dc).await.0, 201);
    assert_eq!(relate(&api, &app1, "dihosting_di", &server).await.0, 201);
    assert_eq!(relate(&api, &app1, "menyediakan", &layanan).await.0, 201);
    assert_eq!(relate(&api, &proses, "menggunakan", &layanan).await.0, 201);

    let (status, impact) = api
        .get(&format!(
            "/arsitektur/item/{}/dampak",
            server["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(status, 200, "{impact}");
    let found: Vec<(&str, i64)> = impact
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["catatan"]["kode"].as_str().unwrap(),
                a["kedalaman"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("APL-01", 1), ("LYN-01", 2), ("PB-01", 3)],
        "{impact}"
    );

    // The same question answered on the page, with the public service named.
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let page = s
        .get(&format!(
            "/arsitektur/item/{}/dampak",
            dc["id"].as_str().unwrap()
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Layanan publik yang terhenti"));
    assert!(page.contains("Pendaftaran Puskesmas"));
    assert!(page.contains("<svg"), "the graph is drawn");
    let csv = s
        .get(&format!(
            "/arsitektur/item/{}/dampak?format=csv",
            server["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    let text = csv.text().await.unwrap();
    assert!(
        text.contains("\"SIMPUS\"") && text.lines().count() == 4,
        "{text}"
    );
}

#[tokio::test]
async fn invalid_records_name_every_problem_and_store_nothing() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = api.get("/arsitektur/aplikasi").await.1["total"].clone();
    let got = api.post("/arsitektur/aplikasi", json!({"kode": "x", "nama": "", "atribut": {"jenis": "milik_negara", "sumber": "tertutup", "warna": "biru"}})).await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    for f in [
        "kode",
        "nama",
        "atribut.jenis",
        "atribut.warna",
        "atribut.kategori_fungsi",
    ] {
        assert!(fields.get(f).is_some(), "{f} missing in {fields}");
    }
    assert_eq!(api.get("/arsitektur/aplikasi").await.1["total"], before);
    assert_api_error(&api.get("/arsitektur/kapal").await, 404, "not_found");
}

#[tokio::test]
async fn the_ip_plan_refuses_overlaps_naming_the_other_subnet() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    create(
        &api,
        "subnet",
        json!({"kode": "NET-DINKES", "nama": "LAN Dinkes", "atribut": {"cidr": "10.63.4.0/24"}}),
    )
    .await;
    let got = api
        .post(
            "/arsitektur/subnet",
            json!({"kode": "NET-RSUD", "nama": "LAN RSUD", "atribut": {"cidr": "10.63.4.128/25"}}),
        )
        .await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    let text = fields["atribut.cidr"].to_string();
    assert!(
        text.contains("NET-DINKES") && text.contains("10.63.4.0/24"),
        "{text}"
    );
    let malformed = api
        .post(
            "/arsitektur/subnet",
            json!({"kode": "NET-X", "nama": "X", "atribut": {"cidr": "10.63.5.7/24"}}),
        )
        .await;
    assert_eq!(
        field_codes(
            &assert_api_error(&malformed, 422, "validation_failed"),
            "atribut.cidr"
        ),
        ["subnet_bit_host"]
    );
}

#[tokio::test]
async fn relations_follow_their_rules() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let a = create(
        &api,
        "server",
        json!({"kode": "SRV-A", "nama": "A", "atribut": {"jenis": "fisik"}}),
    )
    .await;
    let b = create(
        &api,
        "pusat_data",
        json!({"kode": "PD-B", "nama": "B", "atribut": {"jenis": "pdn"}}),
    )
    .await;
    let layanan = create(
        &api,
        "layanan",
        json!({"kode": "LYN-L", "nama": "L", "atribut": {"jenis": "administrasi"}}),
    )
    .await;
    assert_eq!(relate(&api, &a, "dihosting_di", &b).await.0, 201);
    assert_api_error(&relate(&api, &a, "dihosting_di", &b).await, 409, "conflict");
    assert_api_error(
        &relate(&api, &layanan, "dihosting_di", &b).await,
        422,
        "validation_failed",
    );
    let bad = api
        .post(
            &format!("/arsitektur/item/{}/relasi", a["id"].as_str().unwrap()),
            json!({"jenis": "menikah", "ke": b["id"]}),
        )
        .await;
    assert_api_error(&bad, 422, "validation_failed");
    let c = create(
        &api,
        "server",
        json!({"kode": "SRV-C", "nama": "C", "atribut": {"jenis": "fisik"}}),
    )
    .await;
    assert_eq!(relate(&api, &c, "bergantung_pada", &a).await.0, 201);
    assert_api_error(
        &relate(&api, &a, "bergantung_pada", &c).await,
        422,
        "validation_failed",
    );
}

#[tokio::test]
async fn only_the_owner_pd_changes_its_records() {
    let app = spawn_app().await;
    let admin = app.api_as(SUPER_ADMIN).await;
    let bpkad = pd_id(&app.db, "BPKAD").await.to_string();
    let dinkes = pd_id(&app.db, "DINKES").await.to_string();
    let operator = app.api_as(OPERATOR_BPKAD).await;
    let own = json!({"kode": "DT-1", "nama": "Data Aset", "pd": bpkad, "atribut": {"jenis_data": "basis_data", "klasifikasi": "dikecualikan"}});
    assert_eq!(operator.post("/arsitektur/data", own).await.0, 201);
    let other = json!({"kode": "DT-2", "nama": "Data Pasien", "pd": dinkes, "atribut": {"jenis_data": "basis_data", "klasifikasi": "dikecualikan"}});
    assert_api_error(
        &operator.post("/arsitektur/data", other.clone()).await,
        403,
        "forbidden",
    );
    let theirs = create(&admin, "data", other).await;
    let put = operator.put(&format!("/arsitektur/item/{}", theirs["id"].as_str().unwrap()), json!({"kode": "DT-2", "nama": "Diubah", "pd": dinkes, "atribut": {"jenis_data": "basis_data", "klasifikasi": "publik"}})).await;
    assert_api_error(&put, 403, "forbidden");
    let pimpinan = app.api_as(PIMPINAN).await;
    assert_api_error(
        &pimpinan
            .post(
                "/arsitektur/layanan",
                json!({"kode": "LYN-X", "nama": "X", "atribut": {"jenis": "publik"}}),
            )
            .await,
        403,
        "forbidden",
    );
    // Everyone reads the registry.
    assert_eq!(pimpinan.get("/arsitektur/data").await.1["total"], 2);
}

#[tokio::test]
async fn search_finds_records_across_domains() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    create(&api, "aplikasi", json!({"kode": "APL-9", "nama": "Sistem Informasi Kepegawaian", "deskripsi": "mutasi dan kenaikan pangkat",
        "atribut": {"jenis": "khusus", "kategori_fungsi": "kepegawaian", "sumber": "terbuka"}})).await;
    let (status, found) = api.get("/arsitektur/cari?q=kepegawaian").await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    let (_, none) = api.get("/arsitektur/cari?q=%22NEAR(*").await;
    assert_eq!(none, json!([]), "FTS syntax never errors");
    assert_api_error(
        &api.get("/arsitektur/cari?q=x&domain=laut").await,
        422,
        "validation_failed",
    );
}
