//! Planning documents as records (ARC-7, PLN-1, PLN-2): the Rencana Induk, the
//! Arsitektur SPBE, the Peta Rencana and the ten internal policies of 001 Lampiran A-J,
//! each with its period, adoption decree, status and reviews. They are the subjects of
//! obligations such as "reviewed at mid-term and in the final year" (REG-3), so the
//! period converts to the compliance engine's [`crate::compliance::Periode`].

mod dokumen;
mod input;
mod jenis;
mod periode;
mod reviu;

pub use dokumen::{
    DokumenInput, DokumenPerencanaan, MAX_JUDUL, MAX_NOMOR, NewDokumenPerencanaan, StatusDokumen,
    berlaku,
};
pub use input::tanggal_lalu;
pub use jenis::{JenisDokumenPerencanaan, KebijakanInternal};
pub use periode::{MAX_TAHUN, PeriodeRencana, TAHUN_MAKS, TAHUN_MIN};
pub use reviu::{MAX_RINGKASAN, NewReviu, Reviu, ReviuInput};
