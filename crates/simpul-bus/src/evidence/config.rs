//! How a log is set up, and what opening or appending can answer.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::hash::Hash256;
use crate::kunci::KunciError;

/// File name of the checkpoint signing key (mode 0600), in the evidence folder unless
/// [`EvidenceConfig::key_file`] says otherwise.
pub const BERKAS_KUNCI: &str = "kunci-checkpoint.key";
/// File name of the checkpoint public key (hex), always in the evidence folder.
pub const BERKAS_KUNCI_PUBLIK: &str = "kunci-checkpoint.pub";

/// Settings of an evidence log.
#[derive(Debug, Clone)]
pub struct EvidenceConfig {
    /// The evidence folder (segments and the public key).
    pub dir: PathBuf,
    /// A checkpoint after this many exchanges (default 1,000).
    pub checkpoint_every: u64,
    /// A checkpoint when exchanges have waited unsigned this long (default 5 s).
    pub checkpoint_interval: Duration,
    /// fsync at most this long after a write (default 200 ms): the power-loss window.
    pub fsync_interval: Duration,
    /// Roll to a new segment before one would grow past this (default 64 MiB).
    pub segment_max_bytes: u64,
    /// Appends waiting for the writer before `append` waits too (default 16,384).
    pub queue_capacity: usize,
    /// Where the signing key lives (default: `dir/kunci-checkpoint.key`).
    pub key_file: Option<PathBuf>,
}

impl EvidenceConfig {
    /// The defaults for a log in `dir`.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            checkpoint_every: 1000,
            checkpoint_interval: Duration::from_secs(5),
            fsync_interval: Duration::from_millis(200),
            segment_max_bytes: 64 * 1024 * 1024,
            queue_capacity: 16 * 1024,
            key_file: None,
        }
    }

    /// The signing key file.
    pub fn key_path(&self) -> PathBuf {
        self.key_file
            .clone()
            .unwrap_or_else(|| self.dir.join(BERKAS_KUNCI))
    }

    /// The public key file.
    pub fn public_key_path(&self) -> PathBuf {
        self.dir.join(BERKAS_KUNCI_PUBLIK)
    }

    pub(crate) fn check(&self) -> Result<(), OpenError> {
        let bad = |what: &'static str| Err(OpenError::Konfigurasi(what));
        if self.checkpoint_every == 0 {
            return bad("checkpoint_every harus lebih dari 0");
        }
        if self.queue_capacity == 0 {
            return bad("queue_capacity harus lebih dari 0");
        }
        if self.checkpoint_interval.is_zero() || self.fsync_interval.is_zero() {
            return bad("checkpoint_interval dan fsync_interval harus lebih dari 0");
        }
        if self.segment_max_bytes < 4096 {
            return bad("segment_max_bytes harus sedikitnya 4096");
        }
        Ok(())
    }
}

/// Why a log could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// A file or folder could not be read or written.
    #[error("log bukti {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The signing key could not be loaded or created.
    #[error(transparent)]
    Kunci(#[from] KunciError),
    /// The last segment's chain is broken: the log needs `verify` and a person, not a
    /// writer that would sign on top of it.
    #[error("log bukti rusak di {segmen} baris {baris}: {rincian}")]
    Rusak {
        /// Segment file name.
        segmen: String,
        /// Line (1-based).
        baris: u64,
        /// What is wrong.
        rincian: String,
    },
    /// A setting is out of range.
    #[error("konfigurasi log bukti: {0}")]
    Konfigurasi(&'static str),
}

impl OpenError {
    pub(crate) fn io(path: &Path) -> impl FnOnce(io::Error) -> Self + '_ {
        move |source| Self::Io {
            path: path.to_owned(),
            source,
        }
    }
}

/// An entry the writer has handed to the OS: it survives the process being killed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Diterima {
    /// Its sequence number.
    pub seq: u64,
    /// Its hash (the chain's head right after it).
    pub hash: Hash256,
}

/// Why an entry was not written.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppendError {
    /// The log was shut down (or its writer is gone).
    #[error("log bukti sudah ditutup")]
    Ditutup,
    /// Writing failed; the writer reopens the log for the next batch.
    #[error("gagal menulis log bukti: {0}")]
    Io(String),
    /// The entry could not be serialised.
    #[error("entri tidak dapat diserialisasi: {0}")]
    Serialisasi(String),
}
