//! What the verifier reports: counts for an intact log, or the first problem.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::hash::Hash256;
use crate::kunci::{KunciError, KunciPublik};

/// What an intact log (or the part checked before a problem) holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Laporan {
    /// Segment files checked.
    pub segmen: u64,
    /// Lines (entries of every kind) checked.
    pub entri: u64,
    /// Of which exchanges.
    pub pertukaran: u64,
    /// Of which notes.
    pub catatan: u64,
    /// Of which checkpoints, each with a valid signature.
    pub checkpoint: u64,
    /// Sequence number of the last entry.
    pub seq_terakhir: u64,
    /// Hash of the last entry.
    pub kepala: Hash256,
    /// The last entry covered by a valid checkpoint (0: none).
    pub bertanda_tangan_sampai: u64,
    /// Entries after the last checkpoint: only hash-chained, not yet signed.
    pub ekor_tanpa_checkpoint: u64,
    /// Partial lines left by crashes and recorded when the log was reopened.
    pub baris_terpotong_tercatat: u64,
    /// The log ends with a clean-shutdown checkpoint.
    pub berhenti_bersih: bool,
    /// The key the signatures were checked against.
    pub kunci: KunciPublik,
}

/// Kinds of problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisMasalah {
    /// An entry's bytes changed (hash mismatch, or not a log line at all).
    Diubah,
    /// Entries are missing (a gap in sequence numbers, or a removed checkpoint).
    Dihapus,
    /// Entries are out of order (sequence goes backwards, or an entry appears before
    /// one it should follow).
    UrutanBerubah,
    /// The log is cut short: a partial last line, or a missing or emptied segment.
    Terpotong,
    /// A checkpoint's signature does not verify under the trusted key: the entries
    /// before it were rewritten (chain recomputed) or the checkpoint forged.
    TandaTanganTidakSah,
}

/// The first problem found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    /// What kind.
    pub jenis: JenisMasalah,
    /// Segment file name.
    pub segmen: String,
    /// Line in that file (1-based; for a missing segment, 0).
    pub baris: u64,
    /// Sequence number of the entry concerned (for a line that is no entry: the one
    /// expected there).
    pub seq: u64,
    /// Details, in Bahasa Indonesia.
    pub rincian: String,
}

impl fmt::Display for Masalah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (seq, seg, baris) = (angka(self.seq), &self.segmen, self.baris);
        let di = if baris == 0 {
            seg.to_string()
        } else {
            format!("{seg} baris {baris}")
        };
        match self.jenis {
            JenisMasalah::Diubah => write!(f, "Entri ke-{seq} ({di}) telah diubah"),
            JenisMasalah::Dihapus => write!(f, "Entri ke-{seq} ({di}) telah dihapus"),
            JenisMasalah::UrutanBerubah => write!(f, "Entri ke-{seq} ({di}) urutannya diubah"),
            JenisMasalah::Terpotong => write!(f, "Log terpotong pada entri ke-{seq} ({di})"),
            JenisMasalah::TandaTanganTidakSah => {
                write!(
                    f,
                    "Checkpoint entri ke-{seq} ({di}) bertanda tangan tidak sah"
                )
            }
        }?;
        write!(f, ": {}", self.rincian)
    }
}

/// Why a log could not be verified.
#[derive(Debug, thiserror::Error)]
pub enum VerifyError {
    /// A file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The public key could not be read.
    #[error(transparent)]
    Kunci(#[from] KunciError),
    /// The folder holds no segment file.
    #[error("tidak ada berkas segmen (segmen-*.log) di {0}")]
    TidakAdaSegmen(PathBuf),
    /// The log is not intact.
    #[error("{}", .0.masalah)]
    Rusak(Box<Rusak>),
}

/// A problem, and what had been checked up to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rusak {
    /// The first problem.
    pub masalah: Masalah,
    /// Counts of what was checked before it.
    pub diperiksa: Laporan,
}

/// `12345` as `12.345`, the Indonesian way.
pub fn angka(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_the_indonesian_way() {
        assert_eq!(angka(0), "0");
        assert_eq!(angka(999), "999");
        assert_eq!(angka(12_345), "12.345");
        assert_eq!(angka(1_234_567), "1.234.567");
    }
}
