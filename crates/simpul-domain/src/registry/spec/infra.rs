//! Infrastructure (ARC-5): data centres, servers, networks, the IP plan, domain names and
//! PD websites.

use super::{FieldKind as K, FieldSpec, f};

/// Kinds of data centre (000 Pasal 12(4); DRC: 004 Pasal 21(1)(c)).
const JENIS_PUSAT_DATA: &[(&str, &str)] = &[
    ("milik_sendiri", "Pusat Data milik Pemerintah Daerah"),
    ("pdn", "Pusat Data Nasional (PDN)"),
    ("drc", "Disaster Recovery Center (DRC)"),
];

/// Data centre or DRC.
pub(super) const PUSAT_DATA: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis pusat data",
        K::Choice(JENIS_PUSAT_DATA),
        true,
        "Milik sendiri, Pusat Data Nasional, atau DRC (000 Pasal 12(4)).",
    ),
    f(
        "lokasi",
        "Lokasi",
        K::Text { max: 300 },
        false,
        "Alamat atau gedung tempat pusat data berada.",
    ),
    f(
        "pengelola",
        "Pengelola",
        K::Text { max: 200 },
        false,
        "Unit atau pihak yang mengelola pusat data.",
    ),
];

/// Physical server or a VPS from the Dinas (000 Pasal 12(7),(9)).
const JENIS_SERVER: &[(&str, &str)] = &[
    ("fisik", "Server fisik"),
    ("vps", "Virtual Private Server (VPS)"),
];

/// Server or VPS; its data centre is a `dihosting_di` relation.
pub(super) const SERVER: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis server",
        K::Choice(JENIS_SERVER),
        true,
        "Server fisik atau VPS (000 Pasal 12(7),(9)).",
    ),
    f(
        "alamat_ip",
        "Alamat IP",
        K::Text { max: 15 },
        false,
        "Alamat IPv4 server, misalnya 10.63.1.10.",
    ),
    f(
        "sistem_operasi",
        "Sistem operasi",
        K::Text { max: 100 },
        false,
        "Sistem operasi dan versinya.",
    ),
    f(
        "lokasi",
        "Lokasi penempatan",
        K::Text { max: 300 },
        false,
        "Ruang atau rak; server PD wajib ditempatkan di Pusat Data (000 Pasal 12(7)).",
    ),
];

/// Network link kinds (004 Pasal 21).
const JENIS_JARINGAN: &[(&str, &str)] = &[
    ("intra", "Jaringan intra pemerintah daerah"),
    ("internet", "Akses internet"),
    ("noc", "Network Operation Center (NOC)"),
];

/// Network link or the NOC.
pub(super) const JARINGAN: &[FieldSpec] = &[
    f(
        "jenis",
        "Jenis jaringan",
        K::Choice(JENIS_JARINGAN),
        true,
        "Jaringan intra, akses internet, atau NOC (004 Pasal 21).",
    ),
    f(
        "bandwidth_mbps",
        "Bandwidth (Mbps)",
        K::Integer {
            min: 0,
            max: 1_000_000,
        },
        false,
        "Kapasitas tautan dalam megabit per detik.",
    ),
    f(
        "penyedia",
        "Penyedia",
        K::Text { max: 200 },
        false,
        "Penyedia jasa atau pemilik tautan.",
    ),
];

/// Subnet of the IP plan (000 Pasal 19); the PD using it is the record's PD.
pub(super) const SUBNET: &[FieldSpec] = &[
    f(
        "cidr",
        "Subnet (CIDR)",
        K::Subnet,
        true,
        "Alamat jaringan IPv4 dengan prefiks, misalnya 10.63.1.0/24; tidak boleh tumpang tindih (000 Pasal 19).",
    ),
    f(
        "vlan",
        "VLAN",
        K::Integer { min: 1, max: 4094 },
        false,
        "Nomor VLAN, 1 sampai 4094.",
    ),
    f(
        "gateway",
        "Gateway",
        K::Text { max: 15 },
        false,
        "Alamat IPv4 gateway di dalam subnet ini.",
    ),
];

/// What a domain name is for (000 Pasal 21).
const JENIS_DOMAIN: &[(&str, &str)] = &[
    ("domain_utama", "Domain utama pemerintah daerah"),
    ("subdomain_pd", "Subdomain PD"),
    ("email_resmi", "Domain e-mail resmi"),
];

/// Domain or subdomain name.
pub(super) const NAMA_DOMAIN: &[FieldSpec] = &[
    f(
        "nama",
        "Nama domain",
        K::DomainName,
        true,
        "Misalnya dinkes.tanbukab.go.id; subdomain PD harus berada di bawah domain daerah (000 Pasal 21).",
    ),
    f(
        "jenis",
        "Jenis domain",
        K::Choice(JENIS_DOMAIN),
        true,
        "Domain utama, subdomain PD, atau domain e-mail resmi (000 Pasal 21).",
    ),
];

/// PD website and its administrator (002 Pasal 27).
pub(super) const SITUS_WEB: &[FieldSpec] = &[
    f(
        "url",
        "Alamat situs",
        K::Url,
        true,
        "Alamat situs web PD (http atau https).",
    ),
    f(
        "administrator_nama",
        "Nama administrator",
        K::Text { max: 200 },
        false,
        "Pegawai yang ditunjuk sebagai administrator situs (002 Pasal 27).",
    ),
    f(
        "administrator_nip",
        "NIP administrator",
        K::Text { max: 30 },
        false,
        "NIP administrator situs.",
    ),
    f(
        "email_admin",
        "E-mail administrator",
        K::Email,
        false,
        "Alamat e-mail resmi administrator.",
    ),
];
