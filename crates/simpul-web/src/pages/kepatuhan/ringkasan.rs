//! `/kepatuhan`: the region's standing on one date — counts per status (donut), per PD
//! and per chapter, and one line per obligation with its article.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::compliance::profile::Kewajiban;
use simpul_domain::ids::PdId;
use simpul_domain::registry::value::fmt_date;

use super::{Angka, STATUS, evaluasi_diminta};
use crate::auth::PageUser;
use crate::chart::{BarOptions, bar_horizontal, donut};
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// `?per=YYYY-MM-DD` of every compliance page.
#[derive(Debug, Default, Deserialize)]
pub struct PerQuery {
    /// The evaluation date; empty: today in the region.
    #[serde(default)]
    pub per: Option<String>,
    /// A one-off message after a redirect.
    #[serde(default)]
    pub pesan: Option<String>,
}

/// One obligation in the summary.
pub struct BarisKewajiban {
    /// The obligation.
    pub k: Kewajiban,
    /// Its counts.
    pub angka: Angka,
}

#[derive(Template)]
#[template(path = "kepatuhan_ringkasan.html")]
struct RingkasanPage {
    ctx: Ctx,
    peraturan: String,
    per: String,
    per_teks: String,
    wilayah: Angka,
    donut: String,
    bar: String,
    per_pd: Vec<(Option<PdId>, String, Angka)>,
    per_bab: Vec<(String, Angka)>,
    kewajiban: Vec<BarisKewajiban>,
}

/// `GET /kepatuhan?per=2026-11-22`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<PerQuery>,
) -> Result<Response, PageError> {
    let h = match evaluasi_diminta(&st, &user, lang, q.per.as_deref()).await? {
        Ok(h) => h,
        Err(page) => return Ok(page),
    };
    let per = h.per;
    let slices: Vec<(String, f64)> = STATUS
        .iter()
        .map(|s| {
            (
                lang.t(&format!("kepatuhan-status-{}", s.kode())),
                h.wilayah.jumlah(*s) as f64,
            )
        })
        .collect();
    let bars: Vec<(String, f64)> = h
        .per_bab
        .iter()
        .map(|(b, c)| (b.clone(), c.terlambat as f64))
        .collect();
    let bar_opts = BarOptions {
        decimals: 0,
        ..BarOptions::default()
    };
    let kewajiban = h
        .per_kewajiban
        .iter()
        .filter_map(|(id, c)| {
            h.profil.kewajiban(id).map(|k| BarisKewajiban {
                k: k.clone(),
                angka: c.into(),
            })
        })
        .collect();
    let page = RingkasanPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "kepatuhan",
            q.pesan.as_deref(),
        ),
        peraturan: h.profil.peraturan.clone(),
        per: fmt_date(per),
        per_teks: crate::format_id::tanggal(per),
        wilayah: (&h.wilayah).into(),
        donut: donut(&lang.t("kepatuhan-grafik-status"), &slices),
        bar: bar_horizontal(&lang.t("kepatuhan-grafik-bab"), &bars, &bar_opts),
        per_pd: h
            .per_pd
            .iter()
            .map(|(id, n, c)| (*id, n.clone(), c.into()))
            .collect(),
        per_bab: h
            .per_bab
            .iter()
            .map(|(b, c)| (b.clone(), c.into()))
            .collect(),
        kewajiban,
    };
    Ok(render(StatusCode::OK, &page))
}
