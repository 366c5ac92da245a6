//! Numbers with at most two decimals, held as whole hundredths: the weights of a model
//! (`1.30`), predicate limits (`4.2`) and the values other agencies publish (`3,45`).
//! Hundredths keep sums exact, so "weights sum to 100" is an integer comparison.

use std::fmt;

use super::pecahan::Pecahan;
use crate::problem::Masalahs;

/// A non-negative number with at most two decimals, as whole hundredths.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DuaDesimal(u32);

/// An indicator's, aspect's or domain's weight, in percent of the index.
pub type Bobot = DuaDesimal;

/// Why a text is not a two-decimal number (the caller words the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SalahAngka {
    /// Empty after trimming.
    Kosong,
    /// Not digits with one optional decimal separator.
    BukanAngka,
    /// Three or more decimals.
    LebihDuaDesimal,
    /// Larger than `u32::MAX` hundredths.
    TerlaluBesar,
}

impl DuaDesimal {
    /// Zero.
    pub const NOL: DuaDesimal = DuaDesimal(0);
    /// One hundred: what a model's weights sum to.
    pub const SERATUS: DuaDesimal = DuaDesimal(10_000);

    /// From whole hundredths (`130` is 1,30).
    pub const fn dari_ratusan(ratusan: u32) -> Self {
        Self(ratusan)
    }

    /// The whole number `n` (`None` when it does not fit).
    pub const fn bulat(n: u32) -> Option<Self> {
        match n.checked_mul(100) {
            Some(r) => Some(Self(r)),
            None => None,
        }
    }

    /// Whole hundredths.
    pub const fn ratusan(self) -> u32 {
        self.0
    }

    /// The exact value as a fraction.
    pub fn pecahan(self) -> Pecahan {
        Pecahan::new(u128::from(self.0), 100).unwrap_or_default()
    }

    /// Indonesian form, always two decimals: `1,30`.
    pub fn teks(self) -> String {
        self.pecahan().teks()
    }

    /// Plain decimal form for the API: `1.30`.
    pub fn desimal(self) -> String {
        self.pecahan().desimal()
    }

    /// Read user or API input: digits with an optional decimal comma or point and at
    /// most two decimals (`3`, `3,4`, `3.45`). Codes: `angka_kosong`, `bukan_angka`,
    /// `lebih_dua_desimal`, `angka_terlalu_besar`.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        ratusan_dari_teks(input.trim(), &[',', '.'])
            .map(Self)
            .map_err(|e| match e {
                SalahAngka::Kosong => Masalahs::one("angka_kosong", "Angka wajib diisi."),
                SalahAngka::BukanAngka => Masalahs::one(
                    "bukan_angka",
                    format!("\"{}\" bukan angka (contoh: 3 atau 3,45).", input.trim()),
                ),
                SalahAngka::LebihDuaDesimal => Masalahs::one(
                    "lebih_dua_desimal",
                    "Angka paling banyak dua desimal (contoh: 3,45).",
                ),
                SalahAngka::TerlaluBesar => {
                    Masalahs::one("angka_terlalu_besar", "Angka terlalu besar.")
                }
            })
    }
}

impl fmt::Display for DuaDesimal {
    /// The Indonesian form (`1,30`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks())
    }
}

/// `digits[sep digits]` with at most two decimals → hundredths. `pemisah` lists the
/// accepted decimal separators; `_` between digits is allowed when `pemisah` is only
/// `.` (the TOML spelling of a literal).
pub(crate) fn ratusan_dari_teks(s: &str, pemisah: &[char]) -> Result<u32, SalahAngka> {
    if s.is_empty() {
        return Err(SalahAngka::Kosong);
    }
    let toml = pemisah == ['.'];
    let (utuh, pecahan) = match s.find(|c| pemisah.contains(&c)) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let angka = |bagian: &str| -> Result<String, SalahAngka> {
        let ok = !bagian.is_empty()
            && !bagian.starts_with('_')
            && !bagian.ends_with('_')
            && !bagian.contains("__")
            && bagian
                .chars()
                .all(|c| c.is_ascii_digit() || (toml && c == '_'));
        if ok {
            Ok(bagian.replace('_', ""))
        } else {
            Err(SalahAngka::BukanAngka)
        }
    };
    let utuh = angka(utuh)?;
    let pecahan = match pecahan {
        Some(f) => angka(f)?,
        None => String::new(),
    };
    if pecahan.len() > 2 {
        // Trailing zeros add no precision: 1.300 is 1,30.
        if pecahan[2..].chars().any(|c| c != '0') {
            return Err(SalahAngka::LebihDuaDesimal);
        }
    }
    let dua: String = pecahan.chars().chain("00".chars()).take(2).collect();
    // Only digits remain, so parsing fails only by overflow.
    let utuh: u32 = utuh.parse().map_err(|_| SalahAngka::TerlaluBesar)?;
    let dua: u32 = dua.parse().map_err(|_| SalahAngka::BukanAngka)?;
    utuh.checked_mul(100)
        .and_then(|r| r.checked_add(dua))
        .ok_or(SalahAngka::TerlaluBesar)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ratusan(s: &str) -> Result<u32, Vec<&'static str>> {
        DuaDesimal::parse(s)
            .map(DuaDesimal::ratusan)
            .map_err(|e| e.0.iter().map(|m| m.kode).collect())
    }

    #[test]
    fn inputs() {
        assert_eq!(ratusan("3"), Ok(300));
        assert_eq!(ratusan(" 3,4 "), Ok(340));
        assert_eq!(ratusan("3.45"), Ok(345));
        assert_eq!(ratusan("0,05"), Ok(5));
        assert_eq!(ratusan("1,300"), Ok(130));
        assert_eq!(ratusan("1,305"), Err(vec!["lebih_dua_desimal"]));
        assert_eq!(ratusan(""), Err(vec!["angka_kosong"]));
        assert_eq!(ratusan("3,"), Err(vec!["bukan_angka"]));
        assert_eq!(ratusan(",5"), Err(vec!["bukan_angka"]));
        assert_eq!(ratusan("-1"), Err(vec!["bukan_angka"]));
        assert_eq!(ratusan("1_000"), Err(vec!["bukan_angka"]));
        assert_eq!(ratusan("1.000,5"), Err(vec!["bukan_angka"]));
        assert_eq!(ratusan("99999999999"), Err(vec!["angka_terlalu_besar"]));
    }

    #[test]
    fn toml_literals() {
        assert_eq!(ratusan_dari_teks("1_3", &['.']), Ok(1300));
        assert_eq!(ratusan_dari_teks("16.5", &['.']), Ok(1650));
        assert_eq!(ratusan_dari_teks("1.30", &['.']), Ok(130));
        assert_eq!(
            ratusan_dari_teks("1.333", &['.']),
            Err(SalahAngka::LebihDuaDesimal)
        );
        assert_eq!(
            ratusan_dari_teks("1e2", &['.']),
            Err(SalahAngka::BukanAngka)
        );
        assert_eq!(
            ratusan_dari_teks("1,3", &['.']),
            Err(SalahAngka::BukanAngka)
        );
    }

    #[test]
    fn display() {
        assert_eq!(DuaDesimal::dari_ratusan(130).to_string(), "1,30");
        assert_eq!(DuaDesimal::dari_ratusan(130).desimal(), "1.30");
        assert_eq!(DuaDesimal::bulat(13), Some(DuaDesimal::dari_ratusan(1300)));
    }

    proptest! {
        #[test]
        fn round_trips_through_both_forms(r in 0u32..100_000_000) {
            let d = DuaDesimal::dari_ratusan(r);
            prop_assert_eq!(DuaDesimal::parse(&d.teks().replace('.', "")), Ok(d));
            prop_assert_eq!(DuaDesimal::parse(&d.desimal()), Ok(d));
        }

        #[test]
        fn never_panics(s in ".{0,16}") {
            let _ = DuaDesimal::parse(&s);
        }
    }
}
