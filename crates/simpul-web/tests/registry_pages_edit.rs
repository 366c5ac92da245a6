//! Editing an architecture record through its form: the changed record is shown with a
//! flash; a refused change is a 422 page with the typed values and changes nothing.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::registry::Jenis;
use simpul_store::registry::item;

#[tokio::test]
async fn a_record_is_edited_through_its_form() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let net = create_record(
        &s,
        &app,
        Jenis::Subnet,
        &[
            ("kode", "NET-1"),
            ("nama", "LAN Setda"),
            ("atribut.cidr", "10.63.1.0/24"),
        ],
    )
    .await;
    create_record(
        &s,
        &app,
        Jenis::Subnet,
        &[
            ("kode", "NET-2"),
            ("nama", "LAN Dinkes"),
            ("atribut.cidr", "10.63.2.0/24"),
        ],
    )
    .await;
    let form = s.get(&format!("/arsitektur/item/{net}/ubah")).await;
    assert_eq!(form.status().as_u16(), 200);
    let form = form.text().await.unwrap();
    assert!(form.contains("Ubah LAN Setda") && form.contains("value=\"10.63.1.0/24\""));
    assert!(form.contains(&format!("action=\"/arsitektur/item/{net}\"")));

    // Keeping its own CIDR is no overlap with itself.
    let fields = [
        ("kode", "NET-1"),
        ("nama", "LAN Sekretariat Daerah"),
        ("status", "aktif"),
        ("atribut.cidr", "10.63.1.0/24"),
        ("atribut.vlan", "10"),
    ];
    let r = s
        .post_form(&format!("/arsitektur/item/{net}"), &fields)
        .await;
    let html = back_with(&s, r, net, "arsitektur-diubah").await;
    assert!(
        html.contains("Perubahan catatan tersimpan.") && html.contains("LAN Sekretariat Daerah")
    );
    assert_eq!(item::get(&app.db, net).await.unwrap().atribut["vlan"], "10");

    // Moving onto the other subnet is refused and changes nothing.
    let before = audit_len(&app.db).await;
    let fields = [
        ("kode", "NET-1"),
        ("nama", "LAN Baru"),
        ("atribut.cidr", "10.63.2.0/24"),
    ];
    let r = s
        .post_form(&format!("/arsitektur/item/{net}"), &fields)
        .await;
    assert_eq!(r.status().as_u16(), 422);
    let html = r.text().await.unwrap();
    assert!(
        html.contains(
            "Subnet (CIDR): Subnet 10.63.2.0/24 sama dengan subnet 10.63.2.0/24 milik NET-2."
        ),
        "{html}"
    );
    assert!(html.contains("value=\"LAN Baru\""));
    assert_eq!(audit_len(&app.db).await, before);
    assert_eq!(
        item::get(&app.db, net).await.unwrap().nama,
        "LAN Sekretariat Daerah"
    );

    // Taking another record's code is a field error too.
    let fields = [
        ("kode", "NET-2"),
        ("nama", "LAN Baru"),
        ("atribut.cidr", "10.63.1.0/24"),
    ];
    let r = s
        .post_form(&format!("/arsitektur/item/{net}"), &fields)
        .await;
    assert_eq!(r.status().as_u16(), 422);
    assert!(r.text().await.unwrap().contains("href=\"#f-kode\""));
    assert_eq!(audit_len(&app.db).await, before);
}
