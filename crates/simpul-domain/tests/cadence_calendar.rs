//! Month arithmetic and plan periods: month ends and leap years as explicit examples,
//! and properties that hold for every date the calendar can represent.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proptest::prelude::*;
use simpul_domain::compliance::Periode;
use simpul_domain::compliance::calendar::{add_months, add_months_saturating, last_day_of_year};
use time::macros::date;
use time::{Date, Duration};

#[test]
fn month_ends_clamp_and_leap_years_count() {
    let cases = [
        (date!(2025 - 01 - 31), 1, date!(2025 - 02 - 28)),
        (date!(2024 - 01 - 31), 1, date!(2024 - 02 - 29)),
        (date!(2024 - 02 - 29), 12, date!(2025 - 02 - 28)),
        (date!(2024 - 02 - 29), 48, date!(2028 - 02 - 29)),
        (date!(2024 - 02 - 29), 24, date!(2026 - 02 - 28)),
        // 2100 is not a leap year, 2000 was.
        (date!(2096 - 02 - 29), 48, date!(2100 - 02 - 28)),
        (date!(1996 - 02 - 29), 48, date!(2000 - 02 - 29)),
        (date!(2025 - 03 - 31), 1, date!(2025 - 04 - 30)),
        (date!(2025 - 08 - 31), 1, date!(2025 - 09 - 30)),
        (date!(2025 - 12 - 31), 1, date!(2026 - 01 - 31)),
        (date!(2025 - 11 - 30), 3, date!(2026 - 02 - 28)),
        (date!(2025 - 05 - 15), 0, date!(2025 - 05 - 15)),
        (date!(2027 - 03 - 31), 0, date!(2027 - 03 - 31)),
    ];
    for (from, months, want) in cases {
        assert_eq!(add_months(from, months), Some(want), "{from} + {months}");
    }
}

#[test]
fn past_the_calendar_end_is_none_or_saturates() {
    assert_eq!(add_months(date!(9999 - 12 - 01), 1), None);
    assert_eq!(
        add_months(date!(9999 - 11 - 30), 1),
        Some(date!(9999 - 12 - 30))
    );
    assert_eq!(add_months_saturating(date!(9999 - 12 - 01), 1), Date::MAX);
    assert_eq!(add_months(Date::MIN, u32::MAX), None);
    assert_eq!(last_day_of_year(10_000), Date::MAX);
    assert_eq!(last_day_of_year(2024), date!(2024 - 12 - 31));
}

#[test]
fn plan_periods_name_their_mid_term_and_final_year() {
    // RPJMD-aligned 5-year architecture (001 Pasal 9(2)): mid-term 2023, final 2025.
    let p = Periode::new(2021, 2025).unwrap();
    assert_eq!(
        (p.tahun_paruh(), p.tahun_terakhir(), p.panjang()),
        (2023, 2025, 5)
    );
    assert_eq!(
        (p.mulai(), p.selesai()),
        (date!(2021 - 01 - 01), date!(2025 - 12 - 31))
    );
    assert_eq!(p.to_string(), "2021-2025");
    assert!(p.memuat(date!(2025 - 12 - 31)) && !p.memuat(date!(2026 - 01 - 01)));
    // 20-year Rencana Induk (001 Pasal 1 angka 10).
    let ri = Periode::dari(2022, 20).unwrap();
    assert_eq!((ri.akhir(), ri.tahun_paruh()), (2041, 2032));
    assert_eq!(Periode::new(2021, 2024).unwrap().tahun_paruh(), 2023);
    let one = Periode::new(2030, 2030).unwrap();
    assert_eq!((one.tahun_paruh(), one.tahun_terakhir()), (2030, 2030));
}

#[test]
fn invalid_periods_name_every_problem() {
    let codes = |r: Result<Periode, simpul_domain::Masalahs>| -> Vec<&'static str> {
        r.unwrap_err().0.iter().map(|m| m.kode).collect()
    };
    assert_eq!(codes(Periode::new(2025, 2021)), ["periode_urutan"]);
    assert_eq!(
        codes(Periode::new(1800, 1700)),
        ["periode_tahun", "periode_urutan"]
    );
    assert_eq!(codes(Periode::new(2000, 2100)), ["periode_panjang"]);
    assert_eq!(codes(Periode::dari(2021, 0)), ["periode_panjang"]);
}

fn any_date() -> impl Strategy<Value = Date> {
    let from = Date::MIN;
    (0..=(Date::MAX - from).whole_days()).prop_map(move |d| from + Duration::days(d))
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(u8::from(d.month()))
}

proptest! {
    #[test]
    fn adding_months_keeps_the_day_or_lands_on_the_month_end(d in any_date(), n in any::<u32>()) {
        match add_months(d, n) {
            Some(r) => {
                prop_assert_eq!(month_index(r) - month_index(d), i64::from(n));
                let len = r.month().length(r.year());
                prop_assert!(r.day() <= len);
                prop_assert_eq!(r.day(), d.day().min(len));
                prop_assert!(r >= d);
            }
            None => prop_assert!(month_index(d) + i64::from(n) > month_index(Date::MAX)),
        }
    }

    #[test]
    fn adding_months_is_monotone_in_the_start_date(
        a in any_date(), b in any_date(), n in 0u32..2400,
    ) {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        prop_assert!(add_months_saturating(lo, n) <= add_months_saturating(hi, n));
    }

    #[test]
    fn one_long_step_never_ends_before_two_short_ones(
        d in any_date(), a in 0u32..1200, b in 0u32..1200,
    ) {
        // Clamping can only lose days, so stepping twice lands on or before one step.
        let twice = add_months_saturating(add_months_saturating(d, a), b);
        prop_assert!(add_months_saturating(d, a + b) >= twice);
    }

    #[test]
    fn twelve_months_is_a_year_except_on_29_february(d in any_date()) {
        if let Some(r) = add_months(d, 12) {
            prop_assert_eq!(r.year(), d.year() + 1);
            prop_assert_eq!(r.month(), d.month());
            let leap_day = u8::from(d.month()) == 2 && d.day() == 29;
            prop_assert_eq!(r.day(), if leap_day { 28 } else { d.day() });
        }
    }
}
