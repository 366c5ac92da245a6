//! Evidence items and their attachment to indicator levels, with the assessors'
//! verdicts. An item is created once (with its file, if any) and attached wherever it
//! supports a level, in any period and model; a verdict belongs to the attachment, so
//! the same decree can be accepted for one level and sent back for another.

use serde_json::json;
use simpul_domain::evaluation::StatusBukti;
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti};
use simpul_domain::ids::{BuktiDukungId, LampiranBuktiId, PdId, PeriodeEvaluasiId};
use uuid::Uuid;

use super::{change, num, small};
use crate::audit::{self, Actor};
use crate::berkas::{BERKAS_OPT_COLUMNS, Berkas, BerkasCols, Unggahan, insert as insert_berkas};
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// An evidence item.
#[derive(Debug, Clone, serde::Serialize)]
pub struct BuktiDukung {
    /// Id.
    pub id: BuktiDukungId,
    /// Title.
    pub judul: String,
    /// What it points at.
    pub jenis: JenisBukti,
    /// The file, for [`JenisBukti::Berkas`].
    pub berkas: Option<Berkas>,
    /// The registry record or planning document, for those kinds.
    pub rujukan: Option<Uuid>,
    /// The address, for [`JenisBukti::Tautan`].
    pub url: Option<String>,
    /// Owning PD.
    pub pd: Option<PdId>,
    /// Created (RFC 3339) and by whom.
    pub dibuat: String,
    /// NIP of the creator.
    pub dibuat_oleh: String,
}

/// An evidence item attached to a level of an indicator of a period, with its verdict.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Lampiran {
    /// Id of the attachment.
    pub id: LampiranBuktiId,
    /// Period.
    pub periode: PeriodeEvaluasiId,
    /// Indicator number.
    pub nomor: u32,
    /// Level 1..=5 it supports.
    pub level: u8,
    /// The item.
    pub bukti: BuktiDukung,
    /// Verdict.
    pub status: StatusBukti,
    /// The assessor's comment.
    pub komentar: Option<String>,
    /// Who reviewed it (NIP) and when.
    pub dinilai_oleh: Option<String>,
    /// When it was reviewed (RFC 3339).
    pub dinilai: Option<String>,
    /// Who attached it (NIP).
    pub dilampirkan_oleh: String,
}

/// A new item: its kind, checked title and address, what it refers to and its PD.
#[derive(Debug, Clone)]
pub struct ItemBaru<'a> {
    /// Kind.
    pub jenis: JenisBukti,
    /// Title and address.
    pub isi: &'a BuktiBaru,
    /// The registry record or planning document referred to.
    pub rujukan: Option<Uuid>,
    /// Owning PD.
    pub pd: Option<PdId>,
    /// The file, for [`JenisBukti::Berkas`] (already in the blob store).
    pub berkas: Option<&'a Unggahan>,
}

const ITEM_COLUMNS: &str = "d.id AS bukti_id, d.judul, d.jenis, d.rujukan, d.url, \
     d.pd AS bukti_pd, d.dibuat AS bukti_dibuat, d.dibuat_oleh AS bukti_oleh";

#[derive(sqlx::FromRow)]
struct ItemCols {
    bukti_id: Uuid,
    judul: String,
    jenis: String,
    rujukan: Option<Uuid>,
    url: Option<String>,
    bukti_pd: Option<Uuid>,
    bukti_dibuat: String,
    bukti_oleh: String,
    #[sqlx(flatten)]
    berkas: BerkasCols,
}

impl ItemCols {
    fn into_item(self) -> Result<BuktiDukung, StoreError> {
        Ok(BuktiDukung {
            id: BuktiDukungId(self.bukti_id),
            judul: self.judul,
            jenis: JenisBukti::from_code(&self.jenis).ok_or_else(|| {
                StoreError::Corrupt(format!("bukti_dukung.jenis {:?}", self.jenis))
            })?,
            berkas: self.berkas.into_berkas()?,
            rujukan: self.rujukan,
            url: self.url,
            pd: self.bukti_pd.map(PdId),
            dibuat: self.bukti_dibuat,
            dibuat_oleh: self.bukti_oleh,
        })
    }
}

#[derive(sqlx::FromRow)]
struct AttachCols {
    id: Uuid,
    periode: Uuid,
    nomor: i32,
    level: i32,
    status: String,
    komentar: Option<String>,
    dinilai_oleh: Option<String>,
    dinilai: Option<String>,
    dilampirkan_oleh: String,
    #[sqlx(flatten)]
    item: ItemCols,
}

impl AttachCols {
    fn into_lampiran(self) -> Result<Lampiran, StoreError> {
        let status = self.status;
        Ok(Lampiran {
            id: LampiranBuktiId(self.id),
            periode: PeriodeEvaluasiId(self.periode),
            nomor: u32::try_from(self.nomor)
                .map_err(|_| StoreError::Corrupt(format!("evaluasi_bukti.nomor {}", self.nomor)))?,
            level: small(self.level, "bukti.level")?,
            bukti: self.item.into_item()?,
            status: StatusBukti::from_kode(&status)
                .ok_or_else(|| StoreError::Corrupt(format!("evaluasi_bukti.status {status:?}")))?,
            komentar: self.komentar,
            dinilai_oleh: self.dinilai_oleh,
            dinilai: self.dinilai,
            dilampirkan_oleh: self.dilampirkan_oleh,
        })
    }
}

/// Record a new item inside `tx`.
async fn insert_item(
    tx: &mut Tx,
    actor: &Actor,
    new: &ItemBaru<'_>,
) -> Result<BuktiDukungId, StoreError> {
    let berkas = match new.berkas {
        Some(u) => Some(insert_berkas(tx, actor, u).await?),
        None => None,
    };
    let id = BuktiDukungId(Uuid::now_v7());
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO bukti_dukung (id, judul, jenis, berkas, rujukan, url, pd, dibuat, dibuat_oleh)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ).bind(id.0).bind(&new.isi.judul).bind(new.jenis.code()).bind(berkas.map(|b| b.0))
     .bind(new.rujukan).bind(&new.isi.url).bind(new.pd.map(|p| p.0))
     .bind(time_text::now()).bind(&actor.0).execute(&mut *c).await)?;
    Ok(id)
}

/// Attach item `bukti` to a level inside `tx`. Attaching it twice to the same level is
/// `Conflict("bukti")`.
async fn attach(
    tx: &mut Tx,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    level: u8,
    bukti: BuktiDukungId,
    pd: Option<PdId>,
) -> Result<LampiranBuktiId, StoreError> {
    let id = LampiranBuktiId(Uuid::now_v7());
    let taken: Option<i32> = on_tx!(tx, c => sqlx::query_scalar(
        "SELECT 1 FROM evaluasi_bukti WHERE periode = $1 AND nomor = $2 AND level = $3 AND bukti = $4"
    ).bind(periode.0).bind(num(nomor)).bind(i32::from(level)).bind(bukti.0)
     .fetch_optional(&mut *c).await)?;
    if taken.is_some() {
        return Err(StoreError::Conflict("bukti"));
    }
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO evaluasi_bukti (id, periode, nomor, level, bukti, status, dilampirkan_oleh, dilampirkan)
         VALUES ($1, $2, $3, $4, $5, 'belum_dinilai', $6, $7)"
    ).bind(id.0).bind(periode.0).bind(num(nomor)).bind(i32::from(level)).bind(bukti.0)
     .bind(&actor.0).bind(time_text::now()).execute(&mut *c).await)?;
    let detail = json!({"nomor": nomor, "level": level, "bukti": bukti.to_string(), "lampiran": id.to_string()});
    audit::append(
        tx,
        actor,
        change(
            "evaluasi.bukti_dilampirkan",
            periode,
            pd.map(|p| p.to_string()),
            detail,
        ),
    )
    .await?;
    Ok(id)
}

/// Create an item and attach it to a level, in one transaction.
pub async fn lampirkan_baru(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    level: u8,
    new: &ItemBaru<'_>,
) -> Result<LampiranBuktiId, StoreError> {
    let mut tx = db.begin().await?;
    let bukti = insert_item(&mut tx, actor, new).await?;
    let id = attach(&mut tx, actor, periode, nomor, level, bukti, new.pd).await?;
    tx.commit().await?;
    Ok(id)
}

/// Attach an existing item (reused from another indicator, period or model).
pub async fn lampirkan(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    level: u8,
    bukti: BuktiDukungId,
) -> Result<LampiranBuktiId, StoreError> {
    let item = get(db, bukti).await?;
    let mut tx = db.begin().await?;
    let id = attach(&mut tx, actor, periode, nomor, level, bukti, item.pd).await?;
    tx.commit().await?;
    Ok(id)
}

/// Give a verdict on an attachment.
pub async fn nilai(
    db: &Db,
    actor: &Actor,
    lampiran: LampiranBuktiId,
    status: StatusBukti,
    komentar: Option<&str>,
) -> Result<(), StoreError> {
    let l = lampiran_get(db, lampiran).await?;
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE evaluasi_bukti SET status = $2, komentar = $3, dinilai_oleh = $4, dinilai = $5
         WHERE id = $1"
    ).bind(lampiran.0).bind(status.kode()).bind(komentar).bind(&actor.0)
     .bind(time_text::now()).execute(&mut *c).await)?;
    let detail = json!({
        "lampiran": lampiran.to_string(), "nomor": l.nomor, "level": l.level,
        "status": status.kode(), "komentar": komentar,
    });
    audit::append(&mut tx, actor, about(&l, "evaluasi.bukti_dinilai", detail)).await?;
    tx.commit().await?;
    Ok(())
}

/// An audit entry about attachment `l`, for the PD owning its item.
fn about<'a>(l: &Lampiran, action: &'a str, detail: serde_json::Value) -> crate::audit::Change<'a> {
    change(action, l.periode, l.bukti.pd.map(|p| p.to_string()), detail)
}

/// Withdraw an attachment not accepted (yet): the PD replaces evidence sent back for
/// revision, so the old verdict no longer holds its level back. The item itself stays
/// (it may support other levels), and the audit trail keeps the attachment and its
/// verdict. An accepted attachment is `Conflict("status")`: it is the record of a
/// decision.
pub async fn tarik(db: &Db, actor: &Actor, lampiran: LampiranBuktiId) -> Result<(), StoreError> {
    let l = lampiran_get(db, lampiran).await?;
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM evaluasi_bukti WHERE id = $1 AND status <> 'diterima'"
    ).bind(lampiran.0).execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    let detail = json!({
        "lampiran": lampiran.to_string(), "nomor": l.nomor, "level": l.level,
        "bukti": l.bukti.id.to_string(), "status": l.status.kode(), "komentar": l.komentar,
    });
    audit::append(&mut tx, actor, about(&l, "evaluasi.bukti_ditarik", detail)).await?;
    tx.commit().await?;
    Ok(())
}

/// One item.
pub async fn get(db: &Db, id: BuktiDukungId) -> Result<BuktiDukung, StoreError> {
    items("d.id = $1", Some(id.0), db)
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

/// The items of a PD (and those without a PD), newest first: what can be reused.
pub async fn of_pd(db: &Db, pd: PdId) -> Result<Vec<BuktiDukung>, StoreError> {
    items("(d.pd = $1 OR d.pd IS NULL)", Some(pd.0), db).await
}

async fn items(filter: &str, arg: Option<Uuid>, db: &Db) -> Result<Vec<BuktiDukung>, StoreError> {
    let sql = format!(
        "SELECT {ITEM_COLUMNS}, {BERKAS_OPT_COLUMNS} FROM bukti_dukung d
         LEFT JOIN berkas b ON b.id = d.berkas WHERE {filter} ORDER BY d.dibuat DESC, d.id"
    );
    let rows: Vec<ItemCols> = on_db!(db, p => sqlx::query_as(&sql).bind(arg).fetch_all(p).await)?;
    rows.into_iter().map(ItemCols::into_item).collect()
}

/// Every attachment of a period, by indicator, level and time attached.
pub async fn of_periode(db: &Db, periode: PeriodeEvaluasiId) -> Result<Vec<Lampiran>, StoreError> {
    lampiran_where("e.periode = $1", periode.0, db).await
}

/// One attachment.
pub async fn lampiran_get(db: &Db, id: LampiranBuktiId) -> Result<Lampiran, StoreError> {
    lampiran_where("e.id = $1", id.0, db)
        .await?
        .pop()
        .ok_or(StoreError::NotFound)
}

async fn lampiran_where(filter: &str, arg: Uuid, db: &Db) -> Result<Vec<Lampiran>, StoreError> {
    let sql = format!(
        "SELECT e.id, e.periode, e.nomor, e.level, e.status, e.komentar, e.dinilai_oleh,
                e.dinilai, e.dilampirkan_oleh, {ITEM_COLUMNS}, {BERKAS_OPT_COLUMNS}
         FROM evaluasi_bukti e JOIN bukti_dukung d ON d.id = e.bukti
         LEFT JOIN berkas b ON b.id = d.berkas
         WHERE {filter} ORDER BY e.nomor, e.level, e.dilampirkan, e.id"
    );
    let rows: Vec<AttachCols> = on_db!(db, p => sqlx::query_as(&sql).bind(arg).fetch_all(p).await)?;
    rows.into_iter().map(AttachCols::into_lampiran).collect()
}
