//! `/kepatuhan/pd/{id}`: every obligation row of one PD's subjects (the PD itself, its
//! applications, servers, business processes, services), each with its article.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_domain::registry::value::fmt_date;

use super::ringkasan::PerQuery;
use super::{BarisKepatuhan, evaluasi_diminta};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "kepatuhan_pd.html")]
struct PdPage {
    ctx: Ctx,
    pd: PerangkatDaerah,
    peraturan: String,
    per: String,
    per_teks: String,
    baris: Vec<BarisKepatuhan>,
}

/// `GET /kepatuhan/pd/{id}?per=`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
    Query(q): Query<PerQuery>,
) -> Result<Response, PageError> {
    let pd = simpul_store::pd::get(&st.db, id).await?;
    let h = match evaluasi_diminta(&st, &user, lang, q.per.as_deref()).await? {
        Ok(h) => h,
        Err(page) => return Ok(page),
    };
    let per = h.per;
    let page = PdPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "kepatuhan", None),
        pd,
        peraturan: h.profil.peraturan.clone(),
        per: fmt_date(per),
        per_teks: crate::format_id::tanggal(per),
        baris: h
            .baris
            .iter()
            .filter(|b| b.pd == Some(id))
            .cloned()
            .collect(),
    };
    Ok(render(StatusCode::OK, &page))
}
