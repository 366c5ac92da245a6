//! The indexer: copies the gateway's evidence log into `bus_pertukaran` so exchanges
//! can be searched, asynchronously (the gateway never waits on the database).
//!
//! The cursor (`bus_indeks`) is the last log line taken — exchanges, notes and
//! checkpoints alike — and its hash. Each run first reads that line back: a log that no
//! longer holds it (replaced, restored from an older copy, rewritten) is reported in
//! `bus_indeks.masalah` and as an error, and nothing more is indexed until a person
//! looks; starting over silently would mix two histories. Lines are read in
//! `spawn_blocking` (file I/O) and written in batches, each in one transaction that
//! also advances the cursor, so a crash between batches loses nothing and repeats
//! nothing. A partial last line (the writer mid-write, or a crash) is not read until
//! it is whole.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use simpul_bus::evidence::{Hasil, Isi, Pembaca, Pertukaran as Entri, Rekaman};
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::StoreError;
use crate::{exec_db, exec_tx, on_db, time_text};

/// Lines per transaction.
const BATCH: usize = 500;

/// Why indexing stopped.
#[derive(Debug, thiserror::Error)]
pub enum IndeksError {
    /// The database failed.
    #[error("basis data: {0}")]
    Store(#[from] StoreError),
    /// The log could not be read.
    #[error("log bukti tidak terbaca: {0}")]
    Baca(String),
    /// The log no longer holds what was indexed.
    #[error("{0}")]
    LogBerbeda(String),
}

/// The cursor as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Kursor {
    /// Last line taken (0: none yet).
    pub seq: i64,
    /// Its hash.
    pub kepala: Option<String>,
    /// Why indexing stopped, if it did.
    pub masalah: Option<String>,
    /// When the cursor last changed (UTC).
    pub diubah: String,
}

/// The indexer's cursor and state.
pub async fn kursor(db: &Db) -> Result<Kursor, StoreError> {
    Ok(on_db!(db, p => sqlx::query_as(
        "SELECT seq, kepala, masalah, diubah FROM bus_indeks WHERE id = 1"
    ).fetch_one(p).await)?)
}

/// A consumer as the index names it: name, PD code, PD id.
type KonsumenInfo = (String, String, Uuid);

/// Consumers and PDs by code, to resolve the log's codes to ids once per run.
struct Kamus {
    konsumen: HashMap<String, KonsumenInfo>,
    pd: HashMap<String, Uuid>,
}

async fn kamus(db: &Db) -> Result<Kamus, StoreError> {
    let k: Vec<(String, String, String, Uuid)> = on_db!(db, p => sqlx::query_as(
        "SELECT k.kode, k.nama, p.kode, p.id FROM bus_konsumen k JOIN pd p ON p.id = k.pd"
    ).fetch_all(p).await)?;
    let pd: Vec<(String, Uuid)> =
        on_db!(db, p => sqlx::query_as("SELECT kode, id FROM pd").fetch_all(p).await)?;
    Ok(Kamus {
        konsumen: k.into_iter().map(|(a, b, c, d)| (a, (b, c, d))).collect(),
        pd: pd.into_iter().collect(),
    })
}

type Batch = (Pembaca, Vec<Rekaman>);

fn baca(p: &mut Pembaca) -> Result<Vec<Rekaman>, IndeksError> {
    let mut out = Vec::new();
    for r in p.by_ref() {
        out.push(r.map_err(|e| IndeksError::Baca(e.to_string()))?);
        if out.len() == BATCH {
            break;
        }
    }
    Ok(out)
}

/// Open the log after the cursor, checking the cursor's line first. `None`: no log yet.
fn buka(dir: &Path, k: &Kursor) -> Result<Option<Batch>, IndeksError> {
    let mulai = u64::try_from(k.seq.max(1)).unwrap_or(1);
    let mut p = match Pembaca::open(dir, mulai) {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && k.seq == 0 => return Ok(None),
        Err(e) => return Err(IndeksError::Baca(format!("{}: {e}", dir.display()))),
    };
    if k.seq > 0 {
        let kepala = k.kepala.as_deref().unwrap_or("");
        let beda = |rincian: String| {
            IndeksError::LogBerbeda(format!(
                "Log bukti tidak lagi memuat entri ke-{} yang sudah diindeks ({rincian}); \
                 periksa dengan `simpul verify-evidence` sebelum mengindeks lagi.",
                k.seq
            ))
        };
        match p.next() {
            Some(Ok(r)) if i64::try_from(r.seq) == Ok(k.seq) && r.hash.to_hex() == kepala => {}
            Some(Ok(r)) if i64::try_from(r.seq) == Ok(k.seq) => {
                return Err(beda(format!("hash {} ≠ {kepala}", r.hash)));
            }
            Some(Ok(r)) => return Err(beda(format!("entri pertama yang ada: ke-{}", r.seq))),
            Some(Err(e)) => return Err(IndeksError::Baca(e.to_string())),
            None => return Err(beda("log berakhir sebelumnya".into())),
        }
    }
    let batch = baca(&mut p)?;
    Ok(Some((p, batch)))
}

/// Index what the log in `dir` holds beyond the cursor; returns the exchanges added.
pub async fn indeks_sekali(db: &Db, dir: &Path) -> Result<usize, IndeksError> {
    let k = kursor(db).await?;
    let d = dir.to_owned();
    let k2 = k.clone();
    let opened = tokio::task::spawn_blocking(move || buka(&d, &k2))
        .await
        .map_err(|e| IndeksError::Baca(e.to_string()))?;
    let (mut pembaca, mut batch) = match opened {
        Ok(Some(b)) => b,
        Ok(None) => return Ok(0),
        Err(e) => {
            if let IndeksError::LogBerbeda(m) = &e {
                laporkan(db, Some(m)).await?;
            }
            return Err(e);
        }
    };
    if k.masalah.is_some() {
        laporkan(db, None).await?;
    }
    let mut seq = k.seq;
    let mut added = 0;
    let mut kamus_ = None;
    while !batch.is_empty() {
        let kms = match &kamus_ {
            Some(m) => m,
            None => kamus_.insert(kamus(db).await?),
        };
        match simpan(db, kms, seq, &batch).await? {
            Some((n, last)) => {
                added += n;
                seq = last;
            }
            // Another indexer moved the cursor: it is doing this work.
            None => return Ok(added),
        }
        let (p, b) = tokio::task::spawn_blocking(move || {
            let b = baca(&mut pembaca);
            (pembaca, b)
        })
        .await
        .map_err(|e| IndeksError::Baca(e.to_string()))?;
        pembaca = p;
        batch = b?;
    }
    Ok(added)
}

/// Write `masalah` (or clear it) on the cursor row.
async fn laporkan(db: &Db, masalah: Option<&str>) -> Result<(), StoreError> {
    exec_db!(db, p => sqlx::query("UPDATE bus_indeks SET masalah = $1 WHERE id = 1")
        .bind(masalah).execute(p).await)?;
    Ok(())
}

/// Store one batch and advance the cursor from `dari` in one transaction. `None` when
/// the cursor was no longer at `dari`.
async fn simpan(
    db: &Db,
    kms: &Kamus,
    dari: i64,
    batch: &[Rekaman],
) -> Result<Option<(usize, i64)>, StoreError> {
    let mut tx = db.begin().await?;
    let mut n = 0;
    let mut last = (dari, String::new());
    for r in batch {
        let seq = i64::try_from(r.seq).map_err(|_| StoreError::Corrupt("seq".into()))?;
        if let Isi::Pertukaran(e) = &r.isi {
            tulis(&mut tx, kms, seq, r, e).await?;
            n += 1;
        }
        last = (seq, r.hash.to_hex());
    }
    let moved = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE bus_indeks SET seq = $1, kepala = $2, masalah = NULL, diubah = $3
         WHERE id = 1 AND seq = $4"
    ).bind(last.0).bind(&last.1).bind(time_text::now()).bind(dari).execute(&mut *c).await)?;
    if moved == 0 {
        return Ok(None);
    }
    tx.commit().await?;
    Ok(Some((n, last.0)))
}

fn i(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

async fn tulis(
    tx: &mut Tx,
    kms: &Kamus,
    seq: i64,
    r: &Rekaman,
    e: &Entri,
) -> Result<(), StoreError> {
    let (status, kode) = match &e.hasil {
        Hasil::Diteruskan { .. } => ("diteruskan", None),
        Hasil::Ditolak { kode, .. } => ("ditolak", Some(kode.as_str())),
        Hasil::Gagal { kode, .. } => ("gagal", Some(kode.as_str())),
    };
    let kons = kms.konsumen.get(&e.konsumen);
    let waktu = super::pertukaran::mikro(e.waktu);
    exec_tx!(tx, c => sqlx::query(
        "INSERT INTO bus_pertukaran (seq, id_permintaan, waktu_us, konsumen, konsumen_nama,
            konsumen_pd, konsumen_pd_id, layanan_pd, layanan_pd_id, layanan_kode, layanan_versi,
            petugas, tujuan, status, http, kode_masalah, total_us, hulu_us, ukuran_permintaan,
            ukuran_tanggapan, sha256_permintaan, sha256_tanggapan, segmen, baris, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
            $18, $19, $20, $21, $22, $23, $24, $25)
         ON CONFLICT (seq) DO NOTHING"
    ).bind(seq).bind(&e.id_permintaan).bind(waktu).bind(&e.konsumen)
     .bind(kons.map(|k| k.0.clone())).bind(kons.map(|k| k.1.clone())).bind(kons.map(|k| k.2))
     .bind(&e.layanan.pd).bind(kms.pd.get(&e.layanan.pd).copied())
     .bind(&e.layanan.kode).bind(&e.layanan.versi).bind(&e.petugas).bind(&e.tujuan)
     .bind(status).bind(i32::from(e.hasil.http())).bind(kode)
     .bind(i(e.durasi.total_us)).bind(e.durasi.hulu_us.map(i))
     .bind(i(e.ukuran.permintaan)).bind(i(e.ukuran.tanggapan))
     .bind(e.sha256.permintaan.to_hex()).bind(e.sha256.tanggapan.to_hex())
     .bind(i(r.segmen)).bind(i(r.baris)).bind(r.hash.to_hex())
     .execute(&mut *c).await)?;
    for h in &e.nik {
        exec_tx!(tx, c => sqlx::query(
            "INSERT INTO bus_pertukaran_nik (hash, seq) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        ).bind(h.to_hex()).bind(seq).execute(&mut *c).await)?;
    }
    Ok(())
}

/// The indexer task: indexes the log in `dir` every `interval` until `shutdown`
/// resolves, then once more (the gateway stops first, so the last lines are taken).
/// Problems are logged when they change, not every tick.
pub fn spawn(
    db: Db,
    dir: PathBuf,
    interval: Duration,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut shutdown = std::pin::pin!(shutdown);
        let mut seen: Option<(PathBuf, u64)> = None;
        let mut last_err: Option<String> = None;
        let mut since_err = 0u32;
        loop {
            let stop = tokio::select! {
                _ = tokio::time::sleep(interval) => false,
                _ = &mut shutdown => true,
            };
            // A stat of the newest segment: nothing to do while it has not grown.
            let now = ujung(&dir);
            // After a problem, retry when the log changed or every 30 ticks (a database
            // that was down), not every tick: a check re-reads the cursor's segment.
            since_err += 1;
            let retry = last_err.is_some() && since_err >= 30;
            if stop || now.is_none() || now != seen || retry {
                since_err = 0;
                match indeks_sekali(&db, &dir).await {
                    Ok(n) => {
                        if n > 0 {
                            tracing::debug!(n, "pertukaran bus diindeks");
                        }
                        if last_err.take().is_some() {
                            tracing::info!("pengindeks log bukti berjalan lagi");
                        }
                        seen = now;
                    }
                    Err(e) => {
                        let m = e.to_string();
                        if last_err.as_deref() != Some(m.as_str()) {
                            tracing::error!(masalah = %m, "pengindeks log bukti berhenti");
                            last_err = Some(m);
                        }
                        seen = now;
                    }
                }
            }
            if stop {
                return;
            }
        }
    })
}

/// The newest segment and its length, if there is one.
fn ujung(dir: &Path) -> Option<(PathBuf, u64)> {
    let segs = simpul_bus::evidence::segment::daftar(dir).ok()?;
    let (_, p) = segs.last()?;
    let len = std::fs::metadata(p).ok()?.len();
    Some((p.clone(), len))
}
