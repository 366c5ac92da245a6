//! Repository conformance suite: every test runs against every configured backend
//! (SQLite always, PostgreSQL when `SIMPUL_TEST_PG_URL` is set) and expects the same
//! results, errors and audit entries from both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::time::Duration;

use common::{assert_one_entry, backends, count, exec, fresh, head_seq, new_pd, new_pegawai, nip};
use simpul_domain::access::{Grant, Role};
use simpul_domain::ident::Email;
use simpul_domain::ids::{AnggotaTimId, GrantId, PdId, PegawaiId, TokenId};
use simpul_domain::org::{Bidang, JenisPd, Kedudukan, Region, TingkatDaerah};
use simpul_store::audit::{self, AuditFilter, Verification};
use simpul_store::pd::PdFilter;
use simpul_store::pegawai::PegawaiFilter;
use simpul_store::sesi::Sesi;
use simpul_store::{
    Actor, StoreError, migrate, pd, pegawai, peran, region, sesi, tim, time_text, token,
};
use uuid::Uuid;

const HASH_A: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWE";
const HASH_B: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$YmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmJiYmI";

fn sys() -> Actor {
    Actor::sistem()
}

fn kodes(list: &[simpul_domain::org::PerangkatDaerah]) -> Vec<&str> {
    list.iter().map(|p| p.kode.as_str()).collect()
}

fn seqs(page: &audit::AuditPage) -> Vec<i64> {
    page.entries.iter().map(|e| e.fields.seq).collect()
}

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

#[tokio::test]
async fn pd_create_get_list_update_archive() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let mut seq = 0;
        let mut mk = async |kode: &str, nama: &str, sing: Option<&str>, jenis, induk, pengelola| {
            let p = pd::create(
                db,
                &sys(),
                &new_pd(kode, nama, sing, jenis, induk),
                pengelola,
            )
            .await
            .unwrap_or_else(|e| panic!("[{name}] create {kode}: {e}"));
            let id = p.id.to_string();
            seq = assert_one_entry(name, db, seq, "pd.dibuat", "pd", Some(&id), Some(&id)).await;
            p
        };
        let setda = mk(
            "SETDA",
            "Sekretariat Daerah",
            Some("Setda"),
            JenisPd::SekretariatDaerah,
            None,
            false,
        )
        .await;
        let kominfo = mk(
            "diskominfo",
            "Dinas Komunikasi dan Informatika",
            Some("Diskominfo"),
            JenisPd::Dinas,
            None,
            true,
        )
        .await;
        let dinkes = mk(
            "DINKES",
            "Dinas Kesehatan",
            Some("Dinkes"),
            JenisPd::Dinas,
            None,
            false,
        )
        .await;
        let upt = mk(
            "UPT-PKM-1",
            "UPTD Puskesmas Batulicin",
            None,
            JenisPd::Upt,
            Some(dinkes.id),
            false,
        )
        .await;
        let kec = mk(
            "KEC-BTL",
            "Kecamatan Batulicin",
            None,
            JenisPd::Kecamatan,
            None,
            false,
        )
        .await;
        let _bappeda = mk(
            "BAPPEDA",
            "Badan Perencanaan Pembangunan Daerah",
            Some("Bappedalitbang"),
            JenisPd::Badan,
            None,
            false,
        )
        .await;

        // Created as given (code normalised to upper case).
        assert_eq!(
            kominfo.kode.as_str(),
            "DISKOMINFO",
            "[{name}] kode normalised"
        );
        assert!(
            kominfo.pengelola_spbe && !setda.pengelola_spbe,
            "[{name}] pengelola flag"
        );
        assert_eq!(upt.induk, Some(dinkes.id), "[{name}] induk");
        assert_eq!(upt.singkatan, None, "[{name}] no singkatan");
        assert!(!upt.diarsipkan, "[{name}] new PD is active");
        assert_eq!(pd::get(db, setda.id).await.unwrap(), setda, "[{name}] get");
        assert!(
            matches!(
                pd::get(db, PdId(Uuid::now_v7())).await,
                Err(StoreError::NotFound)
            ),
            "[{name}] get unknown"
        );

        // by_kode takes user input.
        assert_eq!(
            pd::by_kode(db, " diskominfo ").await.unwrap().id,
            kominfo.id,
            "[{name}] by_kode lower case"
        );
        assert_eq!(
            pd::by_kode(db, "Upt-Pkm-1").await.unwrap().id,
            upt.id,
            "[{name}] by_kode mixed case"
        );
        assert!(
            matches!(pd::by_kode(db, "NOPE").await, Err(StoreError::NotFound)),
            "[{name}] by_kode unknown"
        );
        assert_eq!(
            pd::pengelola(db).await.unwrap().map(|p| p.id),
            Some(kominfo.id),
            "[{name}] pengelola"
        );

        // Listing: ordered by name, filters.
        let list = |f: PdFilter| async move { pd::list(db, &f).await.unwrap() };
        let all = list(PdFilter::default()).await;
        assert_eq!(
            kodes(&all),
            [
                "BAPPEDA",
                "DINKES",
                "DISKOMINFO",
                "KEC-BTL",
                "SETDA",
                "UPT-PKM-1"
            ],
            "[{name}] list by name"
        );
        let q = |s: &str| PdFilter {
            q: Some(s.into()),
            ..PdFilter::default()
        };
        assert_eq!(
            kodes(
                &list(PdFilter {
                    jenis: Some(JenisPd::Dinas),
                    ..PdFilter::default()
                })
                .await
            ),
            ["DINKES", "DISKOMINFO"],
            "[{name}] jenis"
        );
        assert_eq!(
            kodes(&list(q("  KESEHATAN ")).await),
            ["DINKES"],
            "[{name}] q on name"
        );
        assert_eq!(
            kodes(&list(q("btl")).await),
            ["KEC-BTL"],
            "[{name}] q on code"
        );
        assert_eq!(
            kodes(&list(q("LitBang")).await),
            ["BAPPEDA"],
            "[{name}] q on singkatan"
        );
        assert_eq!(
            kodes(&list(q("batulicin")).await),
            ["KEC-BTL", "UPT-PKM-1"],
            "[{name}] q on names"
        );
        assert_eq!(
            kodes(
                &list(PdFilter {
                    jenis: Some(JenisPd::Dinas),
                    q: Some("batulicin".into()),
                    ..PdFilter::default()
                })
                .await
            ),
            Vec::<&str>::new(),
            "[{name}] jenis and q together"
        );
        assert_eq!(list(q("zzz")).await.len(), 0, "[{name}] q without match");

        // Update.
        let changed = new_pd(
            "DINKES",
            "Dinas Kesehatan dan KB",
            None,
            JenisPd::Dinas,
            None,
        );
        let upd = pd::update(db, &sys(), dinkes.id, &changed).await.unwrap();
        let id = dinkes.id.to_string();
        seq = assert_one_entry(name, db, seq, "pd.diubah", "pd", Some(&id), Some(&id)).await;
        assert_eq!(
            (upd.nama.as_str(), upd.singkatan.as_deref()),
            ("Dinas Kesehatan dan KB", None),
            "[{name}] updated"
        );
        assert_eq!(
            pd::get(db, dinkes.id).await.unwrap(),
            upd,
            "[{name}] update read back"
        );
        let e = pd::update(db, &sys(), PdId(Uuid::now_v7()), &changed).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] update unknown: {e:?}"
        );
        let self_parent = new_pd(
            "DINKES",
            "Dinas Kesehatan",
            None,
            JenisPd::Dinas,
            Some(dinkes.id),
        );
        let e = pd::update(db, &sys(), dinkes.id, &self_parent).await;
        assert!(
            matches!(e, Err(StoreError::Cycle)),
            "[{name}] own parent: {e:?}"
        );
        let taken = new_pd("SETDA", "Dinas Kesehatan", None, JenisPd::Dinas, None);
        let e = pd::update(db, &sys(), dinkes.id, &taken).await;
        assert!(
            matches!(e, Err(StoreError::Conflict("kode"))),
            "[{name}] update to a taken kode: {e:?}"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] failed updates are not audited"
        );
        assert_eq!(
            pd::get(db, dinkes.id).await.unwrap().kode.as_str(),
            "DINKES",
            "[{name}] kode kept"
        );

        // Archive and restore.
        pd::set_archived(db, &sys(), kec.id, true).await.unwrap();
        let id = kec.id.to_string();
        seq = assert_one_entry(name, db, seq, "pd.diarsipkan", "pd", Some(&id), Some(&id)).await;
        assert!(
            pd::get(db, kec.id).await.unwrap().diarsipkan,
            "[{name}] archived"
        );
        assert_eq!(
            list(PdFilter::default()).await.len(),
            5,
            "[{name}] archived hidden"
        );
        assert_eq!(
            list(q("btl")).await.len(),
            0,
            "[{name}] archived hidden from search"
        );
        let with_arsip = PdFilter {
            q: Some("btl".into()),
            termasuk_arsip: true,
            ..PdFilter::default()
        };
        assert_eq!(
            kodes(&list(with_arsip).await),
            ["KEC-BTL"],
            "[{name}] archived shown when asked"
        );
        assert_eq!(
            list(PdFilter {
                termasuk_arsip: true,
                ..PdFilter::default()
            })
            .await
            .len(),
            6,
            "[{name}] all with archive"
        );
        let by_jenis = pd::count_by_jenis(db).await.unwrap();
        assert_eq!(
            by_jenis,
            [
                ("dinas".to_owned(), 2),
                ("badan".to_owned(), 1),
                ("sekretariat_daerah".to_owned(), 1),
                ("upt".to_owned(), 1)
            ],
            "[{name}] count_by_jenis without archived"
        );
        pd::set_archived(db, &sys(), kec.id, false).await.unwrap();
        assert_one_entry(name, db, seq, "pd.dipulihkan", "pd", Some(&id), Some(&id)).await;
        assert!(
            !pd::get(db, kec.id).await.unwrap().diarsipkan,
            "[{name}] restored"
        );
        let e = pd::set_archived(db, &sys(), PdId(Uuid::now_v7()), true).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] archive unknown: {e:?}"
        );
        assert!(
            matches!(audit::verify(db).await.unwrap(), Verification::Intact(n) if n == seq + 1),
            "[{name}] chain intact"
        );
    }
}

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

#[tokio::test]
async fn grants_grant_list_revoke_count() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd::create(
            db,
            &sys(),
            &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let bb = pd::create(
            db,
            &sys(),
            &new_pd("PD-B", "PD B", None, JenisPd::Badan, None),
            false,
        )
        .await
        .unwrap();
        let p1 = pegawai::create(db, &sys(), &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap();
        let p2 = pegawai::create(db, &sys(), &new_pegawai(2, "Dua", None, bb.id), None)
            .await
            .unwrap();
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
        let a = pd::create(
            db,
            &sys(),
            &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let p1 = pegawai::create(db, &sys(), &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap();
        let p2 = pegawai::create(db, &sys(), &new_pegawai(2, "Dua", None, a.id), None)
            .await
            .unwrap();
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

#[tokio::test]
async fn sessions_create_get_touch_delete() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd::create(
            db,
            &sys(),
            &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let p = pegawai::create(db, &sys(), &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap();
        let seq = head_seq(db).await;
        let (t1, t2, t3) = (
            "2026-11-22T01:00:00.000000Z",
            "2026-11-22T02:00:00.000000Z",
            "2026-11-22T03:00:00.000000Z",
        );

        sesi::create(db, "h1", p.id, "csrf1", t1).await.unwrap();
        sesi::create(db, "h2", p.id, "csrf2", t2).await.unwrap();
        assert_eq!(
            sesi::get(db, "h1").await.unwrap(),
            Some(Sesi {
                pegawai: p.id,
                csrf: "csrf1".into(),
                terakhir: t1.into()
            }),
            "[{name}] get"
        );
        assert_eq!(
            sesi::get(db, "nope").await.unwrap(),
            None,
            "[{name}] unknown session"
        );
        let e = sesi::create(db, "h3", PegawaiId(Uuid::now_v7()), "c", t1).await;
        assert!(
            matches!(e, Err(StoreError::MissingReference)),
            "[{name}] session of unknown person: {e:?}"
        );

        sesi::touch(db, "h1", t3).await.unwrap();
        assert_eq!(
            sesi::get(db, "h1").await.unwrap().unwrap().terakhir,
            t3,
            "[{name}] touched"
        );
        // h2 (last active t2) is idle before the cutoff; h1 (touched at t3) is not.
        assert_eq!(
            sesi::delete_idle(db, "2026-11-22T02:30:00.000000Z")
                .await
                .unwrap(),
            1,
            "[{name}] idle deleted"
        );
        assert_eq!(
            sesi::get(db, "h2").await.unwrap(),
            None,
            "[{name}] idle gone"
        );
        assert!(
            sesi::get(db, "h1").await.unwrap().is_some(),
            "[{name}] active kept"
        );
        sesi::delete(db, "h1").await.unwrap();
        assert_eq!(sesi::get(db, "h1").await.unwrap(), None, "[{name}] deleted");
        assert_eq!(count(db, "sesi").await, 0, "[{name}] none left");
        assert_eq!(head_seq(db).await, seq, "[{name}] sessions are not audited");
    }
}

#[tokio::test]
async fn api_tokens_create_authenticate_revoke() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd::create(
            db,
            &sys(),
            &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let p = pegawai::create(db, &sys(), &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap();
        let mut seq = head_seq(db).await;

        let t = token::create(db, &sys(), p.id, "integrasi-sipd", "th1")
            .await
            .unwrap();
        let id = t.to_string();
        seq = assert_one_entry(name, db, seq, "token.dibuat", "api_token", Some(&id), None).await;
        let last = audit::list(db, &AuditFilter::default(), 1, 0)
            .await
            .unwrap();
        assert!(
            !last.entries[0].fields.detail.contains("th1"),
            "[{name}] token hash not audited"
        );

        assert_eq!(
            token::authenticate(db, "th1").await.unwrap(),
            Some(p.id),
            "[{name}] authenticates"
        );
        assert_eq!(
            token::authenticate(db, "nope").await.unwrap(),
            None,
            "[{name}] unknown token"
        );
        assert_eq!(
            count(db, "api_token WHERE terakhir_dipakai IS NOT NULL").await,
            1,
            "[{name}] use recorded"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] authentication is not audited"
        );

        let e = token::create(db, &sys(), p.id, "lain", "th1").await;
        assert!(
            matches!(e, Err(StoreError::Conflict("token"))),
            "[{name}] duplicate token hash: {e:?}"
        );
        assert_eq!(head_seq(db).await, seq, "[{name}] failure not audited");

        token::revoke(db, &sys(), t).await.unwrap();
        seq = assert_one_entry(name, db, seq, "token.dicabut", "api_token", Some(&id), None).await;
        assert_eq!(
            token::authenticate(db, "th1").await.unwrap(),
            None,
            "[{name}] revoked no longer authenticates"
        );
        let e = token::revoke(db, &sys(), t).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke twice: {e:?}"
        );
        let e = token::revoke(db, &sys(), TokenId(Uuid::now_v7())).await;
        assert!(
            matches!(e, Err(StoreError::NotFound)),
            "[{name}] revoke unknown: {e:?}"
        );
        assert_eq!(
            head_seq(db).await,
            seq,
            "[{name}] failed revokes not audited"
        );
    }
}

#[tokio::test]
async fn audit_list_filters_totals_and_order() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let nip_actor = Actor(nip(7).as_str().to_owned());
        let tick = || tokio::time::sleep(Duration::from_millis(5));
        let r = Region {
            kode: "63.10".into(),
            nama: "Kabupaten Tanah Bumbu".into(),
            tingkat: TingkatDaerah::Kabupaten,
            domain: None,
            profil: None,
        };
        region::set(db, &sys(), &r).await.unwrap(); // 1
        let a = pd::create(
            db,
            &sys(),
            &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap(); // 2
        tick().await;
        let t1 = time_text::now();
        tick().await;
        let bb = pd::create(
            db,
            &nip_actor,
            &new_pd("PD-B", "PD B", None, JenisPd::Badan, None),
            false,
        )
        .await
        .unwrap(); // 3
        pegawai::create(db, &nip_actor, &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap(); // 4
        tick().await;
        let t2 = time_text::now();
        tick().await;
        pd::update(
            db,
            &sys(),
            bb.id,
            &new_pd("PD-B", "PD B baru", None, JenisPd::Badan, None),
        )
        .await
        .unwrap(); // 5

        let list = |f: AuditFilter, limit, offset| async move {
            audit::list(db, &f, limit, offset).await.unwrap()
        };
        let all = list(AuditFilter::default(), 100, 0).await;
        assert_eq!(
            (seqs(&all), all.total),
            (vec![5, 4, 3, 2, 1], 5),
            "[{name}] newest first"
        );
        let actions: Vec<_> = all
            .entries
            .iter()
            .map(|e| e.fields.action.as_str())
            .collect();
        assert_eq!(
            actions,
            [
                "pd.diubah",
                "pegawai.dibuat",
                "pd.dibuat",
                "pd.dibuat",
                "wilayah.diatur"
            ],
            "[{name}] actions"
        );
        for w in all.entries.windows(2) {
            assert_eq!(
                w[0].prev_hash, w[1].hash,
                "[{name}] entry {} links to {}",
                w[0].fields.seq, w[1].fields.seq
            );
        }
        let page = list(AuditFilter::default(), 2, 1).await;
        assert_eq!((seqs(&page), page.total), (vec![4, 3], 5), "[{name}] page");

        let f = |entity: Option<&str>, actor: Option<&str>| AuditFilter {
            entity: entity.map(str::to_owned),
            actor: actor.map(str::to_owned),
            ..AuditFilter::default()
        };
        let p = list(f(Some("pd"), None), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 3, 2], 3),
            "[{name}] entity pd"
        );
        let p = list(f(Some("pd"), None), 1, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5], 3),
            "[{name}] entity pd, total beyond the page"
        );
        let p = list(f(Some("pegawai"), None), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4], 1), "[{name}] entity pegawai");
        let p = list(f(None, Some(nip_actor.0.as_str())), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4, 3], 2), "[{name}] actor nip");
        let p = list(f(None, Some("sistem")), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 2, 1], 3),
            "[{name}] actor sistem"
        );
        let p = list(f(Some("pd"), Some("sistem")), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 2], 2),
            "[{name}] entity and actor"
        );

        let pds = |v: Vec<String>| AuditFilter {
            pds: Some(v),
            ..AuditFilter::default()
        };
        let p = list(pds(vec![a.id.to_string()]), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4, 2], 2), "[{name}] pd A");
        let p = list(pds(vec![a.id.to_string(), bb.id.to_string()]), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 4, 3, 2], 4),
            "[{name}] pd A and B"
        );
        let p = list(pds(vec![]), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![], 0), "[{name}] no PDs");

        let span = |from: Option<&str>, until: Option<&str>| AuditFilter {
            from: from.map(str::to_owned),
            until: until.map(str::to_owned),
            ..AuditFilter::default()
        };
        let p = list(span(Some(&t1), None), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![5, 4, 3], 3), "[{name}] from");
        let p = list(span(None, Some(&t1)), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![2, 1], 2), "[{name}] until");
        let p = list(span(Some(&t1), Some(&t2)), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![4, 3], 2),
            "[{name}] from and until"
        );
        let p = list(
            AuditFilter {
                entity: Some("pd".into()),
                ..span(Some(&t1), None)
            },
            100,
            0,
        )
        .await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 3], 2),
            "[{name}] entity and from"
        );

        assert_eq!(
            audit::entities(db).await.unwrap(),
            ["pd", "pegawai", "wilayah"],
            "[{name}] entities"
        );
        assert!(
            matches!(audit::verify(db).await.unwrap(), Verification::Intact(5)),
            "[{name}] intact"
        );
    }
}
