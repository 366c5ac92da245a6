//! `GET /bus/tinjauan`: the Dinas' review queue — proposed services and requested
//! grants, oldest first, each with its approve / refuse form (a refusal needs a note).
//! Only reviewers open it. A refused decision re-shows the queue with the problem next
//! to the item it concerns.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::FieldProblems;
use simpul_store::bus::{izin, layanan};
use uuid::Uuid;

use super::direktori::Baris;
use super::izin::BarisIzin;
use super::layanan::{PUTUSAN_FIELDS, PutusanForm};
use super::{api, boleh_tinjau};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// A proposed service in the queue.
struct Layanan {
    id: Uuid,
    b: Baris,
    url_hulu: String,
}

/// The problems of the one item whose decision was refused, and what was typed.
struct Galat {
    id: Uuid,
    errors: FormErrors,
    catatan: String,
}

#[derive(Template)]
#[template(path = "bus_kendali_tinjauan.html")]
struct Page {
    ctx: Ctx,
    tabs: Vec<Tab>,
    layanan: Vec<Layanan>,
    izin: Vec<BarisIzin>,
    galat: Option<Galat>,
    /// Empty errors, for the items without a problem.
    tanpa: FormErrors,
}

impl Page {
    fn errors_of(&self, id: &Uuid) -> &FormErrors {
        match &self.galat {
            Some(g) if g.id == *id => &g.errors,
            _ => &self.tanpa,
        }
    }

    fn catatan_of(&self, id: &Uuid) -> String {
        match &self.galat {
            Some(g) if g.id == *id => g.catatan.clone(),
            _ => String::new(),
        }
    }
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    galat: Option<Galat>,
    flash: Option<&str>,
) -> Result<Response, PageError> {
    if !boleh_tinjau(st, user).await? {
        return Err(PageError::Forbidden);
    }
    let today = api::hari_ini();
    let layanan = layanan::usulan(&st.db)
        .await?
        .iter()
        .map(|l| Layanan {
            id: l.id,
            b: Baris::of(st, lang, l),
            url_hulu: l.url_hulu.clone(),
        })
        .collect();
    let izin = izin::usulan(&st.db)
        .await?
        .iter()
        .map(|g| BarisIzin::of(lang, g, today))
        .collect();
    let status = if galat.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let p = Page {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", flash),
        tabs: tabs(st, user, "/bus/tinjauan").await,
        layanan,
        izin,
        galat,
        tanpa: FormErrors::default(),
    };
    Ok(render(status, &p))
}

/// `GET /bus/tinjauan`.
pub async fn queue(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    page(&st, &user, lang, None, q.pesan.as_deref()).await
}

/// The queue again, with `problems` shown at item `id` (a refused decision sent from
/// the queue).
pub async fn with_errors(
    st: &AppState,
    user: &User,
    lang: Lang,
    id: Uuid,
    problems: &FieldProblems,
    f: &PutusanForm,
) -> Result<Response, PageError> {
    let galat = Galat {
        id,
        errors: FormErrors::from_problems(problems, lang, PUTUSAN_FIELDS),
        catatan: f.catatan.clone(),
    };
    page(st, user, lang, Some(galat), None).await
}
