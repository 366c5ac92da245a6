//! API: documents of registry records and LAN diagrams, uploaded as multipart with a
//! token; errors as `{"error", "message", "fields"}` with the file's problem named.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use serde_json::json;

const PDF: &[u8] = b"%PDF-1.7\ntopologi server\n%%EOF";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\ndiagram";

#[tokio::test]
async fn record_documents_through_the_api() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let (st, srv) = api
        .post(
            "/arsitektur/server",
            json!({"kode": "SRV-1", "nama": "Server 1", "atribut": {"jenis": "vps"}}),
        )
        .await;
    assert_eq!(st, 201, "{srv}");
    let id = srv["id"].as_str().unwrap().to_owned();
    let path = format!("/arsitektur/item/{id}/dokumen");
    let (st, doc) = api
        .post_multipart(
            &path,
            &[("jenis", "diagram"), ("judul", "Topologi")],
            Some(("surat.pdf", PDF)),
        )
        .await;
    assert_eq!(st, 201, "{doc}");
    assert_eq!(doc["versi"], 1);
    assert_eq!(doc["berkas"]["nama"], "surat.pdf");
    assert_eq!(doc["berkas"]["jenis"], "pdf");
    assert_eq!(doc["berkas"]["sha256"].as_str().unwrap().len(), 64);
    let (st, list) = api.get(&path).await;
    assert_eq!((st, list.as_array().unwrap().len()), (200, 1));
    let file = api
        .raw_get(&format!(
            "/arsitektur/dokumen/{}",
            doc["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(file.status().as_u16(), 200);
    assert_eq!(file.bytes().await.unwrap().as_ref(), PDF);

    // Every problem is named, and nothing is stored.
    let (st, err) = api
        .post_multipart(&path, &[("jenis", "sop")], Some(("x.pdf", b"GIF89a")))
        .await;
    assert_api_error(&(st, err.clone()), 422, "validation_failed");
    assert!(
        field_codes(&err["fields"], "berkas").contains(&"berkas_isi".to_owned()),
        "{err}"
    );
    assert!(
        !field_codes(&err["fields"], "jenis").is_empty(),
        "sop does not apply: {err}"
    );
    assert_eq!(field_codes(&err["fields"], "judul"), ["wajib_diisi"]);
    let (st, err) = api
        .post_multipart(&path, &[("jenis", "lainnya"), ("judul", "x")], None)
        .await;
    assert_eq!(st, 422);
    assert_eq!(field_codes(&err["fields"], "berkas"), ["berkas_wajib"]);
    assert_eq!(api.get(&path).await.1.as_array().unwrap().len(), 1);

    // Another PD's operator may read but not add.
    let op = app.api_as(OPERATOR_BPKAD).await;
    assert_eq!(op.get(&path).await.0, 200);
    let (st, _) = op
        .post_multipart(
            &path,
            &[("jenis", "lainnya"), ("judul", "x")],
            Some(("y.pdf", PDF)),
        )
        .await;
    assert_eq!(st, 403);
    assert_eq!(
        api.get("/arsitektur/item/00000000-0000-7000-8000-000000000000/dokumen")
            .await
            .0,
        404
    );
}

#[tokio::test]
async fn lan_diagrams_through_the_api() {
    let app = spawn_app().await;
    let api = app.api_as(ADMIN_SETDA).await;
    let setda = pd_id(&app.db, "SETDA").await;
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let year = time::OffsetDateTime::now_utc().year();
    let (st, d) = api
        .post_multipart(
            &format!("/pd/{setda}/diagram-lan"),
            &[("tahun", &year.to_string()), ("catatan", "Tahunan")],
            Some(("lan.png", PNG)),
        )
        .await;
    assert_eq!(st, 201, "{d}");
    assert_eq!(
        (d["tahun"].as_i64(), d["versi"].as_i64()),
        (Some(year.into()), Some(1))
    );
    let (_, summary) = api.get(&format!("/diagram-lan?tahun={year}")).await;
    let rows = summary.as_array().unwrap();
    let with: Vec<_> = rows.iter().filter(|r| !r["diagram"].is_null()).collect();
    assert_eq!(with.len(), 1);
    assert_eq!(with[0]["kode"], "SETDA");
    assert!(rows.len() > 10, "every active PD is listed");
    let (_, versions) = api.get(&format!("/pd/{setda}/diagram-lan")).await;
    assert_eq!(versions.as_array().unwrap().len(), 1);
    let file = api
        .raw_get(&format!(
            "/diagram-lan/{}/berkas",
            d["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(file.headers()["content-type"], "image/png");
    assert_eq!(file.bytes().await.unwrap().as_ref(), PNG);

    let (st, err) = api
        .post_multipart(
            &format!("/pd/{setda}/diagram-lan"),
            &[("tahun", "2101")],
            Some(("lan.png", PNG)),
        )
        .await;
    assert_eq!(st, 422);
    assert_eq!(field_codes(&err["fields"], "tahun"), ["tahun_diagram"]);
    let (st, _) = api
        .post_multipart(
            &format!("/pd/{bpkad}/diagram-lan"),
            &[("tahun", &year.to_string())],
            Some(("lan.png", PNG)),
        )
        .await;
    assert_eq!(st, 403, "only the PD's own administrators and the Dinas");
    assert_eq!(
        api.get(&format!("/pd/{bpkad}/diagram-lan"))
            .await
            .1
            .as_array()
            .unwrap()
            .len(),
        0
    );
}
