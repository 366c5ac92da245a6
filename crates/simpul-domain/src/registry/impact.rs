//! Impact analysis (002 Pasal 25(3); ARC-8): everything that depends, transitively, on a
//! record — "if this server fails, which public services stop?".
//!
//! Relations are read as dependencies first: `dari` depends on `ke` for menggunakan,
//! dihosting_di and bergantung_pada; for menyediakan the *service* depends on the
//! application that delivers it; integration carries no dependency. The search is
//! breadth-first so each dependent is reported once, at its shortest distance.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::RelasiJenis;
use crate::ids::ItemId;

/// A record affected by the loss of the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dependent {
    /// The affected record.
    pub id: ItemId,
    /// Number of dependency steps from the target (1 = depends on it directly).
    pub depth: u32,
    /// The record it depends on along a shortest path (the target at depth 1); the
    /// smallest id when several shortest paths exist.
    pub via: ItemId,
}

/// The relation `dari -jenis-> ke` as `(dependent, dependency)`, or `None` when it
/// carries no dependency.
pub fn dependency(jenis: RelasiJenis, dari: ItemId, ke: ItemId) -> Option<(ItemId, ItemId)> {
    match jenis {
        RelasiJenis::Menggunakan | RelasiJenis::DihostingDi | RelasiJenis::BergantungPada => {
            Some((dari, ke))
        }
        RelasiJenis::Menyediakan => Some((ke, dari)),
        RelasiJenis::TerintegrasiDengan => None,
    }
}

/// Every relation as a `(dependent, dependency)` edge, sorted and without duplicates or
/// self-loops (for drawing the graph and for cycle checks across relation kinds).
pub fn dependency_edges(edges: &[(ItemId, ItemId, RelasiJenis)]) -> Vec<(ItemId, ItemId)> {
    let set: BTreeSet<(ItemId, ItemId)> = edges
        .iter()
        .filter_map(|(d, k, j)| dependency(*j, *d, *k))
        .filter(|(a, b)| a != b)
        .collect();
    set.into_iter().collect()
}

/// Everything that depends on `target`, directly or not, ordered by depth then id.
/// The target itself is never included, even when a cycle leads back to it.
pub fn dependents(target: ItemId, edges: &[(ItemId, ItemId, RelasiJenis)]) -> Vec<Dependent> {
    // dependency -> its dependents
    let mut up: BTreeMap<ItemId, BTreeSet<ItemId>> = BTreeMap::new();
    for (dependent, dep) in dependency_edges(edges) {
        up.entry(dep).or_default().insert(dependent);
    }
    walk(target, &up)
}

/// Everything `source` depends on, directly or not (what it needs to run), in the same
/// shape: `via` is the record that needs the dependency along a shortest path.
pub fn dependencies(source: ItemId, edges: &[(ItemId, ItemId, RelasiJenis)]) -> Vec<Dependent> {
    let mut down: BTreeMap<ItemId, BTreeSet<ItemId>> = BTreeMap::new();
    for (dependent, dep) in dependency_edges(edges) {
        down.entry(dependent).or_default().insert(dep);
    }
    walk(source, &down)
}

/// Breadth-first walk level by level. Both the frontier and the neighbour sets are in id
/// order, so the first parent to claim a node is the smallest one at the shortest depth.
fn walk(start: ItemId, next: &BTreeMap<ItemId, BTreeSet<ItemId>>) -> Vec<Dependent> {
    let mut seen = BTreeSet::from([start]);
    let mut out = Vec::new();
    let mut frontier = vec![start];
    let mut depth = 0u32;
    while !frontier.is_empty() {
        depth = depth.saturating_add(1);
        let mut level: BTreeMap<ItemId, ItemId> = BTreeMap::new();
        for n in &frontier {
            for m in next.get(n).into_iter().flatten() {
                if !seen.contains(m) {
                    level.entry(*m).or_insert(*n);
                }
            }
        }
        seen.extend(level.keys().copied());
        frontier = level.keys().copied().collect();
        out.extend(
            level
                .into_iter()
                .map(|(id, via)| Dependent { id, depth, via }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use RelasiJenis as R;
    use uuid::Uuid;

    fn id(n: u128) -> ItemId {
        ItemId(Uuid::from_u128(n))
    }

    #[test]
    fn server_failure_reaches_services_through_applications() {
        // 1 = server, 2 = app on it, 3 = service the app delivers, 4 = process using the
        // service, 5 = app integrated with 2 (not affected), 6 = dataset on the server.
        let edges = [
            (id(2), id(1), R::DihostingDi),
            (id(2), id(3), R::Menyediakan),
            (id(4), id(3), R::Menggunakan),
            (id(5), id(2), R::TerintegrasiDengan),
            (id(6), id(1), R::DihostingDi),
            (id(4), id(6), R::Menggunakan),
        ];
        let got = dependents(id(1), &edges);
        let want = [
            Dependent {
                id: id(2),
                depth: 1,
                via: id(1),
            },
            Dependent {
                id: id(6),
                depth: 1,
                via: id(1),
            },
            Dependent {
                id: id(3),
                depth: 2,
                via: id(2),
            },
            Dependent {
                id: id(4),
                depth: 2,
                via: id(6),
            },
        ];
        assert_eq!(got, want);
        let needs = dependencies(id(4), &edges);
        let ids: Vec<_> = needs.iter().map(|d| d.id).collect();
        assert_eq!(ids, [id(3), id(6), id(1), id(2)]);
    }

    #[test]
    fn cycles_and_self_loops_are_safe() {
        let edges = [
            (id(1), id(2), R::BergantungPada),
            (id(2), id(1), R::BergantungPada),
            (id(3), id(3), R::BergantungPada),
        ];
        assert_eq!(
            dependents(id(1), &edges),
            [Dependent {
                id: id(2),
                depth: 1,
                via: id(1)
            }]
        );
        assert!(dependents(id(3), &edges).is_empty());
        assert_eq!(dependency_edges(&edges), [(id(1), id(2)), (id(2), id(1))]);
    }
}
