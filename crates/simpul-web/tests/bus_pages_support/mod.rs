//! Helpers of the bus control plane page tests: demo logins by role, an OpenAPI
//! document, registering through the pages, and a snapshot of everything a refused
//! request must leave as it was.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use crate::common::*;

/// Administrator of BAPPEDA (another PD than SETDA, not the Dinas).
pub const ADMIN_BAPPEDA: &str = "199606222023082013";
/// Administrator of DISKOMINFO, the region's `pengelola_spbe` PD: the Dinas.
pub const ADMIN_DINAS: &str = "199504292018082007";

/// An OpenAPI 3 document with two tags, a `$ref` parameter carrying a NIK, a path
/// parameter and response fields carrying NIKs.
pub const OPENAPI: &str = r##"{
  "openapi": "3.0.3",
  "info": {"title": "Data Penduduk Bappeda", "version": "1.0.0"},
  "tags": [{"name": "penduduk", "description": "Data kependudukan"}, {"name": "wilayah"}],
  "paths": {
    "/penduduk": {"get": {"tags": ["penduduk"], "operationId": "cariPenduduk", "summary": "Cari penduduk menurut NIK",
      "parameters": [{"$ref": "#/components/parameters/Nik"}],
      "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Penduduk"}}}}}}},
    "/penduduk/{id}/keluarga": {"get": {"tags": ["penduduk"], "summary": "Anggota keluarga",
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
      "responses": {"200": {"description": "ok"}}}},
    "/kecamatan": {"get": {"tags": ["wilayah"], "summary": "Daftar kecamatan", "responses": {"200": {"description": "ok"}}}}
  },
  "components": {
    "parameters": {"Nik": {"name": "nik", "in": "query", "required": true, "description": "NIK 16 digit", "schema": {"type": "string"}}},
    "schemas": {"Penduduk": {"type": "object", "properties": {"nik": {"type": "string"}, "nama": {"type": "string"}}}}
  }
}"##;

/// The text fields of a good service registration for PD `pd` (its id).
pub fn service_fields(pd: &str) -> Vec<(&'static str, String)> {
    vec![
        ("pd", pd.to_owned()),
        ("kode", "penduduk".into()),
        ("versi", "v1".into()),
        ("nama", "Data Penduduk".into()),
        ("deskripsi", "Data penduduk untuk perencanaan".into()),
        ("url_hulu", "http://10.1.2.3:8080/api".into()),
        ("klasifikasi", "terbatas".into()),
        ("nik_query", "nik".into()),
        ("nik_request", "".into()),
        ("nik_response", "nik".into()),
    ]
}

/// `fields` with `name` set to `value`.
pub fn with(
    mut fields: Vec<(&'static str, String)>,
    name: &str,
    value: &str,
) -> Vec<(&'static str, String)> {
    for f in &mut fields {
        if f.0 == name {
            f.1 = value.to_owned();
        }
    }
    fields
}

/// POST the service form (multipart) with an optional file.
pub async fn post_service(
    s: &Session,
    path: &str,
    fields: &[(&'static str, String)],
    file: Option<(&str, &[u8])>,
) -> reqwest::Response {
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    s.post_multipart(path, &f, file).await
}

/// Register SETDA's service through the page as its admin; its id.
pub async fn register_setda_service(app: &TestApp) -> String {
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let r = post_service(
        &s,
        "/bus/layanan/baru",
        &service_fields(&setda),
        Some(("penduduk.json", OPENAPI.as_bytes())),
    )
    .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    id_after(&location(&r), "/bus/layanan/")
}

/// The id in a redirect `prefix{id}?…`.
pub fn id_after(loc: &str, prefix: &str) -> String {
    loc.strip_prefix(prefix)
        .unwrap_or_else(|| panic!("{loc} does not start with {prefix}"))
        .split(['?', '/', '#'])
        .next()
        .unwrap()
        .to_owned()
}

/// Everything a refused request must leave alone: audit length, rows of each bus
/// table, their statuses, and the files in the blob store.
#[derive(Debug, PartialEq, Eq)]
pub struct Keadaan {
    audit: i64,
    layanan: Vec<(String, String, String, String)>,
    konsumen: Vec<(String, bool)>,
    kredensial: usize,
    izin: Vec<(String, String)>,
    elemen: Vec<(String, String)>,
    blobs: usize,
}

/// The current [`Keadaan`].
pub async fn keadaan(app: &TestApp) -> Keadaan {
    use simpul_store::bus::{elemen, izin, konsumen, layanan};
    let db = &app.db;
    let ks = konsumen::list(db).await.unwrap();
    let mut kredensial = 0;
    for k in &ks {
        kredensial += konsumen::kredensial(db, k.id).await.unwrap().len();
    }
    Keadaan {
        audit: audit_len(db).await,
        layanan: layanan::list(db)
            .await
            .unwrap()
            .into_iter()
            .map(|l| (l.key(), l.nama, l.url_hulu, l.status.code().to_owned()))
            .collect(),
        konsumen: ks.into_iter().map(|k| (k.kode, k.dicabut)).collect(),
        kredensial,
        izin: izin::list(db)
            .await
            .unwrap()
            .into_iter()
            .map(|g| (g.id.to_string(), g.status.code().to_owned()))
            .collect(),
        elemen: elemen::list(db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.nama, e.definisi))
            .collect(),
        blobs: app.blob_files(),
    }
}

/// Status and body of a response.
pub async fn text_of(r: reqwest::Response) -> (u16, String) {
    let status = r.status().as_u16();
    (status, r.text().await.unwrap())
}

/// GET a page; its status and body.
pub async fn page(s: &Session, path: &str) -> (u16, String) {
    text_of(s.get(path).await).await
}

/// A grant's last day, `days` from today, as `YYYY-MM-DD`.
pub fn day_in(days: i64) -> String {
    let d = (time::OffsetDateTime::now_utc() + time::Duration::days(days)).date();
    simpul_store::bus::izin::tanggal_text(d)
}

/// BAPPEDA's application `bappeda-sipd`, registered through the consumer form by `s`.
pub async fn post_bappeda_consumer(app: &TestApp, s: &Session) -> reqwest::Response {
    let bappeda_pd = pd_id(&app.db, "BAPPEDA").await.to_string();
    s.post_form(
        "/bus/konsumen/baru",
        &[
            ("pd", &bappeda_pd),
            ("kode", "bappeda-sipd"),
            ("nama", "SIPD Bappeda"),
            ("aplikasi", "SIPD"),
        ],
    )
    .await
}

/// The secret on the page that shows a new credential once.
pub fn secret_in(shown: &str) -> String {
    shown
        .split("id=\"rahasia-nilai\">")
        .nth(1)
        .and_then(|t| t.split("</code>").next())
        .unwrap()
        .to_owned()
}

/// Request a grant for consumer `kid` on service `sid` for 90 days, through the form.
pub async fn post_grant_request(s: &Session, kid: &str, sid: &str) -> reqwest::Response {
    s.post_form(
        "/bus/izin/baru",
        &[
            ("konsumen", kid),
            ("layanan", sid),
            ("tujuan", "Perencanaan pembangunan"),
            ("dasar_hukum", "Perpres 39/2019"),
            ("berlaku_sampai", &day_in(90)),
        ],
    )
    .await
}
