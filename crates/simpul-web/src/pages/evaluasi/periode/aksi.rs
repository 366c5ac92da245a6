//! The coordinator's actions on a period, shared by the pages and the API: open a
//! period, assign responsible PDs and assessors, submit, approve (fixing each
//! indicator's final level from the verdicts), record the national result and the
//! target. Each checks who may and what is valid before the store is touched.

use std::collections::BTreeSet;

use simpul_domain::access::{Action, Role, Target};
use simpul_domain::evaluation::alur::{self, StatusIndikator, StatusPeriode};
use simpul_domain::evaluation::{DuaDesimal, Level, Nilai, hitung, tingkat_akhir};
use simpul_domain::ids::{PdId, PegawaiId};
use simpul_domain::{FieldProblems, Masalah, Masalahs};
use simpul_store::StoreError;
use simpul_store::evaluasi::periode::{self, Periode};
use simpul_store::evaluasi::{asesor, indikator, pj};
use simpul_store::{pegawai, peran};

use super::muat::{Muatan, nilai_akhir};
use super::tolak::{ALUR, Tolak};
use crate::auth::User;
use crate::state::AppState;

/// Only the coordinator (KelolaEvaluasi on the region) runs the exercise.
pub fn koordinator(user: &User) -> Result<(), Tolak> {
    if user.can(Action::KelolaEvaluasi, Target::Region) {
        Ok(())
    } else {
        Err(Tolak::bukan_koordinator())
    }
}

/// A refusal for the wrong stage of the period.
pub fn tahap(pesan: &str) -> Tolak {
    Tolak::alur(Masalah::new("tahap_tidak_sesuai", pesan))
}

/// A store refusal because the state moved under the request.
pub fn status_berubah(e: StoreError) -> Tolak {
    match e {
        StoreError::Conflict("status") => tahap(
            "Keadaan periode atau indikator berubah sementara Anda mengisi; muat ulang halaman.",
        ),
        other => other.into(),
    }
}

fn pengisian(m: &Muatan, pesan: &str) -> Result<(), Tolak> {
    if m.periode.status == StatusPeriode::Pengisian {
        Ok(())
    } else {
        Err(tahap(pesan))
    }
}

/// Open a period for `tahun` on `model` with every indicator a draft.
pub async fn buka(st: &AppState, user: &User, tahun: &str, model: &str) -> Result<Periode, Tolak> {
    koordinator(user)?;
    let mut p = FieldProblems::default();
    let tahun = p.check("tahun", parse_tahun(tahun));
    let kode = model.trim();
    let model = st.evaluasi.get(kode);
    if model.is_none() {
        let pilihan: Vec<&str> = st.evaluasi.all().iter().map(|m| m.kode()).collect();
        p.add(
            "model",
            Masalahs::one(
                "model_tidak_dikenal",
                format!(
                    "Model evaluasi \"{kode}\" tidak dikenal. Pilihan: {}.",
                    pilihan.join(", ")
                ),
            ),
        );
    }
    let (Some(tahun), Some(model)) = (tahun, model) else {
        return Err(Tolak::TidakValid(p));
    };
    if !model.berlaku(tahun) {
        let rentang = match model.tahun_akhir() {
            Some(a) => format!("{} sampai {a}", model.tahun_mulai()),
            None => format!("mulai {}", model.tahun_mulai()),
        };
        return Err(Tolak::kolom(
            "tahun",
            Masalahs::one(
                "model_tidak_berlaku",
                format!(
                    "{} ({}) berlaku untuk tahun indeks {rentang}; tahun {tahun} di luar itu.",
                    model.nama(),
                    model.kode()
                ),
            ),
        ));
    }
    let nomor: Vec<u32> = model.indikator().iter().map(|i| i.nomor).collect();
    match periode::create(&st.db, &user.actor(), tahun, model.kode(), &nomor).await {
        Ok(p) => Ok(p),
        Err(StoreError::Conflict(_)) => {
            let mut f = FieldProblems::default();
            f.add(
                "tahun",
                Masalahs::one(
                    "periode_sudah_ada",
                    format!(
                        "Periode evaluasi {tahun} dengan model {} sudah dibuka; buka periode itu \
                         dari daftar.",
                        model.kode()
                    ),
                ),
            );
            Err(Tolak::Bentrok(f))
        }
        Err(e) => Err(e.into()),
    }
}

fn parse_tahun(s: &str) -> Result<i32, Masalahs> {
    let s = s.trim();
    s.parse::<i32>()
        .ok()
        .filter(|t| (2000..=2100).contains(t))
        .ok_or_else(|| {
            Masalahs::one(
                "tahun_tidak_valid",
                format!("\"{s}\" bukan tahun; tulis empat angka, misalnya 2026."),
            )
        })
}

/// A PD chosen in a form or the API, which must exist and be active.
fn pd_aktif(m: &Muatan, raw: &str) -> Result<PdId, Masalahs> {
    raw.trim()
        .parse::<PdId>()
        .ok()
        .filter(|id| m.pds.get(id).is_some_and(|p| !p.diarsipkan))
        .ok_or_else(|| {
            Masalahs::one(
                "pd_tidak_dikenal",
                format!("PD \"{}\" tidak dikenal atau sudah diarsipkan.", raw.trim()),
            )
        })
}

/// Replace the responsible PDs of `nomor`: (PD id, leads). Exactly one leads, or none
/// is given (which clears the assignment).
pub async fn set_pj(
    st: &AppState,
    user: &User,
    m: &Muatan,
    nomor: u32,
    pilihan: &[(String, bool)],
) -> Result<(), Tolak> {
    koordinator(user)?;
    m.ind(nomor).ok_or(Tolak::TidakAda)?;
    pengisian(
        m,
        "Penanggung jawab indikator hanya dapat diubah selama pengisian.",
    )?;
    let mut p = FieldProblems::default();
    let mut pds: Vec<(PdId, bool)> = Vec::new();
    for (raw, utama) in pilihan {
        if let Some(id) = p.check("pd", pd_aktif(m, raw))
            && !pds.iter().any(|(x, _)| *x == id)
        {
            pds.push((id, *utama));
        }
    }
    let utama = pds.iter().filter(|(_, u)| *u).count();
    if !pds.is_empty() && utama != 1 {
        p.add(
            "utama",
            Masalahs::one(
                "pd_utama_satu",
                "Pilih tepat satu PD utama di antara PD penanggung jawab indikator ini.",
            ),
        );
    }
    if !p.is_empty() {
        return Err(Tolak::TidakValid(p));
    }
    pj::set(&st.db, &user.actor(), m.periode.id, nomor, &pds).await?;
    Ok(())
}

/// Assign PD `pd` to every indicator of aspect `aspek`: as the lead (the former lead
/// stays, sharing), or as a PD sharing the indicators.
pub async fn set_pj_aspek(
    st: &AppState,
    user: &User,
    m: &Muatan,
    aspek: &str,
    pd: &str,
    utama: bool,
) -> Result<usize, Tolak> {
    koordinator(user)?;
    pengisian(
        m,
        "Penanggung jawab indikator hanya dapat diubah selama pengisian.",
    )?;
    let mut p = FieldProblems::default();
    let aspek = aspek.trim();
    if m.model.aspek_kode(aspek).is_none() {
        p.add(
            "aspek",
            Masalahs::one(
                "aspek_tidak_dikenal",
                format!("Aspek \"{aspek}\" tidak ada di model ini."),
            ),
        );
    }
    let pd = p.check("pd", pd_aktif(m, pd));
    let Some(pd) = pd.filter(|_| p.is_empty()) else {
        return Err(Tolak::TidakValid(p));
    };
    let mut n = 0;
    for ind in m.model.indikator_aspek(aspek) {
        let lama = m.pj_of(ind.nomor);
        let mut baru: Vec<(PdId, bool)> = Vec::new();
        if utama {
            baru.push((pd, true));
            baru.extend(lama.iter().filter(|x| x.pd != pd).map(|x| (x.pd, false)));
        } else {
            baru.extend(lama.iter().map(|x| (x.pd, x.utama)));
            if !baru.iter().any(|(x, _)| *x == pd) {
                baru.push((pd, false));
            }
        }
        pj::set(&st.db, &user.actor(), m.periode.id, ind.nomor, &baru).await?;
        n += 1;
    }
    Ok(n)
}

/// Replace the PDs assessor `pegawai` reviews. The assessor must hold the
/// `asesor_internal` role; the team is fixed once the result is approved.
pub async fn set_tim(
    st: &AppState,
    user: &User,
    m: &Muatan,
    pegawai_raw: &str,
    pds_raw: &[String],
) -> Result<(), Tolak> {
    koordinator(user)?;
    if m.periode.status == StatusPeriode::Disetujui {
        return Err(tahap(
            "Hasil periode ini sudah disetujui; tim asesor tidak dapat diubah lagi.",
        ));
    }
    let mut p = FieldProblems::default();
    let bukan = || {
        Masalahs::one(
            "bukan_asesor",
            "Pilih pegawai yang memegang peran asesor internal.",
        )
    };
    let id = pegawai_raw.trim().parse::<PegawaiId>().ok();
    let asesor_ok = match id {
        Some(id) => match pegawai::get(&st.db, id).await {
            Ok(_) => peran::of(&st.db, id)
                .await?
                .iter()
                .any(|g| g.grant.role == Role::AsesorInternal),
            Err(StoreError::NotFound) => false,
            Err(e) => return Err(e.into()),
        },
        None => false,
    };
    if !asesor_ok {
        p.add("pegawai", bukan());
    }
    let mut pds: BTreeSet<PdId> = BTreeSet::new();
    for raw in pds_raw {
        if let Some(pd) = p.check("pd", pd_aktif(m, raw)) {
            pds.insert(pd);
        }
    }
    let Some(id) = id.filter(|_| p.is_empty()) else {
        return Err(Tolak::TidakValid(p));
    };
    let pds: Vec<PdId> = pds.into_iter().collect();
    asesor::set(&st.db, &user.actor(), m.periode.id, id, &pds).await?;
    Ok(())
}

/// Submit the period: every indicator consolidated (the refusal names those not).
pub async fn ajukan(st: &AppState, user: &User, m: &Muatan) -> Result<(), Tolak> {
    koordinator(user)?;
    pengisian(m, "Periode ini sudah diajukan.")?;
    let status: Vec<(u32, StatusIndikator)> =
        m.indikator.iter().map(|i| (i.nomor, i.status)).collect();
    alur::syarat_pengajuan(&status).map_err(|e| Tolak::kolom(ALUR, e))?;
    periode::ajukan(&st.db, &user.actor(), m.periode.id)
        .await
        .map_err(status_berubah)
}

/// The final level of each self-assessed indicator from its verdicts per level, never
/// above the level the PD claimed: accepted evidence attached to a higher level shows
/// the way forward but does not award a level nobody asked to be assessed on.
pub fn tingkat_akhir_semua(m: &Muatan) -> Vec<(u32, u8)> {
    m.model
        .indikator()
        .iter()
        .filter(|i| !i.eksternal)
        .map(|i| {
            let t = tingkat_akhir(&m.putusan_per_level(i.nomor)).level.get();
            let claimed = m.ind(i.nomor).and_then(|r| r.level).unwrap_or(1);
            (i.nomor, t.min(claimed.max(1)))
        })
        .collect()
}

/// Approve the result: every evidence item has a verdict; each indicator's final level
/// follows from them (external indicators keep their published value), and the index
/// they give is recorded with the approval.
pub async fn setujui(st: &AppState, user: &User, m: &Muatan) -> Result<String, Tolak> {
    koordinator(user)?;
    alur::syarat_persetujuan(m.periode.status, m.belum_dinilai())
        .map_err(|e| Tolak::kolom(ALUR, e))?;
    let finals = tingkat_akhir_semua(m);
    let mut jawaban = m.indikator.clone();
    for j in &mut jawaban {
        j.level_akhir = finals.iter().find(|(n, _)| *n == j.nomor).map(|(_, l)| *l);
    }
    let hasil = hitung(&m.model, &nilai_akhir(&m.model, &jawaban));
    let indeks = hasil.indeks.desimal();
    periode::setujui(&st.db, &user.actor(), m.periode.id, &finals, &indeks)
        .await
        .map_err(status_berubah)?;
    Ok(indeks)
}

/// Record the national result per indicator (`""` clears one), after approval.
pub async fn set_nasional(
    st: &AppState,
    user: &User,
    m: &Muatan,
    masukan: &[(u32, String)],
) -> Result<(), Tolak> {
    koordinator(user)?;
    if m.periode.status != StatusPeriode::Disetujui {
        return Err(tahap(
            "Hasil nasional dicatat setelah hasil periode ini disetujui.",
        ));
    }
    let mut p = FieldProblems::default();
    let mut nilai: Vec<(u32, Option<i32>)> = Vec::new();
    for (nomor, raw) in masukan {
        let field = format!("nasional_{nomor}");
        if raw.trim().is_empty() {
            if m.ind(*nomor).is_some() {
                nilai.push((*nomor, None));
            }
            continue;
        }
        if let Some(v) = p.check(&field, Nilai::parse(&m.model, *nomor, raw)) {
            nilai.push((*nomor, i32::try_from(v.ratusan()).ok()));
        }
    }
    if !p.is_empty() {
        return Err(Tolak::TidakValid(p));
    }
    indikator::set_nasional(&st.db, &user.actor(), m.periode.id, &nilai).await?;
    Ok(())
}

/// Set the region's target index (1,00 to 5,00; empty clears it).
pub async fn set_target(st: &AppState, user: &User, m: &Muatan, raw: &str) -> Result<(), Tolak> {
    koordinator(user)?;
    let target = if raw.trim().is_empty() {
        None
    } else {
        let v = DuaDesimal::parse(raw).map_err(|e| Tolak::kolom("target", e))?;
        let ok = (Level::SATU.ratusan()..=Level::LIMA.ratusan()).contains(&v.ratusan());
        if !ok {
            return Err(Tolak::kolom(
                "target",
                Masalahs::one(
                    "target_di_luar_rentang",
                    format!("Target {} di luar rentang 1,00 sampai 5,00.", raw.trim()),
                ),
            ));
        }
        i32::try_from(v.ratusan()).ok()
    };
    periode::set_target(&st.db, &user.actor(), m.periode.id, target).await?;
    Ok(())
}
