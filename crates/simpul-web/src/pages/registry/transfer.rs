//! Spreadsheet transfer of the registry: the template per kind, exports (XLSX, CSV, the
//! whole registry) and the import, which stores every row or none.

use std::time::Instant;

use askama::Template;
use axum::body::Body;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_domain::registry::{Item, Jenis};
use simpul_store::pd;
use simpul_store::registry::item::{self, ItemFilter};

use super::{can_edit, jenis_label, parse_jenis};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::registry_sheet::{MAX_ROWS, PdIndex, Problem, check, export, read, template, upload};
use crate::state::AppState;

/// Problems shown on one report page; the count names them all.
const SHOWN: usize = 1000;

/// Filters of an export, as on the list page (`pd` by id or code).
#[derive(Debug, Default, Deserialize)]
pub struct ExportQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    status: String,
}

async fn pd_index(st: &AppState) -> Result<PdIndex, PageError> {
    let f = pd::PdFilter {
        termasuk_arsip: true,
        ..pd::PdFilter::default()
    };
    Ok(PdIndex::new(pd::list(&st.db, &f).await?))
}

fn download(bytes: Vec<u8>, mime: &'static str, file: &str) -> Response {
    (
        [
            (header::CONTENT_TYPE, mime.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response()
}

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// CPU work off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, PageError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| PageError::Internal(e.to_string()))
}

/// `GET /arsitektur/{jenis}/templat.xlsx`.
pub async fn template(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    let pds = pd_index(&st).await?;
    let bytes = blocking(move || template::template(jenis, &pds.active_codes()))
        .await?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        XLSX,
        &format!("templat-{}.xlsx", jenis.code()),
    ))
}

async fn filtered(
    st: &AppState,
    jenis: Jenis,
    q: &ExportQuery,
    pds: &PdIndex,
) -> Result<Vec<Item>, PageError> {
    let pd = q.pd.trim();
    let filter = ItemFilter {
        jenis: Some(jenis),
        pd: (!pd.is_empty()).then(|| {
            pds.find(pd)
                .map(|p| p.id)
                .into_iter()
                .collect::<Vec<PdId>>()
        }),
        status: Some(q.status.trim().to_owned()).filter(|s| !s.is_empty()),
        q: Some(q.q.trim().to_owned()).filter(|s| !s.is_empty()),
        ..ItemFilter::default()
    };
    Ok(item::list(&st.db, &filter, i64::MAX, 0).await?.0)
}

/// `GET /arsitektur/{jenis}/ekspor.xlsx`.
pub async fn export_xlsx(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    Path(code): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    let pds = pd_index(&st).await?;
    let items = filtered(&st, jenis, &q, &pds).await?;
    let bytes = blocking(move || export::xlsx(&[(jenis, items)], &pds))
        .await?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(download(
        bytes,
        XLSX,
        &format!("arsitektur-{}.xlsx", jenis.code()),
    ))
}

/// `GET /arsitektur/{jenis}/ekspor.csv`.
pub async fn export_csv(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    Path(code): Path<String>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    let pds = pd_index(&st).await?;
    let items = filtered(&st, jenis, &q, &pds).await?;
    let bytes = export::csv(jenis, &items, &pds);
    Ok(download(
        bytes,
        "text/csv; charset=utf-8",
        &format!("arsitektur-{}.csv", jenis.code()),
    ))
}

/// `GET /arsitektur/ekspor.xlsx`: every kind, one sheet each.
pub async fn export_all(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
) -> Result<Response, PageError> {
    let pds = pd_index(&st).await?;
    let mut sheets = Vec::with_capacity(Jenis::ALL.len());
    for jenis in Jenis::ALL {
        sheets.push((
            jenis,
            filtered(&st, jenis, &ExportQuery::default(), &pds).await?,
        ));
    }
    let bytes = blocking(move || export::xlsx(&sheets, &pds))
        .await?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok(download(bytes, XLSX, "arsitektur-spbe.xlsx"))
}

#[derive(Template)]
#[template(path = "registry_import.html")]
struct ImportPage {
    ctx: Ctx,
    judul: String,
    jenis: String,
    batas: String,
}

#[derive(Template)]
#[template(path = "registry_import_result.html")]
struct ResultPage {
    ctx: Ctx,
    judul: String,
    jenis: String,
    berkas: String,
    disimpan: String,
    problems: Vec<Problem>,
    jumlah: String,
    terpotong: bool,
}

async fn may_import(st: &AppState, user: &User) -> Result<bool, PageError> {
    let all = pd::list(&st.db, &pd::PdFilter::default()).await?;
    Ok(can_edit(user, None) || all.iter().any(|p| can_edit(user, Some(p))))
}

/// `GET /arsitektur/{jenis}/impor`.
pub async fn import_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    if !may_import(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let page = ImportPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        judul: lang.t1("impor-judul", "jenis", &jenis_label(lang, jenis)),
        jenis: jenis.code().to_owned(),
        batas: crate::format_id::angka(MAX_ROWS as i64),
    };
    Ok(render(StatusCode::OK, &page))
}

/// `POST /arsitektur/{jenis}/impor` (multipart, field `berkas`).
pub async fn import_submit(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(code): Path<String>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    if !may_import(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let started = Instant::now();
    let (status, berkas, outcome) = match upload::upload(mp).await {
        Err((status, why)) => (status, String::new(), Err(vec![Problem::file("", why)])),
        Ok((name, bytes)) => {
            let n = name.clone();
            let table = blocking(move || read::read(&bytes, &n, jenis)).await?;
            let outcome = match table {
                Err(p) => Err(p),
                Ok(t) => {
                    let pds = pd_index(&st).await?;
                    check::store(&st.db, &user, lang, jenis, &t, &pds).await?
                }
            };
            let status = if outcome.is_ok() {
                StatusCode::OK
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            (status, name, outcome)
        }
    };
    tracing::info!(
        jenis = jenis.code(),
        ok = outcome.is_ok(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        "registry import"
    );
    let (disimpan, problems) = match outcome {
        Ok(n) => (crate::format_id::angka(n as i64), Vec::new()),
        Err(p) => (String::new(), p),
    };
    let page = ResultPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        judul: lang.t1("impor-judul", "jenis", &jenis_label(lang, jenis)),
        jenis: jenis.code().to_owned(),
        berkas,
        disimpan,
        jumlah: crate::format_id::angka(problems.len() as i64),
        terpotong: problems.len() > SHOWN,
        problems: problems.into_iter().take(SHOWN).collect(),
    };
    Ok(render(status, &page))
}
