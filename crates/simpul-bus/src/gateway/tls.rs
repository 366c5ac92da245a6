//! TLS to upstreams: which certificates the gateway trusts, and what to tell the
//! consumer when an upstream's certificate or handshake fails.
//!
//! Trust is the bundled Mozilla roots (`webpki-roots`: no system store needed, the same
//! on every machine) plus, optionally, the region's own CA certificates from a PEM file
//! (`GatewayConfig::ca_tambahan`). The file is read once, when the gateway is built; a
//! file that cannot be read or holds anything but certificates stops the build rather
//! than leaving those upstreams silently unverifiable. Verification cannot be switched
//! off: an upstream with a private CA gets that CA added, not a hole.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{CertificateError, ClientConfig, RootCertStore};

/// The TLS settings could not be loaded (the gateway is not built).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The additional CA file is unreadable, malformed, empty, or holds a certificate
    /// that cannot be a trust anchor.
    #[error("berkas CA tambahan {path}: {alasan}")]
    CaTambahan {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        alasan: String,
    },
    /// rustls refused the protocol settings (not expected with the ring provider).
    #[error("konfigurasi TLS: {0}")]
    Tls(#[from] rustls::Error),
}

/// The client TLS settings every upstream connection uses: TLS 1.2 and 1.3 on `ring`,
/// the Mozilla roots plus the certificates in `ca_tambahan`.
pub(crate) fn client_config(ca_tambahan: Option<&Path>) -> Result<ClientConfig, BuildError> {
    let mut roots: RootCertStore = webpki_roots::TLS_SERVER_ROOTS.iter().cloned().collect();
    if let Some(path) = ca_tambahan {
        let n = add_pem_file(&mut roots, path)?;
        tracing::info!(berkas = %path.display(), jumlah = n, "CA tambahan untuk hulu dimuat");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    Ok(ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth())
}

/// Add every certificate of the PEM file at `path`; how many there were.
fn add_pem_file(roots: &mut RootCertStore, path: &Path) -> Result<usize, BuildError> {
    let bad = |alasan: String| BuildError::CaTambahan {
        path: path.to_owned(),
        alasan,
    };
    let pem = std::fs::read(path).map_err(|e| bad(format!("tidak dapat dibaca: {e}")))?;
    let mut n = 0;
    for cert in CertificateDer::pem_slice_iter(&pem) {
        let cert = cert.map_err(|e| bad(format!("PEM rusak: {e}")))?;
        roots
            .add(cert)
            .map_err(|e| bad(format!("sertifikat ke-{} ditolak: {e}", n + 1)))?;
        n += 1;
    }
    if n == 0 {
        return Err(bad(
            "tidak berisi sertifikat (-----BEGIN CERTIFICATE-----)".into()
        ));
    }
    Ok(n)
}

/// The TLS error behind a failed connection, if TLS is what failed. The connector wraps
/// it in an `io::Error` inside another `io::Error`, and `io::Error::source()` skips the
/// error it wraps, so an `io::Error` is looked into rather than past.
pub(crate) fn cause<'e>(e: &'e (dyn std::error::Error + 'static)) -> Option<&'e rustls::Error> {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if let Some(t) = err.downcast_ref::<rustls::Error>() {
            return Some(t);
        }
        cur = match err
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => err.source(),
        };
    }
    None
}

/// A detail for the consumer: which kind of TLS failure, never the internal error text.
pub(crate) fn detail(e: &rustls::Error) -> &'static str {
    match e {
        rustls::Error::InvalidCertificate(c) => match c {
            CertificateError::UnknownIssuer => {
                "sertifikat hulu tidak diterbitkan oleh CA yang dipercaya"
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                "sertifikat hulu bukan untuk nama host ini"
            }
            CertificateError::Expired
            | CertificateError::ExpiredContext { .. }
            | CertificateError::NotValidYet
            | CertificateError::NotValidYetContext { .. } => {
                "sertifikat hulu kedaluwarsa atau belum berlaku"
            }
            CertificateError::Revoked => "sertifikat hulu telah dicabut",
            _ => "sertifikat hulu ditolak",
        },
        _ => "jabat tangan TLS dengan hulu gagal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_tls_error_inside_nested_io_errors() {
        let tls = rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer);
        let inner = std::io::Error::new(std::io::ErrorKind::InvalidData, tls);
        let outer = std::io::Error::other(inner);
        let found = cause(&outer).map(detail);
        assert_eq!(
            found,
            Some("sertifikat hulu tidak diterbitkan oleh CA yang dipercaya")
        );
        let refused = std::io::Error::from(std::io::ErrorKind::ConnectionRefused);
        assert!(cause(&std::io::Error::other(refused)).is_none());
    }
}
