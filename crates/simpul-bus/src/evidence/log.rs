//! The handle a gateway holds: cheap to clone, `append` from any task.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc as std_mpsc;
use std::thread;

use tokio::sync::{mpsc, oneshot};

use super::config::{AppendError, Diterima, EvidenceConfig, OpenError};
use super::entry::Pertukaran;
use super::line::Badan;
use super::open;
use super::record::Isi;
use super::thread::{Perintah, sync, tulis};
use super::writer::Bersama;
use crate::kunci::KunciPublik;

/// An open evidence log. Clone it into every task that appends; the clones share one
/// writer thread. All disk I/O happens on that thread and on an fsync thread, never on
/// the caller's (async runtime) threads.
#[derive(Clone)]
pub struct EvidenceLog {
    tx: mpsc::Sender<Perintah>,
    inti: Arc<Inti>,
}

struct Inti {
    bersama: Arc<Bersama>,
    kunci: KunciPublik,
    dir: PathBuf,
}

impl std::fmt::Debug for EvidenceLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EvidenceLog")
            .field("dir", &self.inti.dir)
            .field("kunci", &self.inti.kunci)
            .field("ditulis", &self.written_seq())
            .finish()
    }
}

impl EvidenceLog {
    /// Open the log in `cfg.dir` (starting it, with a new signing key, if the folder
    /// holds no segments), write its opening note and checkpoint, and start the writer.
    ///
    /// This does blocking file I/O (it reads the last segment): call it at startup,
    /// before serving, or inside `tokio::task::spawn_blocking`.
    pub fn open(cfg: EvidenceConfig) -> Result<Self, OpenError> {
        cfg.check()?;
        let bersama = Arc::new(Bersama::default());
        let penulis = open::buka(&cfg, &bersama)?;
        let kunci = penulis.publik();
        let dir = cfg.dir.clone();
        let (tx, rx) = mpsc::channel(cfg.queue_capacity);
        let (bangun_tx, bangun_rx) = std_mpsc::channel();
        let tick = cfg.fsync_interval.min(cfg.checkpoint_interval);
        let detak = tx.downgrade();
        let b = Arc::clone(&bersama);
        thread::Builder::new()
            .name("simpul-bukti".into())
            .spawn(move || tulis(cfg, penulis, rx, b, bangun_tx))
            .map_err(OpenError::io(&dir))?;
        let b = Arc::clone(&bersama);
        thread::Builder::new()
            .name("simpul-bukti-fsync".into())
            .spawn(move || sync(b, bangun_rx, tick, detak))
            .map_err(OpenError::io(&dir))?;
        Ok(Self {
            tx,
            inti: Arc::new(Inti {
                bersama,
                kunci,
                dir,
            }),
        })
    }

    /// Append the record of one exchange. Resolves once the line is handed to the OS
    /// (write(2) returned): from then on it survives the process being killed, and it
    /// is on disk within [`EvidenceConfig::fsync_interval`]. Serialisation happens
    /// here, on the caller's thread; waiting happens only when the queue is full.
    ///
    /// Once the entry is queued, dropping the future does not withdraw it.
    pub async fn append(&self, p: Pertukaran) -> Result<Diterima, AppendError> {
        let badan =
            Badan::of(&Isi::Pertukaran(p)).map_err(|e| AppendError::Serialisasi(e.to_string()))?;
        let (ack, rx) = oneshot::channel();
        self.tx
            .send(Perintah::Tambah { badan, ack })
            .await
            .map_err(|_| AppendError::Ditutup)?;
        rx.await.map_err(|_| AppendError::Ditutup)?
    }

    /// Write everything queued, a closing checkpoint, fsync, and stop the writer.
    /// Later appends (from any clone) fail with [`AppendError::Ditutup`]. Returns the
    /// closing checkpoint. (Dropping every clone closes the log the same way, but
    /// without anyone to wait for it.)
    pub async fn shutdown(&self) -> Result<Diterima, AppendError> {
        let (ack, rx) = oneshot::channel();
        self.tx
            .send(Perintah::Tutup { ack })
            .await
            .map_err(|_| AppendError::Ditutup)?;
        rx.await.map_err(|_| AppendError::Ditutup)?
    }

    /// The checkpoint public key, to publish (its hex form is also in
    /// `kunci-checkpoint.pub` in the evidence folder).
    pub fn public_key(&self) -> KunciPublik {
        self.inti.kunci
    }

    /// The evidence folder.
    pub fn dir(&self) -> &Path {
        &self.inti.dir
    }

    /// Sequence number of the last line handed to the OS.
    pub fn written_seq(&self) -> u64 {
        self.inti.bersama.ditulis.load(Ordering::Acquire)
    }

    /// Appends queued for the writer and not yet taken (for metrics).
    pub fn queue_len(&self) -> usize {
        self.tx.max_capacity() - self.tx.capacity()
    }

    /// Sequence number of the last line known to be on disk (fsynced).
    pub fn durable_seq(&self) -> u64 {
        self.inti.bersama.tahan_lama.load(Ordering::Acquire)
    }
}
