//! Planning documents as records (ARC-7, PLN-1, PLN-2): the Rencana Induk, the
//! Arsitektur SPBE, the Peta Rencana and the ten internal policies, each with its period,
//! decree and status ([`dokumen`]), every version of its file ([`versi`]) and its reviews
//! ([`reviu`]). A new file is always a new version and a review is never edited, so the
//! text in force on any day and the evidence of every review stay retrievable. Every
//! change appends one audit entry (entity `perencanaan`) in its own transaction.

pub mod dokumen;
pub mod reviu;
pub mod versi;

pub use dokumen::{create, get, list, update};

use serde_json::json;
use simpul_domain::ids::DokumenPerencanaanId;

use crate::audit::Change;
use crate::berkas::Unggahan;

/// A file to record with a document, and what it changes, in the uploader's words.
#[derive(Debug, Clone, Copy)]
pub struct BerkasBaru<'a> {
    /// The file, already in the blob store.
    pub unggahan: &'a Unggahan,
    /// Note on this version (e.g. "naskah setelah harmonisasi").
    pub catatan: Option<&'a str>,
}

/// An audit entry about document `id`. The documents belong to the region, not to one
/// PD, so the entry names no PD.
fn change(action: &str, id: DokumenPerencanaanId, detail: serde_json::Value) -> Change<'_> {
    Change {
        action,
        entity: "perencanaan",
        entity_id: id.to_string(),
        pd: None,
        detail,
    }
}

/// What the audit trail records of a file.
fn file_detail(versi: i32, f: &BerkasBaru<'_>) -> serde_json::Value {
    json!({
        "versi": versi,
        "catatan": f.catatan,
        "berkas": f.unggahan.nama.as_str(),
        "sha256": f.unggahan.sha256.as_str(),
        "ukuran": f.unggahan.ukuran,
    })
}
