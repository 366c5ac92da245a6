//! The SPBE coordination team (Tim Koordinasi SPBE), structured as 001 Lampiran J.

use serde::{Deserialize, Serialize};

use crate::ids::{AnggotaTimId, PegawaiId};

/// Position in the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kedudukan {
    /// Pembina (adviser).
    Pembina,
    /// Ketua (chair; the Sekretaris Daerah, 000 Pasal 44(2)).
    Ketua,
    /// Wakil Ketua.
    WakilKetua,
    /// Sekretaris (head of the Dinas).
    Sekretaris,
    /// Anggota, in one of the ten fields.
    Anggota,
}

impl Kedudukan {
    /// Every position, in order of rank.
    pub const ALL: [Kedudukan; 5] = [
        Self::Pembina,
        Self::Ketua,
        Self::WakilKetua,
        Self::Sekretaris,
        Self::Anggota,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Pembina => "pembina",
            Self::Ketua => "ketua",
            Self::WakilKetua => "wakil_ketua",
            Self::Sekretaris => "sekretaris",
            Self::Anggota => "anggota",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// The ten fields (bidang) of the team's members, 001 Lampiran J.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bidang {
    /// Transformasi proses bisnis dan manajemen risiko.
    TransformasiProsesBisnisRisiko,
    /// Manajemen perubahan.
    Perubahan,
    /// Sumber daya manusia.
    Sdm,
    /// Layanan dan aset TIK.
    LayananAsetTik,
    /// Manajemen data.
    Data,
    /// Keamanan informasi.
    KeamananInformasi,
    /// Manajemen pengetahuan.
    Pengetahuan,
    /// Penganggaran.
    Penganggaran,
    /// Perencanaan.
    Perencanaan,
    /// Audit TIK.
    AuditTik,
}

impl Bidang {
    /// Every field, in the order of 001 Lampiran J.
    pub const ALL: [Bidang; 10] = [
        Self::TransformasiProsesBisnisRisiko,
        Self::Perubahan,
        Self::Sdm,
        Self::LayananAsetTik,
        Self::Data,
        Self::KeamananInformasi,
        Self::Pengetahuan,
        Self::Penganggaran,
        Self::Perencanaan,
        Self::AuditTik,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::TransformasiProsesBisnisRisiko => "transformasi_proses_bisnis_risiko",
            Self::Perubahan => "perubahan",
            Self::Sdm => "sdm",
            Self::LayananAsetTik => "layanan_aset_tik",
            Self::Data => "data",
            Self::KeamananInformasi => "keamanan_informasi",
            Self::Pengetahuan => "pengetahuan",
            Self::Penganggaran => "penganggaran",
            Self::Perencanaan => "perencanaan",
            Self::AuditTik => "audit_tik",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }
}

/// One membership of the team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnggotaTim {
    /// Id.
    pub id: AnggotaTimId,
    /// The staff member.
    pub pegawai: PegawaiId,
    /// Position.
    pub kedudukan: Kedudukan,
    /// Field, for members.
    pub bidang: Option<Bidang>,
}
