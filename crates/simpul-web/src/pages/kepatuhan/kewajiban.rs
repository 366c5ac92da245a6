//! `/kepatuhan/kewajiban/{id}`: one obligation, its article, the status of each subject,
//! the fulfilments recorded so far, and the form to record one (multipart, so evidence
//! can come along; the CSRF token rides in the action's query like the LAN form).

use std::collections::HashMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::FieldProblems;
use simpul_domain::berkas::JenisBerkas;
use simpul_domain::compliance::engine::{PemenuhanBaru, PemenuhanInput};
use simpul_domain::compliance::profile::Kewajiban;
use simpul_domain::registry::value::fmt_date;
use simpul_store::kepatuhan::{self, CatatError, pemenuhan};

use super::ringkasan::PerQuery;
use super::{
    BarisKepatuhan, Hasil, boleh_catat, evaluasi, hari_ini, per_salah, profil_aktif, tanggal_per,
    tanpa_profil,
};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

#[derive(Template)]
#[template(path = "kepatuhan_kewajiban.html")]
struct KewajibanPage {
    ctx: Ctx,
    k: Kewajiban,
    peraturan: String,
    per: String,
    per_teks: String,
    baris: Vec<BarisKepatuhan>,
    /// (key, name) of the subjects the user may record for; empty: no form.
    subjek: Vec<(String, String)>,
    pilihan: String,
    tanggal: String,
    keterangan: String,
    accept: String,
    errors: FormErrors,
    /// (date, subject, description, file, recorded by).
    riwayat: Vec<(String, String, String, String, String)>,
}

struct Isian<'a> {
    form: &'a UploadForm,
    problems: &'a FieldProblems,
    flash: Option<&'a str>,
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    h: std::sync::Arc<Hasil>,
    k: Kewajiban,
    isian: Isian<'_>,
) -> Result<KewajibanPage, PageError> {
    let baris: Vec<BarisKepatuhan> = h
        .baris
        .iter()
        .filter(|b| b.kewajiban == k.id)
        .cloned()
        .collect();
    let nama: HashMap<&str, &str> = baris
        .iter()
        .map(|b| (b.kunci.as_str(), b.subjek.as_str()))
        .collect();
    let riwayat = pemenuhan::of_kewajiban(&st.db, &h.profil.kode, &k.id)
        .await?
        .into_iter()
        .map(|p| {
            (
                crate::format_id::tanggal(p.tanggal),
                nama.get(p.subjek.as_str())
                    .map_or(p.subjek.clone(), |n| (*n).to_owned()),
                p.keterangan,
                p.berkas.map(|b| b.nama).unwrap_or_default(),
                p.dicatat_oleh,
            )
        })
        .collect();
    let subjek = baris
        .iter()
        .filter(|b| boleh_catat(user, b.pd, &h.pds))
        .map(|b| {
            let label = if b.pd_nama.is_empty() {
                b.subjek.clone()
            } else {
                format!("{} ({})", b.subjek, b.pd_nama)
            };
            (b.kunci.clone(), label)
        })
        .collect();
    let f = isian.form;
    Ok(KewajibanPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "kepatuhan", isian.flash),
        peraturan: h.profil.peraturan.clone(),
        per: fmt_date(h.per),
        per_teks: crate::format_id::tanggal(h.per),
        baris,
        subjek,
        pilihan: f.text("subjek").to_owned(),
        tanggal: f.text("tanggal").to_owned(),
        keterangan: f.text("keterangan").to_owned(),
        accept: JenisBerkas::accepted().replace(' ', ""),
        errors: FormErrors::from_problems(
            isian.problems,
            lang,
            &[
                ("subjek", "kepatuhan-subjek"),
                ("tanggal", "kepatuhan-label-tanggal"),
                ("keterangan", "kepatuhan-label-keterangan"),
                ("berkas", "kepatuhan-label-berkas"),
            ],
        ),
        riwayat,
        k,
    })
}

/// `GET /kepatuhan/kewajiban/{id}?per=`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    Query(q): Query<PerQuery>,
) -> Result<Response, PageError> {
    let Some(profil) = profil_aktif(&st).await? else {
        return Ok(tanpa_profil(&st, &user, lang).await);
    };
    let k = profil.kewajiban(&id).cloned().ok_or(PageError::NotFound)?;
    let per = match tanggal_per(q.per.as_deref(), &profil) {
        Ok(d) => d,
        Err(raw) => return Ok(per_salah(&st, &user, lang, &raw).await),
    };
    let h = evaluasi(&st, profil, per).await?;
    let isian = Isian {
        form: &UploadForm::default(),
        problems: &FieldProblems::default(),
        flash: q.pesan.as_deref(),
    };
    let p = page(&st, &user, lang, h, k, isian).await?;
    Ok(render(StatusCode::OK, &p))
}

/// `POST /kepatuhan/kewajiban/{id}/pemenuhan` (multipart: `subjek`, `tanggal`,
/// `keterangan`, optional `berkas`). Refusals name every problem and store nothing.
pub async fn catat(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<String>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let Some(profil) = profil_aktif(&st).await? else {
        return Ok(tanpa_profil(&st, &user, lang).await);
    };
    let k = profil.kewajiban(&id).cloned().ok_or(PageError::NotFound)?;
    let today = hari_ini(&profil);
    let h = evaluasi(&st, profil.clone(), today).await?;
    // Only someone who may record for at least one subject gets past here; for a known
    // subject, it must be one of theirs.
    let mine: Vec<&BarisKepatuhan> = h
        .baris
        .iter()
        .filter(|b| b.kewajiban == k.id && boleh_catat(&user, b.pd, &h.pds))
        .collect();
    if mine.is_empty() {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let mut form = match upload::read_form(mp).await {
        Ok(f) => f,
        Err(e) => {
            problems.add(upload::FILE_FIELD, e.problem());
            let isian = Isian {
                form: &UploadForm::default(),
                problems: &problems,
                flash: None,
            };
            let p = page(&st, &user, lang, h, k, isian).await?;
            return Ok(render(e.status(), &p));
        }
    };
    let input = PemenuhanInput {
        kewajiban: k.id.clone(),
        subjek: form.text("subjek").to_owned(),
        tanggal: form.text("tanggal").to_owned(),
        keterangan: form.text("keterangan").to_owned(),
    };
    let kunci = input.subjek.as_str();
    let dikenal = h
        .baris
        .iter()
        .any(|b| b.kewajiban == k.id && b.kunci == kunci);
    if dikenal && !mine.iter().any(|b| b.kunci == kunci) {
        return Err(PageError::Forbidden);
    }
    // Checked before the file reaches the blob store, so a refusal leaves no file behind.
    let subjects = kepatuhan::subjek_dari(&st.db, &profil, k.subjek, today).await?;
    if let Err(p) = PemenuhanBaru::parse(&input, &profil, &subjects, today) {
        problems = p;
    }
    let file = upload::accept_optional_file(&st, &mut form, &mut problems).await?;
    if problems.is_empty() {
        match kepatuhan::catat(&st.db, &user.actor(), &profil, &input, today, file.as_ref()).await {
            Ok(_) => {
                let to = format!("/kepatuhan/kewajiban/{}?pesan=kepatuhan-dicatat", k.id);
                return Ok(Redirect::to(&to).into_response());
            }
            Err(CatatError::TidakValid(p)) => problems = p,
            Err(CatatError::Store(e)) => return Err(e.into()),
        }
    }
    let isian = Isian {
        form: &form,
        problems: &problems,
        flash: None,
    };
    let p = page(&st, &user, lang, h, k, isian).await?;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p))
}
