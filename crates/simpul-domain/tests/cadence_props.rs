//! Properties of the evaluation over random subjects, histories and dates: a fulfilment
//! never makes a status worse, time alone never makes it better, the deadline agrees
//! with the status, and each cadence agrees with a naive restatement of its rule.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proptest::prelude::*;
use simpul_domain::compliance::calendar::last_day_of_year;
use simpul_domain::compliance::{Cadence, Konteks, Penilaian, Periode, Riwayat, Status};
use time::macros::date;
use time::{Date, Duration};

/// Dates between 2018 and 2034, so that histories, periods and deadlines interact.
fn day() -> impl Strategy<Value = Date> {
    (0i64..6200).prop_map(|d| date!(2018 - 01 - 01) + Duration::days(d))
}

fn any_cadence() -> impl Strategy<Value = Cadence> {
    let texts = prop_oneof![
        (1u16..=40, 0usize..3)
            .prop_map(|(n, u)| format!("setiap {n} {}", ["hari", "bulan", "tahun"][u])),
        (1u16..=4).prop_map(|n| format!("minimal {n} kali setahun")),
        Just("paruh waktu dan tahun terakhir".to_owned()),
        (1u16..=30, 0usize..3)
            .prop_map(|(n, u)| format!("dalam {n} {}", ["hari", "bulan", "tahun"][u])),
        (1u16..=5, day()).prop_map(|(n, d)| format!("dalam {n} tahun sejak {d}")),
        Just("saat peristiwa: perubahan LAN".to_owned()),
        (1u16..=90).prop_map(|n| format!("dalam {n} hari setelah peristiwa: perubahan LAN")),
    ];
    texts.prop_map(|t| Cadence::parse(&t).unwrap())
}

fn any_konteks() -> impl Strategy<Value = Konteks> {
    (day(), proptest::option::of((2016i32..2030, 1u16..=20))).prop_map(|(start, p)| Konteks {
        berlaku_sejak: start,
        periode: p.map(|(awal, panjang)| Periode::dari(awal, panjang).unwrap()),
    })
}

/// One random case: cadence, subject, fulfilments, events, evaluation date, window.
#[derive(Debug, Clone)]
struct Case {
    cadence: Cadence,
    konteks: Konteks,
    done: Vec<Date>,
    events: Vec<Date>,
    as_of: Date,
    window: u16,
}

impl Case {
    fn at(&self, as_of: Date, done: &[Date]) -> Penilaian {
        let riwayat = Riwayat {
            pemenuhan: done,
            peristiwa: &self.events,
        };
        self.cadence
            .evaluate(&self.konteks, riwayat, as_of, self.window)
    }

    fn now(&self) -> Penilaian {
        self.at(self.as_of, &self.done)
    }
}

fn any_case() -> impl Strategy<Value = Case> {
    (
        any_cadence(),
        any_konteks(),
        proptest::collection::vec(day(), 0..8),
        proptest::collection::vec(day(), 0..5),
        day(),
        0u16..=60,
    )
        .prop_map(|(cadence, konteks, done, events, as_of, window)| Case {
            cadence,
            konteks,
            done,
            events,
            as_of,
            window,
        })
}

fn applies(s: Status) -> bool {
    !matches!(s, Status::TidakBerlaku(_))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn a_fulfilment_never_makes_the_status_worse(c in any_case(), extra in day(), today in any::<bool>()) {
        let extra = if today { c.as_of } else { extra };
        let before = c.now();
        let after = c.at(c.as_of, &[c.done.clone(), vec![extra]].concat());
        match (before.status.keparahan(), after.status.keparahan()) {
            (Some(b), Some(a)) => prop_assert!(a <= b, "{:?} then {:?}", before, after),
            _ => prop_assert_eq!(before.status, after.status),
        }
        if today && applies(after.status) {
            prop_assert_ne!(after.status, Status::BelumPernah);
            let can_stay_late = matches!(&c.cadence, Cadence::KaliSetahun(n) if n.get() > 1);
            prop_assert!(can_stay_late || after.status != Status::Terlambat, "{:?}", after);
        }
    }

    #[test]
    fn without_new_fulfilments_time_only_makes_it_worse(c in any_case(), later in 0i64..3000) {
        let t2 = c.as_of + Duration::days(later);
        // Nothing is fulfilled between the two dates (later ones stay invisible at both).
        let done: Vec<Date> = c.done.iter().copied().filter(|d| *d <= c.as_of || *d > t2).collect();
        let (p1, p2) = (c.at(c.as_of, &done), c.at(t2, &done));
        if applies(p1.status) {
            prop_assert!(applies(p2.status), "{:?} then {:?}", p1, p2);
            prop_assert!(p2.status.keparahan() >= p1.status.keparahan(), "{:?} then {:?}", p1, p2);
        }
        if p1.status == Status::Terlambat {
            prop_assert_eq!(p2.status, Status::Terlambat);
        }
    }

    #[test]
    fn the_deadline_agrees_with_the_status(c in any_case()) {
        let p = c.now();
        let soon = c.as_of + Duration::days(i64::from(c.window));
        match (p.status, p.jatuh_tempo) {
            (Status::Terlambat, Some(d)) => prop_assert!(d < c.as_of),
            (Status::SegeraJatuhTempo, Some(d)) => prop_assert!(c.as_of <= d && d <= soon),
            (Status::Terpenuhi | Status::BelumPernah, d) => prop_assert!(d.is_none_or(|d| d > soon)),
            (Status::TidakBerlaku(_), None) => {}
            (s, d) => prop_assert!(false, "status {s:?} with deadline {d:?}"),
        }
        // "Belum pernah" means nothing counted; "terpenuhi" needs something counted.
        match p.status {
            Status::BelumPernah => prop_assert!(p.terakhir.is_none()),
            Status::Terpenuhi => prop_assert!(p.terakhir.is_some()),
            _ => {}
        }
        if let Some(t) = p.terakhir {
            prop_assert!(t <= c.as_of && t >= c.konteks.berlaku_sejak && c.done.contains(&t));
        }
    }

    #[test]
    fn order_and_later_records_do_not_matter(
        c in any_case(),
        later_done in proptest::collection::vec(1i64..900, 0..4),
        later_events in proptest::collection::vec(1i64..900, 0..4),
    ) {
        let after = |days: &[i64]| days.iter().map(|d| c.as_of + Duration::days(*d)).collect::<Vec<_>>();
        let mut done: Vec<Date> = c.done.iter().rev().copied().collect();
        done.extend(after(&later_done));
        let mut events: Vec<Date> = c.events.iter().rev().copied().collect();
        events.extend(after(&later_events));
        let replayed = Case { done, events, ..c.clone() };
        prop_assert_eq!(c.now(), replayed.now());
    }

    #[test]
    fn a_wider_window_never_hides_urgency(c in any_case(), wider in 0u16..400) {
        let wide = Case { window: c.window.saturating_add(wider), ..c.clone() };
        prop_assert!(wide.now().status.keparahan() >= c.now().status.keparahan());
    }

    #[test]
    fn each_cadence_matches_a_naive_reading_of_its_rule(c in any_case()) {
        let p = c.now();
        if applies(p.status) {
            prop_assert_eq!(p.status == Status::Terlambat, naive_late(&c), "{:?}", p);
        }
    }
}

/// Lateness restated per cadence as "some deadline passed with nothing done for it",
/// independently of the earliest-unmet-deadline computation.
fn naive_late(c: &Case) -> bool {
    let start = match &c.cadence {
        Cadence::ParuhDanAkhir => c
            .konteks
            .berlaku_sejak
            .max(c.konteks.periode.unwrap().mulai()),
        Cadence::Dalam { sejak: Some(s), .. } => c.konteks.berlaku_sejak.max(*s),
        _ => c.konteks.berlaku_sejak,
    };
    let done: Vec<Date> = c
        .done
        .iter()
        .copied()
        .filter(|d| (start..=c.as_of).contains(d))
        .collect();
    match &c.cadence {
        // Late iff the span after the start and after every fulfilment has run out.
        Cadence::Setiap(j) => std::iter::once(start)
            .chain(done)
            .all(|a| j.setelah(a) < c.as_of),
        // Late iff a required year ended short, and no later year (to now) was complete.
        Cadence::KaliSetahun(n) => {
            let count = |y: i32| done.iter().filter(|d| d.year() == y).count();
            let first = if (start.month(), start.day()) == (time::Month::January, 1) {
                start.year()
            } else {
                start.year() + 1
            };
            let short = |y: i32| count(y) < usize::from(n.get());
            (first..c.as_of.year()).any(|y| short(y) && (y + 1..=c.as_of.year()).all(short))
        }
        // Late iff a review year that began to apply has ended with no review in or after it.
        Cadence::ParuhDanAkhir => {
            let periode = c.konteks.periode.unwrap();
            [periode.tahun_paruh(), periode.tahun_terakhir()]
                .into_iter()
                .any(|y| {
                    let end = last_day_of_year(y);
                    end >= start && end < c.as_of && done.iter().all(|d| d.year() < y)
                })
        }
        Cadence::Dalam { jangka, sejak } => {
            done.is_empty() && jangka.setelah(sejak.unwrap_or(c.konteks.berlaku_sejak)) < c.as_of
        }
        // Late iff some event's grace ran out with no fulfilment on or after the event.
        Cadence::Peristiwa { tenggang, .. } => c.events.iter().any(|&e| {
            let due = tenggang.map_or(e, |j| j.setelah(e));
            (start..=c.as_of).contains(&e) && due < c.as_of && done.iter().all(|&f| f < e)
        }),
    }
}
