//! The impact analysis of a record, computed once per state of the registry and shared by
//! the page, its CSV and the API.

use std::sync::Arc;

use simpul_domain::ids::ItemId;
use simpul_domain::registry::{Item, Relasi};
use simpul_store::StoreError;
use simpul_store::registry::relation;

use crate::state::AppState;

/// Everything that depends on a record, and the relations among them for drawing.
pub struct Impact {
    /// Dependents with their depth, nearest first.
    pub found: Vec<(Item, i64)>,
    /// Relations among the record and its dependents.
    pub edges: Vec<Relasi>,
}

/// The impact of `id`, from the cache when nothing changed since it was computed.
pub async fn impact(st: &AppState, id: ItemId) -> Result<(Arc<Impact>, i64), StoreError> {
    let seq = simpul_store::audit::head_seq(&st.db).await?;
    if let Some(hit) = st.impact.get(&id, seq) {
        return Ok((hit, seq));
    }
    let found = relation::dependents(&st.db, id, relation::MAX_DEPTH).await?;
    let mut ids: Vec<ItemId> = found.iter().map(|(d, _)| d.id).collect();
    ids.push(id);
    let edges = relation::edges_among(&st.db, &ids).await?;
    Ok((st.impact.put(id, seq, Impact { found, edges }), seq))
}
