//! Bulk writes on every backend: all or nothing, one audit entry per record in a chain
//! that verifies, refusals at the failing index (duplicates in the batch or against
//! stored data, missing and archived ends, cycles through stored and batch relations),
//! and 10,000 records in one call (the time is printed, never asserted).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::time::Instant;

use common::{backends, count, head_seq, sys};
use simpul_domain::ids::ItemId;
use simpul_domain::registry::{Jenis, NewItem, RelasiJenis};
use simpul_store::audit::{self, AuditFilter, Verification};
use simpul_store::registry::bulk::{self, BulkError};
use simpul_store::registry::{item, relation};
use simpul_store::{Db, StoreError};

fn new(jenis: Jenis, kode: &str) -> NewItem {
    NewItem {
        jenis,
        kode: kode.to_owned(),
        nama: format!("{} {kode}", jenis.code()),
        deskripsi: None,
        pd: None,
        status: Some("aktif".into()),
        atribut: BTreeMap::new(),
    }
}

async fn intact(db: &Db) -> i64 {
    match audit::verify(db).await.unwrap() {
        Verification::Intact(n) => n,
        Verification::Broken(b) => panic!("chain broken: {b:?}"),
    }
}

#[tokio::test]
async fn records_all_or_nothing_with_one_entry_each() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let actor = sys();
        // A duplicate code at index 7 of 10: refused there, nothing stored.
        let mut batch: Vec<NewItem> = (0..10)
            .map(|i| new(Jenis::Aplikasi, &format!("APL-{i:02}")))
            .collect();
        batch[7].kode = "APL-03".into();
        let head = head_seq(db).await;
        let e = bulk::create_many(db, &actor, &batch).await.unwrap_err();
        assert_eq!(e.index, 7, "[{name}] {e}");
        assert!(
            matches!(e.error, StoreError::Conflict("kode")),
            "[{name}] {e:?}"
        );
        assert_eq!(count(db, "arsitektur").await, 0, "[{name}] nothing stored");
        assert_eq!(head_seq(db).await, head, "[{name}] audit head unchanged");

        // The same code in another kind is no duplicate.
        batch[7] = new(Jenis::Server, "APL-03");
        let made = bulk::create_many(db, &actor, &batch).await.unwrap();
        assert_eq!(made.len(), 10, "[{name}]");
        assert_eq!(made[7].jenis, Jenis::Server);
        assert_eq!(
            item::get(db, made[4].id).await.unwrap(),
            made[4],
            "[{name}]"
        );
        assert_eq!(
            head_seq(db).await,
            head + 10,
            "[{name}] one entry per record"
        );
        let page = audit::list(db, &AuditFilter::default(), 10, 0)
            .await
            .unwrap();
        assert!(
            page.entries
                .iter()
                .all(|e| e.fields.action == "arsitektur.dibuat")
        );
        assert_eq!(page.entries[0].fields.entity_id, made[9].id.to_string());
        assert_eq!(intact(db).await, head + 10, "[{name}]");

        // Against stored data: index 2 clashes with APL-05.
        let again = vec![
            new(Jenis::Aplikasi, "APL-10"),
            new(Jenis::Aplikasi, "APL-11"),
            new(Jenis::Aplikasi, "APL-05"),
        ];
        let e = bulk::create_many(db, &actor, &again).await.unwrap_err();
        assert_eq!(e.index, 2, "[{name}] {e}");
        assert!(
            matches!(e.error, StoreError::Conflict("kode")),
            "[{name}] {e:?}"
        );
        assert_eq!(count(db, "arsitektur").await, 10, "[{name}]");
        assert!(bulk::create_many(db, &actor, &[]).await.unwrap().is_empty());
        assert_eq!(head_seq(db).await, head + 10, "[{name}]");
    }
}

type Rel = (ItemId, ItemId, RelasiJenis);

async fn ids(db: &Db, jenis: Jenis, prefix: &str, n: usize) -> Vec<ItemId> {
    let batch: Vec<NewItem> = (0..n)
        .map(|i| new(jenis, &format!("{prefix}-{i}")))
        .collect();
    bulk::create_many(db, &sys(), &batch)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect()
}

#[tokio::test]
async fn relations_refused_at_the_failing_index() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let actor = sys();
        let x = ids(db, Jenis::Aplikasi, "X", 6).await;
        let old = ids(db, Jenis::Server, "OLD", 1).await[0];
        item::set_archived(db, &actor, old, true).await.unwrap();
        use RelasiJenis::{BergantungPada as Dep, TerintegrasiDengan as Int};
        relation::add(db, &actor, x[0], x[1], Dep).await.unwrap();
        relation::add(db, &actor, x[3], x[4], Int).await.unwrap();
        let head = head_seq(db).await;

        let cases: Vec<(Vec<Rel>, usize, &str)> = vec![
            // x1 -> x2 -> x0 closes x0 -> x1 (stored) at index 2.
            (
                vec![(x[4], x[5], Dep), (x[1], x[2], Dep), (x[2], x[0], Dep)],
                2,
                "cycle",
            ),
            (vec![(x[1], x[2], Dep), (x[0], x[1], Dep)], 1, "conflict"),
            (vec![(x[1], x[2], Dep), (x[5], x[5], Dep)], 1, "cycle"),
            (vec![(x[0], x[2], Int), (x[4], x[3], Int)], 1, "conflict"),
            (vec![(x[0], x[2], Int), (x[2], x[0], Int)], 1, "conflict"),
            (vec![(x[1], x[2], Dep), (x[2], old, Dep)], 1, "missing"),
            (
                vec![(x[1], ItemId(uuid::Uuid::now_v7()), Dep)],
                0,
                "missing",
            ),
        ];
        for (rels, index, what) in cases {
            let e: BulkError = bulk::add_relations(db, &actor, &rels).await.unwrap_err();
            assert_eq!(e.index, index, "[{name}] {what}: {e}");
            let ok = match what {
                "cycle" => matches!(e.error, StoreError::Cycle),
                "conflict" => matches!(e.error, StoreError::Conflict("relasi")),
                _ => matches!(e.error, StoreError::MissingReference),
            };
            assert!(ok, "[{name}] {what}: {e:?}");
            assert_eq!(
                count(db, "relasi").await,
                2,
                "[{name}] {what}: nothing stored"
            );
            assert_eq!(head_seq(db).await, head, "[{name}] {what}: audit unchanged");
        }
        // Integration may be circular; the dependency chain may grow.
        let fine = vec![
            (x[1], x[2], Dep),
            (x[2], x[3], Dep),
            (x[0], x[2], Int),
            (x[2], x[5], Int),
            (x[5], x[0], Int),
        ];
        assert_eq!(bulk::add_relations(db, &actor, &fine).await.unwrap(), 5);
        assert_eq!(count(db, "relasi").await, 7, "[{name}]");
        assert_eq!(
            head_seq(db).await,
            head + 5,
            "[{name}] one entry per relation"
        );
        let e = bulk::add_relations(db, &actor, &[(x[3], x[0], Dep)])
            .await
            .unwrap_err();
        assert!(
            matches!(e.error, StoreError::Cycle),
            "[{name}] through stored: {e:?}"
        );
        assert_eq!(intact(db).await, head + 5, "[{name}]");
    }
}

#[tokio::test]
async fn ten_thousand_records_in_one_call() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let batch: Vec<NewItem> = (0..10_000)
            .map(|i| {
                let mut n = new(Jenis::Data, &format!("DAT-{i:05}"));
                n.atribut.insert("jenis_data".into(), "basis_data".into());
                n.atribut.insert("klasifikasi".into(), "publik".into());
                n
            })
            .collect();
        let started = Instant::now();
        let made = bulk::create_many(db, &sys(), &batch).await.unwrap();
        let took = started.elapsed();
        eprintln!("[{name}] 10,000 records in {took:?}");
        assert_eq!(made.len(), 10_000);
        let rels: Vec<_> = made
            .windows(2)
            .map(|w| (w[0].id, w[1].id, RelasiJenis::BergantungPada))
            .collect();
        let started = Instant::now();
        assert_eq!(bulk::add_relations(db, &sys(), &rels).await.unwrap(), 9_999);
        eprintln!(
            "[{name}] 9,999 chained relations in {:?}",
            started.elapsed()
        );
        assert_eq!(count(db, "arsitektur").await, 10_000, "[{name}]");
        assert_eq!(intact(db).await, 19_999, "[{name}]");
    }
}
