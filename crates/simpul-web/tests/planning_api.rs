//! The planning documents' API: JSON documents, multipart file versions and reviews,
//! every problem named by field, and the same permissions as the pages.

#![allow(clippy::unwrap_used)]

mod common;
mod planning_support;

use common::*;
use planning_support::*;
use serde_json::json;

#[tokio::test]
async fn the_api_records_versions_and_reviews() {
    let app = spawn_app().await;
    let api = app.api_as(ADMIN_DINAS).await;
    assert_eq!(api.get("/perencanaan").await, (200, json!([])));
    let body = json!({
        "jenis": "peta_rencana", "judul": "Peta Rencana SPBE 2025-2029",
        "periode_awal": 2025, "periode_akhir": "2029",
        "nomor_penetapan": "Peraturan Bupati Tanah Bumbu Nomor 15 Tahun 2025",
        "tanggal_penetapan": "2025-04-20", "status": "berlaku"
    });
    let (st, doc) = api.post("/perencanaan", body.clone()).await;
    assert_eq!(st, 201, "{doc}");
    assert_eq!(doc["jenis"], "peta_rencana");
    assert_eq!(doc["periode"], json!({"awal": 2025, "akhir": 2029}));
    assert_eq!(doc["tanggal_penetapan"], "2025-04-20");
    let id = doc["id"].as_str().unwrap().to_owned();
    let mut revoked = body.clone();
    revoked["status"] = json!("dicabut");
    let (st, changed) = api.put(&format!("/perencanaan/{id}"), revoked).await;
    assert_eq!((st, changed["status"].as_str()), (200, Some("dicabut")));

    // Files: a version, then refusals that name the problem.
    let path = format!("/perencanaan/{id}/berkas");
    let (st, v) = api
        .post_multipart(&path, &[("catatan", "naskah")], Some(("peta.pdf", PDF_V1)))
        .await;
    assert_eq!((st, v["versi"].as_i64()), (201, Some(1)), "{v}");
    let got = api
        .post_multipart(&path, &[], Some(("peta.pdf", b"GIF89a")))
        .await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "berkas"), ["berkas_isi"]);
    let got = api.post_multipart(&path, &[], None).await;
    assert_eq!(field_codes(&got.1["fields"], "berkas"), ["berkas_wajib"]);

    // Reviews, with and without a report.
    let path = format!("/perencanaan/{id}/reviu");
    let (st, r1) = api
        .post_multipart(
            &path,
            &[
                ("tanggal", "2026-06-30"),
                ("ringkasan", "Reviu paruh waktu"),
            ],
            Some(("laporan.pdf", REPORT)),
        )
        .await;
    assert_eq!(st, 201, "{r1}");
    assert_eq!(r1["tanggal"], "2026-06-30");
    assert_eq!(r1["berkas"]["nama"], "laporan.pdf");
    let (st, r2) = api
        .post_multipart(
            &path,
            &[("tanggal", "2026-01-05"), ("ringkasan", "Rapat")],
            None,
        )
        .await;
    assert_eq!((st, r2["berkas"].is_null()), (201, true));
    let got = api
        .post_multipart(&path, &[("tanggal", &day(3)), ("ringkasan", "")], None)
        .await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "tanggal"), ["tanggal_masa_depan"]);
    assert_eq!(field_codes(&fields, "ringkasan"), ["wajib_diisi"]);

    let (st, full) = api.get(&format!("/perencanaan/{id}")).await;
    assert_eq!(st, 200);
    assert_eq!(full["versi"].as_array().unwrap().len(), 1);
    assert_eq!(full["reviu"].as_array().unwrap().len(), 2);
    assert_eq!(api.get(&path).await.1.as_array().unwrap().len(), 2);
    let file = api
        .raw_get(&format!(
            "/perencanaan/berkas/{}",
            v["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(file.bytes().await.unwrap().as_ref(), PDF_V1);
    let report = api
        .raw_get(&format!(
            "/perencanaan/reviu/{}/berkas",
            r1["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(report.bytes().await.unwrap().as_ref(), REPORT);
    let none = api
        .raw_get(&format!(
            "/perencanaan/reviu/{}/berkas",
            r2["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(none.status().as_u16(), 404, "a review without a report");

    // Bad documents: every problem named by field, nothing stored.
    let before = stored(&app).await;
    let bad = json!({"jenis": "rencana_strategis", "judul": "", "periode_awal": 2029,
        "periode_akhir": 2025, "tanggal_penetapan": day(1), "status": "berlaku"});
    let got = api.post("/perencanaan", bad).await;
    let fields = assert_api_error(&got, 422, "validation_failed");
    assert_eq!(field_codes(&fields, "jenis"), ["jenis_perencanaan"]);
    assert_eq!(field_codes(&fields, "judul"), ["wajib_diisi"]);
    assert_eq!(field_codes(&fields, "periode"), ["periode_urutan"]);
    assert_eq!(
        field_codes(&fields, "tanggal_penetapan"),
        ["tanggal_masa_depan"]
    );
    assert_eq!(field_codes(&fields, "nomor_penetapan"), ["penetapan_wajib"]);
    let mut long = body.clone();
    long["periode_awal"] = json!(2020);
    long["periode_akhir"] = json!(2049);
    let got = api.post("/perencanaan", long).await;
    assert_eq!(
        field_codes(&got.1["fields"], "periode"),
        ["periode_panjang"]
    );
    let got = api
        .call("POST", "/perencanaan", Some(json!({"periode_awal": [1]})))
        .await;
    assert_api_error(&got, 400, "malformed_json");
    assert_eq!(stored(&app).await, before);

    // Who may: an operator and an auditor read but do not write.
    // (Their tokens are made first: making a token is itself an audited change.)
    let others = [
        (OPERATOR_BPKAD, app.api_as(OPERATOR_BPKAD).await),
        (AUDITOR, app.api_as(AUDITOR).await),
    ];
    let before = stored(&app).await;
    for (nip, other) in &others {
        assert_eq!(
            other.get(&format!("/perencanaan/{id}")).await.0,
            200,
            "{nip}"
        );
        let got = other.post("/perencanaan", body.clone()).await;
        assert_api_error(&got, 403, "forbidden");
        let got = other
            .post_multipart(
                &path,
                &[("tanggal", "2026-01-05"), ("ringkasan", "x")],
                None,
            )
            .await;
        assert_api_error(&got, 403, "forbidden");
    }
    assert_eq!(stored(&app).await, before);
    let ghost = uuid::Uuid::now_v7();
    assert_eq!(api.get(&format!("/perencanaan/{ghost}")).await.0, 404);
}
