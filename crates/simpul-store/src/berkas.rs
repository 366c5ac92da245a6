//! Metadata of uploaded files: which bytes (by SHA-256), under what name and type, who
//! uploaded them and when. Rows are written inside the transaction of the record that
//! carries the file (a document, a LAN diagram) and never changed.

use simpul_domain::berkas::{JenisBerkas, NamaBerkas, Sha256};
use simpul_domain::ids::BerkasId;
use uuid::Uuid;

use crate::audit::Actor;
use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A file whose bytes are already in the blob store, to be recorded.
#[derive(Debug, Clone)]
pub struct Unggahan {
    /// Digest of the bytes.
    pub sha256: Sha256,
    /// Size in bytes.
    pub ukuran: i64,
    /// Recognised type.
    pub jenis: JenisBerkas,
    /// Name as uploaded (cleaned).
    pub nama: NamaBerkas,
}

/// A recorded file.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Berkas {
    /// Id.
    pub id: BerkasId,
    /// Digest of the bytes, the blob store key.
    pub sha256: Sha256,
    /// Size in bytes.
    pub ukuran: i64,
    /// Type.
    pub jenis: JenisBerkas,
    /// Name as uploaded.
    pub nama: String,
    /// NIP of the uploader, or `sistem`.
    pub diunggah_oleh: String,
    /// When (UTC, RFC 3339).
    pub diunggah: String,
}

/// Columns of `berkas b`, in the order of [`BerkasRow`].
pub(crate) const BERKAS_COLUMNS: &str =
    "b.id, b.sha256, b.ukuran, b.jenis_media, b.nama, b.diunggah_oleh, b.diunggah";

/// A row of [`BERKAS_COLUMNS`].
pub(crate) type BerkasRow = (Uuid, String, i64, String, String, String, String);

pub(crate) fn to_berkas(r: BerkasRow) -> Result<Berkas, StoreError> {
    let (id, sha, ukuran, mime, nama, oleh, pada) = r;
    Ok(Berkas {
        id: BerkasId(id),
        sha256: Sha256::parse(&sha)
            .map_err(|_| StoreError::Corrupt(format!("berkas.sha256 {sha:?}")))?,
        ukuran,
        jenis: JenisBerkas::from_mime(&mime)
            .ok_or_else(|| StoreError::Corrupt(format!("berkas.jenis_media {mime:?}")))?,
        nama,
        diunggah_oleh: oleh,
        diunggah: pada,
    })
}

/// Record `u` inside `tx`.
pub(crate) async fn insert(
    tx: &mut Tx,
    actor: &Actor,
    u: &Unggahan,
) -> Result<BerkasId, StoreError> {
    let id = BerkasId(Uuid::now_v7());
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO berkas (id, sha256, ukuran, jenis_media, nama, diunggah_oleh, diunggah)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(id.0).bind(u.sha256.as_str()).bind(u.ukuran).bind(u.jenis.mime())
     .bind(u.nama.as_str()).bind(&actor.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    Ok(id)
}

/// Every distinct stored digest, for `simpul verify`.
pub async fn digests(db: &Db) -> Result<Vec<Sha256>, StoreError> {
    let rows: Vec<String> = on_db!(db, p => sqlx::query_scalar(
        "SELECT DISTINCT sha256 FROM berkas ORDER BY sha256"
    ).fetch_all(p).await)?;
    rows.iter()
        .map(|s| Sha256::parse(s).map_err(|_| StoreError::Corrupt(format!("berkas.sha256 {s:?}"))))
        .collect()
}

/// What `simpul verify` found in the blob store.
#[derive(Debug, Default)]
pub struct FileCheck {
    /// Distinct files checked.
    pub diperiksa: usize,
    /// Files missing or altered, with what was found.
    pub rusak: Vec<(Sha256, crate::blob::BlobState)>,
}

/// Re-hash every recorded file: evidence that is missing or altered on disk is named.
pub async fn verify(db: &Db, blobs: &crate::blob::BlobStore) -> Result<FileCheck, StoreError> {
    let mut out = FileCheck::default();
    for sha in digests(db).await? {
        out.diperiksa += 1;
        let state = blobs.check(&sha).await?;
        if state != crate::blob::BlobState::Utuh {
            out.rusak.push((sha, state));
        }
    }
    Ok(out)
}

/// Columns of an optional `berkas b` (a LEFT JOIN), named for [`BerkasCols`].
pub(crate) const BERKAS_OPT_COLUMNS: &str = "b.id AS berkas_id, b.sha256 AS berkas_sha256, \
     b.ukuran AS berkas_ukuran, b.jenis_media AS berkas_jenis_media, b.nama AS berkas_nama, \
     b.diunggah_oleh AS berkas_oleh, b.diunggah AS berkas_diunggah";

/// An optional file read with [`BERKAS_OPT_COLUMNS`], to flatten into a row struct.
#[derive(sqlx::FromRow)]
pub(crate) struct BerkasCols {
    berkas_id: Option<Uuid>,
    berkas_sha256: Option<String>,
    berkas_ukuran: Option<i64>,
    berkas_jenis_media: Option<String>,
    berkas_nama: Option<String>,
    berkas_oleh: Option<String>,
    berkas_diunggah: Option<String>,
}

impl BerkasCols {
    /// The file, if the join found one.
    pub(crate) fn into_berkas(self) -> Result<Option<Berkas>, StoreError> {
        match self {
            BerkasCols {
                berkas_id: Some(id),
                berkas_sha256: Some(sha),
                berkas_ukuran: Some(ukuran),
                berkas_jenis_media: Some(mime),
                berkas_nama: Some(nama),
                berkas_oleh: Some(oleh),
                berkas_diunggah: Some(pada),
            } => to_berkas((id, sha, ukuran, mime, nama, oleh, pada)).map(Some),
            _ => Ok(None),
        }
    }
}
