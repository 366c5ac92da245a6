//! API: documents of registry records and LAN diagrams per PD per year. Uploads are
//! multipart (`berkas` plus text fields, as the pages send them); every upload is a new
//! version and nothing is replaced.

use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use simpul_domain::FieldProblems;
use simpul_domain::ids::{DiagramLanId, ItemId, LampiranId, PdId};
use simpul_store::berkas::Unggahan;
use simpul_store::diagram_lan::{self, DiagramLan};
use simpul_store::registry::{item, lampiran, lampiran::Lampiran};
use simpul_store::{StoreError, pd};

use crate::api::ApiQuery;
use crate::auth::ApiUser;
use crate::document_input::{lan_fields, record_fields};
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::registry_input::{can_edit, may_change};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

/// Read the form and check its file; `Err` names every problem, with `check` adding
/// those of the text fields.
async fn accept<T>(
    st: &AppState,
    mp: Result<Multipart, MultipartRejection>,
    check: impl FnOnce(&UploadForm, &mut FieldProblems) -> Option<T>,
) -> Result<(T, Unggahan), ApiError> {
    let mut form = upload::read_form(mp).await.map_err(ApiError::from)?;
    let mut problems = FieldProblems::default();
    let fields = check(&form, &mut problems);
    let file = upload::accept_file(st, &mut form, &mut problems).await?;
    match (fields, file) {
        (Some(f), Some(u)) if problems.0.is_empty() => Ok((f, u)),
        _ => Err(ApiError::fields(problems)),
    }
}

/// `GET /api/v1/arsitektur/item/{id}/dokumen`: every version, by kind, newest first.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
) -> Result<Json<Vec<Lampiran>>, ApiError> {
    item::get(&st.db, id).await?;
    Ok(Json(lampiran::of_item(&st.db, id).await?))
}

/// `POST /api/v1/arsitektur/item/{id}/dokumen` (multipart: `jenis`, `judul`, `berkas`).
pub async fn upload_document(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Lampiran>), ApiError> {
    let it = item::get(&st.db, id).await?;
    if !may_change(&st.db, &user, &it).await? {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    if it.diarsipkan {
        return Err(ApiError::new(ErrorCode::UnknownReference)
            .with_message("Catatan ini sudah diarsipkan; dokumen baru tidak diterima."));
    }
    let ((jenis, judul), file) = accept(&st, mp, |form, p| {
        let (j, t) = record_fields(form, &it, p);
        Some((j?, t?))
    })
    .await?;
    let l = lampiran::add(&st.db, &user.actor(), &it, jenis, &judul, &file).await?;
    Ok((StatusCode::CREATED, Json(l)))
}

/// `GET /api/v1/arsitektur/dokumen/{id}`: the stored file.
pub async fn download_document(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<LampiranId>,
) -> Result<Response, ApiError> {
    let l = lampiran::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &l.berkas, false).await?)
}

/// Query of the yearly summary.
#[derive(Debug, Deserialize)]
pub struct YearQuery {
    tahun: Option<i32>,
}

/// One PD in the yearly summary.
#[derive(Debug, Serialize)]
pub struct PdLan {
    /// PD id.
    pub pd: PdId,
    /// PD code.
    pub kode: String,
    /// PD name.
    pub nama: String,
    /// The version in force for the year, if any.
    pub diagram: Option<DiagramLan>,
}

/// `GET /api/v1/diagram-lan?tahun=2026`: every active PD with the year's diagram in force.
pub async fn year(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<YearQuery>,
) -> Result<Json<Vec<PdLan>>, ApiError> {
    let tahun = q.tahun.unwrap_or_else(|| st.today().year());
    let mut latest = diagram_lan::latest_of_year(&st.db, tahun).await?;
    let pds = pd::list(&st.db, &pd::PdFilter::default()).await?;
    Ok(Json(
        pds.into_iter()
            .map(|p| PdLan {
                diagram: latest
                    .iter()
                    .position(|d| d.pd == p.id)
                    .map(|i| latest.swap_remove(i)),
                pd: p.id,
                kode: p.kode.to_string(),
                nama: p.nama,
            })
            .collect(),
    ))
}

/// `GET /api/v1/pd/{id}/diagram-lan`: every version, newest first.
pub async fn of_pd(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<PdId>,
) -> Result<Json<Vec<DiagramLan>>, ApiError> {
    pd::get(&st.db, id).await?;
    Ok(Json(diagram_lan::of_pd(&st.db, id).await?))
}

/// `POST /api/v1/pd/{id}/diagram-lan` (multipart: `tahun`, `catatan`, `berkas`).
pub async fn upload_lan(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PdId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<DiagramLan>), ApiError> {
    let p = pd::get(&st.db, id).await?;
    if !can_edit(&user, Some(&p)) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let now = st.today().year();
    let ((tahun, catatan), file) = accept(&st, mp, |form, pr| lan_fields(form, now, pr)).await?;
    match diagram_lan::add(&st.db, &user.actor(), id, tahun, catatan.as_deref(), &file).await {
        Ok(d) => Ok((StatusCode::CREATED, Json(d))),
        Err(StoreError::MissingReference) => Err(ApiError::new(ErrorCode::UnknownReference)
            .with_message("PD ini sudah diarsipkan; diagram baru tidak diterima.")),
        Err(e) => Err(e.into()),
    }
}

/// `GET /api/v1/diagram-lan/{id}/berkas`: the stored file.
pub async fn download_lan(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<DiagramLanId>,
) -> Result<Response, ApiError> {
    let d = diagram_lan::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &d.berkas, false).await?)
}
