//! `NewItem::parse`: shared columns, attributes against the specification, cross-field
//! rules, and every problem reported at once under its field key.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::collections::BTreeMap;

use simpul_domain::FieldProblems;
use simpul_domain::registry::spec::{FieldKind, fields};
use simpul_domain::registry::{ItemInput, Jenis, NewItem};

fn input(kode: &str, nama: &str, status: &str, atribut: &[(&str, &str)]) -> ItemInput {
    ItemInput {
        kode: kode.into(),
        nama: nama.into(),
        status: status.into(),
        atribut: atribut
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        ..ItemInput::default()
    }
}

fn codes(p: &FieldProblems, field: &str) -> Vec<&'static str> {
    p.0.get(field)
        .map(|ms| ms.iter().map(|m| m.kode).collect())
        .unwrap_or_default()
}

const APP_OK: &[(&str, &str)] = &[
    ("jenis", "Aplikasi Khusus"),
    ("kategori_fungsi", "pelayanan"),
    ("sumber", "terbuka"),
    ("url", "HTTPS://Sipp.Tanbukab.go.id/"),
];

#[test]
fn valid_application_is_canonical() {
    let it = NewItem::parse(
        Jenis::Aplikasi,
        &input(" app-0001 ", " SIPP ", "Produksi", APP_OK),
    )
    .unwrap();
    assert_eq!(it.kode, "APP-0001");
    assert_eq!(it.nama, "SIPP");
    assert_eq!(it.status.as_deref(), Some("produksi"));
    assert_eq!(it.deskripsi, None);
    assert_eq!(it.atribut["jenis"], "khusus");
    assert_eq!(it.atribut["url"], "https://sipp.tanbukab.go.id/");
    assert_eq!(it.atribut.len(), 4);
}

#[test]
fn reports_every_problem_by_field() {
    let mut bad = APP_OK.to_vec();
    bad.push(("warna", "merah"));
    bad.push(("tahun_pembuatan", "dua ribu"));
    bad.retain(|(k, _)| *k != "kategori_fungsi");
    let mut i = input("a", "", "hidup", &bad);
    i.deskripsi = "x".repeat(2001);
    let p = NewItem::parse(Jenis::Aplikasi, &i).unwrap_err();
    let keys: Vec<_> = p.0.keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "atribut.kategori_fungsi",
            "atribut.tahun_pembuatan",
            "atribut.warna",
            "deskripsi",
            "kode",
            "nama",
            "status"
        ]
    );
    assert_eq!(codes(&p, "atribut.warna"), ["atribut_tidak_dikenal"]);
    assert_eq!(codes(&p, "atribut.kategori_fungsi"), ["wajib_diisi"]);
    assert_eq!(codes(&p, "atribut.tahun_pembuatan"), ["tahun_tidak_valid"]);
    assert_eq!(codes(&p, "deskripsi"), ["terlalu_panjang"]);
    assert_eq!(codes(&p, "kode"), ["kode_panjang"]);
    assert_eq!(codes(&p, "nama"), ["wajib_diisi"]);
    assert_eq!(codes(&p, "status"), ["status_tidak_dikenal"]);
}

#[test]
fn kode_rules() {
    let parse =
        |k: &str| NewItem::parse(Jenis::Layanan, &input(k, "L", "", &[("jenis", "publik")]));
    assert_eq!(parse("lyn.dinkes_01").unwrap().kode, "LYN.DINKES_01");
    assert_eq!(codes(&parse("  ").unwrap_err(), "kode"), ["wajib_diisi"]);
    assert_eq!(
        codes(&parse("AB CD").unwrap_err(), "kode"),
        ["kode_karakter"]
    );
    assert_eq!(
        codes(&parse(&format!("{}!", "A".repeat(40))).unwrap_err(), "kode"),
        ["kode_panjang", "kode_karakter"]
    );
}

#[test]
fn closed_source_needs_ministerial_consideration() {
    let mut a = APP_OK.to_vec();
    a.retain(|(k, _)| *k != "sumber");
    a.push(("sumber", "Kode sumber tertutup"));
    let p = NewItem::parse(Jenis::Aplikasi, &input("APP-2", "X", "", &a)).unwrap_err();
    assert_eq!(
        codes(&p, "atribut.pertimbangan_menteri"),
        ["pertimbangan_menteri_wajib"]
    );
    a.push(("pertimbangan_menteri", "B/123/M.SM.01/2025"));
    let it = NewItem::parse(Jenis::Aplikasi, &input("APP-2", "X", "", &a)).unwrap();
    assert_eq!(it.atribut["sumber"], "tertutup");
}

#[test]
fn review_dates_and_sop_rules() {
    let pb = |last: &str, next: &str| {
        NewItem::parse(
            Jenis::ProsesBisnis,
            &input(
                "PB-1",
                "P",
                "aktif",
                &[
                    ("tanggal_review", last),
                    ("tanggal_review_berikutnya", next),
                ],
            ),
        )
    };
    let it = pb("17/08/2026", "17-02-2027").unwrap();
    assert_eq!(it.atribut["tanggal_review"], "2026-08-17");
    assert_eq!(it.atribut["tanggal_review_berikutnya"], "2027-02-17");
    let p = pb("2026-08-17", "2026-08-17").unwrap_err();
    assert_eq!(
        codes(&p, "atribut.tanggal_review_berikutnya"),
        ["review_berikutnya_terlalu_awal"]
    );

    let sop = |dimiliki: &str, nomor: &str| {
        NewItem::parse(
            Jenis::SopKeamanan,
            &input(
                "SOP-1",
                "S",
                "",
                &[
                    ("sop", "backup_data"),
                    ("dimiliki", dimiliki),
                    ("nomor_dokumen", nomor),
                ],
            ),
        )
    };
    assert_eq!(sop("1", "SOP/01/2026").unwrap().atribut["dimiliki"], "ya");
    assert_eq!(sop("tidak", "").unwrap().atribut["dimiliki"], "tidak");
    assert_eq!(
        codes(&sop("ya", "").unwrap_err(), "atribut.nomor_dokumen"),
        ["nomor_dokumen_wajib"]
    );
    assert_eq!(
        codes(&sop("", "").unwrap_err(), "atribut.dimiliki"),
        ["wajib_diisi"]
    );
}

#[test]
fn addresses_of_servers_and_subnets() {
    let srv = |ip: &str| {
        NewItem::parse(
            Jenis::Server,
            &input("SRV-1", "S", "", &[("jenis", "vps"), ("alamat_ip", ip)]),
        )
    };
    assert_eq!(
        srv(" 10.63.1.10 ").unwrap().atribut["alamat_ip"],
        "10.63.1.10"
    );
    assert_eq!(
        codes(&srv("10.63.1").unwrap_err(), "atribut.alamat_ip"),
        ["alamat_ip_tidak_valid"]
    );

    let net = |cidr: &str, gw: &str| {
        NewItem::parse(
            Jenis::Subnet,
            &input(
                "NET-1",
                "N",
                "",
                &[("cidr", cidr), ("gateway", gw), ("vlan", "20")],
            ),
        )
    };
    let it = net("10.63.1.0/24", "10.63.1.1").unwrap();
    assert_eq!(
        (it.atribut["cidr"].as_str(), it.atribut["vlan"].as_str()),
        ("10.63.1.0/24", "20")
    );
    assert_eq!(
        codes(
            &net("10.63.1.0/24", "10.63.2.1").unwrap_err(),
            "atribut.gateway"
        ),
        ["gateway_di_luar_subnet"]
    );
    assert_eq!(
        codes(&net("10.63.1.0/24", "x").unwrap_err(), "atribut.gateway"),
        ["alamat_ip_tidak_valid"]
    );
    assert_eq!(
        codes(&net("10.63.1.9/24", "").unwrap_err(), "atribut.cidr"),
        ["subnet_bit_host"]
    );
}

#[test]
fn domain_and_website() {
    let d = NewItem::parse(
        Jenis::NamaDomain,
        &input(
            "DOM-1",
            "Dinkes",
            "",
            &[("nama", "DinKes.TanbuKab.go.id"), ("jenis", "Subdomain PD")],
        ),
    )
    .unwrap();
    assert_eq!(d.atribut["nama"], "dinkes.tanbukab.go.id");
    assert_eq!(d.atribut["jenis"], "subdomain_pd");
    let p = NewItem::parse(
        Jenis::SitusWeb,
        &input("WEB-1", "W", "", &[("email_admin", "x")]),
    )
    .unwrap_err();
    assert_eq!(codes(&p, "atribut.url"), ["wajib_diisi"]);
    assert_eq!(codes(&p, "atribut.email_admin"), ["email_at"]);
}

/// A value that passes the check of each kind of field, to build a full valid record.
fn sample(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Text { .. } | FieldKind::LongText => "contoh",
        FieldKind::Choice(opts) => opts[0].0,
        FieldKind::Date => "2026-01-31",
        FieldKind::Year => "2024",
        FieldKind::Integer { .. } => "1",
        FieldKind::Url => "https://a.go.id",
        FieldKind::Email => "a@a.go.id",
        FieldKind::Bool => "tidak",
        FieldKind::Subnet => "10.0.0.0/24",
        FieldKind::DomainName => "a.go.id",
        FieldKind::PdRef => "0192f0c8-0000-7000-8000-000000000001",
    }
}

#[test]
fn every_kind_accepts_a_full_record_and_round_trips() {
    for j in Jenis::ALL {
        let atribut: BTreeMap<String, String> = fields(j)
            .iter()
            // Text fields holding addresses get addresses; the next review comes later.
            .map(|f| match f.name {
                "alamat_ip" | "gateway" => (f.name.to_owned(), "10.0.0.1".to_owned()),
                "tanggal_review_berikutnya" => (f.name.to_owned(), "2026-07-31".to_owned()),
                _ => (f.name.to_owned(), sample(f.kind).to_owned()),
            })
            .collect();
        let i = ItemInput {
            kode: "X-1".into(),
            nama: "Contoh".into(),
            atribut: atribut.clone(),
            ..ItemInput::default()
        };
        let it = NewItem::parse(j, &i).unwrap_or_else(|p| panic!("{j:?}: {p:?}"));
        assert_eq!(it.atribut, atribut, "{j:?}");
        let again = NewItem::parse(
            j,
            &ItemInput {
                atribut: it.atribut.clone(),
                ..i
            },
        )
        .unwrap();
        assert_eq!(again, it);
    }
}
