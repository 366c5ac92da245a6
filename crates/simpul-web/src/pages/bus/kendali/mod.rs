//! The control plane pages of the service bus (issue 5): the directory of services with
//! their OpenAPI documents ([`direktori`], [`layanan`], [`layanan_form`]), the Dinas'
//! review queue ([`tinjauan`]), consumers and their credentials ([`konsumen`]), grants
//! ([`izin`]) and data elements ([`elemen`]). The rules and store calls are the JSON
//! API's (`api::bus`), so a page and an API call decide alike.

mod direktori;
mod elemen;
mod izin;
mod konsumen;
mod layanan;
mod layanan_form;
pub mod operasi;
mod tinjauan;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};
use simpul_domain::access::Action;
use simpul_domain::bus::{Klasifikasi, StatusLayanan};
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_store::pd;

use crate::api::bus as api;
use crate::auth::User;
use crate::error::{ApiError, ErrorCode, PageError};
use crate::i18n::Lang;
use crate::state::AppState;

/// Body limit of the service form: the largest OpenAPI document plus the text fields.
const FORM_LIMIT: usize = simpul_domain::bus::openapi::MAKS_UKURAN + 64 * 1024;

/// The routes of the control plane pages.
pub fn routes() -> Router<AppState> {
    let upload = || DefaultBodyLimit::max(FORM_LIMIT);
    Router::new()
        .route("/bus", get(direktori::list))
        .route(
            "/bus/layanan/baru",
            get(layanan_form::new_form)
                .post(layanan_form::create)
                .layer(upload()),
        )
        .route("/bus/layanan/{id}", get(layanan::detail))
        .route(
            "/bus/layanan/{id}/ubah",
            get(layanan_form::edit_form)
                .post(layanan_form::update)
                .layer(upload()),
        )
        .route("/bus/layanan/{id}/openapi.json", get(layanan::download))
        .route("/bus/layanan/{id}/putusan", post(layanan::decide))
        .route("/bus/tinjauan", get(tinjauan::queue))
        .route("/bus/konsumen", get(konsumen::list))
        .route(
            "/bus/konsumen/baru",
            get(konsumen::new_form).post(konsumen::create),
        )
        .route("/bus/konsumen/{id}", get(konsumen::detail))
        .route("/bus/konsumen/{id}/kredensial", post(konsumen::issue))
        .route("/bus/konsumen/{id}/cabut", post(konsumen::revoke))
        .route(
            "/bus/kredensial/{id}/cabut",
            post(konsumen::revoke_credential),
        )
        .route("/bus/izin", get(izin::list))
        .route("/bus/izin/baru", get(izin::new_form).post(izin::create))
        .route("/bus/izin/{id}/putusan", post(izin::decide))
        .route("/bus/elemen", get(elemen::list))
        .route(
            "/bus/elemen/baru",
            get(elemen::new_form).post(elemen::create),
        )
        .route(
            "/bus/elemen/{id}/ubah",
            get(elemen::edit_form).post(elemen::update),
        )
}

/// An API helper's error as a page error: its store failures are internal, its
/// refusals the same refusals.
fn galat(e: ApiError) -> PageError {
    match e.error {
        ErrorCode::NotFound => PageError::NotFound,
        ErrorCode::Forbidden => PageError::Forbidden,
        _ => PageError::Internal(e.message),
    }
}

/// May `user` manage the bus entries of PD `id` (its admin, the super admin)?
async fn boleh_kelola(st: &AppState, user: &User, id: PdId) -> Result<bool, PageError> {
    api::boleh_kelola(st, user, id).await.map_err(galat)
}

/// May `user` review (the Dinas' admins, the super admin)?
async fn boleh_tinjau(st: &AppState, user: &User) -> Result<bool, PageError> {
    api::boleh_tinjau(st, user).await.map_err(galat)
}

/// The active PDs whose bus entries `user` may manage, by code: the choices of the
/// service and consumer forms (empty: the user registers nothing).
async fn pd_dikelola(st: &AppState, user: &User) -> Result<Vec<PerangkatDaerah>, PageError> {
    let all = pd::list(&st.db, &pd::PdFilter::default()).await?;
    Ok(all
        .into_iter()
        .filter(|p| !p.diarsipkan && user.can_pd(Action::KelolaBus, p))
        .collect())
}

/// Every PD as a filter option.
async fn semua_pd(st: &AppState) -> Result<Vec<(String, String)>, PageError> {
    Ok(pd_options(
        &pd::list(&st.db, &pd::PdFilter::default()).await?,
    ))
}

/// (id, "KODE — Nama") of PDs, for a `<select>`.
fn pd_options(pds: &[PerangkatDaerah]) -> Vec<(String, String)> {
    pds.iter()
        .map(|p| {
            (
                p.id.to_string(),
                format!("{} — {}", p.kode.as_str(), p.nama),
            )
        })
        .collect()
}

/// A service status, translated, with its badge class.
fn status_layanan(lang: Lang, s: StatusLayanan) -> (String, &'static str) {
    let class = match s {
        StatusLayanan::Usulan => "badge-warn",
        StatusLayanan::Aktif => "badge-ok",
        StatusLayanan::Ditolak => "badge-danger",
        StatusLayanan::Nonaktif => "badge-muted",
    };
    (lang.t(&format!("bk-status-{}", s.code())), class)
}

/// A grant's status in effect (`usulan`, `aktif`, `ditolak`, `kedaluwarsa`,
/// `dicabut`), translated, with its badge class.
fn status_izin(lang: Lang, efektif: &str) -> (String, &'static str) {
    let class = match efektif {
        "usulan" => "badge-warn",
        "aktif" => "badge-ok",
        "ditolak" => "badge-danger",
        _ => "badge-muted",
    };
    (lang.t(&format!("bk-izin-{efektif}")), class)
}

/// The grant statuses in effect, for filters: (code, label).
fn status_izin_options(lang: Lang) -> Vec<(String, String)> {
    ["usulan", "aktif", "ditolak", "kedaluwarsa", "dicabut"]
        .into_iter()
        .map(|c| (c.to_owned(), status_izin(lang, c).0))
        .collect()
}

/// A classification, translated, with its badge class.
fn klasifikasi(lang: Lang, k: Klasifikasi) -> (String, &'static str) {
    let class = match k {
        Klasifikasi::Biasa => "badge-muted",
        Klasifikasi::Terbatas => "badge-warn",
        Klasifikasi::Rahasia => "badge-danger",
    };
    (lang.t(&format!("bk-klasifikasi-{}", k.code())), class)
}

/// Every classification: (code, label).
fn klasifikasi_options(lang: Lang) -> Vec<(String, String)> {
    Klasifikasi::ALL
        .into_iter()
        .map(|k| (k.code().to_owned(), klasifikasi(lang, k).0))
        .collect()
}

/// A stored UTC time the Indonesian way, in the region's offset.
fn waktu(st: &AppState, stored: &str) -> String {
    crate::format_id::waktu_tersimpan(stored, st.cfg.utc_offset)
}

/// Mark a response as never to be stored by a browser or proxy (a secret is on it).
fn no_store(mut r: Response) -> Response {
    r.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r.headers_mut()
        .insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

/// Does `hay` contain `needle`, ignoring case? (An empty needle matches.)
fn cocok(needle: &str, hay: &[&str]) -> bool {
    let n = needle.trim().to_lowercase();
    n.is_empty() || hay.iter().any(|h| h.to_lowercase().contains(&n))
}
