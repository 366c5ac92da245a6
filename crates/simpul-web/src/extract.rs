//! Path ids whose parse failure is a "not found" in our own format (JSON for the API,
//! a page for the UI) rather than axum's plain-text 400.

use std::str::FromStr;

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

use crate::error::{ApiError, ErrorCode, PageError};

/// An id in the path of a page.
pub struct PagePath<T>(pub T);

/// An id in the path of an API call.
pub struct ApiPath<T>(pub T);

async fn parse<T: FromStr, S: Send + Sync>(parts: &mut Parts, st: &S) -> Option<T> {
    let Path(raw) = Path::<String>::from_request_parts(parts, st).await.ok()?;
    raw.parse().ok()
}

impl<T: FromStr + Send, S: Send + Sync> FromRequestParts<S> for PagePath<T> {
    type Rejection = PageError;
    async fn from_request_parts(parts: &mut Parts, st: &S) -> Result<Self, PageError> {
        parse(parts, st).await.map(Self).ok_or(PageError::NotFound)
    }
}

impl<T: FromStr + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, st: &S) -> Result<Self, ApiError> {
        parse(parts, st)
            .await
            .map(Self)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound))
    }
}
