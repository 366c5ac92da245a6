//! Indonesian identifiers: NIP, NIK, Kemendagri region codes and the region table,
//! e-mail addresses. Each `parse` checks structure only (a well-formed number can
//! still be unregistered) and names every problem as a [`Masalah`](crate::Masalah).

mod digits;
mod email;
mod kode_wilayah;
mod nik;
mod nip;
mod wilayah;
mod zona_waktu;

use serde::{Deserialize, Serialize};

pub use email::Email;
pub use kode_wilayah::{JenisDaerah, JenisDesa, KodeWilayah, TingkatWilayah};
pub use nik::Nik;
pub use nip::{JenisPegawai, Nip};
pub use wilayah::{SUMBER_WILAYAH, Wilayah, WilayahTable};
pub use zona_waktu::ZonaWaktu;

/// Sex as encoded in NIP (digit 15) and NIK (birth day + 40 for women).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisKelamin {
    /// Man.
    LakiLaki,
    /// Woman.
    Perempuan,
}
