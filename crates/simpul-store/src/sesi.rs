//! Server-side login sessions. Only a hash of the session token is stored, so a copy of
//! the database does not let anyone take over a session.

use simpul_domain::ids::PegawaiId;
use uuid::Uuid;

use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_db, on_db};

/// A live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sesi {
    /// Who is logged in.
    pub pegawai: PegawaiId,
    /// The synchroniser token every unsafe request must carry.
    pub csrf: String,
    /// Last activity, as stored timestamp text.
    pub terakhir: String,
}

/// Store a new session.
pub async fn create(
    db: &Db,
    token_hash: &str,
    pegawai: PegawaiId,
    csrf: &str,
    now: &str,
) -> Result<(), StoreError> {
    exec_db!(db, p => sqlx::query(
        "INSERT INTO sesi (token_hash, pegawai, csrf, dibuat, terakhir) VALUES ($1, $2, $3, $4, $4)"
    ).bind(token_hash).bind(pegawai.0).bind(csrf).bind(now).execute(p).await)?;
    Ok(())
}

/// The session with this token hash, if any.
pub async fn get(db: &Db, token_hash: &str) -> Result<Option<Sesi>, StoreError> {
    let row: Option<(Uuid, String, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT pegawai, csrf, terakhir FROM sesi WHERE token_hash = $1"
    ).bind(token_hash).fetch_optional(p).await)?;
    Ok(row.map(|(pegawai, csrf, terakhir)| Sesi {
        pegawai: PegawaiId(pegawai),
        csrf,
        terakhir,
    }))
}

/// Record activity.
pub async fn touch(db: &Db, token_hash: &str, now: &str) -> Result<(), StoreError> {
    exec_db!(db, p => sqlx::query("UPDATE sesi SET terakhir = $2 WHERE token_hash = $1")
        .bind(token_hash).bind(now).execute(p).await)?;
    Ok(())
}

/// End a session.
pub async fn delete(db: &Db, token_hash: &str) -> Result<(), StoreError> {
    exec_db!(db, p => sqlx::query("DELETE FROM sesi WHERE token_hash = $1").bind(token_hash).execute(p).await)?;
    Ok(())
}

/// End every session idle since before `cutoff`; returns how many.
pub async fn delete_idle(db: &Db, cutoff: &str) -> Result<u64, StoreError> {
    Ok(
        exec_db!(db, p => sqlx::query("DELETE FROM sesi WHERE terakhir < $1").bind(cutoff).execute(p).await)?,
    )
}
