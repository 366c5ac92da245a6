//! Conformance on every backend: an evaluation period from opening to approval, with
//! responsible PDs, answers, evidence items reused across periods, verdicts, the
//! assessor team and reworded criteria; refusals that leave the data as it was; one
//! audit entry per change.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_one_entry, backends, count, head_seq, pd_a, staff, sys};
use simpul_domain::berkas::{JenisBerkas, NamaBerkas};
use simpul_domain::evaluation::StatusBukti;
use simpul_domain::evaluation::alur::{StatusIndikator, StatusPeriode};
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti};
use simpul_store::StoreError;
use simpul_store::berkas::Unggahan;
use simpul_store::blob::BlobStore;
use simpul_store::evaluasi::bukti::ItemBaru;
use simpul_store::evaluasi::indikator::Isian;
use simpul_store::evaluasi::{asesor, bukti, indikator, kriteria, periode, pj};

#[tokio::test]
async fn a_period_moves_from_opening_to_approval() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let pd = pd_a(db).await;
        let seq = head_seq(db).await;
        let p = periode::create(db, &sys(), 2026, "pemdi-2026", &[1, 2, 3])
            .await
            .unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "evaluasi.periode_dibuka",
            "evaluasi",
            Some(&p.id.to_string()),
            None,
        )
        .await;
        assert_eq!(p.status, StatusPeriode::Pengisian, "[{name}]");
        assert_eq!(indikator::of_periode(db, p.id).await.unwrap().len(), 3);
        // The same year and model again is refused, and nothing is added.
        assert!(matches!(
            periode::create(db, &sys(), 2026, "pemdi-2026", &[1]).await,
            Err(StoreError::Conflict("tahun"))
        ));
        assert_eq!(count(db, "evaluasi_periode").await, 1, "[{name}]");
        assert_eq!(head_seq(db).await, seq, "[{name}] refusal appends nothing");

        pj::set(db, &sys(), p.id, 2, &[(pd.id, true)])
            .await
            .unwrap();
        assert_eq!(pj::of_periode(db, p.id).await.unwrap()[0].nomor, 2);

        let isian = Isian {
            level: Some(3),
            justifikasi: Some("Perbup ditetapkan dan direviu.".into()),
            ..Isian::default()
        };
        indikator::isi(db, &sys(), p.id, 2, Some(pd.id.to_string()), &isian)
            .await
            .unwrap();
        let i = indikator::get(db, p.id, 2).await.unwrap();
        assert_eq!(i.level, Some(3), "[{name}]");
        indikator::set_status(
            db,
            &sys(),
            p.id,
            2,
            StatusIndikator::Draf,
            StatusIndikator::Dikonsolidasi,
        )
        .await
        .unwrap();
        // A consolidated indicator cannot be changed, and its answer stays.
        let other = Isian {
            level: Some(5),
            ..Isian::default()
        };
        assert!(matches!(
            indikator::isi(db, &sys(), p.id, 2, None, &other).await,
            Err(StoreError::Conflict("status"))
        ));
        assert_eq!(indikator::get(db, p.id, 2).await.unwrap().level, Some(3));

        periode::ajukan(db, &sys(), p.id).await.unwrap();
        assert!(matches!(
            periode::ajukan(db, &sys(), p.id).await,
            Err(StoreError::Conflict("status"))
        ));
        periode::setujui(db, &sys(), p.id, &[(2, 3)], "1,40")
            .await
            .unwrap();
        let p = periode::get(db, p.id).await.unwrap();
        assert_eq!(p.status, StatusPeriode::Disetujui, "[{name}]");
        assert!(p.disetujui.is_some());
        assert_eq!(
            indikator::get(db, p.id, 2).await.unwrap().level_akhir,
            Some(3)
        );
        indikator::set_nasional(db, &sys(), p.id, &[(2, Some(300)), (1, Some(250))])
            .await
            .unwrap();
        assert_eq!(
            indikator::get(db, p.id, 1).await.unwrap().nasional,
            Some(250)
        );
    }
}

#[tokio::test]
async fn evidence_is_attached_reused_and_reviewed() {
    let b = backends().await;
    let dir = std::env::temp_dir().join(format!("simpul-blob-{}", uuid::Uuid::now_v7()));
    let store = BlobStore::open(&dir).unwrap();
    for (name, db) in b.iter() {
        let pd = pd_a(db).await;
        let old = periode::create(db, &sys(), 2025, "spbe-2020", &[11])
            .await
            .unwrap();
        let new = periode::create(db, &sys(), 2026, "pemdi-2026", &[1])
            .await
            .unwrap();
        let bytes = b"%PDF-1.4 perbup arsitektur".to_vec();
        let file = Unggahan {
            sha256: store.put(bytes.clone()).await.unwrap(),
            ukuran: bytes.len() as i64,
            jenis: JenisBerkas::detect("perbup.pdf", &bytes).unwrap(),
            nama: NamaBerkas::parse("perbup.pdf").unwrap(),
        };
        let isi = BuktiBaru::parse(JenisBukti::Berkas, "Perbup Arsitektur SPBE", None).unwrap();
        let seq = head_seq(db).await;
        let l1 = bukti::lampirkan_baru(
            db,
            &sys(),
            old.id,
            11,
            1,
            &ItemBaru {
                jenis: JenisBukti::Berkas,
                isi: &isi,
                rujukan: None,
                pd: Some(pd.id),
                berkas: Some(&file),
            },
        )
        .await
        .unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "evaluasi.bukti_dilampirkan",
            "evaluasi",
            Some(&old.id.to_string()),
            Some(&pd.id.to_string()),
        )
        .await;
        let first = bukti::lampiran_get(db, l1).await.unwrap();
        assert_eq!(first.status, StatusBukti::BelumDinilai, "[{name}]");
        let berkas = first.bukti.berkas.as_ref().expect("file kept");
        assert_eq!(berkas.sha256, file.sha256, "[{name}]");

        // The same item supports an indicator of the other model, without a copy.
        bukti::lampirkan(db, &sys(), new.id, 1, 2, first.bukti.id)
            .await
            .unwrap();
        assert_eq!(count(db, "bukti_dukung").await, 1, "[{name}]");
        assert_eq!(bukti::of_pd(db, pd.id).await.unwrap().len(), 1);
        // Attaching it twice to the same level is refused, nothing added.
        let seq2 = head_seq(db).await;
        assert!(matches!(
            bukti::lampirkan(db, &sys(), new.id, 1, 2, first.bukti.id).await,
            Err(StoreError::Conflict("bukti"))
        ));
        assert_eq!(head_seq(db).await, seq2, "[{name}]");
        assert_eq!(count(db, "evaluasi_bukti").await, 2, "[{name}]");

        // A link, then verdicts.
        let link = BuktiBaru::parse(
            JenisBukti::Tautan,
            "Portal layanan",
            Some("https://layanan.tanahbumbukab.go.id"),
        )
        .unwrap();
        let l2 = bukti::lampirkan_baru(
            db,
            &sys(),
            old.id,
            11,
            2,
            &ItemBaru {
                jenis: JenisBukti::Tautan,
                isi: &link,
                rujukan: None,
                pd: Some(pd.id),
                berkas: None,
            },
        )
        .await
        .unwrap();
        let _ = seq;
        let seq = head_seq(db).await;
        bukti::nilai(db, &sys(), l1, StatusBukti::Diterima, None)
            .await
            .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "evaluasi.bukti_dinilai",
            "evaluasi",
            Some(&old.id.to_string()),
            Some(&pd.id.to_string()),
        )
        .await;
        bukti::nilai(
            db,
            &sys(),
            l2,
            StatusBukti::Revisi,
            Some("Tangkapan layar kurang"),
        )
        .await
        .unwrap();
        let all = bukti::of_periode(db, old.id).await.unwrap();
        let statuses: Vec<_> = all.iter().map(|l| (l.level, l.status)).collect();
        assert_eq!(
            statuses,
            [(1, StatusBukti::Diterima), (2, StatusBukti::Revisi)],
            "[{name}]"
        );
        assert_eq!(all[1].komentar.as_deref(), Some("Tangkapan layar kurang"));
        assert_eq!(
            all[1].bukti.url.as_deref(),
            Some("https://layanan.tanahbumbukab.go.id")
        );
        // An accepted attachment cannot be withdrawn; one sent back can, and the item
        // stays for its other uses.
        assert!(matches!(
            bukti::tarik(db, &sys(), l1).await,
            Err(StoreError::Conflict("status"))
        ));
        let seq = head_seq(db).await;
        bukti::tarik(db, &sys(), l2).await.unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "evaluasi.bukti_ditarik",
            "evaluasi",
            Some(&old.id.to_string()),
            Some(&pd.id.to_string()),
        )
        .await;
        assert_eq!(bukti::of_periode(db, old.id).await.unwrap().len(), 1);
        assert_eq!(count(db, "bukti_dukung").await, 2, "[{name}] items stay");
        // The other period's attachment keeps its own verdict.
        assert_eq!(
            bukti::of_periode(db, new.id).await.unwrap()[0].status,
            StatusBukti::BelumDinilai
        );
    }
}

#[tokio::test]
async fn assessor_team_and_reworded_criteria() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let pd = pd_a(db).await;
        let asesor_ = staff(db, 7, "Asesor Satu", pd.id).await;
        let p = periode::create(db, &sys(), 2026, "pemdi-2026", &[1])
            .await
            .unwrap();
        asesor::set(db, &sys(), p.id, asesor_.id, &[pd.id])
            .await
            .unwrap();
        assert_eq!(
            asesor::tim(db, p.id, asesor_.id).await.unwrap(),
            [pd.id],
            "[{name}]"
        );
        asesor::set(db, &sys(), p.id, asesor_.id, &[])
            .await
            .unwrap();
        assert!(asesor::tim(db, p.id, asesor_.id).await.unwrap().is_empty());

        kriteria::set(db, &sys(), "pemdi-2026", 1, 3, Some("Teks resmi level 3."))
            .await
            .unwrap();
        kriteria::set(
            db,
            &sys(),
            "pemdi-2026",
            1,
            3,
            Some("Teks resmi, diperbaiki."),
        )
        .await
        .unwrap();
        let k = kriteria::of_model(db, "pemdi-2026").await.unwrap();
        assert_eq!(k.len(), 1, "[{name}]");
        assert_eq!(k[0].teks, "Teks resmi, diperbaiki.");
        kriteria::set(db, &sys(), "pemdi-2026", 1, 3, None)
            .await
            .unwrap();
        assert!(
            kriteria::of_model(db, "pemdi-2026")
                .await
                .unwrap()
                .is_empty()
        );
    }
}
