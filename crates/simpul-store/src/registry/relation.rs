//! Relations between registry records: add (refusing missing or archived ends,
//! duplicates and cycles), remove, list per record, and the edges among a set of records
//! for drawing. The impact analysis over them is in [`super::impact`].

use std::collections::BTreeSet;

use serde_json::json;
use simpul_domain::ids::{ItemId, PdId, RelasiId};
use simpul_domain::registry::{Item, Relasi, RelasiJenis};
use uuid::Uuid;

use super::{CHUNK, items_by_ids, marks};
use crate::audit::{self, Actor, Change};
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

pub use super::impact::{MAX_DEPTH, dependents};

/// Whether relations of this kind may not form a cycle. Every kind but integration
/// states a dependency or containment, which cannot be circular.
// The domain will provide this as `RelasiJenis::forbids_cycles`; keep the two in step.
pub fn forbids_cycles(j: RelasiJenis) -> bool {
    !matches!(j, RelasiJenis::TerintegrasiDengan)
}

type RelRow = (Uuid, Uuid, Uuid, String);

const REL_COLUMNS: &str = "id, dari, ke, jenis";

pub(crate) fn to_relasi((id, dari, ke, jenis): RelRow) -> Result<Relasi, StoreError> {
    Ok(Relasi {
        id: RelasiId(id),
        dari: ItemId(dari),
        ke: ItemId(ke),
        jenis: RelasiJenis::from_code(&jenis)
            .ok_or_else(|| StoreError::Corrupt(format!("relasi.jenis {jenis:?}")))?,
    })
}

/// Relate `dari` to `ke`.
///
/// Refused, with nothing stored: an end that does not exist or is archived
/// (`MissingReference` for both: an archived record is not a valid target of a new
/// relation); the same relation again (`Conflict("relasi")`; for integration, which is
/// symmetric, also the reverse); a relation of a record to itself, or one that would
/// close a cycle of relations of a kind that [`forbids_cycles`] (`Cycle`). Cycles are
/// sought among relations of the same kind only.
pub async fn add(
    db: &Db,
    actor: &Actor,
    dari: ItemId,
    ke: ItemId,
    jenis: RelasiJenis,
) -> Result<Relasi, StoreError> {
    if dari == ke {
        return Err(StoreError::Cycle);
    }
    let rel = Relasi {
        id: RelasiId(Uuid::now_v7()),
        dari,
        ke,
        jenis,
    };
    let mut tx = db.begin().await?;
    // The audit append takes the chain's head row lock, which serialises this check-then-
    // insert against every other write on PostgreSQL (SQLite's IMMEDIATE transaction
    // already does); so append first and check after. A refusal rolls it back.
    let owner = owner_of(&mut tx, dari).await?;
    audit::append(&mut tx, actor, change("relasi.ditambah", &rel, owner)).await?;
    let ends: Vec<(Uuid, bool)> = on_tx!(&mut tx, c => sqlx::query_as(
        "SELECT id, diarsipkan FROM arsitektur WHERE id IN ($1, $2)"
    ).bind(dari.0).bind(ke.0).fetch_all(&mut *c).await)?;
    if ends.len() != 2 || ends.iter().any(|(_, archived)| *archived) {
        return Err(StoreError::MissingReference);
    }
    let dup_sql = if matches!(jenis, RelasiJenis::TerintegrasiDengan) {
        "SELECT COUNT(*) FROM relasi WHERE jenis = $3
           AND ((dari = $1 AND ke = $2) OR (dari = $2 AND ke = $1))"
    } else {
        "SELECT COUNT(*) FROM relasi WHERE dari = $1 AND ke = $2 AND jenis = $3"
    };
    let dup: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(dup_sql)
        .bind(dari.0).bind(ke.0).bind(jenis.code()).fetch_one(&mut *c).await)?;
    if dup > 0 {
        return Err(StoreError::Conflict("relasi"));
    }
    if forbids_cycles(jenis) {
        // The new edge closes a cycle iff `dari` is already reachable from `ke`.
        let reach: i64 = on_tx!(&mut tx, c => sqlx::query_scalar(
            "WITH RECURSIVE jangkau(n) AS (
                 SELECT $1
                 UNION
                 SELECT r.ke FROM relasi r JOIN jangkau j ON r.dari = j.n WHERE r.jenis = $3
             )
             SELECT COUNT(*) FROM jangkau WHERE n = $2"
        ).bind(ke.0).bind(dari.0).bind(jenis.code()).fetch_one(&mut *c).await)?;
        if reach > 0 {
            return Err(StoreError::Cycle);
        }
    }
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO relasi (id, dari, ke, jenis, dibuat) VALUES ($1, $2, $3, $4, $5)"
    ).bind(rel.id.0).bind(dari.0).bind(ke.0).bind(jenis.code()).bind(time_text::now())
     .execute(&mut *c).await)
    .map_err(|e| match StoreError::from(e) {
        StoreError::Conflict(_) => StoreError::Conflict("relasi"),
        other => other,
    })?;
    tx.commit().await?;
    Ok(rel)
}

/// Remove a relation.
pub async fn remove(db: &Db, actor: &Actor, id: RelasiId) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let row: Option<RelRow> = on_tx!(&mut tx, c => sqlx::query_as(
        "DELETE FROM relasi WHERE id = $1 RETURNING id, dari, ke, jenis"
    ).bind(id.0).fetch_optional(&mut *c).await)?;
    let rel = to_relasi(row.ok_or(StoreError::NotFound)?)?;
    let owner = owner_of(&mut tx, rel.dari).await?;
    audit::append(&mut tx, actor, change("relasi.dihapus", &rel, owner)).await?;
    tx.commit().await
}

/// One relation by id.
pub async fn get(db: &Db, id: RelasiId) -> Result<Relasi, StoreError> {
    let sql = format!("SELECT {REL_COLUMNS} FROM relasi WHERE id = $1");
    let row: RelRow = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_relasi(row)
}

/// The relations of a record, each with the record at the other end and whether it is
/// outgoing (the record is `dari`): outgoing first, then by kind and the other's code.
pub async fn of_item(db: &Db, id: ItemId) -> Result<Vec<(Relasi, Item, bool)>, StoreError> {
    let out_sql = format!("SELECT {REL_COLUMNS} FROM relasi WHERE dari = $1");
    let in_sql = format!("SELECT {REL_COLUMNS} FROM relasi WHERE ke = $1");
    let (outgoing, incoming): (Vec<RelRow>, Vec<RelRow>) = on_db!(db, p => (
        sqlx::query_as(&out_sql).bind(id.0).fetch_all(p).await?,
        sqlx::query_as(&in_sql).bind(id.0).fetch_all(p).await?,
    ));
    let mut rels = Vec::with_capacity(outgoing.len() + incoming.len());
    for r in outgoing {
        rels.push((to_relasi(r)?, true));
    }
    for r in incoming {
        rels.push((to_relasi(r)?, false));
    }
    let others: Vec<ItemId> = rels
        .iter()
        .map(|(r, out)| if *out { r.ke } else { r.dari })
        .collect();
    let items = items_by_ids(db, &others).await?;
    let mut out = Vec::with_capacity(rels.len());
    for ((rel, outgoing), other) in rels.into_iter().zip(others) {
        let item = items
            .get(&other)
            .cloned()
            .ok_or_else(|| StoreError::Corrupt(format!("relasi {} to missing record", rel.id)))?;
        out.push((rel, item, outgoing));
    }
    out.sort_by(|a, b| {
        (!a.2, a.0.jenis, a.1.jenis, &a.1.kode).cmp(&(!b.2, b.0.jenis, b.1.jenis, &b.1.kode))
    });
    Ok(out)
}

/// The relations whose both ends are among `ids` (for drawing a graph), by id.
pub async fn edges_among(db: &Db, ids: &[ItemId]) -> Result<Vec<Relasi>, StoreError> {
    let set: BTreeSet<ItemId> = ids.iter().copied().collect();
    let ids: Vec<ItemId> = set.iter().copied().collect();
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT {REL_COLUMNS} FROM relasi WHERE dari IN ({})",
            marks(1, chunk.len())
        );
        let rows: Vec<RelRow> = on_db!(db, p => {
            let mut q = sqlx::query_as(&sql);
            for id in chunk { q = q.bind(id.0); }
            q.fetch_all(p).await
        })?;
        for r in rows {
            let rel = to_relasi(r)?;
            if set.contains(&rel.ke) {
                out.push(rel);
            }
        }
    }
    out.sort_by_key(|r| r.id);
    Ok(out)
}

async fn owner_of(tx: &mut Tx, id: ItemId) -> Result<Option<PdId>, StoreError> {
    let row: Option<(Option<Uuid>,)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT pd FROM arsitektur WHERE id = $1"
    ).bind(id.0).fetch_optional(&mut *c).await)?;
    Ok(row.and_then(|(p,)| p).map(PdId))
}

/// The audit entry of a change to a relation (shared with the bulk writes).
pub(crate) fn change<'a>(action: &'a str, rel: &Relasi, owner: Option<PdId>) -> Change<'a> {
    Change {
        action,
        entity: "relasi",
        entity_id: rel.id.to_string(),
        pd: owner.map(|p| p.to_string()),
        detail: json!({
            "dari": rel.dari.to_string(),
            "ke": rel.ke.to_string(),
            "jenis": rel.jenis.code(),
        }),
    }
}
