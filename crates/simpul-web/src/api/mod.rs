//! The JSON API under `/api/v1`, for machine clients and scripts. Same rules as the
//! pages: permissions from the domain, errors as `{"error", "message", "fields"}`.

pub mod bus;
pub mod documents;
pub mod evaluasi;
pub mod kepatuhan;
pub mod openapi;
pub mod org;
pub mod people;
pub mod planning;
pub mod registry;
pub mod trail;

use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, FromRequest, Request};
use axum::routing::{delete, get};
use axum::{Json, Router};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// A JSON body whose rejection is our API error, not axum's plain text.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, st: &AppState) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, st).await {
            Ok(Json(v)) => Ok(Self(v)),
            Err(JsonRejection::BytesRejection(_)) => Err(ApiError::new(ErrorCode::PayloadTooLarge)),
            Err(e) => Err(
                ApiError::new(ErrorCode::MalformedJson).with_message(format!(
                    "{} ({})",
                    ErrorCode::MalformedJson.message(),
                    e.body_text()
                )),
            ),
        }
    }
}

/// A page of results.
#[derive(Debug, Serialize)]
pub struct Page<T> {
    /// The items.
    pub items: Vec<T>,
    /// How many match in all.
    pub total: i64,
}

/// Paging parameters bounded: `limit` 1-500 (default 100), `offset` from 0.
pub fn paging(limit: Option<i64>, offset: Option<i64>) -> (i64, i64) {
    (
        limit.unwrap_or(100).clamp(1, 500),
        offset.unwrap_or(0).clamp(0, i64::MAX / 2),
    )
}

/// Query parameters whose rejection is our API error, not axum's plain text.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, ApiError> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| Self(q.0))
            .map_err(|e| {
                ApiError::new(ErrorCode::ValidationFailed)
                    .with_message(format!("Parameter kueri tidak valid: {}", e.body_text()))
            })
    }
}

/// The `/api/v1` router.
pub fn router() -> Router<AppState> {
    Router::new()
        .merge(evaluasi::routes())
        .merge(bus::routes())
        .route("/openapi.json", get(openapi::document))
        .route("/saya", get(people::me))
        .route("/wilayah", get(org::region))
        .route("/pd", get(org::list).post(org::create))
        .route("/pd/{id}", get(org::get).put(org::update))
        .route("/pegawai", get(people::list).post(people::create))
        .route("/pegawai/{id}", get(people::get).put(people::update))
        .route(
            "/pegawai/{id}/peran",
            get(people::grants).post(people::grant),
        )
        .route("/peran/{id}", delete(people::revoke))
        .route("/tim-koordinasi", get(org::team))
        .route("/jejak-audit", get(trail::list))
        .route("/arsitektur/jenis", get(registry::kinds))
        .route("/arsitektur/cari", get(registry::search))
        .route(
            "/arsitektur/{jenis}",
            get(registry::list).post(registry::create),
        )
        .route(
            "/arsitektur/item/{id}",
            get(registry::get).put(registry::update),
        )
        .route(
            "/arsitektur/item/{id}/relasi",
            get(registry::relations).post(registry::add_relation),
        )
        .route("/arsitektur/item/{id}/dampak", get(registry::impact))
        .route("/arsitektur/relasi/{id}", delete(registry::remove_relation))
        .route(
            "/arsitektur/item/{id}/dokumen",
            get(documents::list)
                .post(documents::upload_document)
                .layer(DefaultBodyLimit::max(crate::upload::BODY_LIMIT)),
        )
        .route(
            "/arsitektur/dokumen/{id}",
            get(documents::download_document),
        )
        .route("/diagram-lan", get(documents::year))
        .route(
            "/pd/{id}/diagram-lan",
            get(documents::of_pd)
                .post(documents::upload_lan)
                .layer(DefaultBodyLimit::max(crate::upload::BODY_LIMIT)),
        )
        .route("/diagram-lan/{id}/berkas", get(documents::download_lan))
        .route("/perencanaan", get(planning::list).post(planning::create))
        .route(
            "/perencanaan/{id}",
            get(planning::get).put(planning::update),
        )
        .route(
            "/perencanaan/{id}/berkas",
            get(planning::versions)
                .post(planning::upload_version)
                .layer(DefaultBodyLimit::max(crate::upload::BODY_LIMIT)),
        )
        .route(
            "/perencanaan/{id}/reviu",
            get(planning::reviews)
                .post(planning::add_review)
                .layer(DefaultBodyLimit::max(crate::upload::BODY_LIMIT)),
        )
        .route("/perencanaan/berkas/{id}", get(planning::download_version))
        .route(
            "/perencanaan/reviu/{id}/berkas",
            get(planning::download_review),
        )
        .route("/kepatuhan", get(kepatuhan::summary))
        .fallback(|| async { ApiError::new(ErrorCode::NotFound) })
}
