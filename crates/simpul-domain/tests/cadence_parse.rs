//! The cadence text form: the forms regulation profiles write, the synonyms copied from
//! articles, errors with stable codes, and the canonical form round-tripping.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use proptest::prelude::*;
use simpul_domain::compliance::{Cadence, Jangka, Jumlah, Satuan};
use time::macros::date;
use time::{Date, Duration};

fn parse(s: &str) -> Cadence {
    Cadence::parse(s).unwrap_or_else(|e| panic!("{s:?} did not parse: {e}"))
}

fn codes(s: &str) -> Vec<&'static str> {
    Cadence::parse(s)
        .unwrap_err()
        .0
        .iter()
        .map(|m| m.kode)
        .collect()
}

fn jangka(n: u16, satuan: Satuan) -> Jangka {
    Jangka {
        jumlah: Jumlah::new(n).unwrap(),
        satuan,
    }
}

#[test]
fn each_form_of_the_seed_regulations() {
    // 000 Pasal 40(1), 001 Pasal 43(1), 003 Pasal 31(1): audit infrastruktur.
    assert_eq!(
        parse("setiap 2 tahun"),
        Cadence::Setiap(jangka(2, Satuan::Tahun))
    );
    assert_eq!(
        parse("setiap 12 bulan"),
        Cadence::Setiap(jangka(12, Satuan::Bulan))
    );
    // 000 Pasal 41(3), 000 Pasal 20(1), 004 Pasal 36(3).
    assert_eq!(parse("tahunan"), Cadence::TAHUNAN);
    // 003 Pasal 9(11): proses bisnis direview minimal 2 kali dalam setahun.
    assert_eq!(
        parse("minimal 2 kali setahun"),
        Cadence::KaliSetahun(Jumlah::new(2).unwrap())
    );
    // 001 Pasal 10(1), 13; 003 Pasal 7(4), 17(5); 004 Pasal 7(5), 8(4).
    assert_eq!(
        parse("paruh waktu dan tahun terakhir"),
        Cadence::ParuhDanAkhir
    );
    // 001 Pasal 55: 2 years from the Peraturan Wali Kota of 17 Juni 2022.
    assert_eq!(
        parse("dalam 2 tahun sejak 2022-06-17"),
        Cadence::Dalam {
            jangka: jangka(2, Satuan::Tahun),
            sejak: Some(date!(2022 - 06 - 17)),
        }
    );
    assert_eq!(
        parse("dalam 90 hari"),
        Cadence::Dalam {
            jangka: jangka(90, Satuan::Hari),
            sejak: None,
        }
    );
    // 000 Pasal 20(2).
    let lan = parse("saat peristiwa: perubahan LAN");
    assert_eq!(lan.peristiwa().unwrap().as_str(), "perubahan LAN");
    assert_eq!(lan.to_string(), "saat peristiwa: perubahan LAN");
    let grace = parse("dalam 30 hari setelah peristiwa: perubahan LAN");
    assert_eq!(
        grace.to_string(),
        "dalam 30 hari setelah peristiwa: perubahan LAN"
    );
}

#[test]
fn synonyms_copied_from_articles_read_as_the_canonical_form() {
    let cases = [
        ("paling sedikit 1 (satu) kali dalam setahun", "tahunan"),
        ("minimal 1 kali setahun", "tahunan"),
        ("Minimal 1 kali dalam 1 (satu) tahun", "tahunan"),
        (
            "minimal 2 (dua) kali dalam setahun",
            "minimal 2 kali setahun",
        ),
        ("SETIAP  2 (dua)\ttahun", "setiap 2 tahun"),
        ("tengah dan akhir periode", "paruh waktu dan tahun terakhir"),
        (
            "paling lama 2 (dua) tahun sejak 2022-06-17",
            "dalam 2 tahun sejak 2022-06-17",
        ),
        ("paling lambat 1 (satu) tahun", "dalam 1 tahun"),
        (
            "maksimal 1 (satu) tahun sejak 2021-07-01",
            "dalam 1 tahun sejak 2021-07-01",
        ),
        (
            "Saat Peristiwa:   perubahan   LAN ",
            "saat peristiwa: perubahan LAN",
        ),
    ];
    for (input, canonical) in cases {
        assert_eq!(parse(input).to_string(), canonical, "input {input:?}");
    }
}

#[test]
fn errors_have_codes_and_name_every_problem() {
    assert_eq!(codes("   "), ["jadwal_kosong"]);
    assert_eq!(codes("kadang-kadang"), ["jadwal_tidak_dikenal"]);
    assert_eq!(codes("setiap 0 minggu"), ["jadwal_angka", "jadwal_satuan"]);
    assert_eq!(codes("setiap 1000 hari"), ["jadwal_angka"]);
    assert_eq!(codes("setiap dua tahun"), ["jadwal_angka"]);
    assert_eq!(
        codes("dalam 0 tahun sejak 2023-02-29"),
        ["jadwal_angka", "jadwal_tanggal"]
    );
    assert_eq!(codes("dalam 1 tahun sejak 12-05-2022"), ["jadwal_tanggal"]);
    assert_eq!(
        codes("dalam 0 pekan setelah peristiwa:   "),
        ["jadwal_angka", "jadwal_satuan", "jadwal_peristiwa_kosong"]
    );
    assert_eq!(
        codes(&format!("saat peristiwa: {}", "x".repeat(101))),
        ["jadwal_peristiwa_panjang"]
    );
    assert_eq!(
        codes("saat peristiwa: a\u{0}b"),
        ["jadwal_peristiwa_karakter"]
    );
    assert_eq!(
        codes("sebelum peristiwa: perubahan LAN"),
        ["jadwal_tidak_dikenal"]
    );
    // The rolling-or-calendar choice is the profile author's, never the parser's.
    assert_eq!(
        codes("paling sedikit 1 (satu) kali dalam 2 (dua) tahun"),
        ["jadwal_kali_dalam_jangka"]
    );
    let e = Cadence::parse("setiap 0 minggu").unwrap_err();
    assert!(e.to_string().contains("hari, bulan atau tahun"), "{e}");
}

#[test]
fn serde_reads_the_text_form_and_reports_problems_in_bahasa_indonesia() {
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error, StrDeserializer};

    let de: StrDeserializer<'_, Error> =
        "paling sedikit 2 (dua) kali dalam setahun".into_deserializer();
    assert_eq!(
        Cadence::deserialize(de).unwrap(),
        parse("minimal 2 kali setahun")
    );
    let de: StrDeserializer<'_, Error> = "setiap 0 minggu".into_deserializer();
    let e = Cadence::deserialize(de).unwrap_err().to_string();
    assert!(
        e.contains("Angka pada jadwal") && e.contains("Satuan waktu"),
        "{e}"
    );
}

fn any_jangka() -> impl Strategy<Value = Jangka> {
    (
        1u16..=999,
        prop_oneof![Just(Satuan::Hari), Just(Satuan::Bulan), Just(Satuan::Tahun)],
    )
        .prop_map(|(n, satuan)| jangka(n, satuan))
}

fn any_date() -> impl Strategy<Value = Date> {
    let from = date!(0000 - 01 - 01);
    (0..=(date!(9999 - 12 - 31) - from).whole_days()).prop_map(move |d| from + Duration::days(d))
}

/// Event names as the parser stores them: no control characters, single inner spaces.
fn any_nama() -> impl Strategy<Value = String> {
    "[A-Za-z0-9:()éÉ/.-]{1,20}( [A-Za-z0-9:()éÉ/.-]{1,20}){0,3}"
}

/// Words of the grammar in random order, so that some inputs almost parse.
fn near_miss() -> impl Strategy<Value = String> {
    let vocab = [
        "setiap",
        "minimal",
        "paling",
        "sedikit",
        "lambat",
        "kali",
        "setahun",
        "dalam",
        "tahun",
        "bulan",
        "hari",
        "sejak",
        "tahunan",
        "paruh",
        "waktu",
        "dan",
        "terakhir",
        "saat",
        "peristiwa:",
        "setelah",
        "0",
        "1",
        "2",
        "999",
        "1000",
        "(dua)",
        "(",
        ")",
        "2024-02-29",
        "2023-02-29",
        "LAN",
    ];
    proptest::collection::vec(proptest::sample::select(vocab.to_vec()), 0..8)
        .prop_map(|w| w.join(" "))
}

fn any_cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![
        any_jangka().prop_map(Cadence::Setiap),
        (1u16..=999).prop_map(|n| Cadence::KaliSetahun(Jumlah::new(n).unwrap())),
        Just(Cadence::ParuhDanAkhir),
        (any_jangka(), proptest::option::of(any_date()))
            .prop_map(|(jangka, sejak)| Cadence::Dalam { jangka, sejak }),
        (any_nama(), proptest::option::of(any_jangka())).prop_map(|(nama, tenggang)| {
            let text = match tenggang {
                None => format!("saat peristiwa: {nama}"),
                Some(j) => format!("dalam {j} setelah peristiwa: {nama}"),
            };
            parse(&text)
        }),
    ]
}

proptest! {
    #[test]
    fn display_parses_back_to_the_same_cadence(c in any_cadence()) {
        let text = c.to_string();
        prop_assert_eq!(Cadence::parse(&text), Ok(c), "text {:?}", text);
    }

    #[test]
    fn parse_never_panics_and_errors_are_never_empty(s in prop_oneof!["\\PC{0,60}", near_miss()]) {
        match Cadence::parse(&s) {
            Ok(c) => prop_assert_eq!(Cadence::parse(&c.to_string()), Ok(c)),
            Err(e) => prop_assert!(!e.0.is_empty()),
        }
    }

    #[test]
    fn keyword_case_and_spacing_do_not_matter(c in any_cadence(), upper in any::<bool>()) {
        let text = c.to_string();
        // Event names keep their case, so only the part before them is shouted.
        let (head, tail) = match text.split_once("peristiwa:") {
            Some((h, t)) => (format!("{h}peristiwa:"), t.to_owned()),
            None => (text.clone(), String::new()),
        };
        let head = if upper { head.to_uppercase() } else { head };
        let noisy = format!("  {}  {tail}\t", head.replace(' ', " \t "));
        prop_assert_eq!(Cadence::parse(&noisy), Ok(c), "text {:?}", noisy);
    }
}
