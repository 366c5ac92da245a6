//! API: evaluation periods and their workflow under `/api/v1/evaluation/periods`, with
//! the same rules as the pages (the actions are shared with them): 403 `forbidden` with
//! the domain's code under `fields.alur` (e.g. `di_luar_tim_asesor`) for who may not,
//! 422 `validation_failed` per field for what is not valid, 409 `conflict` for a
//! duplicate, nothing stored on any refusal.

use axum::extract::{FromRequest, Multipart, Path, Request, State};
use axum::http::{StatusCode, header};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::Value;
use simpul_domain::FieldProblems;
use simpul_domain::ids::{BuktiDukungId, PeriodeEvaluasiId};
use simpul_store::evaluasi::bukti::{self as store, Lampiran};

use crate::api::ApiJson;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::pages::evaluasi::periode::aksi_indikator::{self as ai, IsianMasuk, SumberBukti};
use crate::pages::evaluasi::periode::data::{self, IndikatorData, Rinci, Ringkas};
use crate::pages::evaluasi::periode::muat::{Muatan, muat};
use crate::pages::evaluasi::periode::tolak::Tolak;
use crate::pages::evaluasi::periode::{aksi, bukti as halaman_bukti, daftar};
use crate::state::AppState;
use crate::upload;

pub mod skema;

/// Routes of this module.
pub fn routes() -> Router<AppState> {
    let p = "/evaluation/periods/{id}";
    let i = "/evaluation/periods/{id}/indicators/{nomor}";
    Router::new()
        .route("/evaluation/periods", get(list).post(create))
        .route(p, get(detail))
        .route(&format!("{p}/submit"), post(submit))
        .route(&format!("{p}/approve"), post(approve))
        .route(&format!("{p}/target"), put(target))
        .route(&format!("{p}/national"), put(national))
        .route(&format!("{p}/assessors/{{pegawai}}"), put(assessors))
        .route(&format!("{p}/evidence/{{lampiran}}/review"), post(review))
        .route(i, put(self_assess))
        .route(&format!("{i}/pds"), put(pds))
        .route(
            &format!("{i}/evidence"),
            post(evidence).layer(axum::extract::DefaultBodyLimit::max(upload::BODY_LIMIT)),
        )
        .route(&format!("{i}/consolidate"), post(consolidate))
        .route(&format!("{i}/reopen"), post(reopen))
        .route("/evaluation/evidence/{id}/file", get(download))
}

fn tidak_ada() -> ApiError {
    ApiError::new(ErrorCode::NotFound)
}

async fn muat_api(st: &AppState, raw: &str) -> Result<Muatan, ApiError> {
    let id: PeriodeEvaluasiId = raw.parse().map_err(|_| tidak_ada())?;
    Ok(muat(st, id).await?)
}

async fn muat_dua(st: &AppState, id: &str, n: &str) -> Result<(Muatan, u32), ApiError> {
    let m = muat_api(st, id).await?;
    let n: u32 = n.parse().map_err(|_| tidak_ada())?;
    m.ind(n).ok_or_else(tidak_ada)?;
    Ok((m, n))
}

/// The period as it is now (after a change).
async fn rinci(st: &AppState, id: PeriodeEvaluasiId) -> Result<Json<Rinci>, ApiError> {
    Ok(Json(data::rinci(&muat(st, id).await?)))
}

/// One indicator as it is now.
async fn satu(
    st: &AppState,
    id: PeriodeEvaluasiId,
    n: u32,
) -> Result<Json<IndikatorData>, ApiError> {
    data::rinci(&muat(st, id).await?)
        .indikator
        .into_iter()
        .find(|i| i.nomor == n)
        .map(Json)
        .ok_or_else(tidak_ada)
}

/// A number or a string as the text a form would send.
fn teks(v: &Option<Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// `GET /api/v1/evaluation/periods`: every period with its index so far and progress.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<Ringkas>>, ApiError> {
    Ok(Json(daftar::semua(&st).await?))
}

/// `{"tahun": 2026, "model": "pemdi-2026"}`.
#[derive(Debug, Deserialize)]
pub struct BukaBody {
    #[serde(default)]
    tahun: Option<Value>,
    #[serde(default)]
    model: String,
}

/// `POST /api/v1/evaluation/periods` (coordinator).
pub async fn create(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(b): ApiJson<BukaBody>,
) -> Result<(StatusCode, Json<Rinci>), ApiError> {
    let p = aksi::buka(&st, &user, &teks(&b.tahun), &b.model).await?;
    Ok((StatusCode::CREATED, rinci(&st, p.id).await?))
}

/// `GET /api/v1/evaluation/periods/{id}`: indicators, PDs, evidence, verdicts, index.
pub async fn detail(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<PeriodeEvaluasiId>,
) -> Result<Json<Rinci>, ApiError> {
    rinci(&st, id).await
}

/// `POST /api/v1/evaluation/periods/{id}/submit` (coordinator).
pub async fn submit(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Rinci>, ApiError> {
    let m = muat_api(&st, &id).await?;
    aksi::ajukan(&st, &user, &m).await?;
    rinci(&st, m.periode.id).await
}

/// `POST /api/v1/evaluation/periods/{id}/approve` (coordinator): fixes the final levels.
pub async fn approve(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> Result<Json<Rinci>, ApiError> {
    let m = muat_api(&st, &id).await?;
    aksi::setujui(&st, &user, &m).await?;
    rinci(&st, m.periode.id).await
}

/// `{"target": "3.50"}` (null or empty clears it).
#[derive(Debug, Deserialize)]
pub struct TargetBody {
    #[serde(default)]
    target: Option<Value>,
}

/// `PUT /api/v1/evaluation/periods/{id}/target` (coordinator).
pub async fn target(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TargetBody>,
) -> Result<Json<Rinci>, ApiError> {
    let m = muat_api(&st, &id).await?;
    aksi::set_target(&st, &user, &m, &teks(&b.target)).await?;
    rinci(&st, m.periode.id).await
}

/// `{"nilai": {"11": 3, "5": "3.45", "12": null}}`.
#[derive(Debug, Deserialize)]
pub struct NasionalBody {
    #[serde(default)]
    nilai: std::collections::BTreeMap<String, Value>,
}

/// `PUT /api/v1/evaluation/periods/{id}/national` (coordinator, after approval).
pub async fn national(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<NasionalBody>,
) -> Result<Json<Rinci>, ApiError> {
    let m = muat_api(&st, &id).await?;
    let mut masukan = Vec::new();
    let mut salah = FieldProblems::default();
    for (k, v) in &b.nilai {
        match k.parse::<u32>() {
            Ok(n) => masukan.push((n, teks(&Some(v.clone())))),
            Err(_) => salah.add(
                "nilai",
                simpul_domain::Masalahs::one(
                    "indikator_tidak_dikenal",
                    format!("\"{k}\" bukan nomor indikator."),
                ),
            ),
        }
    }
    if !salah.is_empty() {
        return Err(ApiError::from(Tolak::TidakValid(salah)));
    }
    aksi::set_nasional(&st, &user, &m, &masukan).await?;
    rinci(&st, m.periode.id).await
}

/// `{"pd": ["<PD id>", ...]}`.
#[derive(Debug, Deserialize)]
pub struct TimBody {
    #[serde(default)]
    pd: Vec<String>,
}

/// `PUT /api/v1/evaluation/periods/{id}/assessors/{pegawai}` (coordinator): the PDs
/// this assessor reviews.
pub async fn assessors(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, pegawai)): Path<(String, String)>,
    ApiJson(b): ApiJson<TimBody>,
) -> Result<Json<Rinci>, ApiError> {
    let m = muat_api(&st, &id).await?;
    aksi::set_tim(&st, &user, &m, &pegawai, &b.pd).await?;
    rinci(&st, m.periode.id).await
}

/// One responsible PD.
#[derive(Debug, Deserialize)]
pub struct PjBody {
    pd: String,
    #[serde(default)]
    utama: bool,
}

/// `{"pd": [{"pd": "<id>", "utama": true}, ...]}`.
#[derive(Debug, Deserialize)]
pub struct PjsBody {
    #[serde(default)]
    pd: Vec<PjBody>,
}

/// `PUT /api/v1/evaluation/periods/{id}/indicators/{nomor}/pds` (coordinator).
pub async fn pds(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, n)): Path<(String, String)>,
    ApiJson(b): ApiJson<PjsBody>,
) -> Result<Json<IndikatorData>, ApiError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let pilihan: Vec<(String, bool)> = b.pd.into_iter().map(|p| (p.pd, p.utama)).collect();
    aksi::set_pj(&st, &user, &m, n, &pilihan).await?;
    satu(&st, m.periode.id, n).await
}

/// The self-assessment: `level`, `justifikasi`, `nama_layanan`; or for an external
/// indicator `nilai`, `sumber`, `tanggal`.
#[derive(Debug, Deserialize)]
pub struct IsiBody {
    #[serde(default)]
    level: Option<Value>,
    #[serde(default)]
    justifikasi: Option<String>,
    #[serde(default)]
    nama_layanan: Option<String>,
    #[serde(default)]
    nilai: Option<Value>,
    #[serde(default)]
    sumber: Option<String>,
    #[serde(default)]
    tanggal: Option<String>,
}

/// `PUT /api/v1/evaluation/periods/{id}/indicators/{nomor}`: the self-assessment.
pub async fn self_assess(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, n)): Path<(String, String)>,
    ApiJson(b): ApiJson<IsiBody>,
) -> Result<Json<IndikatorData>, ApiError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let masuk = IsianMasuk {
        level: teks(&b.level),
        justifikasi: b.justifikasi.unwrap_or_default(),
        nama_layanan: b.nama_layanan.unwrap_or_default(),
        nilai: teks(&b.nilai),
        sumber: b.sumber.unwrap_or_default(),
        tanggal: b.tanggal.unwrap_or_default(),
    };
    ai::isi(&st, &user, &m, n, &masuk).await?;
    satu(&st, m.periode.id, n).await
}

/// A link, a reference or a reused item: `level` and either `bukti` (reuse) or `jenis`
/// (`tautan`, `registri`, `perencanaan`) with `judul`, `url`, `rujukan`.
#[derive(Debug, Deserialize)]
pub struct BuktiBody {
    #[serde(default)]
    level: Option<Value>,
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    judul: String,
    #[serde(default)]
    url: String,
    #[serde(default)]
    rujukan: String,
    #[serde(default)]
    bukti: Option<String>,
}

/// `POST /api/v1/evaluation/periods/{id}/indicators/{nomor}/evidence`: JSON for a link,
/// a reference or reuse; multipart (`level`, `judul`, `berkas`) for a file.
pub async fn evidence(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, n)): Path<(String, String)>,
    req: Request,
) -> Result<(StatusCode, Json<Lampiran>), ApiError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    let multipart = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    let id = if multipart {
        let mut form = upload::read_form(Multipart::from_request(req, &st).await).await?;
        if form.text("jenis").is_empty() {
            form.fields.insert("jenis".into(), "berkas".into());
        }
        let sumber = halaman_bukti::sumber(&form);
        let r = ai::siap_lampirkan(&st, &user, &m, n, form.text("level"), &sumber).await?;
        let mut problems = FieldProblems::default();
        let file = if r.butuh_berkas() {
            upload::accept_file(&st, &mut form, &mut problems).await?
        } else {
            None
        };
        if !problems.is_empty() {
            return Err(ApiError::fields(problems));
        }
        ai::lampirkan(&st, &user, &m, &r, file.as_ref()).await?
    } else {
        let ApiJson(b) = ApiJson::<BuktiBody>::from_request(req, &st).await?;
        let sumber = match b.bukti {
            Some(id) => SumberBukti::Pakai(id),
            None => SumberBukti::Baru {
                jenis: b.jenis,
                judul: b.judul,
                url: b.url,
                rujukan: b.rujukan,
            },
        };
        let r = ai::siap_lampirkan(&st, &user, &m, n, &teks(&b.level), &sumber).await?;
        if r.butuh_berkas() {
            let mut f = FieldProblems::default();
            f.add(
                upload::FILE_FIELD,
                simpul_domain::Masalahs::one(
                    "berkas_wajib",
                    "Berkas dikirim sebagai multipart/form-data di kolom berkas.",
                ),
            );
            return Err(ApiError::fields(f));
        }
        ai::lampirkan(&st, &user, &m, &r, None).await?
    };
    Ok((
        StatusCode::CREATED,
        Json(store::lampiran_get(&st.db, id).await?),
    ))
}

/// `{"status": "diterima" | "revisi", "komentar": "..."}`.
#[derive(Debug, Deserialize)]
pub struct NilaiBody {
    #[serde(default)]
    status: String,
    #[serde(default)]
    komentar: Option<String>,
}

/// `POST /api/v1/evaluation/periods/{id}/evidence/{lampiran}/review` (an assessor of the
/// lead PD's team).
pub async fn review(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, lampiran)): Path<(String, String)>,
    ApiJson(b): ApiJson<NilaiBody>,
) -> Result<Json<Lampiran>, ApiError> {
    let m = muat_api(&st, &id).await?;
    let komentar = b.komentar.unwrap_or_default();
    ai::nilai(&st, &user, &m, &lampiran, &b.status, &komentar).await?;
    let id = lampiran.parse().map_err(|_| tidak_ada())?;
    Ok(Json(store::lampiran_get(&st.db, id).await?))
}

/// `POST /api/v1/evaluation/periods/{id}/indicators/{nomor}/consolidate` (lead PD's
/// admin).
pub async fn consolidate(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Json<IndikatorData>, ApiError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    ai::konsolidasi(&st, &user, &m, n).await?;
    satu(&st, m.periode.id, n).await
}

/// `POST /api/v1/evaluation/periods/{id}/indicators/{nomor}/reopen` (lead PD's admin).
pub async fn reopen(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, n)): Path<(String, String)>,
) -> Result<Json<IndikatorData>, ApiError> {
    let (m, n) = muat_dua(&st, &id, &n).await?;
    ai::buka_kembali(&st, &user, &m, n).await?;
    satu(&st, m.periode.id, n).await
}

/// `GET /api/v1/evaluation/evidence/{id}/file`: a file evidence item.
pub async fn download(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<BuktiDukungId>,
) -> Result<Response, ApiError> {
    let b = store::get(&st.db, id).await?;
    let berkas = b.berkas.ok_or_else(tidak_ada)?;
    Ok(upload::file_response(&st, &berkas, false).await?)
}
