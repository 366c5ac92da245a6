//! Conformance on every backend: staff create, lookup, list, update, login record, password.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{assert_one_entry, backends, count, head_seq, new_pd, new_pegawai, nip, sys};
use simpul_domain::ident::Email;
use simpul_domain::ids::{PdId, PegawaiId};
use simpul_domain::org::JenisPd;
use simpul_store::audit::{self, AuditFilter};
use simpul_store::pegawai::PegawaiFilter;
use simpul_store::{StoreError, pd, pegawai, sesi};
use uuid::Uuid;

const HASH_A: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE";
const HASH_B: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI";

#[tokio::test]
async fn pegawai_create_find_list_update_password() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd::create(
            db,
            &sys(),
            &new_pd("DISKOMINFO", "Dinas Kominfo", None, JenisPd::Dinas, None),
            true,
        )
        .await
        .unwrap();
        let i = pd::create(
            db,
            &sys(),
            &new_pd(
                "INSPEKTORAT",
                "Inspektorat",
                None,
                JenisPd::Inspektorat,
                None,
            ),
            false,
        )
        .await
        .unwrap();
        let mut seq = head_seq(db).await;
        let staff = [
            (
                1,
                "Ahmad Fauzi",
                Some("Pranata Komputer Ahli Muda"),
                a.id,
                Some(HASH_A),
            ),
            (
                2,
                "Budi Santoso",
                Some("Kepala Bidang Statistik"),
                a.id,
                None,
            ),
            (3, "Citra Lestari", Some("Auditor Ahli Muda"), i.id, None),
            (4, "Dewi Sartika", Some("Auditor Ahli Pertama"), i.id, None),
            (5, "Eko Prasetyo", Some("Statistisi"), a.id, None),
        ];
        let mut people = Vec::new();
        for (n, nama, jabatan, pd_id, hash) in staff {
            let p = pegawai::create(db, &sys(), &new_pegawai(n, nama, jabatan, pd_id), hash)
                .await
                .unwrap();
            let (id, pd_s) = (p.id.to_string(), pd_id.to_string());
            seq = assert_one_entry(
                name,
                db,
                seq,
                "pegawai.dibuat",
                "pegawai",
                Some(&id),
                Some(&pd_s),
            )
            .await;
            assert_eq!(p.nip, nip(n), "[{name}] nip");
            assert_eq!(
                (p.nama.as_str(), p.jabatan.as_deref(), p.pd, p.aktif),
                (nama, jabatan, pd_id, true),
                "[{name}]"
            );
            people.push(p);
        }
        let entry = audit::list(db, &AuditFilter::default(), 5, 0)
            .await
            .unwrap();
        assert!(
            entry
                .entries
                .iter()
                .all(|e| !e.fields.detail.contains("argon2")),
            "[{name}] password hashes never reach the audit trail"
        );

        assert_eq!(
            pegawai::get(db, people[0].id).await.unwrap(),
            people[0],
            "[{name}] get"
        );
        assert_eq!(
            pegawai::by_nip(db, nip(3).as_str()).await.unwrap(),
            people[2],
            "[{name}] by_nip"
        );
        let e = pegawai::by_nip(db, nip(99).as_str()).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] by_nip unknown: {e:?}"
        );

        // Listing with filters and pagination totals.
        let list = |f: PegawaiFilter, limit, offset| async move {
            let (v, total) = pegawai::list(db, &f, limit, offset).await.unwrap();
            (v.into_iter().map(|p| p.nama).collect::<Vec<_>>(), total)
        };
        let none = PegawaiFilter::default();
        assert_eq!(
            list(none.clone(), 2, 0).await,
            (vec!["Ahmad Fauzi".into(), "Budi Santoso".into()], 5),
            "[{name}] page 1"
        );
        assert_eq!(
            list(none.clone(), 2, 4).await,
            (vec!["Eko Prasetyo".into()], 5),
            "[{name}] last page"
        );
        assert_eq!(
            list(none.clone(), 2, 10).await,
            (vec![], 5),
            "[{name}] past the end"
        );
        let pds = |v: Vec<PdId>| PegawaiFilter {
            pds: Some(v),
            q: None,
        };
        assert_eq!(
            list(pds(vec![i.id]), 10, 0).await,
            (vec!["Citra Lestari".into(), "Dewi Sartika".into()], 2),
            "[{name}] one PD"
        );
        assert_eq!(
            list(pds(vec![a.id, i.id]), 10, 0).await.1,
            5,
            "[{name}] two PDs"
        );
        assert_eq!(
            list(pds(vec![]), 10, 0).await,
            (vec![], 0),
            "[{name}] no PDs"
        );
        let q = |s: &str| PegawaiFilter {
            pds: None,
            q: Some(s.into()),
        };
        assert_eq!(
            list(q("AUDITOR"), 10, 0).await.1,
            2,
            "[{name}] q on jabatan"
        );
        assert_eq!(
            list(q("ahmad"), 10, 0).await,
            (vec!["Ahmad Fauzi".into()], 1),
            "[{name}] q on name"
        );
        assert_eq!(
            list(q("2015051003"), 10, 0).await,
            (vec!["Citra Lestari".into()], 1),
            "[{name}] q on nip"
        );
        assert_eq!(
            list(q("statisti"), 1, 1).await,
            (vec!["Eko Prasetyo".into()], 2),
            "[{name}] q with pagination"
        );
        let both = PegawaiFilter {
            pds: Some(vec![a.id]),
            q: Some("auditor".into()),
        };
        assert_eq!(
            list(both, 10, 0).await,
            (vec![], 0),
            "[{name}] q and PD together"
        );

        // Update.
        let mut changed = new_pegawai(2, "Budi Santoso, S.Si.", None, i.id);
        changed.email = Some(Email::parse("budi@tanbukab.go.id").unwrap());
        let upd = pegawai::update(db, &sys(), people[1].id, &changed)
            .await
            .unwrap();
        let (id, pd_s) = (people[1].id.to_string(), i.id.to_string());
        seq = assert_one_entry(
            name,
            db,
            seq,
            "pegawai.diubah",
            "pegawai",
            Some(&id),
            Some(&pd_s),
        )
        .await;
        assert_eq!(
            (
                upd.nama.as_str(),
                upd.jabatan.as_deref(),
                upd.email.as_deref(),
                upd.pd
            ),
            (
                "Budi Santoso, S.Si.",
                None,
                Some("budi@tanbukab.go.id"),
                i.id
            ),
            "[{name}] updated"
        );
        let e = pegawai::update(db, &sys(), PegawaiId(Uuid::now_v7()), &changed).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] update unknown: {e:?}"
        );
        let mut counts = pegawai::count_by_pd(db).await.unwrap();
        counts.sort();
        let mut want = vec![(a.id.0, 2), (i.id.0, 3)];
        want.sort();
        assert_eq!(counts, want, "[{name}] count_by_pd");

        // Login records and password changes (which end the person's sessions).
        let (p, h) = pegawai::login_record(db, nip(1).as_str())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (p.id, h.as_deref()),
            (people[0].id, Some(HASH_A)),
            "[{name}] login_record"
        );
        let (_, h) = pegawai::login_record(db, nip(3).as_str())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(h, None, "[{name}] no password");
        assert!(
            pegawai::login_record(db, nip(99).as_str())
                .await
                .unwrap()
                .is_none(),
            "[{name}] unknown NIP"
        );
        let t = "2026-11-22T01:00:00.000000Z";
        sesi::create(db, "s1", people[0].id, "c1", t).await.unwrap();
        sesi::create(db, "s2", people[0].id, "c2", t).await.unwrap();
        sesi::create(db, "s3", people[2].id, "c3", t).await.unwrap();
        pegawai::set_password(db, &sys(), people[0].id, HASH_B)
            .await
            .unwrap();
        let (id, pd_s) = (people[0].id.to_string(), a.id.to_string());
        seq = assert_one_entry(
            name,
            db,
            seq,
            "pegawai.sandi_diganti",
            "pegawai",
            Some(&id),
            Some(&pd_s),
        )
        .await;
        let last = audit::list(db, &AuditFilter::default(), 1, 0)
            .await
            .unwrap();
        assert!(
            !last.entries[0].fields.detail.contains(HASH_B),
            "[{name}] new hash not audited"
        );
        let (_, h) = pegawai::login_record(db, nip(1).as_str())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(h.as_deref(), Some(HASH_B), "[{name}] new hash stored");
        assert_eq!(
            sesi::get(db, "s1").await.unwrap(),
            None,
            "[{name}] own session s1 ended"
        );
        assert_eq!(
            sesi::get(db, "s2").await.unwrap(),
            None,
            "[{name}] own session s2 ended"
        );
        assert!(
            sesi::get(db, "s3").await.unwrap().is_some(),
            "[{name}] others' sessions kept"
        );
        let e = pegawai::set_password(db, &sys(), PegawaiId(Uuid::now_v7()), HASH_B).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] set_password unknown: {e:?}"
        );

        // Duplicate NIP and unknown PD store nothing.
        let e = pegawai::create(db, &sys(), &new_pegawai(1, "Orang Lain", None, i.id), None).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("nip"))),
            "[{name}] duplicate NIP: {e:?}"
        );
        let e = pegawai::create(
            db,
            &sys(),
            &new_pegawai(50, "Tanpa PD", None, PdId(Uuid::now_v7())),
            None,
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] unknown PD: {e:?}"
        );
        assert_eq!(count(db, "pegawai").await, 5, "[{name}] nothing stored");
        assert_eq!(head_seq(db).await, seq, "[{name}] failures not audited");
    }
}
