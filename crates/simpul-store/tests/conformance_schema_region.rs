//! Conformance on every backend: the test harness, migrations and the region row.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{assert_one_entry, backends, count, exec, fresh, head_seq, sys};
use simpul_domain::org::{Region, TingkatDaerah};
use simpul_store::audit::{self, Verification};
use simpul_store::{StoreError, migrate, region};

#[test]
fn harness_replaces_only_the_database_of_the_url() {
    use common::with_database;
    assert_eq!(
        with_database("postgres://simpul:simpul@127.0.0.1:5432/postgres", "x"),
        "postgres://simpul:simpul@127.0.0.1:5432/x"
    );
    assert_eq!(with_database("postgres://h", "x"), "postgres://h/x");
    assert_eq!(
        with_database("postgres://u@h/db?sslmode=disable", "x"),
        "postgres://u@h/x?sslmode=disable"
    );
}

#[tokio::test]
async fn migrations_apply_once_and_refuse_edited_files() {
    let b = fresh(false).await;
    for (name, db) in b.iter() {
        let n = migrate::names().len();
        assert!(n >= 1, "[{name}] at least one migration");
        assert_eq!(
            migrate::run(db).await.unwrap(),
            n,
            "[{name}] first run applies all"
        );
        assert_eq!(
            migrate::run(db).await.unwrap(),
            0,
            "[{name}] second run applies none"
        );
        assert_eq!(
            count(db, "schema_migrasi").await,
            n as i64,
            "[{name}] recorded"
        );
        assert_eq!(count(db, "audit_head").await, 1, "[{name}] audit head row");
        assert_eq!(head_seq(db).await, 0, "[{name}] empty chain");
        assert!(
            matches!(audit::verify(db).await.unwrap(), Verification::Intact(0)),
            "[{name}] empty chain verifies"
        );

        let first = migrate::names()[0];
        exec(
            db,
            &format!("UPDATE schema_migrasi SET checksum = 'x' WHERE nama = '{first}'"),
        )
        .await;
        match migrate::run(db).await {
            Err(StoreError::Migration(m, _)) => {
                assert_eq!(m, first, "[{name}] names the edited file")
            }
            other => panic!("[{name}] edited migration must be refused, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn region_set_replaces_the_single_row() {
    let b = backends().await;
    for (name, db) in b.iter() {
        assert_eq!(
            region::get(db).await.unwrap(),
            None,
            "[{name}] no region yet"
        );
        let r = Region {
            kode: "63.10".into(),
            nama: "Kabupaten Tanah Bumbu".into(),
            tingkat: TingkatDaerah::Kabupaten,
            domain: Some("tanbukab.go.id".into()),
            profil: Some("tanah-bumbu".into()),
        };
        region::set(db, &sys(), &r).await.unwrap();
        assert_one_entry(
            name,
            db,
            0,
            "wilayah.diatur",
            "wilayah",
            Some("63.10"),
            None,
        )
        .await;
        assert_eq!(
            region::get(db).await.unwrap(),
            Some(r),
            "[{name}] read back"
        );

        let r2 = Region {
            kode: "75.71".into(),
            nama: "Kota Gorontalo".into(),
            tingkat: TingkatDaerah::Kota,
            domain: None,
            profil: None,
        };
        region::set(db, &sys(), &r2).await.unwrap();
        assert_one_entry(
            name,
            db,
            1,
            "wilayah.diatur",
            "wilayah",
            Some("75.71"),
            None,
        )
        .await;
        assert_eq!(
            region::get(db).await.unwrap(),
            Some(r2),
            "[{name}] replaced"
        );
        assert_eq!(count(db, "region").await, 1, "[{name}] one row");
    }
}
