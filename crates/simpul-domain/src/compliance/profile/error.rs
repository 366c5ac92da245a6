//! Errors of a profile, each naming the file, line and field, so an official editing a
//! region's regulation profile can go straight to the mistake.

use std::fmt;

/// One problem in a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfilError {
    /// 1-based line (0 when the problem has no place, e.g. a missing section).
    pub baris: usize,
    /// Field path, e.g. `kewajiban[3].jadwal`.
    pub kolom: String,
    /// Stable code (e.g. `jadwal_tidak_dikenal`, `kutipan_tidak_ada`).
    pub kode: &'static str,
    /// Message in Bahasa Indonesia.
    pub pesan: String,
}

/// Every problem of one profile file; never empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ProfilErrors {
    /// File name as given.
    pub berkas: String,
    /// The problems, in file order.
    pub errors: Vec<ProfilError>,
}

impl fmt::Display for ProfilErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.errors.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}: {}: {}", self.berkas, e.baris, e.kolom, e.pesan)?;
        }
        Ok(())
    }
}

/// The 1-based line of byte offset `at` in `text`.
pub(super) fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}
