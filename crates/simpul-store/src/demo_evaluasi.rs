//! Demo self-evaluations, so a demo region has a history to look at and a period to
//! work on: approved periods 2023-2025 on `spbe-2020` whose levels rise year by year,
//! evidence created once and reused in later years, a few items sent back for revision
//! (so the final level sits below the claimed one), the national result for 2025; and a
//! 2026 period on `pemdi-2026` in progress, part filled in with evidence reused through
//! the crosswalk. Levels follow from the region's code, so each demo region differs.
//! Loading twice adds nothing.

use std::collections::BTreeMap;

use simpul_domain::access::Role;
use simpul_domain::evaluation::alur::StatusIndikator;
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti};
use simpul_domain::evaluation::{
    Level, Model, Nilai, NilaiEksternal, StatusBukti, hitung, shipped_crosswalks, shipped_models,
    tingkat_akhir,
};
use simpul_domain::ids::{BuktiDukungId, PdId};
use simpul_domain::org::PerangkatDaerah;

use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use crate::evaluasi::bukti::{self, ItemBaru};
use crate::evaluasi::indikator::{self, Isian};
use crate::evaluasi::{asesor, periode, pj};
use crate::{pd, peran, region};

/// What the demo evaluation added.
#[derive(Debug, Default, Clone, Copy)]
pub struct DemoEvaluasi {
    /// Periods opened.
    pub periode: usize,
    /// Evidence attachments made.
    pub lampiran: usize,
}

/// A small deterministic hash of the region code and a few numbers: the demo's dice.
fn dice(region: &str, parts: &[u32]) -> u32 {
    let mut h: u32 = 2_166_136_261;
    for b in region
        .bytes()
        .chain(parts.iter().flat_map(|p| p.to_le_bytes()))
    {
        h = (h ^ u32::from(b)).wrapping_mul(16_777_619);
    }
    h
}

/// Load the demo evaluations unless the region already has a period.
pub async fn load(db: &Db) -> Result<DemoEvaluasi, StoreError> {
    let mut added = DemoEvaluasi::default();
    let Some(r) = region::get(db).await? else {
        return Ok(added);
    };
    if !periode::list(db).await?.is_empty() {
        return Ok(added);
    }
    let models =
        shipped_models().map_err(|e| StoreError::Corrupt(format!("shipped models: {e}")))?;
    let (Some(lama), Some(baru)) = (
        models.iter().find(|m| m.kode() == "spbe-2020"),
        models.iter().find(|m| m.kode() == "pemdi-2026"),
    ) else {
        return Ok(added);
    };
    let pds: Vec<PerangkatDaerah> = pd::list(db, &pd::PdFilter::default())
        .await?
        .into_iter()
        .filter(|p| p.induk.is_none())
        .collect();
    let Some(dinas) = pds.iter().find(|p| p.pengelola_spbe).or(pds.first()) else {
        return Ok(added);
    };
    let actor = Actor::sistem();
    let domain = r.domain.clone().unwrap_or_else(|| "example.go.id".into());
    let ctx = Ctx {
        db,
        actor: &actor,
        region: &r.kode,
        domain: &domain,
        dinas: dinas.id,
        pds: &pds,
    };
    // Evidence items made for spbe-2020 (indicator, level) and reused in later years.
    let mut made: BTreeMap<(u32, u8), BuktiDukungId> = BTreeMap::new();
    for (i, tahun) in (2023..=2025).enumerate() {
        let step = u32::try_from(i).unwrap_or(0);
        added.lampiran += ctx.approved(lama, tahun, step, &mut made).await?;
        added.periode += 1;
    }
    added.lampiran += ctx.in_progress(baru, &models, &made).await?;
    added.periode += 1;
    Ok(added)
}

struct Ctx<'a> {
    db: &'a Db,
    actor: &'a Actor,
    region: &'a str,
    domain: &'a str,
    dinas: PdId,
    pds: &'a [PerangkatDaerah],
}

impl Ctx<'_> {
    /// The lead PD of indicator `nomor` and the one sharing it: the Dinas leads the
    /// governance indicators, the others spread over the PDs.
    fn pj(&self, nomor: u32) -> Vec<(PdId, bool)> {
        let n = self.pds.len().max(1);
        let other = self.pds[usize::try_from(nomor).unwrap_or(0) % n].id;
        if nomor <= 31 || other == self.dinas {
            vec![(self.dinas, true)]
        } else {
            vec![(other, true), (self.dinas, false)]
        }
    }

    /// The claimed level of indicator `nomor` in year step `step` (0 = first year):
    /// 1..=4, rising by at most one a year.
    fn claimed(&self, nomor: u32, step: u32) -> u8 {
        let base = 1 + dice(self.region, &[nomor]) % 3;
        let gained = (0..step)
            .filter(|s| dice(self.region, &[nomor, *s]).is_multiple_of(2))
            .count();
        u8::try_from((base + u32::try_from(gained).unwrap_or(0)).min(5)).unwrap_or(1)
    }

    async fn open(&self, model: &Model, tahun: i32) -> Result<periode::Periode, StoreError> {
        let nomor: Vec<u32> = model.indikator().iter().map(|i| i.nomor).collect();
        let p = periode::create(self.db, self.actor, tahun, model.kode(), &nomor).await?;
        for n in &nomor {
            pj::set(self.db, self.actor, p.id, *n, &self.pj(*n)).await?;
        }
        if let Some(a) = peran::all(self.db, None)
            .await?
            .into_iter()
            .find(|g| g.grant.role == Role::AsesorInternal)
        {
            let all: Vec<PdId> = self.pds.iter().map(|p| p.id).collect();
            asesor::set(self.db, self.actor, p.id, a.pegawai, &all).await?;
        }
        Ok(p)
    }

    /// Attach evidence for `level` of `nomor`: reuse the item made earlier, else make a
    /// link to the region's site.
    async fn attach(
        &self,
        p: &periode::Periode,
        model: &Model,
        nomor: u32,
        level: u8,
        made: &mut BTreeMap<(u32, u8), BuktiDukungId>,
    ) -> Result<simpul_domain::ids::LampiranBuktiId, StoreError> {
        if let Some(id) = made.get(&(nomor, level)) {
            return bukti::lampirkan(self.db, self.actor, p.id, nomor, level, *id).await;
        }
        let nama = model
            .indikator_nomor(nomor)
            .and_then(|i| Level::new(level).map(|l| i.bukti_level(l).first().cloned()))
            .flatten()
            .unwrap_or_else(|| format!("Bukti dukung indikator {nomor} level {level}"));
        let url = format!(
            "https://{}/spbe/bukti/{}-{nomor}-{level}",
            self.domain,
            model.kode()
        );
        let isi = BuktiBaru::parse(JenisBukti::Tautan, &nama, Some(&url))
            .map_err(|e| StoreError::Corrupt(format!("demo evidence: {e:?}")))?;
        let lead = self.pj(nomor).first().map(|(pd, _)| *pd);
        let item = ItemBaru {
            jenis: JenisBukti::Tautan,
            isi: &isi,
            rujukan: None,
            pd: lead,
            berkas: None,
        };
        let l = bukti::lampirkan_baru(self.db, self.actor, p.id, nomor, level, &item).await?;
        let att = bukti::lampiran_get(self.db, l).await?;
        made.insert((nomor, level), att.bukti.id);
        Ok(l)
    }

    /// A year on spbe-2020 taken to approval.
    async fn approved(
        &self,
        model: &Model,
        tahun: i32,
        step: u32,
        made: &mut BTreeMap<(u32, u8), BuktiDukungId>,
    ) -> Result<usize, StoreError> {
        let p = self.open(model, tahun).await?;
        let mut count = 0;
        let mut verdicts: Vec<(u32, [Vec<StatusBukti>; 5])> = Vec::new();
        for ind in model.indikator() {
            let n = ind.nomor;
            let level = self.claimed(n, step);
            let isian = Isian {
                level: Some(level),
                justifikasi: Some(format!(
                    "Penilaian mandiri {tahun}: kriteria level {level} terpenuhi (data demo)."
                )),
                nama_layanan: (n >= 45).then(|| {
                    [
                        "Perizinan Berusaha",
                        "Layanan Kesehatan",
                        "Layanan Kependudukan",
                    ][usize::try_from(n - 45).unwrap_or(0) % 3]
                        .to_owned()
                }),
                ..Isian::default()
            };
            indikator::isi(self.db, self.actor, p.id, n, None, &isian).await?;
            let mut per_level: [Vec<StatusBukti>; 5] = Default::default();
            for l in 1..=level {
                let id = self.attach(&p, model, n, l, made).await?;
                count += 1;
                // One claimed top level in seven is sent back: its final level is lower.
                let revisi =
                    l == level && l > 1 && dice(self.region, &[n, step, 7]).is_multiple_of(7);
                let status = if revisi {
                    StatusBukti::Revisi
                } else {
                    StatusBukti::Diterima
                };
                let komentar = revisi.then_some("Bukti belum menunjukkan penerapan di seluruh PD.");
                bukti::nilai(self.db, self.actor, id, status, komentar).await?;
                per_level[usize::from(l - 1)].push(status);
            }
            indikator::set_status(
                self.db,
                self.actor,
                p.id,
                n,
                StatusIndikator::Draf,
                StatusIndikator::Dikonsolidasi,
            )
            .await?;
            verdicts.push((n, per_level));
        }
        periode::ajukan(self.db, self.actor, p.id).await?;
        let finals: Vec<(u32, u8)> = verdicts
            .iter()
            .map(|(n, v)| (*n, tingkat_akhir(v).level.get()))
            .collect();
        let values: BTreeMap<u32, Nilai> = finals
            .iter()
            .filter_map(|(n, l)| Level::new(*l).map(|l| (*n, Nilai::Level(l))))
            .collect();
        let hasil = hitung(model, &values);
        periode::setujui(self.db, self.actor, p.id, &finals, &hasil.indeks.desimal()).await?;
        // The region aimed a little above what it reached.
        let (utuh, ratusan) = hasil.indeks.dibulatkan();
        let reached = i32::try_from(utuh * 100 + u128::from(ratusan)).unwrap_or(500);
        periode::set_target(self.db, self.actor, p.id, Some((reached + 40).min(500))).await?;
        if tahun == 2025 {
            // The national result: mostly the same, one indicator in five a level apart.
            let nasional: Vec<(u32, Option<i32>)> = finals
                .iter()
                .map(|(n, l)| {
                    let d = match dice(self.region, &[*n, 2025]) % 10 {
                        0 => -1,
                        1 => 1,
                        _ => 0,
                    };
                    (*n, Some((i32::from(*l) + d).clamp(1, 5) * 100))
                })
                .collect();
            indikator::set_nasional(self.db, self.actor, p.id, &nasional).await?;
        }
        Ok(count)
    }

    /// The 2026 period on pemdi-2026, in progress: two indicators in three filled in
    /// (with evidence reused from spbe-2020 through the crosswalk where there is some),
    /// half of those consolidated, the external values recorded.
    async fn in_progress(
        &self,
        model: &Model,
        models: &[Model],
        made: &BTreeMap<(u32, u8), BuktiDukungId>,
    ) -> Result<usize, StoreError> {
        let p = self.open(model, 2026).await?;
        let crosswalks = shipped_crosswalks(models)
            .map_err(|e| StoreError::Corrupt(format!("shipped crosswalks: {e}")))?;
        let cw = crosswalks
            .iter()
            .find(|c| c.dari == "spbe-2020" && c.ke == model.kode());
        let mut count = 0;
        let mut own = BTreeMap::new();
        for ind in model.indikator() {
            let n = ind.nomor;
            if ind.eksternal {
                let v = 250 + dice(self.region, &[n, 2026]) % 150;
                let isian = Isian {
                    nilai_eksternal: NilaiEksternal::new(v)
                        .and_then(|v| i32::try_from(v.ratusan()).ok()),
                    sumber_eksternal: ind.sumber_eksternal.clone(),
                    tanggal_sumber: Some("2026-09-30".into()),
                    ..Isian::default()
                };
                indikator::isi(self.db, self.actor, p.id, n, None, &isian).await?;
                continue;
            }
            if n.is_multiple_of(3) {
                continue;
            }
            let level = u8::try_from(1 + dice(self.region, &[n, 2026]) % 3).unwrap_or(1);
            let isian = Isian {
                level: Some(level),
                justifikasi: Some("Draf penilaian mandiri 2026 (data demo).".into()),
                ..Isian::default()
            };
            indikator::isi(self.db, self.actor, p.id, n, None, &isian).await?;
            for l in 1..=level {
                // Reuse the 2020-model item of a source indicator at this level, if any.
                let reused = cw
                    .map(|c| c.sumber(n))
                    .unwrap_or_default()
                    .iter()
                    .find_map(|s| made.get(&(*s, l)));
                match reused {
                    Some(id) => {
                        bukti::lampirkan(self.db, self.actor, p.id, n, l, *id).await?;
                    }
                    None => {
                        self.attach(&p, model, n, l, &mut own).await?;
                    }
                }
                count += 1;
            }
            if n % 2 == 1 {
                indikator::set_status(
                    self.db,
                    self.actor,
                    p.id,
                    n,
                    StatusIndikator::Draf,
                    StatusIndikator::Dikonsolidasi,
                )
                .await?;
            }
        }
        periode::set_target(self.db, self.actor, p.id, Some(300)).await?;
        Ok(count)
    }
}
