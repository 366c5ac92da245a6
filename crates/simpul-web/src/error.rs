//! The HTTP edge's two error types: [`ApiError`] (stable snake_case code, Bahasa
//! Indonesia message, per-field problems, one status mapping) and [`PageError`] (a
//! helpful page). Internal details are logged once and never shown.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use simpul_domain::FieldProblems;
use simpul_store::StoreError;

/// Stable error codes of the JSON API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input failed validation; see `fields`.
    ValidationFailed,
    /// The body is not valid JSON or not the expected shape.
    MalformedJson,
    /// A unique value is taken; see `fields`.
    Conflict,
    /// Nothing at this id.
    NotFound,
    /// Not logged in or bad token.
    Unauthenticated,
    /// Logged in but not allowed.
    Forbidden,
    /// Missing or wrong CSRF token or Origin.
    CsrfFailed,
    /// Body too large.
    PayloadTooLarge,
    /// Too many attempts.
    RateLimited,
    /// A referenced record does not exist.
    UnknownReference,
    /// Something failed on our side.
    Internal,
}

impl ErrorCode {
    /// The one status mapping.
    pub fn status(self) -> StatusCode {
        match self {
            Self::ValidationFailed | Self::UnknownReference => StatusCode::UNPROCESSABLE_ENTITY,
            Self::MalformedJson => StatusCode::BAD_REQUEST,
            Self::Conflict => StatusCode::CONFLICT,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden | Self::CsrfFailed => StatusCode::FORBIDDEN,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RateLimited => StatusCode::TOO_MANY_REQUESTS,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Default Bahasa Indonesia message.
    pub fn message(self) -> &'static str {
        match self {
            Self::ValidationFailed => "Data tidak valid. Periksa kolom yang disebutkan.",
            Self::MalformedJson => {
                "Isi permintaan bukan JSON yang valid atau bentuknya tidak sesuai."
            }
            Self::Conflict => "Data dengan nilai yang sama sudah ada.",
            Self::NotFound => "Data tidak ditemukan.",
            Self::Unauthenticated => "Anda belum masuk atau token tidak valid.",
            Self::Forbidden => "Anda tidak berwenang melakukan tindakan ini.",
            Self::CsrfFailed => {
                "Permintaan ditolak karena token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman lalu coba lagi."
            }
            Self::PayloadTooLarge => "Isi permintaan terlalu besar.",
            Self::RateLimited => "Terlalu banyak percobaan. Coba lagi beberapa saat lagi.",
            Self::UnknownReference => "Data yang dirujuk tidak ada.",
            Self::Internal => "Terjadi kesalahan di server. Kejadian ini sudah dicatat.",
        }
    }
}

/// An API error response: `{"error", "message", "fields"}`.
#[derive(Debug, Serialize)]
pub struct ApiError {
    /// Stable code.
    pub error: ErrorCode,
    /// Bahasa Indonesia message.
    pub message: String,
    /// Problems per field (empty object when none).
    pub fields: FieldProblems,
}

impl ApiError {
    /// An error with the code's default message.
    pub fn new(code: ErrorCode) -> Self {
        Self {
            error: code,
            message: code.message().to_owned(),
            fields: FieldProblems::default(),
        }
    }

    /// Validation failure listing every field's problems.
    pub fn fields(fields: FieldProblems) -> Self {
        Self {
            fields,
            ..Self::new(ErrorCode::ValidationFailed)
        }
    }

    /// Replace the message.
    pub fn with_message(mut self, m: impl Into<String>) -> Self {
        self.message = m.into();
        self
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.error.status(), Json(self)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::new(ErrorCode::NotFound),
            StoreError::MissingReference => Self::new(ErrorCode::UnknownReference),
            StoreError::Cycle => {
                let mut f = FieldProblems::default();
                f.add("induk", cycle_problem());
                Self::fields(f)
            }
            StoreError::Conflict(field) => {
                let mut f = FieldProblems::default();
                f.add(field, conflict_problem(field));
                Self {
                    fields: f,
                    ..Self::new(ErrorCode::Conflict)
                }
            }
            other => {
                tracing::error!(error = %other, "store error");
                Self::new(ErrorCode::Internal)
            }
        }
    }
}

/// The message shown for a taken unique value.
pub fn conflict_problem(field: &str) -> simpul_domain::Masalahs {
    let pesan = match field {
        "nip" => "NIP ini sudah terdaftar.",
        "kode" => "Kode ini sudah dipakai PD lain.",
        "peran" => "Peran ini sudah dimiliki pegawai tersebut di PD itu.",
        "anggota" => "Pegawai ini sudah tercatat dengan kedudukan dan bidang yang sama.",
        _ => "Nilai ini sudah ada.",
    };
    simpul_domain::Masalahs::one("sudah_ada", pesan)
}

/// The message for a parent that lies below the record itself.
pub fn cycle_problem() -> simpul_domain::Masalahs {
    simpul_domain::Masalahs::one(
        "induk_siklus",
        "PD induk tidak boleh PD ini sendiri atau unit di bawahnya.",
    )
}

/// A failure while rendering a page: shown as a page in the user's language.
#[derive(Debug)]
pub enum PageError {
    /// 404.
    NotFound,
    /// 403.
    Forbidden,
    /// 500; the cause is logged, not shown.
    Internal(String),
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound,
            other => Self::Internal(other.to_string()),
        }
    }
}

impl From<askama::Error> for PageError {
    fn from(e: askama::Error) -> Self {
        Self::Internal(e.to_string())
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, key) = match &self {
            Self::NotFound => (StatusCode::NOT_FOUND, "galat-404"),
            Self::Forbidden => (StatusCode::FORBIDDEN, "galat-403"),
            Self::Internal(cause) => {
                tracing::error!(%cause, "page error");
                (StatusCode::INTERNAL_SERVER_ERROR, "galat-500")
            }
        };
        crate::pages::error_page(status, key)
    }
}
