//! `/arsitektur/cari`: full-text search across every domain, filtered by domain, PD and
//! status.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_domain::registry::spec::statuses;
use simpul_domain::registry::{Domain, Jenis};
use simpul_store::pd;
use simpul_store::registry::item::ItemFilter;
use simpul_store::registry::search as store_search;

use super::list::rows_of;
use super::{ItemRow, domain_label, jenis_label};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// Most hits shown: the best matches, never the whole registry.
const MAX_HITS: i64 = 100;

/// The statuses of a kind: `(code, label)`.
type Choices = &'static [(&'static str, &'static str)];

/// Statuses offered together under one heading: `(heading, [(code, label)])`.
type StatusGroup = (String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "registry_search.html")]
struct SearchPage {
    ctx: Ctx,
    q: SearchQuery,
    rows: Vec<(ItemRow, String)>,
    domains: Vec<(String, String)>,
    pds: Vec<simpul_domain::org::PerangkatDaerah>,
    statuses: Vec<StatusGroup>,
    searched: bool,
    /// The number of hits when it is the most shown: there may be more.
    capped: Option<i64>,
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
    #[serde(default)]
    status: String,
}

/// `GET /arsitektur/cari`.
pub async fn search(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(mut q): Query<SearchQuery>,
) -> Result<Response, PageError> {
    // A filter value that is not one of the choices is ignored, as the list pages ignore an
    // unknown PD; clearing it keeps the form showing what was searched ("Semua").
    if !is_status(&q.status) {
        q.status.clear();
    }
    let pds = pd::list(&st.db, &pd::PdFilter::default()).await?;
    let names: HashMap<PdId, String> = pds.iter().map(|p| (p.id, p.nama.clone())).collect();
    let searched = !q.q.trim().is_empty();
    let rows: Vec<(ItemRow, String)> = if searched {
        let filter = ItemFilter {
            domain: Domain::from_code(&q.domain),
            pd: q.pd.parse::<PdId>().ok().map(|p| vec![p]),
            status: Some(q.status.clone()).filter(|s| !s.is_empty()),
            ..ItemFilter::default()
        };
        let found = store_search::search(&st.db, q.q.trim(), &filter, MAX_HITS).await?;
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
        capped: i64::try_from(rows.len()).ok().filter(|n| *n >= MAX_HITS),
        q,
        rows,
        domains: Domain::ALL
            .iter()
            .map(|d| (d.code().to_owned(), domain_label(lang, *d)))
            .collect(),
        pds,
        statuses: status_groups(lang),
        searched,
    };
    Ok(render(StatusCode::OK, &page))
}

/// Whether `code` is a status of some kind (or empty: any status).
fn is_status(code: &str) -> bool {
    code.is_empty()
        || Jenis::ALL
            .iter()
            .any(|j| statuses(*j).iter().any(|(c, _)| *c == code))
}

/// The statuses of every kind, one group per distinct list: headed by the kind when only
/// one kind has that list (applications), otherwise as the other kinds' statuses.
fn status_groups(lang: Lang) -> Vec<StatusGroup> {
    let mut groups: Vec<(Vec<Jenis>, Choices)> = Vec::new();
    for j in Jenis::ALL {
        let list = statuses(j);
        match groups.iter_mut().find(|(_, l)| *l == list) {
            Some((kinds, _)) => kinds.push(j),
            None => groups.push((vec![j], list)),
        }
    }
    // The statuses of one kind first, those the other kinds share ("lainnya") last.
    groups.sort_by_key(|(kinds, _)| kinds.len() > 1);
    groups
        .into_iter()
        .map(|(kinds, list)| {
            let heading = match kinds.as_slice() {
                [one] => jenis_label(lang, *one),
                _ => lang.t("arsitektur-cari-status-lain"),
            };
            let choices = list
                .iter()
                .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
                .collect();
            (heading, choices)
        })
        .collect()
}
