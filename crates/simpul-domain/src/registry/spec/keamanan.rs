//! Security (ARC-6): information assets, required SOPs and controls in place.

use super::{FieldKind as K, FieldSpec, f};

/// Information asset kinds (003 Pasal 14(3) a-d).
const JENIS_ASET: &[(&str, &str)] = &[
    ("data_dokumen", "Data/dokumen"),
    ("perangkat_lunak", "Perangkat lunak"),
    ("aset_berwujud", "Aset berwujud (tangible)"),
    ("aset_tak_berwujud", "Aset tak berwujud (intangible)"),
];

/// A three-step scale for how much an asset matters.
const TINGKAT: &[(&str, &str)] = &[
    ("rendah", "Rendah"),
    ("sedang", "Sedang"),
    ("tinggi", "Tinggi"),
];

/// Information asset.
pub(super) const ASET_INFORMASI: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis aset",
        K::Choice(JENIS_ASET),
        true,
        "Data/dokumen, perangkat lunak, aset berwujud, atau aset tak berwujud (003 Pasal 14(3)).",
    ),
    f(
        "kritikalitas",
        "Tingkat kritikalitas",
        K::Choice(TINGKAT),
        false,
        "Dampak bila aset hilang atau terganggu.",
    ),
    f(
        "lokasi",
        "Lokasi",
        K::Text { max: 300 },
        false,
        "Tempat aset disimpan atau digunakan.",
    ),
];

/// The eight SOPs every PD draws up (003 Pasal 15(1) a-h).
pub(super) const JENIS_SOP: &[(&str, &str)] = &[
    (
        "komputer_internet",
        "Kebijakan dan SOP penggunaan komputer dan akses internet kantor",
    ),
    ("email_resmi", "SOP penggunaan e-mail resmi"),
    (
        "koneksi_keamanan_jaringan",
        "SOP koneksi dan keamanan jaringan dan komputer",
    ),
    ("pertukaran_data", "SOP pertukaran data antar PD"),
    (
        "pengelolaan_website",
        "SOP pengelolaan website PD dan daerah",
    ),
    (
        "pengaduan_masyarakat",
        "SOP penanganan pengaduan/layanan masyarakat melalui media TI",
    ),
    ("backup_data", "SOP rutinitas backup data"),
    (
        "perubahan_aplikasi",
        "SOP perubahan sistem aplikasi (manajemen perubahan)",
    ),
];

/// Whether a PD has one of the required SOPs (the PD is the record's PD).
pub(super) const SOP_KEAMANAN: &[FieldSpec] = &[
    f(
        "sop",
        "SOP",
        K::Choice(JENIS_SOP),
        true,
        "Salah satu SOP wajib menurut 003 Pasal 15(1) huruf a-h.",
    ),
    f(
        "dimiliki",
        "Sudah dimiliki",
        K::Bool,
        true,
        "Apakah PD sudah menetapkan SOP ini.",
    ),
    f(
        "nomor_dokumen",
        "Nomor dokumen",
        K::Text { max: 200 },
        false,
        "Nomor dokumen penetapan SOP; wajib bila SOP sudah dimiliki.",
    ),
    f(
        "tanggal_penetapan",
        "Tanggal penetapan",
        K::Date,
        false,
        "Tanggal SOP ditetapkan.",
    ),
];

/// Control categories: the measures of 002 Pasal 14, 15, 18 and 004 Pasal 23(2), plus
/// the protections of 000 Pasal 25 under their own heading.
const KATEGORI_KONTROL: &[(&str, &str)] = &[
    (
        "pengamanan_jaringan",
        "Pengamanan sistem jaringan (002 Pasal 14)",
    ),
    (
        "pengamanan_fisik",
        "Pengamanan fisik jaringan (002 Pasal 15)",
    ),
    (
        "pengamanan_sistem_operasi",
        "Pengamanan sistem operasi (002 Pasal 18)",
    ),
    (
        "pengamanan_perangkat_lunak",
        "Pengamanan piranti lunak (004 Pasal 23(2)(a))",
    ),
    (
        "pengamanan_infrastruktur",
        "Pengamanan infrastruktur (004 Pasal 23(2)(b))",
    ),
    ("sistem_cadangan", "Sistem cadangan (004 Pasal 23(2)(c))"),
    (
        "perlindungan_data",
        "Klasifikasi, pembatasan akses, deteksi modifikasi, tanda tangan digital",
    ),
    ("lainnya", "Lainnya"),
];

/// Security control in place.
pub(super) const KONTROL_KEAMANAN: &[FieldSpec] = &[
    f(
        "kategori",
        "Kategori",
        K::Choice(KATEGORI_KONTROL),
        true,
        "Kelompok pengamanan (002 Pasal 14, 15, 18; 004 Pasal 23(2)).",
    ),
    f(
        "uraian",
        "Uraian",
        K::LongText,
        true,
        "Apa yang diterapkan, di mana, dan bagaimana diperiksa.",
    ),
    f(
        "tanggal_verifikasi",
        "Tanggal verifikasi terakhir",
        K::Date,
        false,
        "Kapan penerapan kontrol terakhir diperiksa.",
    ),
];
