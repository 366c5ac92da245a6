//! Conformance on every backend: role grants (peran) and the coordination team (tim).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{assert_one_entry, backends, count, head_seq, new_pd, pd_a, staff, sys};
use simpul_domain::access::{Grant, Role};
use simpul_domain::ids::{AnggotaTimId, GrantId, PdId, PegawaiId};
use simpul_domain::org::{Bidang, JenisPd, Kedudukan};
use simpul_store::{StoreError, pd, peran, tim};
use uuid::Uuid;

#[tokio::test]
async fn grants_grant_list_revoke_count() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let bb = pd::create(
            db,
            &sys(),
            &new_pd("PD-B", "PD B", None, JenisPd::Badan, None),
            false,
        )
        .await
        .unwrap();
        let p1 = staff(db, 1, "Satu", a.id).await;
        let p2 = staff(db, 2, "Dua", bb.id).await;
        let mut seq = head_seq(db).await;

        let mut grant = async |who: PegawaiId, role: Role, pd_id: PdId| {
            let g = peran::grant(db, &sys(), who, Grant { role, pd: pd_id })
                .await
                .unwrap();
            let (id, pd_s) = (who.to_string(), pd_id.to_string());
            seq = assert_one_entry(
                name,
                db,
                seq,
                "peran.diberikan",
                "pegawai",
                Some(&id),
                Some(&pd_s),
            )
            .await;
            assert_eq!(
                (g.pegawai, g.grant.role, g.grant.pd),
                (who, role, pd_id),
                "[{name}] grant returned"
            );
            g
        };
        let g1 = grant(p1.id, Role::AdminPd, a.id).await;
        let g2 = grant(p1.id, Role::SuperAdmin, a.id).await;
        grant(p2.id, Role::Auditor, bb.id).await;
        grant(p2.id, Role::AdminPd, bb.id).await;

        let e = peran::grant(
            db,
            &sys(),
            p1.id,
            Grant {
                role: Role::AdminPd,
                pd: a.id,
            },
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::Conflict("peran"))),
            "[{name}] duplicate grant: {e:?}"
        );
        let e = peran::grant(
            db,
            &sys(),
            PegawaiId(Uuid::now_v7()),
            Grant {
                role: Role::AdminPd,
                pd: a.id,
            },
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] grant to unknown: {e:?}"
        );
        assert_eq!(
            count(db, "peran").await,
            4,
            "[{name}] nothing stored by failures"
        );
        assert_eq!(head_seq(db).await, seq, "[{name}] failures not audited");

        let roles =
            |v: Vec<peran::StoredGrant>| v.into_iter().map(|g| g.grant.role).collect::<Vec<_>>();
        assert_eq!(
            roles(peran::of(db, p1.id).await.unwrap()),
            [Role::AdminPd, Role::SuperAdmin],
            "[{name}] of p1"
        );
        assert_eq!(
            roles(peran::of(db, p2.id).await.unwrap()),
            [Role::AdminPd, Role::Auditor],
            "[{name}] of p2"
        );
        assert_eq!(peran::all(db, None).await.unwrap().len(), 4, "[{name}] all");
        let in_b = peran::all(db, Some(bb.id)).await.unwrap();
        assert!(
            in_b.len() == 2 && in_b.iter().all(|g| g.pegawai == p2.id),
            "[{name}] all in PD B: {in_b:?}"
        );
        assert_eq!(peran::get(db, g1.id).await.unwrap(), g1, "[{name}] get");
        assert_eq!(
            peran::count_by_role(db).await.unwrap(),
            [
                ("admin_pd".to_owned(), 2),
                ("auditor".to_owned(), 1),
                ("super_admin".to_owned(), 1)
            ],
            "[{name}] count_by_role"
        );

        peran::revoke(db, &sys(), g2.id).await.unwrap();
        let (id, pd_s) = (p1.id.to_string(), a.id.to_string());
        seq = assert_one_entry(
            name,
            db,
            seq,
            "peran.dicabut",
            "pegawai",
            Some(&id),
            Some(&pd_s),
        )
        .await;
        assert_eq!(
            roles(peran::of(db, p1.id).await.unwrap()),
            [Role::AdminPd],
            "[{name}] revoked"
        );
        assert!(
            matches!(peran::get(db, g2.id).await, Err(StoreError::NotFound)),
            "[{name}] revoked gone"
        );
        let e = peran::revoke(db, &sys(), g2.id).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke twice: {e:?}"
        );
        let e = peran::revoke(db, &sys(), GrantId(Uuid::now_v7())).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke unknown: {e:?}"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] failed revokes not audited"
        );
        assert_eq!(
            peran::count_by_role(db).await.unwrap(),
            [("admin_pd".to_owned(), 2), ("auditor".to_owned(), 1)],
            "[{name}] count_by_role after revoke"
        );
    }
}

#[tokio::test]
async fn tim_add_list_remove() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let p1 = staff(db, 1, "Satu", a.id).await;
        let p2 = staff(db, 2, "Dua", a.id).await;
        let mut seq = head_seq(db).await;

        let mut add = async |who: PegawaiId, k: Kedudukan, bidang: Option<Bidang>| {
            let m = tim::add(db, &sys(), who, k, bidang).await.unwrap();
            let id = m.id.to_string();
            seq = assert_one_entry(
                name,
                db,
                seq,
                "tim.anggota_ditambah",
                "tim_koordinasi",
                Some(&id),
                None,
            )
            .await;
            m
        };
        let ketua = add(p1.id, Kedudukan::Ketua, None).await;
        let audit_tik = add(p2.id, Kedudukan::Anggota, Some(Bidang::AuditTik)).await;
        let data = add(p2.id, Kedudukan::Anggota, Some(Bidang::Data)).await;

        let e = tim::add(db, &sys(), p2.id, Kedudukan::Anggota, Some(Bidang::Data)).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("anggota"))),
            "[{name}] duplicate member: {e:?}"
        );
        let e = tim::add(db, &sys(), p1.id, Kedudukan::Ketua, None).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("anggota"))),
            "[{name}] duplicate without bidang: {e:?}"
        );
        let e = tim::add(
            db,
            &sys(),
            PegawaiId(Uuid::now_v7()),
            Kedudukan::Anggota,
            None,
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] unknown person: {e:?}"
        );
        assert_eq!(
            count(db, "tim_koordinasi").await,
            3,
            "[{name}] nothing stored by failures"
        );
        assert_eq!(head_seq(db).await, seq, "[{name}] failures not audited");

        assert_eq!(
            tim::list(db).await.unwrap(),
            [ketua, data.clone(), audit_tik.clone()],
            "[{name}] list order"
        );
        tim::remove(db, &sys(), data.id).await.unwrap();
        let id = data.id.to_string();
        seq = assert_one_entry(
            name,
            db,
            seq,
            "tim.anggota_dihapus",
            "tim_koordinasi",
            Some(&id),
            None,
        )
        .await;
        assert_eq!(tim::list(db).await.unwrap().len(), 2, "[{name}] removed");
        let e = tim::remove(db, &sys(), data.id).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] remove twice: {e:?}"
        );
        let e = tim::remove(db, &sys(), AnggotaTimId(Uuid::now_v7())).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] remove unknown: {e:?}"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] failed removes not audited"
        );
    }
}
