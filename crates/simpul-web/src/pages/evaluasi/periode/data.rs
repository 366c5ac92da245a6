//! A period as data: its progress, the index as it stands and, in detail, every
//! indicator with its PDs, evidence and verdicts. The API answers these; the pages show
//! the same figures.

use serde::Serialize;
use simpul_domain::evaluation::alur::{StatusIndikator, StatusPeriode};
use simpul_domain::evaluation::{DuaDesimal, Hasil, Model, StatusBukti};
use simpul_domain::ids::{PdId, PegawaiId, PeriodeEvaluasiId};
use simpul_store::StoreError;
use simpul_store::evaluasi::bukti::{self, Lampiran};
use simpul_store::evaluasi::indikator;
use simpul_store::evaluasi::periode::Periode;

use super::muat::{Muatan, indeks};
use crate::state::AppState;

/// Hundredths as a plain decimal (`345` → `3.45`).
pub fn desimal(ratusan: i32) -> String {
    DuaDesimal::dari_ratusan(u32::try_from(ratusan).unwrap_or(0)).desimal()
}

/// Hundredths the Indonesian way (`345` → `3,45`).
pub fn teks(ratusan: i32) -> String {
    DuaDesimal::dari_ratusan(u32::try_from(ratusan).unwrap_or(0)).teks()
}

/// How far a period is.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Kemajuan {
    /// Indicators consolidated.
    pub dikonsolidasi: usize,
    /// Indicators in all.
    pub indikator: usize,
    /// Evidence attachments with a verdict.
    pub dinilai: usize,
    /// Evidence attachments in all.
    pub bukti: usize,
}

/// One aspect's or domain's index.
#[derive(Debug, Serialize)]
pub struct Bagian {
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Index, two decimals (`3.22`).
    pub nilai: String,
}

/// The index as it stands.
#[derive(Debug, Serialize)]
pub struct Indeks {
    /// Two decimals (`3.22`).
    pub nilai: String,
    /// Predicate.
    pub predikat: String,
    /// Whether it is the approved result (else provisional, from self-assessed levels).
    #[serde(rename = "final")]
    pub akhir: bool,
    /// Indicators without a value yet, counted as level 1.
    pub diasumsikan: Vec<u32>,
    /// Per aspect.
    pub aspek: Vec<Bagian>,
    /// Per domain (empty for models without domains).
    pub domain: Vec<Bagian>,
}

impl Indeks {
    /// From the domain's result.
    pub fn dari(model: &Model, h: &Hasil, akhir: bool) -> Self {
        let nama_aspek = |k: &str| model.aspek_kode(k).map_or("", |a| a.nama.as_str());
        let nama_domain = |k: &str| model.domain_kode(k).map_or("", |d| d.nama.as_str());
        Self {
            nilai: h.indeks.desimal(),
            predikat: h.predikat.nama.clone(),
            akhir,
            diasumsikan: h.diasumsikan.clone(),
            aspek: h
                .aspek
                .iter()
                .map(|a| Bagian {
                    nama: nama_aspek(&a.kode).to_owned(),
                    kode: a.kode.clone(),
                    nilai: a.indeks.desimal(),
                })
                .collect(),
            domain: h
                .domain
                .iter()
                .map(|d| Bagian {
                    nama: nama_domain(&d.kode).to_owned(),
                    kode: d.kode.clone(),
                    nilai: d.indeks.desimal(),
                })
                .collect(),
        }
    }
}

/// A period in a list.
#[derive(Debug, Serialize)]
pub struct Ringkas {
    /// Id.
    pub id: PeriodeEvaluasiId,
    /// Index year.
    pub tahun: i32,
    /// Model code.
    pub model: String,
    /// Model name.
    pub nama_model: String,
    /// What the index is called.
    pub nama_indeks: String,
    /// Status.
    pub status: StatusPeriode,
    /// The region's target, two decimals.
    pub target: Option<String>,
    /// Submitted, approved (RFC 3339) and by whom.
    pub diajukan: Option<String>,
    /// Approved (RFC 3339).
    pub disetujui: Option<String>,
    /// Approved by (NIP).
    pub disetujui_oleh: Option<String>,
    /// The index as it stands.
    pub indeks: Indeks,
    /// Progress.
    pub kemajuan: Kemajuan,
}

/// The summary of `p` (its model as shipped; wording does not change figures).
pub async fn ringkas(st: &AppState, p: &Periode) -> Result<Option<Ringkas>, StoreError> {
    let Some(model) = st.evaluasi.get(&p.model) else {
        return Ok(None);
    };
    let ind = indikator::of_periode(&st.db, p.id).await?;
    let lampiran = bukti::of_periode(&st.db, p.id).await?;
    let (h, akhir) = indeks(p, model, &ind);
    Ok(Some(buat_ringkas(
        p,
        model,
        &h,
        akhir,
        kemajuan(&ind, &lampiran),
    )))
}

/// Progress from the answers and attachments.
pub fn kemajuan(ind: &[indikator::IndikatorPeriode], lampiran: &[Lampiran]) -> Kemajuan {
    Kemajuan {
        dikonsolidasi: ind
            .iter()
            .filter(|i| i.status == StatusIndikator::Dikonsolidasi)
            .count(),
        indikator: ind.len(),
        dinilai: lampiran
            .iter()
            .filter(|l| l.status != StatusBukti::BelumDinilai)
            .count(),
        bukti: lampiran.len(),
    }
}

fn buat_ringkas(p: &Periode, model: &Model, h: &Hasil, akhir: bool, k: Kemajuan) -> Ringkas {
    Ringkas {
        id: p.id,
        tahun: p.tahun,
        model: p.model.clone(),
        nama_model: model.nama().to_owned(),
        nama_indeks: model.nama_indeks().to_owned(),
        status: p.status,
        target: p.target.map(desimal),
        diajukan: p.diajukan.clone(),
        disetujui: p.disetujui.clone(),
        disetujui_oleh: p.disetujui_oleh.clone(),
        indeks: Indeks::dari(model, h, akhir),
        kemajuan: k,
    }
}

/// A responsible PD.
#[derive(Debug, Serialize)]
pub struct PjData {
    /// The PD.
    pub pd: PdId,
    /// Its name.
    pub nama: String,
    /// Whether it leads.
    pub utama: bool,
}

/// One indicator of a period in detail.
#[derive(Debug, Serialize)]
pub struct IndikatorData {
    /// Number.
    pub nomor: u32,
    /// Name.
    pub nama: String,
    /// Aspect code.
    pub aspek: String,
    /// Weight, two decimals.
    pub bobot: String,
    /// Whether the value comes from another agency's index.
    pub eksternal: bool,
    /// Status.
    pub status: StatusIndikator,
    /// Self-assessed level.
    pub level: Option<u8>,
    /// Justification.
    pub justifikasi: Option<String>,
    /// Sector service named.
    pub nama_layanan: Option<String>,
    /// External value, two decimals.
    pub nilai_eksternal: Option<String>,
    /// Its source.
    pub sumber_eksternal: Option<String>,
    /// Its date.
    pub tanggal_sumber: Option<String>,
    /// Final level, after approval.
    pub level_akhir: Option<u8>,
    /// National result, two decimals.
    pub nasional: Option<String>,
    /// Responsible PDs, lead first.
    pub pj: Vec<PjData>,
    /// Evidence attached, by level, with verdicts.
    pub bukti: Vec<Lampiran>,
}

/// An assessor and a PD they review.
#[derive(Debug, Serialize)]
pub struct TimData {
    /// The assessor.
    pub pegawai: PegawaiId,
    /// The PD.
    pub pd: PdId,
}

/// A period in detail.
#[derive(Debug, Serialize)]
pub struct Rinci {
    /// The summary.
    #[serde(flatten)]
    pub ringkas: Ringkas,
    /// Every indicator.
    pub indikator: Vec<IndikatorData>,
    /// The assessor team.
    pub tim_asesor: Vec<TimData>,
}

/// The detail of a loaded period.
pub fn rinci(m: &Muatan) -> Rinci {
    let (h, akhir) = m.indeks();
    let k = kemajuan(&m.indikator, &m.lampiran);
    let indikator = m
        .indikator
        .iter()
        .filter_map(|i| {
            let mi = m.model.indikator_nomor(i.nomor)?;
            Some(IndikatorData {
                nomor: i.nomor,
                nama: mi.nama.clone(),
                aspek: mi.aspek.clone(),
                bobot: mi.bobot.desimal(),
                eksternal: mi.eksternal,
                status: i.status,
                level: i.level,
                justifikasi: i.justifikasi.clone(),
                nama_layanan: i.nama_layanan.clone(),
                nilai_eksternal: i.nilai_eksternal.map(desimal),
                sumber_eksternal: i.sumber_eksternal.clone(),
                tanggal_sumber: i.tanggal_sumber.clone(),
                level_akhir: i.level_akhir,
                nasional: i.nasional.map(desimal),
                pj: m
                    .pj_of(i.nomor)
                    .iter()
                    .map(|p| PjData {
                        pd: p.pd,
                        nama: m.nama_pd(p.pd),
                        utama: p.utama,
                    })
                    .collect(),
                bukti: m.lampiran_of(i.nomor).cloned().collect(),
            })
        })
        .collect();
    Rinci {
        ringkas: buat_ringkas(&m.periode, &m.model, &h, akhir, k),
        indikator,
        tim_asesor: m
            .tim
            .iter()
            .map(|(a, p)| TimData {
                pegawai: *a,
                pd: *p,
            })
            .collect(),
    }
}
