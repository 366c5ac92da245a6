//! The answers for each indicator of a period: self-assessed level and justification,
//! the value of an external indicator with its source, the status during filling in,
//! the final level fixed at approval and the national result entered afterwards.

use serde_json::json;
use simpul_domain::evaluation::alur::StatusIndikator;
use simpul_domain::ids::PeriodeEvaluasiId;

use super::{change, num, small};
use crate::audit::{self, Actor};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// One indicator of a period.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IndikatorPeriode {
    /// Indicator number in the period's model.
    pub nomor: u32,
    /// Status while filling in.
    pub status: StatusIndikator,
    /// Self-assessed level.
    pub level: Option<u8>,
    /// Why that level.
    pub justifikasi: Option<String>,
    /// For sector service indicators: the service submitted.
    pub nama_layanan: Option<String>,
    /// External value in hundredths (e.g. 345 = 3,45).
    pub nilai_eksternal: Option<i32>,
    /// Where the external value comes from.
    pub sumber_eksternal: Option<String>,
    /// Date of that source (YYYY-MM-DD).
    pub tanggal_sumber: Option<String>,
    /// Final level, fixed at approval.
    pub level_akhir: Option<u8>,
    /// National result in hundredths, entered after approval.
    pub nasional: Option<i32>,
    /// Last change (RFC 3339) and by whom.
    pub diubah: String,
    /// NIP of who changed it last.
    pub diubah_oleh: String,
}

/// What a PD enters for an indicator.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Isian {
    /// Self-assessed level.
    pub level: Option<u8>,
    /// Justification.
    pub justifikasi: Option<String>,
    /// Sector service named.
    pub nama_layanan: Option<String>,
    /// External value (hundredths).
    pub nilai_eksternal: Option<i32>,
    /// Its source.
    pub sumber_eksternal: Option<String>,
    /// Its date (YYYY-MM-DD).
    pub tanggal_sumber: Option<String>,
}

const COLUMNS: &str = "nomor, status, level, justifikasi, nama_layanan, nilai_eksternal, \
                       sumber_eksternal, tanggal_sumber, level_akhir, nasional, diubah, diubah_oleh";

type Row = (
    i32,
    String,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<String>,
    Option<String>,
    Option<i32>,
    Option<i32>,
    String,
    String,
);

fn to_indikator(r: Row) -> Result<IndikatorPeriode, StoreError> {
    let (nomor, status, level, just, layanan, ext, sumber, tgl, akhir, nasional, diubah, oleh) = r;
    Ok(IndikatorPeriode {
        nomor: u32::try_from(nomor)
            .map_err(|_| StoreError::Corrupt(format!("evaluasi_indikator.nomor {nomor}")))?,
        status: StatusIndikator::parse(&status)
            .map_err(|_| StoreError::Corrupt(format!("evaluasi_indikator.status {status:?}")))?,
        level: level.map(|l| small(l, "level")).transpose()?,
        justifikasi: just,
        nama_layanan: layanan,
        nilai_eksternal: ext,
        sumber_eksternal: sumber,
        tanggal_sumber: tgl,
        level_akhir: akhir.map(|l| small(l, "level_akhir")).transpose()?,
        nasional,
        diubah,
        diubah_oleh: oleh,
    })
}

/// Every indicator of a period, by number.
pub async fn of_periode(
    db: &Db,
    periode: PeriodeEvaluasiId,
) -> Result<Vec<IndikatorPeriode>, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM evaluasi_indikator WHERE periode = $1 ORDER BY nomor");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(periode.0).fetch_all(p).await)?;
    rows.into_iter().map(to_indikator).collect()
}

/// One indicator of a period.
pub async fn get(
    db: &Db,
    periode: PeriodeEvaluasiId,
    nomor: u32,
) -> Result<IndikatorPeriode, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM evaluasi_indikator WHERE periode = $1 AND nomor = $2");
    let row: Option<Row> = on_db!(db, p => sqlx::query_as(&sql)
        .bind(periode.0).bind(num(nomor)).fetch_optional(p).await)?;
    to_indikator(row.ok_or(StoreError::NotFound)?)
}

/// Record what a PD entered (checked by the domain), for the audit entry of PD `pd`.
pub async fn isi(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    pd: Option<String>,
    isian: &Isian,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_indikator SET level = $3, justifikasi = $4, nama_layanan = $5,
            nilai_eksternal = $6, sumber_eksternal = $7, tanggal_sumber = $8, diubah = $9,
            diubah_oleh = $10
         WHERE periode = $1 AND nomor = $2 AND status = 'draf'"
    ).bind(periode.0).bind(num(nomor)).bind(isian.level.map(i32::from))
     .bind(&isian.justifikasi).bind(&isian.nama_layanan).bind(isian.nilai_eksternal)
     .bind(&isian.sumber_eksternal).bind(&isian.tanggal_sumber).bind(time_text::now())
     .bind(&actor.0).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    let detail = json!({
        "nomor": nomor,
        "level": isian.level,
        "justifikasi": isian.justifikasi,
        "nama_layanan": isian.nama_layanan,
        "nilai_eksternal": isian.nilai_eksternal,
        "sumber_eksternal": isian.sumber_eksternal,
        "tanggal_sumber": isian.tanggal_sumber,
    });
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.indikator_diisi", periode, pd, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Move an indicator from `dari` to `ke` (consolidate or reopen). If it is no longer
/// in `dari`, `Conflict("status")`.
pub async fn set_status(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    dari: StatusIndikator,
    ke: StatusIndikator,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_indikator SET status = $4, diubah = $5, diubah_oleh = $6
         WHERE periode = $1 AND nomor = $2 AND status = $3"
    ).bind(periode.0).bind(num(nomor)).bind(dari.code()).bind(ke.code())
     .bind(time_text::now()).bind(&actor.0).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    let detail = json!({"nomor": nomor, "status": ke.code()});
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.status_indikator", periode, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Record the national (external) result of each indicator, in hundredths; `None`
/// clears one.
pub async fn set_nasional(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nilai: &[(u32, Option<i32>)],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    for (nomor, v) in nilai {
        exec_tx!(&mut tx, c => sqlx::query(
            "UPDATE evaluasi_indikator SET nasional = $3 WHERE periode = $1 AND nomor = $2"
        ).bind(periode.0).bind(num(*nomor)).bind(*v).execute(&mut *c).await)?;
    }
    let detail = json!({"nasional": nilai});
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.hasil_nasional", periode, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
