//! The planning documents themselves: create, change, read. A file given with a create
//! or a change becomes the document's next version in the same transaction.

use serde_json::json;
use simpul_domain::ids::DokumenPerencanaanId;
use simpul_domain::plan::{
    DokumenPerencanaan, JenisDokumenPerencanaan, NewDokumenPerencanaan, PeriodeRencana,
    StatusDokumen,
};
use simpul_domain::registry::value::{date, fmt_date};
use uuid::Uuid;

use super::{BerkasBaru, change, file_detail, versi};
use crate::audit::{self, Actor};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

const COLUMNS: &str = "id, jenis, judul, periode_awal, periode_akhir, nomor_penetapan, \
                       tanggal_penetapan, status, dibuat, diubah";

type Row = (
    Uuid,
    String,
    String,
    Option<i32>,
    Option<i32>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
);

fn corrupt(what: &str, v: &str) -> StoreError {
    StoreError::Corrupt(format!("dokumen_perencanaan.{what} {v:?}"))
}

fn to_dokumen(r: Row) -> Result<DokumenPerencanaan, StoreError> {
    let (id, jenis, judul, awal, akhir, nomor, tanggal, status, dibuat, diubah) = r;
    let periode = match (awal, akhir) {
        (Some(a), Some(b)) => {
            Some(PeriodeRencana::new(a, b).map_err(|_| corrupt("periode", &format!("{a}-{b}")))?)
        }
        (None, None) => None,
        (a, b) => return Err(corrupt("periode", &format!("{a:?}-{b:?}"))),
    };
    let tanggal_penetapan = match tanggal {
        Some(t) => Some(date(&t).map_err(|_| corrupt("tanggal_penetapan", &t))?),
        None => None,
    };
    Ok(DokumenPerencanaan {
        id: DokumenPerencanaanId(id),
        jenis: JenisDokumenPerencanaan::from_code(&jenis)
            .ok_or_else(|| corrupt("jenis", &jenis))?,
        judul,
        periode,
        nomor_penetapan: nomor,
        tanggal_penetapan,
        status: StatusDokumen::from_code(&status).ok_or_else(|| corrupt("status", &status))?,
        dibuat,
        diubah,
    })
}

/// What the audit trail records of a document's values.
fn detail(new: &NewDokumenPerencanaan) -> serde_json::Value {
    json!({
        "jenis": new.jenis.code(),
        "judul": new.judul,
        "periode": new.periode.map(|p| format!("{}-{}", p.awal(), p.akhir())),
        "nomor_penetapan": new.nomor_penetapan,
        "tanggal_penetapan": new.tanggal_penetapan.map(fmt_date),
        "status": new.status.code(),
    })
}

/// Record a new document, with its first file when one is given.
pub async fn create(
    db: &Db,
    actor: &Actor,
    new: &NewDokumenPerencanaan,
    file: Option<BerkasBaru<'_>>,
) -> Result<DokumenPerencanaan, StoreError> {
    let id = DokumenPerencanaanId(Uuid::now_v7());
    let now = time_text::now();
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO dokumen_perencanaan (id, jenis, judul, periode_awal, periode_akhir,
            nomor_penetapan, tanggal_penetapan, status, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
    ).bind(id.0).bind(new.jenis.code()).bind(&new.judul)
     .bind(new.periode.map(|p| p.awal())).bind(new.periode.map(|p| p.akhir()))
     .bind(&new.nomor_penetapan).bind(new.tanggal_penetapan.map(fmt_date))
     .bind(new.status.code()).bind(&now)
     .execute(&mut *c).await)?;
    let mut d = detail(new);
    if let Some(f) = file {
        let v = versi::insert(&mut tx, actor, id, &f).await?;
        d["berkas"] = file_detail(v, &f);
    }
    audit::append(&mut tx, actor, change("perencanaan.dibuat", id, d)).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Change a document's values; a file given becomes its next version. Nothing of the
/// earlier values is lost: the audit trail keeps them, and earlier files stay as versions.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: DokumenPerencanaanId,
    new: &NewDokumenPerencanaan,
    file: Option<BerkasBaru<'_>>,
) -> Result<DokumenPerencanaan, StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE dokumen_perencanaan SET jenis = $2, judul = $3, periode_awal = $4,
            periode_akhir = $5, nomor_penetapan = $6, tanggal_penetapan = $7, status = $8,
            diubah = $9
         WHERE id = $1"
    ).bind(id.0).bind(new.jenis.code()).bind(&new.judul)
     .bind(new.periode.map(|p| p.awal())).bind(new.periode.map(|p| p.akhir()))
     .bind(&new.nomor_penetapan).bind(new.tanggal_penetapan.map(fmt_date))
     .bind(new.status.code()).bind(time_text::now())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    let mut d = detail(new);
    if let Some(f) = file {
        let v = versi::insert(&mut tx, actor, id, &f).await?;
        d["berkas"] = file_detail(v, &f);
    }
    audit::append(&mut tx, actor, change("perencanaan.diubah", id, d)).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One document.
pub async fn get(db: &Db, id: DokumenPerencanaanId) -> Result<DokumenPerencanaan, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM dokumen_perencanaan WHERE id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_dokumen(row)
}

/// Every document: by kind in the order of [`JenisDokumenPerencanaan::ALL`], then the
/// latest adopted first (drafts without a decree date before them), then newest record.
pub async fn list(db: &Db) -> Result<Vec<DokumenPerencanaan>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM dokumen_perencanaan");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    let mut docs = rows
        .into_iter()
        .map(to_dokumen)
        .collect::<Result<Vec<_>, _>>()?;
    // Sorted here: the two backends order NULL dates differently, and there are dozens
    // of these documents, not thousands.
    let rank = |j: JenisDokumenPerencanaan| {
        JenisDokumenPerencanaan::ALL
            .iter()
            .position(|x| *x == j)
            .unwrap_or(usize::MAX)
    };
    docs.sort_by(|a, b| {
        rank(a.jenis)
            .cmp(&rank(b.jenis))
            .then_with(|| {
                let key = |d: &DokumenPerencanaan| d.tanggal_penetapan.map(|t| -t.to_julian_day());
                key(a).cmp(&key(b))
            })
            .then_with(|| b.dibuat.cmp(&a.dibuat))
    });
    Ok(docs)
}
