//! `/arsitektur`: the registry at a glance, domain by domain.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::registry::{Domain, Jenis};
use simpul_store::registry::item;

use super::{domain_label, jenis_label};
use crate::auth::PageUser;
use crate::chart::{BarOptions, bar_horizontal};
use crate::error::PageError;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// One domain with its kinds and their counts.
pub struct DomainBlock {
    /// Domain name.
    pub nama: String,
    /// (kind code, kind name, count).
    pub kinds: Vec<(String, String, i64)>,
}

#[derive(Template)]
#[template(path = "registry_overview.html")]
struct OverviewPage {
    ctx: Ctx,
    domains: Vec<DomainBlock>,
    chart: String,
}

/// `GET /arsitektur`.
pub async fn overview(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let counts = item::count_by_jenis(&st.db).await?;
    let count = |j: Jenis| counts.iter().find(|(c, _)| *c == j).map_or(0, |(_, n)| *n);
    let domains: Vec<DomainBlock> = Domain::ALL
        .iter()
        .map(|d| DomainBlock {
            nama: domain_label(lang, *d),
            kinds: Jenis::of_domain(*d)
                .map(|j| (j.code().to_owned(), jenis_label(lang, j), count(j)))
                .collect(),
        })
        .collect();
    let bars: Vec<(String, f64)> = domains
        .iter()
        .map(|d| {
            (
                d.nama.clone(),
                d.kinds.iter().map(|k| k.2).sum::<i64>() as f64,
            )
        })
        .collect();
    let chart = bar_horizontal(
        &lang.t("arsitektur-chart-domain"),
        &bars,
        &BarOptions {
            width: 560,
            label_width: 200,
            decimals: 0,
            ..BarOptions::default()
        },
    );
    let page = OverviewPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "arsitektur",
            q.pesan.as_deref(),
        ),
        domains,
        chart,
    };
    Ok(render(StatusCode::OK, &page))
}
