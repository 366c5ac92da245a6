//! Recording and changing a planning document. The form is multipart so the document's
//! file can come with it; a file chosen when editing becomes the next version, the
//! earlier ones stay. Refused input re-shows the form with every problem and stores
//! nothing.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::FieldProblems;
use simpul_domain::berkas::JenisBerkas;
use simpul_domain::ids::DokumenPerencanaanId;
use simpul_domain::plan::{
    DokumenInput, DokumenPerencanaan, JenisDokumenPerencanaan, NewDokumenPerencanaan, StatusDokumen,
};
use simpul_store::perencanaan::{self, BerkasBaru};

use super::{jenis_label, status_label};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::planning_input::{self, may_manage};
use crate::state::AppState;
use crate::upload;

/// The form's fields in order, with their labels.
const FIELDS: &[(&str, &str)] = &[
    ("jenis", "perencanaan-label-jenis"),
    ("judul", "perencanaan-label-judul"),
    ("periode", "perencanaan-label-periode"),
    ("nomor_penetapan", "perencanaan-label-nomor"),
    ("tanggal_penetapan", "perencanaan-label-tanggal"),
    ("status", "perencanaan-label-status"),
    ("berkas", "perencanaan-label-berkas"),
    ("catatan_berkas", "perencanaan-label-catatan-berkas"),
];

#[derive(Template)]
#[template(path = "perencanaan_form.html")]
struct FormPage {
    ctx: Ctx,
    judul_halaman: String,
    action: String,
    batal: String,
    v: DokumenInput,
    catatan_berkas: String,
    kinds: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    accept: String,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&DokumenPerencanaan>,
    v: DokumenInput,
    catatan_berkas: String,
    problems: &FieldProblems,
) -> FormPage {
    let (judul_halaman, action, batal) = match editing {
        None => (
            lang.t("perencanaan-baru-judul"),
            "/perencanaan".to_owned(),
            "/perencanaan".to_owned(),
        ),
        Some(d) => (
            lang.t1("perencanaan-ubah-judul", "judul", &d.judul),
            format!("/perencanaan/{}", d.id),
            format!("/perencanaan/{}", d.id),
        ),
    };
    FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "perencanaan", None),
        judul_halaman,
        action,
        batal,
        v,
        catatan_berkas,
        kinds: JenisDokumenPerencanaan::ALL
            .into_iter()
            .map(|j| (j.code().to_owned(), jenis_label(lang, j)))
            .collect(),
        statuses: StatusDokumen::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), status_label(lang, s)))
            .collect(),
        accept: JenisBerkas::accepted().replace(' ', ""),
        errors: FormErrors::from_problems(problems, lang, FIELDS),
    }
}

/// Query of the new-document form: the kind to preselect.
#[derive(Debug, Default, Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    jenis: String,
}

/// `GET /perencanaan/baru?jenis=arsitektur`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<NewQuery>,
) -> Result<Response, PageError> {
    if !may_manage(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let v = DokumenInput {
        jenis: JenisDokumenPerencanaan::from_code(q.jenis.trim())
            .map(|j| j.code().to_owned())
            .unwrap_or_default(),
        status: StatusDokumen::Draf.code().to_owned(),
        ..DokumenInput::default()
    };
    let none = FieldProblems::default();
    let page = form_page(&st, &user, lang, None, v, String::new(), &none).await;
    Ok(render(StatusCode::OK, &page))
}

/// `GET /perencanaan/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<DokumenPerencanaanId>,
) -> Result<Response, PageError> {
    let d = perencanaan::get(&st.db, id).await?;
    if !may_manage(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let none = FieldProblems::default();
    let v = d.as_input();
    let page = form_page(&st, &user, lang, Some(&d), v, String::new(), &none).await;
    Ok(render(StatusCode::OK, &page))
}

/// The checked document and its file, or the form to show again.
type Accepted = Result<(NewDokumenPerencanaan, Option<BerkasBaruOwned>), Response>;

/// Read and check the form; the document and its file, or the page to show again.
async fn accept(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&DokumenPerencanaan>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Accepted, PageError> {
    let mut problems = FieldProblems::default();
    let mut form = match upload::read_form(mp).await {
        Ok(f) => f,
        Err(e) => {
            problems.add(upload::FILE_FIELD, e.problem());
            let v = editing
                .map(DokumenPerencanaan::as_input)
                .unwrap_or_default();
            let page = form_page(st, user, lang, editing, v, String::new(), &problems).await;
            return Ok(Err(render(e.status(), &page)));
        }
    };
    let input = planning_input::dokumen_input(&form);
    let new = match NewDokumenPerencanaan::parse(&input, planning_input::today(st)) {
        Ok(n) => Some(n),
        Err(p) => {
            problems.merge(p);
            None
        }
    };
    let catatan = planning_input::catatan(&form, "catatan_berkas", &mut problems);
    let file = upload::accept_optional_file(st, &mut form, &mut problems).await?;
    match new {
        Some(new) if problems.is_empty() => Ok(Ok((
            new,
            file.map(|unggahan| BerkasBaruOwned { unggahan, catatan }),
        ))),
        _ => {
            let keep = form.text("catatan_berkas").to_owned();
            let page = form_page(st, user, lang, editing, input, keep, &problems).await;
            Ok(Err(render(StatusCode::UNPROCESSABLE_ENTITY, &page)))
        }
    }
}

/// A checked file and its note, owned until the store borrows them.
struct BerkasBaruOwned {
    unggahan: simpul_store::berkas::Unggahan,
    catatan: Option<String>,
}

impl BerkasBaruOwned {
    fn borrow(&self) -> BerkasBaru<'_> {
        BerkasBaru {
            unggahan: &self.unggahan,
            catatan: self.catatan.as_deref(),
        }
    }
}

/// `POST /perencanaan` (multipart).
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    if !may_manage(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let (new, file) = match accept(&st, &user, lang, None, mp).await? {
        Ok(ok) => ok,
        Err(page) => return Ok(page),
    };
    let file = file.as_ref().map(BerkasBaruOwned::borrow);
    let d = perencanaan::create(&st.db, &user.actor(), &new, file).await?;
    Ok(Redirect::to(&format!("/perencanaan/{}?pesan=perencanaan-dibuat", d.id)).into_response())
}

/// `POST /perencanaan/{id}` (multipart).
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<DokumenPerencanaanId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let d = perencanaan::get(&st.db, id).await?;
    if !may_manage(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let (new, file) = match accept(&st, &user, lang, Some(&d), mp).await? {
        Ok(ok) => ok,
        Err(page) => return Ok(page),
    };
    let file = file.as_ref().map(BerkasBaruOwned::borrow);
    perencanaan::update(&st.db, &user.actor(), id, &new, file).await?;
    Ok(Redirect::to(&format!("/perencanaan/{id}?pesan=perencanaan-diubah")).into_response())
}
