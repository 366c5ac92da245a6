//! The demo's self-evaluations: three approved years on spbe-2020 whose index comes from
//! the assessors' verdicts, evidence reused across years and models, a 2026 pemdi-2026
//! period in progress; each region's picture differs; loading twice adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use common::{TODAY, count, sqlite_only};
use simpul_domain::evaluation::alur::{StatusIndikator, StatusPeriode};
use simpul_domain::evaluation::{Level, Nilai, hitung, shipped_models};
use simpul_store::evaluasi::{asesor, bukti, indikator, periode};
use simpul_store::{Db, demo, demo_evaluasi};

const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

/// The approved indices of `region`'s demo, oldest first, checked along the way.
async fn indices(db: &Db, region: &str) -> Vec<String> {
    demo::load(db, region, HASH, TODAY).await.unwrap();
    let added = demo_evaluasi::load(db).await.unwrap();
    assert_eq!(added.periode, 4, "{region}");
    assert_eq!(
        demo_evaluasi::load(db).await.unwrap().periode,
        0,
        "{region}: twice"
    );
    let models = shipped_models().unwrap();
    let lama = models.iter().find(|m| m.kode() == "spbe-2020").unwrap();
    let mut out = Vec::new();
    let mut periods = periode::list(db).await.unwrap();
    periods.reverse();
    for p in &periods {
        let rows = indikator::of_periode(db, p.id).await.unwrap();
        if p.model != "spbe-2020" {
            assert_eq!(
                p.status,
                StatusPeriode::Pengisian,
                "{region} 2026 in progress"
            );
            assert!(
                rows.iter()
                    .any(|r| r.status == StatusIndikator::Dikonsolidasi)
            );
            assert!(
                rows.iter()
                    .any(|r| r.level.is_none() && r.nilai_eksternal.is_none())
            );
            assert!(
                rows.iter().any(|r| r.nilai_eksternal.is_some()),
                "external values"
            );
            continue;
        }
        assert_eq!(p.status, StatusPeriode::Disetujui, "{region} {}", p.tahun);
        assert_eq!(rows.len(), 47);
        // Final levels never exceed the claim, and some fall below it (a revised item).
        assert!(rows.iter().all(|r| r.level_akhir <= r.level));
        let values: BTreeMap<u32, Nilai> = rows
            .iter()
            .map(|r| {
                (
                    r.nomor,
                    Nilai::Level(Level::new(r.level_akhir.unwrap()).unwrap()),
                )
            })
            .collect();
        out.push(hitung(lama, &values).indeks.desimal());
        assert!(!asesor::of_periode(db, p.id).await.unwrap().is_empty());
    }
    let revised = bukti::of_periode(db, periods[0].id)
        .await
        .unwrap()
        .iter()
        .filter(|l| l.komentar.is_some())
        .count();
    assert!(revised > 0, "{region}: some evidence sent back");
    // Items are reused: far fewer items than attachments.
    assert!(count(db, "bukti_dukung").await * 2 < count(db, "evaluasi_bukti").await);
    out
}

#[tokio::test]
async fn demo_regions_have_a_rising_history_and_a_period_in_progress() {
    let a = sqlite_only().await;
    let (_, db) = a.iter().next().unwrap();
    let tanbu = indices(db, "tanah-bumbu").await;
    assert_eq!(tanbu.len(), 3);
    let mut sorted = tanbu.clone();
    sorted.sort();
    assert_eq!(
        sorted, tanbu,
        "the index does not fall year on year: {tanbu:?}"
    );
    let b = sqlite_only().await;
    let (_, db) = b.iter().next().unwrap();
    let pasuruan = indices(db, "pasuruan").await;
    assert_ne!(tanbu, pasuruan, "regions differ");
}
