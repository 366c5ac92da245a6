//! SHA-256 digests: 32 bytes in memory, 64 lowercase hex characters in the log.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha256};

/// A SHA-256 digest. Written and parsed as lowercase hex only, so that one digest has
/// exactly one spelling in the log (an upper-case variant is a change, not a synonym).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Hash256(pub [u8; 32]);

impl Hash256 {
    /// The `prev` of the very first entry.
    pub const ZERO: Self = Self([0; 32]);

    /// The digest of `bytes`.
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }

    /// The digest of several pieces, as if concatenated.
    pub fn of_parts(parts: &[&[u8]]) -> Self {
        let mut h = Sha256::new();
        for p in parts {
            h.update(p);
        }
        Self(h.finalize().into())
    }

    /// Parse 64 lowercase hex characters.
    pub fn parse_hex(s: &str) -> Option<Self> {
        parse_lower_hex(s.as_bytes())
    }

    /// The 64 hex characters, without allocating.
    pub fn hex_bytes(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        // The output buffer has exactly twice the input length, so this cannot fail.
        let _ = hex::encode_to_slice(self.0, &mut out);
        out
    }

    /// The 64 hex characters.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

/// Parse 64 lowercase hex characters.
pub(crate) fn parse_lower_hex(s: &[u8]) -> Option<Hash256> {
    if s.len() != 64 || !s.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let mut out = [0u8; 32];
    hex::decode_to_slice(s, &mut out).ok()?;
    Some(Hash256(out))
}

impl From<[u8; 32]> for Hash256 {
    fn from(b: [u8; 32]) -> Self {
        Self(b)
    }
}

impl fmt::Display for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.hex_bytes();
        f.write_str(std::str::from_utf8(&hex).map_err(|_| fmt::Error)?)
    }
}

impl fmt::Debug for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash256({self})")
    }
}

impl Serialize for Hash256 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hex = self.hex_bytes();
        s.serialize_str(std::str::from_utf8(&hex).map_err(serde::ser::Error::custom)?)
    }
}

impl<'de> Deserialize<'de> for Hash256 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse_hex(&s)
            .ok_or_else(|| serde::de::Error::custom("expected 64 lowercase hex characters"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_is_lowercase_only() {
        let h = Hash256::of(b"abc");
        assert_eq!(
            h.to_hex(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(Hash256::parse_hex(&h.to_hex()), Some(h));
        assert_eq!(Hash256::parse_hex(&h.to_hex().to_uppercase()), None);
        assert_eq!(Hash256::of_parts(&[b"a", b"bc"]), h);
        let json = serde_json::to_string(&h).unwrap_or_default();
        assert_eq!(json, format!("\"{h}\""));
    }
}
