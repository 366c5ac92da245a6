//! `/evaluasi/periode/{id}/indikator/{nomor}`: one indicator of a period, with its five
//! levels (the model's criteria in the region's wording and the evidence expected), the
//! evidence attached per level with the assessors' verdicts, and the forms of whoever
//! may act now: the self-assessment, attaching evidence, consolidating or reopening,
//! reviewing, and the coordinator's responsible PDs. The "what next" box names the next
//! level's criteria and the levels still lacking accepted evidence.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::berkas::JenisBerkas;
use simpul_domain::evaluation::alur::{AksiIndikator, StatusPeriode};
use simpul_domain::evaluation::bukti::JenisBukti;
use simpul_domain::evaluation::{Level, StatusBukti};
use simpul_store::evaluasi::bukti::Lampiran;
use simpul_store::perencanaan;
use simpul_store::registry::item;

use super::aksi::koordinator;
use super::aksi_indikator::{self as aksi, IsianMasuk, butuh_nama_layanan};
use super::data::teks;
use super::muat::{Muatan, muat};
use super::saran;
use super::tampil::{Galat, badge_bukti, badge_indikator, label_bukti, label_indikator};
use super::tolak::{Tolak, ke_halaman};
use super::{id_periode, nomor};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// An attached evidence item as shown.
pub struct LampiranView {
    /// Attachment id (for the review form).
    pub id: String,
    /// Title.
    pub judul: String,
    /// Kind label.
    pub jenis: String,
    /// Where it opens or downloads.
    pub href: String,
    /// Whether `href` leaves Simpul.
    pub luar: bool,
    /// Owning PD.
    pub pd: String,
    /// Verdict label and badge.
    pub status: String,
    /// Badge class.
    pub badge: &'static str,
    /// Assessor's comment.
    pub komentar: String,
    /// Reviewed by (NIP).
    pub dinilai_oleh: String,
    /// Not accepted: may be withdrawn and replaced.
    pub bisa_ditarik: bool,
}

/// One level of the indicator.
pub struct LevelView {
    /// 1..=5.
    pub level: u8,
    /// Its name.
    pub nama: String,
    /// Criteria (region's wording).
    pub kriteria: String,
    /// Evidence expected.
    pub diharapkan: Vec<String>,
    /// Evidence attached.
    pub lampiran: Vec<LampiranView>,
}

#[derive(Template)]
#[template(path = "evaluasi_periode_indikator.html")]
struct IndikatorPage {
    ctx: Ctx,
    href_periode: String,
    aksi: String,
    judul_periode: String,
    nomor: u32,
    nama: String,
    aspek: String,
    bobot: String,
    eksternal: bool,
    sumber_model: String,
    status: String,
    badge: &'static str,
    pj: Vec<(String, bool)>,
    mandiri: String,
    justifikasi: String,
    nama_layanan: String,
    akhir: String,
    nasional: String,
    levels: Vec<LevelView>,
    berikut: Option<LevelView>,
    kurang: Vec<String>,
    boleh_isi: bool,
    boleh_lampir: bool,
    boleh_konsolidasi: bool,
    boleh_buka: bool,
    boleh_nilai: bool,
    boleh_pj: bool,
    butuh_layanan: bool,
    f: IsianMasuk,
    level_pilihan: Vec<(String, String)>,
    pakai: Vec<(String, String)>,
    crosswalk: Vec<(String, String)>,
    registri: Vec<(String, String)>,
    dokumen: Vec<(String, String)>,
    accept: String,
    /// (id, name, responsible, leads).
    pd_pilihan: Vec<(String, String, bool, bool)>,
    errors: FormErrors,
}

fn lampiran_view(m: &Muatan, lang: Lang, l: &Lampiran) -> LampiranView {
    let b = &l.bukti;
    let (href, luar) = match (b.jenis, &b.url, b.rujukan) {
        (JenisBukti::Tautan, Some(u), _) => (u.clone(), true),
        (JenisBukti::Berkas, ..) => (format!("/evaluasi/bukti/{}/berkas", b.id), false),
        (JenisBukti::Registri, _, Some(r)) => (format!("/arsitektur/item/{r}"), false),
        (JenisBukti::Perencanaan, _, Some(r)) => (format!("/perencanaan/{r}"), false),
        _ => (String::new(), false),
    };
    LampiranView {
        id: l.id.to_string(),
        judul: b.judul.clone(),
        jenis: lang.t(&format!("evp-jenis-{}", b.jenis.code())),
        href,
        luar,
        pd: b.pd.map(|p| m.nama_pd(p)).unwrap_or_default(),
        status: label_bukti(lang, l.status),
        badge: badge_bukti(l.status),
        komentar: l.komentar.clone().unwrap_or_default(),
        dinilai_oleh: l.dinilai_oleh.clone().unwrap_or_default(),
        bisa_ditarik: l.status != simpul_domain::evaluation::StatusBukti::Diterima,
    }
}

fn level_view(
    m: &Muatan,
    lang: Lang,
    ind: &simpul_domain::evaluation::Indikator,
    l: Level,
) -> LevelView {
    LevelView {
        level: l.get(),
        nama: ind.nama_level_untuk(l).to_owned(),
        kriteria: ind.kriteria_level(l).to_owned(),
        diharapkan: ind.bukti_level(l).to_vec(),
        lampiran: m
            .lampiran_of(ind.nomor)
            .filter(|x| x.level == l.get())
            .map(|x| lampiran_view(m, lang, x))
            .collect(),
    }
}

/// The levels up to the claimed one still lacking evidence, and (once assessors review)
/// those whose evidence is not all accepted.
fn kurang(m: &Muatan, lang: Lang, nomor: u32, klaim: Option<u8>) -> Vec<String> {
    let putusan = m.putusan_per_level(nomor);
    let dinilai = m.periode.status != StatusPeriode::Pengisian;
    (1..=klaim.unwrap_or(0))
        .filter_map(|l| {
            let v = putusan.get(usize::from(l) - 1)?;
            let level = l.to_string();
            if v.is_empty() {
                Some(lang.t1("evp-kurang-kosong", "level", &level))
            } else if dinilai && !v.iter().all(|s| *s == StatusBukti::Diterima) {
                Some(lang.t1("evp-kurang-belum-diterima", "level", &level))
            } else {
                None
            }
        })
        .collect()
}

/// The indicator page, with `galat` and the submitted self-assessment when refused.
#[allow(clippy::too_many_arguments)]
pub async fn tampil(
    st: &AppState,
    user: &User,
    lang: Lang,
    m: &Muatan,
    nomor: u32,
    flash: Option<&str>,
    galat: Galat,
    isian: Option<IsianMasuk>,
) -> Result<Response, PageError> {
    let i = m.ind(nomor).ok_or(PageError::NotFound)?;
    let ind = m.model.indikator_nomor(nomor).ok_or(PageError::NotFound)?;
    let pj = m.pj_of(nomor);
    let boleh = |a| aksi::boleh(user, m, nomor, a);
    let boleh_lampir = boleh(AksiIndikator::LampirkanBukti);
    let (pakai, crosswalk, registri, dokumen) = if boleh_lampir {
        pilihan_bukti(st, user, m, nomor, &pj).await?
    } else {
        Default::default()
    };
    let f = isian.unwrap_or_else(|| IsianMasuk {
        level: i.level.map(|l| l.to_string()).unwrap_or_default(),
        justifikasi: i.justifikasi.clone().unwrap_or_default(),
        nama_layanan: i.nama_layanan.clone().unwrap_or_default(),
        nilai: i.nilai_eksternal.map(teks).unwrap_or_default(),
        sumber: i
            .sumber_eksternal
            .clone()
            .or_else(|| ind.sumber_eksternal.clone())
            .unwrap_or_default(),
        tanggal: i.tanggal_sumber.clone().unwrap_or_default(),
    });
    let berikut = if ind.eksternal {
        None
    } else {
        let next = i.level.map_or(Some(Level::SATU), |l| {
            Level::new(l).and_then(Level::berikut)
        });
        next.map(|l| level_view(m, lang, ind, l))
    };
    let boleh_pj = koordinator(user).is_ok() && m.periode.status == StatusPeriode::Pengisian;
    let mut pd_pilihan: Vec<(String, String, bool, bool)> = m
        .pds
        .values()
        .filter(|p| !p.diarsipkan)
        .map(|p| {
            let x = pj.iter().find(|x| x.pd == p.id);
            (
                p.id.to_string(),
                p.nama.clone(),
                x.is_some(),
                x.is_some_and(|x| x.utama),
            )
        })
        .collect();
    pd_pilihan.sort_by(|a, b| (!a.2, &a.1).cmp(&(!b.2, &b.1)));
    let aspek = m
        .model
        .aspek_kode(&ind.aspek)
        .map_or_else(|| ind.aspek.clone(), |a| format!("{} {}", a.kode, a.nama));
    let nilai = |lvl: Option<u8>, ext: Option<i32>| {
        if ind.eksternal {
            ext.map(teks).unwrap_or_default()
        } else {
            lvl.map(|l| l.to_string()).unwrap_or_default()
        }
    };
    let href_periode = format!("/evaluasi/periode/{}", m.periode.id);
    let p = IndikatorPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "evaluasi", flash),
        aksi: format!("{href_periode}/indikator/{nomor}"),
        href_periode,
        judul_periode: format!("{} {}", m.model.nama(), m.periode.tahun),
        nomor,
        nama: ind.nama.clone(),
        aspek,
        bobot: ind.bobot.teks(),
        eksternal: ind.eksternal,
        sumber_model: ind.sumber_eksternal.clone().unwrap_or_default(),
        status: label_indikator(lang, i.status),
        badge: badge_indikator(i.status),
        pj: pj.iter().map(|p| (m.nama_pd(p.pd), p.utama)).collect(),
        mandiri: nilai(i.level, i.nilai_eksternal),
        justifikasi: i.justifikasi.clone().unwrap_or_default(),
        nama_layanan: i.nama_layanan.clone().unwrap_or_default(),
        akhir: if m.periode.status == StatusPeriode::Disetujui {
            nilai(i.level_akhir, i.nilai_eksternal)
        } else {
            String::new()
        },
        nasional: i.nasional.map(teks).unwrap_or_default(),
        levels: Level::SEMUA
            .iter()
            .map(|l| level_view(m, lang, ind, *l))
            .collect(),
        berikut,
        kurang: if ind.eksternal {
            Vec::new()
        } else {
            kurang(m, lang, nomor, i.level)
        },
        boleh_isi: boleh(AksiIndikator::Isi),
        boleh_lampir,
        boleh_konsolidasi: boleh(AksiIndikator::Konsolidasi),
        boleh_buka: boleh(AksiIndikator::BukaKembali),
        boleh_nilai: boleh(AksiIndikator::Nilai),
        boleh_pj,
        butuh_layanan: butuh_nama_layanan(ind),
        f,
        level_pilihan: Level::SEMUA
            .iter()
            .map(|l| (l.to_string(), format!("{l} — {}", ind.nama_level_untuk(*l))))
            .collect(),
        pakai,
        crosswalk,
        registri,
        dokumen,
        accept: JenisBerkas::accepted().replace(' ', ""),
        pd_pilihan,
        errors: galat.errors,
    };
    Ok(render(galat.status, &p))
}

type Pilihan = Vec<(String, String)>;

/// The choices of the evidence forms: the PD's items, the crosswalk's suggestions,
/// registry records and planning documents.
async fn pilihan_bukti(
    st: &AppState,
    user: &User,
    m: &Muatan,
    nomor: u32,
    pj: &[simpul_domain::evaluation::alur::PenanggungJawab],
) -> Result<(Pilihan, Pilihan, Pilihan, Pilihan), PageError> {
    let pakai = saran::milik_pd(st, user, m, pj)
        .await?
        .into_iter()
        .take(300)
        .map(|b| {
            let pd =
                b.pd.map(|p| format!(" · {}", m.nama_pd(p)))
                    .unwrap_or_default();
            (
                b.id.to_string(),
                format!("{} ({}){pd}", b.judul, b.jenis.label()),
            )
        })
        .collect();
    let crosswalk = saran::dari_crosswalk(st, m, nomor)
        .await?
        .into_iter()
        .map(|c| {
            let label = format!(
                "{} — {} {}, indikator {}",
                c.bukti.judul, c.model, c.tahun, c.nomor
            );
            (c.bukti.id.to_string(), label)
        })
        .collect();
    let filter = simpul_store::registry::ItemFilter::default();
    let registri = item::page(&st.db, &filter, 500, 0)
        .await?
        .into_iter()
        .map(|r| (r.id.to_string(), format!("{} — {}", r.kode, r.nama)))
        .collect();
    let dokumen = perencanaan::list(&st.db)
        .await?
        .into_iter()
        .map(|d| (d.id.to_string(), d.judul))
        .collect();
    Ok((pakai, crosswalk, registri, dokumen))
}

/// Back to the indicator page with `pesan`, or the page again with the refusal.
#[allow(clippy::too_many_arguments)]
pub async fn jawab(
    st: &AppState,
    user: &User,
    lang: Lang,
    m: &Muatan,
    nomor: u32,
    hasil: Result<(), Tolak>,
    pesan: &str,
    anchor: &str,
) -> Result<Response, PageError> {
    match hasil {
        Ok(()) => {
            let to = format!(
                "/evaluasi/periode/{}/indikator/{nomor}?pesan={pesan}#{anchor}",
                m.periode.id
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(t @ (Tolak::TidakAda | Tolak::Store(_))) => Err(ke_halaman(t)),
        Err(t) => tampil(st, user, lang, m, nomor, None, Galat::dari(&t, lang), None).await,
    }
}

async fn muat_dua(st: &AppState, id: &str, n: &str) -> Result<(Muatan, u32), PageError> {
    let m = muat(st, id_periode(id)?).await.map_err(ke_halaman)?;
    let n = nomor(n)?;
    m.ind(n).ok_or(PageError::NotFound)?;
    Ok((m, n))
}

/// `GET /evaluasi/periode/{id}/indikator/{nomor}`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let flash = q.pesan.as_deref();
    tampil(&st, &user, lang, &m, n, flash, Galat::tidak_ada(), None).await
}

/// The self-assessment form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IsiForm {
    level: String,
    justifikasi: String,
    nama_layanan: String,
    nilai: String,
    sumber: String,
    tanggal: String,
}

/// `POST /evaluasi/periode/{id}/indikator/{nomor}/isi`.
pub async fn isi(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
    Form(f): Form<IsiForm>,
) -> Result<Response, PageError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let masuk = IsianMasuk {
        level: f.level,
        justifikasi: f.justifikasi,
        nama_layanan: f.nama_layanan,
        nilai: f.nilai,
        sumber: f.sumber,
        tanggal: f.tanggal,
    };
    match aksi::isi(&st, &user, &m, n, &masuk).await {
        Ok(()) => jawab(&st, &user, lang, &m, n, Ok(()), "evp-diisi", "isi").await,
        Err(t @ (Tolak::TidakAda | Tolak::Store(_))) => Err(ke_halaman(t)),
        Err(t) => {
            let galat = Galat::dari(&t, lang);
            tampil(&st, &user, lang, &m, n, None, galat, Some(masuk)).await
        }
    }
}

/// `POST /evaluasi/periode/{id}/indikator/{nomor}/konsolidasi`.
pub async fn konsolidasi(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let r = aksi::konsolidasi(&st, &user, &m, n).await;
    jawab(&st, &user, lang, &m, n, r, "evp-dikonsolidasi", "status").await
}

/// `POST /evaluasi/periode/{id}/indikator/{nomor}/buka-kembali`.
pub async fn buka_kembali(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let r = aksi::buka_kembali(&st, &user, &m, n).await;
    jawab(&st, &user, lang, &m, n, r, "evp-dibuka-kembali", "status").await
}

/// The review form of one attachment.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct NilaiForm {
    status: String,
    komentar: String,
}

/// `POST /evaluasi/periode/{id}/lampiran/{lampiran}/nilai` (`status`, `komentar`).
pub async fn nilai(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, lampiran)): Path<(String, String)>,
    Form(f): Form<NilaiForm>,
) -> Result<Response, PageError> {
    let m = muat(&st, id_periode(&id)?).await.map_err(ke_halaman)?;
    let n = aksi::lampiran_dari(&m, &lampiran)
        .map_err(|_| PageError::NotFound)?
        .nomor;
    let r = aksi::nilai(&st, &user, &m, &lampiran, &f.status, &f.komentar)
        .await
        .map(|_| ());
    jawab(&st, &user, lang, &m, n, r, "evp-dinilai", "level").await
}

/// `POST /evaluasi/periode/{id}/lampiran/{lampiran}/tarik`: withdraw evidence that was not
/// accepted (to replace it).
pub async fn tarik(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, lampiran)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let m = muat(&st, id_periode(&id)?).await.map_err(ke_halaman)?;
    let n = aksi::lampiran_dari(&m, &lampiran)
        .map_err(|_| PageError::NotFound)?
        .nomor;
    let r = aksi::tarik(&st, &user, &m, &lampiran).await.map(|_| ());
    jawab(&st, &user, lang, &m, n, r, "evp-ditarik", "level").await
}
