//! The SHA-256 of a stored file, the key of the blob store.

use std::fmt;

use sha2::{Digest, Sha256 as Hasher};

use crate::Masalahs;

/// A SHA-256 digest as 64 lower-case hex digits. Only this form can name a blob, so a
/// digest taken from a URL or the database can never walk out of the blob folder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Sha256(String);

impl Sha256 {
    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(hex::encode(Hasher::digest(bytes)))
    }

    /// Parse 64 hex digits (upper case is accepted and lowered).
    pub fn parse(s: &str) -> Result<Self, Masalahs> {
        let s = s.trim();
        if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(Self(s.to_ascii_lowercase()))
        } else {
            Err(Masalahs::one(
                "sha256_format",
                "Sidik SHA-256 harus 64 digit heksadesimal.",
            ))
        }
    }

    /// The hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The first 12 digits, enough for people to compare by eye.
    pub fn short(&self) -> &str {
        &self.0[..12]
    }
}

impl fmt::Display for Sha256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_digest() {
        assert_eq!(
            Sha256::of(b"abc").as_str(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn parse_refuses_paths_and_short_values() {
        for bad in ["", "../etc/passwd", &"a".repeat(63), &"g".repeat(64)] {
            assert!(Sha256::parse(bad).is_err(), "{bad}");
        }
        let upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
        assert_eq!(Sha256::parse(upper).unwrap(), Sha256::of(b"abc"));
    }
}
