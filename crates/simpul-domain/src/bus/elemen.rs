//! Data element definitions of the metadata repository, with the fields of the Satu
//! Data standard (Perpres 39/2019: concept/name, definition, classification/type,
//! measure/unit, reference code), so services can say what their fields mean.

use serde::{Deserialize, Serialize};

use crate::problem::{FieldProblems, Masalahs};
use crate::text;

/// The kinds of value an element holds.
pub const TIPE: [&str; 7] = [
    "teks",
    "bilangan_bulat",
    "desimal",
    "tanggal",
    "boolean",
    "kode",
    "objek",
];

/// A data element definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElemenData {
    /// Machine name, e.g. `nik`, `kode_wilayah` (a-z, 0-9, _; unique in the region).
    pub nama: String,
    /// Definition in words.
    pub definisi: String,
    /// One of [`TIPE`].
    pub tipe: String,
    /// Unit of measure, if any (e.g. `jiwa`, `rupiah`).
    pub satuan: Option<String>,
    /// Reference code list or standard (e.g. `Kode wilayah Kemendagri`).
    pub referensi: Option<String>,
}

impl ElemenData {
    /// Check raw form values, naming the field of every problem.
    pub fn parse(
        nama: &str,
        definisi: &str,
        tipe: &str,
        satuan: &str,
        referensi: &str,
    ) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let n = nama.trim().to_ascii_lowercase();
        let nama_ok = (1..=64).contains(&n.len())
            && n.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
            && n.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !nama_ok {
            p.add(
                "nama",
                Masalahs::one(
                    "nama_elemen",
                    "Nama elemen: huruf kecil, angka dan _, diawali huruf, ≤ 64.",
                ),
            );
        }
        let definisi = p.check("definisi", text::required(definisi, 2000));
        let t = tipe.trim();
        if !TIPE.contains(&t) {
            p.add(
                "tipe",
                Masalahs::one("tipe_tidak_dikenal", "Tipe data tidak dikenal."),
            );
        }
        let satuan = p.check("satuan", text::optional(satuan, 100));
        let referensi = p.check("referensi", text::optional(referensi, 300));
        match (definisi, satuan, referensi) {
            (Some(definisi), Some(satuan), Some(referensi)) if p.0.is_empty() => Ok(Self {
                nama: n,
                definisi,
                tipe: t.to_owned(),
                satuan,
                referensi,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn element_fields() {
        let e =
            ElemenData::parse("NIK", "Nomor induk kependudukan", "kode", "", "UU 24/2013").unwrap();
        assert_eq!(e.nama, "nik");
        assert_eq!(e.satuan, None);
        assert_eq!(e.referensi.as_deref(), Some("UU 24/2013"));
        let p = ElemenData::parse("1x", "", "warna", &"s".repeat(101), "").unwrap_err();
        for f in ["nama", "definisi", "tipe", "satuan"] {
            assert!(p.0.contains_key(f), "{f}");
        }
    }
}
