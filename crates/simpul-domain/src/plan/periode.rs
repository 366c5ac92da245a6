//! The period a planning document is adopted for, in whole calendar years: 5 years for
//! an Arsitektur or Peta Rencana (001 Lampiran B), 5 or 20 for a Rencana Induk (004
//! Pasal 4(1); 001 Pasal 1 angka 10). Twenty years is the longest any seed regulation
//! uses, so a longer period is a typing mistake, not a plan.

use std::fmt;

use serde::Serialize;

use crate::compliance;
use crate::problem::{Masalah, Masalahs};

/// Longest period accepted, in years (both ends counted).
pub const MAX_TAHUN: i32 = 20;
/// Earliest year a period may start or end in: SPBE plans follow Perpres 95/2018, and
/// nothing before 2000 belongs in an electronic-government register.
pub const TAHUN_MIN: i32 = 2000;
/// Latest year a period may reach.
pub const TAHUN_MAKS: i32 = 2100;

/// A validated plan period `awal`..=`akhir`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct PeriodeRencana {
    awal: i32,
    akhir: i32,
}

impl PeriodeRencana {
    /// Check a period given as numbers; every problem is named.
    pub fn new(awal: i32, akhir: i32) -> Result<Self, Masalahs> {
        let mut found = Vec::new();
        for (nama, y) in [("awal", awal), ("akhir", akhir)] {
            if !(TAHUN_MIN..=TAHUN_MAKS).contains(&y) {
                found.push(Masalah::new(
                    "periode_tahun",
                    format!("Tahun {nama} periode harus antara {TAHUN_MIN} dan {TAHUN_MAKS} (sekarang {y})."),
                ));
            }
        }
        if akhir < awal {
            found.push(Masalah::new(
                "periode_urutan",
                format!("Tahun akhir periode ({akhir}) lebih awal dari tahun awal ({awal})."),
            ));
        } else if i64::from(akhir) - i64::from(awal) + 1 > i64::from(MAX_TAHUN) {
            found.push(Masalah::new(
                "periode_panjang",
                format!(
                    "Periode paling lama {MAX_TAHUN} tahun (sekarang {awal}-{akhir}, {} tahun).",
                    i64::from(akhir) - i64::from(awal) + 1
                ),
            ));
        }
        Masalahs::into_result(found).map(|()| Self { awal, akhir })
    }

    /// Parse the two years as typed in a form or sent by the API; every problem of both
    /// is named (a missing year, a word instead of digits, the wrong order, too long).
    pub fn parse(awal: &str, akhir: &str) -> Result<Self, Masalahs> {
        let mut found = Vec::new();
        let mut year = |nama: &str, t: &str| -> Option<i32> {
            let t = t.trim();
            if t.is_empty() {
                found.push(Masalah::new(
                    "periode_wajib",
                    format!("Tahun {nama} periode wajib diisi."),
                ));
                return None;
            }
            match t.parse::<i32>() {
                Ok(y) if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) => Some(y),
                _ => {
                    found.push(Masalah::new(
                        "periode_bukan_tahun",
                        format!("Tahun {nama} periode \"{t}\" bukan tahun; tulis empat angka, misalnya 2025."),
                    ));
                    None
                }
            }
        };
        let a = year("awal", awal);
        let b = year("akhir", akhir);
        match (a, b) {
            (Some(a), Some(b)) => match Self::new(a, b) {
                Ok(p) if found.is_empty() => Ok(p),
                Ok(_) => Err(Masalahs(found)),
                Err(more) => {
                    found.extend(more.0);
                    Err(Masalahs(found))
                }
            },
            _ => Err(Masalahs(found)),
        }
    }

    /// First year.
    pub fn awal(&self) -> i32 {
        self.awal
    }

    /// Last year.
    pub fn akhir(&self) -> i32 {
        self.akhir
    }

    /// Number of years, both ends included.
    pub fn panjang(&self) -> i32 {
        self.akhir - self.awal + 1
    }

    /// Whether `tahun` falls inside the period.
    pub fn memuat(&self, tahun: i32) -> bool {
        (self.awal..=self.akhir).contains(&tahun)
    }

    /// The same period for the compliance engine, which measures mid-term and
    /// final-year reviews against it.
    pub fn untuk_kepatuhan(&self) -> Result<compliance::Periode, Masalahs> {
        compliance::Periode::new(self.awal, self.akhir)
    }
}

impl fmt::Display for PeriodeRencana {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}", self.awal, self.akhir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn codes(e: &Masalahs) -> Vec<&'static str> {
        e.0.iter().map(|m| m.kode).collect()
    }

    #[test]
    fn table_of_inputs() {
        type Case<'a> = (&'a str, &'a str, Result<(i32, i32), &'a [&'a str]>);
        let cases: &[Case] = &[
            ("2025", "2029", Ok((2025, 2029))),
            (" 2023 ", "2042", Ok((2023, 2042))),
            ("2026", "2026", Ok((2026, 2026))),
            ("2029", "2025", Err(&["periode_urutan"])),
            ("2020", "2049", Err(&["periode_panjang"])),
            ("2023", "2043", Err(&["periode_panjang"])),
            ("", "", Err(&["periode_wajib", "periode_wajib"])),
            ("dua ribu", "2029", Err(&["periode_bukan_tahun"])),
            ("25", "2029", Err(&["periode_bukan_tahun"])),
            ("+2025", "2029", Err(&["periode_bukan_tahun"])),
            ("1999", "2003", Err(&["periode_tahun"])),
            ("2101", "2099", Err(&["periode_tahun", "periode_urutan"])),
            ("x", "", Err(&["periode_bukan_tahun", "periode_wajib"])),
        ];
        for (a, b, want) in cases {
            let got = PeriodeRencana::parse(a, b);
            match want {
                Ok((x, y)) => {
                    let p = got.unwrap_or_else(|e| panic!("{a}-{b}: {e}"));
                    assert_eq!((p.awal(), p.akhir()), (*x, *y));
                }
                Err(want) => {
                    let e = got.expect_err(&format!("{a}-{b} must fail"));
                    assert_eq!(codes(&e), *want, "{a}-{b}");
                    assert!(e.0.iter().all(|m| !m.pesan.is_empty()));
                }
            }
        }
    }

    #[test]
    fn length_and_compliance_period() {
        let p = PeriodeRencana::new(2025, 2029).unwrap();
        assert_eq!(p.panjang(), 5);
        assert!(p.memuat(2027) && !p.memuat(2030));
        assert_eq!(p.to_string(), "2025–2029");
        let c = p.untuk_kepatuhan().unwrap();
        assert_eq!((c.awal(), c.akhir(), c.tahun_paruh()), (2025, 2029, 2027));
    }

    proptest! {
        #[test]
        fn parse_never_panics(a in ".{0,12}", b in ".{0,12}") {
            let _ = PeriodeRencana::parse(&a, &b);
        }

        #[test]
        fn accepted_exactly_when_ordered_in_range_and_short(a in 1990i32..2110, b in 1990i32..2110) {
            let ok = (TAHUN_MIN..=TAHUN_MAKS).contains(&a)
                && (TAHUN_MIN..=TAHUN_MAKS).contains(&b)
                && a <= b
                && b - a < MAX_TAHUN;
            let got = PeriodeRencana::parse(&a.to_string(), &b.to_string());
            prop_assert_eq!(got.is_ok(), ok);
            if let Ok(p) = got {
                prop_assert_eq!((p.awal(), p.akhir()), (a, b));
                prop_assert!(p.panjang() >= 1 && p.panjang() <= MAX_TAHUN);
            }
        }
    }
}
