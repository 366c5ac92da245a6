//! Who may change what on the registry pages: an operator records for their own PD only,
//! a pimpinan reads but never writes, and nobody without a session gets in.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::Jenis;
use simpul_store::Db;
use simpul_store::registry::item::{self, ItemFilter};

async fn stored(db: &Db) -> (i64, i64) {
    let all = ItemFilter {
        termasuk_arsip: true,
        ..ItemFilter::default()
    };
    (
        item::list(db, &all, 1, 0).await.unwrap().1,
        audit_len(db).await,
    )
}

async fn assert_forbidden_page(r: reqwest::Response) {
    assert_eq!(r.status().as_u16(), 403);
    let html = r.text().await.unwrap();
    assert!(html.contains("Akses ditolak"), "{html}");
    assert!(html.contains("Peran Anda tidak memberi wewenang"));
}

fn data_form<'a>(kode: &'a str, nama: &'a str, pd: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kode", kode),
        ("nama", nama),
        ("pd", pd),
        ("atribut.jenis_data", "basis_data"),
        ("atribut.klasifikasi", "dikecualikan"),
    ]
}

/// A DINKES dataset recorded by the super admin.
async fn dinkes_record(app: &TestApp) -> ItemId {
    let admin = app.login(SUPER_ADMIN, PASSWORD).await;
    let dinkes = pd_id(&app.db, "DINKES").await.to_string();
    let r = admin
        .post_form(
            "/arsitektur/data",
            &data_form("DT-PASIEN", "Data Pasien", &dinkes),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    item::by_kode(&app.db, Jenis::Data, "DT-PASIEN")
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn an_operator_records_for_their_own_pd_only() {
    let app = spawn_app().await;
    let theirs = dinkes_record(&app).await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let bpkad = pd_id(&app.db, "BPKAD").await.to_string();
    let dinkes = pd_id(&app.db, "DINKES").await.to_string();

    let form = s.get("/arsitektur/data/baru").await;
    assert_eq!(form.status().as_u16(), 200);
    let form = form.text().await.unwrap();
    assert!(
        form.contains(&format!("<option value=\"{bpkad}\" selected>")),
        "own PD preselected"
    );
    assert!(
        !form.contains(&format!("<option value=\"{dinkes}\"")),
        "other PDs not offered"
    );
    let r = s
        .post_form(
            "/arsitektur/data",
            &data_form("DT-ASET", "Data Aset", &bpkad),
        )
        .await;
    assert_eq!(r.status().as_u16(), 303);
    assert!(location(&r).ends_with("?pesan=arsitektur-dibuat"));

    // Recording for another PD is refused on the field, nothing stored.
    let before = stored(&app.db).await;
    let r = s
        .post_form(
            "/arsitektur/data",
            &data_form("DT-LAIN", "Data Lain", &dinkes),
        )
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains("PD pemilik: Anda tidak berwenang mencatat data untuk PD ini."),
        "{html}"
    );
    assert_eq!(stored(&app.db).await, before);

    // Another PD's record: readable, but no edit link, and every change is a 403 page.
    let page = s.get(&format!("/arsitektur/item/{theirs}")).await;
    assert_eq!(page.status().as_u16(), 200);
    let page = page.text().await.unwrap();
    assert!(page.contains("Data Pasien") && page.contains("Dinas Kesehatan"));
    assert!(!page.contains(&format!("href=\"/arsitektur/item/{theirs}/ubah\"")));
    assert!(!page.contains(&format!("action=\"/arsitektur/item/{theirs}/relasi\"")));
    assert_forbidden_page(s.get(&format!("/arsitektur/item/{theirs}/ubah")).await).await;
    let edit = data_form("DT-PASIEN", "Diubah", &dinkes);
    assert_forbidden_page(
        s.post_form(&format!("/arsitektur/item/{theirs}"), &edit)
            .await,
    )
    .await;
    assert_forbidden_page(
        s.post_form(
            &format!("/arsitektur/item/{theirs}/arsip"),
            &[("arsip", "1")],
        )
        .await,
    )
    .await;
    let rel = [
        ("jenis", "bergantung_pada"),
        ("tujuan_jenis", "data"),
        ("tujuan_kode", "DT-ASET"),
    ];
    assert_forbidden_page(
        s.post_form(&format!("/arsitektur/item/{theirs}/relasi"), &rel)
            .await,
    )
    .await;
    assert_eq!(stored(&app.db).await, before);
    let it = item::get(&app.db, theirs).await.unwrap();
    assert_eq!((it.nama.as_str(), it.diarsipkan), ("Data Pasien", false));
    assert!(
        simpul_store::registry::relation::of_item(&app.db, theirs)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_pimpinan_reads_the_registry_without_add_buttons_and_cannot_post() {
    let app = spawn_app().await;
    let theirs = dinkes_record(&app).await;
    let s = app.login(PIMPINAN, PASSWORD).await;
    let overview = s.get("/arsitektur").await;
    assert_eq!(overview.status().as_u16(), 200);
    assert!(overview.text().await.unwrap().contains("Arsitektur SPBE"));
    let list = s.get("/arsitektur/data").await;
    assert_eq!(list.status().as_u16(), 200);
    let list = list.text().await.unwrap();
    assert!(list.contains("Data Pasien"));
    assert!(
        !list.contains("href=\"/arsitektur/data/baru\""),
        "no Tambah button"
    );
    assert!(!list.contains(">Tambah</a>"));
    assert!(!list.contains("href=\"/arsitektur/data/impor\""));
    let detail = s
        .get(&format!("/arsitektur/item/{theirs}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(detail.contains("Data Pasien") && !detail.contains("/ubah\""));
    assert_forbidden_page(s.get("/arsitektur/data/baru").await).await;
    assert_forbidden_page(s.get(&format!("/arsitektur/item/{theirs}/ubah")).await).await;

    let before = stored(&app.db).await;
    let dinkes = pd_id(&app.db, "DINKES").await.to_string();
    assert_forbidden_page(
        s.post_form(
            &format!("/arsitektur/item/{theirs}/arsip"),
            &[("arsip", "1")],
        )
        .await,
    )
    .await;
    let r = s
        .post_form("/arsitektur/data", &data_form("DT-X", "X", &dinkes))
        .await;
    assert_ne!(r.status().as_u16(), 303, "a pimpinan never creates");
    assert_eq!(stored(&app.db).await, before);
}

#[tokio::test]
async fn a_pimpinan_posting_a_new_record_gets_the_403_page() {
    let app = spawn_app().await;
    let s = app.login(PIMPINAN, PASSWORD).await;
    let before = stored(&app.db).await;
    let r = s
        .post_form(
            "/arsitektur/layanan",
            &[
                ("kode", "LYN-X"),
                ("nama", "X"),
                ("atribut.jenis", "publik"),
            ],
        )
        .await;
    assert_forbidden_page(r).await;
    assert_eq!(stored(&app.db).await, before);
}

#[tokio::test]
async fn without_a_session_the_registry_sends_to_the_login_page() {
    let app = spawn_app().await;
    let http = client();
    for path in [
        "/arsitektur",
        "/arsitektur/aplikasi",
        "/arsitektur/aplikasi/baru",
        "/arsitektur/dokumen",
    ] {
        let r = http
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 303, "{path}");
        assert_eq!(location(&r), format!("/masuk?alasan=perlu&lanjut={path}"));
    }
    let before = stored(&app.db).await;
    let r = http
        .post(format!("{}/arsitektur/layanan", app.base))
        .header("origin", &app.base)
        .form(&[
            ("kode", "LYN-X"),
            ("nama", "X"),
            ("atribut.jenis", "publik"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(
        location(&r),
        "/masuk?alasan=perlu&lanjut=/arsitektur/layanan"
    );
    assert_eq!(stored(&app.db).await, before);
}
