//! The gateway's answers when it does not forward: one enum of stable codes, each with
//! its HTTP status, Bahasa Indonesia title, and whether the evidence log records it as
//! refused (the consumer's doing) or failed (the upstream's or the bus's).

use bytes::Bytes;
use http::{HeaderValue, StatusCode};

/// A stable problem code. The snake_case text is part of the API: never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kode {
    /// The path names no service in a form the bus understands.
    JalurTidakValid,
    /// No credentials, or credentials the directory does not know.
    KonsumenTidakDikenal,
    /// The consumer's credentials were revoked.
    KredensialDicabut,
    /// `X-Road-Client` missing or not the authenticated consumer's.
    KlienTidakCocok,
    /// The directory has no such service (or version).
    LayananTidakDikenal,
    /// The service exists but is switched off.
    LayananNonaktif,
    /// The consumer holds no grant for the service.
    IzinTidakAda,
    /// The grant is waiting for review.
    IzinBelumAktif,
    /// The grant's last day has passed.
    IzinKedaluwarsa,
    /// Terbatas/Rahasia service called without `X-Simpul-User-Id`.
    PetugasWajib,
    /// `X-Simpul-User-Id` is not a valid NIP.
    PetugasTidakValid,
    /// Rate limit for this consumer and service exceeded.
    BatasLaju,
    /// Request body larger than the service allows.
    BadanTerlaluBesar,
    /// The request body could not be read.
    PermintaanRusak,
    /// The upstream could not be reached.
    HuluTidakTersedia,
    /// The upstream's TLS certificate was not trusted (unknown CA, another host name,
    /// expired) or the TLS handshake failed.
    HuluTlsGagal,
    /// The upstream did not answer in time.
    HuluTimeout,
    /// The upstream answered something that is not valid HTTP.
    HuluRusak,
    /// The upstream's response body is larger than the service allows.
    TanggapanTerlaluBesar,
    /// The exchange could not be written to the evidence log, so it is not delivered.
    BuktiGagal,
}

impl Kode {
    /// The stable code.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::JalurTidakValid => "jalur_tidak_valid",
            Self::KonsumenTidakDikenal => "konsumen_tidak_dikenal",
            Self::KredensialDicabut => "kredensial_dicabut",
            Self::KlienTidakCocok => "klien_tidak_cocok",
            Self::LayananTidakDikenal => "layanan_tidak_dikenal",
            Self::LayananNonaktif => "layanan_nonaktif",
            Self::IzinTidakAda => "izin_tidak_ada",
            Self::IzinBelumAktif => "izin_belum_aktif",
            Self::IzinKedaluwarsa => "izin_kedaluwarsa",
            Self::PetugasWajib => "petugas_wajib",
            Self::PetugasTidakValid => "petugas_tidak_valid",
            Self::BatasLaju => "batas_laju",
            Self::BadanTerlaluBesar => "badan_terlalu_besar",
            Self::PermintaanRusak => "permintaan_rusak",
            Self::HuluTidakTersedia => "hulu_tidak_tersedia",
            Self::HuluTlsGagal => "hulu_tls_gagal",
            Self::HuluTimeout => "hulu_timeout",
            Self::HuluRusak => "hulu_rusak",
            Self::TanggapanTerlaluBesar => "tanggapan_terlalu_besar",
            Self::BuktiGagal => "bukti_gagal",
        }
    }

    /// The HTTP status.
    pub fn status(self) -> StatusCode {
        match self {
            Self::JalurTidakValid | Self::PetugasWajib | Self::PetugasTidakValid => {
                StatusCode::BAD_REQUEST
            }
            Self::PermintaanRusak => StatusCode::BAD_REQUEST,
            Self::KonsumenTidakDikenal => StatusCode::UNAUTHORIZED,
            Self::KredensialDicabut
            | Self::KlienTidakCocok
            | Self::IzinTidakAda
            | Self::IzinBelumAktif
            | Self::IzinKedaluwarsa => StatusCode::FORBIDDEN,
            Self::LayananTidakDikenal => StatusCode::NOT_FOUND,
            Self::LayananNonaktif | Self::BuktiGagal => StatusCode::SERVICE_UNAVAILABLE,
            Self::BatasLaju => StatusCode::TOO_MANY_REQUESTS,
            Self::BadanTerlaluBesar => StatusCode::PAYLOAD_TOO_LARGE,
            Self::HuluTidakTersedia
            | Self::HuluTlsGagal
            | Self::HuluRusak
            | Self::TanggapanTerlaluBesar => StatusCode::BAD_GATEWAY,
            Self::HuluTimeout => StatusCode::GATEWAY_TIMEOUT,
        }
    }

    /// The Bahasa Indonesia title.
    pub fn title(self) -> &'static str {
        match self {
            Self::JalurTidakValid => "Jalur permintaan tidak valid",
            Self::KonsumenTidakDikenal => "Konsumen tidak dikenal",
            Self::KredensialDicabut => "Kredensial konsumen telah dicabut",
            Self::KlienTidakCocok => "X-Road-Client tidak sesuai dengan konsumen",
            Self::LayananTidakDikenal => "Layanan tidak dikenal",
            Self::LayananNonaktif => "Layanan sedang tidak aktif",
            Self::IzinTidakAda => "Konsumen tidak memiliki izin akses layanan ini",
            Self::IzinBelumAktif => "Izin akses belum aktif (menunggu reviu)",
            Self::IzinKedaluwarsa => "Izin akses telah kedaluwarsa",
            Self::PetugasWajib => "Identitas petugas (X-Simpul-User-Id) wajib untuk layanan ini",
            Self::PetugasTidakValid => "Identitas petugas bukan NIP yang valid",
            Self::BatasLaju => "Batas laju permintaan terlampaui",
            Self::BadanTerlaluBesar => "Badan permintaan terlalu besar",
            Self::PermintaanRusak => "Badan permintaan tidak dapat dibaca",
            Self::HuluTidakTersedia => "Layanan hulu tidak dapat dihubungi",
            Self::HuluTlsGagal => "Koneksi aman (TLS) ke layanan hulu gagal diverifikasi",
            Self::HuluTimeout => "Layanan hulu tidak menjawab tepat waktu",
            Self::HuluRusak => "Layanan hulu menjawab dengan tanggapan rusak",
            Self::TanggapanTerlaluBesar => "Tanggapan layanan hulu terlalu besar",
            Self::BuktiGagal => "Pertukaran tidak dapat dicatat di log bukti",
        }
    }

    /// Failed (upstream or bus) rather than refused (the request).
    pub fn is_failure(self) -> bool {
        matches!(
            self,
            Self::HuluTidakTersedia
                | Self::HuluTlsGagal
                | Self::HuluTimeout
                | Self::HuluRusak
                | Self::TanggapanTerlaluBesar
                | Self::BuktiGagal
        )
    }
}

/// A problem on its way to the consumer.
#[derive(Debug, Clone)]
pub struct Problem {
    /// The code.
    pub kode: Kode,
    /// A detail for the consumer (never internal errors: those go to the log).
    pub detail: Option<String>,
    /// Seconds to wait (rate limits).
    pub retry_after: Option<u64>,
}

impl From<Kode> for Problem {
    fn from(kode: Kode) -> Self {
        Self {
            kode,
            detail: None,
            retry_after: None,
        }
    }
}

impl Problem {
    /// A problem with a detail.
    pub fn with(kode: Kode, detail: impl Into<String>) -> Self {
        Self {
            kode,
            detail: Some(detail.into()),
            retry_after: None,
        }
    }

    /// The `application/problem+json` body (RFC 9457) plus our `kode` and request id.
    pub fn body(&self, request_id: &str) -> Bytes {
        let mut v = serde_json::json!({
            "type": format!("urn:simpul:bus:masalah:{}", self.kode.as_str()),
            "title": self.kode.title(),
            "status": self.kode.status().as_u16(),
            "kode": self.kode.as_str(),
            "id_permintaan": request_id,
        });
        if let (Some(d), Some(o)) = (&self.detail, v.as_object_mut()) {
            o.insert("detail".into(), d.clone().into());
        }
        Bytes::from(v.to_string())
    }
}

/// The media type of problem bodies.
pub fn content_type() -> HeaderValue {
    HeaderValue::from_static("application/problem+json")
}
