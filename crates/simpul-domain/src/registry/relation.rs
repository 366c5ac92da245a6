//! Relations between registry records.

use serde::{Deserialize, Serialize};

use crate::ids::{ItemId, RelasiId};

/// What a relation says, read "dari <jenis> ke".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelasiJenis {
    /// `dari` uses `ke` (a process uses a service, an application uses a dataset).
    Menggunakan,
    /// `dari` delivers `ke` (an application delivers a service).
    Menyediakan,
    /// `dari` is hosted on `ke` (an application on a server, a server in a data centre).
    DihostingDi,
    /// `dari` depends on `ke` (generic dependency).
    BergantungPada,
    /// `dari` exchanges data with `ke` (integration; no dependency implied).
    TerintegrasiDengan,
}

impl RelasiJenis {
    /// Every kind of relation.
    pub const ALL: [RelasiJenis; 5] = [
        Self::Menggunakan,
        Self::Menyediakan,
        Self::DihostingDi,
        Self::BergantungPada,
        Self::TerintegrasiDengan,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Menggunakan => "menggunakan",
            Self::Menyediakan => "menyediakan",
            Self::DihostingDi => "dihosting_di",
            Self::BergantungPada => "bergantung_pada",
            Self::TerintegrasiDengan => "terintegrasi_dengan",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == s)
    }
}

/// A stored relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Relasi {
    /// Id.
    pub id: RelasiId,
    /// From.
    pub dari: ItemId,
    /// To.
    pub ke: ItemId,
    /// What it says.
    pub jenis: RelasiJenis,
}
