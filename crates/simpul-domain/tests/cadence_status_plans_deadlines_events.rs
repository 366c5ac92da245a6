//! Statuses on chosen dates for the plan-period reviews, transition deadlines and
//! event-driven reports the seed regulations write.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use simpul_domain::compliance::{
    AlasanTidakBerlaku, Cadence, Konteks, Penilaian, Periode, Riwayat, Status,
};
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
fn mid_term_and_final_year_of_the_plan_period() {
    // 001 Pasal 10(1): review Arsitektur SPBE pada paruh waktu dan tahun terakhir.
    let c = "paruh waktu dan tahun terakhir";
    let k = Konteks {
        berlaku_sejak: date!(2021 - 01 - 01),
        periode: Some(Periode::new(2021, 2025).unwrap()),
    };
    let mid = Some(date!(2023 - 12 - 31));
    let fin = Some(date!(2025 - 12 - 31));
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2022 - 06 - 01))),
        (BelumPernah, mid)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2023 - 12 - 15))),
        (Segera, mid)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2024 - 01 - 01))),
        (Terlambat, mid)
    );
    let early = [date!(2022 - 05 - 01)];
    assert_eq!(
        check(eval(c, k, &early, &[], date!(2024 - 01 - 01))),
        (Terlambat, mid)
    );
    let at_mid = [date!(2023 - 05 - 01)];
    assert_eq!(
        check(eval(c, k, &at_mid, &[], date!(2024 - 06 - 01))),
        (Terpenuhi, fin)
    );
    assert_eq!(
        check(eval(c, k, &at_mid, &[], date!(2025 - 12 - 01))),
        (Segera, fin)
    );
    assert_eq!(
        check(eval(c, k, &at_mid, &[], date!(2026 - 01 - 01))),
        (Terlambat, fin)
    );
    let both = [date!(2023 - 05 - 01), date!(2025 - 10 - 01)];
    assert_eq!(
        check(eval(c, k, &both, &[], date!(2026 - 03 - 01))),
        (Terpenuhi, None)
    );
    // The obligation began after the mid-term year: only the final review is owed.
    let late_start = Konteks {
        berlaku_sejak: date!(2024 - 07 - 01),
        ..k
    };
    let p = eval(c, late_start, &[], &[], date!(2024 - 08 - 01));
    assert_eq!(check(p), (BelumPernah, fin));
    let after = Konteks {
        berlaku_sejak: date!(2026 - 02 - 01),
        ..k
    };
    let none = Konteks { periode: None, ..k };
    let tidak = |a| Status::TidakBerlaku(a);
    assert_eq!(
        eval(c, after, &[], &[], date!(2026 - 03 - 01)).status,
        tidak(AlasanTidakBerlaku::PeriodeBerakhir)
    );
    assert_eq!(
        eval(c, none, &[], &[], date!(2023 - 03 - 01)).status,
        tidak(AlasanTidakBerlaku::TanpaPeriode)
    );
    assert_eq!(
        eval(c, k, &[], &[], date!(2020 - 12 - 31)).status,
        tidak(AlasanTidakBerlaku::BelumBerlaku)
    );
}

#[test]
fn transition_deadlines_from_the_regulation_date() {
    // 001 Pasal 55: 2 years from 17 Juni 2022; 004 Pasal 38: 1 year from 1 Juli 2022.
    let k = from(date!(2022 - 01 - 01));
    let c = "dalam 2 tahun sejak 2022-06-17";
    let due = Some(date!(2024 - 06 - 17));
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2023 - 01 - 01))),
        (BelumPernah, due)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2024 - 06 - 17))),
        (Segera, due)
    );
    assert_eq!(
        check(eval(c, k, &[], &[], date!(2024 - 06 - 18))),
        (Terlambat, due)
    );
    let p = eval(c, k, &[date!(2024 - 09 - 01)], &[], date!(2030 - 01 - 01));
    assert_eq!(check(p), (Terpenuhi, None));
    let c = "paling lambat 1 (satu) tahun sejak 2022-07-01";
    assert_eq!(
        eval(c, k, &[], &[], date!(2023 - 07 - 02)).status,
        Terlambat
    );
    // Leap day anchor: a year later is 28 February.
    let p = eval(
        "dalam 1 tahun sejak 2024-02-29",
        k,
        &[],
        &[],
        date!(2024 - 03 - 01),
    );
    assert_eq!(p.jatuh_tempo, Some(date!(2025 - 02 - 28)));
    // Without `sejak` the subject's start anchors the deadline.
    let p = eval(
        "dalam 90 hari",
        from(date!(2026 - 01 - 01)),
        &[],
        &[],
        date!(2026 - 01 - 02),
    );
    assert_eq!(p.jatuh_tempo, Some(date!(2026 - 04 - 01)));
}

#[test]
fn reports_follow_every_event() {
    // 000 Pasal 20(2): PD melaporkan detail perubahan infrastruktur LAN.
    let c = "saat peristiwa: perubahan LAN";
    let k = from(date!(2021 - 01 - 01));
    assert_eq!(
        eval(c, k, &[], &[], date!(2024 - 01 - 01)).status,
        Status::TidakBerlaku(AlasanTidakBerlaku::BelumAdaPeristiwa)
    );
    let ev = [date!(2024 - 03 - 10)];
    let due = Some(date!(2024 - 03 - 10));
    assert_eq!(
        check(eval(c, k, &[], &ev, date!(2024 - 03 - 10))),
        (Segera, due)
    );
    assert_eq!(
        check(eval(c, k, &[], &ev, date!(2024 - 03 - 11))),
        (Terlambat, due)
    );
    let same_day = [date!(2024 - 03 - 10)];
    assert_eq!(
        check(eval(c, k, &same_day, &ev, date!(2024 - 04 - 01))),
        (Terpenuhi, None)
    );
    // The earliest event not yet followed is the one that is late.
    let two = [
        date!(2024 - 05 - 01),
        date!(2024 - 03 - 10),
        date!(2024 - 07 - 01),
    ];
    let before_second = [date!(2024 - 03 - 12)];
    let p = eval(c, k, &before_second, &two, date!(2024 - 08 - 01));
    assert_eq!(check(p), (Terlambat, Some(date!(2024 - 05 - 01))));
    // Changes dated after the evaluation date are not yet known on it.
    let p = eval(c, k, &before_second, &two, date!(2024 - 04 - 30));
    assert_eq!(check(p), (Terpenuhi, None));
    let after_all = [date!(2024 - 07 - 01)];
    assert_eq!(
        eval(c, k, &after_all, &two, date!(2024 - 08 - 01)).status,
        Terpenuhi
    );
    // With grace, and a window shorter than the grace, a fresh event is not yet urgent.
    let g = Cadence::parse("dalam 30 hari setelah peristiwa: perubahan LAN").unwrap();
    let r = Riwayat {
        pemenuhan: &[],
        peristiwa: &ev,
    };
    let p = g.evaluate(&k, r, date!(2024 - 03 - 20), 7);
    assert_eq!(check(p), (BelumPernah, Some(date!(2024 - 04 - 09))));
    assert_eq!(g.evaluate(&k, r, date!(2024 - 04 - 02), 7).status, Segera);
}
