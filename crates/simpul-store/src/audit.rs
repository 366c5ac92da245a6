//! The hash-chained audit trail: appended inside the transaction of every change, listed
//! with filters for the "Jejak Audit" page, and verified by `simpul verify`.

use serde::Serialize;
use simpul_domain::audit::{AuditEntry, AuditFields, ChainBreak, ChainVerifier, entry_hash};

use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// Who made a change: a staff member's NIP, or the system itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor(pub String);

impl Actor {
    /// Changes made by the CLI, migrations or the demo loader.
    pub fn sistem() -> Self {
        Self("sistem".into())
    }
}

/// A change to record.
#[derive(Debug, Clone)]
pub struct Change<'a> {
    /// e.g. `pd.dibuat`.
    pub action: &'a str,
    /// e.g. `pd`.
    pub entity: &'a str,
    /// Id of the changed record.
    pub entity_id: String,
    /// PD the record belongs to.
    pub pd: Option<String>,
    /// Details (new values; never secrets).
    pub detail: serde_json::Value,
}

/// Append `change` to the chain inside `tx`.
pub async fn append(tx: &mut Tx, actor: &Actor, change: Change<'_>) -> Result<i64, StoreError> {
    // Taking the head row first serialises appends (row lock on PostgreSQL; the
    // IMMEDIATE transaction on SQLite).
    let (seq, prev): (i64, String) = on_tx!(tx, c => sqlx::query_as(
        "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash"
    ).fetch_one(&mut *c).await)?;
    let fields = AuditFields {
        seq,
        at: time_text::now(),
        actor: actor.0.clone(),
        action: change.action.to_owned(),
        entity: change.entity.to_owned(),
        entity_id: change.entity_id,
        pd: change.pd,
        detail: change.detail.to_string(),
    };
    let hash = entry_hash(&prev, &fields);
    exec_tx!(tx, c => {
        sqlx::query(
            "INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, pd, detail, prev_hash, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(seq).bind(&fields.at).bind(&fields.actor).bind(&fields.action)
        .bind(&fields.entity).bind(&fields.entity_id).bind(&fields.pd).bind(&fields.detail)
        .bind(&prev).bind(&hash)
        .execute(&mut *c).await?;
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1").bind(&hash).execute(&mut *c).await
    })?;
    Ok(seq)
}

/// The number of the latest entry: it grows with every change, so it tells caches of
/// derived views (such as an impact analysis) whether anything changed.
pub async fn head_seq(db: &Db) -> Result<i64, StoreError> {
    Ok(
        on_db!(db, p => sqlx::query_scalar("SELECT seq FROM audit_head WHERE id = 1").fetch_one(p).await)?,
    )
}

/// Filters of the audit trail listing.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this kind of record.
    pub entity: Option<String>,
    /// Only this record (with `entity`).
    pub entity_id: Option<String>,
    /// Only this actor (NIP or `sistem`).
    pub actor: Option<String>,
    /// Only entries of these PDs (`None`: all).
    pub pds: Option<Vec<String>>,
    /// From this timestamp text (inclusive).
    pub from: Option<String>,
    /// Before this timestamp text (exclusive).
    pub until: Option<String>,
}

/// One page of the trail, newest first.
#[derive(Debug, Clone, Serialize)]
pub struct AuditPage {
    /// Entries.
    pub entries: Vec<AuditEntry>,
    /// Entries matching in all.
    pub total: i64,
}

type Row = (
    i64,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    String,
    String,
);

fn to_entry(r: Row) -> AuditEntry {
    let (seq, at, actor, action, entity, entity_id, pd, detail, prev_hash, hash) = r;
    AuditEntry {
        fields: AuditFields {
            seq,
            at,
            actor,
            action,
            entity,
            entity_id,
            pd,
            detail,
        },
        prev_hash,
        hash,
    }
}

const COLUMNS: &str = "seq, at, actor, action, entity, entity_id, pd, detail, prev_hash, hash";

/// List entries matching `f`, newest first.
pub async fn list(
    db: &Db,
    f: &AuditFilter,
    limit: i64,
    offset: i64,
) -> Result<AuditPage, StoreError> {
    let mut conds = vec!["1 = 1".to_owned()];
    let mut args: Vec<String> = Vec::new();
    let mut push = |cond: &str, v: &str, conds: &mut Vec<String>| {
        args.push(v.to_owned());
        conds.push(cond.replace('?', &format!("${}", args.len())));
    };
    if let Some(v) = &f.entity {
        push("entity = ?", v, &mut conds);
    }
    if let Some(v) = &f.entity_id {
        push("entity_id = ?", v, &mut conds);
    }
    if let Some(v) = &f.actor {
        push("actor = ?", v, &mut conds);
    }
    if let Some(v) = &f.from {
        push("at >= ?", v, &mut conds);
    }
    if let Some(v) = &f.until {
        push("at < ?", v, &mut conds);
    }
    if let Some(pds) = &f.pds {
        if pds.is_empty() {
            conds.push("1 = 0".into());
        } else {
            let mut marks = Vec::new();
            for p in pds {
                args.push(p.clone());
                marks.push(format!("${}", args.len()));
            }
            conds.push(format!("pd IN ({})", marks.join(", ")));
        }
    }
    let where_ = conds.join(" AND ");
    let count_sql = format!("SELECT COUNT(*) FROM audit_log WHERE {where_}");
    let list_sql = format!(
        "SELECT {COLUMNS} FROM audit_log WHERE {where_} ORDER BY seq DESC LIMIT {limit} OFFSET {offset}"
    );
    let (total, rows) = on_db!(db, p => {
        let mut q = sqlx::query_scalar::<_, i64>(&count_sql);
        for a in &args { q = q.bind(a); }
        let total = q.fetch_one(p).await?;
        let mut q = sqlx::query_as::<_, Row>(&list_sql);
        for a in &args { q = q.bind(a); }
        (total, q.fetch_all(p).await?)
    });
    Ok(AuditPage {
        entries: rows.into_iter().map(to_entry).collect(),
        total,
    })
}

/// Distinct entity kinds in the trail, for the filter menu.
pub async fn entities(db: &Db) -> Result<Vec<String>, StoreError> {
    Ok(
        on_db!(db, p => sqlx::query_scalar("SELECT DISTINCT entity FROM audit_log ORDER BY entity")
        .fetch_all(p).await)?,
    )
}

/// Outcome of walking the whole chain.
#[derive(Debug)]
pub enum Verification {
    /// Every entry verifies; this many entries.
    Intact(i64),
    /// The first break found.
    Broken(ChainBreak),
}

/// Walk the whole chain in pages, in seq order, and check it against the head.
pub async fn verify(db: &Db) -> Result<Verification, StoreError> {
    const PAGE: i64 = 5_000;
    let mut v = ChainVerifier::default();
    let mut after = 0_i64;
    loop {
        let sql =
            format!("SELECT {COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY seq LIMIT {PAGE}");
        let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(after).fetch_all(p).await)?;
        let n = rows.len();
        for r in rows {
            let e = to_entry(r);
            after = e.fields.seq;
            if let Err(b) = v.push(&e) {
                return Ok(Verification::Broken(b));
            }
        }
        if (n as i64) < PAGE {
            break;
        }
    }
    let (seq, hash): (i64, String) = on_db!(db, p =>
        sqlx::query_as("SELECT seq, hash FROM audit_head WHERE id = 1").fetch_one(p).await)?;
    Ok(match v.finish(seq, &hash) {
        Ok(n) => Verification::Intact(n),
        Err(b) => Verification::Broken(b),
    })
}
