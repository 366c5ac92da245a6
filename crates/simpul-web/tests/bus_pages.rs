//! The bus control plane pages through the real server: a PD admin registers a service
//! with an OpenAPI upload and sees its operations, the Dinas approves it from its queue,
//! another PD's admin registers a consumer, gets a key shown once and requests a grant,
//! the Dinas approves that too. Every bad input re-shows its form and changes nothing;
//! who sees which button and who is refused is checked as a matrix over demo users.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod bus_pages_support;
mod common;

use bus_pages_support::*;
use common::*;
use simpul_store::bus::{izin, konsumen, layanan};

/// A bad service registration: fields, file, expected status, text the page shows.
type Case<'a> = (
    Vec<(&'static str, String)>,
    Option<(&'a str, &'a [u8])>,
    u16,
    &'a str,
);

/// Form fields of a urlencoded POST.
type Fields<'a> = &'a [(&'a str, &'a str)];

#[tokio::test]
async fn register_approve_consume_through_the_pages() {
    let app = spawn_app().await;
    let setda = app.login(ADMIN_SETDA, PASSWORD).await;
    let dinas = app.login(ADMIN_DINAS, PASSWORD).await;
    let bappeda = app.login(ADMIN_BAPPEDA, PASSWORD).await;

    // SETDA's admin registers a service with its OpenAPI document.
    let (s, dir) = page(&setda, "/bus").await;
    assert_eq!(s, 200);
    assert!(dir.contains("Daftarkan layanan") && dir.contains("Belum ada layanan"));
    let (s, form) = page(&setda, "/bus/layanan/baru").await;
    assert_eq!(s, 200);
    assert!(
        form.contains("SETDA — ") && !form.contains("BAPPEDA — "),
        "only own PD"
    );
    let sid = register_setda_service(&app).await;
    let (s, detail) = page(
        &setda,
        &format!("/bus/layanan/{sid}?pesan=bk-layanan-didaftarkan"),
    )
    .await;
    assert_eq!(s, 200);
    for want in [
        "menunggu tinjauan Dinas",
        "Usulan",
        "Data Penduduk Bappeda",
        "Cari penduduk menurut NIK",
        "/penduduk/{id}/keluarga",
        "Data kependudukan",
        "wilayah",
        "NIK 16 digit",
        "string (uuid)",
        "/SETDA/penduduk/v1/",
        "3 operasi",
    ] {
        assert!(detail.contains(want), "{want} missing on the service page");
    }
    assert!(
        !detail.contains("value=\"setujui\""),
        "the owner cannot approve"
    );
    let doc = setda.get(&format!("/bus/layanan/{sid}/openapi.json")).await;
    assert_eq!(doc.status().as_u16(), 200);
    assert_eq!(doc.headers()["content-type"], "application/json");
    assert!(
        doc.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    assert_eq!(doc.bytes().await.unwrap().as_ref(), OPENAPI.as_bytes());

    // The Dinas reviews it from the queue: a refusal without a note is refused.
    let (s, q) = page(&dinas, "/bus/tinjauan").await;
    assert_eq!(s, 200);
    assert!(q.contains("Data Penduduk") && q.contains("value=\"tolak\""));
    let before = keadaan(&app).await;
    let decide = format!("/bus/layanan/{sid}/putusan");
    let r = dinas
        .post_form(&decide, &[("putusan", "tolak"), ("dari", "tinjauan")])
        .await;
    let (s, body) = text_of(r).await;
    assert_eq!(s, 422);
    assert!(body.contains("Penolakan wajib disertai catatan"), "{body}");
    assert_eq!(keadaan(&app).await, before);
    let r = dinas
        .post_form(
            &decide,
            &[
                ("putusan", "setujui"),
                ("catatan", "TLS dan klasifikasi sesuai"),
                ("dari", "tinjauan"),
            ],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/bus/tinjauan?pesan=bk-diputuskan-setujui");
    let (_, detail) = page(&dinas, &format!("/bus/layanan/{sid}")).await;
    assert!(detail.contains("Disetujui") && detail.contains("TLS dan klasifikasi sesuai"));
    assert!(detail.contains("Nonaktifkan layanan"));

    // BAPPEDA's admin registers a consumer and gets a key, shown once.
    let r = post_bappeda_consumer(&app, &bappeda).await;
    assert_eq!(r.status().as_u16(), 303);
    let kid = id_after(&location(&r), "/bus/konsumen/");
    let r = bappeda
        .post_form(
            &format!("/bus/konsumen/{kid}/kredensial"),
            &[("jenis", "api_key")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 200);
    assert_eq!(r.headers()["cache-control"], "no-store");
    let shown = r.text().await.unwrap();
    assert!(shown.contains("tidak akan ditampilkan lagi"));
    let key = secret_in(&shown);
    assert!(key.starts_with("sbk_") && key.len() > 40, "{key}");
    let creds = konsumen::kredensial(&app.db, kid.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(creds[0].sha256, simpul_web::auth::secret::digest(&key));
    let (_, again) = page(&bappeda, &format!("/bus/konsumen/{kid}")).await;
    assert!(!again.contains(&key), "the secret is never shown again");
    assert!(
        again.contains(&creds[0].petunjuk),
        "its prefix identifies it"
    );

    // … requests a grant; the Dinas approves it from the queue.
    let r = post_grant_request(&bappeda, &kid, &sid).await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), "/bus/izin?pesan=bk-izin-diminta");
    let (_, grants) = page(&bappeda, "/bus/izin?status=usulan").await;
    assert!(grants.contains("bappeda-sipd") && grants.contains("SETDA/penduduk/v1"));
    let gid = izin::list(&app.db).await.unwrap()[0].id;
    let (_, q) = page(&dinas, "/bus/tinjauan").await;
    assert!(q.contains("Perencanaan pembangunan") && q.contains("Perpres 39/2019"));
    let r = dinas
        .post_form(
            &format!("/bus/izin/{gid}/putusan"),
            &[("putusan", "setujui"), ("dari", "tinjauan")],
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        izin::get(&app.db, gid).await.unwrap().status.code(),
        "aktif"
    );
    let (_, q) = page(&dinas, "/bus/tinjauan").await;
    assert!(
        q.contains("Tidak ada layanan yang menunggu")
            && q.contains("Tidak ada izin akses yang menunggu")
    );

    // The gateway's snapshot routes it.
    let snap = simpul_store::bus::snapshot(&app.db).await.unwrap();
    assert!(snap.service("SETDA", "penduduk", "v1").unwrap().active);
    let digest = simpul_web::auth::secret::digest(&key);
    assert_eq!(
        snap.consumer_by_key_digest(&digest).unwrap().id,
        "bappeda-sipd"
    );
}

#[tokio::test]
async fn bad_service_input_re_shows_the_form_and_stores_nothing() {
    let app = spawn_app().await;
    let s = app.login(ADMIN_SETDA, PASSWORD).await;
    let setda = pd_id(&app.db, "SETDA").await.to_string();
    let good = service_fields(&setda);
    let doc = OPENAPI.as_bytes();
    let swagger = br#"{"swagger": "2.0", "info": {"title": "x"}, "paths": {}}"#;
    let mut big = b"{\"openapi\": \"3.0.0\", \"x\": \"".to_vec();
    big.resize(simpul_domain::bus::openapi::MAKS_UKURAN + 10, b'a');
    let huge = vec![b' '; 3 * 1024 * 1024];
    let cases: Vec<Case> = vec![
        (
            with(good.clone(), "kode", "Bad Code!"),
            Some(("a.json", doc)),
            422,
            "huruf kecil",
        ),
        (
            with(good.clone(), "versi", "1.0"),
            Some(("a.json", doc)),
            422,
            "Versi ditulis v",
        ),
        (
            with(good.clone(), "url_hulu", "ftp://10.0.0.1"),
            Some(("a.json", doc)),
            422,
            "http:// atau https://",
        ),
        (
            with(good.clone(), "url_hulu", "http://u:p@x.go.id"),
            Some(("a.json", doc)),
            422,
            "kata sandi",
        ),
        (
            with(good.clone(), "klasifikasi", "sangat"),
            Some(("a.json", doc)),
            422,
            "biasa, terbatas atau rahasia",
        ),
        (
            with(good.clone(), "nik_query", "ni k!"),
            Some(("a.json", doc)),
            422,
            "Nama kolom NIK",
        ),
        (
            with(good.clone(), "nama", ""),
            Some(("a.json", doc)),
            422,
            "Ada isian yang perlu diperbaiki",
        ),
        (
            with(good.clone(), "pd", ""),
            Some(("a.json", doc)),
            422,
            "Pilih PD pemilik",
        ),
        (
            good.clone(),
            Some(("swagger.json", swagger)),
            422,
            "Swagger 2 tidak diterima",
        ),
        (
            good.clone(),
            Some(("a.yaml", b"openapi: 3.0.0\npaths: {}")),
            422,
            "YAML belum didukung",
        ),
        (
            good.clone(),
            Some(("a.json", b"{\"openapi\": ")),
            422,
            "bukan JSON yang sah",
        ),
        (
            good.clone(),
            Some(("besar.json", &big)),
            422,
            "paling besar 2 MiB",
        ),
        (
            good.clone(),
            Some(("raksasa.json", &huge)),
            413,
            "paling besar 2 MiB",
        ),
        (good.clone(), None, 422, "wajib dilampirkan"),
    ];
    let before = keadaan(&app).await;
    for (fields, file, status, says) in cases {
        let (got, body) = text_of(post_service(&s, "/bus/layanan/baru", &fields, file).await).await;
        assert_eq!(got, status, "{says}: {body}");
        assert!(body.contains(says), "{says} missing: {body}");
        assert!(body.contains("name=\"kode\""), "the form is shown again");
        assert_eq!(keadaan(&app).await, before, "{says}: nothing stored");
    }
    // The form keeps what was typed.
    let r = post_service(
        &s,
        "/bus/layanan/baru",
        &with(good.clone(), "kode", "Bad Code!"),
        None,
    )
    .await;
    assert!(r.text().await.unwrap().contains("value=\"Data Penduduk\""));

    // A duplicate code and version: refused before the document is stored.
    let sid = register_setda_service(&app).await;
    let before = keadaan(&app).await;
    let r = post_service(
        &s,
        "/bus/layanan/baru",
        &with(good.clone(), "nama", "Lain"),
        Some(("b.json", swagger)),
    )
    .await;
    let (got, body) = text_of(r).await;
    assert_eq!(got, 422);
    assert!(body.contains("kode dan versi yang sama"), "{body}");
    let r = post_service(
        &s,
        "/bus/layanan/baru",
        &with(good.clone(), "nama", "Lain"),
        Some((
            "c.json",
            br#"{"openapi":"3.1.0","info":{"title":"baru"},"paths":{}}"#,
        )),
    )
    .await;
    assert_eq!(r.status().as_u16(), 422);
    assert_eq!(
        keadaan(&app).await,
        before,
        "no second row, no orphan document"
    );

    // Editing with a bad URL or document changes nothing either.
    let edit = format!("/bus/layanan/{sid}/ubah");
    for (fields, file, says) in [
        (
            with(good.clone(), "url_hulu", "http://x/a?b=1"),
            None,
            "kueri",
        ),
        (good.clone(), Some(("s.json", &swagger[..])), "Swagger 2"),
    ] {
        let (got, body) = text_of(post_service(&s, &edit, &fields, file).await).await;
        assert_eq!(got, 422, "{says}");
        assert!(body.contains(says), "{body}");
        assert_eq!(keadaan(&app).await, before);
    }
    // A good edit without a new document keeps the old one and goes back to review.
    let r = post_service(
        &s,
        &edit,
        &with(good.clone(), "nama", "Data Penduduk 2"),
        None,
    )
    .await;
    assert_eq!(r.status().as_u16(), 303);
    let l = layanan::get(&app.db, sid.parse().unwrap()).await.unwrap();
    assert_eq!(
        (l.nama.as_str(), l.status.code()),
        ("Data Penduduk 2", "usulan")
    );
    assert_eq!(l.openapi_nama.as_deref(), Some("penduduk.json"));
}

#[tokio::test]
async fn bad_consumer_grant_element_and_decision_input_changes_nothing() {
    let app = spawn_app().await;
    let sid = register_setda_service(&app).await;
    let bappeda = app.login(ADMIN_BAPPEDA, PASSWORD).await;
    let dinas = app.login(ADMIN_DINAS, PASSWORD).await;
    let pd = pd_id(&app.db, "BAPPEDA").await.to_string();
    let r = bappeda
        .post_form(
            "/bus/konsumen/baru",
            &[
                ("pd", &pd),
                ("kode", "sipd"),
                ("nama", "SIPD"),
                ("aplikasi", "SIPD"),
            ],
        )
        .await;
    let kid = id_after(&location(&r), "/bus/konsumen/");
    let before = keadaan(&app).await;

    let consumers: [(Fields, u16, &str); 4] = [
        (
            &[
                ("pd", &pd),
                ("kode", "A B"),
                ("nama", "x"),
                ("aplikasi", "x"),
            ],
            422,
            "huruf kecil",
        ),
        (
            &[
                ("pd", &pd),
                ("kode", "lain"),
                ("nama", ""),
                ("aplikasi", "x"),
            ],
            422,
            "Ada isian yang perlu diperbaiki",
        ),
        (
            &[
                ("pd", ""),
                ("kode", "lain"),
                ("nama", "x"),
                ("aplikasi", "x"),
            ],
            422,
            "Pilih PD pemilik",
        ),
        (
            &[
                ("pd", &pd),
                ("kode", "sipd"),
                ("nama", "x"),
                ("aplikasi", "x"),
            ],
            409,
            "sudah dipakai",
        ),
    ];
    for (f, status, says) in consumers {
        let (got, body) = text_of(bappeda.post_form("/bus/konsumen/baru", f).await).await;
        assert_eq!((got, body.contains(says)), (status, true), "{says}: {body}");
    }
    let r = bappeda
        .post_form(
            &format!("/bus/konsumen/{kid}/kredensial"),
            &[("jenis", "sertifikat")],
        )
        .await;
    let (got, body) = text_of(r).await;
    assert_eq!(got, 422);
    assert!(body.contains("api_key atau oauth"));
    assert_eq!(keadaan(&app).await, before);

    let past = day_in(-1);
    let far = day_in(365 * 7);
    let soon = day_in(30);
    let grants: [(Fields, &str); 5] = [
        (
            &[
                ("konsumen", &kid),
                ("layanan", &sid),
                ("tujuan", "t"),
                ("dasar_hukum", "d"),
                ("berlaku_sampai", &past),
            ],
            "sudah lewat",
        ),
        (
            &[
                ("konsumen", &kid),
                ("layanan", &sid),
                ("tujuan", "t"),
                ("dasar_hukum", "d"),
                ("berlaku_sampai", &far),
            ],
            "paling lama 5 tahun",
        ),
        (
            &[
                ("konsumen", &kid),
                ("layanan", &sid),
                ("tujuan", ""),
                ("dasar_hukum", "d"),
                ("berlaku_sampai", &soon),
            ],
            "Tujuan",
        ),
        (
            &[
                ("konsumen", &kid),
                ("layanan", "bukan-id"),
                ("tujuan", "t"),
                ("dasar_hukum", "d"),
                ("berlaku_sampai", &soon),
            ],
            "Wajib diisi",
        ),
        (
            &[
                ("konsumen", &kid),
                ("layanan", &uuid::Uuid::now_v7().to_string()),
                ("tujuan", "t"),
                ("dasar_hukum", "d"),
                ("berlaku_sampai", &soon),
            ],
            "Layanan tidak dikenal",
        ),
    ];
    for (f, says) in grants {
        let (got, body) = text_of(bappeda.post_form("/bus/izin/baru", f).await).await;
        assert_eq!((got, body.contains(says)), (422, true), "{says}: {body}");
        assert!(body.contains("name=\"tujuan\""));
    }
    assert_eq!(keadaan(&app).await, before);

    let elements: [(Fields, &str); 2] = [
        (
            &[
                ("nama", "Kode Wilayah"),
                ("definisi", "x"),
                ("tipe", "kode"),
            ],
            "huruf kecil",
        ),
        (
            &[
                ("nama", "kode_wilayah"),
                ("definisi", "x"),
                ("tipe", "uang"),
            ],
            "Tipe data tidak dikenal",
        ),
    ];
    for (f, says) in elements {
        let (got, body) = text_of(dinas.post_form("/bus/elemen/baru", f).await).await;
        assert_eq!((got, body.contains(says)), (422, true), "{says}: {body}");
    }
    let ok = [
        ("nama", "kode_wilayah"),
        ("definisi", "Kode wilayah Kemendagri"),
        ("tipe", "kode"),
    ];
    assert_eq!(
        dinas
            .post_form("/bus/elemen/baru", &ok)
            .await
            .status()
            .as_u16(),
        303
    );
    let before = keadaan(&app).await;
    let (got, body) = text_of(dinas.post_form("/bus/elemen/baru", &ok).await).await;
    assert_eq!(
        (got, body.contains("sudah didefinisikan")),
        (422, true),
        "{body}"
    );

    // Decisions the life cycle does not allow.
    let decide = format!("/bus/layanan/{sid}/putusan");
    let (got, body) = text_of(
        dinas
            .post_form(&decide, &[("putusan", "tolak"), ("catatan", " ")])
            .await,
    )
    .await;
    assert_eq!((got, body.contains("wajib disertai catatan")), (422, true));
    let (got, body) = text_of(
        dinas
            .post_form(&decide, &[("putusan", "nonaktifkan")])
            .await,
    )
    .await;
    assert_eq!((got, body.contains("status usulan")), (422, true), "{body}");
    let (got, _) = text_of(dinas.post_form(&decide, &[("putusan", "hapus")]).await).await;
    assert_eq!(got, 422);
    assert_eq!(keadaan(&app).await, before);
}

/// (nip, may register, may edit SETDA's service, reviews, manages BAPPEDA's consumer)
const MATRIX: [(&str, bool, bool, bool, bool); 6] = [
    (ADMIN_SETDA, true, true, false, false),
    (ADMIN_BAPPEDA, true, false, false, true),
    (ADMIN_DINAS, true, false, true, false),
    (SUPER_ADMIN, true, true, true, true),
    (AUDITOR, false, false, false, false),
    (OPERATOR_BPKAD, false, false, false, false),
];

#[tokio::test]
async fn who_sees_which_button_and_who_is_refused() {
    let app = spawn_app().await;
    let sid = register_setda_service(&app).await;
    let bappeda = app.login(ADMIN_BAPPEDA, PASSWORD).await;
    let pd = pd_id(&app.db, "BAPPEDA").await.to_string();
    let r = bappeda
        .post_form(
            "/bus/konsumen/baru",
            &[
                ("pd", &pd),
                ("kode", "sipd"),
                ("nama", "SIPD"),
                ("aplikasi", "SIPD"),
            ],
        )
        .await;
    let kid = id_after(&location(&r), "/bus/konsumen/");
    let f = [
        ("konsumen", kid.as_str()),
        ("layanan", &sid),
        ("tujuan", "t"),
        ("dasar_hukum", "d"),
        ("berlaku_sampai", &day_in(30)),
    ];
    assert_eq!(
        bappeda
            .post_form("/bus/izin/baru", &f)
            .await
            .status()
            .as_u16(),
        303
    );
    let gid = izin::list(&app.db).await.unwrap()[0].id;
    let setda_pd = pd_id(&app.db, "SETDA").await.to_string();

    for (nip, daftar, ubah, tinjau, kelola_konsumen) in MATRIX {
        let s = app.login(nip, PASSWORD).await;
        let who = nip;
        let (st, dir) = page(&s, "/bus").await;
        assert_eq!(st, 200, "{who}");
        assert_eq!(
            dir.contains("href=\"/bus/layanan/baru\""),
            daftar,
            "{who}: register button"
        );
        let (st, detail) = page(&s, &format!("/bus/layanan/{sid}")).await;
        assert_eq!(st, 200, "everyone reads: {who}");
        assert!(detail.contains("Cari penduduk menurut NIK"), "{who}");
        assert_eq!(
            detail.contains(&format!("/bus/layanan/{sid}/ubah\"")),
            ubah,
            "{who}: edit"
        );
        assert_eq!(
            detail.contains("value=\"setujui\""),
            tinjau,
            "{who}: approve"
        );
        let (st, _) = page(&s, "/bus/tinjauan").await;
        assert_eq!(st, if tinjau { 200 } else { 403 }, "{who}: queue");
        let (_, k) = page(&s, &format!("/bus/konsumen/{kid}")).await;
        assert_eq!(
            k.contains("value=\"api_key\""),
            kelola_konsumen,
            "{who}: issue form"
        );
        assert_eq!(
            k.contains("Cabut konsumen"),
            kelola_konsumen || tinjau,
            "{who}: revoke"
        );
        let (_, el) = page(&s, "/bus/elemen").await;
        assert_eq!(
            el.contains("href=\"/bus/elemen/baru\""),
            tinjau,
            "{who}: elements"
        );
        let (_, iz) = page(&s, "/bus/izin").await;
        assert_eq!(
            iz.contains("value=\"cabut\""),
            kelola_konsumen || tinjau,
            "{who}: revoke grant"
        );
        assert_eq!(
            page(&s, "/bus/layanan/baru").await.0,
            if daftar { 200 } else { 403 },
            "{who}"
        );
        assert_eq!(
            page(&s, &format!("/bus/layanan/{sid}/ubah")).await.0,
            if ubah { 200 } else { 403 },
            "{who}"
        );

        // What each may not do is refused with 403 and changes nothing.
        let before = keadaan(&app).await;
        let mut refused: Vec<(String, reqwest::Response)> = Vec::new();
        if !tinjau {
            let p = format!("/bus/layanan/{sid}/putusan");
            refused.push((p.clone(), s.post_form(&p, &[("putusan", "setujui")]).await));
            let p = format!("/bus/izin/{gid}/putusan");
            refused.push((p.clone(), s.post_form(&p, &[("putusan", "setujui")]).await));
            let p = "/bus/elemen/baru".to_owned();
            refused.push((
                p.clone(),
                s.post_form(&p, &[("nama", "x"), ("definisi", "x"), ("tipe", "teks")])
                    .await,
            ));
        }
        if !ubah {
            let p = format!("/bus/layanan/{sid}/ubah");
            let fields = service_fields(&setda_pd);
            refused.push((p.clone(), post_service(&s, &p, &fields, None).await));
        }
        if !daftar || nip == ADMIN_BAPPEDA {
            // Another PD's admin may register, but not for SETDA.
            let p = "/bus/layanan/baru".to_owned();
            let fields = with(service_fields(&setda_pd), "kode", "lain");
            refused.push((
                p.clone(),
                post_service(&s, &p, &fields, Some(("a.json", OPENAPI.as_bytes()))).await,
            ));
        }
        if !kelola_konsumen {
            let p = format!("/bus/konsumen/{kid}/kredensial");
            refused.push((p.clone(), s.post_form(&p, &[("jenis", "api_key")]).await));
            let p = "/bus/izin/baru".to_owned();
            refused.push((p.clone(), s.post_form(&p, &f).await));
        }
        if !kelola_konsumen && !tinjau {
            let p = format!("/bus/konsumen/{kid}/cabut");
            refused.push((p.clone(), s.post_form(&p, &[]).await));
            let p = format!("/bus/izin/{gid}/putusan");
            refused.push((p.clone(), s.post_form(&p, &[("putusan", "cabut")]).await));
        }
        for (p, r) in refused {
            assert_eq!(r.status().as_u16(), 403, "{who}: POST {p}");
        }
        assert_eq!(keadaan(&app).await, before, "{who}");
    }
}

#[tokio::test]
async fn posts_without_the_csrf_token_are_refused() {
    let app = spawn_app().await;
    let sid = register_setda_service(&app).await;
    let s = app.login(ADMIN_DINAS, PASSWORD).await;
    let before = keadaan(&app).await;
    let r = s
        .http()
        .post(format!("{}/bus/layanan/{sid}/putusan", app.base))
        .header("cookie", &s.cookie)
        .header("origin", &app.base)
        .form(&[("putusan", "setujui")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // The multipart form carries its token in the action's query: without it, refused.
    let setda = app.login(ADMIN_SETDA, PASSWORD).await;
    let pd = pd_id(&app.db, "SETDA").await.to_string();
    let f = with(service_fields(&pd), "kode", "lain");
    let fields: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (ct, body) = multipart_body(&fields, Some(("a.json", OPENAPI.as_bytes())));
    let r = setda
        .http()
        .post(format!("{}/bus/layanan/baru", app.base))
        .header("cookie", &setda.cookie)
        .header("origin", &app.base)
        .header("content-type", ct)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    // A wrong token, and a foreign Origin with the right one.
    let r = s
        .http()
        .post(format!("{}/bus/elemen/baru", app.base))
        .header("cookie", &s.cookie)
        .header("origin", &app.base)
        .form(&[
            ("nama", "x"),
            ("definisi", "x"),
            ("tipe", "teks"),
            ("_csrf", "salah"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    let r = s
        .http()
        .post(format!("{}/bus/elemen/baru", app.base))
        .header("cookie", &s.cookie)
        .header("origin", "http://penyerang.example")
        .form(&[
            ("nama", "x"),
            ("definisi", "x"),
            ("tipe", "teks"),
            ("_csrf", s.csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 403);
    assert_eq!(keadaan(&app).await, before);
}

#[tokio::test]
async fn the_review_tab_is_shown_to_reviewers_only() {
    let app = spawn_app().await;
    for (nip, reviewer) in [
        (ADMIN_DINAS, true),
        (SUPER_ADMIN, true),
        (ADMIN_SETDA, false),
        (AUDITOR, false),
    ] {
        let s = app.login(nip, PASSWORD).await;
        let (status, html) = page(&s, "/bus").await;
        assert_eq!(status, 200);
        assert_eq!(
            html.contains("href=\"/bus/tinjauan\""),
            reviewer,
            "review tab for {nip}"
        );
    }
}
