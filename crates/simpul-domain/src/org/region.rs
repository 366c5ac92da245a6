//! The regional government that runs this Simpul instance.

use serde::{Deserialize, Serialize};

/// Level of the regional government; decides the head's title and vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatDaerah {
    /// Provinsi, headed by a Gubernur.
    Provinsi,
    /// Kabupaten (regency), headed by a Bupati.
    Kabupaten,
    /// Kota (city), headed by a Wali Kota.
    Kota,
}

impl TingkatDaerah {
    /// Stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Provinsi => "provinsi",
            Self::Kabupaten => "kabupaten",
            Self::Kota => "kota",
        }
    }

    /// Parse the stored code.
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "provinsi" => Some(Self::Provinsi),
            "kabupaten" => Some(Self::Kabupaten),
            "kota" => Some(Self::Kota),
            _ => None,
        }
    }

    /// Title of the head of region.
    pub fn kepala(self) -> &'static str {
        match self {
            Self::Provinsi => "Gubernur",
            Self::Kabupaten => "Bupati",
            Self::Kota => "Wali Kota",
        }
    }
}

/// The region itself (one per instance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Region {
    /// Kemendagri code, dotted (`63.10`).
    pub kode: String,
    /// Official name, e.g. "Kabupaten Tanah Bumbu".
    pub nama: String,
    /// Level.
    pub tingkat: TingkatDaerah,
    /// Official internet domain, e.g. `tanbukab.go.id`.
    pub domain: Option<String>,
    /// Regulation profile in use (file stem under `profiles/`).
    pub profil: Option<String>,
}
