//! Documents of registry records and LAN diagrams per PD, through the real server: upload
//! forms without JavaScript, versions that are never replaced, downloads that return the
//! stored bytes, refusals that store nothing, and who may do what.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::Jenis;
use simpul_store::registry::lampiran;
use simpul_store::{Db, diagram_lan};

const PDF_V1: &[u8] = b"%PDF-1.7\nSOP penggajian versi 1\n%%EOF";
const PDF_V2: &[u8] = b"%PDF-1.7\nSOP penggajian versi 2\n%%EOF";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR diagram LAN";

async fn process(s: &Session, app: &TestApp, pd: &str) -> ItemId {
    let f = [
        ("kode", "PB-GAJI"),
        ("nama", "Penggajian pegawai"),
        ("pd", pd),
    ];
    create_record(s, app, Jenis::ProsesBisnis, &f).await
}

/// What a refused upload must leave unchanged: documents, file rows, audit entries and
/// files in the blob store.
async fn stored(app: &TestApp, db: &Db) -> (i64, i64, usize) {
    let files: i64 = simpul_store::berkas::digests(db).await.unwrap().len() as i64;
    (audit_len(db).await, files, app.blob_files())
}

#[tokio::test]
async fn sop_versions_upload_list_and_download() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let id = process(&s, &app, &setda).await;

    let form = s
        .get(&format!("/arsitektur/item/{id}/dokumen"))
        .await
        .text()
        .await
        .unwrap();
    assert!(form.contains("enctype=\"multipart/form-data\""), "{form}");
    assert!(
        form.contains("value=\"sop\""),
        "an SOP can be attached to a process"
    );
    assert!(
        !form.contains("value=\"pertimbangan_menteri\""),
        "not to a process"
    );

    let up = |pdf: &'static [u8], judul: &'static str, file: &'static str| {
        let s = &s;
        async move {
            s.post_multipart(
                &format!("/arsitektur/item/{id}/dokumen"),
                &[("jenis", "sop"), ("judul", judul)],
                Some((file, pdf)),
            )
            .await
        }
    };
    let page = back_with(
        &s,
        up(PDF_V1, "SOP 01/2026", "SOP Gaji.pdf").await,
        id,
        "lampiran-diunggah",
    )
    .await;
    assert!(
        page.contains("SOP Gaji.pdf") && page.contains("SOP 01/2026"),
        "{page}"
    );
    back_with(
        &s,
        up(PDF_V2, "SOP 01/2026 revisi", "SOP Gaji (revisi).pdf").await,
        id,
        "lampiran-diunggah",
    )
    .await;

    let docs = lampiran::of_item(&app.db, id).await.unwrap();
    assert_eq!(docs.iter().map(|d| d.versi).collect::<Vec<_>>(), [2, 1]);
    // Both versions stay downloadable, byte for byte, with their names and digests.
    for (d, bytes) in docs.iter().zip([PDF_V2, PDF_V1]) {
        let r = s.get(&format!("/arsitektur/dokumen/{}", d.id)).await;
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.headers()["content-type"], "application/pdf");
        let cd = r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cd.starts_with("attachment;"), "PDFs are never inline: {cd}");
        assert!(cd.contains("filename*=UTF-8''SOP%20Gaji"), "{cd}");
        assert_eq!(r.headers()["x-simpul-sha256"], d.berkas.sha256.as_str());
        assert_eq!(r.bytes().await.unwrap().as_ref(), bytes);
    }
    // The record's history names the upload.
    let page = s
        .get(&format!("/arsitektur/item/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Dokumen diunggah"), "history");
}

#[tokio::test]
async fn refused_uploads_store_nothing_and_say_why() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let id = process(&s, &app, &setda).await;
    let path = format!("/arsitektur/item/{id}/dokumen");
    let before = stored(&app, &app.db).await;
    let big = {
        let mut v = b"%PDF-1.7\n".to_vec();
        v.resize(21 * 1024 * 1024, b'x');
        v
    };
    type Case<'a> = (&'a str, &'a str, Option<(&'a str, &'a [u8])>, u16, &'a str);
    let cases: Vec<Case> = vec![
        ("sop", "SOP", None, 422, "Pilih berkas yang akan diunggah."),
        (
            "sop",
            "SOP",
            Some(("sop.pdf", b"<html><script>alert(1)</script>")),
            422,
            "Isi berkas tidak sesuai",
        ),
        (
            "sop",
            "SOP",
            Some(("setup.exe", b"MZ\x90\0")),
            422,
            "Jenis berkas tidak diterima",
        ),
        (
            "sop",
            "SOP",
            Some(("kosong.pdf", b"")),
            422,
            "Berkas kosong.",
        ),
        (
            "pertimbangan_menteri",
            "x",
            Some(("a.pdf", PDF_V1)),
            422,
            "tidak berlaku untuk rekaman jenis ini",
        ),
        ("", "", Some(("a.pdf", PDF_V1)), 422, "Wajib diisi."),
        (
            "sop",
            "SOP",
            Some(("besar.pdf", &big)),
            413,
            "Berkas terlalu besar",
        ),
    ];
    for (jenis, judul, file, status, says) in cases {
        let r = s
            .post_multipart(&path, &[("jenis", jenis), ("judul", judul)], file)
            .await;
        assert_eq!(r.status().as_u16(), status, "{says}");
        let body = r.text().await.unwrap();
        assert!(body.contains(says), "{says}: {body}");
        assert_eq!(
            stored(&app, &app.db).await,
            before,
            "{says}: nothing stored"
        );
    }
    // The form keeps what was typed, and a wrong kind names both problems at once.
    let r = s
        .post_multipart(&path, &[("jenis", "x"), ("judul", "Judul saya")], None)
        .await;
    let body = r.text().await.unwrap();
    assert!(
        body.contains("value=\"Judul saya\"") && body.contains("Pilih jenis dokumen."),
        "{body}"
    );
    assert!(body.contains("Pilih berkas yang akan diunggah."));

    // Without the CSRF token the upload is refused before it is read.
    let r = s
        .http()
        .post(format!("{}{path}", app.base))
        .header("cookie", &s.cookie)
        .header("content-type", "multipart/form-data; boundary=x")
        .body("--x--\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(stored(&app, &app.db).await, before);
}

#[tokio::test]
async fn only_those_who_may_change_the_record_upload() {
    let app = spawn_app().await;
    let admin = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let id = process(&admin, &app, &setda).await;
    let r = admin
        .post_multipart(
            &format!("/arsitektur/item/{id}/dokumen"),
            &[("jenis", "sop"), ("judul", "SOP")],
            Some(("a.pdf", PDF_V1)),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    let doc = lampiran::of_item(&app.db, id).await.unwrap().remove(0);
    for nip in [OPERATOR_BPKAD, AUDITOR, PIMPINAN] {
        let s = app.login(nip, PASSWORD).await;
        assert_eq!(
            s.get(&format!("/arsitektur/item/{id}/dokumen"))
                .await
                .status()
                .as_u16(),
            403,
            "{nip} form"
        );
        let r = s
            .post_multipart(
                &format!("/arsitektur/item/{id}/dokumen"),
                &[("jenis", "sop"), ("judul", "x")],
                Some(("b.pdf", PDF_V2)),
            )
            .await;
        assert_eq!(r.status().as_u16(), 403, "{nip} upload");
        // Reading the registry's documents is open to every official.
        assert_eq!(
            s.get(&format!("/arsitektur/dokumen/{}", doc.id))
                .await
                .status()
                .as_u16(),
            200,
            "{nip} download"
        );
    }
    assert_eq!(lampiran::of_item(&app.db, id).await.unwrap().len(), 1);
    // Nobody is logged in: to the login page, never the file.
    let r = client()
        .get(format!("{}/arsitektur/dokumen/{}", app.base, doc.id))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status().as_u16(), 200);
}

#[tokio::test]
async fn lan_diagrams_per_pd_and_year() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await;
    let year = time::OffsetDateTime::now_utc().year().to_string();

    let overview = s.get("/diagram-lan").await.text().await.unwrap();
    assert!(
        overview.contains("0 dari"),
        "nobody has one yet: {overview}"
    );
    assert!(overview.contains("<svg"), "a chart of who has handed it in");

    let path = format!("/diagram-lan/{setda}");
    let r = s
        .post_multipart(
            &path,
            &[("tahun", &year), ("catatan", "")],
            Some(("lan.png", PNG)),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    assert_eq!(location(&r), format!("{path}?pesan=lan-diunggah"));
    let r = s
        .post_multipart(
            &path,
            &[
                ("tahun", &year),
                ("catatan", "Ruang server pindah ke lantai 2"),
            ],
            Some(("lan-baru.png", PNG)),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);

    let page = s.get(&path).await.text().await.unwrap();
    assert!(
        page.contains("Ruang server pindah ke lantai 2") && page.contains("<img"),
        "{page}"
    );
    let versions = diagram_lan::of_pd(&app.db, setda).await.unwrap();
    assert_eq!(versions.iter().map(|v| v.versi).collect::<Vec<_>>(), [2, 1]);
    let r = s
        .get(&format!("/diagram-lan/berkas/{}", versions[0].id))
        .await;
    assert_eq!(r.headers()["content-type"], "image/png");
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("inline;")
    );

    let overview = s
        .get(&format!("/diagram-lan?tahun={year}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("1 dari"), "{overview}");
    assert!(
        overview.contains("lan-baru.png"),
        "the latest version is the one in force"
    );

    // Bad year, a year to come, and another PD's diagram are refused; nothing stored.
    let before = stored(&app, &app.db).await;
    let next = (time::OffsetDateTime::now_utc().year() + 1).to_string();
    for tahun in ["dua ribu", "1999", next.as_str()] {
        let r = s
            .post_multipart(&path, &[("tahun", tahun)], Some(("x.png", PNG)))
            .await;
        assert_eq!(r.status().as_u16(), 422, "{tahun}");
        assert!(
            r.text().await.unwrap().contains("Tahun harus antara"),
            "{tahun}"
        );
    }
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let r = s
        .post_multipart(
            &format!("/diagram-lan/{bpkad}"),
            &[("tahun", &year)],
            Some(("x.png", PNG)),
        )
        .await;
    assert_eq!(
        r.status().as_u16(),
        403,
        "SETDA's admin cannot hand in BPKAD's diagram"
    );
    let page = s
        .get(&format!("/diagram-lan/{bpkad}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("enctype=\"multipart/form-data\""),
        "no upload form offered"
    );
    assert_eq!(stored(&app, &app.db).await, before);
}
