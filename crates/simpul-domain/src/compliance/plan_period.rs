//! A plan period in whole calendar years (RPJMD 2021-2025, a 20-year Rencana Induk):
//! what "paruh waktu" (mid-term) and "tahun terakhir" (final year) are measured against.

use std::fmt;

use time::Date;

use super::calendar::{first_day_of_year, last_day_of_year};
use crate::problem::{Masalah, Masalahs};

/// Longest plan period accepted; the longest in the seeds is 20 years (001 Pasal 1 angka 10).
const MAX_TAHUN: i32 = 100;

/// A plan period from 1 January of its first year to 31 December of its last, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Periode {
    mulai: Date,
    selesai: Date,
}

impl Periode {
    /// The period `awal`..=`akhir` (calendar years), e.g. `Periode::new(2021, 2025)`.
    pub fn new(awal: i32, akhir: i32) -> Result<Self, Masalahs> {
        let mut found = Vec::new();
        if !(1900..=9999).contains(&awal) || !(1900..=9999).contains(&akhir) {
            found.push(Masalah::new(
                "periode_tahun",
                format!("Tahun periode harus antara 1900 dan 9999 (sekarang {awal}-{akhir})."),
            ));
        }
        if akhir < awal {
            found.push(Masalah::new(
                "periode_urutan",
                format!("Tahun akhir periode ({akhir}) lebih awal dari tahun awal ({awal})."),
            ));
        } else if akhir - awal >= MAX_TAHUN {
            found.push(Masalah::new(
                "periode_panjang",
                format!("Periode paling lama {MAX_TAHUN} tahun (sekarang {awal}-{akhir})."),
            ));
        }
        match first_day_of_year(awal) {
            Some(mulai) if found.is_empty() => Ok(Self {
                mulai,
                selesai: last_day_of_year(akhir),
            }),
            _ => Err(Masalahs(found)),
        }
    }

    /// The period of `panjang` years starting in `awal`, e.g. 5 years from 2021 is 2021-2025.
    pub fn dari(awal: i32, panjang: u16) -> Result<Self, Masalahs> {
        if panjang == 0 {
            return Err(Masalahs::one(
                "periode_panjang",
                "Periode paling singkat 1 tahun.",
            ));
        }
        Self::new(awal, awal.saturating_add(i32::from(panjang) - 1))
    }

    /// First year of the period.
    pub fn awal(&self) -> i32 {
        self.mulai.year()
    }

    /// Last year of the period (its "tahun terakhir").
    pub fn akhir(&self) -> i32 {
        self.selesai.year()
    }

    /// Number of years, both ends included.
    pub fn panjang(&self) -> i32 {
        self.akhir() - self.awal() + 1
    }

    /// The mid-term year: the year in which half the period has elapsed (2023 for
    /// 2021-2025; for an even length, the first year of the second half: 2023 for
    /// 2021-2024), so the review sees half of the period's results.
    pub fn tahun_paruh(&self) -> i32 {
        self.awal() + self.panjang() / 2
    }

    /// The final year, in which the closing review falls.
    pub fn tahun_terakhir(&self) -> i32 {
        self.akhir()
    }

    /// 1 January of the first year.
    pub fn mulai(&self) -> Date {
        self.mulai
    }

    /// 31 December of the last year.
    pub fn selesai(&self) -> Date {
        self.selesai
    }

    /// Whether `date` falls inside the period.
    pub fn memuat(&self, date: Date) -> bool {
        (self.mulai..=self.selesai).contains(&date)
    }
}

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.awal(), self.akhir())
    }
}
