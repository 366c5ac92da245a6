//! Evaluation periods: one year scored against one model, and its status.

use serde_json::json;
use simpul_domain::evaluation::alur::StatusPeriode;
use simpul_domain::ids::PeriodeEvaluasiId;
use uuid::Uuid;

use super::change;
use crate::audit::{self, Actor};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A period.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Periode {
    /// Id.
    pub id: PeriodeEvaluasiId,
    /// Index year.
    pub tahun: i32,
    /// Model code (e.g. `spbe-2020`).
    pub model: String,
    /// Status.
    pub status: StatusPeriode,
    /// The region's target index, in hundredths (350 = 3,50).
    pub target: Option<i32>,
    /// When it was submitted (RFC 3339).
    pub diajukan: Option<String>,
    /// When it was approved (RFC 3339).
    pub disetujui: Option<String>,
    /// Who approved it (NIP).
    pub disetujui_oleh: Option<String>,
    /// When it was opened (RFC 3339).
    pub dibuat: String,
}

const COLUMNS: &str =
    "id, tahun, model, status, target, diajukan, disetujui, disetujui_oleh, dibuat";

type Row = (
    Uuid,
    i32,
    String,
    String,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

fn to_periode(r: Row) -> Result<Periode, StoreError> {
    let (id, tahun, model, status, target, diajukan, disetujui, oleh, dibuat) = r;
    Ok(Periode {
        id: PeriodeEvaluasiId(id),
        tahun,
        model,
        status: StatusPeriode::parse(&status)
            .map_err(|_| StoreError::Corrupt(format!("evaluasi_periode.status {status:?}")))?,
        target,
        diajukan,
        disetujui,
        disetujui_oleh: oleh,
        dibuat,
    })
}

/// Open a period for `tahun` on `model` with its indicators (numbers, checked by the
/// caller against the model), each a draft. A second period for the same year and model
/// is `Conflict("tahun")`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    tahun: i32,
    model: &str,
    indikator: &[u32],
) -> Result<Periode, StoreError> {
    let id = PeriodeEvaluasiId(Uuid::now_v7());
    let now = time_text::now();
    let mut tx = db.begin().await?;
    let taken: Option<i32> = crate::on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT 1 FROM evaluasi_periode WHERE tahun = $1 AND model = $2"
    ).bind(tahun).bind(model).fetch_optional(&mut *c).await)?;
    if taken.is_some() {
        return Err(StoreError::Conflict("tahun"));
    }
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO evaluasi_periode (id, tahun, model, status, dibuat)
         VALUES ($1, $2, $3, $4, $5)"
    ).bind(id.0).bind(tahun).bind(model).bind(StatusPeriode::Pengisian.code()).bind(&now)
     .execute(&mut *c).await)?;
    for n in indikator {
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO evaluasi_indikator (periode, nomor, status, diubah, diubah_oleh)
             VALUES ($1, $2, 'draf', $3, $4)"
        ).bind(id.0).bind(super::num(*n)).bind(&now).bind(&actor.0)
         .execute(&mut *c).await)?;
    }
    let detail = json!({"tahun": tahun, "model": model, "indikator": indikator.len()});
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.periode_dibuka", id, None, detail),
    )
    .await?;
    tx.commit().await?;
    get(db, id).await
}

/// One period.
pub async fn get(db: &Db, id: PeriodeEvaluasiId) -> Result<Periode, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM evaluasi_periode WHERE id = $1");
    let row: Option<Row> =
        on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_optional(p).await)?;
    to_periode(row.ok_or(StoreError::NotFound)?)
}

/// Every period, latest year first.
pub async fn list(db: &Db) -> Result<Vec<Periode>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM evaluasi_periode ORDER BY tahun DESC, model");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    rows.into_iter().map(to_periode).collect()
}

/// Set the region's target index (hundredths) of a period.
pub async fn set_target(
    db: &Db,
    actor: &Actor,
    id: PeriodeEvaluasiId,
    target: Option<i32>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_periode SET target = $2 WHERE id = $1"
    ).bind(id.0).bind(target).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    let detail = json!({"target": target});
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.target_diubah", id, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Submit a period (the caller checked `alur::syarat_pengajuan`). Only a period still
/// being filled in moves; otherwise `Conflict("status")`.
pub async fn ajukan(db: &Db, actor: &Actor, id: PeriodeEvaluasiId) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_periode SET status = 'diajukan', diajukan = $2
         WHERE id = $1 AND status = 'pengisian'"
    ).bind(id.0).bind(time_text::now()).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.diajukan", id, None, json!({})),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Approve a period with the final level of each indicator (computed by the domain from
/// the reviews) and the index it gives, recorded in the audit entry. Only a submitted
/// period moves; otherwise `Conflict("status")`.
pub async fn setujui(
    db: &Db,
    actor: &Actor,
    id: PeriodeEvaluasiId,
    tingkat_akhir: &[(u32, u8)],
    indeks: &str,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_periode SET status = 'disetujui', disetujui = $2, disetujui_oleh = $3
         WHERE id = $1 AND status = 'diajukan'"
    ).bind(id.0).bind(time_text::now()).bind(&actor.0).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    for (nomor, level) in tingkat_akhir {
        exec_tx!(&mut tx, c => sqlx::query(
            "UPDATE evaluasi_indikator SET level_akhir = $3 WHERE periode = $1 AND nomor = $2"
        ).bind(id.0).bind(super::num(*nomor)).bind(i32::from(*level)).execute(&mut *c).await)?;
    }
    let detail = json!({"indeks": indeks, "tingkat_akhir": tingkat_akhir});
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.disetujui", id, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
