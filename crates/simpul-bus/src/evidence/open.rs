//! Opening a log: start a new one, or find the chain's head in an existing one and
//! continue it, recording partial lines a crash left behind instead of dropping them.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use time::OffsetDateTime;

use super::config::{EvidenceConfig, OpenError};
use super::line;
use super::record::{AlasanCheckpoint, BarisTerpotong, Catatan, Isi, Peristiwa};
use super::segment;
use super::writer::{Awal, Bersama, Penulis, open_segment};
use crate::hash::Hash256;
use crate::kunci::KunciTandaTangan;

/// Open (or start) the log of `cfg.dir` and write its opening note and checkpoint.
pub(crate) fn buka(cfg: &EvidenceConfig, bersama: &Arc<Bersama>) -> Result<Penulis, OpenError> {
    let dir = cfg.dir.clone();
    fs::create_dir_all(&dir).map_err(OpenError::io(&dir))?;
    let segs = segment::daftar(&dir).map_err(OpenError::io(&dir))?;
    // A missing key beside existing segments is an error, never a fresh key: checkpoints
    // signed by a new key would not verify under the published one.
    let kunci = KunciTandaTangan::load(&cfg.key_path(), &cfg.public_key_path(), segs.is_empty())
        .map_err(OpenError::Kunci)?;
    let (awal, catatan) = match segs.last() {
        None => {
            let file = open_segment(&dir, 1, true).map_err(OpenError::io(&dir))?;
            let awal = awal(cfg, kunci, file, 1, 0, Hash256::ZERO);
            let c = catatan(&awal, Peristiwa::Dimulai, None, Vec::new());
            (awal, c)
        }
        Some(&(last_no, ref last_path)) => {
            let ekor = pindai(&segs)?;
            // Append after a partial line never: the next line would glue onto it.
            let last_torn = ekor
                .terpotong
                .last()
                .is_some_and(|t| t.segmen == segment::nama(last_no));
            let (no, baru) = if last_torn {
                (last_no + 1, true)
            } else {
                (last_no, false)
            };
            let file = open_segment(&dir, no, baru).map_err(OpenError::io(last_path))?;
            let awal = awal(cfg, kunci, file, no, ekor.seq, ekor.kepala);
            let c = catatan(
                &awal,
                Peristiwa::DibukaKembali,
                Some(ekor.bersih),
                ekor.terpotong,
            );
            (awal, c)
        }
    };
    let mut p = Penulis::new(awal, Arc::clone(bersama)).map_err(OpenError::io(&dir))?;
    let tulis = |p: &mut Penulis| -> std::io::Result<()> {
        p.push_isi(&Isi::Catatan(catatan))?;
        p.checkpoint(AlasanCheckpoint::Dibuka)?;
        p.sync()
    };
    tulis(&mut p).map_err(OpenError::io(&dir))?;
    Ok(p)
}

fn awal(
    cfg: &EvidenceConfig,
    kunci: KunciTandaTangan,
    file: fs::File,
    seg_no: u64,
    seq: u64,
    kepala: Hash256,
) -> Awal {
    Awal {
        dir: cfg.dir.clone(),
        setiap: cfg.checkpoint_every,
        ukuran_maks: cfg.segment_max_bytes,
        kunci,
        file,
        seg_no,
        seq,
        kepala,
    }
}

fn catatan(
    a: &Awal,
    peristiwa: Peristiwa,
    berhenti_bersih: Option<bool>,
    terpotong: Vec<BarisTerpotong>,
) -> Catatan {
    Catatan {
        waktu: OffsetDateTime::now_utc(),
        peristiwa,
        versi: env!("CARGO_PKG_VERSION").to_owned(),
        kunci: a.kunci.publik().to_hex(),
        berhenti_bersih,
        terpotong,
    }
}

/// The head of an existing log.
struct Ekor {
    seq: u64,
    kepala: Hash256,
    /// The last line is a clean-shutdown checkpoint.
    bersih: bool,
    /// Partial lines not yet recorded, oldest first.
    terpotong: Vec<BarisTerpotong>,
}

/// Walk back from the last segment to the last complete line, collecting partial
/// lines on the way, and check the chain inside the segment that holds it. (Earlier
/// segments are the offline verifier's business: opening must stay quick.)
fn pindai(segs: &[(u64, PathBuf)]) -> Result<Ekor, OpenError> {
    let mut terpotong = Vec::new();
    for (no, path) in segs.iter().rev() {
        let bytes = fs::read(path).map_err(OpenError::io(path))?;
        let (lines, tail) = segment::lines(&bytes);
        if let Some((offset, t)) = tail {
            terpotong.insert(
                0,
                BarisTerpotong {
                    segmen: segment::nama(*no),
                    offset,
                    panjang: t.len() as u64,
                    sha256: Hash256::of(t),
                },
            );
        }
        if lines.is_empty() {
            continue;
        }
        let last = periksa_segmen(path, &lines)?;
        let bersih =
            matches!(&last.isi, Isi::Checkpoint(c) if c.alasan == AlasanCheckpoint::Berhenti);
        return Ok(Ekor {
            seq: last.seq,
            kepala: last.hash,
            bersih,
            terpotong,
        });
    }
    // Nothing complete anywhere: a crash during the very first write.
    Ok(Ekor {
        seq: 0,
        kepala: Hash256::ZERO,
        bersih: false,
        terpotong,
    })
}

/// Check every line of one segment and its chain; return the last line.
fn periksa_segmen(path: &Path, lines: &[(u64, &[u8])]) -> Result<line::Baris, OpenError> {
    let rusak = |baris: usize, rincian: String| OpenError::Rusak {
        segmen: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        baris: baris as u64 + 1,
        rincian,
    };
    let mut last: Option<line::Baris> = None;
    for (i, (_, l)) in lines.iter().enumerate() {
        let b = line::parse(l).map_err(|e| rusak(i, format!("{e:?}")))?;
        if let Some(p) = &last
            && (b.seq != p.seq + 1 || b.prev != p.hash)
        {
            return Err(rusak(i, format!("rantai putus sebelum entri ke-{}", b.seq)));
        }
        last = Some(b);
    }
    last.ok_or_else(|| rusak(0, "segmen tanpa entri".into()))
}
