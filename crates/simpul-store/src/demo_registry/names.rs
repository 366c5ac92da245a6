//! Name pools for the demo registry: applications, datasets, services and business
//! processes of a regional government, by the role of the PD that owns them. `{pd}` in a
//! name stands for the PD's short name. Fictitious but typical; the national
//! applications (Aplikasi Umum) are the real shared ones.

use simpul_domain::org::JenisPd;

/// A table of pools by role.
type Pool<T> = &'static [(&'static str, &'static [T])];

/// Which pools fit a PD, from its kind and name.
pub(super) fn role(jenis: JenisPd, nama: &str) -> &'static str {
    const BY_NAME: &[(&str, &str)] = &[
        ("Sekretariat Daerah", "setda"),
        ("Dewan", "setwan"),
        ("Inspektorat", "inspektorat"),
        ("Perencanaan", "perencanaan"),
        ("Keuangan", "keuangan"),
        ("Kepegawaian", "kepegawaian"),
        ("Pendapatan", "pendapatan"),
        ("Puskesmas", "kesehatan"),
        ("Rumah Sakit", "rsud"),
        ("Kesehatan", "kesehatan"),
        ("Pendidikan", "pendidikan"),
        ("Komunikasi", "kominfo"),
        ("Kependudukan", "dukcapil"),
        ("Penanaman Modal", "perizinan"),
        ("Sosial", "sosial"),
        ("Perhubungan", "perhubungan"),
        ("Lingkungan Hidup", "lingkungan"),
        ("Pekerjaan Umum", "pu"),
        ("Perpustakaan", "arsip"),
        ("Bencana", "bpbd"),
    ];
    match jenis {
        JenisPd::Kecamatan => return "kecamatan",
        JenisPd::Kelurahan => return "kelurahan",
        _ => {}
    }
    BY_NAME
        .iter()
        .find(|(k, _)| nama.contains(k))
        .map_or("umum", |(_, r)| r)
}

/// National shared applications: (name, owner role, function category, URL).
pub(super) const APLIKASI_UMUM: &[(&str, &str, &str, &str)] = &[
    (
        "SRIKANDI (Sistem Informasi Kearsipan Dinamis Terintegrasi)",
        "arsip",
        "administrasi_manajemen",
        "https://srikandi.arsip.go.id",
    ),
    (
        "SIPD (Sistem Informasi Pemerintahan Daerah)",
        "keuangan",
        "keuangan",
        "https://sipd.kemendagri.go.id",
    ),
    (
        "SIPD RI Perencanaan",
        "perencanaan",
        "pembangunan",
        "https://sipd-ri.kemendagri.go.id",
    ),
    (
        "e-Kinerja BKN",
        "kepegawaian",
        "kepegawaian",
        "https://kinerja.bkn.go.id",
    ),
    (
        "SIASN (Sistem Informasi ASN)",
        "kepegawaian",
        "kepegawaian",
        "https://asn.bkn.go.id",
    ),
    (
        "SP4N-LAPOR!",
        "kominfo",
        "pelayanan",
        "https://www.lapor.go.id",
    ),
    (
        "OSS RBA (Online Single Submission)",
        "perizinan",
        "pelayanan",
        "https://oss.go.id",
    ),
    (
        "SIAK Terpusat",
        "dukcapil",
        "kepemerintahan",
        "https://siak.dukcapil.kemendagri.go.id",
    ),
    (
        "Dapodik",
        "pendidikan",
        "kemasyarakatan",
        "https://dapo.kemdikbud.go.id",
    ),
    (
        "SATUSEHAT",
        "kesehatan",
        "pelayanan",
        "https://satusehat.kemkes.go.id",
    ),
    (
        "SIKS-NG (Sistem Informasi Kesejahteraan Sosial)",
        "sosial",
        "kemasyarakatan",
        "https://siks.kemensos.go.id",
    ),
    (
        "SPSE (Sistem Pengadaan Secara Elektronik)",
        "setda",
        "administrasi_manajemen",
        "https://spse.inaproc.id",
    ),
    (
        "SiRUP (Sistem Informasi Rencana Umum Pengadaan)",
        "setda",
        "administrasi_manajemen",
        "https://sirup.inaproc.id",
    ),
    ("JDIH Nasional", "setda", "legislasi", "https://jdihn.go.id"),
    (
        "SIMBG (Sistem Informasi Manajemen Bangunan Gedung)",
        "pu",
        "sarana_prasarana",
        "https://simbg.pu.go.id",
    ),
    (
        "e-SAKIP",
        "perencanaan",
        "administrasi_manajemen",
        "https://esakip.menpan.go.id",
    ),
    (
        "SIPSN (Sistem Informasi Pengelolaan Sampah Nasional)",
        "lingkungan",
        "sarana_prasarana",
        "https://sipsn.menlhk.go.id",
    ),
    (
        "InaRISK",
        "bpbd",
        "kewilayahan",
        "https://inarisk.bnpb.go.id",
    ),
    (
        "Siskeudes (Sistem Keuangan Desa)",
        "umum",
        "keuangan",
        "https://siskeudes.bpkp.go.id",
    ),
    (
        "SIMDA BMD",
        "keuangan",
        "keuangan",
        "https://simda.bpkp.go.id",
    ),
    (
        "Portal Satu Data Indonesia",
        "kominfo",
        "pembangunan",
        "https://data.go.id",
    ),
    (
        "SIPP Online Pengawasan",
        "inspektorat",
        "administrasi_manajemen",
        "https://sipp.bpkp.go.id",
    ),
];

/// Regional applications by role: (name, function category).
pub(super) const APLIKASI_KHUSUS: &[(&str, &[(&str, &str)])] = &[
    (
        "kominfo",
        &[
            ("e-Office {pd}", "administrasi_manajemen"),
            ("Portal Satu Data {wilayah}", "pembangunan"),
            (
                "Aplikasi Tanda Tangan Elektronik (TTE)",
                "administrasi_manajemen",
            ),
            ("Sistem Monitoring Jaringan (NMS)", "sarana_prasarana"),
            ("Command Center {wilayah}", "kewilayahan"),
            ("PPID Online", "pelayanan"),
        ],
    ),
    (
        "kepegawaian",
        &[
            ("SIMPEG {wilayah}", "kepegawaian"),
            ("e-Kinerja Daerah", "kepegawaian"),
            ("Aplikasi Presensi ASN", "kepegawaian"),
            (
                "Sistem Informasi Layanan Kepegawaian (Kenaikan Pangkat Online)",
                "kepegawaian",
            ),
        ],
    ),
    (
        "keuangan",
        &[
            ("Aplikasi Penatausahaan Aset Daerah", "keuangan"),
            ("e-Budgeting Daerah", "keuangan"),
            ("Aplikasi Gaji dan TPP ASN", "keuangan"),
        ],
    ),
    (
        "pendapatan",
        &[
            (
                "e-PBB (Sistem Informasi Pajak Bumi dan Bangunan)",
                "keuangan",
            ),
            ("e-BPHTB", "keuangan"),
            ("Aplikasi Pajak Daerah Online (e-Tax)", "keuangan"),
            ("Aplikasi Retribusi Daerah", "keuangan"),
        ],
    ),
    (
        "perencanaan",
        &[
            ("e-Musrenbang", "pembangunan"),
            ("e-Monev Pembangunan", "pembangunan"),
            (
                "Sistem Informasi Pembangunan Daerah (SIPD Lokal)",
                "pembangunan",
            ),
        ],
    ),
    (
        "kesehatan",
        &[
            ("Sistem Informasi Puskesmas (SIMPUS)", "pelayanan"),
            ("Aplikasi Surveilans Penyakit", "kemasyarakatan"),
            ("e-PPGBM Gizi Balita", "kemasyarakatan"),
            ("Aplikasi Antrian Puskesmas", "pelayanan"),
        ],
    ),
    (
        "rsud",
        &[
            ("SIMRS {pd}", "pelayanan"),
            ("Aplikasi Pendaftaran Online {pd}", "pelayanan"),
            ("Rekam Medis Elektronik {pd}", "pelayanan"),
            ("Sistem Informasi Farmasi {pd}", "pelayanan"),
        ],
    ),
    (
        "pendidikan",
        &[
            ("PPDB Online", "pelayanan"),
            ("Sistem Informasi Manajemen Sekolah", "kemasyarakatan"),
            ("Aplikasi Beasiswa Daerah", "kemasyarakatan"),
        ],
    ),
    (
        "dukcapil",
        &[
            ("Aplikasi Layanan Adminduk Online", "pelayanan"),
            ("Anjungan Dukcapil Mandiri (ADM)", "pelayanan"),
            ("Aplikasi Antrian Dukcapil", "pelayanan"),
        ],
    ),
    (
        "perizinan",
        &[
            ("Aplikasi Perizinan Online (SiCantik)", "pelayanan"),
            ("Mal Pelayanan Publik Digital", "pelayanan"),
            ("Sistem Pengaduan Perizinan", "pelayanan"),
        ],
    ),
    (
        "sosial",
        &[
            (
                "Aplikasi Data Terpadu Kesejahteraan Sosial Daerah",
                "kemasyarakatan",
            ),
            ("Aplikasi Bantuan Sosial", "kemasyarakatan"),
        ],
    ),
    (
        "perhubungan",
        &[
            ("Aplikasi Uji KIR Online", "pelayanan"),
            ("Sistem Informasi Parkir", "sarana_prasarana"),
        ],
    ),
    (
        "lingkungan",
        &[
            ("Sistem Informasi Bank Sampah", "sarana_prasarana"),
            ("Aplikasi Perizinan Lingkungan (AMDAL)", "pelayanan"),
        ],
    ),
    (
        "pu",
        &[
            ("Sistem Informasi Jalan dan Jembatan", "sarana_prasarana"),
            ("Aplikasi Pengawasan Proyek Fisik", "sarana_prasarana"),
        ],
    ),
    (
        "arsip",
        &[
            ("Perpustakaan Digital {wilayah}", "kemasyarakatan"),
            (
                "Sistem Informasi Kearsipan Daerah",
                "administrasi_manajemen",
            ),
        ],
    ),
    (
        "bpbd",
        &[
            ("Sistem Peringatan Dini Bencana", "kewilayahan"),
            ("Aplikasi Kaji Cepat Bencana", "kewilayahan"),
        ],
    ),
    (
        "setda",
        &[
            ("JDIH {wilayah}", "legislasi"),
            ("Aplikasi Agenda Pimpinan", "administrasi_manajemen"),
            ("Website Resmi {wilayah}", "pelayanan"),
        ],
    ),
    (
        "setwan",
        &[
            ("e-Aspirasi DPRD", "legislasi"),
            ("Sistem Informasi Persidangan DPRD", "legislasi"),
        ],
    ),
    (
        "inspektorat",
        &[
            (
                "Aplikasi Pengawasan Internal (e-Audit)",
                "administrasi_manajemen",
            ),
            ("Whistleblowing System", "administrasi_manajemen"),
        ],
    ),
    (
        "kecamatan",
        &[
            ("Website {pd}", "kewilayahan"),
            ("Aplikasi PATEN {pd}", "pelayanan"),
        ],
    ),
    (
        "kelurahan",
        &[("Aplikasi Surat Keterangan {pd}", "pelayanan")],
    ),
    (
        "umum",
        &[("Sistem Informasi {pd}", "administrasi_manajemen")],
    ),
];

/// Fillers: `<prefix> <subject> {pd}`.
pub(super) const APP_PREFIX: &[&str] = &[
    "Sistem Informasi",
    "Aplikasi",
    "Portal",
    "Dashboard",
    "e-Layanan",
    "Modul",
];
pub(super) const APP_SUBJECT: &[(&str, &str)] = &[
    ("Persuratan", "administrasi_manajemen"),
    ("Inventaris Barang", "keuangan"),
    ("Pengaduan", "pelayanan"),
    ("Monitoring Kegiatan", "pembangunan"),
    ("Perjalanan Dinas", "administrasi_manajemen"),
    ("Kehadiran", "kepegawaian"),
    ("Pelaporan Kinerja", "administrasi_manajemen"),
    ("Statistik Sektoral", "pembangunan"),
    ("Antrian Layanan", "pelayanan"),
    ("Buku Tamu", "administrasi_manajemen"),
    ("Rapat Daring", "administrasi_manajemen"),
    ("Pengadaan", "keuangan"),
    ("Survei Kepuasan Masyarakat", "pelayanan"),
    ("Data Terpadu", "pembangunan"),
    ("Geospasial", "kewilayahan"),
    ("Arsip Digital", "administrasi_manajemen"),
    ("Evaluasi Program", "pembangunan"),
    ("Pendataan Lapangan", "kemasyarakatan"),
    ("Kendaraan Dinas", "sarana_prasarana"),
    ("Anggaran Kegiatan", "keuangan"),
];

/// Datasets by role.
pub(super) const DATA: &[(&str, &[&str])] = &[
    (
        "dukcapil",
        &[
            "Data Penduduk per Kecamatan",
            "Data Kepala Keluarga",
            "Data Kelahiran",
            "Data Kematian",
            "Data Perpindahan Penduduk",
            "Data Kepemilikan KTP-el",
            "Data Akta Kelahiran Anak",
            "Biodata Penduduk (NIK)",
        ],
    ),
    (
        "kesehatan",
        &[
            "Data Fasilitas Kesehatan",
            "Data Tenaga Kesehatan",
            "Data Kasus Stunting per Desa",
            "Data Imunisasi Dasar Lengkap",
            "Data Kunjungan Puskesmas",
            "Data Pasien Puskesmas",
            "Data Penyakit Menular",
        ],
    ),
    (
        "rsud",
        &[
            "Data Rekam Medis Pasien",
            "Data Kunjungan Rawat Jalan",
            "Data Rawat Inap",
            "Data Obat dan Perbekalan Farmasi",
            "Data Tempat Tidur",
        ],
    ),
    (
        "pendidikan",
        &[
            "Data Sekolah",
            "Data Guru",
            "Data Peserta Didik per Jenjang",
            "Data Sarana Prasarana Sekolah",
            "Data Penerima Beasiswa",
        ],
    ),
    (
        "sosial",
        &[
            "Data Terpadu Kesejahteraan Sosial (DTKS)",
            "Data Penerima Bantuan Sosial",
            "Data Penyandang Disabilitas",
            "Data Panti Sosial",
        ],
    ),
    (
        "keuangan",
        &[
            "Data Realisasi APBD",
            "Data Aset Tetap Daerah",
            "Data Gaji Pegawai",
            "Data Kas Daerah",
            "Data Barang Milik Daerah",
        ],
    ),
    (
        "pendapatan",
        &[
            "Data Wajib Pajak Daerah",
            "Data Objek PBB-P2",
            "Data Realisasi Pendapatan Asli Daerah",
            "Data Transaksi BPHTB",
        ],
    ),
    (
        "kepegawaian",
        &[
            "Data Pegawai ASN",
            "Data Jabatan dan Kepangkatan",
            "Data Diklat Pegawai",
            "Data Pensiun Pegawai",
        ],
    ),
    (
        "perencanaan",
        &[
            "Data Indikator Makro Pembangunan",
            "Data Usulan Musrenbang",
            "Dokumen RPJMD",
            "Data Capaian Kinerja Daerah",
        ],
    ),
    (
        "perizinan",
        &[
            "Data Izin Usaha Terbit",
            "Data Investasi per Sektor",
            "Data Pemohon Izin",
            "Data Persetujuan Bangunan Gedung",
        ],
    ),
    (
        "kominfo",
        &[
            "Data Titik Akses Internet Publik",
            "Data Aplikasi dan Domain",
            "Data Statistik Sektoral",
            "Data Pengaduan Masyarakat",
            "Kode Sumber Aplikasi e-Office",
        ],
    ),
    (
        "perhubungan",
        &[
            "Data Kendaraan Wajib Uji",
            "Data Terminal dan Halte",
            "Data Kecelakaan Lalu Lintas",
        ],
    ),
    (
        "lingkungan",
        &[
            "Data Timbulan Sampah",
            "Data Kualitas Air Sungai",
            "Data Ruang Terbuka Hijau",
        ],
    ),
    (
        "pu",
        &[
            "Data Jalan Kabupaten",
            "Data Jembatan",
            "Data Irigasi",
            "Data Rumah Tidak Layak Huni",
        ],
    ),
    (
        "arsip",
        &[
            "Data Koleksi Perpustakaan",
            "Data Arsip Statis",
            "Data Anggota Perpustakaan",
        ],
    ),
    (
        "bpbd",
        &[
            "Data Kejadian Bencana",
            "Data Kawasan Rawan Bencana",
            "Data Pengungsi",
        ],
    ),
    (
        "kecamatan",
        &[
            "Data Desa dan Kelurahan {pd}",
            "Data Layanan PATEN {pd}",
            "Data Potensi Wilayah {pd}",
        ],
    ),
    ("kelurahan", &["Data Penduduk {pd}", "Data RT dan RW {pd}"]),
];

/// Datasets every PD keeps.
pub(super) const DATA_UMUM: &[&str] = &[
    "Data Pegawai {pd}",
    "Data Aset {pd}",
    "Data Anggaran (DPA) {pd}",
    "Dokumen Renstra {pd}",
    "Laporan Kinerja (LKjIP) {pd}",
    "Arsip Surat Masuk dan Keluar {pd}",
    "Data Kegiatan {pd}",
    "Dokumen SOP {pd}",
    "Data Pengadaan {pd}",
    "Foto Dokumentasi Kegiatan {pd}",
    "Data Inventaris TIK {pd}",
    "Data Layanan Informasi Publik {pd}",
    "Dokumen Rencana Kerja {pd}",
    "Data Pengaduan {pd}",
];

/// Services by role: (name, `publik`/`administrasi`, sector).
pub(super) const LAYANAN: Pool<(&str, &str, &str)> = &[
    (
        "dukcapil",
        &[
            ("Penerbitan KTP-el", "publik", "pemerintahan"),
            ("Penerbitan Akta Kelahiran", "publik", "pemerintahan"),
            ("Penerbitan Kartu Keluarga", "publik", "pemerintahan"),
            ("Pindah Datang Penduduk", "publik", "pemerintahan"),
        ],
    ),
    (
        "perizinan",
        &[
            ("Perizinan Berusaha", "publik", "pekerjaan_usaha"),
            (
                "Persetujuan Bangunan Gedung (PBG)",
                "publik",
                "tempat_tinggal",
            ),
            ("Izin Praktik Tenaga Kesehatan", "publik", "kesehatan"),
        ],
    ),
    (
        "kesehatan",
        &[
            ("Pelayanan Kesehatan Puskesmas", "publik", "kesehatan"),
            ("Layanan Imunisasi", "publik", "kesehatan"),
            ("Pemantauan Gizi Balita", "publik", "kesehatan"),
        ],
    ),
    (
        "rsud",
        &[
            ("Pendaftaran Rawat Jalan Online", "publik", "kesehatan"),
            ("Pelayanan Rawat Inap", "publik", "kesehatan"),
            ("Pelayanan Gawat Darurat", "publik", "kesehatan"),
        ],
    ),
    (
        "pendidikan",
        &[
            (
                "Penerimaan Peserta Didik Baru (PPDB)",
                "publik",
                "pendidikan",
            ),
            ("Legalisasi Ijazah", "publik", "pendidikan"),
        ],
    ),
    (
        "sosial",
        &[
            ("Pendaftaran DTKS", "publik", "jaminan_sosial"),
            ("Penyaluran Bantuan Sosial", "publik", "jaminan_sosial"),
        ],
    ),
    (
        "pendapatan",
        &[
            ("Pembayaran PBB-P2", "publik", "pemerintahan"),
            ("Pelayanan BPHTB", "publik", "pemerintahan"),
            ("Pembayaran Pajak Daerah", "publik", "pemerintahan"),
        ],
    ),
    (
        "kominfo",
        &[
            (
                "Layanan Pengaduan Masyarakat",
                "publik",
                "komunikasi_informasi",
            ),
            (
                "Layanan Informasi Publik (PPID)",
                "publik",
                "komunikasi_informasi",
            ),
            (
                "Layanan Nama Domain dan Hosting",
                "administrasi",
                "pemerintahan",
            ),
            (
                "Layanan Jaringan Intra Pemerintah",
                "administrasi",
                "pemerintahan",
            ),
            (
                "Layanan Tanda Tangan Elektronik",
                "administrasi",
                "pemerintahan",
            ),
        ],
    ),
    (
        "kepegawaian",
        &[
            ("Layanan Kenaikan Pangkat", "administrasi", "pemerintahan"),
            ("Layanan Cuti ASN", "administrasi", "pemerintahan"),
            ("Penilaian Kinerja ASN", "administrasi", "pemerintahan"),
        ],
    ),
    (
        "keuangan",
        &[
            (
                "Penatausahaan Keuangan Daerah",
                "administrasi",
                "pemerintahan",
            ),
            (
                "Pengelolaan Barang Milik Daerah",
                "administrasi",
                "pemerintahan",
            ),
        ],
    ),
    (
        "perencanaan",
        &[
            (
                "Perencanaan Pembangunan Daerah",
                "administrasi",
                "pemerintahan",
            ),
            (
                "Monitoring dan Evaluasi Pembangunan",
                "administrasi",
                "pemerintahan",
            ),
        ],
    ),
    (
        "setda",
        &[
            (
                "Pengadaan Barang/Jasa Elektronik",
                "administrasi",
                "pemerintahan",
            ),
            (
                "Layanan Produk Hukum Daerah (JDIH)",
                "publik",
                "komunikasi_informasi",
            ),
            (
                "Persuratan Dinas Elektronik",
                "administrasi",
                "pemerintahan",
            ),
        ],
    ),
    (
        "setwan",
        &[("Penyampaian Aspirasi Masyarakat", "publik", "pemerintahan")],
    ),
    (
        "inspektorat",
        &[("Pengawasan Internal", "administrasi", "pemerintahan")],
    ),
    (
        "perhubungan",
        &[("Pengujian Kendaraan Bermotor", "publik", "perhubungan")],
    ),
    (
        "lingkungan",
        &[("Pengelolaan Sampah", "publik", "lingkungan_hidup")],
    ),
    ("arsip", &[("Layanan Perpustakaan", "publik", "pendidikan")]),
    ("bpbd", &[("Informasi Kebencanaan", "publik", "lainnya")]),
    (
        "kecamatan",
        &[(
            "Pelayanan Administrasi Terpadu {pd} (PATEN)",
            "publik",
            "pemerintahan",
        )],
    ),
];

/// Business processes by role.
pub(super) const PROSES: &[(&str, &[&str])] = &[
    (
        "perencanaan",
        &[
            "Penyusunan RKPD",
            "Penyusunan RPJMD",
            "Musyawarah Perencanaan Pembangunan",
        ],
    ),
    (
        "keuangan",
        &[
            "Penyusunan APBD",
            "Penatausahaan Keuangan",
            "Pengelolaan Aset Daerah",
        ],
    ),
    (
        "kepegawaian",
        &[
            "Manajemen Kinerja ASN",
            "Pengembangan Kompetensi ASN",
            "Mutasi dan Promosi Pegawai",
        ],
    ),
    ("dukcapil", &["Pendaftaran Penduduk", "Pencatatan Sipil"]),
    (
        "perizinan",
        &["Penerbitan Perizinan Berusaha", "Pengawasan Perizinan"],
    ),
    (
        "kesehatan",
        &[
            "Pelayanan Kesehatan Dasar",
            "Penanggulangan Stunting",
            "Surveilans Kesehatan",
        ],
    ),
    (
        "rsud",
        &["Pelayanan Rawat Jalan", "Pengelolaan Rekam Medis"],
    ),
    (
        "pendidikan",
        &["Penerimaan Peserta Didik", "Pengelolaan Data Pendidikan"],
    ),
    (
        "kominfo",
        &[
            "Pengelolaan Pengaduan Masyarakat",
            "Pengelolaan Data dan Statistik Sektoral",
            "Penyelenggaraan Infrastruktur SPBE",
            "Pengelolaan Keamanan Informasi",
        ],
    ),
    (
        "setda",
        &[
            "Pengadaan Barang dan Jasa",
            "Penyusunan Produk Hukum Daerah",
            "Tata Naskah Dinas",
        ],
    ),
    ("pendapatan", &["Pemungutan Pajak Daerah"]),
    ("sosial", &["Penyaluran Bantuan Sosial"]),
    ("inspektorat", &["Audit Internal"]),
    ("kecamatan", &["Pelayanan Administrasi Kecamatan"]),
];

/// Fillers for services and processes at large scale.
pub(super) const LAYANAN_UMUM: &[(&str, &str, &str)] = &[
    ("Layanan Informasi {pd}", "publik", "komunikasi_informasi"),
    ("Layanan Pengaduan {pd}", "publik", "komunikasi_informasi"),
    (
        "Layanan Administrasi Perkantoran {pd}",
        "administrasi",
        "pemerintahan",
    ),
    (
        "Layanan Rekomendasi Teknis {pd}",
        "publik",
        "pekerjaan_usaha",
    ),
    ("Layanan Data Sektoral {pd}", "administrasi", "pemerintahan"),
    ("Layanan Konsultasi {pd}", "publik", "lainnya"),
    (
        "Layanan Perencanaan dan Pelaporan {pd}",
        "administrasi",
        "pemerintahan",
    ),
    (
        "Layanan Kepegawaian Internal {pd}",
        "administrasi",
        "pemerintahan",
    ),
    (
        "Layanan Pengelolaan Aset {pd}",
        "administrasi",
        "pemerintahan",
    ),
    (
        "Layanan Publikasi Kegiatan {pd}",
        "publik",
        "komunikasi_informasi",
    ),
];
pub(super) const PROSES_UMUM: &[&str] = &[
    "Perencanaan Program {pd}",
    "Pengelolaan Keuangan {pd}",
    "Pelaporan Kinerja {pd}",
    "Pengelolaan Arsip {pd}",
    "Pengelolaan Aset {pd}",
    "Pelayanan Informasi {pd}",
    "Pengelolaan Kepegawaian {pd}",
    "Monitoring dan Evaluasi {pd}",
];

/// Fictitious website administrators.
pub(super) const ADMIN: &[&str] = &[
    "Rahmat Hidayat",
    "Siti Aminah",
    "Muhammad Rizky",
    "Nur Aisyah",
    "Ahmad Fauzan",
    "Dewi Lestari",
    "Budi Santoso",
    "Fitri Handayani",
    "Agus Salim",
    "Rina Marlina",
    "Hendra Gunawan",
    "Yuliana Sari",
];

/// The pool entries for `role` in `table`, or none.
pub(super) fn of<'a, T>(table: &'a [(&str, &'a [T])], role: &str) -> &'a [T] {
    table
        .iter()
        .find(|(r, _)| *r == role)
        .map_or(&[], |(_, xs)| xs)
}
