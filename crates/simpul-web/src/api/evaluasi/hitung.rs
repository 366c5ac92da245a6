//! API: the evaluation models and the index calculator (issue 4 items 1, 3, 8).
//! `POST /evaluation/models/{model}/compute` takes `{"levels": {"18": 3, "5": "3,45"}}`
//! and answers the exact index (two decimals as published, and the fraction), its
//! predicate, every aspect and domain, the indicators counted at level 1 because they
//! were missing, and what to raise next: for what-if planning ("what do we gain by
//! raising indicator 18 to level 4?"). Anyone logged in may use it: it reads no records.

pub mod baca;
mod model;
pub mod skema;

use std::collections::BTreeMap;

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use simpul_domain::evaluation::{self, Hasil, IndeksBagian, Model, Pecahan};
use simpul_domain::{FieldProblems, Masalahs};

use crate::api::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;
use baca::{desimal_pas, pecahan_teks, teks_json};

/// Routes of the models and the calculator.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evaluation/models", get(model::list))
        .route("/evaluation/models/{model}", get(model::detail))
        .route("/evaluation/models/{model}/compute", post(compute))
}

/// The 404 of a model code that is not shipped; `fields.model` carries the stable code
/// `model_tidak_dikenal` and the message names the codes that exist.
pub(super) fn model_tidak_dikenal(st: &AppState, kode: &str) -> ApiError {
    let ada: Vec<&str> = st.evaluasi.all().iter().map(Model::kode).collect();
    let pesan = format!(
        "Model evaluasi \"{kode}\" tidak dikenal; yang tersedia: {}.",
        ada.join(", ")
    );
    let mut f = FieldProblems::default();
    f.add("model", Masalahs::one("model_tidak_dikenal", pesan.clone()));
    ApiError {
        fields: f,
        ..ApiError::new(ErrorCode::NotFound).with_message(pesan)
    }
}

/// The body of `compute`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComputeInput {
    /// Indicator number (as text, JSON keys are) to its level or published value.
    levels: serde_json::Map<String, serde_json::Value>,
}

/// The model a result belongs to.
#[derive(Debug, Serialize)]
pub struct ModelRef {
    code: String,
    name: String,
    index_name: String,
    provisional: bool,
}

impl ModelRef {
    pub(super) fn of(m: &Model) -> Self {
        Self {
            code: m.kode().to_owned(),
            name: m.nama().to_owned(),
            index_name: m.nama_indeks().to_owned(),
            provisional: m.sementara(),
        }
    }
}

/// One aspect's or domain's index.
#[derive(Debug, Serialize)]
pub struct Part {
    code: String,
    name: String,
    /// The domain of an aspect (aspects only, when the model has domains).
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<String>,
    weight: String,
    index: String,
    index_exact: String,
}

/// Raising one self-assessed indicator by one level.
#[derive(Debug, Serialize)]
pub struct Step {
    indicator: u32,
    name: String,
    from: u8,
    to: u8,
    level_name: String,
    /// Gain in the index, exact decimal (`0.025`).
    gain: String,
    /// Whether the indicator was missing and counted at level 1.
    assumed: bool,
}

/// The fewest raises that reach the next predicate.
#[derive(Debug, Serialize)]
pub struct NextPredicate {
    predicate: String,
    min: String,
    steps: Vec<Step>,
    /// The index once every step is taken.
    index: String,
}

/// The answer of `compute`.
#[derive(Debug, Serialize)]
pub struct ComputeResult {
    model: ModelRef,
    index: String,
    index_exact: String,
    predicate: String,
    complete: bool,
    assumed: Vec<u32>,
    aspects: Vec<Part>,
    domains: Vec<Part>,
    /// Every self-assessed indicator below 5 raised one level, largest gain first.
    suggestions: Vec<Step>,
    /// `null` in the highest band, or when no raise can reach the next one.
    next_predicate: Option<NextPredicate>,
}

/// `POST /api/v1/evaluation/models/{model}/compute`.
pub async fn compute(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(kode): ApiPath<String>,
    ApiJson(input): ApiJson<ComputeInput>,
) -> Result<Json<ComputeResult>, ApiError> {
    let model = st
        .evaluasi
        .get(&kode)
        .ok_or_else(|| model_tidak_dikenal(&st, &kode))?;
    let entri = input.levels.iter().map(|(k, v)| (k.clone(), teks_json(v)));
    let nilai = baca::baca(model, entri).map_err(|salah| {
        let mut f = FieldProblems::default();
        for (kunci, m) in salah {
            f.add(&format!("levels.{kunci}"), m);
        }
        ApiError::fields(f)
    })?;
    Ok(Json(hasil_json(model, &nilai)))
}

fn hasil_json(model: &Model, nilai: &BTreeMap<u32, evaluation::Nilai>) -> ComputeResult {
    let h: Hasil = evaluation::hitung(model, nilai);
    let langkah = |s: &evaluation::Saran<'_>| Step {
        indicator: s.nomor,
        name: s.nama.to_owned(),
        from: s.dari.get(),
        to: s.ke.get(),
        level_name: s.nama_level.to_owned(),
        gain: desimal_pas(&s.kenaikan, '.'),
        assumed: s.diasumsikan,
    };
    ComputeResult {
        model: ModelRef::of(model),
        index: h.indeks.desimal(),
        index_exact: pecahan_teks(&h.indeks),
        predicate: h.predikat.nama.clone(),
        complete: h.lengkap(),
        assumed: h.diasumsikan.clone(),
        aspects: h
            .aspek
            .iter()
            .filter_map(|b| {
                let a = model.aspek_kode(&b.kode)?;
                Some(part(b, &a.nama, a.domain.clone(), &a.bobot.pecahan()))
            })
            .collect(),
        domains: h
            .domain
            .iter()
            .filter_map(|b| {
                let d = model.domain_kode(&b.kode)?;
                Some(part(b, &d.nama, None, &d.bobot.pecahan()))
            })
            .collect(),
        suggestions: evaluation::saran(model, nilai)
            .iter()
            .map(langkah)
            .collect(),
        next_predicate: evaluation::langkah_ke_predikat(model, nilai).map(|l| NextPredicate {
            predicate: l.predikat.nama.clone(),
            min: l.predikat.min.desimal(),
            steps: l.langkah.iter().map(langkah).collect(),
            index: l.indeks.desimal(),
        }),
    }
}

fn part(b: &IndeksBagian, nama: &str, domain: Option<String>, bobot: &Pecahan) -> Part {
    Part {
        code: b.kode.clone(),
        name: nama.to_owned(),
        domain,
        weight: bobot.desimal(),
        index: b.indeks.desimal(),
        index_exact: pecahan_teks(&b.indeks),
    }
}
