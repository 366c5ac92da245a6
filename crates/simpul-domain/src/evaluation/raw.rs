//! The model file as written: TOML read with the position of every value, before
//! validation turns it into a [`super::Model`]. Numbers are kept as written
//! (`Spanned<toml::Value>`) so that `1.30` is read from its digits, not from a float.

use serde::Deserialize;
use toml::Spanned;

/// Text with its place in the file.
pub(super) type S = Spanned<String>;
/// A number with its place in the file; its digits are read from the file's text.
pub(super) type Angka = Spanned<toml::Value>;
/// A list of texts with its place.
pub(super) type Daftar = Spanned<Vec<S>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawModel {
    pub model: RawHeader,
    #[serde(default)]
    pub predikat: Vec<Spanned<RawPredikat>>,
    #[serde(default)]
    pub domain: Vec<Spanned<RawDomain>>,
    #[serde(default)]
    pub aspek: Vec<Spanned<RawAspek>>,
    #[serde(default)]
    pub indikator: Vec<Spanned<RawIndikator>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub kode: S,
    pub nama: S,
    pub nama_indeks: S,
    pub dasar_hukum: S,
    pub tahun_mulai: Spanned<i64>,
    #[serde(default)]
    pub tahun_akhir: Option<Spanned<i64>>,
    #[serde(default)]
    pub sementara: bool,
    pub asal_usul: S,
    pub nama_level: Daftar,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPredikat {
    pub nama: S,
    pub min: Angka,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDomain {
    pub kode: S,
    pub nama: S,
    pub bobot: Angka,
    #[serde(default)]
    pub nama_level: Option<Daftar>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAspek {
    pub kode: S,
    pub nama: S,
    #[serde(default)]
    pub domain: Option<S>,
    pub bobot: Angka,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIndikator {
    pub nomor: Spanned<i64>,
    pub nama: S,
    pub aspek: S,
    pub bobot: Angka,
    #[serde(default)]
    pub eksternal: Option<Spanned<bool>>,
    #[serde(default)]
    pub sumber_eksternal: Option<S>,
    pub kriteria: Daftar,
    pub bukti: Spanned<Vec<Daftar>>,
}
