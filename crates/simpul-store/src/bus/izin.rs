//! Access grants: a consumer may call a service for a purpose, on a legal basis, until
//! a last day, once the Dinas approved the request.

use serde::Serialize;
use serde_json::json;
use simpul_domain::bus::StatusIzin;
use simpul_domain::ids::PdId;
use time::Date;
use time::macros::format_description;
use uuid::Uuid;

use super::tinjauan;
use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

const TANGGAL: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// `YYYY-MM-DD`.
pub fn tanggal_text(d: Date) -> String {
    d.format(TANGGAL).unwrap_or_default()
}

/// Parse `YYYY-MM-DD`.
pub fn parse_tanggal(s: &str) -> Option<Date> {
    Date::parse(s.trim(), TANGGAL).ok()
}

fn tanggal_json<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&tanggal_text(*d))
}

/// A grant.
#[derive(Debug, Clone, Serialize)]
pub struct Izin {
    /// Id.
    pub id: Uuid,
    /// Consumer.
    pub konsumen: Uuid,
    /// Consumer code.
    pub konsumen_kode: String,
    /// The consumer's PD.
    pub konsumen_pd: PdId,
    /// Service.
    pub layanan: Uuid,
    /// Service key `PD/kode/versi`.
    pub layanan_key: String,
    /// The service's PD.
    pub layanan_pd: PdId,
    /// Purpose.
    pub tujuan: String,
    /// Legal basis.
    pub dasar_hukum: String,
    /// Last valid day; `YYYY-MM-DD` in JSON, as the API takes it.
    #[serde(serialize_with = "tanggal_json")]
    pub berlaku_sampai: Date,
    /// Status.
    pub status: StatusIzin,
    /// NIP of the requester.
    pub diminta_oleh: String,
    /// Requested (UTC).
    pub dibuat: String,
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    konsumen: Uuid,
    konsumen_kode: String,
    konsumen_pd: Uuid,
    layanan: Uuid,
    pd_kode: String,
    l_kode: String,
    l_versi: String,
    layanan_pd: Uuid,
    tujuan: String,
    dasar_hukum: String,
    berlaku_sampai: String,
    status: String,
    diminta_oleh: String,
    dibuat: String,
}

impl Row {
    fn into_izin(self) -> Result<Izin, StoreError> {
        Ok(Izin {
            id: self.id,
            konsumen: self.konsumen,
            konsumen_kode: self.konsumen_kode,
            konsumen_pd: PdId(self.konsumen_pd),
            layanan: self.layanan,
            layanan_key: format!("{}/{}/{}", self.pd_kode, self.l_kode, self.l_versi),
            layanan_pd: PdId(self.layanan_pd),
            tujuan: self.tujuan,
            dasar_hukum: self.dasar_hukum,
            berlaku_sampai: parse_tanggal(&self.berlaku_sampai).ok_or_else(|| {
                StoreError::Corrupt(format!("bus_izin.berlaku_sampai {:?}", self.berlaku_sampai))
            })?,
            status: StatusIzin::from_code(&self.status)
                .ok_or_else(|| StoreError::Corrupt(format!("bus_izin.status {:?}", self.status)))?,
            diminta_oleh: self.diminta_oleh,
            dibuat: self.dibuat,
        })
    }
}

const SELECT: &str = "SELECT i.id, i.konsumen, k.kode AS konsumen_kode, k.pd AS konsumen_pd,
    i.layanan, p.kode AS pd_kode, l.kode AS l_kode, l.versi AS l_versi, l.pd AS layanan_pd,
    i.tujuan, i.dasar_hukum, i.berlaku_sampai, i.status, i.diminta_oleh, i.dibuat
    FROM bus_izin i JOIN bus_konsumen k ON k.id = i.konsumen
    JOIN bus_layanan l ON l.id = i.layanan JOIN pd p ON p.id = l.pd";

/// Request a grant (status `usulan`). Unknown consumer or service: `MissingReference`.
pub async fn minta(
    db: &Db,
    actor: &Actor,
    konsumen: Uuid,
    layanan: Uuid,
    tujuan: &str,
    dasar_hukum: &str,
    berlaku_sampai: Date,
) -> Result<Izin, StoreError> {
    let k = super::konsumen::get(db, konsumen)
        .await
        .map_err(not_found_is_missing)?;
    let l = super::layanan::get(db, layanan)
        .await
        .map_err(not_found_is_missing)?;
    let mut tx = db.begin().await?;
    let id = Uuid::now_v7();
    let now = time_text::now();
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO bus_izin (id, konsumen, layanan, tujuan, dasar_hukum, berlaku_sampai, status,
            diminta_oleh, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, 'usulan', $7, $8, $8)"
    ).bind(id).bind(konsumen).bind(layanan).bind(tujuan).bind(dasar_hukum)
     .bind(tanggal_text(berlaku_sampai)).bind(&actor.0).bind(&now)
     .execute(&mut *c).await)?;
    let change = Change {
        action: "bus.izin_diminta",
        entity: "bus_izin",
        entity_id: id.to_string(),
        pd: Some(k.pd.to_string()),
        detail: json!({"konsumen": k.kode, "layanan": l.key(), "tujuan": tujuan,
                       "dasar_hukum": dasar_hukum, "berlaku_sampai": tanggal_text(berlaku_sampai)}),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

fn not_found_is_missing(e: StoreError) -> StoreError {
    match e {
        StoreError::NotFound => StoreError::MissingReference,
        e => e,
    }
}

/// A decision on a grant (review, revocation): `dari` → `ke`, recorded as a review.
pub async fn putuskan(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    dari: StatusIzin,
    ke: StatusIzin,
    putusan: &str,
    catatan: Option<&str>,
) -> Result<Izin, StoreError> {
    let old = get(db, id).await?;
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE bus_izin SET status = $1, diubah = $2 WHERE id = $3 AND status = $4"
    ).bind(ke.code()).bind(time_text::now()).bind(id).bind(dari.code())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    tinjauan::catat(&mut tx, &actor.0, "izin", id, putusan, catatan).await?;
    let change = Change {
        action: "bus.izin_diputuskan",
        entity: "bus_izin",
        entity_id: id.to_string(),
        pd: Some(old.konsumen_pd.to_string()),
        detail: json!({"konsumen": old.konsumen_kode, "layanan": old.layanan_key,
                       "putusan": putusan, "catatan": catatan, "dari": dari.code(), "ke": ke.code()}),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One grant.
pub async fn get(db: &Db, id: Uuid) -> Result<Izin, StoreError> {
    let sql = format!("{SELECT} WHERE i.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id).fetch_one(p).await)?;
    row.into_izin()
}

/// Every grant, newest first.
pub async fn list(db: &Db) -> Result<Vec<Izin>, StoreError> {
    let sql = format!("{SELECT} ORDER BY i.dibuat DESC, i.id DESC");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    rows.into_iter().map(Row::into_izin).collect()
}

/// Grants awaiting review, oldest first.
pub async fn usulan(db: &Db) -> Result<Vec<Izin>, StoreError> {
    let sql = format!("{SELECT} WHERE i.status = 'usulan' ORDER BY i.dibuat, i.id");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    rows.into_iter().map(Row::into_izin).collect()
}
