//! The Dinas' reviews and other decisions on services and grants: who, when, what, why.

use serde::Serialize;
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// One decision.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Tinjauan {
    /// Id.
    pub id: Uuid,
    /// `layanan` or `izin`.
    pub objek: String,
    /// The service or grant.
    pub objek_id: Uuid,
    /// `setujui`, `tolak`, `nonaktifkan`, `aktifkan`, `cabut`.
    pub putusan: String,
    /// Why.
    pub catatan: Option<String>,
    /// NIP of the decider, or `sistem`.
    pub oleh: String,
    /// When (UTC, RFC 3339).
    pub pada: String,
}

/// Record a decision inside `tx`.
pub(crate) async fn catat(
    tx: &mut Tx,
    oleh: &str,
    objek: &str,
    objek_id: Uuid,
    putusan: &str,
    catatan: Option<&str>,
) -> Result<(), StoreError> {
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO bus_tinjauan (id, objek, objek_id, putusan, catatan, oleh, pada)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(Uuid::now_v7()).bind(objek).bind(objek_id).bind(putusan).bind(catatan)
     .bind(oleh).bind(time_text::now()).execute(&mut *c).await)?;
    Ok(())
}

/// Decisions on one service or grant, newest first.
pub async fn of(db: &Db, objek: &str, objek_id: Uuid) -> Result<Vec<Tinjauan>, StoreError> {
    Ok(on_db!(db, p => sqlx::query_as(
        "SELECT id, objek, objek_id, putusan, catatan, oleh, pada FROM bus_tinjauan
         WHERE objek = $1 AND objek_id = $2 ORDER BY pada DESC, id DESC"
    ).bind(objek).bind(objek_id).fetch_all(p).await)?)
}
