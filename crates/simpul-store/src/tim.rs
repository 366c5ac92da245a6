//! Membership of the Tim Koordinasi SPBE.

use serde_json::json;
use simpul_domain::ids::{AnggotaTimId, PegawaiId};
use simpul_domain::org::{AnggotaTim, Bidang, Kedudukan};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db};

type Row = (Uuid, Uuid, String, String);

fn to_anggota((id, pegawai, kedudukan, bidang): Row) -> Result<AnggotaTim, StoreError> {
    let corrupt = || StoreError::Corrupt(format!("tim_koordinasi {kedudukan:?}/{bidang:?}"));
    Ok(AnggotaTim {
        id: AnggotaTimId(id),
        pegawai: PegawaiId(pegawai),
        kedudukan: Kedudukan::from_code(&kedudukan).ok_or_else(corrupt)?,
        bidang: if bidang.is_empty() {
            None
        } else {
            Some(Bidang::from_code(&bidang).ok_or_else(corrupt)?)
        },
    })
}

/// Every membership.
pub async fn list(db: &Db) -> Result<Vec<AnggotaTim>, StoreError> {
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT id, pegawai, kedudukan, bidang FROM tim_koordinasi"
    ).fetch_all(p).await)?;
    let mut v = rows
        .into_iter()
        .map(to_anggota)
        .collect::<Result<Vec<_>, _>>()?;
    v.sort_by_key(|a| (a.kedudukan, a.bidang));
    Ok(v)
}

/// Add a member. The same person in the same position and field twice is `Conflict`.
pub async fn add(
    db: &Db,
    actor: &Actor,
    pegawai: PegawaiId,
    kedudukan: Kedudukan,
    bidang: Option<Bidang>,
) -> Result<AnggotaTim, StoreError> {
    let id = AnggotaTimId(Uuid::now_v7());
    let bidang_code = bidang.map_or("", Bidang::code);
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO tim_koordinasi (id, pegawai, kedudukan, bidang) VALUES ($1, $2, $3, $4)"
    ).bind(id.0).bind(pegawai.0).bind(kedudukan.code()).bind(bidang_code).execute(&mut *c).await)?;
    audit::append(&mut tx, actor, Change {
        action: "tim.anggota_ditambah",
        entity: "tim_koordinasi",
        entity_id: id.to_string(),
        pd: None,
        detail: json!({"pegawai": pegawai.to_string(), "kedudukan": kedudukan.code(), "bidang": bidang_code}),
    }).await?;
    tx.commit().await?;
    Ok(AnggotaTim {
        id,
        pegawai,
        kedudukan,
        bidang,
    })
}

/// Remove a member.
pub async fn remove(db: &Db, actor: &Actor, id: AnggotaTimId) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query("DELETE FROM tim_koordinasi WHERE id = $1")
        .bind(id.0).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "tim.anggota_dihapus",
            entity: "tim_koordinasi",
            entity_id: id.to_string(),
            pd: None,
            detail: json!({}),
        },
    )
    .await?;
    tx.commit().await
}
