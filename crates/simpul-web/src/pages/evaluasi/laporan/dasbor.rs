//! `/evaluasi/dasbor`: the region's evaluation at a glance — the index of the latest
//! period (or `?periode=<id>`) with its predicate, the radar of aspects against the
//! target and the national result, the index over the years, and what to do next.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::ids::PeriodeEvaluasiId;
use simpul_store::evaluasi::periode;

use super::data::{TitikRiwayat, muat, riwayat};
use super::tampilan::Ringkasan;
use crate::auth::PageUser;
use crate::chart::line::{LineSeries, Pita, line_years};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// `?periode=<id>`.
#[derive(Debug, Default, Deserialize)]
pub struct DasborQuery {
    /// The period to show; empty: the latest.
    #[serde(default)]
    pub periode: Option<String>,
}

/// One approved year in the history table.
pub struct BarisRiwayat {
    /// Period id.
    pub id: String,
    /// Year.
    pub tahun: i32,
    /// Model code.
    pub model: String,
    /// What the index is called.
    pub nama_indeks: String,
    /// Index, `3,22`.
    pub indeks: String,
    /// Predicate.
    pub predikat: String,
    /// Target, or a dash.
    pub target: String,
}

/// A period in the selector: (id, label, selected).
pub type Pilihan = (String, String, bool);

#[derive(Template)]
#[template(path = "evaluasi_dasbor.html")]
struct DasborPage {
    ctx: Ctx,
    pilihan: Vec<Pilihan>,
    r: Option<Ringkasan>,
    riwayat: Vec<BarisRiwayat>,
    riwayat_svg: String,
}

/// `GET /evaluasi/dasbor?periode=<id>`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<DasborQuery>,
) -> Result<Response, PageError> {
    let semua = periode::list(&st.db).await?;
    let dipilih = match q
        .periode
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(raw) => Some(
            raw.parse::<PeriodeEvaluasiId>()
                .map_err(|_| PageError::NotFound)?,
        ),
        // The list is latest year first.
        None => semua.first().map(|p| p.id),
    };
    let r = match dipilih {
        Some(id) => Some(Ringkasan::dari(&muat(&st, id).await?, lang)),
        None => None,
    };
    let titik = riwayat(&st).await?;
    let pilihan = semua
        .iter()
        .map(|p| {
            let label = format!("{} · {} · {}", p.tahun, p.model, p.status.label());
            (p.id.to_string(), label, Some(p.id) == dipilih)
        })
        .collect();
    let page = DasborPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "evaluasi", None),
        pilihan,
        riwayat_svg: grafik_riwayat(&st, lang, &titik),
        riwayat: titik
            .iter()
            .map(|t| BarisRiwayat {
                id: t.periode.id.to_string(),
                tahun: t.periode.tahun,
                model: t.periode.model.clone(),
                nama_indeks: t.nama_indeks.clone(),
                indeks: t.indeks.teks(),
                predikat: t.predikat.clone(),
                target: super::data::target(t.periode.target)
                    .map_or_else(|| "–".to_owned(), |p| p.teks()),
            })
            .collect(),
        r,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The history as a line chart: one line per model, the bands of the latest model.
fn grafik_riwayat(st: &AppState, lang: Lang, titik: &[TitikRiwayat]) -> String {
    let mut series: Vec<LineSeries> = Vec::new();
    for t in titik {
        let nama = format!("{} ({})", t.nama_indeks, t.periode.model);
        let point = (t.periode.tahun, t.indeks.perkiraan());
        match series.iter_mut().find(|s| s.nama == nama) {
            Some(s) => s.titik.push(point),
            None => series.push(LineSeries {
                nama,
                titik: vec![point],
            }),
        }
    }
    let bands = titik
        .last()
        .and_then(|t| st.evaluasi.get(&t.periode.model))
        .map(|m| {
            m.predikat()
                .iter()
                .map(|p| Pita {
                    nama: p.nama.clone(),
                    min: p.min.pecahan().perkiraan(),
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    line_years(&lang.t("laporan-riwayat-grafik"), &series, &bands)
}
