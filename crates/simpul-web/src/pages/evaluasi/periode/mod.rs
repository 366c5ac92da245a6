//! Evaluation periods and their workflow (EVA-1, EVA-2): the landing `/evaluasi` with
//! every period and the form that opens one ([`daftar`]), a period's page with its
//! indicators by aspect, the index as it stands and the coordinator's forms
//! ([`halaman`], [`koordinator`]), and one indicator's page with the self-assessment,
//! evidence per level, the assessors' verdicts and what to do next ([`indikator`],
//! [`bukti`]).
//!
//! The decisions live in the domain (`evaluation::alur`) and are applied by [`aksi`] and
//! [`aksi_indikator`], which the JSON API shares, so both refuse the same way ([`tolak`]):
//! 403 with the domain's message for who may not, 422 for what is not valid, nothing
//! stored.

pub mod aksi;
pub mod aksi_indikator;
pub mod bukti;
pub mod daftar;
pub mod data;
pub mod halaman;
pub mod indikator;
pub mod koordinator;
pub mod muat;
pub mod saran;
pub mod tampil;
pub mod tolak;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use simpul_domain::ids::PeriodeEvaluasiId;

use crate::error::PageError;
use crate::state::AppState;

/// Routes of the period pages.
pub fn routes() -> Router<AppState> {
    let p = "/evaluasi/periode/{id}";
    let i = "/evaluasi/periode/{id}/indikator/{nomor}";
    Router::new()
        .route("/evaluasi", get(daftar::show).post(daftar::buka))
        .route(p, get(halaman::show))
        .route(&format!("{p}/pj-aspek"), post(koordinator::pj_aspek))
        .route(&format!("{p}/asesor"), post(koordinator::tim))
        .route(&format!("{p}/target"), post(koordinator::target))
        .route(&format!("{p}/ajukan"), post(koordinator::ajukan))
        .route(&format!("{p}/setujui"), post(koordinator::setujui))
        .route(&format!("{p}/nasional"), post(koordinator::nasional))
        .route(
            &format!("{p}/lampiran/{{lampiran}}/nilai"),
            post(indikator::nilai),
        )
        .route(
            &format!("{p}/lampiran/{{lampiran}}/tarik"),
            post(indikator::tarik),
        )
        .route(i, get(indikator::show))
        .route(&format!("{i}/pj"), post(koordinator::pj))
        .route(&format!("{i}/isi"), post(indikator::isi))
        .route(&format!("{i}/konsolidasi"), post(indikator::konsolidasi))
        .route(&format!("{i}/buka-kembali"), post(indikator::buka_kembali))
        .route(
            &format!("{i}/bukti"),
            post(bukti::lampirkan).layer(DefaultBodyLimit::max(crate::upload::BODY_LIMIT)),
        )
        .route("/evaluasi/bukti/{id}/berkas", get(bukti::unduh))
}

/// A period id from the path; anything else is a 404.
pub fn id_periode(raw: &str) -> Result<PeriodeEvaluasiId, PageError> {
    raw.parse().map_err(|_| PageError::NotFound)
}

/// An indicator number from the path; anything else is a 404.
pub fn nomor(raw: &str) -> Result<u32, PageError> {
    raw.parse().map_err(|_| PageError::NotFound)
}
