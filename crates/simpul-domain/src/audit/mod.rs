//! The audit trail's hash chain: each entry commits to the previous entry's hash, so an
//! altered, removed or reordered entry breaks every hash after it.

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields of an entry that its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditFields {
    /// Position in the chain, from 1, without gaps.
    pub seq: i64,
    /// When, as RFC 3339 UTC text (kept as text so both backends hash the same bytes).
    pub at: String,
    /// Who: a NIP, or `sistem` for the CLI and demo loader.
    pub actor: String,
    /// What was done, e.g. `pd.dibuat`.
    pub action: String,
    /// Kind of record changed, e.g. `pd`.
    pub entity: String,
    /// Id of the record changed.
    pub entity_id: String,
    /// PD the record belongs to, if any (lets PD administrators read their own trail).
    pub pd: Option<String>,
    /// Details as compact JSON.
    pub detail: String,
}

/// A stored entry: its fields and the two hashes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Hashed fields.
    #[serde(flatten)]
    pub fields: AuditFields,
    /// Hash of the previous entry ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// SHA-256 over `prev_hash` and the fields.
    pub hash: String,
}

/// The hash of an entry with these fields following `prev_hash`.
pub fn entry_hash(prev_hash: &str, f: &AuditFields) -> String {
    let mut h = Sha256::new();
    // Length-prefixed fields: no separator can be forged by a value containing it.
    let pd = f.pd.as_deref().unwrap_or("");
    let seq = f.seq.to_string();
    for part in [
        prev_hash,
        seq.as_str(),
        &f.at,
        &f.actor,
        &f.action,
        &f.entity,
        &f.entity_id,
        pd,
        &f.detail,
    ] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

/// Why a chain does not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainBreak {
    /// Sequence numbers jump or repeat: an entry was removed, inserted or reordered.
    #[error("entri ke-{expected} hilang atau urutannya berubah (ditemukan nomor {found})")]
    Gap {
        /// The seq that should have come.
        expected: i64,
        /// The seq found instead.
        found: i64,
    },
    /// The entry does not follow the previous one.
    #[error("entri {seq}: tidak tersambung dengan entri sebelumnya (prev_hash berbeda)")]
    Link {
        /// The entry.
        seq: i64,
    },
    /// The entry's content no longer matches its hash.
    #[error("entri {seq}: isinya telah diubah (hash tidak cocok)")]
    Altered {
        /// The entry.
        seq: i64,
    },
    /// The chain's recorded head differs from its last entry: entries were cut off the end.
    #[error("ujung rantai tidak cocok: tercatat {recorded} entri, ditemukan {found}")]
    Truncated {
        /// Entry count recorded in the head.
        recorded: i64,
        /// Entries found.
        found: i64,
    },
}

impl ChainBreak {
    /// The first bad entry's seq, where one can be named.
    pub fn seq(&self) -> i64 {
        match self {
            Self::Gap { expected, .. } => *expected,
            Self::Link { seq } | Self::Altered { seq } => *seq,
            Self::Truncated { found, .. } => *found + 1,
        }
    }
}

/// Walks a chain in seq order, one entry at a time, so huge trails need no memory.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    next_seq: i64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            next_seq: 1,
            prev_hash: GENESIS.to_owned(),
        }
    }
}

impl ChainVerifier {
    /// Check the next entry.
    pub fn push(&mut self, e: &AuditEntry) -> Result<(), ChainBreak> {
        if e.fields.seq != self.next_seq {
            return Err(ChainBreak::Gap {
                expected: self.next_seq,
                found: e.fields.seq,
            });
        }
        if e.prev_hash != self.prev_hash {
            return Err(ChainBreak::Link { seq: e.fields.seq });
        }
        if entry_hash(&e.prev_hash, &e.fields) != e.hash {
            return Err(ChainBreak::Altered { seq: e.fields.seq });
        }
        self.next_seq += 1;
        self.prev_hash.clone_from(&e.hash);
        Ok(())
    }

    /// Check the end against the recorded head (count and last hash).
    pub fn finish(self, head_seq: i64, head_hash: &str) -> Result<i64, ChainBreak> {
        let found = self.next_seq - 1;
        if head_seq != found || head_hash != self.prev_hash {
            return Err(ChainBreak::Truncated {
                recorded: head_seq,
                found,
            });
        }
        Ok(found)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut prev = GENESIS.to_owned();
        (1..=n)
            .map(|seq| {
                let fields = AuditFields {
                    seq,
                    at: format!("2026-11-22T08:00:0{seq}Z"),
                    actor: "sistem".into(),
                    action: "pd.dibuat".into(),
                    entity: "pd".into(),
                    entity_id: format!("id-{seq}"),
                    pd: None,
                    detail: "{}".into(),
                };
                let hash = entry_hash(&prev, &fields);
                let e = AuditEntry {
                    fields,
                    prev_hash: prev.clone(),
                    hash: hash.clone(),
                };
                prev = hash;
                e
            })
            .collect()
    }

    fn verify(entries: &[AuditEntry], head: (i64, &str)) -> Result<i64, ChainBreak> {
        let mut v = ChainVerifier::default();
        for e in entries {
            v.push(e)?;
        }
        v.finish(head.0, head.1)
    }

    #[test]
    fn intact_chain_verifies() {
        let c = chain(4);
        assert_eq!(verify(&c, (4, &c[3].hash)), Ok(4));
        assert_eq!(verify(&[], (0, GENESIS)), Ok(0));
    }

    #[test]
    fn altered_removed_reordered_truncated_are_named() {
        let c = chain(4);
        let head = (4, c[3].hash.as_str());
        let mut altered = c.clone();
        altered[1].fields.detail = "{\"x\":1}".into();
        assert_eq!(verify(&altered, head), Err(ChainBreak::Altered { seq: 2 }));

        let removed: Vec<_> = c.iter().filter(|e| e.fields.seq != 2).cloned().collect();
        assert_eq!(verify(&removed, head).unwrap_err().seq(), 2);

        let mut swapped = c.clone();
        swapped.swap(1, 2);
        (swapped[1].fields.seq, swapped[2].fields.seq) = (2, 3);
        assert_eq!(verify(&swapped, head).unwrap_err().seq(), 2);

        assert_eq!(verify(&c[..3], head).unwrap_err().seq(), 4);
    }

    #[test]
    fn separators_cannot_be_forged() {
        let mut a = chain(1)[0].fields.clone();
        let mut b = a.clone();
        a.action = "ab".into();
        a.entity = "c".into();
        b.action = "a".into();
        b.entity = "bc".into();
        assert_ne!(entry_hash(GENESIS, &a), entry_hash(GENESIS, &b));
    }
}
