//! Conformance on every backend: planning documents with their period and decree, file
//! versions that are never replaced, reviews with and without a report, one audit entry
//! per change, and the document in force chosen from what is stored.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_one_entry, backends, count, head_seq, sys};
use simpul_domain::berkas::{JenisBerkas, NamaBerkas};
use simpul_domain::ids::DokumenPerencanaanId;
use simpul_domain::plan::{
    JenisDokumenPerencanaan, KebijakanInternal, NewDokumenPerencanaan, NewReviu, PeriodeRencana,
    StatusDokumen, berlaku,
};
use simpul_store::berkas::Unggahan;
use simpul_store::blob::BlobStore;
use simpul_store::perencanaan::{self, BerkasBaru, reviu, versi};
use simpul_store::{Db, StoreError};
use time::macros::date;
use uuid::Uuid;

async fn upload(store: &BlobStore, name: &str, bytes: &[u8]) -> Unggahan {
    Unggahan {
        sha256: store.put(bytes.to_vec()).await.unwrap(),
        ukuran: bytes.len() as i64,
        jenis: JenisBerkas::detect(name, bytes).unwrap(),
        nama: NamaBerkas::parse(name).unwrap(),
    }
}

fn arsitektur(status: StatusDokumen, awal: i32, decree: time::Date) -> NewDokumenPerencanaan {
    NewDokumenPerencanaan {
        jenis: JenisDokumenPerencanaan::Arsitektur,
        judul: format!("Arsitektur SPBE {awal}-{}", awal + 4),
        periode: Some(PeriodeRencana::new(awal, awal + 4).unwrap()),
        nomor_penetapan: Some(format!(
            "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun {}",
            decree.year()
        )),
        tanggal_penetapan: Some(decree),
        status,
    }
}

fn policy() -> NewDokumenPerencanaan {
    NewDokumenPerencanaan {
        jenis: JenisDokumenPerencanaan::Kebijakan(KebijakanInternal::ManajemenData),
        judul: "Pedoman Manajemen Data".into(),
        periode: None,
        nomor_penetapan: None,
        tanggal_penetapan: None,
        status: StatusDokumen::Draf,
    }
}

#[tokio::test]
async fn documents_are_created_changed_and_listed() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let seq = head_seq(db).await;
        let old = perencanaan::create(
            db,
            &sys(),
            &arsitektur(StatusDokumen::Berlaku, 2020, date!(2020 - 03 - 02)),
            None,
        )
        .await
        .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "perencanaan.dibuat",
            "perencanaan",
            Some(&old.id.to_string()),
            None,
        )
        .await;
        assert_eq!(old.periode.map(|p| p.panjang()), Some(5), "[{name}]");
        assert_eq!(old.tanggal_penetapan, Some(date!(2020 - 03 - 02)));
        let draft = perencanaan::create(db, &sys(), &policy(), None)
            .await
            .unwrap();
        assert_eq!(
            (draft.periode, draft.tanggal_penetapan, draft.status),
            (None, None, StatusDokumen::Draf),
            "[{name}] optional values stay empty"
        );
        let new = perencanaan::create(
            db,
            &sys(),
            &arsitektur(StatusDokumen::Draf, 2025, date!(2025 - 01 - 15)),
            None,
        )
        .await
        .unwrap();
        let seq = head_seq(db).await;
        let adopted = perencanaan::update(
            db,
            &sys(),
            new.id,
            &arsitektur(StatusDokumen::Berlaku, 2025, date!(2025 - 01 - 15)),
            None,
        )
        .await
        .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "perencanaan.diubah",
            "perencanaan",
            Some(&new.id.to_string()),
            None,
        )
        .await;
        assert_eq!(adopted.status, StatusDokumen::Berlaku, "[{name}]");
        assert_eq!(adopted.dibuat, new.dibuat, "[{name}] creation time kept");

        let all = perencanaan::list(db).await.unwrap();
        let order: Vec<_> = all.iter().map(|d| d.id).collect();
        assert_eq!(
            order,
            [new.id, old.id, draft.id],
            "[{name}] by kind, latest decree first"
        );
        assert_eq!(
            berlaku(&all, JenisDokumenPerencanaan::Arsitektur).map(|d| d.id),
            Some(new.id),
            "[{name}] the latest adopted is in force"
        );

        let ghost = DokumenPerencanaanId(Uuid::now_v7());
        let seq = head_seq(db).await;
        let err = perencanaan::update(db, &sys(), ghost, &policy(), None).await;
        assert!(matches!(err, Err(StoreError::NotFound)), "[{name}] {err:?}");
        assert_eq!(head_seq(db).await, seq, "[{name}] nothing appended");
    }
}

#[tokio::test]
async fn file_versions_are_never_replaced() {
    let dir = std::env::temp_dir().join(format!("simpul-blob-{}", Uuid::now_v7()));
    let store = BlobStore::open(&dir).unwrap();
    let b = backends().await;
    for (name, db) in b.iter() {
        let u1 = upload(&store, "Arsitektur SPBE.pdf", b"%PDF-1.7 rancangan").await;
        let doc = perencanaan::create(
            db,
            &sys(),
            &arsitektur(StatusDokumen::Draf, 2025, date!(2025 - 01 - 15)),
            Some(BerkasBaru {
                unggahan: &u1,
                catatan: Some("rancangan"),
            }),
        )
        .await
        .unwrap();
        let u2 = upload(&store, "Arsitektur SPBE final.pdf", b"%PDF-1.7 final").await;
        let seq = head_seq(db).await;
        let v2 = versi::add(
            db,
            &sys(),
            doc.id,
            BerkasBaru {
                unggahan: &u2,
                catatan: None,
            },
        )
        .await
        .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "perencanaan.berkas_diunggah",
            "perencanaan",
            Some(&doc.id.to_string()),
            None,
        )
        .await;
        let u3 = upload(
            &store,
            "Arsitektur SPBE ttd.pdf",
            b"%PDF-1.7 ditandatangani",
        )
        .await;
        perencanaan::update(
            db,
            &sys(),
            doc.id,
            &arsitektur(StatusDokumen::Berlaku, 2025, date!(2025 - 01 - 15)),
            Some(BerkasBaru {
                unggahan: &u3,
                catatan: Some("naskah yang ditetapkan"),
            }),
        )
        .await
        .unwrap();
        let all = versi::of_dokumen(db, doc.id).await.unwrap();
        let seen: Vec<_> = all
            .iter()
            .map(|v| (v.versi, v.berkas.sha256.clone(), v.catatan.clone()))
            .collect();
        assert_eq!(
            seen,
            [
                (3, u3.sha256.clone(), Some("naskah yang ditetapkan".into())),
                (2, u2.sha256.clone(), None),
                (1, u1.sha256.clone(), Some("rancangan".into())),
            ],
            "[{name}] newest first, every version kept"
        );
        assert_eq!(
            versi::get(db, v2.id).await.unwrap().berkas.sha256,
            u2.sha256
        );

        // Unknown documents take no file, and nothing is stored.
        let (files, seq) = (count(db, "berkas").await, head_seq(db).await);
        let ghost = DokumenPerencanaanId(Uuid::now_v7());
        let f = BerkasBaru {
            unggahan: &u1,
            catatan: None,
        };
        let err = versi::add(db, &sys(), ghost, f).await;
        assert!(matches!(err, Err(StoreError::NotFound)), "[{name}] {err:?}");
        assert_eq!(
            (count(db, "berkas").await, head_seq(db).await),
            (files, seq),
            "[{name}]"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn reviews_with_and_without_a_report() {
    let dir = std::env::temp_dir().join(format!("simpul-blob-{}", Uuid::now_v7()));
    let store = BlobStore::open(&dir).unwrap();
    let b = backends().await;
    for (name, db) in b.iter() {
        let doc = perencanaan::create(
            db,
            &sys(),
            &arsitektur(StatusDokumen::Berlaku, 2025, date!(2025 - 01 - 15)),
            None,
        )
        .await
        .unwrap();
        let report = upload(&store, "Laporan reviu.pdf", b"%PDF-1.7 laporan").await;
        let seq = head_seq(db).await;
        let mid = reviu::add(
            db,
            &sys(),
            doc.id,
            &NewReviu {
                tanggal: date!(2027 - 06 - 30),
                ringkasan: "Reviu paruh waktu".into(),
            },
            Some(&report),
        )
        .await
        .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "perencanaan.reviu_dicatat",
            "perencanaan",
            Some(&doc.id.to_string()),
            None,
        )
        .await;
        let plain = reviu::add(
            db,
            &sys(),
            doc.id,
            &NewReviu {
                tanggal: date!(2026 - 02 - 01),
                ringkasan: "Rapat tim koordinasi".into(),
            },
            None,
        )
        .await
        .unwrap();
        assert_eq!(mid.reviu.dicatat_oleh, "sistem", "[{name}]");
        assert_eq!(
            mid.berkas.as_ref().map(|f| f.sha256.clone()),
            Some(report.sha256.clone())
        );
        assert!(plain.berkas.is_none(), "[{name}] a review without a file");
        let listed: Vec<_> = reviu::of_dokumen(db, doc.id)
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.reviu.id)
            .collect();
        assert_eq!(
            listed,
            [mid.reviu.id, plain.reviu.id],
            "[{name}] latest first"
        );
        assert_eq!(
            reviu::get(db, plain.reviu.id).await.unwrap().reviu.tanggal,
            date!(2026 - 02 - 01)
        );

        let seq = head_seq(db).await;
        let new = NewReviu {
            tanggal: date!(2026 - 02 - 01),
            ringkasan: "x".into(),
        };
        let ghost = DokumenPerencanaanId(Uuid::now_v7());
        let err = reviu::add(db, &sys(), ghost, &new, None).await;
        assert!(matches!(err, Err(StoreError::NotFound)), "[{name}] {err:?}");
        assert_eq!(head_seq(db).await, seq, "[{name}]");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The schema refuses what the domain would: a half period, one over 20 years, an
/// unknown status.
#[tokio::test]
async fn schema_backs_the_domain_rules() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let id = |db: &Db| match db {
            Db::Sqlite(_) => "X'00'".to_owned(),
            Db::Postgres(_) => format!("'{}'", Uuid::now_v7()),
        };
        for (awal, akhir, status) in [
            ("2025", "NULL", "'draf'"),
            ("2020", "2049", "'draf'"),
            ("2025", "2029", "'aktif'"),
        ] {
            let sql = format!(
                "INSERT INTO dokumen_perencanaan (id, jenis, judul, periode_awal, periode_akhir, status, dibuat, diubah)
                 VALUES ({}, 'arsitektur', 'x', {awal}, {akhir}, {status}, 'now', 'now')",
                id(db)
            );
            let r = simpul_store::exec_db!(db, p => sqlx::query(&sql).execute(p).await);
            assert!(
                r.is_err(),
                "[{name}] {awal}-{akhir} {status} must be refused"
            );
        }
        assert_eq!(count(db, "dokumen_perencanaan").await, 0, "[{name}]");
    }
}
