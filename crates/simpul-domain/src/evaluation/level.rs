//! A maturity level, 1 to 5. Levels are cumulative in both models (level n requires
//! level n-1), so a level is also "how many steps of the scale are met".

use std::fmt;

use crate::problem::Masalahs;

/// A maturity level 1..=5 (serialised as its number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Level(u8);

impl Level {
    /// Level 1, the floor of the scale.
    pub const SATU: Level = Level(1);
    /// Level 5, the top of the scale.
    pub const LIMA: Level = Level(5);
    /// Every level, lowest first.
    pub const SEMUA: [Level; 5] = [Level(1), Level(2), Level(3), Level(4), Level(5)];

    /// The level `n`, when 1..=5.
    pub const fn new(n: u8) -> Option<Level> {
        if n >= 1 && n <= 5 {
            Some(Level(n))
        } else {
            None
        }
    }

    /// The number 1..=5.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The level above, `None` at 5.
    pub const fn berikut(self) -> Option<Level> {
        Level::new(self.0 + 1)
    }

    /// 0-based position in a model's five-entry lists (`kriteria`, `bukti`).
    pub const fn posisi(self) -> usize {
        self.0 as usize - 1
    }

    /// The level as whole hundredths of a value (level 3 is 3,00).
    pub const fn ratusan(self) -> u32 {
        self.0 as u32 * 100
    }

    /// Read user or API input `1`..`5`. Codes: `nilai_kosong`, `nilai_bukan_angka`,
    /// `level_di_luar_rentang`.
    pub fn parse(input: &str) -> Result<Level, Masalahs> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Masalahs::one("nilai_kosong", "Level wajib diisi."));
        }
        if !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(Masalahs::one(
                "nilai_bukan_angka",
                format!("\"{s}\" bukan level; isi angka 1 sampai 5."),
            ));
        }
        s.parse::<u8>()
            .ok()
            .and_then(Level::new)
            .ok_or_else(|| di_luar_rentang(s))
    }
}

/// The problem of a whole number outside 1..=5.
pub(super) fn di_luar_rentang(s: &str) -> Masalahs {
    Masalahs::one(
        "level_di_luar_rentang",
        format!("Level {s} di luar rentang; level 1 sampai 5."),
    )
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_and_steps() {
        assert_eq!(Level::new(0), None);
        assert_eq!(Level::new(6), None);
        assert_eq!(Level::SEMUA.map(Level::get), [1, 2, 3, 4, 5]);
        assert_eq!(Level::SATU.berikut(), Level::new(2));
        assert_eq!(Level::LIMA.berikut(), None);
        assert_eq!(Level::LIMA.posisi(), 4);
    }

    #[test]
    fn parse_codes() {
        let kode = |s: &str| Level::parse(s).map_err(|e| e.0[0].kode);
        assert_eq!(kode(" 3 "), Ok(Level(3)));
        assert_eq!(kode("0"), Err("level_di_luar_rentang"));
        assert_eq!(kode("6"), Err("level_di_luar_rentang"));
        assert_eq!(kode("999"), Err("level_di_luar_rentang"));
        assert_eq!(kode(""), Err("nilai_kosong"));
        assert_eq!(kode("tiga"), Err("nilai_bukan_angka"));
        assert_eq!(kode("-1"), Err("nilai_bukan_angka"));
    }
}
