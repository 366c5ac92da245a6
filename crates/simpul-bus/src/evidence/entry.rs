//! The record of one exchange through the bus: who asked what of whom, why, what came
//! of it, how long it took, and the digests of what crossed.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::hash::Hash256;
use crate::nik::NikHash;

/// One exchange (request and response) through the bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pertukaran {
    /// The request id the bus gave the exchange (also in its response headers).
    pub id_permintaan: String,
    /// When the request arrived.
    #[serde(with = "time::serde::rfc3339")]
    pub waktu: OffsetDateTime,
    /// The calling consumer (a PD's application), by its identifier in the directory.
    pub konsumen: String,
    /// The service asked, as the directory names it.
    pub layanan: Layanan,
    /// NIP of the officer on whose behalf the call was made (`X-Simpul-User-Id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub petugas: Option<String>,
    /// The stated purpose of the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tujuan: Option<String>,
    /// What came of it.
    pub hasil: Hasil,
    /// How long it took.
    pub durasi: Durasi,
    /// Body sizes in bytes.
    pub ukuran: Ukuran,
    /// SHA-256 of the bodies as received from the consumer and as sent back to it.
    pub sha256: SidikBadan,
    /// Keyed hashes of the NIKs the exchange carried (never the NIKs themselves).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nik: Vec<NikHash>,
}

/// A service in the directory: owning PD, code and version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layanan {
    /// The owning PD's code.
    pub pd: String,
    /// The service code within the PD.
    pub kode: String,
    /// The service version.
    pub versi: String,
}

/// The outcome of an exchange. Refusals and failures carry the stable problem code the
/// consumer received in its `application/problem+json` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Hasil {
    /// Forwarded to the upstream; `http` is the status the consumer got.
    Diteruskan {
        /// HTTP status returned to the consumer.
        http: u16,
    },
    /// Refused by the bus (unknown service, no grant, missing officer, too large...).
    Ditolak {
        /// HTTP status returned to the consumer.
        http: u16,
        /// Stable problem code (snake_case).
        kode: String,
    },
    /// Accepted but failed (upstream down, slow, or answering garbage).
    Gagal {
        /// HTTP status returned to the consumer.
        http: u16,
        /// Stable problem code (snake_case).
        kode: String,
    },
}

impl Hasil {
    /// The HTTP status the consumer got.
    pub fn http(&self) -> u16 {
        match self {
            Self::Diteruskan { http } | Self::Ditolak { http, .. } | Self::Gagal { http, .. } => {
                *http
            }
        }
    }
}

/// Timings in microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Durasi {
    /// From the request's arrival to the end of the response.
    pub total_us: u64,
    /// Time spent waiting on the upstream (absent when the request never reached it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hulu_us: Option<u64>,
}

/// Body sizes in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ukuran {
    /// Request body.
    pub permintaan: u64,
    /// Response body.
    pub tanggapan: u64,
}

/// SHA-256 of the request and response bodies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SidikBadan {
    /// Request body.
    pub permintaan: Hash256,
    /// Response body as sent to the consumer (the problem body for refusals).
    pub tanggapan: Hash256,
}
