//! Services a PD publishes on the bus, one row per version. A new or edited service is
//! a proposal (`usulan`) until the Dinas approves it (000 Pasal 22(4)(c)).

use serde::Serialize;
use serde_json::json;
use simpul_domain::berkas::Sha256;
use simpul_domain::bus::{Klasifikasi, KodeLayanan, NikFields, StatusLayanan, UrlHulu, Versi};
use simpul_domain::ids::PdId;
use uuid::Uuid;

use super::tinjauan;
use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A service version as stored.
#[derive(Debug, Clone, Serialize)]
pub struct Layanan {
    /// Id.
    pub id: Uuid,
    /// Owning PD.
    pub pd: PdId,
    /// Its code (the gateway's first path segment).
    pub pd_kode: String,
    /// Its name.
    pub pd_nama: String,
    /// Service code.
    pub kode: String,
    /// Version.
    pub versi: String,
    /// Display name.
    pub nama: String,
    /// Description.
    pub deskripsi: Option<String>,
    /// Upstream base URL.
    pub url_hulu: String,
    /// Classification.
    pub klasifikasi: Klasifikasi,
    /// NIK fields, as `, `-separated names: query, request, response.
    pub nik_query: String,
    /// Request JSON fields carrying NIKs.
    pub nik_request: String,
    /// Response JSON fields carrying NIKs.
    pub nik_response: String,
    /// SHA-256 of the OpenAPI document in the blob store.
    pub openapi_sha256: Option<String>,
    /// The document's uploaded name.
    pub openapi_nama: Option<String>,
    /// Status.
    pub status: StatusLayanan,
    /// Created (UTC).
    pub dibuat: String,
    /// Last changed (UTC).
    pub diubah: String,
}

impl Layanan {
    /// `PD/kode/versi`, the gateway's key.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.pd_kode, self.kode, self.versi)
    }
}

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    pd: Uuid,
    pd_kode: String,
    pd_nama: String,
    kode: String,
    versi: String,
    nama: String,
    deskripsi: Option<String>,
    url_hulu: String,
    klasifikasi: String,
    nik_query: String,
    nik_request: String,
    nik_response: String,
    openapi_sha256: Option<String>,
    openapi_nama: Option<String>,
    status: String,
    dibuat: String,
    diubah: String,
}

impl Row {
    fn into_layanan(self) -> Result<Layanan, StoreError> {
        Ok(Layanan {
            id: self.id,
            pd: PdId(self.pd),
            pd_kode: self.pd_kode,
            pd_nama: self.pd_nama,
            kode: self.kode,
            versi: self.versi,
            nama: self.nama,
            deskripsi: self.deskripsi,
            url_hulu: self.url_hulu,
            klasifikasi: Klasifikasi::parse(&self.klasifikasi).map_err(|_| {
                StoreError::Corrupt(format!("bus_layanan.klasifikasi {:?}", self.klasifikasi))
            })?,
            nik_query: self.nik_query,
            nik_request: self.nik_request,
            nik_response: self.nik_response,
            openapi_sha256: self.openapi_sha256,
            openapi_nama: self.openapi_nama,
            status: StatusLayanan::from_code(&self.status).ok_or_else(|| {
                StoreError::Corrupt(format!("bus_layanan.status {:?}", self.status))
            })?,
            dibuat: self.dibuat,
            diubah: self.diubah,
        })
    }
}

pub(crate) const SELECT: &str =
    "SELECT l.id, l.pd, p.kode AS pd_kode, p.nama AS pd_nama, l.kode, l.versi,
    l.nama, l.deskripsi, l.url_hulu, l.klasifikasi, l.nik_query, l.nik_request, l.nik_response,
    l.openapi_sha256, l.openapi_nama, l.status, l.dibuat, l.diubah
    FROM bus_layanan l JOIN pd p ON p.id = l.pd";

/// What a PD enters for a service (validated by the domain).
#[derive(Debug, Clone)]
pub struct Isian {
    /// Display name (trimmed, non-empty).
    pub nama: String,
    /// Description.
    pub deskripsi: Option<String>,
    /// Upstream.
    pub url_hulu: UrlHulu,
    /// Classification.
    pub klasifikasi: Klasifikasi,
    /// NIK fields.
    pub nik: NikFields,
    /// A new OpenAPI document (already in the blob store) and its name; `None` keeps
    /// the current one on edit.
    pub openapi: Option<(Sha256, String)>,
}

fn detail(kode: &str, versi: &str, i: &Isian, status: StatusLayanan) -> serde_json::Value {
    json!({
        "kode": kode,
        "versi": versi,
        "nama": i.nama,
        "url_hulu": i.url_hulu.as_str(),
        "klasifikasi": i.klasifikasi.code(),
        "nik": i.nik,
        "openapi_sha256": i.openapi.as_ref().map(|o| o.0.as_str().to_owned()),
        "status": status.code(),
    })
}

/// Register a new service version of `pd` as a proposal. A taken `pd/kode/versi` is
/// `Conflict("kode")`; an unknown or archived PD `MissingReference`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    pd: PdId,
    kode: &KodeLayanan,
    versi: &Versi,
    i: &Isian,
) -> Result<Layanan, StoreError> {
    let mut tx = db.begin().await?;
    crate::pd::require_active(&mut tx, pd).await?;
    let id = Uuid::now_v7();
    let now = time_text::now();
    let status = StatusLayanan::Usulan;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO bus_layanan (id, pd, kode, versi, nama, deskripsi, url_hulu, klasifikasi,
            nik_query, nik_request, nik_response, openapi_sha256, openapi_nama, status, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)"
    ).bind(id).bind(pd.0).bind(kode.as_str()).bind(versi.as_str()).bind(&i.nama)
     .bind(&i.deskripsi).bind(i.url_hulu.as_str()).bind(i.klasifikasi.code())
     .bind(NikFields::join(&i.nik.query)).bind(NikFields::join(&i.nik.request))
     .bind(NikFields::join(&i.nik.response))
     .bind(i.openapi.as_ref().map(|o| o.0.as_str().to_owned()))
     .bind(i.openapi.as_ref().map(|o| o.1.clone()))
     .bind(status.code()).bind(&now)
     .execute(&mut *c).await)?;
    let change = Change {
        action: "bus.layanan_didaftarkan",
        entity: "bus_layanan",
        entity_id: id.to_string(),
        pd: Some(pd.to_string()),
        detail: detail(kode.as_str(), versi.as_str(), i, status),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Edit a service: its entry changes and its status becomes `ke` (the domain's
/// `setelah_ubah`), provided it still has `dari`.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    dari: StatusLayanan,
    ke: StatusLayanan,
    i: &Isian,
) -> Result<Layanan, StoreError> {
    let old = get(db, id).await?;
    let mut tx = db.begin().await?;
    let (sha, nama_doc) = match &i.openapi {
        Some((s, n)) => (Some(s.as_str().to_owned()), Some(n.clone())),
        None => (old.openapi_sha256.clone(), old.openapi_nama.clone()),
    };
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE bus_layanan SET nama = $1, deskripsi = $2, url_hulu = $3, klasifikasi = $4,
            nik_query = $5, nik_request = $6, nik_response = $7, openapi_sha256 = $8,
            openapi_nama = $9, status = $10, diubah = $11
         WHERE id = $12 AND status = $13"
    ).bind(&i.nama).bind(&i.deskripsi).bind(i.url_hulu.as_str()).bind(i.klasifikasi.code())
     .bind(NikFields::join(&i.nik.query)).bind(NikFields::join(&i.nik.request))
     .bind(NikFields::join(&i.nik.response)).bind(&sha).bind(&nama_doc)
     .bind(ke.code()).bind(time_text::now()).bind(id).bind(dari.code())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    let change = Change {
        action: "bus.layanan_diubah",
        entity: "bus_layanan",
        entity_id: id.to_string(),
        pd: Some(old.pd.to_string()),
        detail: detail(&old.kode, &old.versi, i, ke),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// A decision on a service (review, switch off/on): status `dari` → `ke`, with the
/// decision's code and note recorded as a review and in the audit trail.
pub async fn putuskan(
    db: &Db,
    actor: &Actor,
    id: Uuid,
    dari: StatusLayanan,
    ke: StatusLayanan,
    putusan: &str,
    catatan: Option<&str>,
) -> Result<Layanan, StoreError> {
    let old = get(db, id).await?;
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE bus_layanan SET status = $1, diubah = $2 WHERE id = $3 AND status = $4"
    ).bind(ke.code()).bind(time_text::now()).bind(id).bind(dari.code())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::Conflict("status"));
    }
    tinjauan::catat(&mut tx, &actor.0, "layanan", id, putusan, catatan).await?;
    let change = Change {
        action: "bus.layanan_diputuskan",
        entity: "bus_layanan",
        entity_id: id.to_string(),
        pd: Some(old.pd.to_string()),
        detail: json!({"layanan": old.key(), "putusan": putusan, "catatan": catatan,
                       "dari": dari.code(), "ke": ke.code()}),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One service.
pub async fn get(db: &Db, id: Uuid) -> Result<Layanan, StoreError> {
    let sql = format!("{SELECT} WHERE l.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id).fetch_one(p).await)?;
    row.into_layanan()
}

/// Every service of every PD, by PD code, code, version.
pub async fn list(db: &Db) -> Result<Vec<Layanan>, StoreError> {
    let sql = format!("{SELECT} ORDER BY p.kode, l.kode, l.versi");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    rows.into_iter().map(Row::into_layanan).collect()
}

/// Services awaiting review, oldest first.
pub async fn usulan(db: &Db) -> Result<Vec<Layanan>, StoreError> {
    let sql = format!("{SELECT} WHERE l.status = 'usulan' ORDER BY l.diubah, l.id");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).fetch_all(p).await)?;
    rows.into_iter().map(Row::into_layanan).collect()
}
