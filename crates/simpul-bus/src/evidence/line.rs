//! The line format and its hash.
//!
//! A line is `{"seq":N,"prev":"<64 hex>",<content fields>,"hash":"<64 hex>"}` and a
//! newline. Its *canonical bytes* are the same line without `,"hash":"<64 hex>"`, i.e.
//! exactly the bytes the writer produced before adding the hash; the hash is
//! SHA-256(prev as 32 bytes || canonical bytes). Hashing the bytes as written, rather
//! than a re-serialisation, leaves no room for two spellings of one entry.

use serde::Deserialize;

use super::record::Isi;
use crate::hash::{Hash256, parse_lower_hex};

const HASH_HEAD: &[u8] = b",\"hash\":\"";
/// `,"hash":"` + 64 hex + `"}`.
const SUFFIX_LEN: usize = HASH_HEAD.len() + 64 + 2;

/// A record's content serialised as a JSON object, ready for [`compose`]. Made off the
/// writer thread, so the callers' cores share the serialisation work.
pub(crate) struct Badan(Vec<u8>);

impl Badan {
    /// Serialise `isi`.
    pub(crate) fn of(isi: &Isi) -> Result<Self, serde_json::Error> {
        let v = serde_json::to_vec(isi)?;
        if !(v.starts_with(b"{\"jenis\":") && v.ends_with(b"}")) {
            return Err(serde::ser::Error::custom(
                "record is not a tagged JSON object",
            ));
        }
        Ok(Self(v))
    }
}

/// Append the line for `badan` at `seq` after `prev` to `out` (newline included) and
/// return its hash.
pub(crate) fn compose(seq: u64, prev: &Hash256, badan: &Badan, out: &mut Vec<u8>) -> Hash256 {
    let start = out.len();
    out.extend_from_slice(b"{\"seq\":");
    out.extend_from_slice(seq.to_string().as_bytes());
    out.extend_from_slice(b",\"prev\":\"");
    out.extend_from_slice(&prev.hex_bytes());
    out.extend_from_slice(b"\",");
    // Everything after the opening brace, closing brace included.
    out.extend_from_slice(badan.0.get(1..).unwrap_or_default());
    let hash = Hash256::of_parts(&[&prev.0, &out[start..]]);
    out.pop();
    out.extend_from_slice(HASH_HEAD);
    out.extend_from_slice(&hash.hex_bytes());
    out.extend_from_slice(b"\"}\n");
    hash
}

/// A parsed, self-consistent line.
#[derive(Debug, Clone)]
pub(crate) struct Baris {
    pub(crate) seq: u64,
    pub(crate) prev: Hash256,
    pub(crate) hash: Hash256,
    pub(crate) isi: Isi,
}

/// Why a line is not a valid log line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BarisError {
    /// Not in the line format at all.
    Bentuk(String),
    /// Well formed, but its content does not hash to its `hash`.
    HashSalah {
        /// The sequence number it claims.
        seq: u64,
    },
}

#[derive(Deserialize)]
struct Kepala {
    seq: u64,
    prev: Hash256,
}

/// The stated `hash` of a line and its canonical bytes, without checking either.
pub(crate) fn split(line: &[u8]) -> Result<(Hash256, Vec<u8>), BarisError> {
    let n = line.len();
    if n < SUFFIX_LEN + 2 || !line.ends_with(b"\"}") {
        return Err(BarisError::Bentuk("tidak diakhiri field hash".into()));
    }
    let head = n - SUFFIX_LEN;
    if &line[head..head + HASH_HEAD.len()] != HASH_HEAD {
        return Err(BarisError::Bentuk("tidak diakhiri field hash".into()));
    }
    let hash = parse_lower_hex(&line[head + HASH_HEAD.len()..n - 2])
        .ok_or_else(|| BarisError::Bentuk("field hash bukan 64 heksadesimal kecil".into()))?;
    let mut canon = Vec::with_capacity(head + 1);
    canon.extend_from_slice(&line[..head]);
    canon.push(b'}');
    Ok((hash, canon))
}

/// Parse one line (without its newline) and check it against its own hash.
pub(crate) fn parse(line: &[u8]) -> Result<Baris, BarisError> {
    let (hash, canon) = split(line)?;
    let k: Kepala = serde_json::from_slice(&canon)
        .map_err(|e| BarisError::Bentuk(format!("bukan JSON entri yang sah: {e}")))?;
    let isi: Isi = serde_json::from_slice(&canon)
        .map_err(|e| BarisError::Bentuk(format!("isi entri tidak dikenali: {e}")))?;
    if Hash256::of_parts(&[&k.prev.0, &canon]) != hash {
        return Err(BarisError::HashSalah { seq: k.seq });
    }
    Ok(Baris {
        seq: k.seq,
        prev: k.prev,
        hash,
        isi,
    })
}
