//! Data element definitions (Satu Data standard fields: name, definition, type, unit,
//! reference): everyone reads, the Dinas (reviewers) define and change them.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::bus::ElemenData;
use simpul_domain::bus::elemen::TIPE;
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::bus::elemen::{self, Elemen};
use uuid::Uuid;

use super::{boleh_tinjau, cocok, waktu};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// The list's filters.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    q: String,
    #[serde(default)]
    tipe: String,
    #[serde(default)]
    pesan: Option<String>,
}

struct Baris {
    e: Elemen,
    tipe: String,
    diubah: String,
}

#[derive(Template)]
#[template(path = "bus_kendali_elemen_daftar.html")]
struct ListPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    f: Filter,
    tipe: Vec<(String, String)>,
    rows: Vec<Baris>,
    boleh_ubah: bool,
}

fn tipe_label(lang: Lang, t: &str) -> String {
    lang.t(&format!("bk-tipe-{}", t.replace('_', "-")))
}

fn tipe_options(lang: Lang) -> Vec<(String, String)> {
    TIPE.iter()
        .map(|t| ((*t).to_owned(), tipe_label(lang, t)))
        .collect()
}

/// `GET /bus/elemen`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let rows = elemen::list(&st.db)
        .await?
        .into_iter()
        .filter(|e| {
            (f.tipe.is_empty() || e.tipe == f.tipe)
                && cocok(
                    &f.q,
                    &[&e.nama, &e.definisi, e.referensi.as_deref().unwrap_or("")],
                )
        })
        .map(|e| Baris {
            tipe: tipe_label(lang, &e.tipe),
            diubah: waktu(&st, &e.diubah),
            e,
        })
        .collect();
    let page = ListPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "bus",
            f.pesan.as_deref(),
        ),
        tabs: tabs(&st, &user, "/bus/elemen").await,
        tipe: tipe_options(lang),
        rows,
        boleh_ubah: boleh_tinjau(&st, &user).await?,
        f,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The form's values.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct ElemenForm {
    #[serde(default)]
    nama: String,
    #[serde(default)]
    definisi: String,
    #[serde(default)]
    tipe: String,
    #[serde(default)]
    satuan: String,
    #[serde(default)]
    referensi: String,
}

impl ElemenForm {
    fn of(e: &Elemen) -> Self {
        Self {
            nama: e.nama.clone(),
            definisi: e.definisi.clone(),
            tipe: e.tipe.clone(),
            satuan: e.satuan.clone().unwrap_or_default(),
            referensi: e.referensi.clone().unwrap_or_default(),
        }
    }

    fn parse(&self) -> Result<ElemenData, FieldProblems> {
        ElemenData::parse(
            &self.nama,
            &self.definisi,
            &self.tipe,
            &self.satuan,
            &self.referensi,
        )
    }
}

const FIELDS: &[(&str, &str)] = &[
    ("nama", "label-nama"),
    ("definisi", "bk-label-definisi"),
    ("tipe", "bk-label-tipe"),
    ("satuan", "bk-label-satuan"),
    ("referensi", "bk-label-referensi"),
];

#[derive(Template)]
#[template(path = "bus_kendali_elemen_form.html")]
struct FormPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    judul: String,
    action: String,
    v: ElemenForm,
    tipe: Vec<(String, String)>,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&Elemen>,
    v: ElemenForm,
    problems: &FieldProblems,
) -> FormPage {
    let (judul, action) = match editing {
        None => (lang.t("bk-elemen-baru"), "/bus/elemen/baru".to_owned()),
        Some(e) => (
            lang.t1("bk-elemen-ubah-judul", "nama", &e.nama),
            format!("/bus/elemen/{}/ubah", e.id),
        ),
    };
    FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", None),
        tabs: tabs(st, user, "/bus/elemen").await,
        judul,
        action,
        v,
        tipe: tipe_options(lang),
        errors: FormErrors::from_problems(problems, lang, FIELDS),
    }
}

async fn only_reviewers(st: &AppState, user: &User) -> Result<(), PageError> {
    if boleh_tinjau(st, user).await? {
        Ok(())
    } else {
        Err(PageError::Forbidden)
    }
}

/// `GET /bus/elemen/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    only_reviewers(&st, &user).await?;
    let v = ElemenForm::default();
    let page = form_page(&st, &user, lang, None, v, &FieldProblems::default()).await;
    Ok(render(StatusCode::OK, &page))
}

/// `GET /bus/elemen/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    only_reviewers(&st, &user).await?;
    let e = elemen::get(&st.db, id).await?;
    let none = FieldProblems::default();
    let page = form_page(&st, &user, lang, Some(&e), ElemenForm::of(&e), &none).await;
    Ok(render(StatusCode::OK, &page))
}

/// The problem of a name already defined.
fn nama_terpakai(problems: &mut FieldProblems) {
    problems.add(
        "nama",
        Masalahs::one("elemen_sudah_ada", "Nama elemen ini sudah didefinisikan."),
    );
}

/// `POST /bus/elemen/baru`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(v): Form<ElemenForm>,
) -> Result<Response, PageError> {
    only_reviewers(&st, &user).await?;
    let mut problems = match v.parse() {
        Ok(e) => match elemen::create(&st.db, &user.actor(), &e).await {
            Ok(_) => {
                return Ok(Redirect::to("/bus/elemen?pesan=bk-elemen-disimpan").into_response());
            }
            Err(StoreError::Conflict(_)) => FieldProblems::default(),
            Err(e) => return Err(e.into()),
        },
        Err(p) => p,
    };
    if problems.0.is_empty() {
        nama_terpakai(&mut problems);
    }
    let page = form_page(&st, &user, lang, None, v, &problems).await;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
}

/// `POST /bus/elemen/{id}/ubah`.
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Form(v): Form<ElemenForm>,
) -> Result<Response, PageError> {
    only_reviewers(&st, &user).await?;
    let old = elemen::get(&st.db, id).await?;
    let mut problems = match v.parse() {
        Ok(e) => match elemen::update(&st.db, &user.actor(), id, &e).await {
            Ok(_) => {
                return Ok(Redirect::to("/bus/elemen?pesan=bk-elemen-disimpan").into_response());
            }
            Err(StoreError::Conflict(_)) => FieldProblems::default(),
            Err(e) => return Err(e.into()),
        },
        Err(p) => p,
    };
    if problems.0.is_empty() {
        nama_terpakai(&mut problems);
    }
    let page = form_page(&st, &user, lang, Some(&old), v, &problems).await;
    Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
}
