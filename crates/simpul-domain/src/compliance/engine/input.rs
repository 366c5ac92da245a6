//! What the engine evaluates: the subjects of each kind of obligation, and the dated
//! fulfilments, evidence and events found for them. Everything is joined by a subject
//! key that survives renames: `pd:<uuid>`, `item:<uuid>`, `dokumen:<kind>`, `dinas`,
//! `pemda`, `infrastruktur`.

use std::borrow::Cow;
use std::collections::HashMap;

use time::Date;

use crate::compliance::Periode;
use crate::compliance::profile::{Bukti, Subjek};
use crate::ids::{ItemId, PdId};
use crate::plan::{JenisDokumenPerencanaan, KebijakanInternal};

/// Key of the regional government as a whole.
pub const KUNCI_PEMDA: &str = "pemda";
/// Key of the Dinas that manages SPBE.
pub const KUNCI_DINAS: &str = "dinas";
/// Key of the region's SPBE infrastructure as a whole.
pub const KUNCI_INFRASTRUKTUR: &str = "infrastruktur";
/// The event a further version of a PD's LAN diagram within one year records
/// (000 Pasal 20(2)); profiles name it in `saat peristiwa: perubahan LAN`.
pub const PERUBAHAN_LAN: &str = "perubahan LAN";

/// Key of a PD.
pub fn kunci_pd(id: PdId) -> String {
    format!("pd:{id}")
}

/// Key of a registry record (application, server, business process, service).
pub fn kunci_item(id: ItemId) -> String {
    format!("item:{id}")
}

/// Key of the planning document of a kind: the kind, not the record, so evidence
/// recorded against "the Arsitektur" stays attached when a new one is adopted (it then
/// predates the new decree and no longer counts).
pub fn kunci_dokumen(jenis: JenisDokumenPerencanaan) -> String {
    format!("dokumen:{}", jenis.code())
}

/// One thing obligations apply to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjekKepatuhan {
    /// Stable key (see the module docs).
    pub kunci: String,
    /// Name to show.
    pub nama: String,
    /// The PD it belongs to, for the per-PD summary; `None` for region-wide subjects.
    pub pd: Option<PdId>,
    /// Since when the subject is known to exist: the record's creation (or its earliest
    /// evidence, see [`EngineInput::mulai_dari_bukti`]), a document's decree date. The
    /// engine applies obligations from the later of this and the regulation's enactment.
    pub sejak: Date,
    /// The plan period, for planning documents.
    pub periode: Option<Periode>,
    /// `false` for a planning document the region has not adopted: the obligation still
    /// yields a row, because a missing plan is itself non-compliance.
    pub ada: bool,
}

impl SubjekKepatuhan {
    /// The subject standing for a planning document of `jenis` that no record in force
    /// represents: obligations on it run from the regulation's enactment.
    pub fn dokumen_belum_ada(jenis: JenisDokumenPerencanaan) -> Self {
        Self {
            kunci: kunci_dokumen(jenis),
            nama: jenis.label(),
            pd: None,
            sejak: Date::MIN,
            periode: None,
            ada: false,
        }
    }
}

/// A fulfilment recorded for one obligation and subject (a `pemenuhan` row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pemenuhan {
    /// Obligation id in the profile.
    pub kewajiban: String,
    /// Subject key.
    pub kunci: String,
    /// When it was fulfilled.
    pub tanggal: Date,
}

/// Evidence Simpul found by itself (a LAN diagram upload, a decree, a review): it
/// fulfils every obligation whose `bukti` is `bukti`, for that subject.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuktiOtomatis {
    /// Kind of evidence.
    pub bukti: Bukti,
    /// Subject key.
    pub kunci: String,
    /// Its date.
    pub tanggal: Date,
}

/// Something that happened to a subject and creates an obligation (a LAN change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peristiwa {
    /// Event name as profiles write it after `saat peristiwa:` (compared ignoring case).
    pub nama: String,
    /// Subject key.
    pub kunci: String,
    /// When it happened.
    pub tanggal: Date,
}

/// Everything the engine evaluates a profile against.
#[derive(Debug, Clone, Default)]
pub struct EngineInput {
    /// Subjects per kind of subject, in display order. Planning documents go under
    /// `Subjek::Dokumen(kind)`, one each (the one in force); `SetiapKebijakanInternal`
    /// is derived from the ten policy kinds and needs no entry.
    pub subjek: HashMap<Subjek, Vec<SubjekKepatuhan>>,
    /// Recorded fulfilments, any order.
    pub pemenuhan: Vec<Pemenuhan>,
    /// Evidence found automatically, any order.
    pub bukti: Vec<BuktiOtomatis>,
    /// Events, any order.
    pub peristiwa: Vec<Peristiwa>,
}

/// Whether subjects of this kind are registry records (PDs, applications, …), whose
/// creation date only says when someone typed them in.
fn dicatat_di_registri(s: Subjek) -> bool {
    !matches!(
        s,
        Subjek::PemerintahDaerah
            | Subjek::Infrastruktur
            | Subjek::SetiapKebijakanInternal
            | Subjek::Dokumen(_)
    )
}

/// The key of a subject kind that is one subject by itself.
fn tunggal(s: Subjek) -> Option<&'static str> {
    match s {
        Subjek::PemerintahDaerah => Some(KUNCI_PEMDA),
        Subjek::Dinas => Some(KUNCI_DINAS),
        Subjek::Infrastruktur => Some(KUNCI_INFRASTRUKTUR),
        _ => None,
    }
}

impl EngineInput {
    /// The subjects obligations on `subjek` apply to. A planning document kind without
    /// a record in force yields [`SubjekKepatuhan::dokumen_belum_ada`]; the regional
    /// government, the Dinas and the infrastructure always exist, so when no entry names
    /// them they stand for themselves (from the enactment, without a PD).
    pub fn subjek_dari(&self, subjek: Subjek) -> Vec<Cow<'_, SubjekKepatuhan>> {
        match subjek {
            Subjek::Dokumen(j) => vec![self.dokumen(j)],
            Subjek::SetiapKebijakanInternal => KebijakanInternal::ALL
                .iter()
                .map(|k| self.dokumen(JenisDokumenPerencanaan::Kebijakan(*k)))
                .collect(),
            s => match (self.subjek.get(&s), tunggal(s)) {
                (Some(v), _) if !v.is_empty() => v.iter().map(Cow::Borrowed).collect(),
                (_, Some(kunci)) => vec![Cow::Owned(SubjekKepatuhan {
                    kunci: kunci.to_owned(),
                    nama: s.label(),
                    pd: None,
                    sejak: Date::MIN,
                    periode: None,
                    ada: true,
                })],
                _ => Vec::new(),
            },
        }
    }

    /// Whether `kunci` is one of the subjects of obligations on `subjek`.
    pub fn memuat(&self, subjek: Subjek, kunci: &str) -> bool {
        self.subjek_dari(subjek).iter().any(|s| s.kunci == kunci)
    }

    fn dokumen(&self, j: JenisDokumenPerencanaan) -> Cow<'_, SubjekKepatuhan> {
        self.subjek
            .get(&Subjek::Dokumen(j))
            .and_then(|v| v.first())
            .map_or_else(
                || Cow::Owned(SubjekKepatuhan::dokumen_belum_ada(j)),
                Cow::Borrowed,
            )
    }

    /// Move the start of every registry subject back to its earliest fulfilment or
    /// evidence. A record typed into Simpul today may have been audited last year, and
    /// that audit proves the subject existed then: without this, evidence entered while
    /// registering existing systems would be ignored as predating the subject. Planning
    /// documents keep their decree date (a review before it concerns the previous one).
    pub fn mulai_dari_bukti(&mut self) {
        let mut earliest: HashMap<&str, Date> = HashMap::new();
        let dates = self
            .pemenuhan
            .iter()
            .map(|p| (p.kunci.as_str(), p.tanggal))
            .chain(self.bukti.iter().map(|b| (b.kunci.as_str(), b.tanggal)));
        for (k, d) in dates {
            earliest
                .entry(k)
                .and_modify(|e| *e = (*e).min(d))
                .or_insert(d);
        }
        for (jenis, list) in &mut self.subjek {
            if !dicatat_di_registri(*jenis) {
                continue;
            }
            for s in list {
                if let Some(d) = earliest.get(s.kunci.as_str()) {
                    s.sejak = s.sejak.min(*d);
                }
            }
        }
    }
}
