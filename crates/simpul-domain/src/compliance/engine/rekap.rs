//! Counts per status: for the region, per PD, per chapter and per obligation. Every row
//! is counted exactly once in each breakdown, so each breakdown adds up to the rows.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Baris;
use crate::compliance::Status;
use crate::compliance::profile::Profil;
use crate::ids::PdId;

/// How many rows have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Hitungan {
    /// Fulfilled.
    pub terpenuhi: usize,
    /// Due within the window.
    pub segera_jatuh_tempo: usize,
    /// Overdue.
    pub terlambat: usize,
    /// Never fulfilled, not yet due.
    pub belum_pernah: usize,
    /// Not applicable.
    pub tidak_berlaku: usize,
}

impl Hitungan {
    /// Count one more row of status `s`.
    pub fn tambah(&mut self, s: Status) {
        let slot = match s {
            Status::Terpenuhi => &mut self.terpenuhi,
            Status::SegeraJatuhTempo => &mut self.segera_jatuh_tempo,
            Status::Terlambat => &mut self.terlambat,
            Status::BelumPernah => &mut self.belum_pernah,
            Status::TidakBerlaku(_) => &mut self.tidak_berlaku,
        };
        *slot += 1;
    }

    /// All rows counted.
    pub fn total(&self) -> usize {
        self.berlaku() + self.tidak_berlaku
    }

    /// Rows whose obligation applies.
    pub fn berlaku(&self) -> usize {
        self.terpenuhi + self.segera_jatuh_tempo + self.terlambat + self.belum_pernah
    }

    /// Rows of status `s`.
    pub fn jumlah(&self, s: Status) -> usize {
        match s {
            Status::Terpenuhi => self.terpenuhi,
            Status::SegeraJatuhTempo => self.segera_jatuh_tempo,
            Status::Terlambat => self.terlambat,
            Status::BelumPernah => self.belum_pernah,
            Status::TidakBerlaku(_) => self.tidak_berlaku,
        }
    }
}

/// The summaries of one evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rekap<'a> {
    /// The whole region.
    pub wilayah: Hitungan,
    /// Per owning PD of the subject; `None` holds region-wide subjects (the regional
    /// government, the infrastructure, planning documents) and records without an owner.
    pub per_pd: BTreeMap<Option<PdId>, Hitungan>,
    /// Per chapter, in the order chapters first appear in the profile.
    pub per_bab: Vec<(&'a str, Hitungan)>,
    /// Per obligation id, in profile order; obligations without subjects count zero
    /// rows but are listed, so "no servers registered" stays visible.
    pub per_kewajiban: Vec<(&'a str, Hitungan)>,
}

impl<'a> Rekap<'a> {
    /// Count the rows `evaluate` returned for `profil`.
    pub fn dari(profil: &'a Profil, baris: &[Baris<'a>]) -> Self {
        let mut per_bab: Vec<(&'a str, Hitungan)> = Vec::new();
        let mut per_kewajiban: Vec<(&'a str, Hitungan)> = Vec::new();
        let mut bab_at: BTreeMap<&'a str, usize> = BTreeMap::new();
        let mut kewajiban_at: BTreeMap<&'a str, usize> = BTreeMap::new();
        for k in &profil.kewajiban {
            bab_at.entry(k.bab.as_str()).or_insert_with(|| {
                per_bab.push((k.bab.as_str(), Hitungan::default()));
                per_bab.len() - 1
            });
            kewajiban_at.entry(k.id.as_str()).or_insert_with(|| {
                per_kewajiban.push((k.id.as_str(), Hitungan::default()));
                per_kewajiban.len() - 1
            });
        }
        let mut wilayah = Hitungan::default();
        let mut per_pd: BTreeMap<Option<PdId>, Hitungan> = BTreeMap::new();
        for b in baris {
            let s = b.penilaian.status;
            wilayah.tambah(s);
            per_pd.entry(b.subjek.pd).or_default().tambah(s);
            // Rows come from `profil`'s obligations, so both lookups find their slot.
            if let Some((_, h)) = bab_at
                .get(b.kewajiban.bab.as_str())
                .and_then(|i| per_bab.get_mut(*i))
            {
                h.tambah(s);
            }
            if let Some((_, h)) = kewajiban_at
                .get(b.kewajiban.id.as_str())
                .and_then(|i| per_kewajiban.get_mut(*i))
            {
                h.tambah(s);
            }
        }
        Self {
            wilayah,
            per_pd,
            per_bab,
            per_kewajiban,
        }
    }
}
