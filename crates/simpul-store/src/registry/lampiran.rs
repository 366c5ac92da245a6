//! Documents of registry records (SOP of a business process, the ministerial
//! consideration of a closed-source application, diagrams of infrastructure). Each upload
//! of a kind of document is its next version; earlier versions stay readable.

use serde::Serialize;
use serde_json::json;
use simpul_domain::berkas::JenisDokumen;
use simpul_domain::ids::{ItemId, LampiranId};
use simpul_domain::registry::Item;
use uuid::Uuid;

use super::item::change;
use crate::audit::{self, Actor};
use crate::berkas::{BERKAS_COLUMNS, Berkas, BerkasRow, Unggahan, insert, to_berkas};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// One version of a document of a record.
#[derive(Debug, Clone, Serialize)]
pub struct Lampiran {
    /// Id.
    pub id: LampiranId,
    /// The record.
    pub item: ItemId,
    /// Kind of document.
    pub jenis: JenisDokumen,
    /// 1 for the first upload of this kind to this record, then 2, 3, …
    pub versi: i32,
    /// Title, e.g. the SOP's number and name.
    pub judul: String,
    /// When it was attached (UTC, RFC 3339).
    pub dibuat: String,
    /// The file.
    pub berkas: Berkas,
}

type Row = (Uuid, Uuid, String, i32, String, String);

fn to_lampiran(
    (id, item, jenis, versi, judul, dibuat): Row,
    b: BerkasRow,
) -> Result<Lampiran, StoreError> {
    Ok(Lampiran {
        id: LampiranId(id),
        item: ItemId(item),
        jenis: JenisDokumen::from_code(&jenis)
            .ok_or_else(|| StoreError::Corrupt(format!("lampiran.jenis {jenis:?}")))?,
        versi,
        judul,
        dibuat,
        berkas: to_berkas(b)?,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT l.id, l.item, l.jenis, l.versi, l.judul, l.dibuat, {BERKAS_COLUMNS}
         FROM lampiran l JOIN berkas b ON b.id = l.berkas WHERE {filter}"
    )
}

type FullRow = (
    Uuid,
    Uuid,
    String,
    i32,
    String,
    String,
    Uuid,
    String,
    i64,
    String,
    String,
    String,
    String,
);

fn split(r: FullRow) -> Result<Lampiran, StoreError> {
    let (id, item, jenis, versi, judul, dibuat, bid, sha, uk, mime, nama, oleh, pada) = r;
    to_lampiran(
        (id, item, jenis, versi, judul, dibuat),
        (bid, sha, uk, mime, nama, oleh, pada),
    )
}

/// Attach a new version of a `jenis` document to `it`. An archived record takes no new
/// documents (`MissingReference`, as for relations); the caller checks that `jenis`
/// applies to the record's kind.
pub async fn add(
    db: &Db,
    actor: &Actor,
    it: &Item,
    jenis: JenisDokumen,
    judul: &str,
    u: &Unggahan,
) -> Result<Lampiran, StoreError> {
    let mut tx = db.begin().await?;
    let archived: Option<bool> = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT diarsipkan FROM arsitektur WHERE id = $1"
    ).bind(it.id.0).fetch_optional(&mut *c).await)?;
    if archived != Some(false) {
        return Err(StoreError::MissingReference);
    }
    let versi: i32 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(versi), 0) + 1 AS INTEGER) FROM lampiran WHERE item = $1 AND jenis = $2"
    ).bind(it.id.0).bind(jenis.code()).fetch_one(&mut *c).await)?;
    let berkas = insert(&mut tx, actor, u).await?;
    let id = LampiranId(Uuid::now_v7());
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO lampiran (id, item, jenis, versi, judul, berkas, dibuat)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(id.0).bind(it.id.0).bind(jenis.code()).bind(versi).bind(judul)
     .bind(berkas.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    let detail = json!({
        "dokumen": jenis.code(),
        "versi": versi,
        "judul": judul,
        "berkas": u.nama.as_str(),
        "sha256": u.sha256.as_str(),
        "ukuran": u.ukuran,
    });
    audit::append(
        &mut tx,
        actor,
        change("arsitektur.dokumen_diunggah", it.id, it.pd, detail),
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// One document version.
pub async fn get(db: &Db, id: LampiranId) -> Result<Lampiran, StoreError> {
    let sql = select("l.id = $1");
    let row: FullRow = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    split(row)
}

/// Every document version of a record: by kind, newest version first.
pub async fn of_item(db: &Db, item: ItemId) -> Result<Vec<Lampiran>, StoreError> {
    let sql = format!("{} ORDER BY l.jenis, l.versi DESC", select("l.item = $1"));
    let rows: Vec<FullRow> = on_db!(db, p => sqlx::query_as(&sql).bind(item.0).fetch_all(p).await)?;
    rows.into_iter().map(split).collect()
}
