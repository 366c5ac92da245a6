//! Conformance on every backend: relations between registry records (add, list, remove,
//! refusals, cycles) and the impact analysis over them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;

use common::{assert_one_entry, backends, count, head_seq, pd_a, sys};
use simpul_domain::ids::{ItemId, PdId, RelasiId};
use simpul_domain::registry::{Jenis, NewItem, Relasi, RelasiJenis};
use simpul_store::registry::{item, relation};
use simpul_store::{Db, StoreError};
use uuid::Uuid;

use RelasiJenis::{BergantungPada, DihostingDi, Menggunakan, Menyediakan, TerintegrasiDengan};

async fn mk(db: &Db, jenis: Jenis, kode: &str, pd: Option<PdId>) -> ItemId {
    let n = NewItem {
        jenis,
        kode: kode.into(),
        nama: format!("Rekaman {kode}"),
        deskripsi: None,
        pd,
        status: None,
        atribut: BTreeMap::new(),
    };
    item::create(db, &sys(), &n).await.unwrap().id
}

async fn rel(db: &Db, dari: ItemId, ke: ItemId, jenis: RelasiJenis) -> Relasi {
    relation::add(db, &sys(), dari, ke, jenis)
        .await
        .unwrap_or_else(|e| panic!("add {jenis:?}: {e}"))
}

async fn deps(db: &Db, target: ItemId, depth: i64) -> Vec<(String, i64)> {
    relation::dependents(db, target, depth)
        .await
        .unwrap()
        .into_iter()
        .map(|(i, d)| (i.kode, d))
        .collect()
}

fn pairs(v: &[(&str, i64)]) -> Vec<(String, i64)> {
    v.iter().map(|(k, d)| ((*k).to_owned(), *d)).collect()
}

#[tokio::test]
async fn registry_relations_add_list_remove_with_audit() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let pd_s = a.id.to_string();
        let app = mk(db, Jenis::Aplikasi, "APP-1", Some(a.id)).await;
        let srv = mk(db, Jenis::Server, "SRV-1", None).await;
        let svc = mk(db, Jenis::Layanan, "LAY-1", None).await;
        let seq = head_seq(db).await;
        let hosted = rel(db, app, srv, DihostingDi).await;
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "relasi.ditambah",
            "relasi",
            Some(&hosted.id.to_string()),
            Some(&pd_s),
        )
        .await;
        assert_eq!(
            (hosted.dari, hosted.ke, hosted.jenis),
            (app, srv, DihostingDi),
            "[{name}]"
        );
        assert_eq!(
            relation::get(db, hosted.id).await.unwrap(),
            hosted,
            "[{name}] get"
        );
        let delivers = rel(db, app, svc, Menyediakan).await;
        assert_eq!(
            head_seq(db).await,
            seq + 1,
            "[{name}] one entry per relation"
        );
        let seq = seq + 1;

        let of_app = relation::of_item(db, app).await.unwrap();
        let view: Vec<_> = of_app
            .iter()
            .map(|(r, i, out)| (r.id, i.kode.as_str(), *out))
            .collect();
        assert_eq!(
            view,
            [(delivers.id, "LAY-1", true), (hosted.id, "SRV-1", true)],
            "[{name}] outgoing, in the order of the relation kinds"
        );
        let of_srv = relation::of_item(db, srv).await.unwrap();
        assert_eq!(of_srv.len(), 1, "[{name}]");
        assert_eq!(
            (of_srv[0].1.id, of_srv[0].2),
            (app, false),
            "[{name}] incoming"
        );

        let edges = relation::edges_among(db, &[srv, app, app]).await.unwrap();
        assert_eq!(
            edges,
            [hosted],
            "[{name}] only edges with both ends in the set"
        );
        let mut all = relation::edges_among(db, &[srv, app, svc]).await.unwrap();
        all.sort_by_key(|r| r.id);
        assert_eq!(all.len(), 2, "[{name}]");

        relation::remove(db, &sys(), hosted.id).await.unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "relasi.dihapus",
            "relasi",
            Some(&hosted.id.to_string()),
            Some(&pd_s),
        )
        .await;
        assert_eq!(
            relation::of_item(db, srv).await.unwrap().len(),
            0,
            "[{name}] removed"
        );
        let e = relation::remove(db, &sys(), hosted.id).await;
        assert!(matches!(e, Err(StoreError::NotFound)), "[{name}] {e:?}");
        let e = relation::get(db, RelasiId(Uuid::now_v7())).await;
        assert!(matches!(e, Err(StoreError::NotFound)), "[{name}] {e:?}");
        assert_eq!(
            head_seq(db).await,
            seq + 1,
            "[{name}] refused removal not audited"
        );
    }
}

#[tokio::test]
async fn registry_relations_refuse_missing_archived_duplicate_and_cycles() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let x = mk(db, Jenis::Aplikasi, "A", None).await;
        let y = mk(db, Jenis::Server, "B", None).await;
        let z = mk(db, Jenis::PusatData, "C", None).await;
        let old = mk(db, Jenis::Server, "OLD", None).await;
        item::set_archived(db, &sys(), old, true).await.unwrap();
        rel(db, x, y, DihostingDi).await;
        rel(db, y, z, DihostingDi).await;
        rel(db, x, y, TerintegrasiDengan).await;
        let seq = head_seq(db).await;
        let ghost = ItemId(Uuid::now_v7());
        let refused: Vec<(ItemId, ItemId, RelasiJenis, &str)> = vec![
            (x, ghost, Menggunakan, "missing ke"),
            (ghost, x, Menggunakan, "missing dari"),
            (x, old, DihostingDi, "archived ke"),
            (old, y, BergantungPada, "archived dari"),
            (x, y, DihostingDi, "duplicate"),
            (y, x, TerintegrasiDengan, "integration is symmetric"),
            (z, x, DihostingDi, "closes A->B->C->A"),
            (z, y, DihostingDi, "closes B->C->B"),
            (y, x, DihostingDi, "closes A->B->A"),
            (x, x, Menggunakan, "to itself"),
            (x, x, TerintegrasiDengan, "integrates with itself"),
        ];
        for (dari, ke, jenis, why) in &refused {
            let e = relation::add(db, &sys(), *dari, *ke, *jenis).await;
            let ok = match *why {
                "duplicate" | "integration is symmetric" => {
                    matches!(e, Err(StoreError::Conflict("relasi")))
                }
                w if w.starts_with("missing") || w.starts_with("archived") => {
                    matches!(e, Err(StoreError::MissingReference))
                }
                _ => matches!(e, Err(StoreError::Cycle)),
            };
            assert!(ok, "[{name}] {why}: {e:?}");
        }
        assert_eq!(count(db, "relasi").await, 3, "[{name}] nothing stored");
        assert_eq!(head_seq(db).await, seq, "[{name}] refusals not audited");
        // Cycles are sought per kind; integration may go round.
        rel(db, z, x, BergantungPada).await;
        rel(db, y, z, TerintegrasiDengan).await;
        rel(db, z, x, TerintegrasiDengan).await;
        // A restored record may be related again.
        item::set_archived(db, &sys(), old, false).await.unwrap();
        rel(db, x, old, Menggunakan).await;
        assert_eq!(count(db, "relasi").await, 7, "[{name}]");
    }
}

#[tokio::test]
async fn registry_dependents_of_a_server_follow_the_direction_rule() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let dc = mk(db, Jenis::PusatData, "DC", None).await;
        let s = mk(db, Jenis::Server, "SRV", None).await;
        let s2 = mk(db, Jenis::Server, "SRV2", None).await;
        let a1 = mk(db, Jenis::Aplikasi, "APP1", None).await;
        let a2 = mk(db, Jenis::Aplikasi, "APP2", None).await;
        let a3 = mk(db, Jenis::Aplikasi, "APP3", None).await;
        let l1 = mk(db, Jenis::Layanan, "LAY1", None).await;
        let l2 = mk(db, Jenis::Layanan, "LAY2", None).await;
        let l3 = mk(db, Jenis::Layanan, "LAY3", None).await;
        let p1 = mk(db, Jenis::ProsesBisnis, "PB1", None).await;
        let p2 = mk(db, Jenis::ProsesBisnis, "PB2", None).await;
        let p3 = mk(db, Jenis::ProsesBisnis, "PB3", None).await;
        let d = mk(db, Jenis::Data, "DS", None).await;
        for (x, y, j) in [
            (s, dc, DihostingDi),
            (s2, dc, DihostingDi),
            (a1, s, DihostingDi),
            (a2, s, DihostingDi),
            (a3, s2, DihostingDi),
            (a1, l1, Menyediakan),
            (a2, l2, Menyediakan),
            (a3, l3, Menyediakan),
            (p1, l1, Menggunakan),
            (p2, l2, Menggunakan),
            (p2, l1, Menggunakan),
            (p3, l3, Menggunakan),
            (a1, d, Menggunakan),
            (a1, a3, TerintegrasiDengan),
        ] {
            rel(db, x, y, j).await;
        }
        let from_s = pairs(&[
            ("APP1", 1),
            ("APP2", 1),
            ("LAY1", 2),
            ("LAY2", 2),
            ("PB1", 3),
            ("PB2", 3),
        ]);
        assert_eq!(
            deps(db, s, 10).await,
            from_s,
            "[{name}] server: apps, services, processes"
        );
        assert_eq!(
            deps(db, s, 2).await,
            pairs(&[("APP1", 1), ("APP2", 1), ("LAY1", 2), ("LAY2", 2)]),
            "[{name}] depth bound"
        );
        assert!(deps(db, s, 0).await.is_empty(), "[{name}] depth 0");
        let from_dc = deps(db, dc, 10).await;
        assert_eq!(from_dc.len(), 11, "[{name}] all but DS and DC: {from_dc:?}");
        assert!(
            from_dc.contains(&("SRV".into(), 1)) && from_dc.contains(&("PB3".into(), 4)),
            "[{name}]"
        );
        assert_eq!(
            deps(db, d, 10).await,
            pairs(&[("APP1", 1), ("LAY1", 2), ("PB1", 3), ("PB2", 3)]),
            "[{name}] dataset"
        );
        assert!(
            deps(db, p1, 10).await.is_empty(),
            "[{name}] nothing depends on a process"
        );
        assert!(
            deps(db, a3, 10).await.iter().all(|(k, _)| k != "APP1"),
            "[{name}] integration propagates nothing"
        );

        // Smallest depth wins; mixed-kind cycles end and leave the target out.
        rel(db, p1, s, BergantungPada).await;
        rel(db, l1, p1, BergantungPada).await;
        let again = deps(db, s, 10).await;
        let pb1: Vec<_> = again.iter().filter(|(k, _)| k == "PB1").collect();
        assert_eq!(
            pb1,
            [&("PB1".to_owned(), 1)],
            "[{name}] once, at depth 1: {again:?}"
        );
        assert_eq!(again.len(), 6, "[{name}] {again:?}");
        let around = deps(db, p1, 10).await;
        assert!(
            around.iter().all(|(k, _)| k != "PB1"),
            "[{name}] target left out: {around:?}"
        );
        assert_eq!(around, pairs(&[("LAY1", 1), ("PB2", 2)]), "[{name}]");
    }
}
