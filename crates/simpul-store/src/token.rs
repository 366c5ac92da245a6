//! API tokens for machine clients. Only the SHA-256 of a token is stored.

use serde_json::json;
use simpul_domain::ids::{PegawaiId, TokenId};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// Store a new token for `pegawai` under `nama`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    pegawai: PegawaiId,
    nama: &str,
    token_hash: &str,
) -> Result<TokenId, StoreError> {
    let id = TokenId(Uuid::now_v7());
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO api_token (id, pegawai, nama, token_hash, dibuat) VALUES ($1, $2, $3, $4, $5)"
    ).bind(id.0).bind(pegawai.0).bind(nama).bind(token_hash).bind(time_text::now()).execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "token.dibuat",
            entity: "api_token",
            entity_id: id.to_string(),
            pd: None,
            detail: json!({"pegawai": pegawai.to_string(), "nama": nama}),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The owner of a live (not revoked) token with this hash; records its use.
pub async fn authenticate(db: &Db, token_hash: &str) -> Result<Option<PegawaiId>, StoreError> {
    let row: Option<(Uuid,)> = on_db!(db, p => sqlx::query_as(
        "UPDATE api_token SET terakhir_dipakai = $2 WHERE token_hash = $1 AND dicabut IS NULL RETURNING pegawai"
    ).bind(token_hash).bind(time_text::now()).fetch_optional(p).await)?;
    Ok(row.map(|(p,)| PegawaiId(p)))
}

/// Revoke a token.
pub async fn revoke(db: &Db, actor: &Actor, id: TokenId) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query("UPDATE api_token SET dicabut = $2 WHERE id = $1 AND dicabut IS NULL")
        .bind(id.0).bind(time_text::now()).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "token.dicabut",
            entity: "api_token",
            entity_id: id.to_string(),
            pd: None,
            detail: json!({}),
        },
    )
    .await?;
    tx.commit().await
}
