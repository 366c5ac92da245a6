//! Where snapshots come from. The control plane implements [`SnapshotSource`] over the
//! database; [`FileSource`] reads a TOML or JSON file (`simpul bus --directory FILE`,
//! tests), [`MemorySource`] holds a directory a test or an embedding program sets.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use super::directory::{Directory, Snapshot};

/// Why a snapshot could not be loaded. The gateway logs it, counts it, and keeps
/// serving from the last good snapshot.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SourceError(pub String);

impl SourceError {
    /// An error from anything displayable.
    pub fn new(e: impl std::fmt::Display) -> Self {
        Self(e.to_string())
    }
}

/// A boxed future, so the trait stays object safe (`Arc<dyn SnapshotSource>`).
pub type LoadFuture<'a> = Pin<Box<dyn Future<Output = Result<Snapshot, SourceError>> + Send + 'a>>;

/// Delivers the whole current directory as a [`Snapshot`].
///
/// Contract: `load` returns a complete, consistent directory (read it in one database
/// transaction) or an error; it never returns a partial one. It may be called at any
/// time from a background task, concurrently with requests, and should finish within
/// a few seconds. It should only return active-after-review grants as `active: true`.
pub trait SnapshotSource: Send + Sync + 'static {
    /// Load the directory.
    fn load(&self) -> LoadFuture<'_>;
}

/// A directory file: TOML when the name ends in `.toml`, JSON otherwise.
#[derive(Debug, Clone)]
pub struct FileSource {
    path: PathBuf,
}

impl FileSource {
    /// Read `path` on every load.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }
}

/// Parse a directory file's text (`toml` or JSON).
pub fn parse_directory(text: &str, toml: bool) -> Result<Directory, SourceError> {
    if toml {
        toml::from_str(text).map_err(SourceError::new)
    } else {
        serde_json::from_str(text).map_err(SourceError::new)
    }
}

impl SnapshotSource for FileSource {
    fn load(&self) -> LoadFuture<'_> {
        Box::pin(async move {
            let text = tokio::fs::read_to_string(&self.path)
                .await
                .map_err(|e| SourceError(format!("{}: {e}", self.path.display())))?;
            let is_toml = self.path.extension().is_some_and(|e| e == "toml");
            let dir = parse_directory(&text, is_toml)
                .map_err(|e| SourceError(format!("{}: {e}", self.path.display())))?;
            let meta = tokio::fs::metadata(&self.path).await.ok();
            let version = meta
                .and_then(|m| m.modified().ok())
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map(|d| d.as_millis().to_string())
                .unwrap_or_default();
            Snapshot::build(dir, version).map_err(SourceError::new)
        })
    }
}

/// A directory held in memory; `set` replaces it, `fail` makes loads fail (to test
/// that the gateway keeps its last good snapshot).
#[derive(Debug, Clone)]
pub struct MemorySource {
    inner: Arc<Mutex<(Result<Directory, String>, u64)>>,
}

impl MemorySource {
    /// A source serving `dir`.
    pub fn new(dir: Directory) -> Self {
        Self {
            inner: Arc::new(Mutex::new((Ok(dir), 1))),
        }
    }

    /// Serve `dir` from the next load on.
    pub fn set(&self, dir: Directory) {
        if let Ok(mut g) = self.inner.lock() {
            g.0 = Ok(dir);
            g.1 += 1;
        }
    }

    /// Fail every load with `why` until the next `set`.
    pub fn fail(&self, why: impl Into<String>) {
        if let Ok(mut g) = self.inner.lock() {
            g.0 = Err(why.into());
        }
    }
}

impl SnapshotSource for MemorySource {
    fn load(&self) -> LoadFuture<'_> {
        let now = self
            .inner
            .lock()
            .map_err(|_| SourceError::new("kunci sumber rusak"))
            .and_then(|g| match &g.0 {
                Ok(d) => Ok((d.clone(), g.1)),
                Err(e) => Err(SourceError(e.clone())),
            });
        Box::pin(async move {
            let (dir, v) = now?;
            Snapshot::build(dir, v.to_string()).map_err(SourceError::new)
        })
    }
}
