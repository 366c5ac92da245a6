//! The value of one indicator: a self-assessed level, or for an external indicator the
//! value another agency published (1,00..5,00). Input from forms and the API is read
//! against the model, because whether a decimal is allowed depends on the indicator.

use std::fmt;

use super::dua_desimal::DuaDesimal;
use super::level::{Level, di_luar_rentang};
use super::model::{Indikator, Model};
use super::pecahan::Pecahan;
use crate::problem::{Masalah, Masalahs};

/// A published value 1,00..=5,00 with two decimals, as whole hundredths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NilaiEksternal(u32);

impl NilaiEksternal {
    /// From whole hundredths, when 100..=500.
    pub const fn new(ratusan: u32) -> Option<Self> {
        if ratusan >= 100 && ratusan <= 500 {
            Some(Self(ratusan))
        } else {
            None
        }
    }

    /// Whole hundredths (345 is 3,45).
    pub const fn ratusan(self) -> u32 {
        self.0
    }
}

/// The value of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nilai {
    /// A maturity level (self-assessed, or the final level after review).
    Level(Level),
    /// A value published by another agency (external indicators).
    Eksternal(NilaiEksternal),
}

impl From<Level> for Nilai {
    fn from(l: Level) -> Self {
        Nilai::Level(l)
    }
}

/// The problem of an indicator number the model does not have.
pub(super) fn tidak_dikenal(nomor: u32) -> Masalahs {
    Masalahs::one(
        "indikator_tidak_dikenal",
        format!("Indikator nomor {nomor} tidak ada di model ini."),
    )
}

impl Nilai {
    /// Read form or API input for indicator `nomor` of `model`: a level `1`..`5`, or for
    /// an external indicator a value `1`..`5` with up to two decimals (`3,45` or
    /// `3.45`). `3,00` on a self-assessed indicator is level 3. Codes:
    /// `indikator_tidak_dikenal`, `nilai_kosong`, `nilai_bukan_angka`,
    /// `level_di_luar_rentang`, `nilai_desimal_bukan_eksternal`, `nilai_di_luar_rentang`,
    /// `lebih_dua_desimal`.
    pub fn parse(model: &Model, nomor: u32, input: &str) -> Result<Nilai, Masalahs> {
        let ind = model
            .indikator_nomor(nomor)
            .ok_or_else(|| tidak_dikenal(nomor))?;
        let s = input.trim();
        let angka = DuaDesimal::parse(s).map_err(|e| {
            let salah = e.0.first().map_or("", |m| m.kode);
            match (salah, ind.eksternal) {
                ("angka_kosong", _) => Masalahs::one("nilai_kosong", "Nilai wajib diisi."),
                ("lebih_dua_desimal", false) => desimal_bukan_eksternal(ind),
                ("lebih_dua_desimal", true) => e,
                ("angka_terlalu_besar", false) => di_luar_rentang(s),
                ("angka_terlalu_besar", true) => eksternal_di_luar_rentang(s),
                _ => Masalahs::one(
                    "nilai_bukan_angka",
                    format!("\"{s}\" bukan angka; isi 1 sampai 5."),
                ),
            }
        })?;
        if ind.eksternal {
            return NilaiEksternal::new(angka.ratusan())
                .map(Nilai::Eksternal)
                .ok_or_else(|| eksternal_di_luar_rentang(s));
        }
        let mut found = Vec::new();
        if !angka.ratusan().is_multiple_of(100) {
            found.extend(desimal_bukan_eksternal(ind).0);
        }
        let level = u8::try_from(angka.ratusan() / 100)
            .ok()
            .and_then(Level::new);
        if level.is_none() {
            found.extend(di_luar_rentang(s).0);
        }
        match level {
            Some(l) if found.is_empty() => Ok(Nilai::Level(l)),
            _ => Err(Masalahs(found)),
        }
    }

    /// Check a value built elsewhere (e.g. read back from storage) against the model.
    /// Codes: `indikator_tidak_dikenal`, `nilai_desimal_bukan_eksternal`.
    pub fn periksa(self, model: &Model, nomor: u32) -> Result<Nilai, Masalahs> {
        let ind = model
            .indikator_nomor(nomor)
            .ok_or_else(|| tidak_dikenal(nomor))?;
        match self {
            Nilai::Eksternal(e) if !ind.eksternal && !e.ratusan().is_multiple_of(100) => {
                Err(desimal_bukan_eksternal(ind))
            }
            _ => Ok(self),
        }
    }

    /// The value in whole hundredths (level 3 is 300).
    pub const fn ratusan(self) -> u32 {
        match self {
            Nilai::Level(l) => l.ratusan(),
            Nilai::Eksternal(e) => e.ratusan(),
        }
    }

    /// The exact value.
    pub fn pecahan(self) -> Pecahan {
        DuaDesimal::dari_ratusan(self.ratusan()).pecahan()
    }

    /// The level, when the value is one.
    pub const fn level(self) -> Option<Level> {
        match self {
            Nilai::Level(l) => Some(l),
            Nilai::Eksternal(_) => None,
        }
    }

    /// What the index counts for `ind`: the value itself, except that a self-assessed
    /// indicator only has whole levels, so a decimal there (which [`Nilai::parse`]
    /// refuses; only a value built by hand gets here) counts as the level below it.
    pub(super) fn dihitung(self, ind: &Indikator) -> u32 {
        match self {
            Nilai::Eksternal(e) if !ind.eksternal => e.ratusan() / 100 * 100,
            _ => self.ratusan(),
        }
    }

    /// Plain form for the API: `3` for a level, `3.45` for a published value.
    pub fn desimal(self) -> String {
        match self {
            Nilai::Level(l) => l.to_string(),
            Nilai::Eksternal(e) => DuaDesimal::dari_ratusan(e.ratusan()).desimal(),
        }
    }
}

impl fmt::Display for Nilai {
    /// Indonesian form: `3` for a level, `3,45` for a published value.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Nilai::Level(l) => write!(f, "{l}"),
            Nilai::Eksternal(e) => write!(f, "{}", DuaDesimal::dari_ratusan(e.ratusan())),
        }
    }
}

fn desimal_bukan_eksternal(ind: &Indikator) -> Masalahs {
    Masalahs(vec![Masalah::new(
        "nilai_desimal_bukan_eksternal",
        format!(
            "Indikator {} dinilai mandiri dengan level bulat 1 sampai 5; nilai desimal hanya untuk indikator eksternal.",
            ind.nomor
        ),
    )])
}

fn eksternal_di_luar_rentang(s: &str) -> Masalahs {
    Masalahs::one(
        "nilai_di_luar_rentang",
        format!("Nilai {s} di luar rentang 1,00 sampai 5,00."),
    )
}
