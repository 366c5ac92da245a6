//! A validated evaluation model. Its fields are private so that what loading proved
//! (weights sum to 100 and to their parents, indicators numbered 1..n, at least one
//! predicate band) stays true: the index arithmetic relies on it.

use super::dua_desimal::{Bobot, DuaDesimal};
use super::error::ModelErrors;
use super::level::Level;
use super::pecahan::Pecahan;
use super::validate;
use crate::problem::Masalahs;

/// A predicate band: an index of at least `min` earns `nama` (unless a higher band's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predikat {
    /// "Memuaskan", "Sangat Baik", ...
    pub nama: String,
    /// Inclusive lower limit.
    pub min: DuaDesimal,
}

/// A domain (spbe-2020 groups its aspects in four).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Domain {
    /// Code, e.g. `D1`.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Weight in percent of the index; the sum of its aspects' weights.
    pub bobot: Bobot,
    /// Level names for this domain's indicators, when they differ from the model's.
    pub nama_level: Option<[String; 5]>,
}

/// An aspect: a group of indicators with a weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aspek {
    /// Code, e.g. `A2`.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// The domain's code, when the model has domains.
    pub domain: Option<String>,
    /// Weight in percent of the index; the sum of its indicators' weights.
    pub bobot: Bobot,
}

/// One indicator and what each of its levels requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indikator {
    /// 1..n, its position in the model.
    pub nomor: u32,
    /// Name.
    pub nama: String,
    /// The aspect's code.
    pub aspek: String,
    /// Weight in percent of the index.
    pub bobot: Bobot,
    /// The value comes from another agency's index instead of a self-assessed level.
    pub eksternal: bool,
    /// Which index, for external indicators.
    pub sumber_eksternal: Option<String>,
    /// What each level 1..5 requires.
    pub kriteria: [String; 5],
    /// Evidence (bukti dukung) expected at each level 1..5.
    pub bukti: [Vec<String>; 5],
    /// Level names for this indicator: its domain's, else the model's.
    pub nama_level: [String; 5],
}

impl Indikator {
    /// What level `l` requires.
    pub fn kriteria_level(&self, l: Level) -> &str {
        &self.kriteria[l.posisi()]
    }

    /// The evidence expected at level `l`.
    pub fn bukti_level(&self, l: Level) -> &[String] {
        &self.bukti[l.posisi()]
    }

    /// The name of level `l` for this indicator ("Terdefinisi", "Transaksi").
    pub fn nama_level_untuk(&self, l: Level) -> &str {
        &self.nama_level[l.posisi()]
    }
}

/// A validated evaluation model (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Model {
    pub(super) kode: String,
    pub(super) nama: String,
    pub(super) nama_indeks: String,
    pub(super) dasar_hukum: String,
    pub(super) tahun_mulai: i32,
    pub(super) tahun_akhir: Option<i32>,
    pub(super) sementara: bool,
    pub(super) asal_usul: String,
    pub(super) nama_level: [String; 5],
    /// Highest first, `min` strictly decreasing, never empty.
    pub(super) predikat: Vec<Predikat>,
    pub(super) domain: Vec<Domain>,
    pub(super) aspek: Vec<Aspek>,
    /// `indikator[i].nomor == i + 1`.
    pub(super) indikator: Vec<Indikator>,
}

impl Model {
    /// Read and validate a model file; `file_name` names the file in errors, which list
    /// every problem found.
    pub fn load(file_name: &str, text: &str) -> Result<Model, ModelErrors> {
        validate::load(file_name, text)
    }

    /// Stable code, e.g. `spbe-2020`.
    pub fn kode(&self) -> &str {
        &self.kode
    }
    /// Name of the evaluation, e.g. "Evaluasi SPBE".
    pub fn nama(&self) -> &str {
        &self.nama
    }
    /// What the computed number is called, e.g. "Indeks SPBE".
    pub fn nama_indeks(&self) -> &str {
        &self.nama_indeks
    }
    /// The regulation that sets the model.
    pub fn dasar_hukum(&self) -> &str {
        &self.dasar_hukum
    }
    /// First index year the model applies to.
    pub fn tahun_mulai(&self) -> i32 {
        self.tahun_mulai
    }
    /// Last index year, when the model has been superseded.
    pub fn tahun_akhir(&self) -> Option<i32> {
        self.tahun_akhir
    }
    /// Provisional: show it with a warning.
    pub fn sementara(&self) -> bool {
        self.sementara
    }
    /// How the tables were obtained (provenance).
    pub fn asal_usul(&self) -> &str {
        &self.asal_usul
    }
    /// The model's level names (a domain may override them).
    pub fn nama_level(&self) -> &[String; 5] {
        &self.nama_level
    }
    /// Predicate bands, highest first.
    pub fn predikat(&self) -> &[Predikat] {
        &self.predikat
    }
    /// Domains in file order; empty for a model of aspects only.
    pub fn domain(&self) -> &[Domain] {
        &self.domain
    }
    /// Aspects in file order.
    pub fn aspek(&self) -> &[Aspek] {
        &self.aspek
    }
    /// Indicators by number (`indikator()[n - 1]` is number n).
    pub fn indikator(&self) -> &[Indikator] {
        &self.indikator
    }

    /// The indicator numbered `nomor`.
    pub fn indikator_nomor(&self, nomor: u32) -> Option<&Indikator> {
        let i = usize::try_from(nomor).ok()?.checked_sub(1)?;
        self.indikator.get(i)
    }

    /// The aspect with this code.
    pub fn aspek_kode(&self, kode: &str) -> Option<&Aspek> {
        self.aspek.iter().find(|a| a.kode == kode)
    }

    /// The domain with this code.
    pub fn domain_kode(&self, kode: &str) -> Option<&Domain> {
        self.domain.iter().find(|d| d.kode == kode)
    }

    /// The indicators of an aspect, by number.
    pub fn indikator_aspek<'a>(&'a self, aspek: &'a str) -> impl Iterator<Item = &'a Indikator> {
        self.indikator.iter().filter(move |i| i.aspek == aspek)
    }

    /// The aspects of a domain, in file order.
    pub fn aspek_domain<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Aspek> {
        self.aspek
            .iter()
            .filter(move |a| a.domain.as_deref() == Some(domain))
    }

    /// The band an index falls in: the highest whose `min` it reaches.
    pub fn predikat_untuk(&self, indeks: &Pecahan) -> &Predikat {
        // The lowest band's min is at most 1 and an index is at least 1, so the
        // fallback to the lowest band only matters for a value below the scale.
        let i = self
            .predikat
            .iter()
            .position(|p| p.min.pecahan() <= *indeks)
            .unwrap_or(self.predikat.len().saturating_sub(1));
        &self.predikat[i]
    }

    /// The band above `p`, if `p` is not the highest.
    pub fn predikat_di_atas(&self, p: &Predikat) -> Option<&Predikat> {
        let i = self.predikat.iter().position(|x| x == p)?;
        self.predikat.get(i.checked_sub(1)?)
    }

    /// Whether the model applies to index year `tahun`.
    pub fn berlaku(&self, tahun: i32) -> bool {
        tahun >= self.tahun_mulai && self.tahun_akhir.is_none_or(|a| tahun <= a)
    }

    /// Replace what level `level` of indicator `nomor` requires, e.g. with the official
    /// wording a region pastes in. Codes: `indikator_tidak_dikenal`, `kriteria_kosong`.
    pub fn ganti_kriteria(&mut self, nomor: u32, level: Level, teks: &str) -> Result<(), Masalahs> {
        let teks = teks.trim();
        if teks.is_empty() {
            return Err(Masalahs::one("kriteria_kosong", "Kriteria wajib diisi."));
        }
        let i = usize::try_from(nomor)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|i| *i < self.indikator.len())
            .ok_or_else(|| super::nilai::tidak_dikenal(nomor))?;
        self.indikator[i].kriteria[level.posisi()] = teks.to_owned();
        Ok(())
    }
}
