//! The evidence log: one JSON line per exchange, hash-chained across size-rolled
//! segment files, with Ed25519-signed checkpoints; written by one thread in batches,
//! verified offline. See the crate documentation for the format and guarantees.

mod config;
mod entry;
mod line;
mod log;
mod open;
mod read;
mod record;
pub mod segment;
mod thread;
mod verify;
mod writer;

pub use config::{
    AppendError, BERKAS_KUNCI, BERKAS_KUNCI_PUBLIK, Diterima, EvidenceConfig, OpenError,
};
pub use entry::{Durasi, Hasil, Layanan, Pertukaran, SidikBadan, Ukuran};
pub use log::EvidenceLog;
pub use read::{BacaError, Pembaca, Rekaman};
pub use record::{AlasanCheckpoint, BarisTerpotong, Catatan, Checkpoint, Isi, Peristiwa};
pub use verify::{
    JenisMasalah, Laporan, Masalah, Rusak, VerifyError, angka, verify, verify_with_key,
};
