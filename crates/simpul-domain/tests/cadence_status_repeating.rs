//! Statuses on chosen dates for the repeating cadences the seed regulations write (every N
//! years, yearly, N times a year), with the month-end and leap-year deadlines an official
//! would check by hand.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use simpul_domain::compliance::{AlasanTidakBerlaku, Cadence, Konteks, Penilaian, Riwayat, Status};
use time::Date;
use time::macros::date;

use Status::{BelumPernah, SegeraJatuhTempo as Segera, Terlambat, Terpenuhi};

/// Evaluation with a 30-day due-soon window.
fn eval(cadence: &str, konteks: Konteks, done: &[Date], events: &[Date], as_of: Date) -> Penilaian {
    let riwayat = Riwayat {
        pemenuhan: done,
        peristiwa: events,
    };
    Cadence::parse(cadence)
        .unwrap()
        .evaluate(&konteks, riwayat, as_of, 30)
}

fn from(start: Date) -> Konteks {
    Konteks {
        berlaku_sejak: start,
        periode: None,
    }
}

/// Status and the deadline it is about.
fn check(p: Penilaian) -> (Status, Option<Date>) {
    (p.status, p.jatuh_tempo)
}

#[test]
fn every_two_years_is_a_rolling_interval() {
    // 000 Pasal 40(1): audit Infrastruktur SPBE paling sedikit 1 kali dalam 2 tahun.
    let c = "setiap 2 tahun";
    let k = from(date!(2021 - 06 - 01));
    let first = Some(date!(2023 - 06 - 01));
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2022 - 01 - 01))),
        (BelumPernah, first)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2023 - 05 - 10))),
        (Segera, first)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2023 - 06 - 01))),
        (Segera, first)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2023 - 06 - 02))),
        (Terlambat, first)
    );
    let done = [date!(2022 - 03 - 15)];
    let next = Some(date!(2024 - 03 - 15));
    assert_eq!(
        check(eval(c, k, &done, &[], date!(2024 - 01 - 01))),
        (Terpenuhi, next)
    );
    assert_eq!(
        check(eval(c, k, &done, &[], date!(2024 - 03 - 16))),
        (Terlambat, next)
    );
    // A late audit repairs the standing and restarts the interval.
    let late = [date!(2022 - 03 - 15), date!(2024 - 04 - 01)];
    let p = eval(c, k, &late, &[], date!(2024 - 05 - 01));
    assert_eq!(check(p), (Terpenuhi, Some(date!(2026 - 04 - 01))));
    assert_eq!(p.terakhir, Some(date!(2024 - 04 - 01)));
    // Before the start, and fulfilments outside start..=as_of, do not count.
    let outside = [date!(2021 - 01 - 01), date!(2030 - 01 - 01)];
    assert_eq!(
        eval(c, k, &outside, &[], date!(2022 - 01 - 01)).status,
        BelumPernah
    );
    assert_eq!(
        eval(c, k, &[], &[], date!(2021 - 05 - 31)).status,
        Status::TidakBerlaku(AlasanTidakBerlaku::BelumBerlaku)
    );
}

#[test]
fn rolling_deadlines_clamp_to_month_ends_and_leap_days() {
    let k = from(date!(2020 - 01 - 01));
    let leap = [date!(2024 - 02 - 29)];
    let due = Some(date!(2025 - 02 - 28));
    assert_eq!(
        eval("setiap 12 bulan", k, &leap, &[], date!(2025 - 02 - 28)).jatuh_tempo,
        due
    );
    assert_eq!(
        eval("setiap 1 tahun", k, &leap, &[], date!(2025 - 02 - 28)).status,
        Segera
    );
    assert_eq!(
        eval("setiap 1 tahun", k, &leap, &[], date!(2025 - 03 - 01)).status,
        Terlambat
    );
    let p = eval("setiap 4 tahun", k, &leap, &[], date!(2025 - 01 - 01));
    assert_eq!(p.jatuh_tempo, Some(date!(2028 - 02 - 29)));
    let jan31 = [date!(2024 - 01 - 31)];
    let p = eval("setiap 1 bulan", k, &jan31, &[], date!(2024 - 02 - 01));
    assert_eq!(check(p), (Segera, Some(date!(2024 - 02 - 29))));
    let p = eval(
        "setiap 1 bulan",
        k,
        &[date!(2025 - 01 - 31)],
        &[],
        date!(2025 - 03 - 01),
    );
    assert_eq!(check(p), (Terlambat, Some(date!(2025 - 02 - 28))));
    let p = eval(
        "setiap 3 bulan",
        k,
        &[date!(2026 - 11 - 30)],
        &[],
        date!(2027 - 01 - 01),
    );
    assert_eq!(p.jatuh_tempo, Some(date!(2027 - 02 - 28)));
}

#[test]
fn yearly_counts_per_calendar_year() {
    // 000 Pasal 41(3): audit Aplikasi Khusus paling sedikit 1 kali dalam setahun.
    let k = from(date!(2022 - 01 - 01));
    let end22 = Some(date!(2022 - 12 - 31));
    assert_eq!(
        check(eval("tahunan", k, &[], &[], date!(2022 - 06 - 01))),
        (BelumPernah, end22)
    );
    assert_eq!(
        check(eval("tahunan", k, &[], &[], date!(2022 - 12 - 15))),
        (Segera, end22)
    );
    assert_eq!(
        check(eval("tahunan", k, &[], &[], date!(2023 - 01 - 01))),
        (Terlambat, end22)
    );
    let done = [date!(2022 - 03 - 01)];
    let p = eval("tahunan", k, &done, &[], date!(2023 - 01 - 05));
    assert_eq!(check(p), (Terpenuhi, Some(date!(2023 - 12 - 31))));
    assert_eq!(
        (p.kemajuan.unwrap().selesai, p.kemajuan.unwrap().wajib),
        (0, 1)
    );
    let p = eval("tahunan", k, &done, &[], date!(2024 - 01 - 01));
    assert_eq!(check(p), (Terlambat, Some(date!(2023 - 12 - 31))));
    // A year met forgives the missed year before it.
    let later = [date!(2022 - 03 - 01), date!(2024 - 02 - 01)];
    let p = eval("tahunan", k, &later, &[], date!(2024 - 03 - 01));
    assert_eq!(check(p), (Terpenuhi, Some(date!(2025 - 12 - 31))));
}

#[test]
fn a_year_begun_part_way_is_not_yet_required() {
    // Registered on 20 November: the first year that must have an audit is the next one.
    let k = from(date!(2021 - 11 - 20));
    let p = eval("tahunan", k, &[], &[], date!(2021 - 12 - 31));
    assert_eq!(check(p), (BelumPernah, Some(date!(2022 - 12 - 31))));
    let p = eval(
        "tahunan",
        k,
        &[date!(2021 - 12 - 01)],
        &[],
        date!(2022 - 01 - 10),
    );
    assert_eq!(check(p), (Terpenuhi, Some(date!(2022 - 12 - 31))));
    let p = eval("tahunan", k, &[], &[], date!(2023 - 01 - 01));
    assert_eq!(check(p), (Terlambat, Some(date!(2022 - 12 - 31))));
}

#[test]
fn twice_a_year_needs_two_in_the_same_calendar_year() {
    // 003 Pasal 9(11): proses bisnis direview minimal 2 kali dalam setahun.
    let c = "minimal 2 kali setahun";
    let k = from(date!(2022 - 01 - 01));
    let one = [date!(2022 - 03 - 01)];
    let p = eval(c, k, &one, &[], date!(2022 - 07 - 01));
    assert_eq!(check(p), (Terpenuhi, Some(date!(2022 - 12 - 31))));
    let kemajuan = p.kemajuan.unwrap();
    assert_eq!(
        (kemajuan.tahun, kemajuan.selesai, kemajuan.wajib),
        (2022, 1, 2)
    );
    assert_eq!(eval(c, k, &one, &[], date!(2022 - 12 - 20)).status, Segera);
    assert_eq!(
        eval(c, k, &one, &[], date!(2023 - 01 - 02)).status,
        Terlambat
    );
    // One in December and one in January are two years with one each, not one with two.
    let split = [date!(2022 - 12 - 20), date!(2023 - 01 - 10)];
    assert_eq!(
        eval(c, k, &split, &[], date!(2023 - 02 - 01)).status,
        Terlambat
    );
    let two = [date!(2022 - 03 - 01), date!(2022 - 09 - 01)];
    let p = eval(c, k, &two, &[], date!(2023 - 01 - 02));
    assert_eq!(check(p), (Terpenuhi, Some(date!(2023 - 12 - 31))));
}
