//! The user's own profile: details, roles, password change, language.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::FieldProblems;
use simpul_store::{pd, pegawai};

use crate::auth::{PageUser, password};
use crate::error::PageError;
use crate::pages::dashboard::FlashQuery;
use crate::pages::pegawai::hash_blocking;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "profil.html")]
struct ProfilPage {
    ctx: Ctx,
    nip: String,
    nama: String,
    jabatan: String,
    pd: String,
    peran: Vec<(String, String)>,
    errors: FormErrors,
}

async fn page(
    st: &AppState,
    user: &crate::auth::User,
    lang: crate::i18n::Lang,
    flash: Option<&str>,
    problems: &FieldProblems,
) -> Result<ProfilPage, PageError> {
    let all = pd::list(
        &st.db,
        &pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    let name_of = |id| {
        all.iter()
            .find(|p| p.id == id)
            .map(|p| p.nama.clone())
            .unwrap_or_default()
    };
    Ok(ProfilPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "profil", flash),
        nip: user.pegawai.nip.formatted(),
        nama: user.pegawai.nama.clone(),
        jabatan: user.pegawai.jabatan.clone().unwrap_or_default(),
        pd: name_of(user.pegawai.pd),
        peran: user
            .grants
            .iter()
            .map(|g| (lang.t(&format!("peran-{}", g.role.code())), name_of(g.pd)))
            .collect(),
        errors: FormErrors::from_problems(
            problems,
            lang,
            &[
                ("lama", "label-sandi-lama"),
                ("baru", "label-sandi-baru"),
                ("ulang", "label-sandi-ulang"),
            ],
        ),
    })
}

/// `GET /profil`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    Ok(render(
        StatusCode::OK,
        &page(
            &st,
            &user,
            lang,
            q.pesan.as_deref(),
            &FieldProblems::default(),
        )
        .await?,
    ))
}

/// The password change form.
#[derive(Debug, Deserialize)]
pub struct SandiForm {
    #[serde(default)]
    lama: String,
    #[serde(default)]
    baru: String,
    #[serde(default)]
    ulang: String,
}

/// `POST /profil/sandi`: needs the current password; ends the user's other sessions.
pub async fn change_password(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(f): Form<SandiForm>,
) -> Result<Response, PageError> {
    let mut problems = FieldProblems::default();
    let nip = user.pegawai.nip.as_str().to_owned();
    let current = pegawai::login_record(&st.db, &nip)
        .await?
        .and_then(|(_, h)| h);
    let lama = f.lama.clone();
    let ok = match current {
        Some(h) => tokio::task::spawn_blocking(move || password::verify(&lama, &h))
            .await
            .unwrap_or(false),
        None => false,
    };
    if !ok {
        problems.add(
            "lama",
            simpul_domain::Masalahs::one("sandi_lama_salah", "Kata sandi saat ini salah."),
        );
    }
    if let Err(m) = password::check_policy(&f.baru, &nip) {
        problems.add("baru", m);
    }
    if f.baru != f.ulang {
        problems.add(
            "ulang",
            simpul_domain::Masalahs::one("sandi_tidak_sama", "Ulangan kata sandi tidak sama."),
        );
    }
    if !problems.is_empty() {
        return Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&st, &user, lang, None, &problems).await?,
        ));
    }
    let hash = hash_blocking(f.baru).await?;
    // set_password ends every session of the user, this one included: log in again.
    pegawai::set_password(&st.db, &user.actor(), user.pegawai.id, &hash).await?;
    Ok(Redirect::to("/masuk?alasan=sandi-diganti").into_response())
}
