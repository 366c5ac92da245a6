//! Kemendagri region codes: `PP`, `PP.KK`, `PP.KK.CC`, `PP.KK.CC.DDDD`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::digits;
use crate::problem::{Masalah, Masalahs};

/// The administrative level a code names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TingkatWilayah {
    /// Province (`PP`).
    Provinsi,
    /// Regency or city (`PP.KK`).
    KabupatenKota,
    /// District (`PP.KK.CC`); called *distrik* in the Papua provinces.
    Kecamatan,
    /// Village (`PP.KK.CC.DDDD`).
    DesaKelurahan,
}

impl TingkatWilayah {
    /// The next level down, if any.
    pub fn child(self) -> Option<Self> {
        match self {
            Self::Provinsi => Some(Self::KabupatenKota),
            Self::KabupatenKota => Some(Self::Kecamatan),
            Self::Kecamatan => Some(Self::DesaKelurahan),
            Self::DesaKelurahan => None,
        }
    }
}

/// Whether a second-level region is a regency or a city (decided by its code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisDaerah {
    /// Regency: codes 01-69.
    Kabupaten,
    /// City: codes 71-99.
    Kota,
}

/// Kind of village, from the first digit of its four-digit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisDesa {
    /// Urban village (first digit 1).
    Kelurahan,
    /// Village (first digit 2).
    Desa,
    /// Customary village (first digit 3; so far only Kabupaten Jayapura uses it).
    DesaAdat,
}

/// A structurally valid Kemendagri region code, kept in its dotted form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KodeWilayah(String);

impl KodeWilayah {
    /// Parse a code with or without dots (`"6310"` and `"63.10"` are the same).
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let t = input.trim();
        if t.is_empty() {
            return Err(Masalahs::one(
                "kode_wilayah_kosong",
                "Kode wilayah wajib diisi.",
            ));
        }
        if t.chars().any(|c| !c.is_ascii_digit() && c != '.') {
            return Err(Masalahs::one(
                "kode_wilayah_karakter",
                "Kode wilayah hanya boleh berisi angka dan titik.",
            ));
        }
        let segments: Vec<&str> = if t.contains('.') {
            t.split('.').collect()
        } else {
            split_undotted(t).unwrap_or_default()
        };
        let lens: Vec<usize> = segments.iter().map(|s| s.len()).collect();
        if !matches!(lens.as_slice(), [2] | [2, 2] | [2, 2, 2] | [2, 2, 2, 4]) {
            return Err(Masalahs::one(
                "kode_wilayah_format",
                "Format kode wilayah: PP, PP.KK, PP.KK.CC atau PP.KK.CC.DDDD.",
            ));
        }
        let mut found = Vec::new();
        check_segments(&segments, &mut found);
        Masalahs::into_result(found).map(|()| Self(segments.join(".")))
    }

    /// Build from already-checked undotted digits (2, 4, 6 or 10 of them).
    pub(crate) fn from_checked_digits(d: &str) -> Self {
        Self(split_undotted(d).unwrap_or_default().join("."))
    }

    /// The dotted code, e.g. `"63.10"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The code without dots, e.g. `"6310"`.
    pub fn digits(&self) -> String {
        self.0.replace('.', "")
    }

    /// Which level this code names.
    pub fn tingkat(&self) -> TingkatWilayah {
        match self.0.len() {
            2 => TingkatWilayah::Provinsi,
            5 => TingkatWilayah::KabupatenKota,
            8 => TingkatWilayah::Kecamatan,
            _ => TingkatWilayah::DesaKelurahan,
        }
    }

    /// The code one level up; `None` for a province.
    pub fn parent(&self) -> Option<Self> {
        self.0.rsplit_once('.').map(|(p, _)| Self(p.to_owned()))
    }

    /// The code of this region or its ancestor at `tingkat`, if that is not below it.
    pub fn at(&self, tingkat: TingkatWilayah) -> Option<Self> {
        let len = match tingkat {
            TingkatWilayah::Provinsi => 2,
            TingkatWilayah::KabupatenKota => 5,
            TingkatWilayah::Kecamatan => 8,
            TingkatWilayah::DesaKelurahan => 13,
        };
        self.0.get(..len).map(|s| Self(s.to_owned()))
    }

    /// The province this code lies in (itself for a province).
    pub fn provinsi(&self) -> Self {
        Self(self.0.chars().take(2).collect())
    }

    /// Whether `other` lies strictly inside this region.
    pub fn contains(&self, other: &Self) -> bool {
        other.0.len() > self.0.len()
            && other.0.starts_with(&self.0)
            && other.0.as_bytes().get(self.0.len()) == Some(&b'.')
    }

    /// Regency or city, for codes at the second level or below.
    pub fn jenis_daerah(&self) -> Option<JenisDaerah> {
        let kk = digits::num(self.0.get(3..5)?);
        Some(if kk >= 71 {
            JenisDaerah::Kota
        } else {
            JenisDaerah::Kabupaten
        })
    }

    /// Kelurahan, desa or desa adat, for village codes.
    pub fn jenis_desa(&self) -> Option<JenisDesa> {
        match self.0.as_bytes().get(9)? {
            b'1' => Some(JenisDesa::Kelurahan),
            b'3' => Some(JenisDesa::DesaAdat),
            _ => Some(JenisDesa::Desa),
        }
    }
}

/// Split `PPKKCCDDDD` into its segments; `None` when the length fits no level.
fn split_undotted(d: &str) -> Option<Vec<&str>> {
    let cuts: &[usize] = match d.len() {
        2 => &[2],
        4 => &[2, 4],
        6 => &[2, 4, 6],
        10 => &[2, 4, 6, 10],
        _ => return None,
    };
    let mut start = 0;
    let mut out = Vec::with_capacity(cuts.len());
    for &end in cuts {
        out.push(d.get(start..end)?);
        start = end;
    }
    Some(out)
}

fn check_segments(segments: &[&str], found: &mut Vec<Masalah>) {
    if let Some(pp) = segments.first()
        && digits::num(pp) < 11
    {
        found.push(Masalah::new(
            "kode_wilayah_provinsi",
            format!("Kode provinsi {pp} tidak valid (11-99)."),
        ));
    }
    if let Some(kk) = segments.get(1)
        && !kabupaten_kota_valid(digits::num(kk))
    {
        found.push(Masalah::new(
            "kode_wilayah_kabupaten",
            format!("Kode kabupaten/kota {kk} tidak valid (01-69 kabupaten, 71-99 kota)."),
        ));
    }
    if let Some(cc) = segments.get(2)
        && digits::num(cc) == 0
    {
        found.push(Masalah::new(
            "kode_wilayah_kecamatan",
            "Kode kecamatan tidak boleh 00.",
        ));
    }
    if let Some(dddd) = segments.get(3)
        && (digits::num(dddd).is_multiple_of(1000)
            || !matches!(dddd.as_bytes().first(), Some(b'1'..=b'3')))
    {
        found.push(Masalah::new(
            "kode_wilayah_desa",
            format!(
                "Kode desa/kelurahan {dddd} tidak valid (1xxx kelurahan, 2xxx desa, 3xxx desa adat)."
            ),
        ));
    }
}

/// Regency codes 01-69 and city codes 71-99; 00 and 70 name nothing.
pub(crate) fn kabupaten_kota_valid(kk: u32) -> bool {
    (1..=69).contains(&kk) || (71..=99).contains(&kk)
}

impl fmt::Display for KodeWilayah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for KodeWilayah {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for KodeWilayah {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#[path = "kode_wilayah_tests.rs"]
mod tests;
