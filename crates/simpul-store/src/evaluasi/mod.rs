//! The self-evaluation's records (EVA-1..4): periods ([`periode`]), responsible PDs of
//! each indicator ([`pj`]), the indicators' answers ([`indikator`]), evidence items and
//! their reviews ([`bukti`]), the assessor team ([`asesor`]) and the region's wording of
//! level criteria ([`kriteria`]).
//!
//! Models are files, not tables: a period names its model by code and indicators by
//! number, and the domain checks both against the loaded model before anything is
//! stored here. Every change appends one audit entry (entity `evaluasi`) in its own
//! transaction.

pub mod asesor;
pub mod bukti;
pub mod indikator;
pub mod kriteria;
pub mod periode;
pub mod pj;

use simpul_domain::ids::PeriodeEvaluasiId;

use crate::audit::Change;

/// An audit entry about period `id`, optionally for one PD.
fn change(
    action: &str,
    id: PeriodeEvaluasiId,
    pd: Option<String>,
    detail: serde_json::Value,
) -> Change<'_> {
    Change {
        action,
        entity: "evaluasi",
        entity_id: id.to_string(),
        pd,
        detail,
    }
}

/// An indicator number or level as stored.
fn small(v: i32, what: &str) -> Result<u8, crate::StoreError> {
    u8::try_from(v).map_err(|_| crate::StoreError::Corrupt(format!("evaluasi.{what} {v}")))
}

/// An indicator number as stored (numbers are small; a huge one matches nothing).
fn num(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}
