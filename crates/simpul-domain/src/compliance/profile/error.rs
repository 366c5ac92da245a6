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
        let problems = self
            .errors
            .iter()
            .map(|e| (e.baris, e.kolom.as_str(), e.pesan.as_str()));
        crate::file_problems::write(f, &self.berkas, problems)
    }
}

pub(super) use crate::file_problems::line_of;
