//! The kinds of planning document a region keeps: the Rencana Induk, the Arsitektur SPBE
//! and the Peta Rencana (001 Pasal 5(2); 003 Pasal 5; 004 Pasal 4), and the ten internal
//! policies of PermenPANRB 59/2020 as 001 Lampiran A-J lists them.

use serde::Serialize;

use crate::Masalahs;

/// One of the ten internal SPBE policies (001 Lampiran Bab I huruf C, Bab II A-J).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KebijakanInternal {
    /// A. Arsitektur SPBE.
    Arsitektur,
    /// B. Peta Rencana SPBE.
    PetaRencana,
    /// C. Manajemen Data.
    ManajemenData,
    /// D. Pembangunan Aplikasi SPBE.
    PembangunanAplikasi,
    /// E. Layanan Pusat Data.
    PusatData,
    /// F. Layanan Jaringan Intra.
    JaringanIntra,
    /// G. Penggunaan Sistem Penghubung Layanan.
    PenghubungLayanan,
    /// H. Manajemen Keamanan Informasi.
    KeamananInformasi,
    /// I. Audit Teknologi Informasi dan Komunikasi.
    AuditTik,
    /// J. Tim Koordinasi SPBE.
    TimKoordinasi,
}

impl KebijakanInternal {
    /// The ten policies in the order of 001 Lampiran (A to J).
    pub const ALL: [KebijakanInternal; 10] = [
        Self::Arsitektur,
        Self::PetaRencana,
        Self::ManajemenData,
        Self::PembangunanAplikasi,
        Self::PusatData,
        Self::JaringanIntra,
        Self::PenghubungLayanan,
        Self::KeamananInformasi,
        Self::AuditTik,
        Self::TimKoordinasi,
    ];

    /// Its letter in 001 Lampiran (Bab II A-J). Other regions may letter them differently;
    /// the stable code never depends on the letter.
    pub fn huruf(self) -> char {
        let i = Self::ALL.iter().position(|k| *k == self).unwrap_or(0);
        char::from(b'A' + i as u8)
    }

    /// The policy's subject, as 001 Lampiran names it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Arsitektur => "Arsitektur SPBE",
            Self::PetaRencana => "Peta Rencana SPBE",
            Self::ManajemenData => "Manajemen Data",
            Self::PembangunanAplikasi => "Pembangunan Aplikasi SPBE",
            Self::PusatData => "Layanan Pusat Data",
            Self::JaringanIntra => "Layanan Jaringan Intra",
            Self::PenghubungLayanan => "Penggunaan Sistem Penghubung Layanan",
            Self::KeamananInformasi => "Manajemen Keamanan Informasi",
            Self::AuditTik => "Audit Teknologi Informasi dan Komunikasi",
            Self::TimKoordinasi => "Tim Koordinasi SPBE",
        }
    }
}

/// A kind of planning document. Stored and sent as its [`code`](Self::code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum JenisDokumenPerencanaan {
    /// Rencana Induk SPBE (master plan; 20 years in 001, 5 in 003 and 004).
    RencanaInduk,
    /// The Arsitektur SPBE document (5 years; ARC-7).
    Arsitektur,
    /// Peta Rencana SPBE (roadmap, 5 years; PLN-2).
    PetaRencana,
    /// One of the ten internal policies.
    Kebijakan(KebijakanInternal),
}

impl JenisDokumenPerencanaan {
    /// Every kind: the three plans, then the ten policies A to J.
    pub const ALL: [JenisDokumenPerencanaan; 13] = [
        Self::RencanaInduk,
        Self::Arsitektur,
        Self::PetaRencana,
        Self::Kebijakan(KebijakanInternal::Arsitektur),
        Self::Kebijakan(KebijakanInternal::PetaRencana),
        Self::Kebijakan(KebijakanInternal::ManajemenData),
        Self::Kebijakan(KebijakanInternal::PembangunanAplikasi),
        Self::Kebijakan(KebijakanInternal::PusatData),
        Self::Kebijakan(KebijakanInternal::JaringanIntra),
        Self::Kebijakan(KebijakanInternal::PenghubungLayanan),
        Self::Kebijakan(KebijakanInternal::KeamananInformasi),
        Self::Kebijakan(KebijakanInternal::AuditTik),
        Self::Kebijakan(KebijakanInternal::TimKoordinasi),
    ];

    /// Stable snake_case code (database, API, forms, Fluent keys).
    pub fn code(self) -> &'static str {
        match self {
            Self::RencanaInduk => "rencana_induk",
            Self::Arsitektur => "arsitektur",
            Self::PetaRencana => "peta_rencana",
            Self::Kebijakan(k) => match k {
                KebijakanInternal::Arsitektur => "kebijakan_arsitektur",
                KebijakanInternal::PetaRencana => "kebijakan_peta_rencana",
                KebijakanInternal::ManajemenData => "kebijakan_manajemen_data",
                KebijakanInternal::PembangunanAplikasi => "kebijakan_pembangunan_aplikasi",
                KebijakanInternal::PusatData => "kebijakan_pusat_data",
                KebijakanInternal::JaringanIntra => "kebijakan_jaringan_intra",
                KebijakanInternal::PenghubungLayanan => "kebijakan_penghubung_layanan",
                KebijakanInternal::KeamananInformasi => "kebijakan_keamanan_informasi",
                KebijakanInternal::AuditTik => "kebijakan_audit_tik",
                KebijakanInternal::TimKoordinasi => "kebijakan_tim_koordinasi",
            },
        }
    }

    /// Parse a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|j| j.code() == code)
    }

    /// Parse a code from a form or the API.
    pub fn parse(code: &str) -> Result<Self, Masalahs> {
        Self::from_code(code.trim()).ok_or_else(|| {
            Masalahs::one(
                "jenis_perencanaan",
                "Pilih jenis dokumen perencanaan dari daftar.",
            )
        })
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> String {
        match self {
            Self::RencanaInduk => "Rencana Induk SPBE".to_owned(),
            Self::Arsitektur => "Arsitektur SPBE".to_owned(),
            Self::PetaRencana => "Peta Rencana SPBE".to_owned(),
            Self::Kebijakan(k) => format!("Kebijakan Internal {}", k.label()),
        }
    }

    /// The internal policy, when this is one.
    pub fn kebijakan(self) -> Option<KebijakanInternal> {
        match self {
            Self::Kebijakan(k) => Some(k),
            _ => None,
        }
    }

    /// Whether the document covers a plan period. The three plans are adopted for a
    /// period (their mid-term and final-year reviews are measured against it, 001 Pasal
    /// 10, 13); a policy holds until replaced, so a period is optional there.
    pub fn butuh_periode(self) -> bool {
        !matches!(self, Self::Kebijakan(_))
    }
}

impl Serialize for JenisDokumenPerencanaan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_round_trip() {
        let codes: std::collections::BTreeSet<_> = JenisDokumenPerencanaan::ALL
            .iter()
            .map(|j| j.code())
            .collect();
        assert_eq!(codes.len(), 13);
        for j in JenisDokumenPerencanaan::ALL {
            assert_eq!(JenisDokumenPerencanaan::parse(j.code()).unwrap(), j);
            assert!(!j.label().is_empty());
        }
        assert!(
            JenisDokumenPerencanaan::parse("rencana_strategis")
                .unwrap_err()
                .has("jenis_perencanaan")
        );
    }

    #[test]
    fn policies_are_lettered_a_to_j() {
        let letters: String = KebijakanInternal::ALL.iter().map(|k| k.huruf()).collect();
        assert_eq!(letters, "ABCDEFGHIJ");
        assert_eq!(
            JenisDokumenPerencanaan::Kebijakan(KebijakanInternal::AuditTik).label(),
            "Kebijakan Internal Audit Teknologi Informasi dan Komunikasi"
        );
        assert!(JenisDokumenPerencanaan::RencanaInduk.butuh_periode());
        assert!(!JenisDokumenPerencanaan::Kebijakan(KebijakanInternal::PusatData).butuh_periode());
    }
}
