//! A region's regulation as data: the profile format (`profiles/*.toml`, documented in
//! `profiles/README.md`). [`Profil::parse`] reads and validates one file and names every
//! problem with its line and field; [`Profil::check_citations`] proves each obligation's
//! text appears verbatim in the regulation it cites.

mod bukti;
mod citation;
mod compare;
mod error;
mod raw;
mod shipped;
mod subjek;
mod validate;

pub use bukti::Bukti;
pub use citation::normalise;
pub use compare::{Baris, banding};
pub use error::{ProfilError, ProfilErrors};
pub use shipped::{SHIPPED, shipped};
pub use subjek::Subjek;

use time::Date;

use crate::access::Role;
use crate::compliance::Cadence;
use crate::ident::KodeWilayah;
use crate::org::TingkatDaerah;

/// How the region names its institutions (REG-1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kosakata {
    /// "PD", "SKPD" or "Perangkat Daerah".
    pub perangkat_daerah: String,
    /// "Bupati", "Wali Kota", "Gubernur".
    pub kepala_daerah: String,
    /// The ICT agency's name as the regulation writes it.
    pub dinas: String,
    /// The SPBE lead (GCIO, CIO, Koordinator SPBE), when the regulation names one.
    pub koordinator: Option<String>,
}

/// One periodic or dated obligation (REG-2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kewajiban {
    /// Unique within the profile; stable across versions of the profile.
    pub id: String,
    /// Chapter for grouping (e.g. "Infrastruktur SPBE").
    pub bab: String,
    /// Where in the regulation: "Pasal 20 ayat (1)", "Lampiran huruf C".
    pub pasal: String,
    /// The article's words, verbatim.
    pub teks: String,
    /// What it applies to.
    pub subjek: Subjek,
    /// How often or by when.
    pub jadwal: Cadence,
    /// What fulfils it.
    pub bukti: Bukti,
    /// The evidence in the regulation's words.
    pub uraian_bukti: String,
    /// Who is responsible, in the regulation's words.
    pub penanggung_jawab: String,
    /// The Simpul role that records fulfilments.
    pub peran: Role,
    /// The profile author's note (how the text was read), if any.
    pub catatan: Option<String>,
    /// Line of the obligation in the profile file.
    pub baris: usize,
}

/// A validated regional profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profil {
    /// Profile code, e.g. `tanah-bumbu` (also the demo region's name).
    pub kode: String,
    /// Region name.
    pub wilayah: String,
    /// Kemendagri code of the region.
    pub kode_wilayah: KodeWilayah,
    /// Provinsi, kabupaten or kota.
    pub tingkat: TingkatDaerah,
    /// The regulation's title, e.g. "Peraturan Bupati Tanah Bumbu Nomor 19 Tahun 2021".
    pub peraturan: String,
    /// File name of the regulation's text under `profiles/sources/`.
    pub sumber: String,
    /// The regulation's enactment date: obligations apply from it.
    pub ditetapkan: Date,
    /// Horizon of the Rencana Induk in years (5 or 20 in the seeds); `None` when the
    /// regulation sets none.
    pub horizon_rencana_induk: Option<u8>,
    /// The region's official domain names.
    pub domain: Vec<String>,
    /// How the region names things.
    pub kosakata: Kosakata,
    /// The obligations, in file order.
    pub kewajiban: Vec<Kewajiban>,
}

impl Profil {
    /// Read and validate a profile; `berkas` names the file in errors.
    pub fn parse(berkas: &str, text: &str) -> Result<Self, ProfilErrors> {
        validate::parse(text).map_err(|errors| ProfilErrors {
            berkas: berkas.to_owned(),
            errors,
        })
    }

    /// The obligation with this id.
    pub fn kewajiban(&self, id: &str) -> Option<&Kewajiban> {
        self.kewajiban.iter().find(|k| k.id == id)
    }
}
