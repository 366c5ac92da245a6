//! A review of a planning document: the mid-term and final-year reviews of the
//! Arsitektur and Peta Rencana (001 Pasal 10, 13), the five-yearly review of a Rencana
//! Induk (001 Pasal 7(2)), the periodic review of each internal policy (001 Lampiran
//! A-J). Each is a dated record with its findings and, usually, the report as a file;
//! records are never edited, so they stand as evidence of when the review happened.

use serde::{Deserialize, Serialize};
use time::Date;

use super::input::{tanggal_lalu, text_or_number};
use crate::ids::{DokumenPerencanaanId, ReviuPerencanaanId};
use crate::problem::FieldProblems;
use crate::text::required;

/// Longest summary of a review's findings.
pub const MAX_RINGKASAN: usize = 2000;

/// Raw form or API input of a review.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReviuInput {
    /// Date of the review, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "text_or_number")]
    pub tanggal: String,
    /// What the review found and decided.
    #[serde(default, deserialize_with = "text_or_number")]
    pub ringkasan: String,
}

/// A validated review to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReviu {
    /// When it took place (not after the day of entry).
    pub tanggal: Date,
    /// Findings and decisions.
    pub ringkasan: String,
}

impl NewReviu {
    /// Validate both fields at once; problems keyed `tanggal` and `ringkasan`.
    pub fn parse(input: &ReviuInput, today: Date) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let tanggal = if input.tanggal.trim().is_empty() {
            p.add(
                "tanggal",
                crate::Masalahs::one("wajib_diisi", "Wajib diisi."),
            );
            None
        } else {
            p.check("tanggal", tanggal_lalu(&input.tanggal, today))
        };
        let ringkasan = p.check("ringkasan", required(&input.ringkasan, MAX_RINGKASAN));
        match (tanggal, ringkasan) {
            (Some(tanggal), Some(ringkasan)) if p.is_empty() => Ok(Self { tanggal, ringkasan }),
            _ => Err(p),
        }
    }
}

/// A stored review (its file, if any, is the store's concern).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reviu {
    /// Id.
    pub id: ReviuPerencanaanId,
    /// The reviewed document.
    pub dokumen: DokumenPerencanaanId,
    /// When it took place (`YYYY-MM-DD` in JSON).
    #[serde(serialize_with = "super::input::ser_date")]
    pub tanggal: Date,
    /// Findings and decisions.
    pub ringkasan: String,
    /// NIP of who recorded it, or `sistem`.
    pub dicatat_oleh: String,
    /// When it was recorded (UTC, RFC 3339).
    pub dibuat: String,
}
