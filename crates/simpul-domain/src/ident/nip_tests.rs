use serde::de::IntoDeserializer;
use serde::de::value::{Error as DeError, StrDeserializer};
use time::macros::date;

use super::*;

const TODAY: Date = date!(2026 - 11 - 22);

fn codes(input: &str) -> Vec<&'static str> {
    Nip::parse(input, TODAY)
        .unwrap_err()
        .0
        .iter()
        .map(|m| m.kode)
        .collect()
}

#[test]
fn parses_the_example_in_any_spacing() {
    for input in [
        "19860926 201505 1 001",
        "198609262015051001",
        "19860926.201505.1.001",
        " 19860926-201505-1-001 ",
    ] {
        let nip = Nip::parse(input, TODAY).unwrap();
        assert_eq!(nip.as_str(), "198609262015051001");
        assert_eq!(nip.formatted(), "19860926 201505 1 001");
        assert_eq!(nip.to_string(), "198609262015051001");
        assert_eq!(nip.tanggal_lahir(), date!(1986 - 09 - 26));
        assert_eq!(nip.jenis_kelamin(), JenisKelamin::LakiLaki);
        assert_eq!(nip.jenis(), JenisPegawai::Pns);
        assert_eq!(nip.tmt_tahun(), 2015);
        assert_eq!(nip.tmt_bulan(), Some(Month::May));
        assert_eq!(nip.nomor_urut(), 1);
        assert!(nip.warnings().is_empty());
    }
}

#[test]
fn digits_13_14_above_12_mean_pppk() {
    let nip = Nip::parse("19900101 2022 21 2 015", TODAY).unwrap();
    assert_eq!(nip.jenis(), JenisPegawai::Pppk);
    assert_eq!(nip.jenis_kelamin(), JenisKelamin::Perempuan);
    assert_eq!(nip.tmt_tahun(), 2022);
    assert_eq!(nip.tmt_bulan(), None);
    assert_eq!(nip.nomor_urut(), 15);
    // A PPPK year in the future is still an error.
    assert_eq!(codes("19900101 2027 21 2 015"), ["nip_tmt_masa_depan"]);
}

#[test]
fn reports_each_error_code() {
    assert_eq!(codes(""), ["nip_kosong"]);
    assert_eq!(codes(" - . "), ["nip_kosong"]);
    assert_eq!(
        codes("19860926 201505 1 0O1"),
        ["nip_karakter", "nip_panjang"]
    );
    assert_eq!(codes("1986092620150510012"), ["nip_panjang"]);
    assert_eq!(codes("19860231 201505 1 001"), ["nip_tanggal_lahir"]);
    assert_eq!(codes("18860926 201505 1 001"), ["nip_tanggal_lahir"]);
    assert_eq!(codes("19860926 201500 1 001"), ["nip_tmt_bulan"]);
    assert!(Nip::parse("19860926 201512 1 001", TODAY).is_ok());
    assert_eq!(codes("19860926 201612 3 001"), ["nip_jenis_kelamin"]);
    assert_eq!(codes("19860926 201505 1 000"), ["nip_nomor_urut"]);
    assert_eq!(codes("19860926 202612 1 001"), ["nip_tmt_masa_depan"]);
    assert_eq!(codes("19860926 198512 1 001"), ["nip_tmt_sebelum_lahir"]);
    assert_eq!(
        codes("20270101 205001 1 001"),
        ["nip_tanggal_lahir_masa_depan", "nip_tmt_masa_depan"]
    );
    assert_eq!(
        codes("00000000 000000 0 000"),
        [
            "nip_tanggal_lahir",
            "nip_tmt_bulan",
            "nip_tmt_tahun",
            "nip_jenis_kelamin",
            "nip_nomor_urut",
        ]
    );
}

#[test]
fn warns_when_service_starts_before_eighteen() {
    let nip = Nip::parse("20000615 201805 1 001", TODAY).unwrap();
    let w: Vec<_> = nip.warnings().iter().map(|m| m.kode).collect();
    assert_eq!(w, ["nip_tmt_usia_muda"]);
    let tepat = Nip::parse("20000615 201806 1 001", TODAY).unwrap();
    assert!(tepat.warnings().is_empty());
    let pppk = Nip::parse("20000615 2017 20 1 001", TODAY).unwrap();
    assert_eq!(pppk.warnings()[0].kode, "nip_tmt_usia_muda");
}

#[test]
fn from_db_skips_the_checks_against_today() {
    let future = "198609262099011001";
    assert!(
        Nip::parse(future, TODAY)
            .unwrap_err()
            .has("nip_tmt_masa_depan")
    );
    assert_eq!(Nip::from_db(future).unwrap().as_str(), future);
    assert!(
        Nip::from_db("198609262015051000")
            .unwrap_err()
            .has("nip_nomor_urut")
    );
}

#[test]
fn deserializes_through_from_db() {
    let ok: StrDeserializer<'_, DeError> = "198609262015051001".into_deserializer();
    assert_eq!(
        Nip::deserialize(ok).unwrap().formatted(),
        "19860926 201505 1 001"
    );
    let bad: StrDeserializer<'_, DeError> = "1986".into_deserializer();
    assert!(Nip::deserialize(bad).is_err());
}
