//! Creating and editing staff.

use crate::extract::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::FieldProblems;
use simpul_domain::access::Action;
use simpul_domain::ids::PegawaiId;
use simpul_domain::org::pegawai::PegawaiInput;
use simpul_domain::org::{NewPegawai, Pegawai, PerangkatDaerah};
use simpul_store::pd::{self};
use simpul_store::pegawai;
use time::OffsetDateTime;

use crate::auth::{PageUser, User, password};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::pd::store_problems;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

use super::{Placement, hash_blocking, pds_where, placement};

#[derive(Template)]
#[template(path = "pegawai_form.html")]
struct FormPage {
    ctx: Ctx,
    action: String,
    judul: String,
    baru: bool,
    v: PegawaiForm,
    errors: FormErrors,
    pds: Vec<PerangkatDaerah>,
}

/// The staff form's raw values.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PegawaiForm {
    #[serde(default)]
    nip: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    jabatan: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    sandi: String,
}

impl PegawaiForm {
    fn input(&self) -> PegawaiInput {
        PegawaiInput {
            nip: self.nip.clone(),
            nama: self.nama.clone(),
            jabatan: self.jabatan.clone(),
            email: self.email.clone(),
            pd: self.pd.trim().parse().ok(),
        }
    }
}

/// The form's fields in order, with their labels.
const FIELDS: &[(&str, &str)] = &[
    ("nip", "label-nip"),
    ("nama", "label-nama"),
    ("jabatan", "label-jabatan"),
    ("email", "label-email"),
    ("pd", "label-pd"),
    ("sandi", "label-sandi-awal"),
];

/// The form page for a new person (`editing` none) or for editing one.
async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&Pegawai>,
    v: PegawaiForm,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let (action, judul, baru) = match editing {
        None => ("/pegawai".to_owned(), lang.t("pegawai-baru-judul"), true),
        Some(p) => (
            format!("/pegawai/{}", p.id),
            lang.t1("pegawai-ubah-judul", "nama", &p.nama),
            false,
        ),
    };
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "pegawai", None),
        action,
        judul,
        baru,
        v: PegawaiForm {
            sandi: String::new(),
            ..v
        },
        errors: FormErrors::from_problems(problems, lang, FIELDS),
        pds: pds_where(st, user, Action::KelolaPegawai).await?,
    })
}

/// Validate the form; `pd` must be one the user may manage.
async fn validate(
    st: &AppState,
    user: &User,
    f: &PegawaiForm,
    baru: bool,
) -> Result<(NewPegawai, Option<String>), FieldProblems> {
    let today = OffsetDateTime::now_utc().date();
    let parsed = NewPegawai::parse(&f.input(), today);
    let mut problems = FieldProblems::default();
    let with_password = baru && !f.sandi.is_empty();
    if with_password {
        let nip = parsed.as_ref().map(|n| n.nip.as_str()).unwrap_or_default();
        if let Err(m) = password::check_policy(&f.sandi, nip) {
            problems.add("sandi", m);
        }
    }
    let new = match parsed {
        Ok(n) => n,
        Err(p) => {
            problems.merge(p);
            return Err(problems);
        }
    };
    match placement(st, user, new.pd).await {
        Ok(Placement::Allowed) => {}
        Ok(refused) => problems.add("pd", refused.problem()),
        Err(e) => {
            tracing::error!(error = %e, "checking the PD of a staff form");
            problems.add("pd", Placement::Unknown.problem());
        }
    }
    if problems.is_empty() {
        Ok((new, with_password.then(|| f.sandi.clone())))
    } else {
        Err(problems)
    }
}

/// `GET /pegawai/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let page = form_page(
        &st,
        &user,
        lang,
        None,
        PegawaiForm::default(),
        &FieldProblems::default(),
    )
    .await?;
    if page.pds.is_empty() {
        return Err(PageError::Forbidden);
    }
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pegawai`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(f): Form<PegawaiForm>,
) -> Result<Response, PageError> {
    let outcome = match validate(&st, &user, &f, true).await {
        Ok((new, sandi)) => {
            let hash = match sandi {
                Some(s) => Some(hash_blocking(s).await?),
                None => None,
            };
            pegawai::create(&st.db, &user.actor(), &new, hash.as_deref())
                .await
                .map_err(store_problems)
        }
        Err(p) => Err(Ok(p)),
    };
    match outcome {
        Ok(p) => {
            Ok(Redirect::to(&format!("/pegawai/{}?pesan=pegawai-dibuat", p.id)).into_response())
        }
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, None, f, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}

/// `GET /pegawai/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PegawaiId>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::KelolaPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    let v = PegawaiForm {
        nip: p.nip.as_str().to_owned(),
        nama: p.nama.clone(),
        jabatan: p.jabatan.clone().unwrap_or_default(),
        email: p.email.clone().unwrap_or_default(),
        pd: p.pd.to_string(),
        sandi: String::new(),
    };
    let page = form_page(&st, &user, lang, Some(&p), v, &FieldProblems::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pegawai/{id}`: the NIP cannot change (it identifies the person).
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PegawaiId>,
    Form(f): Form<PegawaiForm>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::KelolaPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    let f = PegawaiForm {
        nip: p.nip.as_str().to_owned(),
        ..f
    };
    let outcome = match validate(&st, &user, &f, false).await {
        Ok((new, _)) => pegawai::update(&st.db, &user.actor(), id, &new)
            .await
            .map_err(store_problems),
        Err(pr) => Err(Ok(pr)),
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("/pegawai/{id}?pesan=pegawai-diubah")).into_response()),
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, Some(&p), f, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}
