//! Creating architecture records through the HTML form, as a browser without JavaScript
//! sends it: valid input lands on the record page with a flash; invalid input comes back
//! as a 422 page naming the field and the problem, keeps what was typed, stores nothing.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::registry::Jenis;
use simpul_store::Db;
use simpul_store::registry::item::{self, ItemFilter};

/// Records of every kind, archived ones included.
async fn item_count(db: &Db) -> i64 {
    let all = ItemFilter {
        termasuk_arsip: true,
        ..ItemFilter::default()
    };
    item::list(db, &all, 1, 0).await.unwrap().1
}

/// Records and audit entries: a refusal must leave both unchanged.
async fn stored(db: &Db) -> (i64, i64) {
    (item_count(db).await, audit_len(db).await)
}

/// Post a valid form; assert the redirect to the new record and its flash; the page.
async fn create_ok(
    s: &Session,
    app: &TestApp,
    jenis: Jenis,
    kode: &str,
    f: &[(&str, &str)],
) -> String {
    let r = s
        .post_form(&format!("/arsitektur/{}", jenis.code()), f)
        .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    let it = item::by_kode(&app.db, jenis, kode).await.unwrap();
    let to = location(&r);
    assert_eq!(
        to,
        format!("/arsitektur/item/{}?pesan=arsitektur-dibuat", it.id)
    );
    let page = s.get(&to).await;
    assert_eq!(page.status().as_u16(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Catatan arsitektur ditambahkan."), "{html}");
    html
}

/// Post an invalid form; assert a 422 page with the summary line `label: message`,
/// nothing stored; the page.
async fn refused(
    s: &Session,
    app: &TestApp,
    jenis: &str,
    f: &[(&str, &str)],
    line: &str,
) -> String {
    let before = stored(&app.db).await;
    let r = s.post_form(&format!("/arsitektur/{jenis}"), f).await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(html.contains("Ada isian yang perlu diperbaiki"), "{html}");
    assert!(html.contains(line), "missing «{line}» in {html}");
    assert_eq!(
        stored(&app.db).await,
        before,
        "a refused form stores nothing"
    );
    html
}

#[tokio::test]
async fn an_application_with_attributes_is_created_from_the_form() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let bpkad = pd_id(&app.db, "BPKAD").await.to_string();
    let form = s.get("/arsitektur/aplikasi/baru").await;
    assert_eq!(form.status().as_u16(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("Tambah Aplikasi SPBE"), "{form}");
    assert!(form.contains("Dokumen pertimbangan Menteri"));
    let before = stored(&app.db).await;
    let html = create_ok(
        &s,
        &app,
        Jenis::Aplikasi,
        "APL-KEU-01",
        &[
            ("kode", "apl-keu-01"),
            ("nama", "Sistem Informasi Pengelolaan Keuangan Daerah"),
            ("pd", &bpkad),
            ("status", "produksi"),
            ("atribut.jenis", "khusus"),
            ("atribut.kategori_fungsi", "keuangan"),
            ("atribut.sumber", "tertutup"),
            ("atribut.pertimbangan_menteri", "B-123/M.KOMINFO/2023"),
            ("atribut.hosting", "pusat_data_daerah"),
            ("atribut.url", "https://sipkd.tanbukab.go.id"),
            ("atribut.tahun_pembuatan", "2019"),
            ("atribut.pd_operator", ""),
            ("deskripsi", "Penganggaran sampai pertanggungjawaban."),
        ],
    )
    .await;
    for text in [
        "Sistem Informasi Pengelolaan Keuangan Daerah",
        "APL-KEU-01",
        "Badan Pengelolaan Keuangan dan Aset Daerah",
        "Produksi",
        "Aplikasi Khusus",
        "Fungsi keuangan",
        "Kode sumber tertutup",
        "B-123/M.KOMINFO/2023",
        "Pusat Data Pemerintah Daerah",
        "Penganggaran sampai pertanggungjawaban.",
    ] {
        assert!(html.contains(text), "record page lacks «{text}»");
    }
    let (n, audit) = stored(&app.db).await;
    assert_eq!((n, audit), (before.0 + 1, before.1 + 1));
    let it = item::by_kode(&app.db, Jenis::Aplikasi, "APL-KEU-01")
        .await
        .unwrap();
    assert_eq!(it.atribut.get("tahun_pembuatan").unwrap(), "2019");
    assert!(
        !it.atribut.contains_key("pd_operator"),
        "empty inputs are not stored"
    );
}

#[tokio::test]
async fn a_subnet_and_a_pd_subdomain_are_created_from_the_form() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let html = create_ok(
        &s,
        &app,
        Jenis::Subnet,
        "NET-DINKES",
        &[
            ("kode", "NET-DINKES"),
            ("nama", "LAN Dinas Kesehatan"),
            ("pd", ""),
            ("status", "aktif"),
            ("atribut.cidr", "10.63.4.0/24"),
            ("atribut.vlan", "40"),
        ],
    )
    .await;
    assert!(html.contains("10.63.4.0/24") && html.contains("Aktif (as-is)"));
    let html = create_ok(
        &s,
        &app,
        Jenis::NamaDomain,
        "DOM-DINKES",
        &[
            ("kode", "DOM-DINKES"),
            ("nama", "Subdomain Dinas Kesehatan"),
            ("atribut.nama", "Dinkes.Tanbukab.go.id"),
            ("atribut.jenis", "subdomain_pd"),
        ],
    )
    .await;
    assert!(html.contains("dinkes.tanbukab.go.id") && html.contains("Subdomain PD"));
}

#[tokio::test]
async fn invalid_application_forms_name_the_field_keep_the_values_and_store_nothing() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let bpkad = pd_id(&app.db, "BPKAD").await.to_string();
    let base = |nama: &'static str, jenis: &'static str, sumber: &'static str| {
        vec![
            ("kode", "APL-X1"),
            ("nama", nama),
            ("atribut.jenis", jenis),
            ("atribut.kategori_fungsi", "keuangan"),
            ("atribut.sumber", sumber),
            ("atribut.url", "https://aset.tanbukab.go.id"),
        ]
    };
    // Missing name.
    let mut f = base("", "khusus", "terbuka");
    f.push(("pd", &bpkad));
    let html = refused(&s, &app, "aplikasi", &f, "Nama: Wajib diisi.").await;
    assert!(
        html.contains("value=\"https://aset.tanbukab.go.id\""),
        "values kept"
    );
    assert!(html.contains("value=\"APL-X1\""));
    assert!(html.contains("aria-invalid=\"true\""));
    // A choice that is not on the list.
    let mut f = base("Aset Daerah", "rahasia", "terbuka");
    f.push(("pd", &bpkad));
    let html = refused(
        &s,
        &app,
        "aplikasi",
        &f,
        "Jenis aplikasi: &#34;rahasia&#34; tidak ada dalam pilihan: Aplikasi Umum, Aplikasi Khusus.",
    )
    .await;
    assert!(html.contains("value=\"Aset Daerah\""), "the name is kept");
    // Closed source without the minister's consideration.
    let mut f = base("Aset Daerah", "khusus", "tertutup");
    f.push(("pd", &bpkad));
    f.push(("atribut.pertimbangan_menteri", "  "));
    let html = refused(
        &s,
        &app,
        "aplikasi",
        &f,
        "Dokumen pertimbangan Menteri: Aplikasi dengan kode sumber tertutup wajib mencantumkan dokumen pertimbangan Menteri (001 Pasal 22).",
    )
    .await;
    assert!(
        html.contains("<option value=\"tertutup\" selected>"),
        "choice kept"
    );
    assert!(
        item::by_kode(&app.db, Jenis::Aplikasi, "APL-X1")
            .await
            .is_err()
    );
}

#[tokio::test]
async fn overlapping_subnets_and_foreign_subdomains_are_refused_on_the_page() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    create_ok(
        &s,
        &app,
        Jenis::Subnet,
        "NET-DINKES",
        &[
            ("kode", "NET-DINKES"),
            ("nama", "LAN Dinkes"),
            ("atribut.cidr", "10.63.4.0/24"),
        ],
    )
    .await;
    let html = refused(
        &s,
        &app,
        "subnet",
        &[("kode", "NET-RSUD"), ("nama", "LAN RSUD"), ("atribut.cidr", "10.63.4.128/25")],
        "Subnet (CIDR): Subnet 10.63.4.128/25 berada di dalam subnet 10.63.4.0/24 milik NET-DINKES.",
    )
    .await;
    assert!(html.contains("value=\"10.63.4.128/25\"") && html.contains("value=\"LAN RSUD\""));
    let html = refused(
        &s,
        &app,
        "nama_domain",
        &[
            ("kode", "DOM-RSUD"),
            ("nama", "Subdomain RSUD"),
            ("atribut.nama", "rsud.tanahbumbukab.go.id"),
            ("atribut.jenis", "subdomain_pd"),
        ],
        "Nama domain: Subdomain PD harus berada di bawah domain daerah tanbukab.go.id, misalnya namapd.tanbukab.go.id.",
    )
    .await;
    assert!(html.contains("value=\"rsud.tanahbumbukab.go.id\""));
    // The region's domain itself is no PD subdomain either.
    refused(
        &s,
        &app,
        "nama_domain",
        &[
            ("kode", "DOM-X"),
            ("nama", "X"),
            ("atribut.nama", "tanbukab.go.id"),
            ("atribut.jenis", "subdomain_pd"),
        ],
        "Nama domain: Subdomain PD harus berada di bawah domain daerah tanbukab.go.id",
    )
    .await;
}
