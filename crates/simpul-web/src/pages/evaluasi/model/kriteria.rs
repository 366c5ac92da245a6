//! `/evaluasi/model/{kode}/kriteria`: the region's administrator pastes the official
//! wording of one level's criteria over the model file's reconstruction; an empty text
//! restores the file's wording. Everything is checked before anything is stored, and
//! every problem is named.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::evaluation::{Level, Model};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::evaluasi::kriteria;

use super::boleh_ubah;
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// Longest criteria text accepted, in characters (an official level text is a few
/// sentences; this leaves room for a long one without letting a page balloon).
pub const PANJANG_MAKS: usize = 4000;

/// The form's raw values (also the query of the GET).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct KriteriaForm {
    #[serde(default)]
    nomor: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    teks: String,
}

#[derive(Template)]
#[template(path = "evaluasi_model_kriteria.html")]
struct KriteriaPage {
    ctx: Ctx,
    kode: String,
    nama: String,
    v: KriteriaForm,
    /// (number, "n. name") of every indicator.
    indikator: Vec<(String, String)>,
    /// (level, "n – name").
    level: Vec<(String, String)>,
    /// The model file's wording of the chosen level, when the choice is valid.
    asli: String,
    errors: FormErrors,
}

const FIELDS: &[(&str, &str)] = &[
    ("nomor", "evmodel-label-indikator"),
    ("level", "evmodel-label-level"),
    ("teks", "evmodel-label-teks"),
];

/// What was chosen, when it is valid: (indicator number, level).
fn pilihan(m: &Model, v: &KriteriaForm) -> Result<(u32, Level), FieldProblems> {
    let mut p = FieldProblems::default();
    let s = v.nomor.trim();
    let nomor = s
        .parse::<u32>()
        .ok()
        .filter(|n| s.chars().all(|c| c.is_ascii_digit()) && m.indikator_nomor(*n).is_some());
    if nomor.is_none() {
        let pesan = format!(
            "Indikator \"{s}\" tidak ada di model ini (1 sampai {}).",
            m.indikator().len()
        );
        p.add("nomor", Masalahs::one("indikator_tidak_dikenal", pesan));
    }
    let level = p.check("level", Level::parse(&v.level));
    match (nomor, level) {
        (Some(n), Some(l)) if p.0.is_empty() => Ok((n, l)),
        _ => Err(p),
    }
}

fn page(
    ctx: Ctx,
    asli: &Model,
    v: KriteriaForm,
    problems: &FieldProblems,
    lang: Lang,
) -> KriteriaPage {
    let teks_asli = pilihan(asli, &v)
        .ok()
        .and_then(|(n, l)| Some(asli.indikator_nomor(n)?.kriteria_level(l).to_owned()))
        .unwrap_or_default();
    // Level names differ by domain in spbe-2020; the chosen indicator's are shown.
    let nama_level = v
        .nomor
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|n| asli.indikator_nomor(n))
        .map_or_else(|| asli.nama_level().clone(), |i| i.nama_level.clone());
    KriteriaPage {
        ctx,
        kode: asli.kode().to_owned(),
        nama: asli.nama().to_owned(),
        indikator: asli
            .indikator()
            .iter()
            .map(|i| (i.nomor.to_string(), format!("{}. {}", i.nomor, i.nama)))
            .collect(),
        level: Level::SEMUA
            .iter()
            .zip(nama_level)
            .map(|(l, n)| (l.to_string(), format!("{l} – {n}")))
            .collect(),
        asli: teks_asli,
        errors: FormErrors::from_problems(problems, lang, FIELDS),
        v,
    }
}

fn angka(n: usize) -> String {
    crate::format_id::angka(i64::try_from(n).unwrap_or(i64::MAX))
}

async fn ctx(st: &AppState, user: &User, lang: Lang) -> Ctx {
    Ctx::new(user, lang, region_name(st).await, "evaluasi", None)
}

/// `GET /evaluasi/model/{kode}/kriteria?nomor=&level=`: the form, with the text now in
/// force (the region's, else the file's).
pub async fn form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(kode): Path<String>,
    Query(mut v): Query<KriteriaForm>,
) -> Result<Response, PageError> {
    if !boleh_ubah(&user) {
        return Err(PageError::Forbidden);
    }
    let asli = st.evaluasi.get(&kode).ok_or(PageError::NotFound)?;
    if v.nomor.is_empty() && v.level.is_empty() {
        v.nomor = "1".into();
        v.level = "1".into();
    }
    let (nomor, level) = pilihan(asli, &v).map_err(|_| PageError::NotFound)?;
    let kini = st.evaluasi.with_region_wording(&st.db, &kode).await?;
    v.teks = kini
        .indikator_nomor(nomor)
        .map(|i| i.kriteria_level(level).to_owned())
        .unwrap_or_default();
    let p = page(
        ctx(&st, &user, lang).await,
        asli,
        v,
        &FieldProblems::default(),
        lang,
    );
    Ok(render(StatusCode::OK, &p))
}

/// `POST /evaluasi/model/{kode}/kriteria` (`nomor`, `level`, `teks`).
pub async fn simpan(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(kode): Path<String>,
    Form(v): Form<KriteriaForm>,
) -> Result<Response, PageError> {
    if !boleh_ubah(&user) {
        return Err(PageError::Forbidden);
    }
    let asli = st.evaluasi.get(&kode).ok_or(PageError::NotFound)?;
    let pilih = pilihan(asli, &v);
    let mut problems = pilih.clone().err().unwrap_or_default();
    let teks = v.teks.trim();
    let panjang = teks.chars().count();
    if panjang > PANJANG_MAKS {
        let pesan = format!(
            "Kriteria paling panjang {} karakter; yang diisi {} karakter.",
            angka(PANJANG_MAKS),
            angka(panjang)
        );
        problems.add("teks", Masalahs::one("terlalu_panjang", pesan));
    }
    let (nomor, level) = match pilih {
        Ok(p) if problems.0.is_empty() => p,
        _ => {
            let p = page(
                ctx(&st, &user, lang).await,
                asli,
                v.clone(),
                &problems,
                lang,
            );
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
    };
    // The file's own wording, or nothing, means "no wording of the region's".
    let sama_asli = asli
        .indikator_nomor(nomor)
        .is_some_and(|i| i.kriteria_level(level) == teks);
    let simpan = (!teks.is_empty() && !sama_asli).then_some(teks);
    kriteria::set(&st.db, &user.actor(), &kode, nomor, level.get(), simpan).await?;
    let pesan = if simpan.is_some() {
        "evmodel-kriteria-disimpan"
    } else {
        "evmodel-kriteria-dipulihkan"
    };
    let to = format!("/evaluasi/model/{kode}?pesan={pesan}#i{nomor}");
    Ok(Redirect::to(&to).into_response())
}
