//! API: the region, its PDs and the coordination team.

use crate::extract::ApiPath;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use simpul_domain::access::{Action, Target};
use simpul_domain::ids::PdId;
use simpul_domain::org::pd::PdInput;
use simpul_domain::org::{AnggotaTim, JenisPd, NewPd, PerangkatDaerah, Region};
use simpul_store::pd::{self, PdFilter};
use simpul_store::{region as region_store, tim};

use crate::api::{ApiJson, ApiQuery};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// `GET /api/v1/wilayah`.
pub async fn region(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Region>, ApiError> {
    region_store::get(&st.db)
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound))
}

/// Filters of `GET /api/v1/pd`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    jenis: Option<String>,
    q: Option<String>,
    #[serde(default)]
    arsip: bool,
}

/// `GET /api/v1/pd`.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Vec<PerangkatDaerah>>, ApiError> {
    if !user.can(Action::LihatPd, Target::Region) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let jenis = match q.jenis.as_deref() {
        None | Some("") => None,
        Some(j) => Some(JenisPd::from_code(j).ok_or_else(|| {
            bad_field("jenis", "jenis_pd_tidak_dikenal", "Jenis PD tidak dikenal.")
        })?),
    };
    Ok(Json(
        pd::list(
            &st.db,
            &PdFilter {
                jenis,
                q: q.q,
                termasuk_arsip: q.arsip,
            },
        )
        .await?,
    ))
}

/// `GET /api/v1/pd/{id}`.
pub async fn get(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PdId>,
) -> Result<Json<PerangkatDaerah>, ApiError> {
    let p = pd::get(&st.db, id).await?;
    if !user.can_pd(Action::LihatPd, &p) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    Ok(Json(p))
}

/// `POST /api/v1/pd`.
pub async fn create(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(input): ApiJson<PdInput>,
) -> Result<(StatusCode, Json<PerangkatDaerah>), ApiError> {
    if !user.can(Action::KelolaPd, Target::Region) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let new = NewPd::parse(&input).map_err(ApiError::fields)?;
    Ok((
        StatusCode::CREATED,
        Json(pd::create(&st.db, &user.actor(), &new, false).await?),
    ))
}

/// `PUT /api/v1/pd/{id}`.
pub async fn update(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PdId>,
    ApiJson(input): ApiJson<PdInput>,
) -> Result<Json<PerangkatDaerah>, ApiError> {
    let p = pd::get(&st.db, id).await?;
    if !user.can_pd(Action::KelolaPd, &p) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let new = NewPd::parse(&input).map_err(ApiError::fields)?;
    Ok(Json(pd::update(&st.db, &user.actor(), id, &new).await?))
}

/// A team member with the person's name.
#[derive(Debug, Serialize)]
pub struct TeamMember {
    /// Membership.
    #[serde(flatten)]
    pub anggota: AnggotaTim,
    /// Name.
    pub nama: String,
    /// NIP.
    pub nip: String,
}

/// `GET /api/v1/tim-koordinasi`.
pub async fn team(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
) -> Result<Json<Vec<TeamMember>>, ApiError> {
    if !user.can(Action::LihatTimKoordinasi, Target::Region) {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let mut out = Vec::new();
    for a in tim::list(&st.db).await? {
        let p = simpul_store::pegawai::get(&st.db, a.pegawai).await?;
        out.push(TeamMember {
            anggota: a,
            nama: p.nama,
            nip: p.nip.as_str().to_owned(),
        });
    }
    Ok(Json(out))
}

/// A validation error on one field.
pub fn bad_field(field: &str, kode: &'static str, pesan: &str) -> ApiError {
    let mut f = simpul_domain::FieldProblems::default();
    f.add(field, simpul_domain::Masalahs::one(kode, pesan));
    ApiError::fields(f)
}
