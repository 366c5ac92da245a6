//! Simpul's storage: SQLite (default) and PostgreSQL behind the same functions, embedded
//! migrations, one module per aggregate, and the hash-chained audit trail.

pub mod audit;
pub mod berkas;
pub mod blob;
pub mod bus;
pub mod db;
pub mod demo;
pub mod demo_compliance;
pub mod demo_evaluasi;
pub mod demo_files;
pub mod demo_registry;
pub mod diagram_lan;
pub mod error;
pub mod evaluasi;
pub mod kepatuhan;
pub mod migrate;
pub mod pd;
pub mod pegawai;
pub mod peran;
pub mod perencanaan;
pub mod region;
pub mod registry;
pub mod sesi;
pub mod tim;
pub mod time_text;
pub mod token;

pub use audit::Actor;
pub use db::{Db, Tx};
pub use error::StoreError;

/// Escape `%`, `_` and backslash so user text matches literally in `LIKE … ESCAPE`.
pub fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
