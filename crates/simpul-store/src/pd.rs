//! Agencies (Perangkat Daerah).

use serde_json::json;
use simpul_domain::ids::PdId;
use simpul_domain::org::{JenisPd, KodePd, NewPd, PerangkatDaerah};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    kode: String,
    nama: String,
    singkatan: Option<String>,
    jenis: String,
    induk: Option<Uuid>,
    pengelola_spbe: bool,
    diarsipkan: bool,
}

impl Row {
    fn into_pd(self) -> Result<PerangkatDaerah, StoreError> {
        Ok(PerangkatDaerah {
            id: PdId(self.id),
            kode: KodePd::parse(&self.kode).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            nama: self.nama,
            singkatan: self.singkatan,
            jenis: JenisPd::from_code(&self.jenis)
                .ok_or_else(|| StoreError::Corrupt(format!("pd.jenis {:?}", self.jenis)))?,
            induk: self.induk.map(PdId),
            pengelola_spbe: self.pengelola_spbe,
            diarsipkan: self.diarsipkan,
        })
    }
}

const COLUMNS: &str = "id, kode, nama, singkatan, jenis, induk, pengelola_spbe, diarsipkan";

/// Filters for listing PDs.
#[derive(Debug, Clone, Default)]
pub struct PdFilter {
    /// Only this kind.
    pub jenis: Option<JenisPd>,
    /// Name, abbreviation or code contains this (case-insensitive).
    pub q: Option<String>,
    /// Include archived PDs.
    pub termasuk_arsip: bool,
}

/// PDs matching `f`, ordered by name.
pub async fn list(db: &Db, f: &PdFilter) -> Result<Vec<PerangkatDaerah>, StoreError> {
    let pattern =
        f.q.as_ref()
            .map(|q| format!("%{}%", crate::like_escape(&q.trim().to_lowercase())));
    let sql = format!(
        "SELECT {COLUMNS} FROM pd
         WHERE ($1 IS NULL OR jenis = $1)
           AND ($2 IS NULL OR LOWER(nama) LIKE $2 ESCAPE '\\' OR LOWER(kode) LIKE $2 ESCAPE '\\' OR LOWER(COALESCE(singkatan, '')) LIKE $2 ESCAPE '\\')
           AND ($3 OR NOT diarsipkan)
         ORDER BY nama"
    );
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql)
        .bind(f.jenis.map(JenisPd::code)).bind(&pattern).bind(f.termasuk_arsip)
        .fetch_all(p).await)?;
    rows.into_iter().map(Row::into_pd).collect()
}

/// One PD by id.
pub async fn get(db: &Db, id: PdId) -> Result<PerangkatDaerah, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM pd WHERE id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    row.into_pd()
}

/// One PD by its short code.
pub async fn by_kode(db: &Db, kode: &str) -> Result<PerangkatDaerah, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM pd WHERE kode = $1");
    let kode = kode.trim().to_uppercase();
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(&kode).fetch_one(p).await)?;
    row.into_pd()
}

/// Inside `tx`, refuse a record for a PD that does not exist or is archived
/// (`MissingReference`): new records may name live PDs only.
pub(crate) async fn require_active(tx: &mut crate::db::Tx, pd: PdId) -> Result<(), StoreError> {
    let archived: Option<bool> = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT diarsipkan FROM pd WHERE id = $1"
    ).bind(pd.0).fetch_optional(&mut *c).await)?;
    if archived == Some(false) {
        Ok(())
    } else {
        Err(StoreError::MissingReference)
    }
}

/// The PD that manages SPBE (the Dinas), if marked.
pub async fn pengelola(db: &Db) -> Result<Option<PerangkatDaerah>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM pd WHERE pengelola_spbe LIMIT 1");
    let row: Option<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_optional(p).await)?;
    row.map(Row::into_pd).transpose()
}

/// Create a PD. A taken code is `Conflict("kode")`; an unknown parent `MissingReference`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    new: &NewPd,
    pengelola_spbe: bool,
) -> Result<PerangkatDaerah, StoreError> {
    let id = PdId(Uuid::now_v7());
    let now = time_text::now();
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO pd (id, kode, nama, singkatan, jenis, induk, pengelola_spbe, diarsipkan, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, $8, $8)"
    ).bind(id.0).bind(new.kode.as_str()).bind(&new.nama).bind(&new.singkatan)
     .bind(new.jenis.code()).bind(new.induk.map(|i| i.0)).bind(pengelola_spbe).bind(&now)
     .execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "pd.dibuat",
            entity: "pd",
            entity_id: id.to_string(),
            pd: Some(id.to_string()),
            detail: detail(new),
        },
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Change a PD's fields.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: PdId,
    new: &NewPd,
) -> Result<PerangkatDaerah, StoreError> {
    let mut tx = db.begin().await?;
    // Walk up from the new parent: meeting this PD would make it its own ancestor.
    let mut cur = new.induk;
    let mut steps = 0;
    while let Some(p) = cur {
        if p == id || steps > 64 {
            return Err(StoreError::Cycle);
        }
        let up: Option<(Option<Uuid>,)> = on_tx!(&mut tx, c => sqlx::query_as("SELECT induk FROM pd WHERE id = $1")
            .bind(p.0).fetch_optional(&mut *c).await)?;
        cur = up.and_then(|(i,)| i).map(PdId);
        steps += 1;
    }
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE pd SET kode = $2, nama = $3, singkatan = $4, jenis = $5, induk = $6, diubah = $7 WHERE id = $1"
    ).bind(id.0).bind(new.kode.as_str()).bind(&new.nama).bind(&new.singkatan)
     .bind(new.jenis.code()).bind(new.induk.map(|i| i.0)).bind(time_text::now())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "pd.diubah",
            entity: "pd",
            entity_id: id.to_string(),
            pd: Some(id.to_string()),
            detail: detail(new),
        },
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// Archive or restore a PD.
pub async fn set_archived(
    db: &Db,
    actor: &Actor,
    id: PdId,
    archived: bool,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query("UPDATE pd SET diarsipkan = $2, diubah = $3 WHERE id = $1")
        .bind(id.0).bind(archived).bind(time_text::now()).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(
        &mut tx,
        actor,
        Change {
            action: if archived {
                "pd.diarsipkan"
            } else {
                "pd.dipulihkan"
            },
            entity: "pd",
            entity_id: id.to_string(),
            pd: Some(id.to_string()),
            detail: json!({}),
        },
    )
    .await?;
    tx.commit().await
}

/// Count of active PDs per kind.
pub async fn count_by_jenis(db: &Db) -> Result<Vec<(String, i64)>, StoreError> {
    Ok(on_db!(db, p => sqlx::query_as(
        "SELECT jenis, COUNT(*) FROM pd WHERE NOT diarsipkan GROUP BY jenis ORDER BY COUNT(*) DESC, jenis"
    ).fetch_all(p).await)?)
}

fn detail(new: &NewPd) -> serde_json::Value {
    json!({
        "kode": new.kode.as_str(),
        "nama": new.nama,
        "singkatan": new.singkatan,
        "jenis": new.jenis.code(),
        "induk": new.induk.map(|i| i.to_string()),
    })
}
