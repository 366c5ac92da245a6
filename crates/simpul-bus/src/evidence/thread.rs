//! The writer thread (batches appends into one write(2), then acknowledges them) and
//! the fsync thread (makes written lines durable on an interval, off the write path).

use std::sync::Arc;
use std::sync::mpsc as std_mpsc;
use std::time::Duration;

use tokio::sync::{mpsc, oneshot};

use super::config::{AppendError, Diterima, EvidenceConfig};
use super::line::Badan;
use super::open;
use super::record::AlasanCheckpoint;
use super::writer::{Bersama, Penulis};

/// Most messages taken into one batch (one write(2)).
const BATCH_MAX: usize = 4096;

type Ack = oneshot::Sender<Result<Diterima, AppendError>>;

/// What the writer thread is asked to do.
pub(crate) enum Perintah {
    /// Append an exchange; answer once written.
    Tambah { badan: Badan, ack: Ack },
    /// Time passed: a timed checkpoint may be due.
    Detak,
    /// Write the closing checkpoint, fsync, answer, stop.
    Tutup { ack: Ack },
}

/// The writer thread's body.
pub(crate) fn tulis(
    cfg: EvidenceConfig,
    penulis: Penulis,
    mut rx: mpsc::Receiver<Perintah>,
    bersama: Arc<Bersama>,
    bangun: std_mpsc::Sender<()>,
) {
    let mut state = Some(penulis);
    let mut batch = Vec::with_capacity(BATCH_MAX);
    loop {
        let Some(first) = rx.blocking_recv() else {
            // Every handle dropped without shutdown: close cleanly all the same.
            let _ = tutup(&cfg, &bersama, &mut state);
            return;
        };
        batch.push(first);
        while batch.len() < BATCH_MAX {
            match rx.try_recv() {
                Ok(m) => batch.push(m),
                Err(_) => break,
            }
        }
        let closing = batch.iter().any(|m| matches!(m, Perintah::Tutup { .. }));
        if closing {
            // Take what is already queued; refuse what comes later.
            rx.close();
            while let Ok(m) = rx.try_recv() {
                batch.push(m);
            }
        }
        let tutup_acks = proses(&cfg, &bersama, &mut state, &mut batch, &bangun);
        if closing {
            let r = tutup(&cfg, &bersama, &mut state);
            for ack in tutup_acks {
                let _ = ack.send(r.clone());
            }
            return;
        }
    }
}

/// Write one batch; acknowledge its appends after the write returns. Returns the
/// shutdown requests found in it.
fn proses(
    cfg: &EvidenceConfig,
    bersama: &Arc<Bersama>,
    state: &mut Option<Penulis>,
    batch: &mut Vec<Perintah>,
    bangun: &std_mpsc::Sender<()>,
) -> Vec<Ack> {
    let mut tutup_acks = Vec::new();
    let p = match pulihkan(cfg, bersama, state) {
        Ok(p) => p,
        Err(e) => {
            for m in batch.drain(..) {
                match m {
                    Perintah::Tambah { ack, .. } => {
                        let _ = ack.send(Err(e.clone()));
                    }
                    Perintah::Tutup { ack } => tutup_acks.push(ack),
                    Perintah::Detak => {}
                }
            }
            return tutup_acks;
        }
    };
    let mut acks = Vec::with_capacity(batch.len());
    let mut gagal = Vec::new();
    let mut err: Option<std::io::Error> = None;
    let mut checkpointed = false;
    for m in batch.drain(..) {
        match m {
            Perintah::Tambah { ack, .. } if err.is_some() => gagal.push(ack),
            Perintah::Tambah { badan, ack } => match p.push(&badan, true) {
                Ok((seq, hash)) => {
                    acks.push((ack, Diterima { seq, hash }));
                    if p.checkpoint_wajib() {
                        match p.checkpoint(AlasanCheckpoint::Berkala) {
                            Ok(_) => checkpointed = true,
                            Err(e) => err = Some(e),
                        }
                    }
                }
                Err(e) => {
                    err = Some(e);
                    gagal.push(ack);
                }
            },
            Perintah::Detak => {
                if err.is_none() && p.checkpoint_jatuh_tempo(cfg.checkpoint_interval) {
                    match p.checkpoint(AlasanCheckpoint::Berkala) {
                        Ok(_) => checkpointed = true,
                        Err(e) => err = Some(e),
                    }
                }
            }
            Perintah::Tutup { ack } => tutup_acks.push(ack),
        }
    }
    if err.is_none()
        && let Err(e) = p.flush()
    {
        err = Some(e);
    }
    match err {
        None => {
            for (ack, d) in acks {
                let _ = ack.send(Ok(d));
            }
            if checkpointed {
                let _ = bangun.send(());
            }
        }
        Some(e) => {
            // Whatever reached the file is found again by reopening; nothing of this
            // batch is acknowledged, and the next batch starts from the file's state.
            let e = AppendError::Io(e.to_string());
            for ack in acks.into_iter().map(|(a, _)| a).chain(gagal) {
                let _ = ack.send(Err(e.clone()));
            }
            *state = None;
        }
    }
    tutup_acks
}

/// The writer, reopening the log from its files after a failed write.
fn pulihkan<'a>(
    cfg: &EvidenceConfig,
    bersama: &Arc<Bersama>,
    state: &'a mut Option<Penulis>,
) -> Result<&'a mut Penulis, AppendError> {
    if state.is_none() {
        *state = Some(open::buka(cfg, bersama).map_err(|e| AppendError::Io(e.to_string()))?);
    }
    state.as_mut().ok_or(AppendError::Ditutup)
}

/// The closing checkpoint, flushed and fsynced.
fn tutup(
    cfg: &EvidenceConfig,
    bersama: &Arc<Bersama>,
    state: &mut Option<Penulis>,
) -> Result<Diterima, AppendError> {
    let p = pulihkan(cfg, bersama, state)?;
    let io = |e: std::io::Error| AppendError::Io(e.to_string());
    let (seq, hash) = p.checkpoint(AlasanCheckpoint::Berhenti).map_err(io)?;
    p.sync().map_err(io)?;
    *state = None;
    Ok(Diterima { seq, hash })
}

/// The fsync thread's body: fsync on every tick (or when woken after a checkpoint),
/// and tell the writer that time passed. Ends, after a last fsync, when the writer
/// thread is gone.
pub(crate) fn sync(
    bersama: Arc<Bersama>,
    bangun: std_mpsc::Receiver<()>,
    tick: Duration,
    detak: mpsc::WeakSender<Perintah>,
) {
    loop {
        let end = matches!(
            bangun.recv_timeout(tick),
            Err(std_mpsc::RecvTimeoutError::Disconnected)
        );
        bersama.sync();
        if end {
            return;
        }
        if let Some(tx) = detak.upgrade() {
            let _ = tx.try_send(Perintah::Detak);
        }
    }
}
