//! API: the audit trail.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use simpul_domain::audit::AuditEntry;
use simpul_store::audit::{self, AuditFilter};

use crate::api::{ApiQuery, Page};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// Filters of `GET /api/v1/jejak-audit` (timestamps as RFC 3339 UTC text).
#[derive(Debug, Deserialize)]
pub struct TrailQuery {
    entitas: Option<String>,
    entitas_id: Option<String>,
    pelaku: Option<String>,
    dari: Option<String>,
    sampai: Option<String>,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /api/v1/jejak-audit`, newest first.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiQuery(q): ApiQuery<TrailQuery>,
) -> Result<Json<Page<AuditEntry>>, ApiError> {
    let pds = crate::pages::audit::scope(&st, &user)
        .await
        .map_err(|_| ApiError::new(ErrorCode::Internal))?;
    let Some(pds) = pds else {
        return Err(ApiError::new(ErrorCode::Forbidden));
    };
    for (field, v) in [("dari", &q.dari), ("sampai", &q.sampai)] {
        if let Some(v) = v
            && simpul_store::time_text::parse(v).is_none()
        {
            return Err(crate::api::org::bad_field(
                field,
                "waktu_tidak_valid",
                "Gunakan format waktu RFC 3339, mis. 2026-11-22T00:00:00Z.",
            ));
        }
    }
    let normalise = |v: Option<String>| {
        v.and_then(|s| simpul_store::time_text::parse(&s))
            .map(simpul_store::time_text::format)
    };
    let filter = AuditFilter {
        entity: q.entitas,
        entity_id: q.entitas_id,
        actor: q.pelaku,
        pds,
        from: normalise(q.dari),
        until: normalise(q.sampai),
    };
    let (limit, offset) = crate::api::paging(q.limit, q.offset);
    let page = audit::list(&st.db, &filter, limit, offset).await?;
    Ok(Json(Page {
        items: page.entries,
        total: page.total,
    }))
}
