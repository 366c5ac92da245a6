//! Versions of a planning document's file: the draft, the adopted text, a revision. Each
//! upload is the next version; none is replaced, so the text adopted by a decree can
//! still be downloaded after a revision.

use serde::Serialize;
use simpul_domain::ids::{DokumenPerencanaanId, VersiDokumenId};
use uuid::Uuid;

use super::{BerkasBaru, change, file_detail};
use crate::audit::{self, Actor};
use crate::berkas::{BERKAS_COLUMNS, Berkas, insert as insert_berkas, to_berkas};
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// One version of a document's file.
#[derive(Debug, Clone, Serialize)]
pub struct VersiDokumen {
    /// Id.
    pub id: VersiDokumenId,
    /// The document.
    pub dokumen: DokumenPerencanaanId,
    /// 1 for the first file, then 2, 3, …
    pub versi: i32,
    /// What this version is, in the uploader's words.
    pub catatan: Option<String>,
    /// When it was uploaded (UTC, RFC 3339).
    pub dibuat: String,
    /// The file.
    pub berkas: Berkas,
}

type Row = (
    Uuid,
    Uuid,
    i32,
    Option<String>,
    String,
    Uuid,
    String,
    i64,
    String,
    String,
    String,
    String,
);

fn to_versi(r: Row) -> Result<VersiDokumen, StoreError> {
    let (id, dokumen, versi, catatan, dibuat, bid, sha, uk, mime, nama, oleh, pada) = r;
    Ok(VersiDokumen {
        id: VersiDokumenId(id),
        dokumen: DokumenPerencanaanId(dokumen),
        versi,
        catatan,
        dibuat,
        berkas: to_berkas((bid, sha, uk, mime, nama, oleh, pada))?,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT v.id, v.dokumen, v.versi, v.catatan, v.dibuat, {BERKAS_COLUMNS}
         FROM dokumen_perencanaan_versi v JOIN berkas b ON b.id = v.berkas WHERE {filter}"
    )
}

/// Record `f` as the next version of `dokumen` inside `tx`; returns the version number.
pub(super) async fn insert(
    tx: &mut Tx,
    actor: &Actor,
    dokumen: DokumenPerencanaanId,
    f: &BerkasBaru<'_>,
) -> Result<i32, StoreError> {
    let versi: i32 = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(versi), 0) + 1 AS INTEGER) FROM dokumen_perencanaan_versi
         WHERE dokumen = $1"
    ).bind(dokumen.0).fetch_one(&mut *c).await)?;
    let berkas = insert_berkas(tx, actor, f.unggahan).await?;
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO dokumen_perencanaan_versi (id, dokumen, versi, catatan, berkas, dibuat)
         VALUES ($1, $2, $3, $4, $5, $6)"
    ).bind(Uuid::now_v7()).bind(dokumen.0).bind(versi).bind(f.catatan)
     .bind(berkas.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    Ok(versi)
}

/// Upload a new version of `dokumen`'s file. An unknown document is `NotFound`.
pub async fn add(
    db: &Db,
    actor: &Actor,
    dokumen: DokumenPerencanaanId,
    f: BerkasBaru<'_>,
) -> Result<VersiDokumen, StoreError> {
    let mut tx = db.begin().await?;
    let known: Option<i32> = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT 1 FROM dokumen_perencanaan WHERE id = $1"
    ).bind(dokumen.0).fetch_optional(&mut *c).await)?;
    if known.is_none() {
        return Err(StoreError::NotFound);
    }
    let versi = insert(&mut tx, actor, dokumen, &f).await?;
    let entry = change(
        "perencanaan.berkas_diunggah",
        dokumen,
        file_detail(versi, &f),
    );
    audit::append(&mut tx, actor, entry).await?;
    tx.commit().await?;
    let sql = select("v.dokumen = $1 AND v.versi = $2");
    let row: Row =
        on_db!(db, p => sqlx::query_as(&sql).bind(dokumen.0).bind(versi).fetch_one(p).await)?;
    to_versi(row)
}

/// One version.
pub async fn get(db: &Db, id: VersiDokumenId) -> Result<VersiDokumen, StoreError> {
    let sql = select("v.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_versi(row)
}

/// Every version of a document, newest first.
pub async fn of_dokumen(
    db: &Db,
    dokumen: DokumenPerencanaanId,
) -> Result<Vec<VersiDokumen>, StoreError> {
    let sql = format!("{} ORDER BY v.versi DESC", select("v.dokumen = $1"));
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(dokumen.0).fetch_all(p).await)?;
    rows.into_iter().map(to_versi).collect()
}
