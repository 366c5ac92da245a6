//! API: planning documents (Rencana Induk, Arsitektur, Peta Rencana, internal policies).
//! Documents are JSON; their files and reviews are multipart, as the pages send them.
//! Every logged-in user reads; the Dinas' administrators and the super admin write.

use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;
use simpul_domain::ids::{DokumenPerencanaanId, ReviuPerencanaanId, VersiDokumenId};
use simpul_domain::plan::{DokumenInput, DokumenPerencanaan, NewDokumenPerencanaan};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::perencanaan::reviu::{self, ReviuDokumen};
use simpul_store::perencanaan::versi::{self, VersiDokumen};
use simpul_store::perencanaan::{self, BerkasBaru};

use crate::api::ApiJson;
use crate::auth::{ApiUser, User};
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::planning_input::{self, may_manage};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

/// A document with its file versions (newest first) and reviews (latest first).
#[derive(Debug, Serialize)]
pub struct DokumenRinci {
    /// The document.
    #[serde(flatten)]
    pub dokumen: DokumenPerencanaan,
    /// Versions of its file.
    pub versi: Vec<VersiDokumen>,
    /// Its reviews.
    pub reviu: Vec<ReviuDokumen>,
}

async fn require_manager(st: &AppState, user: &User) -> Result<(), ApiError> {
    if may_manage(st, user).await? {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::Forbidden))
    }
}

/// Read a multipart body: `check` looks at the text fields first, then the file (if any)
/// is checked and stored only when nothing was wrong.
async fn multipart<T>(
    st: &AppState,
    mp: Result<Multipart, MultipartRejection>,
    check: impl FnOnce(&UploadForm, &mut FieldProblems) -> Option<T>,
) -> Result<(T, Option<simpul_store::berkas::Unggahan>), ApiError> {
    let mut form = upload::read_form(mp).await.map_err(ApiError::from)?;
    let mut problems = FieldProblems::default();
    let fields = check(&form, &mut problems);
    let file = upload::accept_optional_file(st, &mut form, &mut problems).await?;
    match fields {
        Some(f) if problems.is_empty() => Ok((f, file)),
        _ => Err(ApiError::fields(problems)),
    }
}

/// `GET /api/v1/perencanaan`: every document, by kind, latest adopted first.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<DokumenPerencanaan>>, ApiError> {
    Ok(Json(perencanaan::list(&st.db).await?))
}

/// `POST /api/v1/perencanaan`.
pub async fn create(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<DokumenInput>,
) -> Result<(StatusCode, Json<DokumenPerencanaan>), ApiError> {
    require_manager(&st, &user).await?;
    let new = NewDokumenPerencanaan::parse(&input, planning_input::today(&st))
        .map_err(ApiError::fields)?;
    let d = perencanaan::create(&st.db, &user.actor(), &new, None).await?;
    Ok((StatusCode::CREATED, Json(d)))
}

/// `GET /api/v1/perencanaan/{id}`.
pub async fn get(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
) -> Result<Json<DokumenRinci>, ApiError> {
    Ok(Json(DokumenRinci {
        dokumen: perencanaan::get(&st.db, id).await?,
        versi: versi::of_dokumen(&st.db, id).await?,
        reviu: reviu::of_dokumen(&st.db, id).await?,
    }))
}

/// `PUT /api/v1/perencanaan/{id}`.
pub async fn update(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
    ApiJson(input): ApiJson<DokumenInput>,
) -> Result<Json<DokumenPerencanaan>, ApiError> {
    perencanaan::get(&st.db, id).await?;
    require_manager(&st, &user).await?;
    let new = NewDokumenPerencanaan::parse(&input, planning_input::today(&st))
        .map_err(ApiError::fields)?;
    Ok(Json(
        perencanaan::update(&st.db, &user.actor(), id, &new, None).await?,
    ))
}

/// `GET /api/v1/perencanaan/{id}/berkas`: every version of the document's file.
pub async fn versions(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
) -> Result<Json<Vec<VersiDokumen>>, ApiError> {
    perencanaan::get(&st.db, id).await?;
    Ok(Json(versi::of_dokumen(&st.db, id).await?))
}

/// `POST /api/v1/perencanaan/{id}/berkas` (multipart: `catatan`, `berkas`).
pub async fn upload_version(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<VersiDokumen>), ApiError> {
    perencanaan::get(&st.db, id).await?;
    require_manager(&st, &user).await?;
    let (catatan, file) = multipart(&st, mp, |form, p| {
        // Unlike a review, a new version is nothing without its file.
        if form.file.is_none() {
            p.add(
                upload::FILE_FIELD,
                Masalahs::one("berkas_wajib", "Pilih berkas yang akan diunggah."),
            );
        }
        Some(planning_input::catatan(form, "catatan", p))
    })
    .await?;
    let unggahan = file.ok_or_else(|| ApiError::new(ErrorCode::ValidationFailed))?;
    let f = BerkasBaru {
        unggahan: &unggahan,
        catatan: catatan.as_deref(),
    };
    let v = versi::add(&st.db, &user.actor(), id, f).await?;
    Ok((StatusCode::CREATED, Json(v)))
}

/// `GET /api/v1/perencanaan/{id}/reviu`: the reviews, latest first.
pub async fn reviews(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
) -> Result<Json<Vec<ReviuDokumen>>, ApiError> {
    perencanaan::get(&st.db, id).await?;
    Ok(Json(reviu::of_dokumen(&st.db, id).await?))
}

/// `POST /api/v1/perencanaan/{id}/reviu` (multipart: `tanggal`, `ringkasan`, optional
/// `berkas`).
pub async fn add_review(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<DokumenPerencanaanId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<ReviuDokumen>), ApiError> {
    perencanaan::get(&st.db, id).await?;
    require_manager(&st, &user).await?;
    let today = planning_input::today(&st);
    let (new, file) = multipart(&st, mp, |form, p| {
        planning_input::reviu_fields(form, today, p)
    })
    .await?;
    let r = reviu::add(&st.db, &user.actor(), id, &new, file.as_ref()).await?;
    Ok((StatusCode::CREATED, Json(r)))
}

/// `GET /api/v1/perencanaan/berkas/{id}`: one version's file.
pub async fn download_version(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<VersiDokumenId>,
) -> Result<Response, ApiError> {
    let v = versi::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &v.berkas, false).await?)
}

/// `GET /api/v1/perencanaan/reviu/{id}/berkas`: a review's report (404 when none).
pub async fn download_review(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<ReviuPerencanaanId>,
) -> Result<Response, ApiError> {
    let r = reviu::get(&st.db, id).await?;
    let b = r.berkas.ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
    Ok(upload::file_response(&st, &b, false).await?)
}
