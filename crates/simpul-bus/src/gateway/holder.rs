//! The current snapshot, swapped whole, and the task that refreshes it. A failed load
//! never empties the gateway: it keeps serving from the last good snapshot (the
//! database may be down; the bus must not stop because of it), logs the failure and
//! counts it in `simpul_bus_snapshot_gagal_total`.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::{Notify, watch};

use super::directory::Snapshot;
use super::metrik;
use super::source::{SnapshotSource, SourceError};

/// The gateway's view of the directory.
#[derive(Debug)]
pub struct Holder {
    current: RwLock<(Arc<Snapshot>, Instant)>,
    notify: Arc<Notify>,
}

impl Holder {
    /// Start with `first`.
    pub fn new(first: Snapshot) -> Self {
        Self::with_notify(first, Arc::new(Notify::new()))
    }

    /// Start with `first`, reloading whenever `notify` is notified.
    pub fn with_notify(first: Snapshot, notify: Arc<Notify>) -> Self {
        Self {
            current: RwLock::new((Arc::new(first), Instant::now())),
            notify,
        }
    }

    /// The snapshot to route this request from.
    pub fn current(&self) -> Arc<Snapshot> {
        match self.current.read() {
            Ok(g) => Arc::clone(&g.0),
            Err(p) => Arc::clone(&p.into_inner().0),
        }
    }

    /// When the current snapshot was loaded.
    pub fn loaded_at(&self) -> Instant {
        match self.current.read() {
            Ok(g) => g.1,
            Err(p) => p.into_inner().1,
        }
    }

    fn swap(&self, s: Snapshot) {
        let s = (Arc::new(s), Instant::now());
        match self.current.write() {
            Ok(mut g) => *g = s,
            Err(p) => *p.into_inner() = s,
        }
    }

    /// Wake the refresher now (the control plane calls this after a change).
    pub fn notify_handle(&self) -> Arc<Notify> {
        Arc::clone(&self.notify)
    }

    /// Load once: swap in a new snapshot, or keep the old one and report why not.
    pub async fn refresh(&self, source: &dyn SnapshotSource) -> Result<(), SourceError> {
        match source.load().await {
            Ok(s) => {
                let (l, k, i) = s.counts();
                tracing::debug!(versi = %s.version, layanan = l, konsumen = k, izin = i, "snapshot direktori baru");
                self.swap(s);
                metrik::snapshot_loaded();
                Ok(())
            }
            Err(e) => {
                tracing::warn!(error = %e, "memuat direktori gagal; tetap melayani dari snapshot terakhir");
                metrik::snapshot_failed();
                Err(e)
            }
        }
    }

    /// Refresh on every notification and every `interval` until `stop` turns true.
    pub async fn run(
        self: Arc<Self>,
        source: Arc<dyn SnapshotSource>,
        interval: Duration,
        mut stop: watch::Receiver<bool>,
    ) {
        let mut tick = tokio::time::interval(interval);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        tick.tick().await;
        loop {
            tokio::select! {
                _ = tick.tick() => {}
                _ = self.notify.notified() => {}
                _ = stop.changed() => return,
            }
            if *stop.borrow() {
                return;
            }
            let _ = self.refresh(source.as_ref()).await;
        }
    }
}
