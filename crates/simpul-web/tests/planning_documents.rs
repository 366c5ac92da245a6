//! Planning documents through the real server: the Dinas records a document with its
//! file, edits it (a new file is a new version), records a review with its report, and
//! everyone downloads; bad input is refused with a clear reason and stores nothing; only
//! the Dinas' administrators and the super admin change. The API: `planning_api.rs`.

#![allow(clippy::unwrap_used)]

mod common;
mod planning_support;

use common::*;
use planning_support::*;
use simpul_store::perencanaan::{reviu, versi};

#[tokio::test]
async fn the_dinas_records_edits_reviews_and_everyone_downloads() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_DINAS, PASSWORD).await;
    let list = page(&s, "/perencanaan").await;
    assert!(
        list.contains("0 dari 10 kebijakan internal berlaku"),
        "{list}"
    );
    assert!(list.contains("Belum ada") && list.contains("/perencanaan/baru?jenis=arsitektur"));
    let doc = page(&s, "/arsitektur/dokumen").await;
    assert!(
        doc.contains("Belum ada dokumen Arsitektur SPBE berstatus berlaku")
            && doc.contains("href=\"/perencanaan/baru?jenis=arsitektur\""),
        "the architecture document says plainly that none is recorded"
    );
    let form = page(&s, "/perencanaan/baru?jenis=arsitektur").await;
    assert!(form.contains("enctype=\"multipart/form-data\""));
    assert!(
        form.contains("<option value=\"arsitektur\" selected>"),
        "{form}"
    );

    let fields = arsitektur("Arsitektur SPBE 2025-2029", "2025", "2029");
    let r = s
        .post_multipart(
            "/perencanaan",
            &fields,
            Some(("Arsitektur SPBE.pdf", PDF_V1)),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    let id = id_from(&r);
    assert_eq!(
        location(&r),
        format!("/perencanaan/{id}?pesan=perencanaan-dibuat")
    );
    let detail = page(&s, &location(&r)).await;
    for says in [
        "Dokumen perencanaan dicatat.",
        "2025–2029",
        "5 tahun",
        "12 Maret 2025",
        "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun 2025",
        "Arsitektur SPBE.pdf",
        "naskah yang ditetapkan",
    ] {
        assert!(detail.contains(says), "{says}: {detail}");
    }

    // Editing with a new file keeps the first as version 1.
    let edit = page(&s, &format!("/perencanaan/{id}/ubah")).await;
    assert!(edit.contains("value=\"2025\"") && edit.contains("value=\"2025-03-12\""));
    let fields = arsitektur("Arsitektur SPBE Kabupaten Tanah Bumbu", "2025", "2029");
    let r = s
        .post_multipart(
            &format!("/perencanaan/{id}"),
            &fields,
            Some(("Arsitektur SPBE ttd.pdf", PDF_V2)),
        )
        .await;
    assert_eq!(
        location(&r),
        format!("/perencanaan/{id}?pesan=perencanaan-diubah")
    );
    let versions = versi::of_dokumen(&app.db, id).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.versi).collect::<Vec<_>>(), [2, 1]);
    // Editing without a file adds no version.
    let r = s
        .post_multipart(&format!("/perencanaan/{id}"), &fields, None)
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(versi::of_dokumen(&app.db, id).await.unwrap().len(), 2);

    // A review with its report.
    let yesterday = day(-1);
    let r = s
        .post_multipart(
            &format!("/perencanaan/{id}/reviu"),
            &[
                ("tanggal", &yesterday),
                (
                    "ringkasan",
                    "Reviu paruh waktu: domain aplikasi diperbarui.",
                ),
            ],
            Some(("Laporan reviu.pdf", REPORT)),
        )
        .await;
    assert_eq!(
        location(&r),
        format!("/perencanaan/{id}?pesan=perencanaan-reviu-dicatat#reviu")
    );
    let detail = page(&s, &format!("/perencanaan/{id}")).await;
    assert!(detail.contains("Reviu paruh waktu: domain aplikasi diperbarui."));
    assert!(detail.contains("Laporan reviu.pdf"));
    let review = reviu::of_dokumen(&app.db, id).await.unwrap().remove(0);

    // Every version and the report download byte for byte, for any official.
    let auditor = app.login(AUDITOR, PASSWORD).await;
    for (path, bytes) in [
        (format!("/perencanaan/berkas/{}", versions[1].id), PDF_V1),
        (format!("/perencanaan/berkas/{}", versions[0].id), PDF_V2),
        (
            format!("/perencanaan/reviu/{}/berkas", review.reviu.id),
            REPORT,
        ),
    ] {
        let r = auditor.get(&path).await;
        assert_eq!(r.status().as_u16(), 200, "{path}");
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let cd = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cd.starts_with("attachment;"), "{cd}");
        assert_eq!(r.bytes().await.unwrap().as_ref(), bytes, "{path}");
    }

    // The checklist and the architecture document now show it.
    let list = page(&s, "/perencanaan").await;
    assert!(list.contains("Arsitektur SPBE Kabupaten Tanah Bumbu") && list.contains("Berlaku"));
    let doc = page(&auditor, "/arsitektur/dokumen").await;
    for says in [
        "Arsitektur SPBE Kabupaten Tanah Bumbu",
        "2025–2029",
        "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun 2025",
        "12 Maret 2025",
        "Reviu paruh waktu: domain aplikasi diperbarui.",
    ] {
        assert!(doc.contains(says), "{says}");
    }
    assert!(!doc.contains("Belum ada dokumen Arsitektur SPBE berstatus berlaku"));
    // The history shows every change to region-wide readers.
    let detail = page(&auditor, &format!("/perencanaan/{id}")).await;
    assert!(
        detail.contains("Dokumen perencanaan dicatat")
            && detail.contains("Reviu dokumen perencanaan dicatat"),
        "history"
    );
}

#[tokio::test]
async fn bad_input_is_refused_with_a_reason_and_stores_nothing() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_DINAS, PASSWORD).await;
    let before = stored(&app).await;
    let tomorrow = day(1);
    let html: &[u8] = b"<html><script>alert(1)</script>";
    // The valid Arsitektur form with some fields changed.
    let with = |changes: &[(&str, &str)]| -> Vec<(&'static str, String)> {
        arsitektur("Arsitektur", "2025", "2029")
            .into_iter()
            .map(|(f, x)| {
                let v = changes.iter().find(|(k, _)| *k == f).map_or(x, |(_, v)| *v);
                (f, v.to_owned())
            })
            .collect()
    };
    type Case<'a> = (Vec<(&'a str, String)>, Option<(&'a str, &'a [u8])>, &'a str);
    let cases: Vec<Case> = vec![
        (
            with(&[("periode_akhir", "2020")]),
            None,
            "Tahun akhir periode (2020) lebih awal dari tahun awal (2025).",
        ),
        (
            with(&[("periode_awal", "2020"), ("periode_akhir", "2049")]),
            None,
            "Periode paling lama 20 tahun",
        ),
        (
            with(&[("tanggal_penetapan", &tomorrow)]),
            None,
            "belum terjadi",
        ),
        (
            with(&[("jenis", "rencana_strategis")]),
            None,
            "Pilih jenis dokumen perencanaan dari daftar.",
        ),
        (with(&[("judul", "")]), None, "Wajib diisi."),
        (
            with(&[]),
            Some(("naskah.pdf", html)),
            "Isi berkas tidak sesuai",
        ),
        (
            with(&[("nomor_penetapan", "")]),
            None,
            "wajib mencantumkan nomor penetapannya",
        ),
    ];
    for (fields, file, says) in cases {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = s.post_multipart("/perencanaan", &fields, file).await;
        assert_eq!(r.status().as_u16(), 422, "{says}");
        let body = r.text().await.unwrap();
        assert!(body.contains(says), "{says}: {body}");
        assert!(
            body.contains("error-summary"),
            "{says}: the summary names it"
        );
        assert_eq!(stored(&app).await, before, "{says}: nothing stored");
    }
    // Every problem at once, and what was typed is kept.
    let r = s
        .post_multipart(
            "/perencanaan",
            &[
                ("jenis", "x"),
                ("judul", "Judul saya"),
                ("periode_awal", "2030"),
                ("periode_akhir", "2025"),
            ],
            None,
        )
        .await;
    let body = r.text().await.unwrap();
    assert!(body.contains("value=\"Judul saya\"") && body.contains("value=\"2030\""));
    assert!(body.contains("Pilih jenis dokumen") && body.contains("lebih awal"));

    // Reviews: a date to come, no findings, a renamed file.
    let fields = arsitektur("Arsitektur", "2025", "2029");
    let r = s.post_multipart("/perencanaan", &fields, None).await;
    let id = id_from(&r);
    let before = stored(&app).await;
    let path = format!("/perencanaan/{id}/reviu");
    let today = day(0);
    for (tanggal, ringkasan, file, says) in [
        (tomorrow.as_str(), "Reviu", None, "belum terjadi"),
        (today.as_str(), " ", None, "Wajib diisi."),
        ("", "Reviu", None, "Wajib diisi."),
        (
            today.as_str(),
            "Reviu",
            Some(("laporan.pdf", html)),
            "Isi berkas tidak sesuai",
        ),
    ] {
        let r = s
            .post_multipart(
                &path,
                &[("tanggal", tanggal), ("ringkasan", ringkasan)],
                file,
            )
            .await;
        assert_eq!(r.status().as_u16(), 422, "{says}");
        assert!(r.text().await.unwrap().contains(says), "{says}");
        assert_eq!(stored(&app).await, before, "{says}: nothing stored");
    }
    // An unknown document is a 404 page.
    let r = s
        .get(&format!("/perencanaan/{}", uuid::Uuid::now_v7()))
        .await;
    assert_eq!(r.status().as_u16(), 404);
}

#[tokio::test]
async fn only_the_dinas_admins_and_the_super_admin_change() {
    let app = spawn_app().await;
    let admin = app.login(SUPER_ADMIN, PASSWORD).await;
    let fields = arsitektur("Arsitektur", "2025", "2029");
    let r = admin
        .post_multipart("/perencanaan", &fields, Some(("a.pdf", PDF_V1)))
        .await;
    assert_eq!(r.status().as_u16(), 303, "the super admin records");
    let id = id_from(&r);
    let version = versi::of_dokumen(&app.db, id).await.unwrap().remove(0);
    let before = stored(&app).await;
    for nip in [OPERATOR_BPKAD, ADMIN_SETDA, AUDITOR, PIMPINAN] {
        let s = app.login(nip, PASSWORD).await;
        let list = page(&s, "/perencanaan").await;
        assert!(
            !list.contains("href=\"/perencanaan/baru\""),
            "{nip}: no button"
        );
        let detail = page(&s, &format!("/perencanaan/{id}")).await;
        assert!(!detail.contains("/reviu?_csrf"), "{nip}: no review form");
        for path in [
            "/perencanaan/baru".to_owned(),
            format!("/perencanaan/{id}/ubah"),
        ] {
            assert_eq!(s.get(&path).await.status().as_u16(), 403, "{nip} {path}");
        }
        for path in [
            "/perencanaan".to_owned(),
            format!("/perencanaan/{id}"),
            format!("/perencanaan/{id}/reviu"),
        ] {
            let r = s
                .post_multipart(
                    &path,
                    &[("tanggal", "2026-01-05"), ("ringkasan", "x")],
                    Some(("b.pdf", PDF_V2)),
                )
                .await;
            assert_eq!(r.status().as_u16(), 403, "{nip} POST {path}");
        }
        let r = s.get(&format!("/perencanaan/berkas/{}", version.id)).await;
        assert_eq!(r.status().as_u16(), 200, "{nip} reads the file");
    }
    assert_eq!(stored(&app).await, before, "refusals store nothing");
    // Nobody logged in: never the list, never the file.
    let r = client()
        .get(format!("{}/perencanaan/berkas/{}", app.base, version.id))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status().as_u16(), 200);
}
