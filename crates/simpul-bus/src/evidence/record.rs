//! What one line of the log holds: an exchange, a note, or a signed checkpoint.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::entry::Pertukaran;
use crate::hash::Hash256;

/// The content of one log line, tagged by `jenis`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
#[expect(
    clippy::large_enum_variant,
    reason = "exchanges are nearly every line; boxing them would allocate per line"
)]
pub enum Isi {
    /// An exchange through the bus.
    Pertukaran(Pertukaran),
    /// Something that happened to the log itself (started, reopened).
    Catatan(Catatan),
    /// A signed statement of the chain's head.
    Checkpoint(Checkpoint),
}

/// A note the writer makes about the log itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catatan {
    /// When.
    #[serde(with = "time::serde::rfc3339")]
    pub waktu: OffsetDateTime,
    /// What happened.
    pub peristiwa: Peristiwa,
    /// Version of simpul-bus that wrote it.
    pub versi: String,
    /// The checkpoint public key in use (hex).
    pub kunci: String,
    /// On reopening: whether the log had ended with a clean-shutdown checkpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub berhenti_bersih: Option<bool>,
    /// On reopening: partial lines found at the end of segments (a crash mid-write),
    /// left in place and recorded here so the verifier can tell them from tampering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terpotong: Vec<BarisTerpotong>,
}

/// What happened to the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Peristiwa {
    /// A new, empty log: the first line.
    Dimulai,
    /// The writer opened an existing log again.
    DibukaKembali,
}

/// A partial line at the end of a segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BarisTerpotong {
    /// Segment file name.
    pub segmen: String,
    /// Byte offset of the partial line in that file.
    pub offset: u64,
    /// Its length in bytes (to the end of the file).
    pub panjang: u64,
    /// SHA-256 of those bytes.
    pub sha256: Hash256,
}

/// A signed checkpoint: "the chain up to entry `sampai` has head `kepala`".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// When it was made.
    #[serde(with = "time::serde::rfc3339")]
    pub waktu: OffsetDateTime,
    /// Why it was made.
    pub alasan: AlasanCheckpoint,
    /// The last entry it covers (always the line just before it).
    pub sampai: u64,
    /// The hash of that entry: the head of the chain.
    pub kepala: Hash256,
    /// The writer's promise: at most this many exchanges follow before the next
    /// checkpoint. Signed, so a verifier can tell a removed checkpoint.
    pub setiap: u64,
    /// The public key that signs (hex), for the reader's convenience; verification
    /// uses the key the verifier trusts, not this field.
    pub kunci: String,
    /// Ed25519 signature of [`Checkpoint::pesan`] (hex).
    pub tanda_tangan: String,
}

/// Why a checkpoint was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanCheckpoint {
    /// Every N exchanges or T seconds.
    Berkala,
    /// Right after the log was started or reopened.
    Dibuka,
    /// On clean shutdown: the last line of a cleanly closed log.
    Berhenti,
}

impl AlasanCheckpoint {
    fn as_str(self) -> &'static str {
        match self {
            Self::Berkala => "berkala",
            Self::Dibuka => "dibuka",
            Self::Berhenti => "berhenti",
        }
    }
}

impl Checkpoint {
    /// The bytes signed for a checkpoint at line `seq`: a fixed text naming the log
    /// format, the checkpoint's own sequence number, what it covers, and when.
    pub fn pesan(&self, seq: u64) -> Vec<u8> {
        format!(
            "simpul-bus/bukti/checkpoint/v1\nseq={seq}\nsampai={}\nkepala={}\nwaktu_ns={}\nalasan={}\nsetiap={}\n",
            self.sampai,
            self.kepala,
            self.waktu.unix_timestamp_nanos(),
            self.alasan.as_str(),
            self.setiap,
        )
        .into_bytes()
    }
}
