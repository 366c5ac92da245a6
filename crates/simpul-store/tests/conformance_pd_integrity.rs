//! Conformance on every backend: refused PD writes (parent cycles, taken kode, unknown parent).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{backends, count, head_seq, new_pd, sys};
use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_store::audit::{self, Verification};
use simpul_store::{StoreError, pd};
use uuid::Uuid;

#[tokio::test]
async fn pd_parent_cycles_are_refused_and_store_nothing() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let dinkes = pd::create(
            db,
            &sys(),
            &new_pd("DINKES", "Dinas Kesehatan", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let unit = pd::create(
            db,
            &sys(),
            &new_pd(
                "UPT-GUDANG",
                "UPT Gudang Farmasi",
                None,
                JenisPd::Upt,
                Some(dinkes.id),
            ),
            false,
        )
        .await
        .unwrap();
        let seq = head_seq(db).await;
        for parent in [dinkes.id, unit.id] {
            let moved = new_pd(
                "DINKES",
                "Dinas Kesehatan",
                None,
                JenisPd::Dinas,
                Some(parent),
            );
            let e = pd::update(db, &sys(), dinkes.id, &moved).await;
            assert!(
                matches!(e, Err(StoreError::Cycle)),
                "[{name}] parent {parent}: {e:?}"
            );
        }
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] refused updates are not audited"
        );
        assert_eq!(
            pd::get(db, dinkes.id).await.unwrap().induk,
            None,
            "[{name}] unchanged"
        );
    }
}

#[tokio::test]
async fn pd_duplicate_kode_is_a_conflict_and_stores_nothing() {
    let b = backends().await;
    for (name, db) in b.iter() {
        pd::create(
            db,
            &sys(),
            &new_pd(
                "SETDA",
                "Sekretariat Daerah",
                None,
                JenisPd::SekretariatDaerah,
                None,
            ),
            false,
        )
        .await
        .unwrap();
        let e = pd::create(
            db,
            &sys(),
            &new_pd(" setda ", "Lain", None, JenisPd::Dinas, None),
            false,
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::Conflict("kode"))),
            "[{name}] duplicate kode: {e:?}"
        );
        assert_eq!(count(db, "pd").await, 1, "[{name}] nothing stored");
        assert_eq!(head_seq(db).await, 1, "[{name}] audit head unchanged");
        assert_eq!(count(db, "audit_log").await, 1, "[{name}] no audit entry");
        assert!(
            matches!(audit::verify(db).await.unwrap(), Verification::Intact(1)),
            "[{name}] chain intact"
        );
    }
}

#[tokio::test]
async fn pd_with_unknown_parent_is_a_missing_reference() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let upt = new_pd(
            "UPT-X",
            "UPT X",
            None,
            JenisPd::Upt,
            Some(PdId(Uuid::now_v7())),
        );
        let e = pd::create(db, &sys(), &upt, false).await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] unknown induk: {e:?}"
        );
        assert_eq!(count(db, "pd").await, 0, "[{name}] nothing stored");
        assert_eq!(head_seq(db).await, 0, "[{name}] not audited");
    }
}
