//! Keyed hashes of NIKs (HMAC-SHA256 under a per-installation secret), so the evidence
//! log can answer "who accessed this resident's data" without ever holding a NIK.
//!
//! The key lives in its own file (mode 0600), apart from the evidence folder: an archived
//! copy of the log must not carry what it takes to test NIK guesses against it. A NIK
//! has far fewer possible values than 2^53 (region, birth date, serial), so without the
//! key a plain hash would be reversible by enumeration; with it, it is not.

use std::fmt;
use std::path::Path;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use crate::hash::Hash256;
use crate::kunci::{KunciError, load_or_create_secret};

/// The usual name of the NIK key file in the data folder (not in the evidence folder).
pub const NAMA_BERKAS_KUNCI: &str = "kunci-nik.key";

/// The per-installation secret for NIK hashes. `Debug` never shows it.
#[derive(Clone)]
pub struct KunciNik {
    // Keyed once: cloning a prepared HMAC state skips the key schedule per hash.
    mac: Hmac<Sha256>,
}

impl KunciNik {
    /// Read the key file at `path`, or create it (mode 0600) on first run.
    pub fn load_or_create(path: &Path) -> Result<Self, KunciError> {
        Ok(Self::from_bytes(load_or_create_secret(path)?.0))
    }

    /// A key from raw bytes (tests, or a key kept elsewhere).
    #[expect(clippy::expect_used, reason = "HMAC takes keys of any length")]
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&bytes).expect("HMAC key of any length");
        Self { mac }
    }

    /// The keyed hash of `nik` (surrounding whitespace ignored). Callers pass the NIK as
    /// its 16 digits, as validated by `simpul_domain`'s NIK type.
    pub fn hash(&self, nik: &str) -> NikHash {
        let mut m = self.mac.clone();
        m.update(nik.trim().as_bytes());
        NikHash(Hash256(m.finalize().into_bytes().into()))
    }
}

impl fmt::Debug for KunciNik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("KunciNik(<disembunyikan>)")
    }
}

/// A NIK's keyed hash, written as 64 hex characters. Only [`KunciNik::hash`] or parsing
/// an existing hash make one, so a NIK cannot reach the log through this type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NikHash(Hash256);

impl NikHash {
    /// Parse 64 lowercase hex characters (e.g. a hash from a search form).
    pub fn parse_hex(s: &str) -> Option<Self> {
        Hash256::parse_hex(s).map(Self)
    }

    /// The 64 hex characters.
    pub fn to_hex(&self) -> String {
        self.0.to_hex()
    }
}

impl fmt::Display for NikHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for NikHash {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NikHash({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NIK: &str = "6310014501900001";

    #[test]
    fn same_nik_same_hash_different_key_different_hash() {
        let k1 = KunciNik::from_bytes([1; 32]);
        let k2 = KunciNik::from_bytes([2; 32]);
        assert_eq!(k1.hash(NIK), k1.hash(NIK));
        assert_eq!(k1.hash(NIK), k1.hash(&format!(" {NIK}\n")));
        assert_ne!(k1.hash(NIK), k2.hash(NIK));
        assert_ne!(k1.hash(NIK), k1.hash("6310014501900002"));
        let h = k1.hash(NIK).to_hex();
        assert_eq!(h.len(), 64);
        assert!(!h.contains(NIK));
        assert_eq!(NikHash::parse_hex(&h), Some(k1.hash(NIK)));
    }

    #[test]
    fn matches_an_independent_hmac() {
        // HMAC-SHA256 with key = 32 bytes of 0x0b and data "Hi There", computed
        // independently with Python's hmac module.
        let k = KunciNik::from_bytes([0x0b; 32]);
        assert_eq!(
            k.hash("Hi There").to_hex(),
            "198a607eb44bfbc69903a0f1cf2bbdc5ba0aa3f3d9ae3c1c7a3b1696a0b68cf7"
        );
    }

    #[test]
    fn debug_is_redacted_and_key_file_private() {
        let k = KunciNik::from_bytes([7; 32]);
        let d = format!("{k:?}");
        assert_eq!(d, "KunciNik(<disembunyikan>)");
        let dir = std::env::temp_dir().join(format!("simpul-bus-nik-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(NAMA_BERKAS_KUNCI);
        let a = KunciNik::load_or_create(&path).unwrap();
        let b = KunciNik::load_or_create(&path).unwrap();
        assert_eq!(a.hash(NIK), b.hash(NIK));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
