//! Compliance (REG-3): gathering what the obligation engine evaluates, and recording
//! fulfilments by hand ([`pemenuhan`]).
//!
//! [`gather`] reads the subjects of a profile's obligations and every dated piece of
//! evidence in a bounded number of queries, whatever the size of the registry (at most
//! seven: PDs, registry records, planning documents, LAN diagrams, planning reviews,
//! business-process review documents, recorded fulfilments), and only the sources the
//! profile uses. Stored timestamps are UTC; evidence dates are the day in the region's
//! own time zone, so an upload at 07.30 WITA on 1 January counts for the new year.
//!
//! Where evidence comes from, per `bukti`:
//!
//! | `bukti` | read from |
//! |---|---|
//! | `diagram_lan` | every LAN diagram upload of the PD (and of the Dinas as `dinas`); a version after the first of a year is also the event `perubahan LAN` |
//! | `penetapan_dokumen` | the decree date of the planning document in force |
//! | `reviu_dokumen` | reviews of the planning document in force |
//! | `reviu_proses_bisnis` | a business process's `tanggal_review`, and each upload of its `hasil_reviu` document |
//! | `pemantauan_evaluasi`, `audit`, `catatan` | recorded fulfilments only |
//!
//! Recorded fulfilments count for their own obligation whatever its `bukti`.

pub mod pemenuhan;

mod bukti;
mod subjek;

use std::collections::HashSet;

use simpul_domain::FieldProblems;
use simpul_domain::compliance::engine::{EngineInput, PemenuhanBaru, PemenuhanInput};
use simpul_domain::compliance::profile::{Profil, Subjek};
use simpul_domain::ident::ZonaWaktu;
use time::{Date, UtcOffset};

use crate::audit::Actor;
use crate::berkas::Unggahan;
use crate::db::Db;
use crate::error::StoreError;
use crate::time_text;
use pemenuhan::CatatanPemenuhan;

/// The region's offset from UTC (WIB when the province is unknown, as most regions are).
pub fn zona(profil: &Profil) -> UtcOffset {
    let hours = ZonaWaktu::of(&profil.kode_wilayah).map_or(7, ZonaWaktu::utc_hours);
    UtcOffset::from_hms(hours, 0, 0).unwrap_or(UtcOffset::UTC)
}

/// The day a stored UTC timestamp falls on in the region.
fn tanggal_lokal(kolom: &str, stored: &str, off: UtcOffset) -> Result<Date, StoreError> {
    time_text::parse(stored)
        .map(|t| t.to_offset(off).date())
        .ok_or_else(|| StoreError::Corrupt(format!("{kolom} {stored:?}")))
}

/// Everything the engine needs to evaluate `profil` on `as_of`: the subjects of its
/// obligations, with their start moved back to their earliest evidence (see
/// [`EngineInput::mulai_dari_bukti`]), and the fulfilments, evidence and events dated up
/// to `as_of`. Archived PDs and records are no subjects.
pub async fn gather(db: &Db, profil: &Profil, as_of: Date) -> Result<EngineInput, StoreError> {
    let off = zona(profil);
    let perlu: HashSet<Subjek> = profil.kewajiban.iter().map(|k| k.subjek).collect();
    let jenis_bukti = profil.kewajiban.iter().map(|k| k.bukti).collect();
    let mut input = EngineInput::default();
    let dikenal = subjek::baca(db, &perlu, &jenis_bukti, as_of, off, &mut input).await?;
    bukti::baca(db, profil, &dikenal, as_of, off, &mut input).await?;
    input.pemenuhan = pemenuhan::dates(db, &profil.kode, as_of).await?;
    input.mulai_dari_bukti();
    Ok(input)
}

/// Only the subjects of one kind (for checking a fulfilment's subject), as of `as_of`.
pub async fn subjek_dari(
    db: &Db,
    profil: &Profil,
    jenis: Subjek,
    as_of: Date,
) -> Result<EngineInput, StoreError> {
    let mut input = EngineInput::default();
    let perlu = HashSet::from([jenis]);
    subjek::baca(db, &perlu, &HashSet::new(), as_of, zona(profil), &mut input).await?;
    Ok(input)
}

/// Why a fulfilment was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum CatatError {
    /// The input was refused; problems keyed by field, in Bahasa Indonesia.
    #[error("isian pemenuhan tidak valid")]
    TidakValid(FieldProblems),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Check `input` against the active `profil` and the subjects stored on `today` (the day
/// in the region), then record it with its evidence file. Nothing is stored on refusal.
pub async fn catat(
    db: &Db,
    actor: &Actor,
    profil: &Profil,
    input: &PemenuhanInput,
    today: Date,
    file: Option<&Unggahan>,
) -> Result<CatatanPemenuhan, CatatError> {
    let subjects = match profil.kewajiban(input.kewajiban.trim()) {
        Some(k) => subjek_dari(db, profil, k.subjek, today).await?,
        None => EngineInput::default(),
    };
    let new =
        PemenuhanBaru::parse(input, profil, &subjects, today).map_err(CatatError::TidakValid)?;
    Ok(pemenuhan::add(db, actor, &new, file).await?)
}
