//! Attribute values: canonical forms of every field kind and every error code.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use simpul_domain::registry::spec::{FieldKind, FieldSpec, LONG_TEXT_MAX};
use simpul_domain::registry::value::{canonical, parse_value};

fn code(kind: FieldKind, t: &str) -> &'static str {
    canonical(kind, t).unwrap_err().0[0].kode
}

const OPTS: &[(&str, &str)] = &[
    ("berkas_digital", "Berkas digital"),
    ("publik", "Informasi publik"),
];

#[test]
fn canonical_forms() {
    let c = |k, t| canonical(k, t).unwrap();
    assert_eq!(c(FieldKind::Date, "2026-8-17"), "2026-08-17");
    assert_eq!(c(FieldKind::Date, "17-08-2026"), "2026-08-17");
    assert_eq!(c(FieldKind::Date, "17/8/2026"), "2026-08-17");
    assert_eq!(c(FieldKind::Bool, "TRUE"), "ya");
    assert_eq!(c(FieldKind::Bool, "0"), "tidak");
    assert_eq!(
        c(FieldKind::Choice(OPTS), "Berkas Digital"),
        "berkas_digital"
    );
    assert_eq!(
        c(FieldKind::Choice(OPTS), "berkas-digital"),
        "berkas_digital"
    );
    assert_eq!(c(FieldKind::Choice(OPTS), "informasi PUBLIK"), "publik");
    assert_eq!(
        c(
            FieldKind::Integer {
                min: 0,
                max: 100_000
            },
            "10.000"
        ),
        "10000"
    );
    assert_eq!(c(FieldKind::Integer { min: -5, max: 5 }, "-5"), "-5");
    assert_eq!(c(FieldKind::Year, "2024"), "2024");
    assert_eq!(
        c(FieldKind::Url, "HTTPS://Dinkes.Go.ID:8443/Path?q=A"),
        "https://dinkes.go.id:8443/Path?q=A"
    );
    assert_eq!(c(FieldKind::Url, "http://10.63.1.10"), "http://10.63.1.10");
    assert_eq!(c(FieldKind::Subnet, "10.0.0.0/8"), "10.0.0.0/8");
    assert_eq!(c(FieldKind::DomainName, "A.Go.Id"), "a.go.id");
    assert_eq!(
        c(FieldKind::Email, "Admin@Tanbukab.GO.ID"),
        "Admin@tanbukab.go.id"
    );
    let u = "0192F0C8-0000-7000-8000-000000000001";
    assert_eq!(c(FieldKind::PdRef, u), u.to_lowercase());
    assert_eq!(c(FieldKind::Text { max: 5 }, "abc"), "abc");
}

#[test]
fn every_error_code() {
    assert_eq!(code(FieldKind::Text { max: 2 }, "abc"), "terlalu_panjang");
    assert_eq!(
        code(FieldKind::LongText, &"x".repeat(LONG_TEXT_MAX + 1)),
        "terlalu_panjang"
    );
    assert_eq!(
        code(FieldKind::Choice(OPTS), "lain"),
        "pilihan_tidak_dikenal"
    );
    for bad in [
        "2026-02-30",
        "2026/08/17",
        "17-08-26",
        "x-y-z",
        "2026-08",
        "+17-08-2026",
    ] {
        assert_eq!(code(FieldKind::Date, bad), "tanggal_tidak_valid", "{bad}");
    }
    assert_eq!(code(FieldKind::Year, "26"), "tahun_tidak_valid");
    assert_eq!(code(FieldKind::Year, "1800"), "tahun_tidak_valid");
    assert_eq!(
        code(FieldKind::Integer { min: 0, max: 9 }, "satu"),
        "bilangan_tidak_valid"
    );
    assert_eq!(
        code(FieldKind::Integer { min: 0, max: 9 }, "10"),
        "bilangan_di_luar_rentang"
    );
    assert_eq!(code(FieldKind::Url, "ftp://a.go.id"), "url_skema");
    assert_eq!(code(FieldKind::Url, "https://"), "url_tidak_valid");
    assert_eq!(code(FieldKind::Url, "https://a b.go.id"), "url_tidak_valid");
    assert_eq!(
        code(FieldKind::Url, "https://a.go.id:99999"),
        "url_tidak_valid"
    );
    assert_eq!(code(FieldKind::Url, "https://u@a.go.id"), "url_tidak_valid");
    assert_eq!(code(FieldKind::Bool, "mungkin"), "ya_tidak_tidak_valid");
    assert_eq!(code(FieldKind::PdRef, "dinkes"), "pd_tidak_valid");
    assert_eq!(code(FieldKind::Email, "bukan-email"), "email_at");
    assert_eq!(code(FieldKind::Subnet, "10.0.0.1/8"), "subnet_bit_host");
    assert_eq!(
        code(FieldKind::DomainName, "localhost"),
        "domain_satu_label"
    );
}

#[test]
fn empty_values() {
    let spec = |required| FieldSpec {
        name: "x",
        label: "X",
        kind: FieldKind::Date,
        required,
        help: "h",
        sia: None,
    };
    assert_eq!(parse_value(&spec(false), "  ").unwrap(), None);
    assert_eq!(
        parse_value(&spec(true), "").unwrap_err().0[0].kode,
        "wajib_diisi"
    );
    assert_eq!(
        parse_value(&spec(true), " 2026-01-02 ").unwrap().as_deref(),
        Some("2026-01-02")
    );
}
