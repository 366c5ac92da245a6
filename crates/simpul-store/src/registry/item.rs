//! Registry records: create, read, change, archive, list and count.

use serde_json::json;
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::registry::{Domain, Item, Jenis, NewItem};
use uuid::Uuid;

pub use super::ItemFilter;
use super::{Arg, COLUMNS, ItemRow, bind_args, filter_sql};
use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// One record by id.
pub async fn get(db: &Db, id: ItemId) -> Result<Item, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM arsitektur a WHERE a.id = $1");
    let row: ItemRow = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    row.into_item()
}

/// One record by kind and code (exact).
pub async fn by_kode(db: &Db, jenis: Jenis, kode: &str) -> Result<Item, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM arsitektur a WHERE a.jenis = $1 AND a.kode = $2");
    let row: ItemRow = on_db!(db, p => sqlx::query_as(&sql)
        .bind(jenis.code()).bind(kode).fetch_one(p).await)?;
    row.into_item()
}

/// Create a record. A code taken within the kind is `Conflict("kode")`; an unknown owner
/// PD `MissingReference`.
pub async fn create(db: &Db, actor: &Actor, new: &NewItem) -> Result<Item, StoreError> {
    let id = ItemId(Uuid::now_v7());
    let now = time_text::now();
    let atribut = atribut_json(new)?;
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO arsitektur (id, jenis, domain, kode, nama, deskripsi, pd, status, atribut, diarsipkan, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, FALSE, $10, $10)"
    ).bind(id.0).bind(new.jenis.code()).bind(new.jenis.domain().code()).bind(&new.kode)
     .bind(&new.nama).bind(&new.deskripsi).bind(new.pd.map(|p| p.0)).bind(&new.status)
     .bind(&atribut).bind(&now)
     .execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        change("arsitektur.dibuat", id, new.pd, detail(new)),
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Replace a record's fields. The kind cannot change: a different `new.jenis` is refused
/// as `Conflict("jenis")`.
pub async fn update(db: &Db, actor: &Actor, id: ItemId, new: &NewItem) -> Result<Item, StoreError> {
    let atribut = atribut_json(new)?;
    let mut tx = db.begin().await?;
    let stored: Option<(String,)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT jenis FROM arsitektur WHERE id = $1"
    ).bind(id.0).fetch_optional(&mut *c).await)?;
    match stored {
        None => return Err(StoreError::NotFound),
        Some((j,)) if j != new.jenis.code() => return Err(StoreError::Conflict("jenis")),
        Some(_) => {}
    }
    exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE arsitektur SET kode = $2, nama = $3, deskripsi = $4, pd = $5, status = $6,
                atribut = $7, diubah = $8
         WHERE id = $1"
    ).bind(id.0).bind(&new.kode).bind(&new.nama).bind(&new.deskripsi)
     .bind(new.pd.map(|p| p.0)).bind(&new.status).bind(&atribut).bind(time_text::now())
     .execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        change("arsitektur.diubah", id, new.pd, detail(new)),
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Archive or restore a record. Archived records keep their relations but no new
/// relation may point to them.
pub async fn set_archived(
    db: &Db,
    actor: &Actor,
    id: ItemId,
    archived: bool,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let owner: Option<(Option<Uuid>,)> = on_tx!(&mut tx, c => sqlx::query_as(
        "UPDATE arsitektur SET diarsipkan = $2, diubah = $3 WHERE id = $1 RETURNING pd"
    ).bind(id.0).bind(archived).bind(time_text::now()).fetch_optional(&mut *c).await)?;
    let Some((pd,)) = owner else {
        return Err(StoreError::NotFound);
    };
    let action = if archived {
        "arsitektur.diarsipkan"
    } else {
        "arsitektur.dipulihkan"
    };
    audit::append(&mut tx, actor, change(action, id, pd.map(PdId), json!({}))).await?;
    tx.commit().await
}

/// Records matching `f`, in list order, with the total matching.
pub async fn list(
    db: &Db,
    f: &ItemFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Item>, i64), StoreError> {
    Ok((page(db, f, limit, offset).await?, count(db, f).await?))
}

/// How many records match `f`.
pub async fn count(db: &Db, f: &ItemFilter) -> Result<i64, StoreError> {
    let mut args: Vec<Arg> = Vec::new();
    let where_ = filter_sql(f, &mut args);
    let sql = format!("SELECT COUNT(*) FROM arsitektur a WHERE {where_}");
    Ok(on_db!(db, p => bind_args!(sqlx::query_scalar(&sql), &args).fetch_one(p).await)?)
}

/// One page of the records matching `f`, in list order (by kind, then code).
pub async fn page(
    db: &Db,
    f: &ItemFilter,
    limit: i64,
    offset: i64,
) -> Result<Vec<Item>, StoreError> {
    let mut args: Vec<Arg> = Vec::new();
    let where_ = filter_sql(f, &mut args);
    // Ids first, from the covering index in list order, then only those rows: a page far
    // down a long list then skips index entries, not whole rows.
    let sql = format!(
        "SELECT {COLUMNS} FROM arsitektur a WHERE a.id IN (
            SELECT a.id FROM arsitektur a WHERE {where_}
            ORDER BY a.jenis, a.kode LIMIT {} OFFSET {})
         ORDER BY a.jenis, a.kode",
        limit.max(0),
        offset.max(0)
    );
    let rows: Vec<ItemRow> =
        on_db!(db, p => bind_args!(sqlx::query_as(&sql), &args).fetch_all(p).await)?;
    rows.into_iter().map(ItemRow::into_item).collect()
}

/// Active records per kind, most first.
pub async fn count_by_jenis(db: &Db) -> Result<Vec<(Jenis, i64)>, StoreError> {
    let rows: Vec<(String, i64)> = on_db!(db, p => sqlx::query_as(
        "SELECT jenis, COUNT(*) FROM arsitektur WHERE NOT diarsipkan
         GROUP BY jenis ORDER BY COUNT(*) DESC, jenis"
    ).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(j, n)| Ok((parse_jenis(&j)?, n)))
        .collect()
}

/// Active records per domain and owner PD (`None`: records without an owner).
pub async fn count_by_domain_and_pd(
    db: &Db,
) -> Result<Vec<(Domain, Option<PdId>, i64)>, StoreError> {
    let rows: Vec<(String, Option<Uuid>, i64)> = on_db!(db, p => sqlx::query_as(
        "SELECT domain, pd, COUNT(*) FROM arsitektur WHERE NOT diarsipkan
         GROUP BY domain, pd ORDER BY domain, pd"
    ).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(d, pd, n)| {
            let d = Domain::from_code(&d)
                .ok_or_else(|| StoreError::Corrupt(format!("arsitektur.domain {d:?}")))?;
            Ok((d, pd.map(PdId), n))
        })
        .collect()
}

fn parse_jenis(j: &str) -> Result<Jenis, StoreError> {
    Jenis::from_code(j).ok_or_else(|| StoreError::Corrupt(format!("arsitektur.jenis {j:?}")))
}

pub(crate) fn atribut_json(new: &NewItem) -> Result<String, StoreError> {
    serde_json::to_string(&new.atribut).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The audit entry of a change to a record (shared with the bulk writes).
pub(crate) fn change(
    action: &str,
    id: ItemId,
    pd: Option<PdId>,
    detail: serde_json::Value,
) -> Change<'_> {
    Change {
        action,
        entity: "arsitektur",
        entity_id: id.to_string(),
        pd: pd.map(|p| p.to_string()),
        detail,
    }
}

/// What the audit trail records of a record's values.
pub(crate) fn detail(new: &NewItem) -> serde_json::Value {
    json!({
        "jenis": new.jenis.code(),
        "kode": new.kode,
        "nama": new.nama,
        "deskripsi": new.deskripsi,
        "pd": new.pd.map(|p| p.to_string()),
        "status": new.status,
        "atribut": new.atribut,
    })
}
