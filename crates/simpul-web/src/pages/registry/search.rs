//! `/arsitektur/cari`: full-text search across every domain.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_domain::registry::Domain;
use simpul_store::pd;
use simpul_store::registry::item::ItemFilter;
use simpul_store::registry::search as store_search;

use super::list::rows_of;
use super::{ItemRow, domain_label, jenis_label};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "registry_search.html")]
struct SearchPage {
    ctx: Ctx,
    q: SearchQuery,
    rows: Vec<(ItemRow, String)>,
    domains: Vec<(String, String)>,
    pds: Vec<simpul_domain::org::PerangkatDaerah>,
    searched: bool,
}

/// Query and filters.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    domain: String,
    #[serde(default)]
    pd: String,
}

/// `GET /arsitektur/cari`.
pub async fn search(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<SearchQuery>,
) -> Result<Response, PageError> {
    let pds = pd::list(&st.db, &pd::PdFilter::default()).await?;
    let names: HashMap<PdId, String> = pds.iter().map(|p| (p.id, p.nama.clone())).collect();
    let searched = !q.q.trim().is_empty();
    let rows = if searched {
        let filter = ItemFilter {
            domain: Domain::from_code(&q.domain),
            pd: q.pd.parse::<PdId>().ok().map(|p| vec![p]),
            ..ItemFilter::default()
        };
        let found = store_search::search(&st.db, q.q.trim(), &filter, 100).await?;
        rows_of(found.into_iter().map(|(it, _)| it).collect(), &names)
            .into_iter()
            .map(|r| {
                let kind = jenis_label(lang, r.item.jenis);
                (r, kind)
            })
            .collect()
    } else {
        Vec::new()
    };
    let page = SearchPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        q,
        rows,
        domains: Domain::ALL
            .iter()
            .map(|d| (d.code().to_owned(), domain_label(lang, *d)))
            .collect(),
        pds,
        searched,
    };
    Ok(render(StatusCode::OK, &page))
}
