//! API: staff and their roles.

use crate::extract::ApiPath;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use simpul_domain::access::{Action, Grant, Role};
use simpul_domain::ids::{GrantId, PdId, PegawaiId};
use simpul_domain::org::pegawai::PegawaiInput;
use simpul_domain::org::{NewPegawai, Pegawai};
use simpul_store::pegawai::{self, PegawaiFilter};
use simpul_store::peran::{self, StoredGrant};
use simpul_store::{StoreError, pd};
use time::OffsetDateTime;

use crate::api::org::bad_field;
use crate::api::{ApiJson, ApiQuery, Page};
use crate::auth::{ApiUser, User};
use crate::error::{ApiError, ErrorCode};
use crate::pages::pegawai::{Placement, placement};
use crate::state::AppState;

/// The caller and their roles.
#[derive(Debug, Serialize)]
pub struct Me {
    /// Who.
    pub pegawai: Pegawai,
    /// Roles held.
    pub peran: Vec<Grant>,
}

/// `GET /api/v1/saya`.
pub async fn me(ApiUser(user): ApiUser) -> Json<Me> {
    Json(Me {
        pegawai: user.pegawai,
        peran: user.grants,
    })
}

/// Filters of `GET /api/v1/pegawai`.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pd: Option<PdId>,
    q: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

async fn visible_pds(st: &AppState, user: &User, action: Action) -> Result<Vec<PdId>, ApiError> {
    let all = pd::list(
        &st.db,
        &pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    Ok(all
        .into_iter()
        .filter(|p| user.can_pd(action, p))
        .map(|p| p.id)
        .collect())
}

/// `GET /api/v1/pegawai`: only staff of PDs the caller may see.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Page<Pegawai>>, ApiError> {
    let visible = visible_pds(&st, &user, Action::LihatPegawai).await?;
    let pds = match q.pd {
        Some(id) if visible.contains(&id) => vec![id],
        Some(_) => return Err(ApiError::new(ErrorCode::Forbidden)),
        None => visible,
    };
    let (limit, offset) = crate::api::paging(q.limit, q.offset);
    let (items, total) = pegawai::list(
        &st.db,
        &PegawaiFilter {
            pds: Some(pds),
            q: q.q,
        },
        limit,
        offset,
    )
    .await?;
    Ok(Json(Page { items, total }))
}

async fn check(st: &AppState, user: &User, pd_id: PdId, action: Action) -> Result<(), ApiError> {
    let p = pd::get(&st.db, pd_id).await?;
    if user.can_pd(action, &p) {
        Ok(())
    } else {
        Err(ApiError::new(ErrorCode::Forbidden))
    }
}

/// `GET /api/v1/pegawai/{id}`.
pub async fn get(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PegawaiId>,
) -> Result<Json<Pegawai>, ApiError> {
    let p = pegawai::get(&st.db, id).await?;
    check(&st, &user, p.pd, Action::LihatPegawai).await?;
    Ok(Json(p))
}

/// Body of `POST /api/v1/pegawai`: the staff fields and an optional initial password.
#[derive(Debug, Deserialize)]
pub struct CreateBody {
    #[serde(flatten)]
    input: PegawaiInput,
    sandi: Option<String>,
}

fn parse(input: &PegawaiInput) -> Result<NewPegawai, ApiError> {
    NewPegawai::parse(input, OffsetDateTime::now_utc().date()).map_err(ApiError::fields)
}

async fn target_pd(st: &AppState, user: &User, pd_id: PdId) -> Result<(), ApiError> {
    match placement(st, user, pd_id).await? {
        Placement::Allowed => Ok(()),
        Placement::Forbidden => Err(ApiError::new(ErrorCode::Forbidden)),
        refused => {
            let mut f = simpul_domain::FieldProblems::default();
            f.add("pd", refused.problem());
            Err(ApiError::fields(f))
        }
    }
}

/// `POST /api/v1/pegawai`.
pub async fn create(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<CreateBody>,
) -> Result<(StatusCode, Json<Pegawai>), ApiError> {
    let new = parse(&body.input)?;
    target_pd(&st, &user, new.pd).await?;
    let hash = match body.sandi {
        Some(s) => {
            crate::auth::password::check_policy(&s, new.nip.as_str()).map_err(|m| {
                let mut f = simpul_domain::FieldProblems::default();
                f.add("sandi", m);
                ApiError::fields(f)
            })?;
            Some(
                tokio::task::spawn_blocking(move || crate::auth::password::hash(&s))
                    .await
                    .map_err(|_| ApiError::new(ErrorCode::Internal))?
                    .map_err(|_| ApiError::new(ErrorCode::Internal))?,
            )
        }
        None => None,
    };
    Ok((
        StatusCode::CREATED,
        Json(pegawai::create(&st.db, &user.actor(), &new, hash.as_deref()).await?),
    ))
}

/// `PUT /api/v1/pegawai/{id}`: the NIP in the body must be the person's own.
pub async fn update(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PegawaiId>,
    ApiJson(input): ApiJson<PegawaiInput>,
) -> Result<Json<Pegawai>, ApiError> {
    let current = pegawai::get(&st.db, id).await?;
    check(&st, &user, current.pd, Action::KelolaPegawai).await?;
    let new = parse(&input)?;
    if new.nip != current.nip {
        return Err(bad_field(
            "nip",
            "nip_tidak_bisa_diubah",
            "NIP tidak dapat diubah.",
        ));
    }
    target_pd(&st, &user, new.pd).await?;
    Ok(Json(
        pegawai::update(&st.db, &user.actor(), id, &new).await?,
    ))
}

/// `GET /api/v1/pegawai/{id}/peran`.
pub async fn grants(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PegawaiId>,
) -> Result<Json<Vec<StoredGrant>>, ApiError> {
    let p = pegawai::get(&st.db, id).await?;
    check(&st, &user, p.pd, Action::LihatPegawai).await?;
    Ok(Json(peran::of(&st.db, id).await?))
}

/// Body of a grant.
#[derive(Debug, Deserialize)]
pub struct GrantBody {
    peran: String,
    pd: PdId,
}

/// `POST /api/v1/pegawai/{id}/peran`.
pub async fn grant(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<PegawaiId>,
    ApiJson(b): ApiJson<GrantBody>,
) -> Result<(StatusCode, Json<StoredGrant>), ApiError> {
    let role = Role::parse(&b.peran).map_err(|m| {
        let mut f = simpul_domain::FieldProblems::default();
        f.add("peran", m);
        ApiError::fields(f)
    })?;
    pegawai::get(&st.db, id).await?;
    match check(&st, &user, b.pd, Action::KelolaPeran(role)).await {
        Err(e) if e.error == ErrorCode::NotFound => {
            return Err(bad_field("pd", "pd_tidak_dikenal", "PD tidak dikenal."));
        }
        other => other?,
    }
    let g = peran::grant(&st.db, &user.actor(), id, Grant { role, pd: b.pd }).await?;
    Ok((StatusCode::CREATED, Json(g)))
}

/// `DELETE /api/v1/peran/{id}`.
pub async fn revoke(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<GrantId>,
) -> Result<StatusCode, ApiError> {
    let g = match peran::get(&st.db, id).await {
        Ok(g) => g,
        Err(StoreError::NotFound) => return Err(ApiError::new(ErrorCode::NotFound)),
        Err(e) => return Err(e.into()),
    };
    check(&st, &user, g.grant.pd, Action::KelolaPeran(g.grant.role)).await?;
    peran::revoke(&st.db, &user.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}
