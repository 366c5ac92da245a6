//! Evaluating a cadence for one subject on one date, from the dates of its fulfilments
//! and events. The rules per cadence are documented in the [`super`] module docs; this
//! file computes, for each cadence, the earliest deadline not yet met, and leaves the
//! status to `status::classify`, so every cadence shares one definition of each status.

use std::collections::BTreeMap;

use time::Date;

use super::cadence::{Cadence, Jangka, Jumlah};
use super::calendar::{is_new_year, last_day_of_year};
use super::plan_period::Periode;
use super::status::{AlasanTidakBerlaku, Kemajuan, Penilaian, classify};

/// What the evaluation needs to know about the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Konteks {
    /// The date from which the obligation applies to the subject (its registration, or
    /// the regulation's entry into force, whichever the caller decides is later).
    pub berlaku_sejak: Date,
    /// The subject's plan period, needed by "paruh waktu dan tahun terakhir".
    pub periode: Option<Periode>,
}

/// The dates recorded for the subject, in any order; dates after the evaluation date
/// are ignored so that history can be replayed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Riwayat<'a> {
    /// Dates on which the obligation was fulfilled (an audit done, a diagram submitted).
    pub pemenuhan: &'a [Date],
    /// Dates of the events an event cadence reacts to (a LAN change).
    pub peristiwa: &'a [Date],
}

impl Cadence {
    /// The status on `as_of`, with "segera jatuh tempo" from `segera_hari` days before a
    /// deadline.
    pub fn evaluate(
        &self,
        konteks: &Konteks,
        riwayat: Riwayat<'_>,
        as_of: Date,
        segera_hari: u16,
    ) -> Penilaian {
        let mulai = match self.mulai(konteks) {
            Ok(d) if as_of >= d => d,
            Ok(_) => return Penilaian::tidak_berlaku(AlasanTidakBerlaku::BelumBerlaku),
            Err(alasan) => return Penilaian::tidak_berlaku(alasan),
        };
        // Fulfilments before the obligation applied do not count: a review of the
        // previous plan period is no review of this one.
        let counted: Vec<Date> = riwayat
            .pemenuhan
            .iter()
            .copied()
            .filter(|d| (mulai..=as_of).contains(d))
            .collect();
        let terakhir = counted.iter().max().copied();
        let mut kemajuan = None;
        let due = match self {
            Self::Setiap(jangka) => Some(jangka.setelah(terakhir.unwrap_or(mulai))),
            Self::KaliSetahun(n) => {
                kemajuan = Some(progress(*n, &counted, as_of));
                Some(kali_setahun(*n, mulai, &counted))
            }
            Self::ParuhDanAkhir => match konteks.periode.map(|p| phases(&p, mulai, terakhir)) {
                Some(Ok(due)) => due,
                Some(Err(alasan)) => return Penilaian::tidak_berlaku(alasan),
                None => return Penilaian::tidak_berlaku(AlasanTidakBerlaku::TanpaPeriode),
            },
            Self::Dalam { jangka, sejak } => terakhir
                .is_none()
                .then(|| jangka.setelah(sejak.unwrap_or(konteks.berlaku_sejak))),
            Self::Peristiwa { tenggang, .. } => {
                match events(riwayat.peristiwa, mulai, as_of, terakhir, *tenggang) {
                    Some(due) => due,
                    None => return Penilaian::tidak_berlaku(AlasanTidakBerlaku::BelumAdaPeristiwa),
                }
            }
        };
        Penilaian {
            status: classify(as_of, due, terakhir.is_some(), segera_hari),
            jatuh_tempo: due,
            terakhir,
            kemajuan,
        }
    }

    /// The first day the obligation applies, or why it cannot apply at all.
    fn mulai(&self, konteks: &Konteks) -> Result<Date, AlasanTidakBerlaku> {
        match self {
            Self::ParuhDanAkhir => konteks
                .periode
                .map(|p| konteks.berlaku_sejak.max(p.mulai()))
                .ok_or(AlasanTidakBerlaku::TanpaPeriode),
            Self::Dalam { sejak: Some(s), .. } => Ok(konteks.berlaku_sejak.max(*s)),
            _ => Ok(konteks.berlaku_sejak),
        }
    }
}

/// Fulfilments per calendar year.
fn per_year(counted: &[Date]) -> BTreeMap<i32, u32> {
    let mut per = BTreeMap::new();
    for d in counted {
        *per.entry(d.year()).or_insert(0u32) += 1;
    }
    per
}

/// 31 December of the first year short of `n` fulfilments after the latest year that had
/// enough: a year that was met forgives the misses before it, as a late audit restarts a
/// rolling interval. The year the obligation starts is required only when it starts on 1
/// January, so a subject registered in December is not late on 31 December.
fn kali_setahun(n: Jumlah, mulai: Date, counted: &[Date]) -> Date {
    let wajib = u32::from(n.get());
    let pertama = if is_new_year(mulai) {
        mulai.year()
    } else {
        mulai.year() + 1
    };
    let met = per_year(counted)
        .into_iter()
        .rev()
        .find(|&(_, c)| c >= wajib)
        .map(|(y, _)| y);
    last_day_of_year(met.map_or(pertama, |y| pertama.max(y + 1)))
}

fn progress(n: Jumlah, counted: &[Date], as_of: Date) -> Kemajuan {
    Kemajuan {
        tahun: as_of.year(),
        selesai: per_year(counted).get(&as_of.year()).copied().unwrap_or(0),
        wajib: n.get(),
    }
}

/// The end of the first review year (mid-term, then final) not yet covered by a
/// fulfilment in or after it; years that ended before the obligation began are skipped.
fn phases(
    periode: &Periode,
    mulai: Date,
    terakhir: Option<Date>,
) -> Result<Option<Date>, AlasanTidakBerlaku> {
    let mut years = vec![periode.tahun_paruh(), periode.tahun_terakhir()];
    years.dedup();
    years.retain(|&y| last_day_of_year(y) >= mulai);
    if years.is_empty() {
        return Err(AlasanTidakBerlaku::PeriodeBerakhir);
    }
    Ok(years
        .into_iter()
        .find(|&y| terakhir.is_none_or(|t| t.year() < y))
        .map(last_day_of_year))
}

/// `None` when no event has happened; otherwise the deadline of the earliest event not
/// followed by a fulfilment on or after its day (`Some(None)` when every event was).
fn events(
    peristiwa: &[Date],
    mulai: Date,
    as_of: Date,
    terakhir: Option<Date>,
    tenggang: Option<Jangka>,
) -> Option<Option<Date>> {
    let seen: Vec<Date> = peristiwa
        .iter()
        .copied()
        .filter(|d| (mulai..=as_of).contains(d))
        .collect();
    if seen.is_empty() {
        return None;
    }
    let unmet = seen
        .into_iter()
        .filter(|&e| terakhir.is_none_or(|t| e > t))
        .min();
    Some(unmet.map(|e| tenggang.map_or(e, |j| j.setelah(e))))
}
