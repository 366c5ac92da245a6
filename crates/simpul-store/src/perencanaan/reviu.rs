//! Reviews of planning documents, each with its date, findings and optionally the review
//! report as a file. Reviews are the fulfilment records of the "reviewed at mid-term and
//! in the final year" obligations, so they are only ever added, never edited.

use serde::Serialize;
use serde_json::json;
use simpul_domain::ids::{DokumenPerencanaanId, ReviuPerencanaanId};
use simpul_domain::plan::{NewReviu, Reviu};
use simpul_domain::registry::value::{date, fmt_date};
use uuid::Uuid;

use super::change;
use crate::audit::{self, Actor};
use crate::berkas::{BERKAS_COLUMNS, Berkas, Unggahan, insert as insert_berkas, to_berkas};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// A recorded review with its report file, if one was handed in.
#[derive(Debug, Clone, Serialize)]
pub struct ReviuDokumen {
    /// The review.
    #[serde(flatten)]
    pub reviu: Reviu,
    /// The report.
    pub berkas: Option<Berkas>,
}

type Row = (
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    Option<Uuid>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn to_reviu(r: Row) -> Result<ReviuDokumen, StoreError> {
    let (id, dokumen, tanggal, ringkasan, oleh, dibuat, bid, sha, uk, mime, nama, b_oleh, pada) = r;
    let berkas = match (bid, sha, uk, mime, nama, b_oleh, pada) {
        (Some(bid), Some(sha), Some(uk), Some(mime), Some(nama), Some(o), Some(p)) => {
            Some(to_berkas((bid, sha, uk, mime, nama, o, p))?)
        }
        _ => None,
    };
    Ok(ReviuDokumen {
        reviu: Reviu {
            id: ReviuPerencanaanId(id),
            dokumen: DokumenPerencanaanId(dokumen),
            tanggal: date(&tanggal).map_err(|_| {
                StoreError::Corrupt(format!("reviu_perencanaan.tanggal {tanggal:?}"))
            })?,
            ringkasan,
            dicatat_oleh: oleh,
            dibuat,
        },
        berkas,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT r.id, r.dokumen, r.tanggal, r.ringkasan, r.dicatat_oleh, r.dibuat, {BERKAS_COLUMNS}
         FROM reviu_perencanaan r LEFT JOIN berkas b ON b.id = r.berkas WHERE {filter}"
    )
}

/// Record a review of `dokumen`, with its report when given. An unknown document is
/// `NotFound`.
pub async fn add(
    db: &Db,
    actor: &Actor,
    dokumen: DokumenPerencanaanId,
    new: &NewReviu,
    file: Option<&Unggahan>,
) -> Result<ReviuDokumen, StoreError> {
    let mut tx = db.begin().await?;
    let known: Option<i32> = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT 1 FROM dokumen_perencanaan WHERE id = $1"
    ).bind(dokumen.0).fetch_optional(&mut *c).await)?;
    if known.is_none() {
        return Err(StoreError::NotFound);
    }
    let berkas = match file {
        Some(u) => Some(insert_berkas(&mut tx, actor, u).await?),
        None => None,
    };
    let id = ReviuPerencanaanId(Uuid::now_v7());
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO reviu_perencanaan (id, dokumen, tanggal, ringkasan, berkas, dicatat_oleh, dibuat)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(id.0).bind(dokumen.0).bind(fmt_date(new.tanggal)).bind(&new.ringkasan)
     .bind(berkas.map(|b| b.0)).bind(&actor.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    let detail = json!({
        "reviu": id.to_string(),
        "tanggal": fmt_date(new.tanggal),
        "ringkasan": new.ringkasan,
        "berkas": file.map(|u| u.nama.as_str()),
        "sha256": file.map(|u| u.sha256.as_str()),
    });
    let entry = change("perencanaan.reviu_dicatat", dokumen, detail);
    audit::append(&mut tx, actor, entry).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One review.
pub async fn get(db: &Db, id: ReviuPerencanaanId) -> Result<ReviuDokumen, StoreError> {
    let sql = select("r.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_reviu(row)
}

/// Every review of a document, latest first.
pub async fn of_dokumen(
    db: &Db,
    dokumen: DokumenPerencanaanId,
) -> Result<Vec<ReviuDokumen>, StoreError> {
    let sql = format!(
        "{} ORDER BY r.tanggal DESC, r.dibuat DESC",
        select("r.dokumen = $1")
    );
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(dokumen.0).fetch_all(p).await)?;
    rows.into_iter().map(to_reviu).collect()
}
