//! Conformance on every backend: registry records (create, get, by_kode, update,
//! archive), refusals, and their audit entries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;

use common::{assert_one_entry, backends, count, head_seq, pd_a, sys};
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::registry::{Jenis, NewItem};
use simpul_store::StoreError;
use simpul_store::registry::item;
use uuid::Uuid;

fn new_item(jenis: Jenis, kode: &str, nama: &str, pd: Option<PdId>) -> NewItem {
    NewItem {
        jenis,
        kode: kode.into(),
        nama: nama.into(),
        deskripsi: None,
        pd,
        status: None,
        atribut: BTreeMap::new(),
    }
}

#[tokio::test]
async fn registry_items_create_read_update_archive_with_audit() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let pd_s = a.id.to_string();
        let seq = head_seq(db).await;
        let mut new = new_item(Jenis::Aplikasi, "APP-0001", "SIMPEG", Some(a.id));
        new.deskripsi = Some("Sistem informasi kepegawaian".into());
        new.status = Some("produksi".into());
        new.atribut = BTreeMap::from([
            ("kategori".to_owned(), "khusus".to_owned()),
            ("url".to_owned(), "https://simpeg.example.go.id".to_owned()),
        ]);
        let app = item::create(db, &sys(), &new).await.unwrap();
        let id_s = app.id.to_string();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "arsitektur.dibuat",
            "arsitektur",
            Some(&id_s),
            Some(&pd_s),
        )
        .await;
        assert_eq!(app.jenis, Jenis::Aplikasi, "[{name}]");
        assert_eq!(app.kode, "APP-0001", "[{name}]");
        assert_eq!(app.deskripsi, new.deskripsi, "[{name}]");
        assert_eq!(app.status.as_deref(), Some("produksi"), "[{name}]");
        assert_eq!(app.atribut, new.atribut, "[{name}] attributes round-trip");
        assert!(!app.diarsipkan, "[{name}]");
        assert_eq!(item::get(db, app.id).await.unwrap(), app, "[{name}] get");
        assert_eq!(
            item::by_kode(db, Jenis::Aplikasi, "APP-0001")
                .await
                .unwrap(),
            app,
            "[{name}] by_kode"
        );
        assert!(
            matches!(
                item::by_kode(db, Jenis::Data, "APP-0001").await,
                Err(StoreError::NotFound)
            ),
            "[{name}] kode is per kind"
        );
        assert!(
            matches!(
                item::get(db, ItemId(Uuid::now_v7())).await,
                Err(StoreError::NotFound)
            ),
            "[{name}] unknown id"
        );

        let mut changed = new.clone();
        changed.nama = "SIMPEG v2".into();
        changed.pd = None;
        changed.atribut.remove("url");
        let app2 = item::update(db, &sys(), app.id, &changed).await.unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "arsitektur.diubah",
            "arsitektur",
            Some(&id_s),
            None,
        )
        .await;
        assert_eq!(app2.nama, "SIMPEG v2", "[{name}]");
        assert_eq!(app2.pd, None, "[{name}]");
        assert_eq!(app2.atribut.len(), 1, "[{name}]");

        let mut other_kind = changed.clone();
        other_kind.jenis = Jenis::Data;
        let e = item::update(db, &sys(), app.id, &other_kind).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("jenis"))),
            "[{name}] kind cannot change: {e:?}"
        );
        let e = item::update(db, &sys(), ItemId(Uuid::now_v7()), &changed).await;
        assert!(matches!(e, Err(StoreError::NotFound)), "[{name}] {e:?}");
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] refused updates not audited"
        );

        item::update(db, &sys(), app.id, &new).await.unwrap();
        let seq = head_seq(db).await;
        item::set_archived(db, &sys(), app.id, true).await.unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "arsitektur.diarsipkan",
            "arsitektur",
            Some(&id_s),
            Some(&pd_s),
        )
        .await;
        assert!(item::get(db, app.id).await.unwrap().diarsipkan, "[{name}]");
        item::set_archived(db, &sys(), app.id, false).await.unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "arsitektur.dipulihkan",
            "arsitektur",
            Some(&id_s),
            Some(&pd_s),
        )
        .await;
        let e = item::set_archived(db, &sys(), ItemId(Uuid::now_v7()), true).await;
        assert!(matches!(e, Err(StoreError::NotFound)), "[{name}] {e:?}");
        assert_eq!(head_seq(db).await, seq, "[{name}] not audited");
    }
}

#[tokio::test]
async fn registry_duplicate_kode_and_unknown_pd_store_nothing() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let first = new_item(Jenis::Server, "SRV-01", "Server satu", None);
        item::create(db, &sys(), &first).await.unwrap();
        let seq = head_seq(db).await;
        let e = item::create(db, &sys(), &new_item(Jenis::Server, "SRV-01", "Lain", None)).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("kode"))),
            "[{name}] duplicate kode: {e:?}"
        );
        let ghost = Some(PdId(Uuid::now_v7()));
        let e = item::create(db, &sys(), &new_item(Jenis::Server, "SRV-02", "X", ghost)).await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] unknown pd: {e:?}"
        );
        // The same code in another kind is fine.
        item::create(db, &sys(), &new_item(Jenis::Data, "SRV-01", "Data", None))
            .await
            .unwrap();
        assert_eq!(
            count(db, "arsitektur").await,
            2,
            "[{name}] nothing else stored"
        );
        assert_eq!(head_seq(db).await, seq + 1, "[{name}] refused not audited");
        // Renaming onto a taken code is the same conflict.
        let other = item::create(db, &sys(), &new_item(Jenis::Server, "SRV-03", "Y", None))
            .await
            .unwrap();
        let e = item::update(db, &sys(), other.id, &first).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("kode"))),
            "[{name}] {e:?}"
        );
    }
}
