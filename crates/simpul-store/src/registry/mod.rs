//! The SPBE architecture registry: records of the six domains ([`item`]), the relations
//! between them ([`relation`]), the impact analysis over them ([`impact`]) and full-text
//! search ([`search`]).
//!
//! This module holds what they share: the listing filter, the row type and the
//! builder of `WHERE` clauses with numbered placeholders.

pub mod bulk;
pub mod impact;
pub mod item;
pub mod lampiran;
pub mod relation;
pub mod search;

use std::collections::BTreeMap;

use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::registry::{Domain, Item, Jenis};
use uuid::Uuid;

use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

/// Filters for listing and searching registry records.
#[derive(Debug, Clone, Default)]
pub struct ItemFilter {
    /// Only this kind.
    pub jenis: Option<Jenis>,
    /// Only this domain.
    pub domain: Option<Domain>,
    /// Only records owned by one of these PDs (`Some(vec![])` matches nothing).
    pub pd: Option<Vec<PdId>>,
    /// Only this status.
    pub status: Option<String>,
    /// Code or name contains this (case-insensitive, literal).
    pub q: Option<String>,
    /// Include archived records.
    pub termasuk_arsip: bool,
}

/// Columns of [`ItemRow`], read from `arsitektur a`.
pub(crate) const COLUMNS: &str =
    "a.id, a.jenis, a.kode, a.nama, a.deskripsi, a.pd, a.status, a.atribut, a.diarsipkan";

/// Most ids bound in one `IN (...)` list (well under both backends' parameter limits).
pub(crate) const CHUNK: usize = 1000;

#[derive(sqlx::FromRow)]
pub(crate) struct ItemRow {
    id: Uuid,
    jenis: String,
    kode: String,
    nama: String,
    deskripsi: Option<String>,
    pd: Option<Uuid>,
    status: Option<String>,
    atribut: String,
    diarsipkan: bool,
}

impl ItemRow {
    pub(crate) fn into_item(self) -> Result<Item, StoreError> {
        let atribut: BTreeMap<String, String> = serde_json::from_str(&self.atribut)
            .map_err(|e| StoreError::Corrupt(format!("arsitektur.atribut of {}: {e}", self.id)))?;
        Ok(Item {
            id: ItemId(self.id),
            jenis: Jenis::from_code(&self.jenis)
                .ok_or_else(|| StoreError::Corrupt(format!("arsitektur.jenis {:?}", self.jenis)))?,
            kode: self.kode,
            nama: self.nama,
            deskripsi: self.deskripsi,
            pd: self.pd.map(PdId),
            status: self.status,
            atribut,
            diarsipkan: self.diarsipkan,
        })
    }
}

/// A value bound to a numbered placeholder of a dynamically built statement.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Text(String),
    Id(Uuid),
}

/// Bind every [`Arg`] of `$args`, in order, to query `$q` (inside an `on_db!` arm).
macro_rules! bind_args {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                $crate::registry::Arg::Text(s) => q.bind(s.as_str()),
                $crate::registry::Arg::Id(u) => q.bind(*u),
            };
        }
        q
    }};
}
pub(crate) use bind_args;

impl Arg {
    /// Push `self` and return its placeholder (`$n`).
    fn push(self, args: &mut Vec<Arg>) -> String {
        args.push(self);
        format!("${}", args.len())
    }
}

/// Conditions on `arsitektur a` for `f`, joined with `AND`; placeholders continue after
/// those already in `args`.
pub(crate) fn filter_sql(f: &ItemFilter, args: &mut Vec<Arg>) -> String {
    let mut conds = Vec::new();
    if !f.termasuk_arsip {
        conds.push("NOT a.diarsipkan".to_owned());
    }
    if let Some(j) = f.jenis {
        conds.push(format!(
            "a.jenis = {}",
            Arg::Text(j.code().into()).push(args)
        ));
    }
    if let Some(d) = f.domain {
        conds.push(format!(
            "a.domain = {}",
            Arg::Text(d.code().into()).push(args)
        ));
    }
    if let Some(s) = &f.status {
        conds.push(format!("a.status = {}", Arg::Text(s.clone()).push(args)));
    }
    if let Some(q) = f.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        // `cari_teks` is the lower-cased code and name, generated and indexed (0003).
        let p = Arg::Text(format!("%{}%", crate::like_escape(&q.to_lowercase()))).push(args);
        conds.push(format!("a.cari_teks LIKE {p} ESCAPE '\\'"));
    }
    if let Some(pds) = &f.pd {
        if pds.is_empty() {
            conds.push("1 = 0".into());
        } else {
            let marks: Vec<String> = pds.iter().map(|p| Arg::Id(p.0).push(args)).collect();
            conds.push(format!("a.pd IN ({})", marks.join(", ")));
        }
    }
    if conds.is_empty() {
        conds.push("1 = 1".into());
    }
    conds.join(" AND ")
}

/// `$from, $from+1, ...` for `n` placeholders.
pub(crate) fn marks(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The records with these ids, by id (missing ids are left out).
pub(crate) async fn items_by_ids(
    db: &Db,
    ids: &[ItemId],
) -> Result<BTreeMap<ItemId, Item>, StoreError> {
    let mut out = BTreeMap::new();
    for chunk in ids.chunks(CHUNK) {
        let sql = format!(
            "SELECT {COLUMNS} FROM arsitektur a WHERE a.id IN ({})",
            marks(1, chunk.len())
        );
        let rows: Vec<ItemRow> = on_db!(db, p => {
            let mut q = sqlx::query_as(&sql);
            for id in chunk { q = q.bind(id.0); }
            q.fetch_all(p).await
        })?;
        for r in rows {
            let item = r.into_item()?;
            out.insert(item.id, item);
        }
    }
    Ok(out)
}
