//! The outcome of evaluating an obligation for one subject on one date: a status, the
//! deadline the status is about, and what the UI needs to explain it.

use serde::Serialize;
use time::Date;

/// Why an obligation does not apply to a subject on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanTidakBerlaku {
    /// The date lies before the obligation applies to the subject (or its plan period starts).
    BelumBerlaku,
    /// The cadence is measured against a plan period and the subject has none.
    TanpaPeriode,
    /// The plan period ended before the obligation began to apply.
    PeriodeBerakhir,
    /// The obligation reacts to events and none has happened.
    BelumAdaPeristiwa,
}

impl AlasanTidakBerlaku {
    /// Explanation in Bahasa Indonesia.
    pub fn pesan(self) -> &'static str {
        match self {
            Self::BelumBerlaku => "kewajiban belum berlaku pada tanggal ini",
            Self::TanpaPeriode => "subjek belum memiliki periode rencana",
            Self::PeriodeBerakhir => "periode rencana berakhir sebelum kewajiban berlaku",
            Self::BelumAdaPeristiwa => "belum ada peristiwa yang menimbulkan kewajiban",
        }
    }
}

/// Compliance status of one obligation for one subject on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fulfilled as required; the next deadline, if any, is outside the due-soon window.
    Terpenuhi,
    /// The deadline is today or within the due-soon window and is not yet met.
    SegeraJatuhTempo,
    /// A deadline has passed without the fulfilment it required.
    Terlambat,
    /// Never fulfilled, and the first deadline is outside the due-soon window.
    BelumPernah,
    /// The obligation does not apply, for the given reason.
    TidakBerlaku(AlasanTidakBerlaku),
}

impl Status {
    /// Stable snake_case code for the API and translation files.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Terpenuhi => "terpenuhi",
            Self::SegeraJatuhTempo => "segera_jatuh_tempo",
            Self::Terlambat => "terlambat",
            Self::BelumPernah => "belum_pernah",
            Self::TidakBerlaku(_) => "tidak_berlaku",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Self::Terpenuhi => "Terpenuhi",
            Self::SegeraJatuhTempo => "Segera jatuh tempo",
            Self::Terlambat => "Terlambat",
            Self::BelumPernah => "Belum pernah",
            Self::TidakBerlaku(_) => "Tidak berlaku",
        }
    }

    /// How much attention the status needs, 0 (none) to 3 (overdue); `None` when the
    /// obligation does not apply. "Belum pernah" ranks above "terpenuhi" because
    /// something is still to be done, below "segera jatuh tempo" because it is not urgent.
    pub fn keparahan(self) -> Option<u8> {
        match self {
            Self::Terpenuhi => Some(0),
            Self::BelumPernah => Some(1),
            Self::SegeraJatuhTempo => Some(2),
            Self::Terlambat => Some(3),
            Self::TidakBerlaku(_) => None,
        }
    }
}

/// Progress within the current calendar year, for "minimal N kali setahun".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Kemajuan {
    /// The calendar year counted (the year of the evaluation date).
    pub tahun: i32,
    /// Fulfilments counted in that year up to the evaluation date.
    pub selesai: u32,
    /// Fulfilments the cadence requires per year.
    pub wajib: u16,
}

/// The evaluation of one obligation for one subject on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Penilaian {
    /// The status.
    pub status: Status,
    /// The deadline the status is about: the missed one when "terlambat", otherwise the
    /// next one; `None` when nothing further is due or the obligation does not apply.
    pub jatuh_tempo: Option<Date>,
    /// The latest fulfilment that counts (on or after the start, on or before the date).
    pub terakhir: Option<Date>,
    /// Progress in the current year, for per-year cadences.
    pub kemajuan: Option<Kemajuan>,
}

impl Penilaian {
    /// The obligation does not apply.
    pub(super) fn tidak_berlaku(alasan: AlasanTidakBerlaku) -> Self {
        Self {
            status: Status::TidakBerlaku(alasan),
            jatuh_tempo: None,
            terakhir: None,
            kemajuan: None,
        }
    }
}

/// The status for the earliest unmet deadline `due` (`None`: nothing is owed) on `as_of`.
/// Lateness and urgency come first, so a subject that never fulfilled an obligation
/// whose first deadline has passed is "terlambat", not "belum pernah".
pub(super) fn classify(as_of: Date, due: Option<Date>, pernah: bool, segera_hari: u16) -> Status {
    match due {
        Some(d) if as_of > d => Status::Terlambat,
        Some(d) if (d - as_of).whole_days() <= i64::from(segera_hari) => Status::SegeraJatuhTempo,
        _ if !pernah => Status::BelumPernah,
        _ => Status::Terpenuhi,
    }
}
