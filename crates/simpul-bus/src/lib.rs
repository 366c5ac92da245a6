//! Simpul's service bus data plane. This first part holds the **evidence log** (who
//! asked what of whom, through the bus, and what came of it, in a form that proves
//! afterwards it was not changed) and the **keyed NIK hashes** of the personal-data
//! ledger, and the **gateway** ([`gateway`]) that routes, polices and records
//! exchanges (see `docs/bus-gateway.md`).
//!
//! # Using it from a gateway
//!
//! ```no_run
//! # use simpul_bus::evidence::Pertukaran;
//! # async fn demo(entry: Pertukaran) -> Result<(), Box<dyn std::error::Error>> {
//! use simpul_bus::evidence::{EvidenceConfig, EvidenceLog};
//! use simpul_bus::nik::KunciNik;
//!
//! // At startup (blocking file I/O: before serving, or in spawn_blocking).
//! let log = EvidenceLog::open(EvidenceConfig::new("data/bukti"))?;
//! let nik = KunciNik::load_or_create("data/kunci-nik.key".as_ref())?;
//! publish(log.public_key().to_hex());
//!
//! // Per exchange (`entry`), from any task, after the response body is known:
//! let ack = log.append(entry).await?; // line handed to the OS: survives a kill
//!
//! // On shutdown (SIGTERM): queued entries, a closing checkpoint, fsync.
//! log.shutdown().await?;
//! # Ok(()) }
//! # fn publish(_: String) {}
//! ```
//!
//! `EvidenceLog` is a cheap clone (a channel sender and an `Arc`). `append` serialises
//! the entry on the calling task (CPU only), queues it to the one writer thread, and
//! resolves when the writer's batched `write(2)` containing it has returned; it waits
//! on the queue only when more than `queue_capacity` entries are pending (back
//! pressure instead of unbounded memory). The writer takes everything queued into one
//! write, so under load many entries share one system call; an fsync thread makes
//! written lines durable every `fsync_interval` without ever delaying a write.
//! Nothing touches the disk on the caller's threads.
//!
//! # Format
//!
//! The evidence folder holds `segmen-000001.log`, `segmen-000002.log`, ... (a new
//! segment before one would exceed `segment_max_bytes`), `kunci-checkpoint.pub` (the
//! Ed25519 public key, 64 hex characters) and, unless placed elsewhere,
//! `kunci-checkpoint.key` (the signing key, mode 0600). Each line of a segment is one
//! JSON object:
//!
//! ```text
//! {"seq":7,"prev":"<64 hex>","jenis":"pertukaran",...fields...,"hash":"<64 hex>"}
//! ```
//!
//! * `seq` counts lines from 1 across all segments, without gaps.
//! * `prev` is the previous line's `hash` (64 zeros for line 1), so the chain runs
//!   across segment boundaries.
//! * `hash` = SHA-256(`prev` as 32 bytes ‖ the line's *canonical bytes*), where the
//!   canonical bytes are the line exactly as written minus `,"hash":"<64 hex>"`.
//!   Hashing the written bytes (not a re-serialisation) means every byte counts.
//! * `jenis` is `pertukaran` (an exchange: [`evidence::Pertukaran`]), `catatan` (a note
//!   about the log: started, or reopened, listing partial lines a crash left) or
//!   `checkpoint`.
//!
//! A checkpoint states `sampai` (the line before it) and `kepala` (that line's hash),
//! and signs, with Ed25519, the text given by [`evidence::Checkpoint::pesan`]: format
//! name, its own `seq`, `sampai`, `kepala`, time, reason, and `setiap`: the writer's
//! signed promise that at most that many exchanges follow before the next checkpoint.
//! The writer checkpoints every `checkpoint_every` exchanges (default 1,000), when
//! exchanges have waited `checkpoint_interval` (default 5 s), right after opening the
//! log (so the first exchange already follows a signed checkpoint), and on clean
//! shutdown (reason `berhenti`, the last line of a cleanly closed log).
//!
//! # Guarantees
//!
//! * **Acknowledged means written.** `append` resolves after `write(2)`: killing the
//!   process loses nothing acknowledged. A power loss or kernel crash can lose lines
//!   written in the last `fsync_interval` (default 200 ms); checkpoints and segment
//!   rolls are fsynced at once, and so is shutdown.
//! * **Crashes leave evidence, not holes.** A crash mid-write can leave a partial last
//!   line. Reopening does not cut it off: it starts a new segment and records the
//!   partial line (segment, offset, length, SHA-256) in a `catatan` that continues the
//!   chain, followed by a checkpoint; the verifier accepts exactly the partial lines so
//!   recorded. Reopening refuses a log whose last segment's chain is broken.
//! * **Offline verification** ([`evidence::verify`], `simpul verify-evidence DIR`)
//!   needs only the segment files and the public key. It names the first problem
//!   with segment file, line and sequence number: an *altered* line (hash mismatch or
//!   not a log line), *removed* entries (a gap in `seq`; or more exchanges after a
//!   checkpoint than it promised, i.e. a removed checkpoint), *reordered* entries
//!   (`seq` going backwards, or an entry that appears before the one it follows), a
//!   *truncated* log (an unrecorded partial line, a missing or emptied segment), and a
//!   checkpoint whose *signature* does not verify (the chain before it was recomputed
//!   after a change, or the checkpoint was forged).
//! * **What cannot be detected.** The hash chain alone can be recomputed by whoever
//!   can write the files; the signatures are what bind it. Everything up to the last
//!   valid checkpoint is therefore proven; the entries after it (at most `setiap`
//!   exchanges, about `checkpoint_interval` of traffic) are only chained, and cutting
//!   them off at a line boundary, or deleting the newest segments whole, cannot be
//!   told from a log that simply ended there. The report gives the signed range and
//!   the unsigned tail, and whether the log ended with a clean-shutdown checkpoint;
//!   comparing its head with a copy held elsewhere (the database index, a published
//!   checkpoint) closes the gap. Verifying against the key file *inside* the folder
//!   proves nothing against someone who can replace that file: give the verifier the
//!   published key.
//! * **No NIK in the log.** Entries carry [`nik::NikHash`]es, which only
//!   [`nik::KunciNik::hash`] makes (HMAC-SHA256 under a per-installation key kept
//!   outside the evidence folder).
//!
//! One process writes one evidence folder: bus replicas each need their own.
//!
//! # Reading back
//!
//! [`evidence::Pembaca`] iterates the entries from a given sequence number on, without
//! verifying: what an indexer feeding the database search uses. `docs/bus-evidence.md`
//! describes the format and the verifier's messages for operators.

pub mod evidence;
pub mod gateway;
pub mod hash;
pub mod kunci;
pub mod nik;

pub use hash::Hash256;
