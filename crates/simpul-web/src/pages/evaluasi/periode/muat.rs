//! Everything one period holds, read once per request: the period, its model with the
//! region's wording of criteria, the indicators' answers, responsible PDs, evidence
//! attachments with verdicts, the assessor team and the PDs by id. Pages, the API and
//! the workflow actions all decide on this one picture.

use std::collections::{BTreeMap, HashMap};

use simpul_domain::evaluation::alur::{PenanggungJawab, StatusPeriode};
use simpul_domain::evaluation::{Hasil, Level, Model, Nilai, NilaiEksternal, StatusBukti, hitung};
use simpul_domain::ids::{PdId, PegawaiId, PeriodeEvaluasiId};
use simpul_domain::org::PerangkatDaerah;
use simpul_store::evaluasi::bukti::{self, Lampiran};
use simpul_store::evaluasi::indikator::{self, IndikatorPeriode};
use simpul_store::evaluasi::periode::{self, Periode};
use simpul_store::evaluasi::pj::{self, Pj};
use simpul_store::evaluasi::{asesor, kriteria};
use simpul_store::{Db, StoreError, pd};

use super::tolak::Tolak;
use crate::state::AppState;

/// One period and all it holds.
pub struct Muatan {
    /// The period.
    pub periode: Periode,
    /// Its model, with the region's wording of criteria.
    pub model: Model,
    /// Answers, by number.
    pub indikator: Vec<IndikatorPeriode>,
    /// Responsible PDs, by indicator, lead first.
    pub pj: Vec<Pj>,
    /// Evidence attachments, by indicator and level.
    pub lampiran: Vec<Lampiran>,
    /// Assessor team: (assessor, PD reviewed).
    pub tim: Vec<(PegawaiId, PdId)>,
    /// Every PD (archived included, for names).
    pub pds: HashMap<PdId, PerangkatDaerah>,
}

/// The model `kode` with the region's wording applied; `None` when not shipped.
pub async fn model_berkata(st: &AppState, kode: &str) -> Result<Option<Model>, StoreError> {
    let Some(mut model) = st.evaluasi.get(kode).cloned() else {
        return Ok(None);
    };
    for k in kriteria::of_model(&st.db, kode).await? {
        if let Some(level) = Level::new(k.level) {
            // A stored text for an indicator the model lacks is ignored, not fatal.
            let _ = model.ganti_kriteria(k.nomor, level, &k.teks);
        }
    }
    Ok(Some(model))
}

/// Every PD by id, archived included.
pub async fn semua_pd(db: &Db) -> Result<HashMap<PdId, PerangkatDaerah>, StoreError> {
    let all = pd::list(
        db,
        &pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    Ok(all.into_iter().map(|p| (p.id, p)).collect())
}

/// Read period `id`; 404 when it or its model is unknown.
pub async fn muat(st: &AppState, id: PeriodeEvaluasiId) -> Result<Muatan, Tolak> {
    let periode = periode::get(&st.db, id).await?;
    let model = model_berkata(st, &periode.model)
        .await?
        .ok_or(Tolak::TidakAda)?;
    Ok(Muatan {
        indikator: indikator::of_periode(&st.db, id).await?,
        pj: pj::of_periode(&st.db, id).await?,
        lampiran: bukti::of_periode(&st.db, id).await?,
        tim: asesor::of_periode(&st.db, id).await?,
        pds: semua_pd(&st.db).await?,
        periode,
        model,
    })
}

/// The value of one answer for the index: the external value of an external
/// indicator, else `level` (self-assessed or final).
fn nilai_dari(model: &Model, i: &IndikatorPeriode, level: Option<u8>) -> Option<Nilai> {
    let eksternal = model.indikator_nomor(i.nomor).is_some_and(|m| m.eksternal);
    if eksternal {
        let v = u32::try_from(i.nilai_eksternal?).ok()?;
        NilaiEksternal::new(v).map(Nilai::Eksternal)
    } else {
        Level::new(level?).map(Nilai::Level)
    }
}

/// Self-assessed values of answered indicators.
pub fn nilai_mandiri(model: &Model, ind: &[IndikatorPeriode]) -> BTreeMap<u32, Nilai> {
    ind.iter()
        .filter_map(|i| Some((i.nomor, nilai_dari(model, i, i.level)?)))
        .collect()
}

/// Final values fixed at approval.
pub fn nilai_akhir(model: &Model, ind: &[IndikatorPeriode]) -> BTreeMap<u32, Nilai> {
    ind.iter()
        .filter_map(|i| Some((i.nomor, nilai_dari(model, i, i.level_akhir)?)))
        .collect()
}

/// The index as it stands: final after approval, else from the self-assessed levels
/// (provisional); `true` when final.
pub fn indeks(p: &Periode, model: &Model, ind: &[IndikatorPeriode]) -> (Hasil, bool) {
    if p.status == StatusPeriode::Disetujui {
        (hitung(model, &nilai_akhir(model, ind)), true)
    } else {
        (hitung(model, &nilai_mandiri(model, ind)), false)
    }
}

impl Muatan {
    /// The answer of indicator `nomor`.
    pub fn ind(&self, nomor: u32) -> Option<&IndikatorPeriode> {
        self.indikator.iter().find(|i| i.nomor == nomor)
    }

    /// The responsible PDs of `nomor`, as the workflow rules take them.
    pub fn pj_of(&self, nomor: u32) -> Vec<PenanggungJawab> {
        self.pj
            .iter()
            .filter(|p| p.nomor == nomor)
            .map(|p| PenanggungJawab {
                pd: p.pd,
                induk: self.pds.get(&p.pd).and_then(|d| d.induk),
                utama: p.utama,
            })
            .collect()
    }

    /// The PDs `pegawai` reviews in this period.
    pub fn tim_of(&self, pegawai: PegawaiId) -> Vec<PdId> {
        self.tim
            .iter()
            .filter(|(a, _)| *a == pegawai)
            .map(|(_, p)| *p)
            .collect()
    }

    /// The attachments of `nomor`.
    pub fn lampiran_of(&self, nomor: u32) -> impl Iterator<Item = &Lampiran> {
        self.lampiran.iter().filter(move |l| l.nomor == nomor)
    }

    /// Verdicts of `nomor`'s evidence per level (index 0 is level 1).
    pub fn putusan_per_level(&self, nomor: u32) -> [Vec<StatusBukti>; 5] {
        let mut out: [Vec<StatusBukti>; 5] = Default::default();
        for l in self.lampiran_of(nomor) {
            if let Some(v) = usize::from(l.level)
                .checked_sub(1)
                .and_then(|i| out.get_mut(i))
            {
                v.push(l.status);
            }
        }
        out
    }

    /// How many items are attached to each level of `nomor`.
    pub fn jumlah_per_level(&self, nomor: u32) -> [usize; 5] {
        self.putusan_per_level(nomor).map(|v| v.len())
    }

    /// Attachments still without a verdict.
    pub fn belum_dinilai(&self) -> usize {
        self.lampiran
            .iter()
            .filter(|l| l.status == StatusBukti::BelumDinilai)
            .count()
    }

    /// The index as it stands, and whether it is final.
    pub fn indeks(&self) -> (Hasil, bool) {
        indeks(&self.periode, &self.model, &self.indikator)
    }

    /// A PD's name (its short name when it has one), or its id when unknown.
    pub fn nama_pd(&self, id: PdId) -> String {
        nama_pd(&self.pds, id)
    }
}

/// A PD's short name when it has one, else its name; its id when unknown.
pub fn nama_pd(pds: &HashMap<PdId, PerangkatDaerah>, id: PdId) -> String {
    pds.get(&id).map_or_else(
        || id.to_string(),
        |p| p.singkatan.clone().unwrap_or_else(|| p.nama.clone()),
    )
}
