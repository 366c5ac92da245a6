//! `/evaluasi/periode/{id}`: a period's status and what comes next, the index as it
//! stands (provisional from the self-assessed levels, final after approval), every
//! indicator by aspect with its PDs, status, level, evidence and verdicts, the
//! comparison with the national result, and the coordinator's forms.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use simpul_domain::access::Role;
use simpul_domain::evaluation::alur::StatusPeriode;
use simpul_domain::evaluation::{StatusBukti, tingkat_akhir};
use simpul_store::{pegawai, peran};

use super::aksi::koordinator;
use super::data::teks;
use super::muat::{Muatan, muat};
use super::tampil::{Galat, badge_indikator, badge_periode, label_indikator, label_periode};
use super::tolak::ke_halaman;
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// One indicator row.
pub struct BarisInd {
    /// Number.
    pub nomor: u32,
    /// Name.
    pub nama: String,
    /// Link to its page.
    pub href: String,
    /// Responsible PDs: (name, leads).
    pub pj: Vec<(String, bool)>,
    /// Status label.
    pub status: String,
    /// Badge class.
    pub badge: &'static str,
    /// Self-assessed level or external value; empty when none.
    pub mandiri: String,
    /// Evidence per level, "2 · 1 · 0 · 0 · 0".
    pub bukti: String,
    /// Verdicts: accepted, to revise, not yet reviewed.
    pub putusan: (usize, usize, usize),
    /// Final level (after approval) or its estimate from the verdicts so far.
    pub akhir: String,
    /// Whether `akhir` is only an estimate.
    pub perkiraan: bool,
}

/// The indicators of one aspect.
pub struct Kelompok {
    /// Aspect code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Weight, Indonesian.
    pub bobot: String,
    /// Aspect index, Indonesian.
    pub indeks: String,
    /// Its indicators.
    pub baris: Vec<BarisInd>,
}

/// One row of the comparison with the national result.
pub struct BarisNasional {
    /// Number.
    pub nomor: u32,
    /// Name.
    pub nama: String,
    /// Self-assessed.
    pub mandiri: String,
    /// Final.
    pub akhir: String,
    /// National, as entered (Indonesian).
    pub nasional: String,
    /// National minus final, signed, when both exist.
    pub selisih: String,
    /// Whether they differ.
    pub beda: bool,
}

#[derive(Template)]
#[template(path = "evaluasi_periode.html")]
struct PeriodePage {
    ctx: Ctx,
    id: String,
    judul: String,
    dasar_hukum: String,
    sementara: bool,
    status: String,
    badge: &'static str,
    langkah: String,
    nama_indeks: String,
    indeks: String,
    predikat: String,
    akhir: bool,
    diasumsikan: usize,
    target: String,
    domain_indeks: Vec<(String, String, String)>,
    kelompok: Vec<Kelompok>,
    koordinator: bool,
    pengisian: bool,
    diajukan: bool,
    disetujui: bool,
    aspek_pilihan: Vec<(String, String)>,
    pd_pilihan: Vec<(String, String)>,
    asesor_pilihan: Vec<(String, String)>,
    tim: Vec<(String, String)>,
    nasional: Vec<BarisNasional>,
    errors: FormErrors,
}

/// The text of a value in hundredths or a level.
fn nilai_teks(level: Option<u8>, eksternal: Option<i32>, is_ext: bool) -> String {
    if is_ext {
        eksternal.map(teks).unwrap_or_default()
    } else {
        level.map(|l| l.to_string()).unwrap_or_default()
    }
}

fn baris_ind(m: &Muatan, lang: Lang, nomor: u32) -> Option<BarisInd> {
    let i = m.ind(nomor)?;
    let mi = m.model.indikator_nomor(nomor)?;
    let putusan = m.putusan_per_level(nomor);
    let hit = |s: StatusBukti| putusan.iter().flatten().filter(|x| **x == s).count();
    let (akhir, perkiraan) = match m.periode.status {
        StatusPeriode::Disetujui => (
            nilai_teks(i.level_akhir, i.nilai_eksternal, mi.eksternal),
            false,
        ),
        StatusPeriode::Diajukan if !mi.eksternal => {
            (tingkat_akhir(&putusan).level.to_string(), true)
        }
        _ => (String::new(), false),
    };
    Some(BarisInd {
        nomor,
        nama: mi.nama.clone(),
        href: format!("/evaluasi/periode/{}/indikator/{nomor}", m.periode.id),
        pj: m
            .pj_of(nomor)
            .iter()
            .map(|p| (m.nama_pd(p.pd), p.utama))
            .collect(),
        status: label_indikator(lang, i.status),
        badge: badge_indikator(i.status),
        mandiri: nilai_teks(i.level, i.nilai_eksternal, mi.eksternal),
        bukti: m
            .jumlah_per_level(nomor)
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" · "),
        putusan: (
            hit(StatusBukti::Diterima),
            hit(StatusBukti::Revisi),
            hit(StatusBukti::BelumDinilai),
        ),
        akhir,
        perkiraan,
    })
}

fn nasional(m: &Muatan) -> Vec<BarisNasional> {
    m.indikator
        .iter()
        .filter_map(|i| {
            let mi = m.model.indikator_nomor(i.nomor)?;
            let akhir_ratusan = if mi.eksternal {
                i.nilai_eksternal
            } else {
                i.level_akhir.map(|l| i32::from(l) * 100)
            };
            let d = i.nasional.zip(akhir_ratusan).map(|(n, a)| n - a);
            Some(BarisNasional {
                nomor: i.nomor,
                nama: mi.nama.clone(),
                mandiri: nilai_teks(i.level, i.nilai_eksternal, mi.eksternal),
                akhir: nilai_teks(i.level_akhir, i.nilai_eksternal, mi.eksternal),
                nasional: i.nasional.map(teks).unwrap_or_default(),
                selisih: d.map_or_else(String::new, |d| {
                    let s = teks(d.abs());
                    if d > 0 {
                        format!("+{s}")
                    } else if d < 0 {
                        format!("−{s}")
                    } else {
                        s
                    }
                }),
                beda: d.is_some_and(|d| d != 0),
            })
        })
        .collect()
}

/// Staff holding the internal assessor role: (id, "name (NIP)").
async fn asesor_pilihan(st: &AppState) -> Result<Vec<(String, String)>, PageError> {
    let mut ids: Vec<_> = peran::all(&st.db, None)
        .await?
        .into_iter()
        .filter(|g| g.grant.role == Role::AsesorInternal)
        .map(|g| g.pegawai)
        .collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for id in ids {
        let p = pegawai::get(&st.db, id).await?;
        if p.aktif {
            out.push((id.to_string(), format!("{} ({})", p.nama, p.nip.as_str())));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// The period page, with `galat` shown when an action was refused.
pub async fn tampil(
    st: &AppState,
    user: &User,
    lang: Lang,
    m: &Muatan,
    flash: Option<&str>,
    galat: Galat,
) -> Result<Response, PageError> {
    let (h, akhir) = m.indeks();
    let s = m.periode.status;
    let k = super::data::kemajuan(&m.indikator, &m.lampiran);
    let langkah = match s {
        StatusPeriode::Pengisian => ("evp-langkah-pengisian", k.dikonsolidasi, k.indikator),
        StatusPeriode::Diajukan => ("evp-langkah-diajukan", k.dinilai, k.bukti),
        StatusPeriode::Disetujui => ("evp-langkah-disetujui", 0, 0),
    };
    let kelompok = m
        .model
        .aspek()
        .iter()
        .map(|a| Kelompok {
            kode: a.kode.clone(),
            nama: a.nama.clone(),
            bobot: a.bobot.teks(),
            indeks: h
                .indeks_aspek(&a.kode)
                .map(|x| x.teks())
                .unwrap_or_default(),
            baris: m
                .model
                .indikator_aspek(&a.kode)
                .filter_map(|i| baris_ind(m, lang, i.nomor))
                .collect(),
        })
        .collect();
    let is_koordinator = koordinator(user).is_ok();
    let mut pd_pilihan: Vec<(String, String)> = m
        .pds
        .values()
        .filter(|p| !p.diarsipkan)
        .map(|p| (p.id.to_string(), p.nama.clone()))
        .collect();
    pd_pilihan.sort_by(|a, b| a.1.cmp(&b.1));
    let asesor = if is_koordinator {
        asesor_pilihan(st).await?
    } else {
        Vec::new()
    };
    let tim = asesor
        .iter()
        .filter_map(|(id, nama)| {
            let pds: Vec<String> = m
                .tim
                .iter()
                .filter(|(a, _)| a.to_string() == *id)
                .map(|(_, p)| m.nama_pd(*p))
                .collect();
            (!pds.is_empty()).then(|| (nama.clone(), pds.join(", ")))
        })
        .collect();
    let p = PeriodePage {
        ctx: Ctx::new(user, lang, region_name(st).await, "evaluasi", flash),
        id: m.periode.id.to_string(),
        judul: format!("{} {}", m.model.nama(), m.periode.tahun),
        dasar_hukum: m.model.dasar_hukum().to_owned(),
        sementara: m.model.sementara(),
        status: label_periode(lang, s),
        badge: badge_periode(s),
        langkah: lang.t_args(
            langkah.0,
            &[
                ("n", langkah.1.to_string()),
                ("total", langkah.2.to_string()),
            ],
        ),
        nama_indeks: m.model.nama_indeks().to_owned(),
        indeks: h.indeks.teks(),
        predikat: h.predikat.nama.clone(),
        akhir,
        diasumsikan: h.diasumsikan.len(),
        target: m.periode.target.map(teks).unwrap_or_default(),
        domain_indeks: m
            .model
            .domain()
            .iter()
            .map(|d| {
                let v = h
                    .indeks_domain(&d.kode)
                    .map(|x| x.teks())
                    .unwrap_or_default();
                (d.kode.clone(), d.nama.clone(), v)
            })
            .collect(),
        kelompok,
        koordinator: is_koordinator,
        pengisian: s == StatusPeriode::Pengisian,
        diajukan: s == StatusPeriode::Diajukan,
        disetujui: s == StatusPeriode::Disetujui,
        aspek_pilihan: m
            .model
            .aspek()
            .iter()
            .map(|a| (a.kode.clone(), format!("{} {}", a.kode, a.nama)))
            .collect(),
        pd_pilihan,
        asesor_pilihan: asesor,
        tim,
        nasional: nasional(m),
        errors: galat.errors,
    };
    Ok(render(galat.status, &p))
}

/// `GET /evaluasi/periode/{id}`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let id = super::id_periode(&id)?;
    let m = muat(&st, id).await.map_err(ke_halaman)?;
    tampil(&st, &user, lang, &m, q.pesan.as_deref(), Galat::tidak_ada()).await
}
