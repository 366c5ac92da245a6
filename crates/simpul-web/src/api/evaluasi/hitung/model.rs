//! `GET /evaluation/models` and `GET /evaluation/models/{model}`: the shipped models,
//! and one model whole (weights, level names, the criteria in the region's wording, the
//! evidence per level, and which older indicators' evidence each indicator can reuse).

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use simpul_domain::evaluation::{Crosswalk, Model};

use super::{ModelRef, model_tidak_dikenal};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode, PageError};
use crate::extract::ApiPath;
use crate::state::AppState;

/// One model in the list.
#[derive(Debug, Serialize)]
pub struct ModelSummary {
    #[serde(flatten)]
    model: ModelRef,
    legal_basis: String,
    year_from: i32,
    year_to: Option<i32>,
    domains: usize,
    aspects: usize,
    indicators: usize,
}

/// `GET /api/v1/evaluation/models`.
pub async fn list(State(st): State<AppState>, ApiUser(_): ApiUser) -> Json<Vec<ModelSummary>> {
    Json(st.evaluasi.all().iter().map(summary_of).collect())
}

fn summary_of(m: &Model) -> ModelSummary {
    ModelSummary {
        model: ModelRef::of(m),
        legal_basis: m.dasar_hukum().to_owned(),
        year_from: m.tahun_mulai(),
        year_to: m.tahun_akhir(),
        domains: m.domain().len(),
        aspects: m.aspek().len(),
        indicators: m.indikator().len(),
    }
}

#[derive(Debug, Serialize)]
struct Band {
    name: String,
    min: String,
}

#[derive(Debug, Serialize)]
struct DomainOut {
    code: String,
    name: String,
    weight: String,
}

#[derive(Debug, Serialize)]
struct AspectOut {
    code: String,
    name: String,
    domain: Option<String>,
    weight: String,
}

/// Evidence of an older model's indicators that can support this one.
#[derive(Debug, Serialize)]
struct Reuse {
    model: String,
    indicators: Vec<u32>,
    reason: String,
}

#[derive(Debug, Serialize)]
struct IndicatorOut {
    number: u32,
    name: String,
    aspect: String,
    weight: String,
    external: bool,
    external_source: Option<String>,
    level_names: [String; 5],
    criteria: [String; 5],
    evidence: [Vec<String>; 5],
    evidence_from: Vec<Reuse>,
}

/// One model whole.
#[derive(Debug, Serialize)]
pub struct ModelDetail {
    #[serde(flatten)]
    summary: ModelSummary,
    provenance: String,
    level_names: [String; 5],
    predicates: Vec<Band>,
    domains: Vec<DomainOut>,
    aspects: Vec<AspectOut>,
    indicators: Vec<IndicatorOut>,
}

/// `GET /api/v1/evaluation/models/{model}`: criteria in the region's wording.
pub async fn detail(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(kode): ApiPath<String>,
) -> Result<Json<ModelDetail>, ApiError> {
    if st.evaluasi.get(&kode).is_none() {
        return Err(model_tidak_dikenal(&st, &kode));
    }
    let m = st
        .evaluasi
        .with_region_wording(&st.db, &kode)
        .await
        .map_err(|e| match e {
            PageError::NotFound => model_tidak_dikenal(&st, &kode),
            other => {
                tracing::error!(?other, "reading the region's criteria");
                ApiError::new(ErrorCode::Internal)
            }
        })?;
    // Every crosswalk into this model, from whichever older model has one.
    let cws: Vec<&Crosswalk> = st
        .evaluasi
        .all()
        .iter()
        .filter_map(|dari| st.evaluasi.crosswalk(dari.kode(), m.kode()))
        .collect();
    Ok(Json(detail_of(&m, &cws)))
}

fn detail_of(m: &Model, cws: &[&Crosswalk]) -> ModelDetail {
    ModelDetail {
        summary: summary_of(m),
        provenance: m.asal_usul().to_owned(),
        level_names: m.nama_level().clone(),
        predicates: m
            .predikat()
            .iter()
            .map(|p| Band {
                name: p.nama.clone(),
                min: p.min.desimal(),
            })
            .collect(),
        domains: m
            .domain()
            .iter()
            .map(|d| DomainOut {
                code: d.kode.clone(),
                name: d.nama.clone(),
                weight: d.bobot.desimal(),
            })
            .collect(),
        aspects: m
            .aspek()
            .iter()
            .map(|a| AspectOut {
                code: a.kode.clone(),
                name: a.nama.clone(),
                domain: a.domain.clone(),
                weight: a.bobot.desimal(),
            })
            .collect(),
        indicators: m
            .indikator()
            .iter()
            .map(|i| IndicatorOut {
                number: i.nomor,
                name: i.nama.clone(),
                aspect: i.aspek.clone(),
                weight: i.bobot.desimal(),
                external: i.eksternal,
                external_source: i.sumber_eksternal.clone(),
                level_names: i.nama_level.clone(),
                criteria: i.kriteria.clone(),
                evidence: i.bukti.clone(),
                evidence_from: cws
                    .iter()
                    .filter_map(|c| {
                        c.peta_untuk(i.nomor).map(|p| Reuse {
                            model: c.dari.clone(),
                            indicators: p.dari.clone(),
                            reason: p.alasan.clone(),
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}
