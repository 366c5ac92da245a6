//! The coordinator's forms: responsible PDs per indicator and per aspect, the assessor
//! team, the target, submitting, approving and the national result. Success goes back
//! to the page with a message; a refusal shows the same page with the domain's words,
//! 403 or 422, and nothing stored.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::aksi;
use super::muat::{Muatan, muat};
use super::tampil::Galat;
use super::tolak::{Tolak, ke_halaman};
use super::{halaman, id_periode, indikator, nomor};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::state::AppState;

/// A urlencoded form as pairs, so fields that repeat (checkboxes) all arrive.
type Pasangan = Form<Vec<(String, String)>>;

fn satu<'a>(f: &'a [(String, String)], name: &str) -> &'a str {
    f.iter()
        .rev()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn semua(f: &[(String, String)], name: &str) -> Vec<String> {
    f.iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// Back to the period page with `pesan`, or the page again with the refusal.
async fn jawab(
    st: &AppState,
    user: &User,
    lang: Lang,
    m: &Muatan,
    hasil: Result<(), Tolak>,
    pesan: &str,
    anchor: &str,
) -> Result<Response, PageError> {
    match hasil {
        Ok(()) => {
            let to = format!("/evaluasi/periode/{}?pesan={pesan}#{anchor}", m.periode.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(t @ (Tolak::TidakAda | Tolak::Store(_))) => Err(ke_halaman(t)),
        Err(t) => halaman::tampil(st, user, lang, m, None, Galat::dari(&t, lang)).await,
    }
}

async fn muat_id(st: &AppState, raw: &str) -> Result<Muatan, PageError> {
    muat(st, id_periode(raw)?).await.map_err(ke_halaman)
}

/// `POST /evaluasi/periode/{id}/pj-aspek` (`aspek`, `pd`, `peran` = utama | anggota).
pub async fn pj_aspek(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Form(f): Pasangan,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let utama = satu(&f, "peran") != "anggota";
    let r = aksi::set_pj_aspek(&st, &user, &m, satu(&f, "aspek"), satu(&f, "pd"), utama)
        .await
        .map(|_| ());
    jawab(&st, &user, lang, &m, r, "evp-pj-disimpan", "penugasan").await
}

/// `POST /evaluasi/periode/{id}/asesor` (`pegawai`, `pd` repeated).
pub async fn tim(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Form(f): Pasangan,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let r = aksi::set_tim(&st, &user, &m, satu(&f, "pegawai"), &semua(&f, "pd")).await;
    jawab(&st, &user, lang, &m, r, "evp-tim-disimpan", "tim").await
}

/// `POST /evaluasi/periode/{id}/target` (`target`).
pub async fn target(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Form(f): Pasangan,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let r = aksi::set_target(&st, &user, &m, satu(&f, "target")).await;
    jawab(&st, &user, lang, &m, r, "evp-target-disimpan", "indeks").await
}

/// `POST /evaluasi/periode/{id}/ajukan`.
pub async fn ajukan(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let r = aksi::ajukan(&st, &user, &m).await;
    jawab(&st, &user, lang, &m, r, "evp-diajukan", "status").await
}

/// `POST /evaluasi/periode/{id}/setujui`.
pub async fn setujui(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let r = aksi::setujui(&st, &user, &m).await.map(|_| ());
    jawab(&st, &user, lang, &m, r, "evp-disetujui", "status").await
}

/// `POST /evaluasi/periode/{id}/nasional` (`nasional_<nomor>` per indicator).
pub async fn nasional(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Form(f): Pasangan,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let masukan: Vec<(u32, String)> = f
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("nasional_")?.parse().ok()?, v.clone())))
        .collect();
    let r = aksi::set_nasional(&st, &user, &m, &masukan).await;
    jawab(&st, &user, lang, &m, r, "evp-nasional-disimpan", "nasional").await
}

/// `POST /evaluasi/periode/{id}/indikator/{nomor}/pj` (`pd` repeated, `utama`).
pub async fn pj(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
    Form(f): Pasangan,
) -> Result<Response, PageError> {
    let m = muat_id(&st, &id).await?;
    let n = nomor(&n)?;
    let utama = satu(&f, "utama");
    let mut pds = semua(&f, "pd");
    // Choosing a lead implies it is responsible too.
    if !utama.is_empty() && !pds.iter().any(|p| p == utama) {
        pds.push(utama.to_owned());
    }
    let pilihan: Vec<(String, bool)> = pds
        .into_iter()
        .map(|p| {
            let lead = p == utama;
            (p, lead)
        })
        .collect();
    let r = aksi::set_pj(&st, &user, &m, n, &pilihan).await;
    indikator::jawab(&st, &user, lang, &m, n, r, "evp-pj-disimpan", "pj").await
}
