//! The regional regulations as data: the shipped profiles, one profile's obligations with
//! their articles, and the five side by side where they differ (REG-1; issue 6 item 7).

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::compliance::profile::{Baris, Profil, SHIPPED, banding};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// The shipped profiles, parsed once: they are compiled in and never change while the
/// server runs. They are checked by tests, so a parse failure here is a build defect: it
/// is logged and the profile left out.
fn shipped() -> &'static [Profil] {
    static PARSED: std::sync::OnceLock<Vec<Profil>> = std::sync::OnceLock::new();
    PARSED.get_or_init(|| {
        SHIPPED
            .iter()
            .filter_map(|(kode, text)| match Profil::parse(kode, text) {
                Ok(p) => Some(p),
                Err(e) => {
                    tracing::error!(error = %e, "shipped profile does not parse");
                    None
                }
            })
            .collect()
    })
}

#[derive(Template)]
#[template(path = "regulasi_list.html")]
struct ListPage {
    ctx: Ctx,
    profiles: &'static [Profil],
}

/// `GET /regulasi`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let page = ListPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "regulasi", None),
        profiles: shipped(),
    };
    Ok(render(StatusCode::OK, &page))
}

#[derive(Template)]
#[template(path = "regulasi_detail.html")]
struct DetailPage {
    ctx: Ctx,
    p: &'static Profil,
}

/// `GET /regulasi/{kode}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(kode): Path<String>,
) -> Result<Response, PageError> {
    let p = shipped()
        .iter()
        .find(|p| p.kode == kode)
        .ok_or(PageError::NotFound)?;
    let page = DetailPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "regulasi", None),
        p,
    };
    Ok(render(StatusCode::OK, &page))
}

/// Filter of the comparison.
#[derive(Debug, Default, Deserialize)]
pub struct CompareQuery {
    /// `1`: only the obligations where the regions differ.
    #[serde(default)]
    beda: String,
}

#[derive(Template)]
#[template(path = "regulasi_banding.html")]
struct ComparePage<'a> {
    ctx: Ctx,
    profiles: &'a [Profil],
    rows: Vec<Baris<'a>>,
    hanya_beda: bool,
    jumlah_beda: String,
}

/// `GET /regulasi/banding?beda=1`.
pub async fn compare(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<CompareQuery>,
) -> Result<Response, PageError> {
    let profiles = shipped();
    let refs: Vec<&Profil> = profiles.iter().collect();
    let all = banding(&refs);
    let jumlah_beda = crate::format_id::angka(all.iter().filter(|r| r.berbeda).count() as i64);
    let hanya_beda = q.beda == "1";
    let page = ComparePage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "regulasi", None),
        profiles,
        rows: all
            .into_iter()
            .filter(|r| r.berbeda || !hanya_beda)
            .collect(),
        hanya_beda,
        jumlah_beda,
    };
    Ok(render(StatusCode::OK, &page))
}
