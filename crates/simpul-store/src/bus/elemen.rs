//! Data element definitions (Satu Data standard fields), kept by the Dinas.

use serde::Serialize;
use serde_json::json;
use simpul_domain::bus::ElemenData;
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A stored definition.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Elemen {
    /// Id.
    pub id: Uuid,
    /// Machine name.
    pub nama: String,
    /// Definition.
    pub definisi: String,
    /// Value type.
    pub tipe: String,
    /// Unit.
    pub satuan: Option<String>,
    /// Reference.
    pub referensi: Option<String>,
    /// Last changed (UTC).
    pub diubah: String,
}

const SELECT: &str = "SELECT id, nama, definisi, tipe, satuan, referensi, diubah FROM bus_elemen";

/// Define an element; a taken name is `Conflict`.
pub async fn create(db: &Db, actor: &Actor, e: &ElemenData) -> Result<Elemen, StoreError> {
    let mut tx = db.begin().await?;
    let id = Uuid::now_v7();
    let now = time_text::now();
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO bus_elemen (id, nama, definisi, tipe, satuan, referensi, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)"
    ).bind(id).bind(&e.nama).bind(&e.definisi).bind(&e.tipe).bind(&e.satuan)
     .bind(&e.referensi).bind(&now).execute(&mut *c).await)?;
    let change = Change {
        action: "bus.elemen_didefinisikan",
        entity: "bus_elemen",
        entity_id: id.to_string(),
        pd: None,
        detail: json!(e),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Change a definition (its name included).
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    e: &ElemenData,
) -> Result<Elemen, StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE bus_elemen SET nama = $1, definisi = $2, tipe = $3, satuan = $4, referensi = $5,
            diubah = $6 WHERE id = $7"
    ).bind(&e.nama).bind(&e.definisi).bind(&e.tipe).bind(&e.satuan).bind(&e.referensi)
     .bind(time_text::now()).bind(id).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    let change = Change {
        action: "bus.elemen_diubah",
        entity: "bus_elemen",
        entity_id: id.to_string(),
        pd: None,
        detail: json!(e),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One definition.
pub async fn get(db: &Db, id: Uuid) -> Result<Elemen, StoreError> {
    let sql = format!("{SELECT} WHERE id = $1");
    Ok(on_db!(db, p => sqlx::query_as(&sql).bind(id).fetch_one(p).await)?)
}

/// Every definition, by name.
pub async fn list(db: &Db) -> Result<Vec<Elemen>, StoreError> {
    let sql = format!("{SELECT} ORDER BY nama");
    Ok(on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?)
}
