//! Conformance on every backend: PD create, get, by_kode, list, update, archive, restore.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use common::{assert_one_entry, backends, head_seq, new_pd, sys};
use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_store::audit::{self, Verification};
use simpul_store::pd::PdFilter;
use simpul_store::{StoreError, pd};
use uuid::Uuid;

fn kodes(list: &[simpul_domain::org::PerangkatDaerah]) -> Vec<&str> {
    list.iter().map(|p| p.kode.as_str()).collect()
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
