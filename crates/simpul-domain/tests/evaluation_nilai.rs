//! Reading an indicator's value from a form or the API: levels for self-assessed
//! indicators, two-decimal published values for external ones, with stable codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use simpul_domain::evaluation::{Level, Model, Nilai, NilaiEksternal, shipped_models};

fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| shipped_models().unwrap())
}

fn spbe() -> &'static Model {
    &models()[0]
}

fn pemdi() -> &'static Model {
    &models()[1]
}

fn kode(m: &Model, nomor: u32, s: &str) -> Result<Nilai, Vec<&'static str>> {
    Nilai::parse(m, nomor, s).map_err(|e| e.0.iter().map(|x| x.kode).collect())
}

fn lv(n: u8) -> Nilai {
    Nilai::Level(Level::new(n).unwrap())
}

fn eks(r: u32) -> Nilai {
    Nilai::Eksternal(NilaiEksternal::new(r).unwrap())
}

#[test]
fn self_assessed_indicators_take_whole_levels() {
    let m = spbe();
    assert_eq!(kode(m, 3, "3"), Ok(lv(3)));
    assert_eq!(kode(m, 47, " 5 "), Ok(lv(5)));
    assert_eq!(kode(m, 3, "3,00"), Ok(lv(3)));
    assert_eq!(kode(m, 3, "0"), Err(vec!["level_di_luar_rentang"]));
    assert_eq!(kode(m, 3, "6"), Err(vec!["level_di_luar_rentang"]));
    assert_eq!(
        kode(m, 3, "3,5"),
        Err(vec!["nilai_desimal_bukan_eksternal"])
    );
    assert_eq!(
        kode(m, 3, "3.25"),
        Err(vec!["nilai_desimal_bukan_eksternal"])
    );
    assert_eq!(
        kode(m, 3, "3,255"),
        Err(vec!["nilai_desimal_bukan_eksternal"])
    );
    assert_eq!(
        kode(m, 3, "6,5"),
        Err(vec![
            "nilai_desimal_bukan_eksternal",
            "level_di_luar_rentang"
        ])
    );
    assert_eq!(kode(m, 3, ""), Err(vec!["nilai_kosong"]));
    assert_eq!(kode(m, 3, "tiga"), Err(vec!["nilai_bukan_angka"]));
    assert_eq!(kode(m, 3, "-2"), Err(vec!["nilai_bukan_angka"]));
    assert_eq!(
        kode(m, 3, "99999999999"),
        Err(vec!["level_di_luar_rentang"])
    );
}

#[test]
fn unknown_indicators_are_named() {
    assert_eq!(kode(spbe(), 48, "3"), Err(vec!["indikator_tidak_dikenal"]));
    assert_eq!(kode(spbe(), 0, "3"), Err(vec!["indikator_tidak_dikenal"]));
    assert_eq!(kode(pemdi(), 21, "3"), Err(vec!["indikator_tidak_dikenal"]));
    let e = Nilai::parse(spbe(), 48, "3").unwrap_err();
    assert!(e.0[0].pesan.contains("48"), "{}", e.0[0].pesan);
}

#[test]
fn external_indicators_take_published_values() {
    let m = pemdi();
    for n in [5, 6, 7, 10] {
        assert_eq!(kode(m, n, "3,45"), Ok(eks(345)));
    }
    assert_eq!(kode(m, 10, "3.4"), Ok(eks(340)));
    assert_eq!(kode(m, 10, "3"), Ok(eks(300)));
    assert_eq!(kode(m, 10, "1"), Ok(eks(100)));
    assert_eq!(kode(m, 10, "5,00"), Ok(eks(500)));
    assert_eq!(kode(m, 10, "0,99"), Err(vec!["nilai_di_luar_rentang"]));
    assert_eq!(kode(m, 10, "5,01"), Err(vec!["nilai_di_luar_rentang"]));
    assert_eq!(kode(m, 10, "3,456"), Err(vec!["lebih_dua_desimal"]));
    assert_eq!(
        kode(m, 10, "99999999999"),
        Err(vec!["nilai_di_luar_rentang"])
    );
    // Indicator 1 of pemdi-2026 is self-assessed.
    assert_eq!(
        kode(m, 1, "3,45"),
        Err(vec!["nilai_desimal_bukan_eksternal"])
    );
}

#[test]
fn forms_and_checks() {
    assert_eq!(eks(345).to_string(), "3,45");
    assert_eq!(eks(345).desimal(), "3.45");
    assert_eq!(lv(4).to_string(), "4");
    assert_eq!(lv(4).desimal(), "4");
    assert_eq!(lv(4).ratusan(), 400);
    assert_eq!(eks(345).level(), None);
    assert!(NilaiEksternal::new(99).is_none() && NilaiEksternal::new(501).is_none());
    // A value read back from storage is checked against the model too.
    assert!(eks(345).periksa(pemdi(), 5).is_ok());
    assert!(
        eks(345)
            .periksa(pemdi(), 1)
            .unwrap_err()
            .has("nilai_desimal_bukan_eksternal")
    );
    assert!(eks(300).periksa(pemdi(), 1).is_ok());
    assert!(
        lv(2)
            .periksa(pemdi(), 30)
            .unwrap_err()
            .has("indikator_tidak_dikenal")
    );
}

#[test]
fn a_region_can_paste_the_official_criteria() {
    let mut m = spbe().clone();
    let l2 = Level::new(2).unwrap();
    m.ganti_kriteria(11, l2, "  Rumusan resmi.  ").unwrap();
    assert_eq!(
        m.indikator_nomor(11).unwrap().kriteria_level(l2),
        "Rumusan resmi."
    );
    assert!(
        m.ganti_kriteria(11, l2, " ")
            .unwrap_err()
            .has("kriteria_kosong")
    );
    assert!(
        m.ganti_kriteria(48, l2, "x")
            .unwrap_err()
            .has("indikator_tidak_dikenal")
    );
}

proptest! {
    #[test]
    fn never_panics(nomor in 0u32..30, s in ".{0,12}") {
        let _ = Nilai::parse(pemdi(), nomor, &s);
        let _ = Nilai::parse(spbe(), nomor, &s);
    }

    #[test]
    fn published_values_round_trip(r in 100u32..=500, titik in any::<bool>()) {
        let teks = if titik { eks(r).desimal() } else { eks(r).to_string() };
        prop_assert_eq!(Nilai::parse(pemdi(), 5, &teks), Ok(eks(r)));
    }

    #[test]
    fn levels_round_trip(n in 1u8..=5, nomor in 1u32..=47) {
        prop_assert_eq!(Nilai::parse(spbe(), nomor, &lv(n).to_string()), Ok(lv(n)));
    }
}
