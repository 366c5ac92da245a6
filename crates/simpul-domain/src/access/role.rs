//! Roles, granted to a staff member within one PD.

use serde::{Deserialize, Serialize};

use crate::ids::PdId;
use crate::problem::Masalahs;

/// A role. What each may do is decided in [`crate::access::permits`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The Dinas unit that resolves what PD administrators cannot (000 Pasal 38(7)(b)).
    SuperAdmin,
    /// Administrator of one PD (000 Pasal 38(7)(a)).
    AdminPd,
    /// Operator who maintains one PD's records.
    OperatorPd,
    /// Member of the Tim Koordinasi SPBE.
    TimKoordinasi,
    /// Internal assessor of the self-evaluation.
    AsesorInternal,
    /// ICT auditor.
    Auditor,
    /// Leadership: reads everything, changes nothing.
    Pimpinan,
    /// The personal-data protection officer (pejabat pelindungan data pribadi, UU
    /// 27/2022 Pasal 53): answers who accessed a resident's data through the bus.
    PelindunganData,
}

impl Role {
    /// Every role.
    pub const ALL: [Role; 8] = [
        Self::SuperAdmin,
        Self::AdminPd,
        Self::OperatorPd,
        Self::TimKoordinasi,
        Self::AsesorInternal,
        Self::Auditor,
        Self::Pimpinan,
        Self::PelindunganData,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::SuperAdmin => "super_admin",
            Self::AdminPd => "admin_pd",
            Self::OperatorPd => "operator_pd",
            Self::TimKoordinasi => "tim_koordinasi",
            Self::AsesorInternal => "asesor_internal",
            Self::Auditor => "auditor",
            Self::Pimpinan => "pimpinan",
            Self::PelindunganData => "pelindungan_data",
        }
    }

    /// Parse a stable code, with a Bahasa Indonesia error naming the valid ones.
    pub fn parse(s: &str) -> Result<Self, Masalahs> {
        let t = s.trim();
        Self::ALL
            .into_iter()
            .find(|r| r.code() == t)
            .ok_or_else(|| {
                let valid: Vec<_> = Self::ALL.iter().map(|r| r.code()).collect();
                Masalahs::one(
                    "peran_tidak_dikenal",
                    format!(
                        "Peran \"{t}\" tidak dikenal. Pilihan: {}.",
                        valid.join(", ")
                    ),
                )
            })
    }
}

/// A role held in a PD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Grant {
    /// Role.
    pub role: Role,
    /// The PD the role is held in.
    pub pd: PdId,
}
