//! `/arsitektur/{jenis}`: the records of one kind, filtered by PD, status and text.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_domain::registry::spec::statuses;
use simpul_store::pd;
use simpul_store::registry::item::{self, ItemFilter};

use super::{ItemRow, can_edit, jenis_label, parse_jenis};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, page_number, region_name, render, url_encode};
use crate::state::AppState;

const PER_PAGE: i64 = 50;

#[derive(Template)]
#[template(path = "registry_list.html")]
struct ListPage {
    ctx: Ctx,
    jenis: String,
    judul: String,
    rows: Vec<ItemRow>,
    total: i64,
    page: i64,
    pages: i64,
    q: ListQuery,
    pds: Vec<PerangkatDaerah>,
    statuses: Vec<(String, String)>,
    boleh_tambah: bool,
    query_base: String,
}

/// Filters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    status: String,
    hal: Option<String>,
}

/// Rows for records: owner names and status labels resolved.
pub fn rows_of(
    items: Vec<simpul_domain::registry::Item>,
    pds: &HashMap<PdId, String>,
) -> Vec<ItemRow> {
    items
        .into_iter()
        .map(|it| {
            let status = it
                .status
                .as_deref()
                .and_then(|s| {
                    statuses(it.jenis)
                        .iter()
                        .find(|(c, _)| *c == s)
                        .map(|(_, l)| (*l).to_owned())
                })
                .unwrap_or_default();
            let pd = it.pd.and_then(|p| pds.get(&p).cloned()).unwrap_or_default();
            ItemRow {
                item: it,
                pd,
                status,
            }
        })
        .collect()
}

/// `GET /arsitektur/{jenis}`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(code): Path<String>,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    let pds = pd::list(&st.db, &pd::PdFilter::default()).await?;
    let names: HashMap<PdId, String> = pds.iter().map(|p| (p.id, p.nama.clone())).collect();
    let page = page_number(q.hal.as_deref());
    let filter = ItemFilter {
        jenis: Some(jenis),
        pd: q.pd.parse::<PdId>().ok().map(|p| vec![p]),
        status: Some(q.status.clone()).filter(|s| !s.is_empty()),
        q: Some(q.q.trim().to_owned()).filter(|s| !s.is_empty()),
        ..ItemFilter::default()
    };
    // Counting tens of thousands of rows costs more than the page itself; the total stays
    // valid until the next change anywhere.
    let seq = simpul_store::audit::head_seq(&st.db).await?;
    let key = format!("{filter:?}");
    let total = match st.list_counts.get(&key, seq) {
        Some(n) => *n,
        None => *st
            .list_counts
            .put(key, seq, item::count(&st.db, &filter).await?),
    };
    let items = item::page(&st.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let boleh_tambah = can_edit(&user, None) || pds.iter().any(|p| can_edit(&user, Some(p)));
    let query_base = format!(
        "/arsitektur/{}?q={}&pd={}&status={}",
        jenis.code(),
        url_encode(&q.q),
        url_encode(&q.pd),
        url_encode(&q.status)
    );
    let page = ListPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        jenis: jenis.code().to_owned(),
        judul: jenis_label(lang, jenis),
        rows: rows_of(items, &names),
        total,
        page,
        pages: (total + PER_PAGE - 1) / PER_PAGE,
        q,
        pds,
        statuses: statuses(jenis)
            .iter()
            .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
            .collect(),
        boleh_tambah,
        query_base,
    };
    Ok(render(StatusCode::OK, &page))
}
