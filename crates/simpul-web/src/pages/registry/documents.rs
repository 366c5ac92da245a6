//! Documents of a registry record (SOP, ministerial consideration, diagrams): the upload
//! form, its submission and the download. Each upload is a new version; none is replaced.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::FieldProblems;
use simpul_domain::berkas::{JenisBerkas, JenisDokumen};
use simpul_domain::ids::{ItemId, LampiranId};
use simpul_domain::registry::Item;
use simpul_store::StoreError;
use simpul_store::registry::{item, lampiran};

use super::jenis_label;
use crate::auth::{PageUser, User};
use crate::document_input;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

/// A document version as listed on the record's page.
pub struct DocRow {
    /// Download link.
    pub href: String,
    /// Kind of document, translated.
    pub jenis: String,
    /// Version number.
    pub versi: i32,
    /// Title.
    pub judul: String,
    /// File name.
    pub nama: String,
    /// Size, Indonesian format.
    pub ukuran: String,
    /// When and by whom.
    pub waktu: String,
    /// Uploader's NIP.
    pub oleh: String,
    /// First digits of the SHA-256, and the whole.
    pub sha_pendek: String,
    /// The whole SHA-256.
    pub sha: String,
}

/// The documents of a record, ready to list.
pub async fn rows(st: &AppState, lang: Lang, id: ItemId) -> Result<Vec<DocRow>, PageError> {
    Ok(lampiran::of_item(&st.db, id)
        .await?
        .into_iter()
        .map(|l| DocRow {
            href: format!("/arsitektur/dokumen/{}", l.id),
            jenis: lang.t(&format!(
                "lampiran-jenis-{}",
                l.jenis.code().replace('_', "-")
            )),
            versi: l.versi,
            judul: l.judul,
            ukuran: crate::format_id::ukuran(l.berkas.ukuran),
            waktu: crate::format_id::waktu_tersimpan(&l.dibuat, st.cfg.utc_offset),
            oleh: l.berkas.diunggah_oleh,
            sha_pendek: l.berkas.sha256.short().to_owned(),
            sha: l.berkas.sha256.to_string(),
            nama: l.berkas.nama,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "registry_document_upload.html")]
struct UploadPage {
    ctx: Ctx,
    it: Item,
    jenis_rekaman: String,
    kinds: Vec<(String, String)>,
    jenis: String,
    judul: String,
    accept: String,
    errors: FormErrors,
}

async fn editable(st: &AppState, user: &User, id: ItemId) -> Result<Item, PageError> {
    let it = item::get(&st.db, id).await?;
    if it.diarsipkan || !crate::registry_input::may_change(&st.db, user, &it).await? {
        return Err(PageError::Forbidden);
    }
    Ok(it)
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    it: Item,
    form: &UploadForm,
    problems: &FieldProblems,
) -> UploadPage {
    UploadPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "arsitektur", None),
        jenis_rekaman: jenis_label(lang, it.jenis),
        kinds: JenisDokumen::for_jenis(it.jenis)
            .map(|d| {
                let key = format!("lampiran-jenis-{}", d.code().replace('_', "-"));
                (d.code().to_owned(), lang.t(&key))
            })
            .collect(),
        jenis: form.text("jenis").to_owned(),
        judul: form.text("judul").to_owned(),
        accept: JenisBerkas::accepted().replace(' ', ""),
        errors: FormErrors::from_problems(
            problems,
            lang,
            &[
                ("jenis", "lampiran-label-jenis"),
                ("judul", "lampiran-label-judul"),
                ("berkas", "lampiran-label-berkas"),
            ],
        ),
        it,
    }
}

/// `GET /arsitektur/item/{id}/dokumen`.
pub async fn upload_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
) -> Result<Response, PageError> {
    let it = editable(&st, &user, id).await?;
    let p = page(
        &st,
        &user,
        lang,
        it,
        &UploadForm::default(),
        &FieldProblems::default(),
    )
    .await;
    Ok(render(StatusCode::OK, &p))
}

/// `POST /arsitektur/item/{id}/dokumen` (multipart: `jenis`, `judul`, `berkas`).
pub async fn upload_submit(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let it = editable(&st, &user, id).await?;
    let mut problems = FieldProblems::default();
    let (status, mut form) = match upload::read_form(mp).await {
        Ok(f) => (StatusCode::UNPROCESSABLE_ENTITY, f),
        Err(e) => {
            problems.add(upload::FILE_FIELD, e.problem());
            let p = page(&st, &user, lang, it, &UploadForm::default(), &problems).await;
            return Ok(render(e.status(), &p));
        }
    };
    let (jenis, judul) = document_input::record_fields(&form, &it, &mut problems);
    let file = upload::accept_file(&st, &mut form, &mut problems).await?;
    let (Some(jenis), Some(judul), Some(file)) = (jenis, judul, file) else {
        let p = page(&st, &user, lang, it, &form, &problems).await;
        return Ok(render(status, &p));
    };
    match lampiran::add(&st.db, &user.actor(), &it, jenis, &judul, &file).await {
        Ok(_) => Ok(
            Redirect::to(&format!("/arsitektur/item/{id}?pesan=lampiran-diunggah")).into_response(),
        ),
        // Archived between the check and the write.
        Err(StoreError::MissingReference) => Err(PageError::Forbidden),
        Err(e) => Err(e.into()),
    }
}

/// `GET /arsitektur/dokumen/{id}`: the file, as stored; images may be viewed inline.
pub async fn download(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<LampiranId>,
) -> Result<Response, PageError> {
    let l = lampiran::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &l.berkas, true).await?)
}
