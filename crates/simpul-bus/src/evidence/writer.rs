//! The writer's state: the open segment, the chain's head, and the batch being built.
//! Owned by the writer thread alone; nothing here is shared but [`Bersama`].

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use time::OffsetDateTime;

use super::line::{Badan, compose};
use super::record::{AlasanCheckpoint, Checkpoint, Isi};
use super::segment;
use crate::hash::Hash256;
use crate::kunci::{KunciPublik, KunciTandaTangan, sync_parent};

/// What the writer thread shares with the fsync thread and the handles.
#[derive(Debug, Default)]
pub(crate) struct Bersama {
    /// Sequence number of the last line handed to the OS (write(2) returned).
    pub(crate) ditulis: AtomicU64,
    /// Sequence number of the last line known to be on disk (fsync returned).
    pub(crate) tahan_lama: AtomicU64,
    /// A second handle on the current segment, for the fsync thread.
    pub(crate) berkas: Mutex<Option<File>>,
}

impl Bersama {
    /// fsync the current segment if lines were written since the last fsync.
    pub(crate) fn sync(&self) {
        // Read the mark before taking the file: a roll swaps the file before writing to
        // the new one and fsyncs the old one itself, so whatever the mark covers is in
        // the old (already synced) file or in the one we are about to sync.
        let w = self.ditulis.load(Ordering::Acquire);
        if w <= self.tahan_lama.load(Ordering::Acquire) {
            return;
        }
        let guard = self.berkas.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(f) = guard.as_ref()
            && f.sync_data().is_ok()
        {
            self.tahan_lama.fetch_max(w, Ordering::AcqRel);
        }
    }

    fn set_file(&self, f: &File) -> io::Result<()> {
        let clone = f.try_clone()?;
        *self.berkas.lock().unwrap_or_else(|e| e.into_inner()) = Some(clone);
        Ok(())
    }
}

/// Open segment `n` of `dir` for appending; `baru` demands that it does not exist yet.
pub(crate) fn open_segment(dir: &Path, n: u64, baru: bool) -> io::Result<File> {
    let mut o = OpenOptions::new();
    o.append(true);
    if baru {
        o.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o640);
    }
    let f = o.open(dir.join(segment::nama(n)))?;
    if baru {
        sync_parent(&dir.join(segment::nama(n)))?;
    }
    Ok(f)
}

/// The writer: chain head, open segment, pending bytes.
pub(crate) struct Penulis {
    dir: PathBuf,
    setiap: u64,
    ukuran_maks: u64,
    kunci: KunciTandaTangan,
    file: File,
    seg_no: u64,
    seg_len: u64,
    /// The last line composed (maybe not yet written).
    pub(crate) seq: u64,
    /// Its hash.
    pub(crate) kepala: Hash256,
    /// Exchanges since the last checkpoint.
    sejak: u64,
    terakhir_cp: Instant,
    buf: Vec<u8>,
    bersama: Arc<Bersama>,
}

/// Where a new writer starts.
pub(crate) struct Awal {
    pub(crate) dir: PathBuf,
    pub(crate) setiap: u64,
    pub(crate) ukuran_maks: u64,
    pub(crate) kunci: KunciTandaTangan,
    pub(crate) file: File,
    pub(crate) seg_no: u64,
    pub(crate) seq: u64,
    pub(crate) kepala: Hash256,
}

impl Penulis {
    pub(crate) fn new(a: Awal, bersama: Arc<Bersama>) -> io::Result<Self> {
        let seg_len = a.file.metadata()?.len();
        bersama.set_file(&a.file)?;
        bersama.ditulis.store(a.seq, Ordering::Release);
        Ok(Self {
            dir: a.dir,
            setiap: a.setiap,
            ukuran_maks: a.ukuran_maks,
            kunci: a.kunci,
            file: a.file,
            seg_no: a.seg_no,
            seg_len,
            seq: a.seq,
            kepala: a.kepala,
            sejak: 0,
            terakhir_cp: Instant::now(),
            buf: Vec::with_capacity(64 * 1024),
            bersama,
        })
    }

    pub(crate) fn publik(&self) -> KunciPublik {
        self.kunci.publik()
    }

    /// Compose the next line into the batch; roll to a new segment first if it would
    /// make the current one exceed its size (a segment always takes at least one line).
    pub(crate) fn push(&mut self, badan: &Badan, pertukaran: bool) -> io::Result<(u64, Hash256)> {
        let start = self.buf.len();
        let seq = self.seq + 1;
        let hash = compose(seq, &self.kepala, badan, &mut self.buf);
        let before = self.seg_len + start as u64;
        if before > 0 && before + (self.buf.len() - start) as u64 > self.ukuran_maks {
            self.file.write_all(&self.buf[..start])?;
            self.buf.drain(..start);
            self.seg_len += start as u64;
            self.bersama.ditulis.store(self.seq, Ordering::Release);
            self.roll()?;
        }
        self.seq = seq;
        self.kepala = hash;
        if pertukaran {
            self.sejak += 1;
        }
        Ok((seq, hash))
    }

    /// Serialise and push a note or checkpoint.
    pub(crate) fn push_isi(&mut self, isi: &Isi) -> io::Result<(u64, Hash256)> {
        let badan = Badan::of(isi).map_err(io::Error::other)?;
        self.push(&badan, matches!(isi, Isi::Pertukaran(_)))
    }

    /// Whether the exchange count calls for a checkpoint now.
    pub(crate) fn checkpoint_wajib(&self) -> bool {
        self.sejak >= self.setiap
    }

    /// Whether exchanges wait unsigned for longer than `interval`.
    pub(crate) fn checkpoint_jatuh_tempo(&self, interval: Duration) -> bool {
        self.sejak > 0 && self.terakhir_cp.elapsed() >= interval
    }

    /// Push a signed checkpoint of the current head.
    pub(crate) fn checkpoint(&mut self, alasan: AlasanCheckpoint) -> io::Result<(u64, Hash256)> {
        let mut cp = Checkpoint {
            waktu: OffsetDateTime::now_utc(),
            alasan,
            sampai: self.seq,
            kepala: self.kepala,
            setiap: self.setiap,
            kunci: self.kunci.publik().to_hex(),
            tanda_tangan: String::new(),
        };
        cp.tanda_tangan = self.kunci.sign_hex(&cp.pesan(self.seq + 1));
        let r = self.push_isi(&Isi::Checkpoint(cp))?;
        self.sejak = 0;
        self.terakhir_cp = Instant::now();
        Ok(r)
    }

    /// Hand the batch to the OS in one write.
    pub(crate) fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.file.write_all(&self.buf)?;
            self.seg_len += self.buf.len() as u64;
            self.buf.clear();
        }
        self.bersama.ditulis.store(self.seq, Ordering::Release);
        Ok(())
    }

    /// Flush and fsync now.
    pub(crate) fn sync(&mut self) -> io::Result<()> {
        self.flush()?;
        self.file.sync_data()?;
        self.bersama
            .tahan_lama
            .fetch_max(self.seq, Ordering::AcqRel);
        Ok(())
    }

    fn roll(&mut self) -> io::Result<()> {
        self.file.sync_data()?;
        self.bersama.tahan_lama.fetch_max(
            self.bersama.ditulis.load(Ordering::Acquire),
            Ordering::AcqRel,
        );
        let next = open_segment(&self.dir, self.seg_no + 1, true)?;
        self.bersama.set_file(&next)?;
        self.file = next;
        self.seg_no += 1;
        self.seg_len = 0;
        Ok(())
    }
}
