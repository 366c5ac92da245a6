//! Data and information (ARC-4): the per-PD register of 004 Pasal 26.

use super::{FieldKind as K, FieldSpec, f};

/// What is registered (004 Pasal 26(2)).
const JENIS_DATA: &[(&str, &str)] = &[
    ("basis_data", "Basis data"),
    ("berkas_digital", "Berkas digital"),
    ("kode_sumber", "Kode sumber"),
    ("dokumen_tik", "Dokumen TIK"),
];

/// Classification (004 Pasal 26(3)).
const KLASIFIKASI: &[(&str, &str)] = &[
    ("publik", "Informasi publik"),
    ("dikecualikan", "Informasi yang dikecualikan"),
];

/// Backup period (004 Pasal 26(1)(e)).
const PERIODE_BACKUP: &[(&str, &str)] = &[
    ("harian", "Harian"),
    ("mingguan", "Mingguan"),
    ("bulanan", "Bulanan"),
    ("triwulanan", "Triwulanan"),
    ("semesteran", "Semesteran"),
    ("tahunan", "Tahunan"),
    ("tidak_ada", "Tidak ada backup"),
];

/// Data asset. The owner is the record's PD.
pub(super) const DATA: &[FieldSpec] = &[
    f(
        "jenis_data",
        "Jenis data",
        K::Choice(JENIS_DATA),
        true,
        "Basis data, berkas digital, kode sumber atau dokumen TIK (004 Pasal 26(2)).",
    ),
    f(
        "klasifikasi",
        "Klasifikasi",
        K::Choice(KLASIFIKASI),
        true,
        "Informasi publik atau informasi yang dikecualikan (004 Pasal 26(3)).",
    ),
    f(
        "penanggung_jawab",
        "Penanggung jawab",
        K::Text { max: 200 },
        false,
        "Pejabat atau unit yang bertanggung jawab atas data (004 Pasal 26(1)(b)).",
    ),
    f(
        "distribusi",
        "Distribusi",
        K::Text { max: 500 },
        false,
        "Kepada siapa data dibagikan (004 Pasal 26(1)(c)).",
    ),
    f(
        "retensi",
        "Masa retensi",
        K::Text { max: 100 },
        false,
        "Berapa lama data disimpan, misalnya \"5 tahun\" atau \"permanen\" (004 Pasal 26(1)(c)).",
    ),
    f(
        "lokasi_penyimpanan",
        "Lokasi penyimpanan",
        K::Text { max: 300 },
        false,
        "Tempat data disimpan (004 Pasal 26(1)(d)).",
    ),
    f(
        "periode_backup",
        "Periode backup",
        K::Choice(PERIODE_BACKUP),
        false,
        "Seberapa sering data dicadangkan (004 Pasal 26(1)(e)).",
    ),
    f(
        "media_backup",
        "Media backup",
        K::Text { max: 200 },
        false,
        "Media cadangan, misalnya server Pusat Data, tape atau cloud (004 Pasal 26(1)(e)).",
    ),
    f(
        "wali_data",
        "Wali data",
        K::PdRef,
        false,
        "PD yang menjadi wali data (000 Pasal 11(3)).",
    ),
    f(
        "data_induk",
        "Data induk",
        K::Bool,
        false,
        "Apakah data ini data induk (000 Pasal 33(2)).",
    ),
    f(
        "data_referensi",
        "Data referensi",
        K::Bool,
        false,
        "Apakah data ini data referensi (000 Pasal 33(2)).",
    ),
];
