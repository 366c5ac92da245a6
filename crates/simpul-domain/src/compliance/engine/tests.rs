//! The engine on the Tanah Bumbu profile with explicit dates: the acceptance
//! example, automatic evidence, events, missing planning documents, the summaries and
//! the validation of a recorded fulfilment.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use time::Date;
use time::macros::date;
use uuid::Uuid;

use super::*;
use crate::access::Role;
use crate::compliance::profile::{Subjek, shipped};
use crate::compliance::{Periode, Status};
use crate::ids::{ItemId, PdId};
use crate::plan::JenisDokumenPerencanaan;

fn tanah_bumbu() -> Profil {
    Profil::parse("tanah-bumbu.toml", shipped("tanah-bumbu").unwrap()).unwrap()
}

fn subjek(kunci: &str, pd: Option<PdId>, sejak: Date) -> SubjekKepatuhan {
    SubjekKepatuhan {
        kunci: kunci.to_owned(),
        nama: kunci.to_owned(),
        pd,
        sejak,
        periode: None,
        ada: true,
    }
}

fn pemenuhan(kewajiban: &str, kunci: &str, tanggal: Date) -> Pemenuhan {
    Pemenuhan {
        kewajiban: kewajiban.to_owned(),
        kunci: kunci.to_owned(),
        tanggal,
    }
}

fn status_of(rows: &[Baris<'_>], kewajiban: &str, kunci: &str) -> Status {
    rows.iter()
        .find(|b| b.kewajiban.id == kewajiban && b.subjek.kunci == kunci)
        .unwrap_or_else(|| panic!("no row {kewajiban} / {kunci}"))
        .penilaian
        .status
}

/// One Aplikasi Khusus registered in 2022, last audited on `audit`.
fn one_application(audit: Date) -> (String, EngineInput) {
    let app = kunci_item(ItemId(Uuid::nil()));
    let mut input = EngineInput::default();
    input.subjek.insert(
        Subjek::SetiapAplikasiKhusus,
        vec![subjek(&app, None, date!(2022 - 01 - 10))],
    );
    input
        .pemenuhan
        .push(pemenuhan("audit-aplikasi-khusus", &app, audit));
    (app, input)
}

#[test]
fn an_application_audited_13_months_ago_is_late_yearly_but_not_two_yearly() {
    let profil = tanah_bumbu();
    let (app, input) = one_application(date!(2025 - 10 - 01));
    let as_of = date!(2026 - 11 - 01);
    let rows = evaluate(&profil, &input, as_of, SEGERA_HARI);
    let row = rows
        .iter()
        .find(|b| b.kewajiban.id == "audit-aplikasi-khusus")
        .unwrap();
    assert_eq!(row.penilaian.status, Status::Terlambat);
    assert_eq!(row.penilaian.jatuh_tempo, Some(date!(2026 - 10 - 01)));
    assert_eq!(row.kutipan.pasal, "Pasal 41 ayat (3)");
    assert!(
        row.kutipan
            .teks
            .contains("paling sedikit 1 (satu) kali dalam setahun")
    );
    assert_eq!(row.kutipan.sumber, "000_d9a9abf0954d50c7.txt");
    assert_eq!(row.peran, Role::AdminPd);
    assert_eq!(row.penanggung_jawab, "Dinas");

    // Pasuruan writes it "paling sedikit 1 (satu) kali dalam 2 (dua) tahun" (001 Pasal 44(3)).
    let pasuruan = Profil::parse("pasuruan.toml", shipped("pasuruan").unwrap()).unwrap();
    assert_eq!(
        pasuruan.kewajiban("audit-aplikasi-khusus").unwrap().jadwal,
        Cadence::parse("setiap 2 tahun").unwrap()
    );
    let rows = evaluate(&pasuruan, &input, as_of, SEGERA_HARI);
    assert_eq!(
        status_of(&rows, "audit-aplikasi-khusus", &app),
        Status::Terpenuhi
    );
    // The security audit is another obligation: the application audit does not fulfil it.
    assert_eq!(
        status_of(&rows, "audit-keamanan-aplikasi-khusus", &app),
        Status::Terlambat
    );
}

#[test]
fn evidence_older_than_the_record_moves_its_start_back() {
    let profil = tanah_bumbu();
    let (app, mut input) = one_application(date!(2025 - 10 - 01));
    // Typed into Simpul last month, after the audit it was given.
    for s in input.subjek.values_mut().flatten() {
        s.sejak = date!(2026 - 10 - 15);
    }
    let as_of = date!(2026 - 11 - 01);
    let before = evaluate(&profil, &input, as_of, SEGERA_HARI);
    assert_eq!(
        status_of(&before, "audit-aplikasi-khusus", &app),
        Status::BelumPernah
    );
    input.mulai_dari_bukti();
    let after = evaluate(&profil, &input, as_of, SEGERA_HARI);
    assert_eq!(
        status_of(&after, "audit-aplikasi-khusus", &app),
        Status::Terlambat
    );
}

fn one_pd(diagrams: &[Date], changes: &[Date]) -> (String, EngineInput) {
    let pd = PdId(Uuid::nil());
    let k = kunci_pd(pd);
    let mut input = EngineInput::default();
    input.subjek.insert(
        Subjek::SetiapPd,
        vec![subjek(&k, Some(pd), date!(2024 - 03 - 01))],
    );
    for d in diagrams {
        input.bukti.push(BuktiOtomatis {
            bukti: Bukti::DiagramLan,
            kunci: k.clone(),
            tanggal: *d,
        });
    }
    for d in changes {
        input.peristiwa.push(Peristiwa {
            nama: "Perubahan LAN".into(),
            kunci: k.clone(),
            tanggal: *d,
        });
    }
    (k, input)
}

#[test]
fn lan_diagrams_fulfil_the_yearly_submission_and_report_changes() {
    let profil = tanah_bumbu();
    let (pd, input) = one_pd(&[date!(2025 - 05 - 01)], &[]);
    let at = |d: Date, id: &str| status_of(&evaluate(&profil, &input, d, 30), id, &pd);
    assert_eq!(
        at(date!(2026 - 11 - 01), "diagram-lan-tahunan"),
        Status::Terpenuhi
    );
    assert_eq!(
        at(date!(2026 - 12 - 10), "diagram-lan-tahunan"),
        Status::SegeraJatuhTempo
    );
    assert_eq!(
        at(date!(2027 - 01 - 01), "diagram-lan-tahunan"),
        Status::Terlambat
    );
    assert!(matches!(
        at(date!(2026 - 11 - 01), "perubahan-lan"),
        Status::TidakBerlaku(AlasanTidakBerlaku::BelumAdaPeristiwa)
    ));

    // A second version of 2026 is both the change (named in any case) and its report.
    let (pd, input) = one_pd(
        &[date!(2026 - 02 - 01), date!(2026 - 06 - 01)],
        &[date!(2026 - 06 - 01)],
    );
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    assert_eq!(status_of(&rows, "perubahan-lan", &pd), Status::Terpenuhi);
    // A change reported by no upload on or after its day is late from that day.
    let (pd, input) = one_pd(&[date!(2026 - 02 - 01)], &[date!(2026 - 06 - 01)]);
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    assert_eq!(status_of(&rows, "perubahan-lan", &pd), Status::Terlambat);
}

#[test]
fn a_missing_plan_is_counted_as_non_compliance() {
    let mut profil = tanah_bumbu();
    let mut review = profil
        .kewajiban("arsitektur-monev-tahunan")
        .unwrap()
        .clone();
    review.id = "arsitektur-reviu-paruh".into();
    review.jadwal = Cadence::ParuhDanAkhir;
    review.bukti = Bukti::ReviuDokumen;
    profil.kewajiban.push(review);
    let input = EngineInput::default();
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    let key = kunci_dokumen(JenisDokumenPerencanaan::Arsitektur);
    let monev = rows
        .iter()
        .find(|b| b.kewajiban.id == "arsitektur-monev-tahunan")
        .unwrap();
    assert!(!monev.subjek.ada);
    assert_eq!(monev.subjek.kunci, key);
    assert_eq!(monev.subjek.nama, "Arsitektur SPBE");
    // Yearly from the enactment (2021-06-17): the first year owed is 2022.
    assert_eq!(monev.penilaian.status, Status::Terlambat);
    assert_eq!(monev.penilaian.jatuh_tempo, Some(date!(2022 - 12 - 31)));
    assert_eq!(
        status_of(&rows, "arsitektur-reviu-paruh", &key),
        Status::BelumPernah
    );

    // Once adopted for 2022-2026 and reviewed in 2024 (the mid-term year), the final
    // year's review is what is owed next.
    let mut input = EngineInput::default();
    input.subjek.insert(
        Subjek::Dokumen(JenisDokumenPerencanaan::Arsitektur),
        vec![SubjekKepatuhan {
            periode: Some(Periode::new(2022, 2026).unwrap()),
            ..subjek(&key, None, date!(2022 - 02 - 01))
        }],
    );
    input.bukti.push(BuktiOtomatis {
        bukti: Bukti::ReviuDokumen,
        kunci: key.clone(),
        tanggal: date!(2024 - 08 - 01),
    });
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    let r = rows
        .iter()
        .find(|b| b.kewajiban.id == "arsitektur-reviu-paruh")
        .unwrap();
    assert_eq!(r.penilaian.status, Status::Terpenuhi);
    assert_eq!(r.penilaian.jatuh_tempo, Some(date!(2026 - 12 - 31)));
}

#[test]
fn a_plan_adopted_before_the_regulation_counts_as_adopted() {
    let mut profil = tanah_bumbu();
    let mut adopt = profil
        .kewajiban("arsitektur-monev-tahunan")
        .unwrap()
        .clone();
    adopt.id = "rencana-induk-ditetapkan".into();
    adopt.subjek = Subjek::Dokumen(JenisDokumenPerencanaan::RencanaInduk);
    adopt.jadwal = Cadence::parse("dalam 1 tahun sejak 2022-06-17").unwrap();
    adopt.bukti = Bukti::PenetapanDokumen;
    profil.kewajiban = vec![adopt];
    let key = kunci_dokumen(JenisDokumenPerencanaan::RencanaInduk);
    let decree = date!(2020 - 01 - 06);
    let mut input = EngineInput::default();
    input.subjek.insert(
        Subjek::Dokumen(JenisDokumenPerencanaan::RencanaInduk),
        vec![subjek(&key, None, decree)],
    );
    input.bukti.push(BuktiOtomatis {
        bukti: Bukti::PenetapanDokumen,
        kunci: key.clone(),
        tanggal: decree,
    });
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].penilaian.status, Status::Terpenuhi);
    // Never adopted: late one year after 2022-06-17.
    let none = EngineInput::default();
    let rows = evaluate(&profil, &none, date!(2026 - 11 - 01), 30);
    assert_eq!(rows[0].penilaian.status, Status::Terlambat);
    assert_eq!(rows[0].penilaian.jatuh_tempo, Some(date!(2023 - 06 - 17)));
}

#[test]
fn summaries_count_every_row_once() {
    let profil = tanah_bumbu();
    let (_, mut input) = one_pd(&[date!(2025 - 05 - 01)], &[]);
    let (_, apps) = one_application(date!(2025 - 10 - 01));
    input.subjek.extend(apps.subjek);
    input.pemenuhan.extend(apps.pemenuhan);
    let rows = evaluate(&profil, &input, date!(2026 - 11 - 01), 30);
    // 2 obligations on documents, 3 per PD, 3 on the infrastructure (which stands for
    // itself), 2 per application.
    assert_eq!(rows.len(), 2 + 3 + 3 + 2);
    let r = Rekap::dari(&profil, &rows);
    assert_eq!(r.wilayah.total(), rows.len());
    assert_eq!(
        r.per_pd.values().map(Hitungan::total).sum::<usize>(),
        rows.len()
    );
    assert_eq!(
        r.per_pd.get(&Some(PdId(Uuid::nil()))).map(Hitungan::total),
        Some(3)
    );
    let babs: Vec<&str> = r.per_bab.iter().map(|(b, _)| *b).collect();
    assert_eq!(
        babs,
        ["Tata Kelola SPBE", "Infrastruktur SPBE", "Audit TIK"]
    );
    assert_eq!(r.per_kewajiban.len(), profil.kewajiban.len());
    assert_eq!(r.wilayah.jumlah(Status::Terlambat), r.wilayah.terlambat);
}
