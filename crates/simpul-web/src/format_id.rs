//! Indonesian number and date formatting.
//!
//! Pure functions so templates, charts and exports all print `1.234,5` and
//! `17 Agustus 2026` the same way, whatever the server's locale is.

use time::{Date, Month, OffsetDateTime, UtcOffset, Weekday};

/// Text shown for a value that is not a number (NaN); a dash is what Indonesian
/// statistical tables print for "no figure".
pub const BUKAN_ANGKA: &str = "—";

/// Formats an integer with dots between thousands: `-1234567` gives `-1.234.567`.
pub fn angka(n: i64) -> String {
    // unsigned_abs, because -i64::MIN does not fit in an i64.
    let digits = kelompokkan(&n.unsigned_abs().to_string());
    if n < 0 { format!("-{digits}") } else { digits }
}

/// Formats a real number with `digits` decimals and a decimal comma: `1234.5, 2`
/// gives `1.234,50`; NaN gives [`BUKAN_ANGKA`], infinities `∞` and `-∞`.
pub fn desimal(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return BUKAN_ANGKA.to_owned();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-∞" } else { "∞" }.to_owned();
    }
    let fixed = format!("{:.*}", digits, x.abs());
    let (whole, frac) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let mut out = String::with_capacity(fixed.len() + fixed.len() / 3 + 1);
    // A value that rounds to zero prints without a sign: "-0,00" reads as a bug.
    if x < 0.0 && fixed.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        out.push('-');
    }
    out.push_str(&kelompokkan(whole));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// Formats a value already in percent points: `12.5, 1` gives `12,5%`.
pub fn persen(x: f64, digits: usize) -> String {
    if x.is_nan() {
        return BUKAN_ANGKA.to_owned();
    }
    format!("{}%", desimal(x, digits))
}

/// Formats a date in long form: `17 Agustus 2026`.
pub fn tanggal(d: Date) -> String {
    format!("{} {} {}", d.day(), nama_bulan(d.month()), d.year())
}

/// Formats a date in short form: `17/08/2026`.
pub fn tanggal_pendek(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), u8::from(d.month()), d.year())
}

/// Formats a file size: `532 B`, `12,4 KB`, `3,1 MB` (decimal units, as file managers
/// on the officials' desktops show them).
pub fn ukuran(bytes: i64) -> String {
    let b = bytes.max(0) as f64;
    if b < 1000.0 {
        format!("{} B", angka(bytes.max(0)))
    } else if b < 1_000_000.0 {
        format!("{} KB", desimal(b / 1000.0, 1))
    } else {
        format!("{} MB", desimal(b / 1_000_000.0, 1))
    }
}

/// Formats a stored moment (RFC 3339 text, as the store writes it) in the given offset;
/// text that does not parse is shown as stored.
pub fn waktu_tersimpan(stored: &str, offset: UtcOffset) -> String {
    simpul_store::time_text::parse(stored)
        .map_or_else(|| stored.to_owned(), |t| tanggal_waktu(t, offset))
}

/// Formats a moment in the given offset: `17 Agustus 2026 14.05 WIB`.
pub fn tanggal_waktu(dt: OffsetDateTime, offset: UtcOffset) -> String {
    // Near the ends of time's supported range a shift can fall outside it; showing the
    // moment in its own offset is still correct, only less convenient.
    let local = dt.checked_to_offset(offset).unwrap_or(dt);
    format!(
        "{} {:02}.{:02} {}",
        tanggal(local.date()),
        local.hour(),
        local.minute(),
        zona(local.offset())
    )
}

/// Formats a moment to the second in the given offset: `17 Agustus 2026 14.05.09 WIB`
/// (where seconds matter, e.g. the exchanges the bus recorded).
pub fn tanggal_waktu_detik(dt: OffsetDateTime, offset: UtcOffset) -> String {
    let local = dt.checked_to_offset(offset).unwrap_or(dt);
    format!(
        "{} {:02}.{:02}.{:02} {}",
        tanggal(local.date()),
        local.hour(),
        local.minute(),
        local.second(),
        zona(local.offset())
    )
}

/// Names an offset the way Indonesians do: WIB, WITA, WIT, otherwise `UTC+hh`.
fn zona(offset: UtcOffset) -> String {
    let (h, m, _) = offset.as_hms();
    match (h, m, offset.seconds_past_minute()) {
        (7, 0, 0) => "WIB".to_owned(),
        (8, 0, 0) => "WITA".to_owned(),
        (9, 0, 0) => "WIT".to_owned(),
        _ => {
            let sign = if offset.is_negative() { '-' } else { '+' };
            let (h, m) = (h.unsigned_abs(), m.unsigned_abs());
            if m == 0 {
                format!("UTC{sign}{h:02}")
            } else {
                format!("UTC{sign}{h:02}.{m:02}")
            }
        }
    }
}

/// The Indonesian name of a month: `Agustus`.
pub fn nama_bulan(m: Month) -> &'static str {
    match m {
        Month::January => "Januari",
        Month::February => "Februari",
        Month::March => "Maret",
        Month::April => "April",
        Month::May => "Mei",
        Month::June => "Juni",
        Month::July => "Juli",
        Month::August => "Agustus",
        Month::September => "September",
        Month::October => "Oktober",
        Month::November => "November",
        Month::December => "Desember",
    }
}

/// The Indonesian name of a weekday: `Senin`.
pub fn nama_hari(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Senin",
        Weekday::Tuesday => "Selasa",
        Weekday::Wednesday => "Rabu",
        Weekday::Thursday => "Kamis",
        Weekday::Friday => "Jumat",
        Weekday::Saturday => "Sabtu",
        Weekday::Sunday => "Minggu",
    }
}

/// Puts a dot before every third digit from the right of an ASCII digit string.
fn kelompokkan(digits: &str) -> String {
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::macros::{date, datetime, offset};

    #[test]
    fn angka_examples() {
        assert_eq!(angka(0), "0");
        assert_eq!(angka(999), "999");
        assert_eq!(angka(1000), "1.000");
        assert_eq!(angka(1_234_567), "1.234.567");
        assert_eq!(angka(-1234), "-1.234");
        assert_eq!(angka(i64::MIN), "-9.223.372.036.854.775.808");
        assert_eq!(angka(i64::MAX), "9.223.372.036.854.775.807");
    }

    #[test]
    fn desimal_examples() {
        assert_eq!(desimal(1234.5, 2), "1.234,50");
        assert_eq!(desimal(1234.5, 0), "1.234");
        assert_eq!(desimal(0.5, 1), "0,5");
        assert_eq!(desimal(-1234567.891, 1), "-1.234.567,9");
        assert_eq!(desimal(-0.001, 2), "0,00");
        assert_eq!(desimal(f64::NAN, 2), "—");
        assert_eq!(desimal(f64::INFINITY, 2), "∞");
        assert_eq!(desimal(f64::NEG_INFINITY, 2), "-∞");
    }

    #[test]
    fn persen_examples() {
        assert_eq!(persen(12.5, 1), "12,5%");
        assert_eq!(persen(100.0, 0), "100%");
        assert_eq!(persen(f64::NAN, 1), "—");
    }

    #[test]
    fn tanggal_examples() {
        assert_eq!(tanggal(date!(2026 - 08 - 17)), "17 Agustus 2026");
        assert_eq!(tanggal(date!(2026 - 01 - 05)), "5 Januari 2026");
        assert_eq!(tanggal_pendek(date!(2026 - 08 - 17)), "17/08/2026");
        assert_eq!(tanggal_pendek(date!(0999 - 02 - 03)), "03/02/0999");
        assert_eq!(nama_hari(date!(2026 - 08 - 17).weekday()), "Senin");
        assert_eq!(nama_hari(Weekday::Friday), "Jumat");
        assert_eq!(nama_hari(Weekday::Sunday), "Minggu");
    }

    #[test]
    fn tanggal_waktu_names_indonesian_zones() {
        let dt = datetime!(2026-08-17 07:05 UTC);
        assert_eq!(tanggal_waktu(dt, offset!(+7)), "17 Agustus 2026 14.05 WIB");
        assert_eq!(ukuran(532), "532 B");
        assert_eq!(ukuran(12_400), "12,4 KB");
        assert_eq!(ukuran(3_149_999), "3,1 MB");
        assert_eq!(tanggal_waktu(dt, offset!(+8)), "17 Agustus 2026 15.05 WITA");
        assert_eq!(tanggal_waktu(dt, offset!(+9)), "17 Agustus 2026 16.05 WIT");
        assert_eq!(
            tanggal_waktu(dt, offset!(UTC)),
            "17 Agustus 2026 07.05 UTC+00"
        );
        assert_eq!(
            tanggal_waktu(dt, offset!(-5)),
            "17 Agustus 2026 02.05 UTC-05"
        );
        assert_eq!(
            tanggal_waktu(dt, offset!(+5:30)),
            "17 Agustus 2026 12.35 UTC+05.30"
        );
        let late = datetime!(2026-12-31 20:00 UTC);
        assert_eq!(tanggal_waktu(late, offset!(+7)), "1 Januari 2027 03.00 WIB");
    }

    /// Parses the output of [`tanggal`] back, to prove it loses nothing.
    fn parse_tanggal(s: &str) -> Option<Date> {
        let mut parts = s.split(' ');
        let day: u8 = parts.next()?.parse().ok()?;
        let name = parts.next()?;
        let year: i32 = parts.next()?.parse().ok()?;
        if parts.next().is_some() {
            return None;
        }
        let month = (1..=12u8)
            .filter_map(|m| Month::try_from(m).ok())
            .find(|m| nama_bulan(*m) == name)?;
        Date::from_calendar_date(year, month, day).ok()
    }

    fn any_date() -> impl Strategy<Value = Date> {
        let (lo, hi) = (Date::MIN.to_julian_day(), Date::MAX.to_julian_day());
        (lo..=hi).prop_filter_map("valid julian day", |j| Date::from_julian_day(j).ok())
    }

    proptest! {
        #[test]
        fn angka_without_dots_is_to_string(n in any::<i64>()) {
            prop_assert_eq!(angka(n).replace('.', ""), n.to_string());
        }

        #[test]
        fn angka_groups_are_three_digits(n in any::<i64>()) {
            let s = angka(n);
            let groups: Vec<&str> = s.trim_start_matches('-').split('.').collect();
            let first = groups.first().map_or(0, |g| g.len());
            prop_assert!((1..=3).contains(&first));
            for g in &groups[1..] {
                prop_assert_eq!(g.len(), 3);
                prop_assert!(g.bytes().all(|b| b.is_ascii_digit()));
            }
        }

        #[test]
        fn desimal_parses_back(x in -1e12f64..1e12, digits in 0usize..6) {
            let s = desimal(x, digits);
            let plain = s.replace('.', "").replace(',', ".");
            let back: f64 = plain.parse().map_err(|e| TestCaseError::fail(format!("{s}: {e}")))?;
            prop_assert!((back - x).abs() <= 0.5 * 10f64.powi(-(digits as i32)) + 1e-3);
            prop_assert_eq!(s.contains(','), digits > 0);
        }

        #[test]
        fn tanggal_round_trips(d in any_date()) {
            prop_assert_eq!(parse_tanggal(&tanggal(d)), Some(d));
        }
    }
}
