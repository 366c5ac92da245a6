//! The self-evaluation in real Chromium without JavaScript: the Dinas fills in the last
//! open indicator of a pemdi-2026 period (level, justification, evidence for each level),
//! consolidates it, the coordinator submits the period, the internal assessor sends one
//! item back, the PD withdraws and replaces it, the assessor accepts the evidence, and the approved result shows its index on the period page and the
//! dashboard's radar. The other nineteen indicators are prepared through the store, as
//! their PDs would have done. Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod common;

use browser_support::{Browser, Js};
use common::*;
use simpul_domain::evaluation::StatusBukti;
use simpul_domain::evaluation::alur::StatusIndikator;
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti};
use simpul_store::evaluasi::bukti::{self, ItemBaru};
use simpul_store::evaluasi::indikator::{self, Isian};
use simpul_store::evaluasi::{asesor, periode, pj};
use simpul_store::{Actor, pd, pegawai};

#[tokio::test]
async fn an_assessor_takes_a_period_from_draft_to_approved_result() {
    let app = spawn_app().await;
    let db = &app.db;
    let sys = Actor::sistem();
    let pds = pd::list(db, &pd::PdFilter::default()).await.unwrap();
    let dinas = pds.iter().find(|p| p.pengelola_spbe).unwrap();
    let me = pegawai::by_nip(db, SUPER_ADMIN).await.unwrap();
    let nomor: Vec<u32> = (1..=20).collect();
    let p = periode::create(db, &sys, 2027, "pemdi-2026", &nomor)
        .await
        .unwrap();
    asesor::set(db, &sys, p.id, me.id, &[dinas.id])
        .await
        .unwrap();
    for n in &nomor {
        pj::set(db, &sys, p.id, *n, &[(dinas.id, true)])
            .await
            .unwrap();
    }
    // Indicators 2..=20 as their PDs left them: level 3 (external ones a value), one
    // link per level, consolidated.
    for n in 2..=20u32 {
        let external = [5, 6, 7, 10].contains(&n);
        let isian = if external {
            Isian {
                nilai_eksternal: Some(300),
                sumber_eksternal: Some("Indeks instansi pembina".into()),
                tanggal_sumber: Some("2027-09-30".into()),
                ..Isian::default()
            }
        } else {
            Isian {
                level: Some(3),
                justifikasi: Some("Disiapkan oleh PD.".into()),
                ..Isian::default()
            }
        };
        indikator::isi(db, &sys, p.id, n, None, &isian)
            .await
            .unwrap();
        if !external {
            for level in 1..=3 {
                let isi = BuktiBaru::parse(
                    JenisBukti::Tautan,
                    &format!("Bukti {n}.{level}"),
                    Some(&format!("https://tanahbumbukab.go.id/spbe/{n}/{level}")),
                )
                .unwrap();
                let item = ItemBaru {
                    jenis: JenisBukti::Tautan,
                    isi: &isi,
                    rujukan: None,
                    pd: Some(dinas.id),
                    berkas: None,
                };
                bukti::lampirkan_baru(db, &sys, p.id, n, level, &item)
                    .await
                    .unwrap();
            }
        }
        indikator::set_status(
            db,
            &sys,
            p.id,
            n,
            StatusIndikator::Draf,
            StatusIndikator::Dikonsolidasi,
        )
        .await
        .unwrap();
    }

    let Some(b) = Browser::start(&app.base, Js::Off).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;
    let period = format!("/evaluasi/periode/{}", p.id);
    let first = format!("{period}/indikator/1");

    // The Dinas fills in indicator 1 and attaches a link for each level it claims.
    b.goto(&first).await;
    b.wait_text("h1", "Tata Kelola").await;
    b.select_label("form[action$='/isi'] select[name=level]", "2 — Membangun")
        .await;
    b.fill(
        "#f-justifikasi",
        "Perbup tata kelola ditetapkan; pedoman disusun.",
    )
    .await;
    b.click("form[action$='/isi'] button[type=submit]").await;
    b.wait_text("main", "Perbup tata kelola ditetapkan").await;
    for (level, label) in [(1, "1 — Merintis"), (2, "2 — Membangun")] {
        b.goto(&first).await;
        b.select_label("#lv-tautan", label).await;
        b.fill("#j-tautan", &format!("Perbup tata kelola, level {level}"))
            .await;
        b.fill(
            "#u-tautan",
            &format!("https://jdih.tanahbumbukab.go.id/{level}"),
        )
        .await;
        b.click("form:has(#u-tautan) button[type=submit]").await;
        b.wait_text("main", &format!("Perbup tata kelola, level {level}"))
            .await;
    }
    b.goto(&first).await;
    b.click("form[action$='/konsolidasi'] button").await;
    b.wait_text("main", "Dikonsolidasi").await;
    b.screenshot("evaluation-indicator-consolidated").await;

    // The coordinator submits the period.
    b.goto(&period).await;
    b.click("form[action$='/ajukan'] button").await;
    b.wait_text("main", "Diajukan").await;

    // Assessors accept the others' evidence (as their teams would); this assessor
    // reviews indicator 1 in the browser.
    for l in bukti::of_periode(db, p.id).await.unwrap() {
        if l.nomor != 1 {
            bukti::nilai(db, &sys, l.id, StatusBukti::Diterima, None)
                .await
                .unwrap();
        }
    }
    let mine: Vec<_> = bukti::of_periode(db, p.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.nomor == 1)
        .collect();
    assert_eq!(
        mine.len(),
        2,
        "one link per claimed level, attached in the browser"
    );
    // Level 2's link is sent back; the PD withdraws it and attaches a replacement.
    let review = |id: String| format!("form[action$='/lampiran/{id}/nilai']");
    let level2 = mine.iter().find(|l| l.level == 2).unwrap();
    b.goto(&first).await;
    b.select_label(
        &format!("{} select[name=status]", review(level2.id.to_string())),
        "Perlu revisi",
    )
    .await;
    b.fill(
        &format!("{} input[name=komentar]", review(level2.id.to_string())),
        "Lampirkan naskah yang sudah diundangkan.",
    )
    .await;
    b.click(&format!(
        "{} button[type=submit]",
        review(level2.id.to_string())
    ))
    .await;
    b.wait_text("main", "Lampirkan naskah yang sudah diundangkan.")
        .await;
    b.click(&format!(
        "form[action$='/lampiran/{}/tarik'] button",
        level2.id
    ))
    .await;
    b.wait_text("main", "ditarik").await;
    b.select_label("#lv-tautan", "2 — Membangun").await;
    b.fill("#j-tautan", "Perbup tata kelola (diundangkan)")
        .await;
    b.fill(
        "#u-tautan",
        "https://jdih.tanahbumbukab.go.id/perbup-12-2027",
    )
    .await;
    b.click("form:has(#u-tautan) button[type=submit]").await;
    b.wait_text("main", "Perbup tata kelola (diundangkan)")
        .await;
    let mine: Vec<_> = bukti::of_periode(db, p.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.nomor == 1)
        .collect();
    assert_eq!(mine.len(), 2, "the sent-back link replaced");
    for l in &mine {
        let form = review(l.id.to_string());
        b.goto(&first).await;
        b.select_label(&format!("{form} select[name=status]"), "Diterima")
            .await;
        b.click(&format!("{form} button[type=submit]")).await;
        b.wait_css("main").await;
    }
    let pending = bukti::of_periode(db, p.id)
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.status != StatusBukti::Diterima)
        .count();
    assert_eq!(pending, 0, "every item accepted through the pages");
    b.screenshot("evaluation-indicator-reviewed").await;

    // Approval fixes the final levels and the index.
    b.goto(&period).await;
    b.click("form[action$='/setujui'] button").await;
    b.wait_text("main", "Disetujui").await;
    let approved = periode::get(db, p.id).await.unwrap();
    assert!(approved.disetujui.is_some());
    assert_eq!(
        indikator::get(db, p.id, 1).await.unwrap().level_akhir,
        Some(2)
    );
    b.screenshot("evaluation-period-approved").await;

    b.goto(&format!("/evaluasi/dasbor?periode={}", p.id)).await;
    b.wait_css("svg").await;
    b.screenshot("evaluation-dashboard").await;
    b.close().await;
}
