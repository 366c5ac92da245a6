//! Bulk writes for spreadsheet import and large demos: many records or relations in ONE
//! transaction, all or nothing. Each record still gets its own audit entry (the chain
//! stays one entry per change); only the commit is shared, which is what a per-record
//! write pays most for (about 7 ms per commit on SQLite).

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};

use simpul_domain::ids::{ItemId, PdId, RelasiId};
use simpul_domain::registry::relation_rules::forbids_cycles;
use simpul_domain::registry::{Item, Jenis, NewItem, Relasi, RelasiJenis};
use uuid::Uuid;

use super::{CHUNK, marks};
use crate::audit::{self, Actor};
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_tx, time_text};

/// Why a batch was refused: the input at `index` failed; nothing was stored.
#[derive(Debug, thiserror::Error)]
#[error("input {index}: {error}")]
pub struct BulkError {
    /// Position of the failing input in the batch (from 0).
    pub index: usize,
    /// What went wrong with it.
    #[source]
    pub error: StoreError,
}

fn at(index: usize) -> impl FnOnce(StoreError) -> BulkError {
    move |error| BulkError { index, error }
}

/// Create every record of `items`, or none. A code taken within its kind, by a stored
/// record or an earlier one of the batch, is `Conflict("kode")` at that index; an
/// unknown owner PD `MissingReference`. Returns the records in input order.
pub async fn create_many(
    db: &Db,
    actor: &Actor,
    items: &[NewItem],
) -> Result<Vec<Item>, BulkError> {
    let mut seen: HashSet<(Jenis, &str)> = HashSet::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        if !seen.insert((n.jenis, n.kode.as_str())) {
            return Err(at(i)(StoreError::Conflict("kode")));
        }
    }
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let mut tx = db.begin().await.map_err(at(0))?;
    let now = time_text::now();
    let mut out = Vec::with_capacity(items.len());
    for (i, n) in items.iter().enumerate() {
        let id = ItemId(Uuid::now_v7());
        let atribut = super::item::atribut_json(n).map_err(at(i))?;
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO arsitektur (id, jenis, domain, kode, nama, deskripsi, pd, status, atribut, diarsipkan, dibuat, diubah)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, FALSE, $10, $10)"
        ).bind(id.0).bind(n.jenis.code()).bind(n.jenis.domain().code()).bind(&n.kode)
         .bind(&n.nama).bind(&n.deskripsi).bind(n.pd.map(|p| p.0)).bind(&n.status)
         .bind(&atribut).bind(&now)
         .execute(&mut *c).await)
        .map_err(|e| at(i)(e.into()))?;
        audit::append(
            &mut tx,
            actor,
            super::item::change("arsitektur.dibuat", id, n.pd, super::item::detail(n)),
        )
        .await
        .map_err(at(i))?;
        out.push(Item {
            id,
            jenis: n.jenis,
            kode: n.kode.clone(),
            nama: n.nama.clone(),
            deskripsi: n.deskripsi.clone(),
            pd: n.pd,
            status: n.status.clone(),
            atribut: n.atribut.clone(),
            diarsipkan: false,
        });
    }
    tx.commit().await.map_err(at(items.len() - 1))?;
    Ok(out)
}

/// Add every relation `(dari, ke, jenis)` of `rels`, or none, with the checks of
/// [`super::relation::add`]: an end missing or archived is `MissingReference`, a
/// relation to itself or one closing a cycle (of a kind that forbids them, counting the
/// stored relations and the batch's earlier ones) `Cycle`, the same relation stored or
/// earlier in the batch (for integration also reversed) `Conflict("relasi")`. Returns
/// how many were added.
pub async fn add_relations(
    db: &Db,
    actor: &Actor,
    rels: &[(ItemId, ItemId, RelasiJenis)],
) -> Result<usize, BulkError> {
    if rels.is_empty() {
        return Ok(0);
    }
    let mut tx = db.begin().await.map_err(at(0))?;
    // Take the audit chain's head row first: on PostgreSQL this serialises the checks
    // below against every other write (SQLite's IMMEDIATE transaction already does).
    exec_tx!(&mut tx, c => sqlx::query("UPDATE audit_head SET seq = seq WHERE id = 1")
        .execute(&mut *c).await)
    .map_err(|e| at(0)(e.into()))?;

    let ends = endpoints(&mut tx, rels).await.map_err(at(0))?;
    let kinds: HashSet<RelasiJenis> = rels.iter().map(|r| r.2).collect();
    let mut stored: HashMap<RelasiJenis, Vec<(ItemId, ItemId)>> = HashMap::new();
    for k in kinds {
        stored.insert(k, edges_of(&mut tx, k).await.map_err(at(0))?);
    }
    let mut taken: HashSet<(ItemId, ItemId, RelasiJenis)> = stored
        .iter()
        .flat_map(|(k, es)| es.iter().map(|(a, b)| (*a, *b, *k)))
        .collect();
    let mut first_bad: Option<(usize, StoreError)> = None;
    for (i, (dari, ke, jenis)) in rels.iter().enumerate() {
        let live = |id: &ItemId| ends.get(id).is_some_and(|(_, archived)| !archived);
        let bad = if !live(dari) || !live(ke) {
            Some(StoreError::MissingReference)
        } else if dari == ke {
            Some(StoreError::Cycle)
        } else if taken.contains(&(*dari, *ke, *jenis))
            || (*jenis == RelasiJenis::TerintegrasiDengan && taken.contains(&(*ke, *dari, *jenis)))
        {
            Some(StoreError::Conflict("relasi"))
        } else {
            None
        };
        if let Some(e) = bad {
            first_bad = Some((i, e));
            break;
        }
        taken.insert((*dari, *ke, *jenis));
    }
    // A cycle earlier in the batch than the first other problem is reported instead.
    let limit = first_bad.as_ref().map_or(rels.len(), |(i, _)| *i);
    for (k, existing) in &stored {
        if !forbids_cycles(*k) {
            continue;
        }
        let batch: Vec<(usize, ItemId, ItemId)> = rels[..limit]
            .iter()
            .enumerate()
            .filter(|(_, r)| r.2 == *k)
            .map(|(i, r)| (i, r.0, r.1))
            .collect();
        if let Some(i) = first_cycle(existing, &batch)
            && first_bad.as_ref().is_none_or(|(j, _)| i < *j)
        {
            first_bad = Some((i, StoreError::Cycle));
        }
    }
    if let Some((index, error)) = first_bad {
        return Err(BulkError { index, error });
    }

    let now = time_text::now();
    for (i, (dari, ke, jenis)) in rels.iter().enumerate() {
        let id = RelasiId(Uuid::now_v7());
        let owner = ends.get(dari).and_then(|(pd, _)| *pd);
        audit::append(
            &mut tx,
            actor,
            super::relation::change(
                "relasi.ditambah",
                &Relasi {
                    id,
                    dari: *dari,
                    ke: *ke,
                    jenis: *jenis,
                },
                owner,
            ),
        )
        .await
        .map_err(at(i))?;
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO relasi (id, dari, ke, jenis, dibuat) VALUES ($1, $2, $3, $4, $5)"
        ).bind(id.0).bind(dari.0).bind(ke.0).bind(jenis.code()).bind(&now)
         .execute(&mut *c).await)
        .map_err(|e| at(i)(e.into()))?;
    }
    tx.commit().await.map_err(at(rels.len() - 1))?;
    Ok(rels.len())
}

/// Owner PD and archived flag of every record named by `rels` that exists.
async fn endpoints(
    tx: &mut Tx,
    rels: &[(ItemId, ItemId, RelasiJenis)],
) -> Result<HashMap<ItemId, (Option<PdId>, bool)>, StoreError> {
    let ids: Vec<ItemId> = rels
        .iter()
        .flat_map(|r| [r.0, r.1])
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let mut out = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT id, pd, diarsipkan FROM arsitektur WHERE id IN ({})",
            marks(1, chunk.len())
        );
        let rows: Vec<(Uuid, Option<Uuid>, bool)> = on_tx!(tx, c => {
            let mut q = sqlx::query_as(&sql);
            for id in chunk { q = q.bind(id.0); }
            q.fetch_all(&mut *c).await
        })?;
        for (id, pd, archived) in rows {
            out.insert(ItemId(id), (pd.map(PdId), archived));
        }
    }
    Ok(out)
}

/// Every stored relation of kind `k`, as `(dari, ke)`.
async fn edges_of(tx: &mut Tx, k: RelasiJenis) -> Result<Vec<(ItemId, ItemId)>, StoreError> {
    let rows: Vec<(Uuid, Uuid)> = on_tx!(tx, c => sqlx::query_as(
        "SELECT dari, ke FROM relasi WHERE jenis = $1"
    ).bind(k.code()).fetch_all(&mut *c).await)?;
    Ok(rows
        .into_iter()
        .map(|(a, b)| (ItemId(a), ItemId(b)))
        .collect())
}

/// The index of the first batch edge that closes a cycle with the stored edges (acyclic
/// by invariant) and the batch's earlier edges. One topological sort answers "none" in
/// linear time, the usual case; only then is the batch replayed edge by edge, each a
/// search from `ke` for `dari` (what `relation_rules::would_cycle` decides, without
/// rebuilding the graph per edge).
fn first_cycle(stored: &[(ItemId, ItemId)], batch: &[(usize, ItemId, ItemId)]) -> Option<usize> {
    let all = stored
        .iter()
        .copied()
        .chain(batch.iter().map(|(_, a, b)| (*a, *b)));
    if is_acyclic(all) {
        return None;
    }
    let mut next: HashMap<ItemId, Vec<ItemId>> = HashMap::new();
    for (a, b) in stored {
        next.entry(*a).or_default().push(*b);
    }
    for (i, dari, ke) in batch {
        if reaches(&next, *ke, *dari) {
            return Some(*i);
        }
        next.entry(*dari).or_default().push(*ke);
    }
    None
}

/// Kahn's algorithm: whether the directed graph of `edges` has no cycle.
fn is_acyclic(edges: impl Iterator<Item = (ItemId, ItemId)>) -> bool {
    let mut next: BTreeMap<ItemId, Vec<ItemId>> = BTreeMap::new();
    let mut indeg: HashMap<ItemId, usize> = HashMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
        indeg.entry(a).or_default();
        *indeg.entry(b).or_default() += 1;
    }
    let mut queue: VecDeque<ItemId> = indeg
        .iter()
        .filter(|(_, d)| **d == 0)
        .map(|(n, _)| *n)
        .collect();
    let mut done = 0;
    while let Some(n) = queue.pop_front() {
        done += 1;
        for m in next.get(&n).into_iter().flatten() {
            if let Some(d) = indeg.get_mut(m) {
                *d -= 1;
                if *d == 0 {
                    queue.push_back(*m);
                }
            }
        }
    }
    done == indeg.len()
}

fn reaches(next: &HashMap<ItemId, Vec<ItemId>>, from: ItemId, to: ItemId) -> bool {
    let mut seen = HashSet::from([from]);
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            return true;
        }
        for m in next.get(&n).into_iter().flatten() {
            if seen.insert(*m) {
                queue.push_back(*m);
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> ItemId {
        ItemId(Uuid::from_u128(n))
    }

    #[test]
    fn first_cycle_names_the_closing_edge() {
        let stored = [(id(1), id(2)), (id(2), id(3))];
        assert_eq!(first_cycle(&stored, &[(0, id(3), id(4))]), None);
        let batch = [(0, id(3), id(4)), (1, id(5), id(1)), (2, id(4), id(1))];
        assert_eq!(first_cycle(&stored, &batch), Some(2));
        assert!(is_acyclic([(id(1), id(2)), (id(1), id(3))].into_iter()));
    }
}
