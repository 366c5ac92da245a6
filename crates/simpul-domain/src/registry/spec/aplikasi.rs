//! Business processes, services and applications (ARC-1, ARC-2, ARC-3).

use super::{FieldKind as K, FieldSpec, f};

/// Business process (000 Pasal 9; 003 Pasal 9): SOP and the twice-yearly review.
pub(super) const PROSES_BISNIS: &[FieldSpec] = &[
    f(
        "sop",
        "Dokumen SOP",
        K::Text { max: 300 },
        false,
        "Nomor dan judul dokumen SOP proses bisnis ini.",
    ),
    f(
        "tanggal_review",
        "Tanggal reviu terakhir",
        K::Date,
        false,
        "Proses bisnis direviu paling sedikit dua kali setahun (003 Pasal 9(11)).",
    ),
    f(
        "tanggal_review_berikutnya",
        "Tanggal reviu berikutnya",
        K::Date,
        false,
        "Jadwal reviu berikutnya; harus sesudah reviu terakhir.",
    ),
];

/// Service kinds (000 Pasal 26-29; 001 Pasal 29-32).
const JENIS_LAYANAN: &[(&str, &str)] = &[
    ("administrasi", "Layanan administrasi pemerintahan"),
    ("publik", "Layanan publik"),
];

/// Sectors of public services, as listed in 000 Pasal 28(1), plus government itself for
/// administrative services.
const SEKTOR: &[(&str, &str)] = &[
    ("pemerintahan", "Pemerintahan"),
    ("pendidikan", "Pendidikan dan pengajaran"),
    ("kesehatan", "Kesehatan"),
    ("pekerjaan_usaha", "Pekerjaan dan usaha"),
    ("tempat_tinggal", "Tempat tinggal"),
    ("komunikasi_informasi", "Komunikasi dan informasi"),
    ("lingkungan_hidup", "Lingkungan hidup"),
    ("jaminan_sosial", "Jaminan sosial"),
    ("energi", "Energi"),
    ("perbankan", "Perbankan"),
    ("perhubungan", "Perhubungan"),
    ("sumber_daya_alam", "Sumber daya alam"),
    ("pariwisata", "Pariwisata"),
    ("lainnya", "Sektor strategis lainnya"),
];

/// SPBE service (ARC-2).
pub(super) const LAYANAN: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis layanan",
        K::Choice(JENIS_LAYANAN),
        true,
        "Layanan administrasi pemerintahan (internal) atau layanan publik.",
    ),
    f(
        "sektor",
        "Sektor",
        K::Choice(SEKTOR),
        false,
        "Sektor layanan (000 Pasal 28(1)).",
    ),
    f(
        "url",
        "Alamat layanan",
        K::Url,
        false,
        "Alamat web tempat layanan diakses, bila ada.",
    ),
    f(
        "terhubung_splp",
        "Terhubung ke sistem penghubung layanan",
        K::Bool,
        false,
        "Apakah layanan sudah terintegrasi melalui sistem penghubung layanan (000 Pasal 22).",
    ),
];

/// Application kinds (Perpres 95/2018).
const JENIS_APLIKASI: &[(&str, &str)] = &[("umum", "Aplikasi Umum"), ("khusus", "Aplikasi Khusus")];

/// Function categories of 002 Pasal 19(3); the "dinas dan lembaga" function is split into
/// its four groups so the category says something.
pub(super) const KATEGORI_FUNGSI: &[(&str, &str)] = &[
    ("pelayanan", "Fungsi pelayanan"),
    (
        "administrasi_manajemen",
        "Fungsi administrasi dan manajemen",
    ),
    ("legislasi", "Fungsi legislasi"),
    ("pembangunan", "Fungsi pembangunan"),
    ("keuangan", "Fungsi keuangan"),
    ("kepegawaian", "Fungsi kepegawaian"),
    ("kepemerintahan", "Fungsi dinas dan lembaga: kepemerintahan"),
    ("kewilayahan", "Fungsi dinas dan lembaga: kewilayahan"),
    ("kemasyarakatan", "Fungsi dinas dan lembaga: kemasyarakatan"),
    (
        "sarana_prasarana",
        "Fungsi dinas dan lembaga: sarana dan prasarana",
    ),
];

/// Source model (001 Pasal 22).
pub(super) const SUMBER: &[(&str, &str)] = &[
    ("terbuka", "Kode sumber terbuka"),
    ("tertutup", "Kode sumber tertutup"),
];

/// Where an application runs (000 Pasal 12: own data centre, PDN, or a VPS from the Dinas).
const HOSTING: &[(&str, &str)] = &[
    ("pusat_data_daerah", "Pusat Data Pemerintah Daerah"),
    ("pdn", "Pusat Data Nasional"),
    ("vps_dinas", "VPS dari Dinas"),
    ("pihak_ketiga", "Layanan pihak ketiga"),
    ("lainnya", "Lainnya"),
];

/// Application (ARC-3). The owner PD is the record's PD; the operator may differ.
pub(super) const APLIKASI: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis aplikasi",
        K::Choice(JENIS_APLIKASI),
        true,
        "Aplikasi Umum (bagi pakai nasional) atau Aplikasi Khusus (dibangun daerah).",
    ),
    f(
        "pd_operator",
        "PD operator",
        K::PdRef,
        false,
        "PD yang mengoperasikan aplikasi, bila berbeda dari PD pemilik.",
    ),
    f(
        "kategori_fungsi",
        "Kategori fungsi",
        K::Choice(KATEGORI_FUNGSI),
        true,
        "Fungsi kepemerintahan yang dipenuhi aplikasi (002 Pasal 19(3)).",
    ),
    f(
        "sumber",
        "Kode sumber",
        K::Choice(SUMBER),
        true,
        "Terbuka atau tertutup; kode sumber tertutup memerlukan pertimbangan Menteri.",
    ),
    f(
        "pertimbangan_menteri",
        "Dokumen pertimbangan Menteri",
        K::Text { max: 200 },
        false,
        "Nomor surat pertimbangan Menteri; wajib untuk kode sumber tertutup (001 Pasal 22).",
    ),
    f(
        "hosting",
        "Lokasi hosting",
        K::Choice(HOSTING),
        false,
        "Tempat aplikasi dijalankan; server rinciannya dicatat sebagai relasi.",
    ),
    f(
        "url",
        "Alamat aplikasi",
        K::Url,
        false,
        "Alamat web aplikasi (http atau https).",
    ),
    f(
        "repositori",
        "Repositori kode sumber",
        K::Url,
        false,
        "Tautan ke repositori kode sumber (http atau https).",
    ),
    f(
        "tahun_pembuatan",
        "Tahun pembuatan",
        K::Year,
        false,
        "Tahun aplikasi mulai dibangun atau diadakan.",
    ),
];
