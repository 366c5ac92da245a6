//! Creating, editing and archiving PDs.

use crate::extract::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::ids::PdId;
use simpul_domain::org::pd::PdInput;
use simpul_domain::org::{NewPd, PerangkatDaerah};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::pd::{self, PdFilter};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

use super::{kinds, store_problems};

#[derive(Template)]
#[template(path = "pd_form.html")]
struct FormPage {
    ctx: Ctx,
    action: String,
    judul: String,
    v: PdFormValues,
    errors: FormErrors,
    kinds: Vec<(String, String)>,
    parents: Vec<PerangkatDaerah>,
}

/// The PD form's raw values.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PdFormValues {
    #[serde(default)]
    kode: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    singkatan: String,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    induk: String,
}

impl PdFormValues {
    fn from_pd(p: &PerangkatDaerah) -> Self {
        Self {
            kode: p.kode.to_string(),
            nama: p.nama.clone(),
            singkatan: p.singkatan.clone().unwrap_or_default(),
            jenis: p.jenis.code().to_owned(),
            induk: p.induk.map(|i| i.to_string()).unwrap_or_default(),
        }
    }

    /// Validate, resolving the parent id; every problem is named.
    fn parse(&self) -> Result<NewPd, FieldProblems> {
        let mut bad_parent = None;
        let induk = match self.induk.trim() {
            "" => None,
            s => match s.parse::<PdId>() {
                Ok(id) => Some(id),
                Err(_) => {
                    bad_parent = Some(Masalahs::one(
                        "induk_tidak_dikenal",
                        "PD induk tidak dikenal.",
                    ));
                    None
                }
            },
        };
        let input = PdInput {
            kode: self.kode.clone(),
            nama: self.nama.clone(),
            singkatan: self.singkatan.clone(),
            jenis: self.jenis.clone(),
            induk,
        };
        let result = NewPd::parse(&input);
        match (result, bad_parent) {
            (Ok(v), None) => Ok(v),
            (Ok(_), Some(m)) => {
                let mut p = FieldProblems::default();
                p.add("induk", m);
                Err(p)
            }
            (Err(mut p), m) => {
                if let Some(m) = m {
                    p.add("induk", m);
                }
                Err(p)
            }
        }
    }
}

/// The form's fields in order, with their labels.
const FIELDS: &[(&str, &str)] = &[
    ("kode", "label-kode"),
    ("nama", "label-nama"),
    ("singkatan", "label-singkatan"),
    ("jenis", "label-jenis"),
    ("induk", "label-induk"),
];

/// The form page for a new PD (`editing` none) or for editing one.
async fn form_page(
    st: &AppState,
    user: &crate::auth::User,
    lang: Lang,
    editing: Option<&PerangkatDaerah>,
    v: PdFormValues,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let (action, judul) = match editing {
        None => ("/pd".to_owned(), lang.t("pd-baru-judul")),
        Some(p) => (
            format!("/pd/{}", p.id),
            lang.t1("pd-ubah-judul", "nama", &p.nama),
        ),
    };
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "pd", None),
        action,
        judul,
        v,
        errors: FormErrors::from_problems(problems, lang, FIELDS),
        kinds: kinds(lang),
        parents: pd::list(&st.db, &PdFilter::default()).await?,
    })
}

/// `GET /pd/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    if !user.can(Action::KelolaPd, Target::Region) {
        return Err(PageError::Forbidden);
    }
    let page = form_page(
        &st,
        &user,
        lang,
        None,
        PdFormValues::default(),
        &FieldProblems::default(),
    )
    .await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pd`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(v): Form<PdFormValues>,
) -> Result<Response, PageError> {
    if !user.can(Action::KelolaPd, Target::Region) {
        return Err(PageError::Forbidden);
    }
    let result = match v.parse() {
        Ok(new) => pd::create(&st.db, &user.actor(), &new, false)
            .await
            .map_err(store_problems),
        Err(p) => Err(Ok(p)),
    };
    match result {
        Ok(p) => Ok(Redirect::to(&format!("/pd/{}?pesan=pd-dibuat", p.id)).into_response()),
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, None, v, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}

/// `GET /pd/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    if !user.can_pd(Action::KelolaPd, &p) {
        return Err(PageError::Forbidden);
    }
    let page = form_page(
        &st,
        &user,
        lang,
        Some(&p),
        PdFormValues::from_pd(&p),
        &FieldProblems::default(),
    )
    .await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pd/{id}`.
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
    Form(v): Form<PdFormValues>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    if !user.can_pd(Action::KelolaPd, &p) {
        return Err(PageError::Forbidden);
    }
    let result = match v.parse() {
        Ok(new) => pd::update(&st.db, &user.actor(), id, &new)
            .await
            .map_err(store_problems),
        Err(pr) => Err(Ok(pr)),
    };
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/pd/{id}?pesan=pd-diubah")).into_response()),
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, Some(&p), v, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}

/// Archive form.
#[derive(Debug, Deserialize)]
pub struct ArchiveForm {
    #[serde(default)]
    arsip: String,
}

/// `POST /pd/{id}/arsip`.
pub async fn archive(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<PdId>,
    Form(f): Form<ArchiveForm>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    if !user.can_pd(Action::KelolaPd, &p) {
        return Err(PageError::Forbidden);
    }
    let archived = f.arsip == "1";
    pd::set_archived(&st.db, &user.actor(), id, archived).await?;
    let msg = if archived {
        "pd-diarsipkan"
    } else {
        "pd-dipulihkan"
    };
    Ok(Redirect::to(&format!("/pd/{id}?pesan={msg}")).into_response())
}
