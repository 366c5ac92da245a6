//! Perangkat Daerah (PD): the agencies of the region.

use serde::{Deserialize, Serialize};

use crate::ids::PdId;
use crate::problem::{FieldProblems, Masalah, Masalahs};
use crate::text;

/// Kind of agency. UPT and kelurahan sit under a parent PD.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisPd {
    /// Sekretariat Daerah.
    SekretariatDaerah,
    /// Sekretariat DPRD.
    SekretariatDprd,
    /// Inspektorat.
    Inspektorat,
    /// Dinas.
    Dinas,
    /// Badan.
    Badan,
    /// Satuan (e.g. Satpol PP).
    Satuan,
    /// Kecamatan.
    Kecamatan,
    /// Kelurahan (under a kecamatan).
    Kelurahan,
    /// Regional hospital.
    Rsud,
    /// Unit Pelaksana Teknis (under a dinas or badan).
    Upt,
}

impl JenisPd {
    /// Every kind, in display order.
    pub const ALL: [JenisPd; 10] = [
        Self::SekretariatDaerah,
        Self::SekretariatDprd,
        Self::Inspektorat,
        Self::Dinas,
        Self::Badan,
        Self::Satuan,
        Self::Kecamatan,
        Self::Kelurahan,
        Self::Rsud,
        Self::Upt,
    ];

    /// Stable code (database, API, forms).
    pub fn code(self) -> &'static str {
        match self {
            Self::SekretariatDaerah => "sekretariat_daerah",
            Self::SekretariatDprd => "sekretariat_dprd",
            Self::Inspektorat => "inspektorat",
            Self::Dinas => "dinas",
            Self::Badan => "badan",
            Self::Satuan => "satuan",
            Self::Kecamatan => "kecamatan",
            Self::Kelurahan => "kelurahan",
            Self::Rsud => "rsud",
            Self::Upt => "upt",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == s)
    }

    /// Whether this kind must name a parent PD.
    pub fn needs_parent(self) -> bool {
        matches!(self, Self::Upt | Self::Kelurahan)
    }
}

/// Short code of a PD (`DISKOMINFO`), unique in the region, used on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KodePd(String);

impl KodePd {
    /// Upper-case letters, digits, `-` and `_`, 2 to 30 characters.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let t = input.trim().to_uppercase();
        let mut found = Vec::new();
        let n = t.chars().count();
        if !(2..=30).contains(&n) {
            found.push(Masalah::new(
                "kode_pd_panjang",
                format!("Kode PD harus 2 sampai 30 karakter (sekarang {n})."),
            ));
        }
        if t.chars()
            .any(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        {
            found.push(Masalah::new(
                "kode_pd_karakter",
                "Kode PD hanya boleh berisi huruf, angka, tanda hubung (-) dan garis bawah (_).",
            ));
        }
        Masalahs::into_result(found).map(|()| Self(t))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KodePd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A stored agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PerangkatDaerah {
    /// Id.
    pub id: PdId,
    /// Short code.
    pub kode: KodePd,
    /// Full name.
    pub nama: String,
    /// Common abbreviation ("Diskominfo").
    pub singkatan: Option<String>,
    /// Kind.
    pub jenis: JenisPd,
    /// Parent PD for UPT and kelurahan.
    pub induk: Option<PdId>,
    /// Whether this PD is the region's SPBE manager (the Dinas).
    pub pengelola_spbe: bool,
    /// Archived PDs stay for history but accept no new staff.
    pub diarsipkan: bool,
}

/// A validated request to create or change an agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPd {
    /// Short code.
    pub kode: KodePd,
    /// Full name.
    pub nama: String,
    /// Abbreviation.
    pub singkatan: Option<String>,
    /// Kind.
    pub jenis: JenisPd,
    /// Parent PD (resolved by the caller from a code or id).
    pub induk: Option<PdId>,
}

/// Raw form or API input for a PD, before validation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PdInput {
    /// Short code.
    #[serde(default)]
    pub kode: String,
    /// Full name.
    #[serde(default)]
    pub nama: String,
    /// Abbreviation.
    #[serde(default)]
    pub singkatan: String,
    /// Kind code.
    #[serde(default)]
    pub jenis: String,
    /// Parent PD id (empty for none).
    #[serde(default)]
    pub induk: Option<PdId>,
}

impl NewPd {
    /// Validate every field at once, reporting all problems keyed by field.
    pub fn parse(input: &PdInput) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let kode = p.check("kode", KodePd::parse(&input.kode));
        let nama = p.check("nama", text::required(&input.nama, 200));
        let singkatan = p.check("singkatan", text::optional(&input.singkatan, 50));
        let jenis = p.check(
            "jenis",
            JenisPd::from_code(input.jenis.trim()).ok_or_else(|| {
                Masalahs::one("jenis_pd_tidak_dikenal", "Pilih jenis PD dari daftar.")
            }),
        );
        if jenis.is_some_and(JenisPd::needs_parent) && input.induk.is_none() {
            p.add(
                "induk",
                Masalahs::one("induk_wajib", "UPT dan kelurahan wajib memiliki PD induk."),
            );
        }
        match (kode, nama, singkatan, jenis) {
            (Some(kode), Some(nama), Some(singkatan), Some(jenis)) if p.is_empty() => Ok(Self {
                kode,
                nama,
                singkatan,
                jenis,
                induk: input.induk,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(kode: &str, nama: &str, jenis: &str) -> PdInput {
        PdInput {
            kode: kode.into(),
            nama: nama.into(),
            jenis: jenis.into(),
            ..PdInput::default()
        }
    }

    #[test]
    fn valid_pd_is_normalised() {
        let pd = NewPd::parse(&input(" diskominfo ", " Dinas Kominfo ", "dinas")).unwrap();
        assert_eq!(pd.kode.as_str(), "DISKOMINFO");
        assert_eq!(pd.nama, "Dinas Kominfo");
        assert_eq!(pd.jenis, JenisPd::Dinas);
    }

    #[test]
    fn reports_every_field() {
        let err = NewPd::parse(&input("!", "", "kantor")).unwrap_err();
        let fields: Vec<_> = err.0.keys().cloned().collect();
        assert_eq!(fields, ["jenis", "kode", "nama"]);
        assert_eq!(err.0["kode"].len(), 2);
    }

    #[test]
    fn upt_needs_parent() {
        let err = NewPd::parse(&input("UPT-1", "UPT Puskesmas", "upt")).unwrap_err();
        assert_eq!(err.0["induk"][0].kode, "induk_wajib");
    }
}
