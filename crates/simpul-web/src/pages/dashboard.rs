//! The dashboard: the region at a glance.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::org::JenisPd;
use simpul_store::audit::{self, AuditFilter};
use simpul_store::{pd, pegawai, peran, tim};

use crate::auth::PageUser;
use crate::chart::{BarOptions, bar_horizontal, donut};
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    jumlah_pd: i64,
    jumlah_pegawai: i64,
    jumlah_peran: i64,
    jumlah_tim: i64,
    chart_jenis: String,
    chart_peran: String,
    terbaru: Vec<crate::pages::audit::Row>,
    boleh_audit: bool,
}

/// Query: an optional flash message key.
#[derive(Debug, Deserialize)]
pub struct FlashQuery {
    /// Fluent key suffix of the message.
    pub pesan: Option<String>,
}

/// `GET /dasbor`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let by_jenis = pd::count_by_jenis(&st.db).await?;
    let by_pd = pegawai::count_by_pd(&st.db).await?;
    let by_role = peran::count_by_role(&st.db).await?;
    let jumlah_tim = tim::list(&st.db).await?.len() as i64;
    let bars: Vec<(String, f64)> = by_jenis
        .iter()
        .map(|(j, n)| {
            (
                JenisPd::from_code(j)
                    .map_or_else(|| j.clone(), |k| lang.t(&format!("jenis-{}", k.code()))),
                *n as f64,
            )
        })
        .collect();
    let slices: Vec<(String, f64)> = by_role
        .iter()
        .map(|(r, n)| (lang.t(&format!("peran-{r}")), *n as f64))
        .collect();
    let boleh_audit = user.can(Action::LihatJejakAudit, Target::Region);
    let terbaru = if boleh_audit {
        let latest = audit::list(&st.db, &AuditFilter::default(), 8, 0).await?;
        crate::pages::audit::rows(latest.entries, lang, st.cfg.utc_offset)
    } else {
        Vec::new()
    };
    let page = DashboardPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "dasbor",
            q.pesan.as_deref(),
        ),
        jumlah_pd: by_jenis.iter().map(|(_, n)| n).sum(),
        jumlah_pegawai: by_pd.iter().map(|(_, n)| n).sum(),
        jumlah_peran: by_role.iter().map(|(_, n)| n).sum(),
        jumlah_tim,
        chart_jenis: bar_horizontal(
            &lang.t("dasbor-chart-jenis"),
            &bars,
            &BarOptions {
                width: 470,
                label_width: 170,
                decimals: 0,
                ..BarOptions::default()
            },
        ),
        chart_peran: donut(&lang.t("dasbor-chart-peran"), &slices),
        terbaru,
        boleh_audit,
    };
    Ok(render(StatusCode::OK, &page))
}
