//! Roles granted to staff, per PD.

use serde_json::json;
use simpul_domain::access::{Grant, Role};
use simpul_domain::ids::{GrantId, PdId, PegawaiId};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A stored grant.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredGrant {
    /// Id.
    pub id: GrantId,
    /// Holder.
    pub pegawai: PegawaiId,
    /// The role and its PD.
    #[serde(flatten)]
    pub grant: Grant,
}

type Row = (Uuid, Uuid, String, Uuid);

fn to_grant((id, pegawai, role, pd): Row) -> Result<StoredGrant, StoreError> {
    let role = Role::parse(&role).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Ok(StoredGrant {
        id: GrantId(id),
        pegawai: PegawaiId(pegawai),
        grant: Grant { role, pd: PdId(pd) },
    })
}

/// The grants one staff member holds.
pub async fn of(db: &Db, pegawai: PegawaiId) -> Result<Vec<StoredGrant>, StoreError> {
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT id, pegawai, role, pd FROM peran WHERE pegawai = $1 ORDER BY role"
    ).bind(pegawai.0).fetch_all(p).await)?;
    rows.into_iter().map(to_grant).collect()
}

/// Every grant held by anyone, optionally only those in one PD.
pub async fn all(db: &Db, pd: Option<PdId>) -> Result<Vec<StoredGrant>, StoreError> {
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT id, pegawai, role, pd FROM peran WHERE ($1 IS NULL OR pd = $1) ORDER BY role"
    ).bind(pd.map(|p| p.0)).fetch_all(p).await)?;
    rows.into_iter().map(to_grant).collect()
}

/// Grant `role` in `pd`. Granting what is already held is `Conflict("peran")`.
pub async fn grant(
    db: &Db,
    actor: &Actor,
    pegawai: PegawaiId,
    g: Grant,
) -> Result<StoredGrant, StoreError> {
    let id = GrantId(Uuid::now_v7());
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO peran (id, pegawai, role, pd, dibuat) VALUES ($1, $2, $3, $4, $5)"
    ).bind(id.0).bind(pegawai.0).bind(g.role.code()).bind(g.pd.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "peran.diberikan",
            entity: "pegawai",
            entity_id: pegawai.to_string(),
            pd: Some(g.pd.to_string()),
            detail: json!({"peran": g.role.code(), "pd": g.pd.to_string()}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(StoredGrant {
        id,
        pegawai,
        grant: g,
    })
}

/// Look up one grant.
pub async fn get(db: &Db, id: GrantId) -> Result<StoredGrant, StoreError> {
    let row: Row = on_db!(db, p => sqlx::query_as("SELECT id, pegawai, role, pd FROM peran WHERE id = $1")
        .bind(id.0).fetch_one(p).await)?;
    to_grant(row)
}

/// Revoke a grant.
pub async fn revoke(db: &Db, actor: &Actor, id: GrantId) -> Result<(), StoreError> {
    let g = get(db, id).await?;
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query("DELETE FROM peran WHERE id = $1").bind(id.0).execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "peran.dicabut",
            entity: "pegawai",
            entity_id: g.pegawai.to_string(),
            pd: Some(g.grant.pd.to_string()),
            detail: json!({"peran": g.grant.role.code(), "pd": g.grant.pd.to_string()}),
        },
    )
    .await?;
    tx.commit().await
}

/// How many people hold each role.
pub async fn count_by_role(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(on_db!(db, p => sqlx::query_as(
        "SELECT role, COUNT(DISTINCT pegawai) FROM peran GROUP BY role ORDER BY role"
    ).fetch_all(p).await)?)
}
