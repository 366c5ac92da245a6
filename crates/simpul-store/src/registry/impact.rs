//! Impact analysis (002 Pasal 25(3)): everything that transitively depends on a record.

use simpul_domain::ids::ItemId;
use simpul_domain::registry::{Item, RelasiJenis};

use super::{COLUMNS, ItemRow};
use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

/// Deepest level [`dependents`] follows, whatever the caller asks.
pub const MAX_DEPTH: i64 = 32;

/// Which end of a relation depends on the other.
enum Arah {
    /// `dari` depends on `ke` (uses, hosted on, depends on).
    DariPadaKe,
    /// `ke` depends on `dari` (the service depends on the application delivering it).
    KePadaDari,
    /// Neither (integration).
    Tidak,
}

fn arah(j: RelasiJenis) -> Arah {
    match j {
        RelasiJenis::Menggunakan | RelasiJenis::DihostingDi | RelasiJenis::BergantungPada => {
            Arah::DariPadaKe
        }
        RelasiJenis::Menyediakan => Arah::KePadaDari,
        RelasiJenis::TerintegrasiDengan => Arah::Tidak,
    }
}

/// `'a', 'b'` of the relation kinds in direction `want` (`''` if none, which matches no
/// stored kind).
fn kinds(want: fn(&Arah) -> bool) -> String {
    let codes: Vec<String> = RelasiJenis::ALL
        .into_iter()
        .filter(|j| want(&arah(*j)))
        .map(|j| format!("'{}'", j.code()))
        .collect();
    if codes.is_empty() {
        "''".into()
    } else {
        codes.join(", ")
    }
}

#[derive(sqlx::FromRow)]
struct DepRow {
    #[sqlx(flatten)]
    item: ItemRow,
    kedalaman: i64,
}

/// Everything that depends on `target`, directly (depth 1) or through others, up to
/// `max_depth` levels (at most [`MAX_DEPTH`]): each record once, at its smallest depth,
/// ordered by depth, kind and code. `target` itself is left out even when a cycle leads
/// back to it. Archived records are included (and followed) with their flag set: the
/// caller decides whether a retired application still counts.
pub async fn dependents(
    db: &Db,
    target: ItemId,
    max_depth: i64,
) -> Result<Vec<(Item, i64)>, StoreError> {
    let depth = max_depth.clamp(0, MAX_DEPTH);
    let dari_pada_ke = kinds(|a| matches!(a, Arah::DariPadaKe));
    let ke_pada_dari = kinds(|a| matches!(a, Arah::KePadaDari));
    // One recursive term that follows both directions (PostgreSQL allows the recursive
    // reference only once); UNION drops repeated (record, depth) pairs, and the depth
    // bound ends the walk even through cycles of mixed kinds.
    let sql = format!(
        "WITH RECURSIVE dep(id, d) AS (
             SELECT $1, 0
             UNION
             SELECT CASE WHEN r.jenis IN ({ke_pada_dari}) THEN r.ke ELSE r.dari END, dep.d + 1
             FROM dep JOIN relasi r
               ON (r.ke = dep.id AND r.jenis IN ({dari_pada_ke}))
               OR (r.dari = dep.id AND r.jenis IN ({ke_pada_dari}))
             WHERE dep.d < $2
         )
         SELECT {COLUMNS}, CAST(m.d AS BIGINT) AS kedalaman
         FROM (SELECT id, MIN(d) AS d FROM dep GROUP BY id) m
         JOIN arsitektur a ON a.id = m.id
         WHERE m.id <> $1
         ORDER BY m.d, a.jenis, a.kode"
    );
    let rows: Vec<DepRow> = on_db!(db, p => sqlx::query_as(&sql)
        .bind(target.0).bind(depth).fetch_all(p).await)?;
    rows.into_iter()
        .map(|r| Ok((r.item.into_item()?, r.kedalaman)))
        .collect()
}
