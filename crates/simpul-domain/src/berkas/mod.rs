//! Uploaded files (berkas): evidence, SOP documents, LAN diagrams. The bytes live in the
//! content-addressed blob store; the domain decides which files are acceptable, what they
//! are called and which document kinds each record may carry.

mod dokumen;
mod jenis;
mod nama;
mod sha;

pub use dokumen::JenisDokumen;
pub use jenis::JenisBerkas;
pub use nama::NamaBerkas;
pub use sha::Sha256;

/// Largest accepted document (SOP, diagram, decree scan).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;
