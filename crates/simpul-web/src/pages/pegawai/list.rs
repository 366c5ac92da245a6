//! The staff list, filtered by PD and text, paged.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::access::Action;
use simpul_domain::ids::PdId;
use simpul_domain::org::{Pegawai, PerangkatDaerah};
use simpul_store::pegawai::{self, PegawaiFilter};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, page_number, region_name, render};
use crate::state::AppState;

use super::pds_where;

const PER_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "pegawai_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<(Pegawai, String)>,
    total: i64,
    page: i64,
    pages: i64,
    q: String,
    pd: String,
    pds: Vec<PerangkatDaerah>,
    boleh_buat: bool,
    query_base: String,
}

#[derive(Template)]
#[template(path = "pegawai_table.html")]
struct ListTable {
    ctx: Ctx,
    rows: Vec<(Pegawai, String)>,
    total: i64,
    page: i64,
    pages: i64,
    query_base: String,
}

/// Filters of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    pd: Option<String>,
    hal: Option<String>,
    pesan: Option<String>,
}

/// `GET /pegawai`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let visible = pds_where(&st, &user, Action::LihatPegawai).await?;
    let chosen = q.pd.as_deref().and_then(|s| s.parse::<PdId>().ok());
    let pds = match chosen {
        Some(id) => vec![id]
            .into_iter()
            .filter(|id| visible.iter().any(|p| p.id == *id))
            .collect(),
        None => visible.iter().map(|p| p.id).collect(),
    };
    let page = page_number(q.hal.as_deref());
    let filter = PegawaiFilter {
        pds: Some(pds),
        q: q.q.clone().filter(|s| !s.trim().is_empty()),
    };
    let (list, total) = pegawai::list(&st.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let names: std::collections::HashMap<PdId, String> =
        visible.iter().map(|p| (p.id, p.nama.clone())).collect();
    let rows = list
        .into_iter()
        .map(|p| {
            let n = names.get(&p.pd).cloned().unwrap_or_default();
            (p, n)
        })
        .collect();
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    let query_base = format!(
        "/pegawai?q={}&pd={}",
        crate::pages::url_encode(q.q.as_deref().unwrap_or("")),
        crate::pages::url_encode(q.pd.as_deref().unwrap_or(""))
    );
    let ctx = Ctx::new(
        &user,
        lang,
        region_name(&st).await,
        "pegawai",
        q.pesan.as_deref(),
    );
    if headers.contains_key("hx-request") {
        return Ok(render(
            StatusCode::OK,
            &ListTable {
                ctx,
                rows,
                total,
                page,
                pages,
                query_base,
            },
        ));
    }
    let boleh_buat = !pds_where(&st, &user, Action::KelolaPegawai)
        .await?
        .is_empty();
    let page = ListPage {
        ctx,
        rows,
        total,
        page,
        pages,
        q: q.q.unwrap_or_default(),
        pd: q.pd.unwrap_or_default(),
        pds: visible,
        boleh_buat,
        query_base,
    };
    Ok(render(StatusCode::OK, &page))
}
