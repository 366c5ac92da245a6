//! Archiving and relating architecture records through the record pages: every
//! outcome comes back to the record page with a flash that says what happened, and a
//! refused relation stores nothing.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::Jenis;
use simpul_store::Db;
use simpul_store::registry::{item, relation};

/// Relations of a record (both directions).
async fn relations(db: &Db, id: ItemId) -> usize {
    relation::of_item(db, id).await.unwrap().len()
}

/// A record with one `jenis` attribute, created through the page form; its id.
async fn record(s: &Session, app: &TestApp, jenis: Jenis, kode: &str, attr: &str) -> ItemId {
    let nama = format!("Catatan {kode}");
    let f = [("kode", kode), ("nama", &nama), ("atribut.jenis", attr)];
    create_record(s, app, jenis, &f).await
}

/// Post the add-relation form of `from` (`"relation target_kind target_code"`); the flash
/// shown afterwards must be `flash`, and a refusal stores nothing.
async fn relate(s: &Session, app: &TestApp, from: ItemId, form: &str, pesan: &str, flash: &str) {
    let v: Vec<&str> = form.split(' ').collect();
    let f = [
        ("jenis", v[0]),
        ("tujuan_jenis", v[1]),
        ("tujuan_kode", v[2]),
    ];
    let before = (relations(&app.db, from).await, audit_len(&app.db).await);
    let r = s
        .post_form(&format!("/arsitektur/item/{from}/relasi"), &f)
        .await;
    let html = back_with(s, r, from, pesan).await;
    let class = if pesan.starts_with("galat-") {
        "flash flash-error"
    } else {
        "flash flash-ok"
    };
    assert!(
        html.contains(&format!("<p class=\"{class}\" role=\"status\">{flash}</p>")),
        "expected «{flash}» in {html}"
    );
    if pesan.starts_with("galat-") {
        let after = (relations(&app.db, from).await, audit_len(&app.db).await);
        assert_eq!(after, before, "a refused relation stores nothing");
    }
}

const ADDED: &str = "Hubungan ditambahkan.";
const CYCLE: &str = "Hubungan ini akan membuat lingkaran ketergantungan.";

#[tokio::test]
async fn an_archived_record_cannot_become_a_relation_target() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let server = record(&s, &app, Jenis::Server, "SRV-A", "fisik").await;
    let dc = record(&s, &app, Jenis::PusatData, "PD-B", "pdn").await;

    let r = s
        .post_form(&format!("/arsitektur/item/{dc}/arsip"), &[("arsip", "1")])
        .await;
    let html = back_with(&s, r, dc, "arsitektur-diarsipkan").await;
    assert!(html.contains("Catatan diarsipkan."));
    assert!(html.contains("Catatan ini diarsipkan: tetap tercatat untuk riwayat"));
    assert!(
        !html.contains(&format!("action=\"/arsitektur/item/{dc}/relasi\"")),
        "no relation form"
    );
    assert!(item::get(&app.db, dc).await.unwrap().diarsipkan);
    let to_dc = "dihosting_di pusat_data PD-B";
    let archived = "Catatan tujuan sudah diarsipkan.";
    relate(
        &s,
        &app,
        server,
        to_dc,
        "galat-relasi-tujuan-diarsipkan",
        archived,
    )
    .await;

    let r = s
        .post_form(&format!("/arsitektur/item/{dc}/arsip"), &[("arsip", "0")])
        .await;
    let html = back_with(&s, r, dc, "arsitektur-dipulihkan").await;
    assert!(html.contains("Catatan dipulihkan."));
    relate(&s, &app, server, to_dc, "relasi-ditambah", ADDED).await;
    assert_eq!(relations(&app.db, server).await, 1);
}

#[tokio::test]
async fn relations_added_on_the_page_follow_their_rules_and_can_be_removed() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let a = record(&s, &app, Jenis::Server, "SRV-A", "fisik").await;
    let c = record(&s, &app, Jenis::Server, "SRV-C", "fisik").await;
    record(&s, &app, Jenis::PusatData, "PD-B", "pdn").await;
    let l = record(&s, &app, Jenis::Layanan, "LYN-L", "administrasi").await;

    // Target codes are matched in upper case.
    let hosted = "dihosting_di pusat_data pd-b";
    relate(&s, &app, a, hosted, "relasi-ditambah", ADDED).await;
    let page = s.get(&format!("/arsitektur/item/{a}")).await;
    let page = page.text().await.unwrap();
    assert!(page.contains("<td>di-hosting di</td>") && page.contains("Catatan PD-B"));
    let dup = "Hubungan ini sudah tercatat.";
    relate(&s, &app, a, hosted, "galat-relasi-sudah-ada", dup).await;
    let unknown = "Tidak ada catatan dengan kode tersebut pada jenis yang dipilih.";
    let to_unknown = "dihosting_di pusat_data PD-ZZZ";
    relate(
        &s,
        &app,
        a,
        to_unknown,
        "galat-relasi-tujuan-tidak-ada",
        unknown,
    )
    .await;
    let pair = "Hubungan seperti itu tidak berlaku antara kedua jenis catatan ini.";
    relate(
        &s,
        &app,
        l,
        "dihosting_di pusat_data PD-B",
        "galat-relasi-tidak-diizinkan",
        pair,
    )
    .await;
    let invalid = "Jenis hubungan atau jenis tujuan tidak valid.";
    relate(
        &s,
        &app,
        a,
        "menikah pusat_data PD-B",
        "galat-relasi-tidak-valid",
        invalid,
    )
    .await;
    relate(
        &s,
        &app,
        a,
        "dihosting_di kapal PD-B",
        "galat-relasi-tidak-valid",
        invalid,
    )
    .await;
    relate(
        &s,
        &app,
        c,
        "bergantung_pada server SRV-A",
        "relasi-ditambah",
        ADDED,
    )
    .await;
    let back = "bergantung_pada server SRV-C";
    relate(&s, &app, a, back, "galat-relasi-siklus", CYCLE).await;
    relate(
        &s,
        &app,
        a,
        "bergantung_pada server SRV-A",
        "galat-relasi-siklus",
        CYCLE,
    )
    .await;

    // Removal, from the page of the record the relation starts at.
    let (rel, _, _) = relation::of_item(&app.db, c).await.unwrap().remove(0);
    let page = s.get(&format!("/arsitektur/item/{c}")).await;
    let page = page.text().await.unwrap();
    assert!(page.contains(&format!("action=\"/arsitektur/relasi/{}/hapus\"", rel.id)));
    let before = audit_len(&app.db).await;
    let remove = format!("/arsitektur/relasi/{}/hapus", rel.id);
    let r = s.post_form(&remove, &[]).await;
    let html = back_with(&s, r, c, "relasi-dihapus").await;
    assert!(html.contains("Hubungan dihapus."));
    assert!(html.contains("Belum ada hubungan dengan catatan lain."));
    assert_eq!(relations(&app.db, c).await, 0);
    assert_eq!(audit_len(&app.db).await, before + 1);
    // Now the dependency the other way round closes no cycle.
    relate(&s, &app, a, back, "relasi-ditambah", ADDED).await;
    // A removed relation is gone: removing it again is a 404 page.
    let again = s.post_form(&remove, &[]).await;
    assert_eq!(again.status().as_u16(), 404);
    let html = again.text().await.unwrap();
    assert!(html.contains("Halaman tidak ditemukan"));
}
