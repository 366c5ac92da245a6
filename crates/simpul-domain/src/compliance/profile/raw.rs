//! The profile file as written: TOML read with the position of every value, before
//! validation turns it into a [`super::Profil`].

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// Text with its place in the file.
pub(super) type S = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProfil {
    pub profil: RawHeader,
    pub kosakata: RawKosakata,
    #[serde(default)]
    pub kewajiban: Vec<Spanned<RawKewajiban>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub kode: S,
    pub wilayah: S,
    pub kode_wilayah: S,
    pub tingkat: S,
    pub peraturan: S,
    pub sumber: S,
    pub ditetapkan: Spanned<Datetime>,
    #[serde(default)]
    pub horizon_rencana_induk: Option<Spanned<i64>>,
    #[serde(default)]
    pub domain: Vec<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKosakata {
    pub perangkat_daerah: S,
    pub kepala_daerah: S,
    pub dinas: S,
    #[serde(default)]
    pub koordinator: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKewajiban {
    pub id: S,
    pub bab: S,
    pub pasal: S,
    pub teks: S,
    pub subjek: S,
    pub jadwal: S,
    pub bukti: S,
    pub uraian_bukti: S,
    pub penanggung_jawab: S,
    pub peran: S,
    #[serde(default)]
    pub catatan: Option<S>,
}
