use super::*;
use serde::de::IntoDeserializer;
use serde::de::value::{Error as DeError, StrDeserializer};

fn codes(input: &str) -> Vec<&'static str> {
    KodeWilayah::parse(input)
        .unwrap_err()
        .0
        .iter()
        .map(|m| m.kode)
        .collect()
}

#[test]
fn parses_every_level_with_or_without_dots() {
    for (input, dotted, tingkat) in [
        ("15", "15", TingkatWilayah::Provinsi),
        ("6310", "63.10", TingkatWilayah::KabupatenKota),
        (" 63.10 ", "63.10", TingkatWilayah::KabupatenKota),
        ("630101", "63.01.01", TingkatWilayah::Kecamatan),
        (
            "32.01.01.1001",
            "32.01.01.1001",
            TingkatWilayah::DesaKelurahan,
        ),
        ("3201012001", "32.01.01.2001", TingkatWilayah::DesaKelurahan),
    ] {
        let k = KodeWilayah::parse(input).unwrap();
        assert_eq!(k.as_str(), dotted, "{input}");
        assert_eq!(k.tingkat(), tingkat, "{input}");
    }
}

#[test]
fn parents_and_kinds() {
    let desa = KodeWilayah::parse("32.01.01.2001").unwrap();
    assert_eq!(desa.jenis_desa(), Some(JenisDesa::Desa));
    let kec = desa.parent().unwrap();
    assert_eq!(kec.as_str(), "32.01.01");
    let kab = kec.parent().unwrap();
    assert_eq!(kab.jenis_daerah(), Some(JenisDaerah::Kabupaten));
    assert_eq!(kab.parent().unwrap().as_str(), "32");
    assert_eq!(kab.parent().unwrap().parent(), None);
    assert_eq!(desa.provinsi().as_str(), "32");
    assert_eq!(desa.at(TingkatWilayah::KabupatenKota), Some(kab.clone()));
    assert_eq!(kab.at(TingkatWilayah::Kecamatan), None);
    assert!(kab.contains(&desa));
    assert!(!desa.contains(&kab));
    assert!(
        !KodeWilayah::parse("32")
            .unwrap()
            .contains(&KodeWilayah::parse("32").unwrap())
    );
    let kota = KodeWilayah::parse("75.71").unwrap();
    assert_eq!(kota.jenis_daerah(), Some(JenisDaerah::Kota));
    assert_eq!(kota.provinsi().jenis_daerah(), None);
    let kel = KodeWilayah::parse("7571011001").unwrap();
    assert_eq!(kel.jenis_desa(), Some(JenisDesa::Kelurahan));
    assert_eq!(kel.digits(), "7571011001");
    let adat = KodeWilayah::parse("91.03.01.3007").unwrap();
    assert_eq!(adat.jenis_desa(), Some(JenisDesa::DesaAdat));
    assert_eq!(KodeWilayah::from_checked_digits("6310").as_str(), "63.10");
}

#[test]
fn reports_each_error_code() {
    assert_eq!(codes("  "), ["kode_wilayah_kosong"]);
    assert_eq!(codes("63-10"), ["kode_wilayah_karakter"]);
    assert_eq!(codes("631"), ["kode_wilayah_format"]);
    assert_eq!(codes("63.1"), ["kode_wilayah_format"]);
    assert_eq!(codes("63..10"), ["kode_wilayah_format"]);
    assert_eq!(codes("63.10.01.001"), ["kode_wilayah_format"]);
    assert_eq!(codes("00"), ["kode_wilayah_provinsi"]);
    assert_eq!(codes("63.70"), ["kode_wilayah_kabupaten"]);
    assert_eq!(codes("63.00"), ["kode_wilayah_kabupaten"]);
    assert_eq!(codes("63.10.00"), ["kode_wilayah_kecamatan"]);
    assert_eq!(codes("63.10.01.4001"), ["kode_wilayah_desa"]);
    assert_eq!(codes("63.10.01.2000"), ["kode_wilayah_desa"]);
    // Every problem, not only the first.
    assert_eq!(
        codes("05.00.00.0000"),
        [
            "kode_wilayah_provinsi",
            "kode_wilayah_kabupaten",
            "kode_wilayah_kecamatan",
            "kode_wilayah_desa"
        ]
    );
}

#[test]
fn deserializes_through_parse() {
    let ok: StrDeserializer<'_, DeError> = "6310".into_deserializer();
    assert_eq!(KodeWilayah::deserialize(ok).unwrap().as_str(), "63.10");
    let bad: StrDeserializer<'_, DeError> = "63.70".into_deserializer();
    assert!(KodeWilayah::deserialize(bad).is_err());
}
