//! The PD list, filtered by kind and text; htmx gets only the table.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::org::{JenisPd, PerangkatDaerah};
use simpul_store::pd::{self, PdFilter};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

use super::kinds;

/// A PD row as the list shows it.
pub struct PdRow {
    /// Record.
    pub pd: PerangkatDaerah,
    /// Kind, translated.
    pub jenis: String,
}

#[derive(Template)]
#[template(path = "pd_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<PdRow>,
    q: String,
    jenis: String,
    kinds: Vec<(String, String)>,
    boleh_buat: bool,
}

#[derive(Template)]
#[template(path = "pd_table.html")]
struct ListTable {
    ctx: Ctx,
    rows: Vec<PdRow>,
}

/// Filters of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    jenis: Option<String>,
    pesan: Option<String>,
}

/// `GET /pd`; an htmx request gets only the table.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let filter = PdFilter {
        jenis: q.jenis.as_deref().and_then(JenisPd::from_code),
        q: q.q.clone().filter(|s| !s.trim().is_empty()),
        termasuk_arsip: false,
    };
    let rows: Vec<PdRow> = pd::list(&st.db, &filter)
        .await?
        .into_iter()
        .map(|p| PdRow {
            jenis: lang.t(&format!("jenis-{}", p.jenis.code())),
            pd: p,
        })
        .collect();
    let ctx = Ctx::new(
        &user,
        lang,
        region_name(&st).await,
        "pd",
        q.pesan.as_deref(),
    );
    if headers.contains_key("hx-request") {
        return Ok(render(StatusCode::OK, &ListTable { ctx, rows }));
    }
    let page = ListPage {
        boleh_buat: user.can(Action::KelolaPd, Target::Region),
        ctx,
        rows,
        q: q.q.unwrap_or_default(),
        jenis: q.jenis.unwrap_or_default(),
        kinds: kinds(lang),
    };
    Ok(render(StatusCode::OK, &page))
}
