//! The final level of an indicator after the assessors' review. Levels are cumulative,
//! so a level counts only when its evidence and that of every level below it is
//! accepted: accepted evidence for level 4 does not make up for a level 2 sent back for
//! revision.
//!
//! When even level 1 is not met the final level is still 1, the floor of the scale: the
//! index is defined on levels 1..5 and a guideline's level 1 is the starting point, not
//! an achievement. [`TingkatAkhir::tanpa_bukti_diterima`] tells the UI to say so, rather
//! than show a 1 that looks earned.

use super::level::Level;
use super::nilai::Nilai;

/// An assessor's decision on one evidence item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusBukti {
    /// Accepted.
    Diterima,
    /// Sent back for revision.
    Revisi,
    /// Not reviewed yet.
    BelumDinilai,
}

const KODE: &[(StatusBukti, &str, &str)] = &[
    (StatusBukti::Diterima, "diterima", "Diterima"),
    (StatusBukti::Revisi, "revisi", "Perlu revisi"),
    (StatusBukti::BelumDinilai, "belum_dinilai", "Belum dinilai"),
];

impl StatusBukti {
    /// Stable code for storage and the API: `diterima`, `revisi`, `belum_dinilai`.
    pub fn kode(self) -> &'static str {
        KODE.iter()
            .find(|(s, ..)| *s == self)
            .map_or("", |(_, k, _)| k)
    }

    /// The status with this code.
    pub fn from_kode(kode: &str) -> Option<Self> {
        KODE.iter().find(|(_, k, _)| *k == kode).map(|(s, ..)| *s)
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        KODE.iter()
            .find(|(s, ..)| *s == self)
            .map_or("", |(.., l)| l)
    }
}

/// The final level of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TingkatAkhir {
    /// The highest level whose evidence, and that of every level below, is accepted;
    /// 1 when none is.
    pub level: Level,
    /// Not even level 1 has all its evidence accepted: `level` is the floor, not earned.
    pub tanpa_bukti_diterima: bool,
    /// The first level that is not met (no evidence, or some not accepted); `None` at 5.
    pub tertahan: Option<Level>,
}

impl TingkatAkhir {
    /// The value to count in the index.
    pub fn nilai(self) -> Nilai {
        Nilai::Level(self.level)
    }
}

/// The final level from the review state of each level's evidence (`per_level[0]` is
/// level 1). A level is met when it has at least one item and all are accepted.
pub fn tingkat_akhir<B: AsRef<[StatusBukti]>>(per_level: &[B; 5]) -> TingkatAkhir {
    let terpenuhi = |b: &B| {
        let b = b.as_ref();
        !b.is_empty() && b.iter().all(|s| *s == StatusBukti::Diterima)
    };
    let tertahan = per_level
        .iter()
        .zip(Level::SEMUA)
        .find(|(b, _)| !terpenuhi(b))
        .map(|(_, l)| l);
    let level = match tertahan {
        None => Level::LIMA,
        Some(t) => Level::new(t.get() - 1).unwrap_or(Level::SATU),
    };
    TingkatAkhir {
        level,
        tanpa_bukti_diterima: tertahan == Some(Level::SATU),
        tertahan,
    }
}

#[cfg(test)]
mod tests {
    use super::StatusBukti::{BelumDinilai as B, Diterima as D, Revisi as R};
    use super::*;

    fn akhir(per_level: [&[StatusBukti]; 5]) -> (u8, bool, Option<u8>) {
        let t = tingkat_akhir(&per_level);
        (
            t.level.get(),
            t.tanpa_bukti_diterima,
            t.tertahan.map(Level::get),
        )
    }

    #[test]
    fn all_accepted_is_five() {
        assert_eq!(
            akhir([&[D], &[D, D], &[D], &[D], &[D, D, D]]),
            (5, false, None)
        );
    }

    #[test]
    fn a_gap_stops_the_climb() {
        // Level 3 accepted does not count while level 2 is sent back.
        assert_eq!(akhir([&[D], &[R], &[D], &[D], &[]]), (1, false, Some(2)));
        assert_eq!(akhir([&[D], &[D, R], &[D], &[], &[]]), (1, false, Some(2)));
        assert_eq!(akhir([&[D], &[D], &[D], &[], &[D]]), (3, false, Some(4)));
        assert_eq!(akhir([&[D], &[D], &[B], &[D], &[D]]), (2, false, Some(3)));
    }

    #[test]
    fn nothing_accepted_is_the_floor_flagged() {
        assert_eq!(akhir([&[], &[], &[], &[], &[]]), (1, true, Some(1)));
        assert_eq!(akhir([&[R], &[D], &[D], &[D], &[D]]), (1, true, Some(1)));
        assert_eq!(akhir([&[D, B], &[D], &[], &[], &[]]), (1, true, Some(1)));
        assert_eq!(akhir([&[D], &[], &[], &[], &[]]), (1, false, Some(2)));
    }

    #[test]
    fn vectors_work_too_and_the_value_is_the_level() {
        let v: [Vec<StatusBukti>; 5] = [vec![D], vec![D], vec![], vec![], vec![]];
        assert_eq!(
            tingkat_akhir(&v).nilai(),
            Nilai::Level(Level::new(2).unwrap())
        );
    }

    #[test]
    fn serialised_as_codes() {
        let json = |s: StatusBukti| toml::Value::try_from(s).unwrap().to_string();
        for s in [D, R, B] {
            assert_eq!(json(s), format!("\"{}\"", s.kode()));
        }
    }

    #[test]
    fn codes_round_trip() {
        for s in [D, R, B] {
            assert_eq!(StatusBukti::from_kode(s.kode()), Some(s));
            assert!(!s.label().is_empty());
        }
        assert_eq!(StatusBukti::from_kode("ditolak"), None);
    }
}
