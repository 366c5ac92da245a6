//! Simpul's HTTP edge: the HTML UI, the JSON API, login and sessions.

pub mod api;
pub mod auth;
pub mod bus_refresh;
pub mod cache;
pub mod chart;
pub mod document_input;
pub mod error;
pub mod evaluasi_models;
pub mod extract;
pub mod format_id;
pub mod i18n;
pub mod ops;
pub mod pages;
pub mod planning_input;
pub mod registry_impact;
pub mod registry_input;
pub mod registry_sheet;
pub mod state;
pub mod upload;

use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use pages::{
    audit, dashboard, diagram_lan, kepatuhan, login, pd, pegawai, perencanaan, profil, registry,
    regulasi, tim,
};
pub use state::{AppState, WebConfig};

/// The whole web application.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(login::root))
        .route("/masuk", get(login::form).post(login::submit))
        .route("/keluar", post(login::logout))
        .route("/bahasa", post(login::set_lang))
        .route("/dasbor", get(dashboard::show))
        .route("/pd", get(pd::list).post(pd::create))
        .route("/pd/baru", get(pd::new_form))
        .route("/pd/{id}", get(pd::detail).post(pd::update))
        .route("/pd/{id}/ubah", get(pd::edit_form))
        .route("/pd/{id}/arsip", post(pd::archive))
        .route("/pegawai", get(pegawai::list).post(pegawai::create))
        .route("/pegawai/baru", get(pegawai::new_form))
        .route("/pegawai/{id}", get(pegawai::detail).post(pegawai::update))
        .route("/pegawai/{id}/ubah", get(pegawai::edit_form))
        .route("/pegawai/{id}/peran", post(pegawai::grant))
        .route("/pegawai/{id}/sandi", post(pegawai::reset_password))
        .route("/peran/{id}/cabut", post(pegawai::revoke))
        .route("/tim-koordinasi", get(tim::show).post(tim::add))
        .route("/tim-koordinasi/{id}/hapus", post(tim::remove))
        .route("/profil", get(profil::show))
        .route("/profil/sandi", post(profil::change_password))
        .route("/jejak-audit", get(audit::list))
        .route("/arsitektur", get(registry::overview))
        .route("/arsitektur/cari", get(registry::search))
        .route("/arsitektur/dokumen", get(registry::document))
        .route(
            "/arsitektur/{jenis}",
            get(registry::list).post(registry::create),
        )
        .route("/arsitektur/{jenis}/baru", get(registry::new_form))
        .route("/arsitektur/ekspor.xlsx", get(registry::export_all))
        .route("/arsitektur/{jenis}/templat.xlsx", get(registry::template))
        .route(
            "/arsitektur/{jenis}/ekspor.xlsx",
            get(registry::export_xlsx),
        )
        .route("/arsitektur/{jenis}/ekspor.csv", get(registry::export_csv))
        .route(
            "/arsitektur/{jenis}/impor",
            get(registry::import_form)
                .post(registry::import_submit)
                .layer(DefaultBodyLimit::max(registry_sheet::MAX_UPLOAD)),
        )
        .route(
            "/arsitektur/item/{id}",
            get(registry::detail).post(registry::update),
        )
        .route("/arsitektur/item/{id}/ubah", get(registry::edit_form))
        .route("/arsitektur/item/{id}/arsip", post(registry::archive))
        .route("/arsitektur/item/{id}/relasi", post(registry::add_relation))
        .route("/arsitektur/item/{id}/dampak", get(registry::impact))
        .route(
            "/arsitektur/item/{id}/dokumen",
            get(registry::document_form)
                .post(registry::document_submit)
                .layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route("/arsitektur/dokumen/{id}", get(registry::document_download))
        .route(
            "/arsitektur/relasi/{id}/hapus",
            post(registry::remove_relation),
        )
        .route("/diagram-lan", get(diagram_lan::overview))
        .route(
            "/diagram-lan/{id}",
            get(diagram_lan::of_pd)
                .post(diagram_lan::upload)
                .layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route("/diagram-lan/berkas/{id}", get(diagram_lan::download))
        .route(
            "/perencanaan",
            get(perencanaan::list)
                .post(perencanaan::create)
                .layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route("/perencanaan/baru", get(perencanaan::new_form))
        .route(
            "/perencanaan/{id}",
            get(perencanaan::detail)
                .post(perencanaan::update)
                .layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route("/perencanaan/{id}/ubah", get(perencanaan::edit_form))
        .route(
            "/perencanaan/{id}/reviu",
            post(perencanaan::add_review).layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route(
            "/perencanaan/berkas/{id}",
            get(perencanaan::download_version),
        )
        .route(
            "/perencanaan/reviu/{id}/berkas",
            get(perencanaan::download_review),
        )
        .route("/regulasi", get(regulasi::list))
        .route("/regulasi/banding", get(regulasi::compare))
        .route("/regulasi/{kode}", get(regulasi::detail))
        .route("/kepatuhan", get(kepatuhan::ringkasan::show))
        .route("/kepatuhan/ekspor.xlsx", get(kepatuhan::ekspor::xlsx_all))
        .route(
            "/kepatuhan/kalender.ics",
            get(kepatuhan::kalender::milik_saya),
        )
        .route("/kepatuhan/pd/{id}", get(kepatuhan::pd::show))
        .route(
            "/kepatuhan/pd/{id}/kalender.ics",
            get(kepatuhan::kalender::of_pd),
        )
        .route("/kepatuhan/kewajiban/{id}", get(kepatuhan::kewajiban::show))
        .route(
            "/kepatuhan/kewajiban/{id}/pemenuhan",
            post(kepatuhan::kewajiban::catat).layer(DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .merge(pages::evaluasi::routes())
        .merge(pages::bus::routes())
        .route("/api/docs", get(api_docs))
        .nest("/api/v1", api::router())
        .route("/healthz", get(ops::healthz))
        .route("/readyz", get(ops::readyz))
        .route("/metrics", get(ops::metrics_page))
        .route("/static/{name}", get(ops::asset))
        .fallback(|| async { error::PageError::NotFound })
        .layer(from_fn_with_state(state.clone(), bus_refresh::layer))
        .layer(from_fn_with_state(state.clone(), auth::csrf::layer))
        .layer(DefaultBodyLimit::max(state.cfg.body_limit))
        .layer(from_fn(ops::track))
        .layer(from_fn(ops::security_headers))
        .with_state(state)
}

/// The Swagger UI page over the OpenAPI document (vendored, no CDN).
async fn api_docs() -> Response {
    let html = r#"<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Simpul API</title>
<link rel="stylesheet" href="/static/swagger-ui.css"></head><body><div id="swagger-ui"></div>
<script src="/static/swagger-ui-bundle.js"></script><script src="/static/swagger-init.js"></script></body></html>"#;
    let mut resp = (StatusCode::OK, Html(html)).into_response();
    // Swagger UI sets inline styles from script; allow those on this page only.
    resp.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"),
    );
    resp
}

/// Serve until `shutdown` resolves; also ends idle sessions in the background.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = {
        let st = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs(300));
            loop {
                tick.tick().await;
                let cutoff = time::OffsetDateTime::now_utc() - st.cfg.idle_timeout;
                if let Err(e) = simpul_store::sesi::delete_idle(
                    &st.db,
                    &simpul_store::time_text::format(cutoff),
                )
                .await
                {
                    tracing::warn!(error = %e, "could not end idle sessions");
                }
            }
        })
    };
    let app = router(state).into_make_service_with_connect_info::<SocketAddr>();
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    sweeper.abort();
    result
}
