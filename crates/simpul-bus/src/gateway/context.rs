//! The per-request context every phase reads and fills in, and what the logging phase
//! turns into one evidence entry.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode};
use time::OffsetDateTime;

use super::directory::Service;
use super::headers;
use super::problem::{self, Problem};
use crate::evidence::{Durasi, Hasil, Layanan, Pertukaran, SidikBadan, Ukuran};
use crate::hash::Hash256;
use crate::nik::NikHash;

/// What the bus knows about one exchange so far.
#[derive(Debug)]
pub struct Ctx {
    /// Request id (the consumer's `X-Request-Id` if sane, else a new UUID-like id).
    pub id: String,
    /// Arrival.
    pub start: Instant,
    /// Arrival, wall clock.
    pub waktu: OffsetDateTime,
    /// Authenticated (or at least identified) consumer id.
    pub konsumen: Option<String>,
    /// The service asked for, as far as the path named it.
    pub layanan: Option<Layanan>,
    /// The directory entry, once found.
    pub service: Option<Arc<Service>>,
    /// Officer's NIP, once validated.
    pub petugas: Option<String>,
    /// Stated purpose.
    pub tujuan: Option<String>,
    /// SHA-256 of the request body, once read.
    pub req_hash: Option<Hash256>,
    /// Request body length.
    pub req_len: u64,
    /// Keyed NIK hashes found.
    pub nik: Vec<NikHash>,
    /// Time spent on the upstream.
    pub hulu: Option<Duration>,
    /// Came in by `/r1/...`.
    pub xroad: bool,
}

/// The answer on its way out: status, headers, whole body.
#[derive(Debug)]
pub struct Out {
    /// Status.
    pub status: StatusCode,
    /// Headers.
    pub headers: HeaderMap,
    /// Body.
    pub body: Bytes,
    /// The problem, if the bus answered instead of the upstream.
    pub problem: Option<Problem>,
}

impl Ctx {
    /// A context for a request that arrived now with these headers.
    pub fn new(h: &HeaderMap) -> Self {
        let id = h
            .get(headers::REQUEST_ID)
            .and_then(|v| v.to_str().ok())
            .filter(|v| {
                !v.is_empty()
                    && v.len() <= 128
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
            })
            .map(str::to_owned)
            .unwrap_or_else(new_id);
        Self {
            id,
            start: Instant::now(),
            waktu: OffsetDateTime::now_utc(),
            konsumen: None,
            layanan: None,
            service: None,
            petugas: None,
            tujuan: None,
            req_hash: None,
            req_len: 0,
            nik: Vec::new(),
            hulu: None,
            xroad: false,
        }
    }

    /// The problem answer.
    pub fn problem(&self, p: Problem) -> Out {
        let body = p.body(&self.id);
        let mut h = HeaderMap::new();
        h.insert(http::header::CONTENT_TYPE, problem::content_type());
        if let Some(s) = p.retry_after
            && let Ok(v) = HeaderValue::from_str(&s.to_string())
        {
            h.insert(http::header::RETRY_AFTER, v);
        }
        if self.xroad {
            h.insert(
                headers::XROAD_ERROR,
                HeaderValue::from_static(p.kode.as_str()),
            );
        }
        Out {
            status: p.kode.status(),
            headers: h,
            body,
            problem: Some(p),
        }
    }

    /// The evidence entry for this exchange, answered with `out`.
    pub fn entry(&self, out: &Out, resp_hash: Hash256) -> Pertukaran {
        let http = out.status.as_u16();
        let hasil = match &out.problem {
            None => Hasil::Diteruskan { http },
            Some(p) if p.kode.is_failure() => Hasil::Gagal {
                http,
                kode: p.kode.as_str().into(),
            },
            Some(p) => Hasil::Ditolak {
                http,
                kode: p.kode.as_str().into(),
            },
        };
        Pertukaran {
            id_permintaan: self.id.clone(),
            waktu: self.waktu,
            konsumen: self.konsumen.clone().unwrap_or_else(|| "-".into()),
            layanan: self.layanan.clone().unwrap_or_else(|| Layanan {
                pd: "-".into(),
                kode: "-".into(),
                versi: "-".into(),
            }),
            petugas: self.petugas.clone(),
            tujuan: self.tujuan.clone(),
            hasil,
            durasi: Durasi {
                total_us: micros(self.start.elapsed()),
                hulu_us: self.hulu.map(micros),
            },
            ukuran: Ukuran {
                permintaan: self.req_len,
                tanggapan: out.body.len() as u64,
            },
            sha256: SidikBadan {
                permintaan: self.req_hash.unwrap_or_else(|| Hash256::of(b"")),
                tanggapan: resp_hash,
            },
            nik: self.nik.clone(),
        }
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

/// A new request id: 128 random bits as 32 hex characters.
fn new_id() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}
