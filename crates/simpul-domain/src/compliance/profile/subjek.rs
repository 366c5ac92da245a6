//! What an obligation applies to: every PD, every Aplikasi Khusus, the Dinas, a planning
//! document, the region as a whole.

use std::fmt;

use crate::plan::JenisDokumenPerencanaan;

/// The subjects of an obligation. One obligation yields one status per subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subjek {
    /// The regional government as a whole (one subject).
    PemerintahDaerah,
    /// The Dinas that manages SPBE (one subject).
    Dinas,
    /// Every active PD.
    SetiapPd,
    /// Every application.
    SetiapAplikasi,
    /// Every Aplikasi Khusus (regional application).
    SetiapAplikasiKhusus,
    /// Every Aplikasi Umum (shared national application).
    SetiapAplikasiUmum,
    /// Every server or VPS.
    SetiapServer,
    /// The region's SPBE infrastructure as a whole (one subject).
    Infrastruktur,
    /// Every business process.
    SetiapProsesBisnis,
    /// Every SPBE service.
    SetiapLayanan,
    /// Every internal policy (001 Lampiran A-J).
    SetiapKebijakanInternal,
    /// One planning document (Rencana Induk, Arsitektur, Peta Rencana, one policy).
    Dokumen(JenisDokumenPerencanaan),
}

/// Codes of the subjects without a parameter, with their labels.
const FIXED: &[(Subjek, &str, &str)] = &[
    (
        Subjek::PemerintahDaerah,
        "pemerintah_daerah",
        "Pemerintah daerah",
    ),
    (Subjek::Dinas, "dinas", "Dinas pengelola SPBE"),
    (Subjek::SetiapPd, "setiap_pd", "Setiap PD"),
    (Subjek::SetiapAplikasi, "setiap_aplikasi", "Setiap aplikasi"),
    (
        Subjek::SetiapAplikasiKhusus,
        "setiap_aplikasi_khusus",
        "Setiap Aplikasi Khusus",
    ),
    (
        Subjek::SetiapAplikasiUmum,
        "setiap_aplikasi_umum",
        "Setiap Aplikasi Umum",
    ),
    (Subjek::SetiapServer, "setiap_server", "Setiap server"),
    (Subjek::Infrastruktur, "infrastruktur", "Infrastruktur SPBE"),
    (
        Subjek::SetiapProsesBisnis,
        "setiap_proses_bisnis",
        "Setiap proses bisnis",
    ),
    (
        Subjek::SetiapLayanan,
        "setiap_layanan",
        "Setiap layanan SPBE",
    ),
    (
        Subjek::SetiapKebijakanInternal,
        "setiap_kebijakan_internal",
        "Setiap kebijakan internal",
    ),
];

/// Prefix of a planning-document subject: `dokumen:rencana_induk`.
const DOKUMEN: &str = "dokumen:";

impl Subjek {
    /// Parse a code; `None` when unknown.
    pub fn from_code(code: &str) -> Option<Self> {
        if let Some(j) = code.strip_prefix(DOKUMEN) {
            return JenisDokumenPerencanaan::from_code(j).map(Self::Dokumen);
        }
        FIXED
            .iter()
            .find(|(_, c, _)| *c == code)
            .map(|(s, _, _)| *s)
    }

    /// Every accepted code, for error messages and documentation.
    pub fn codes() -> Vec<String> {
        FIXED
            .iter()
            .map(|(_, c, _)| (*c).to_owned())
            .chain(
                JenisDokumenPerencanaan::ALL
                    .iter()
                    .map(|j| format!("{DOKUMEN}{}", j.code())),
            )
            .collect()
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> String {
        match self {
            Self::Dokumen(j) => j.label(),
            s => FIXED
                .iter()
                .find(|(f, _, _)| *f == s)
                .map(|(_, _, l)| (*l).to_owned())
                .unwrap_or_default(),
        }
    }
}

impl fmt::Display for Subjek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Dokumen(j) => write!(f, "{DOKUMEN}{}", j.code()),
            s => f.write_str(
                FIXED
                    .iter()
                    .find(|(x, _, _)| x == s)
                    .map_or("", |(_, c, _)| c),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Subjek::codes() {
            let s = Subjek::from_code(&c).unwrap();
            assert_eq!(s.to_string(), c);
            assert!(!s.label().is_empty(), "{c}");
        }
        assert_eq!(Subjek::from_code("setiap_kucing"), None);
        assert_eq!(Subjek::from_code("dokumen:tidak_ada"), None);
    }
}
