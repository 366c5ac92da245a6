//! The obligation engine: a region's [`Profil`] evaluated against what is known of its
//! subjects on one date, one row per (obligation, subject), each with the article behind
//! it (REG-3, REG-4), and the counts the compliance pages summarise ([`Rekap`]).
//!
//! The store gathers an [`EngineInput`]; [`evaluate`] is pure and deterministic: rows
//! come in profile order, then in the order the subjects were given, and do not depend
//! on the order of fulfilments, evidence or events.
//!
//! # Decisions
//!
//! - **Start.** An obligation applies to a subject from the later of the regulation's
//!   enactment (`Profil::ditetapkan`) and the subject's `sejak`: the record's creation, or
//!   its earliest evidence when that is older ([`EngineInput::mulai_dari_bukti`]), or the
//!   decree date of a planning document.
//! - **What fulfils.** A recorded [`Pemenuhan`] fulfils its own obligation for its
//!   subject, whatever the obligation's `bukti`. Evidence found automatically
//!   ([`BuktiOtomatis`]) fulfils every obligation of the subject whose `bukti` is of
//!   its kind.
//! - **Adoption is a state.** Evidence for a `penetapan_dokumen` obligation dated before
//!   the obligation applies counts as on its first day: a plan adopted before the
//!   regulation (or before the date a `dalam … sejak` cadence counts from) is adopted.
//! - **Missing planning documents.** An obligation on `dokumen:<kind>` (or on every
//!   internal policy) where no document of that kind is in force still yields one row,
//!   evaluated from the enactment as the cadence dictates: a yearly monitoring of a
//!   missing Arsitektur is *terlambat* after its first year. A cadence measured against
//!   the plan period (`paruh waktu dan tahun terakhir`) cannot be placed without the
//!   plan; it is *belum pernah*, not *tidak berlaku*, since a missing plan is itself
//!   non-compliance and must not disappear from the counts.
//! - **Events** match the cadence's event name ignoring case.

mod catat;
mod input;
mod rekap;

#[cfg(test)]
mod tests;

pub use catat::{MAX_KETERANGAN, PemenuhanBaru, PemenuhanInput};
pub use input::{
    BuktiOtomatis, EngineInput, KUNCI_DINAS, KUNCI_INFRASTRUKTUR, KUNCI_PEMDA, PERUBAHAN_LAN,
    Pemenuhan, Peristiwa, SubjekKepatuhan, kunci_dokumen, kunci_item, kunci_pd,
};
pub use rekap::{Hitungan, Rekap};

use std::borrow::Cow;
use std::collections::HashMap;

use time::Date;

use super::profile::{Bukti, Kewajiban, Profil};
use super::{AlasanTidakBerlaku, Cadence, Konteks, Penilaian, Riwayat, Status};
use crate::access::Role;

/// Days before a deadline from which a status reads "segera jatuh tempo", unless the
/// caller chooses otherwise.
pub const SEGERA_HARI: u16 = 30;

/// The article behind a status, in the region's own words (REG-4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kutipan<'a> {
    /// The regulation's title.
    pub peraturan: &'a str,
    /// Where in it, e.g. "Pasal 41 ayat (3)".
    pub pasal: &'a str,
    /// The article's words, verbatim.
    pub teks: &'a str,
    /// File of the regulation's text under `profiles/sources/`.
    pub sumber: &'a str,
}

/// The status of one obligation for one subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baris<'a> {
    /// The obligation (id, chapter, cadence, evidence).
    pub kewajiban: &'a Kewajiban,
    /// The subject.
    pub subjek: Cow<'a, SubjekKepatuhan>,
    /// Status, deadline, latest fulfilment.
    pub penilaian: Penilaian,
    /// The article it rests on.
    pub kutipan: Kutipan<'a>,
    /// The Simpul role that records fulfilments.
    pub peran: Role,
    /// Who is responsible, in the regulation's words.
    pub penanggung_jawab: &'a str,
}

/// Dates per subject key.
type PerKunci<'a> = HashMap<&'a str, Vec<Date>>;

/// The input's dates, looked up per obligation and subject.
struct Index<'a> {
    pemenuhan: HashMap<&'a str, PerKunci<'a>>,
    bukti: HashMap<Bukti, PerKunci<'a>>,
    peristiwa: HashMap<String, PerKunci<'a>>,
}

impl<'a> Index<'a> {
    fn new(input: &'a EngineInput) -> Self {
        let mut ix = Self {
            pemenuhan: HashMap::new(),
            bukti: HashMap::new(),
            peristiwa: HashMap::new(),
        };
        for p in &input.pemenuhan {
            push(
                ix.pemenuhan.entry(&p.kewajiban).or_default(),
                &p.kunci,
                p.tanggal,
            );
        }
        for b in &input.bukti {
            push(ix.bukti.entry(b.bukti).or_default(), &b.kunci, b.tanggal);
        }
        for e in &input.peristiwa {
            let per = ix.peristiwa.entry(e.nama.to_lowercase()).or_default();
            push(per, &e.kunci, e.tanggal);
        }
        ix
    }
}

fn push<'a>(per: &mut PerKunci<'a>, kunci: &'a str, d: Date) {
    per.entry(kunci).or_default().push(d);
}

fn dates<'x>(per: Option<&'x PerKunci<'_>>, kunci: &str) -> &'x [Date] {
    per.and_then(|m| m.get(kunci)).map_or(&[], Vec::as_slice)
}

/// The first day the cadence counts fulfilments from (as `Cadence::evaluate` does).
fn hari_pertama(jadwal: &Cadence, konteks: &Konteks) -> Date {
    match jadwal {
        Cadence::Dalam { sejak: Some(s), .. } => konteks.berlaku_sejak.max(*s),
        Cadence::ParuhDanAkhir => konteks.periode.map_or(konteks.berlaku_sejak, |p| {
            konteks.berlaku_sejak.max(p.mulai())
        }),
        _ => konteks.berlaku_sejak,
    }
}

/// Evaluate every obligation of `profil` for each of its subjects on `as_of`, with
/// "segera jatuh tempo" from `segera_hari` days before a deadline.
pub fn evaluate<'a>(
    profil: &'a Profil,
    input: &'a EngineInput,
    as_of: Date,
    segera_hari: u16,
) -> Vec<Baris<'a>> {
    let ix = Index::new(input);
    let mut rows = Vec::new();
    for k in &profil.kewajiban {
        let recorded = ix.pemenuhan.get(k.id.as_str());
        let found = ix.bukti.get(&k.bukti);
        let events = k
            .jadwal
            .peristiwa()
            .and_then(|n| ix.peristiwa.get(&n.as_str().to_lowercase()));
        for s in input.subjek_dari(k.subjek) {
            let konteks = Konteks {
                berlaku_sejak: profil.ditetapkan.max(s.sejak),
                periode: s.periode,
            };
            let mut pemenuhan: Vec<Date> = dates(recorded, &s.kunci).to_vec();
            pemenuhan.extend_from_slice(dates(found, &s.kunci));
            if k.bukti == Bukti::PenetapanDokumen {
                let first = hari_pertama(&k.jadwal, &konteks);
                for d in &mut pemenuhan {
                    *d = (*d).max(first);
                }
            }
            let riwayat = Riwayat {
                pemenuhan: &pemenuhan,
                peristiwa: dates(events, &s.kunci),
            };
            let mut penilaian = k.jadwal.evaluate(&konteks, riwayat, as_of, segera_hari);
            if !s.ada && penilaian.status == Status::TidakBerlaku(AlasanTidakBerlaku::TanpaPeriode)
            {
                penilaian.status = Status::BelumPernah;
            }
            rows.push(Baris {
                kewajiban: k,
                subjek: s,
                penilaian,
                kutipan: Kutipan {
                    peraturan: &profil.peraturan,
                    pasal: &k.pasal,
                    teks: &k.teks,
                    sumber: &profil.sumber,
                },
                peran: k.peran,
                penanggung_jawab: &k.penanggung_jawab,
            });
        }
    }
    rows
}
