//! The content-addressed blob store: file bytes kept under their SHA-256 in the data
//! folder (`berkas/ab/cd/abcd…`), written once and never overwritten. Metadata (name,
//! type, uploader) lives in the database ([`crate::berkas`]); the same bytes uploaded
//! twice are stored once.
//!
//! Writes go to a temporary file, are flushed to disk, then linked into place with
//! `hard_link`, which fails instead of replacing an existing file: a crash leaves at most
//! a stray temporary file, never a half-written blob under a real name.

use std::io::Write;
use std::path::{Path, PathBuf};

use simpul_domain::berkas::Sha256;

use crate::error::StoreError;

/// What a check of one stored blob found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlobState {
    /// Present, and its bytes hash to its name.
    Utuh,
    /// No file under that name.
    Hilang,
    /// The bytes no longer match their name: altered or corrupted on disk.
    Berubah,
}

/// Blobs under one folder.
#[derive(Debug, Clone)]
pub struct BlobStore {
    root: PathBuf,
}

impl BlobStore {
    /// Use (creating if needed) `root` for blobs.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self, StoreError> {
        let root = root.into();
        std::fs::create_dir_all(root.join("tmp")).map_err(StoreError::Io)?;
        Ok(Self { root })
    }

    /// The blob folder inside a data folder.
    pub fn in_data_dir(data_dir: &Path) -> Result<Self, StoreError> {
        Self::open(data_dir.join("berkas"))
    }

    fn path(&self, sha: &Sha256) -> PathBuf {
        let h = sha.as_str();
        self.root.join(&h[..2]).join(&h[2..4]).join(h)
    }

    /// Store `bytes` and return their digest. Storing bytes already present is a no-op,
    /// unless the present copy was altered: then it is an error and nothing is replaced.
    pub async fn put(&self, bytes: Vec<u8>) -> Result<Sha256, StoreError> {
        let me = self.clone();
        tokio::task::spawn_blocking(move || me.put_blocking(&bytes))
            .await
            .map_err(|e| StoreError::Io(std::io::Error::other(e)))?
    }

    fn put_blocking(&self, bytes: &[u8]) -> Result<Sha256, StoreError> {
        let sha = Sha256::of(bytes);
        let dest = self.path(&sha);
        if dest.exists() {
            return match self.check_blocking(&sha)? {
                BlobState::Utuh => Ok(sha),
                _ => Err(StoreError::Corrupt(format!("blob {sha} altered on disk"))),
            };
        }
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(StoreError::Io)?;
        }
        let tmp = self
            .root
            .join("tmp")
            .join(format!("{}-{}", sha.as_str(), uuid::Uuid::now_v7()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            match std::fs::hard_link(&tmp, &dest) {
                // Another upload of the same bytes won the race: same content, fine.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
                other => other,
            }
        })();
        let _ = std::fs::remove_file(&tmp);
        written.map_err(StoreError::Io)?;
        Ok(sha)
    }

    /// The bytes of a blob, checked against their digest, so an altered file is never
    /// served as evidence.
    pub async fn read(&self, sha: &Sha256) -> Result<Vec<u8>, StoreError> {
        let me = self.clone();
        let sha = sha.clone();
        tokio::task::spawn_blocking(move || {
            let bytes = match std::fs::read(me.path(&sha)) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(StoreError::NotFound);
                }
                Err(e) => return Err(StoreError::Io(e)),
            };
            if Sha256::of(&bytes) == sha {
                Ok(bytes)
            } else {
                Err(StoreError::Corrupt(format!("blob {sha} altered on disk")))
            }
        })
        .await
        .map_err(|e| StoreError::Io(std::io::Error::other(e)))?
    }

    /// Whether a blob is present and intact.
    pub async fn check(&self, sha: &Sha256) -> Result<BlobState, StoreError> {
        let me = self.clone();
        let sha = sha.clone();
        tokio::task::spawn_blocking(move || me.check_blocking(&sha))
            .await
            .map_err(|e| StoreError::Io(std::io::Error::other(e)))?
    }

    fn check_blocking(&self, sha: &Sha256) -> Result<BlobState, StoreError> {
        match std::fs::read(self.path(sha)) {
            Ok(b) if Sha256::of(&b) == *sha => Ok(BlobState::Utuh),
            Ok(_) => Ok(BlobState::Berubah),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BlobState::Hilang),
            Err(e) => Err(StoreError::Io(e)),
        }
    }
}
