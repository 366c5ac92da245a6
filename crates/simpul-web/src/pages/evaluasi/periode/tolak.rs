//! Why an evaluation action was refused, shared by the pages and the API so both answer
//! the same status with the domain's Bahasa Indonesia message: 403 for who may not, 422
//! for what is not valid (input or workflow stage), 409 for a duplicate, 404 for what
//! does not exist. A refusal never stores anything.

use simpul_domain::{FieldProblems, Masalah, Masalahs};
use simpul_store::StoreError;

use crate::error::{ApiError, ErrorCode, PageError};

/// The field under which workflow refusals (not tied to one input) are reported.
pub const ALUR: &str = "alur";

/// A refused action.
#[derive(Debug)]
pub enum Tolak {
    /// The user may not (403).
    TidakBoleh(Masalah),
    /// Input or stage not valid (422), per field.
    TidakValid(FieldProblems),
    /// Already exists (409), per field.
    Bentrok(FieldProblems),
    /// Nothing there (404).
    TidakAda,
    /// The store failed.
    Store(StoreError),
}

impl From<StoreError> for Tolak {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::TidakAda,
            other => Self::Store(other),
        }
    }
}

impl Tolak {
    /// A workflow refusal from the domain: who may not is 403, anything else (wrong
    /// stage, no lead PD) is 422.
    pub fn alur(m: Masalah) -> Self {
        if matches!(m.kode, "tidak_berwenang" | "di_luar_tim_asesor") {
            Self::TidakBoleh(m)
        } else {
            Self::TidakValid(satu(ALUR, Masalahs(vec![m])))
        }
    }

    /// Problems of one field (422).
    pub fn kolom(field: &str, p: Masalahs) -> Self {
        Self::TidakValid(satu(field, p))
    }

    /// Refusal of someone who is not the coordinator.
    pub fn bukan_koordinator() -> Self {
        Self::TidakBoleh(Masalah::new(
            "tidak_berwenang",
            "Hanya Tim Koordinasi SPBE (atau super admin) yang dapat mengelola periode evaluasi.",
        ))
    }

    /// The HTTP status of the refusal.
    pub fn status(&self) -> axum::http::StatusCode {
        use axum::http::StatusCode as S;
        match self {
            Self::TidakBoleh(_) => S::FORBIDDEN,
            Self::TidakValid(_) => S::UNPROCESSABLE_ENTITY,
            Self::Bentrok(_) => S::CONFLICT,
            Self::TidakAda => S::NOT_FOUND,
            Self::Store(_) => S::INTERNAL_SERVER_ERROR,
        }
    }

    /// Every problem, for a page's error box.
    pub fn masalah(&self) -> FieldProblems {
        match self {
            Self::TidakBoleh(m) => satu(ALUR, Masalahs(vec![m.clone()])),
            Self::TidakValid(p) | Self::Bentrok(p) => p.clone(),
            Self::TidakAda | Self::Store(_) => FieldProblems::default(),
        }
    }
}

fn satu(field: &str, p: Masalahs) -> FieldProblems {
    let mut f = FieldProblems::default();
    f.add(field, p);
    f
}

/// The first message of a set of problems, for the API's `message`.
fn pertama(p: &FieldProblems) -> Option<String> {
    p.0.values().flatten().next().map(|m| m.pesan.clone())
}

impl From<Tolak> for ApiError {
    fn from(t: Tolak) -> Self {
        let (code, fields) = match t {
            Tolak::TidakAda => return ApiError::new(ErrorCode::NotFound),
            Tolak::Store(e) => return ApiError::from(e),
            Tolak::TidakBoleh(m) => (ErrorCode::Forbidden, satu(ALUR, Masalahs(vec![m]))),
            Tolak::TidakValid(p) => (ErrorCode::ValidationFailed, p),
            Tolak::Bentrok(p) => (ErrorCode::Conflict, p),
        };
        let message = pertama(&fields).unwrap_or_else(|| code.message().to_owned());
        ApiError {
            error: code,
            message,
            fields,
        }
    }
}

/// What a page does with a refusal it does not show itself.
pub fn ke_halaman(t: Tolak) -> PageError {
    match t {
        Tolak::TidakAda => PageError::NotFound,
        Tolak::Store(e) => PageError::from(e),
        Tolak::TidakBoleh(_) => PageError::Forbidden,
        Tolak::TidakValid(p) | Tolak::Bentrok(p) => {
            PageError::Internal(format!("unshown refusal: {p:?}"))
        }
    }
}
