//! The shipped models and crosswalk load without a problem and have the shape the
//! regulations give them (docs/evaluation-models.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use simpul_domain::evaluation::{
    Crosswalk, DuaDesimal, Level, Model, SHIPPED_MODELS, shipped_crosswalks, shipped_models,
};

fn model(kode: &str) -> Model {
    shipped_models()
        .unwrap()
        .into_iter()
        .find(|m| m.kode() == kode)
        .unwrap()
}

#[test]
fn every_shipped_file_loads() {
    for (nama, teks) in SHIPPED_MODELS {
        if let Err(e) = Model::load(nama, teks) {
            panic!("{e}");
        }
    }
    let models = shipped_models().unwrap();
    let kode: Vec<&str> = models.iter().map(Model::kode).collect();
    assert_eq!(kode, ["spbe-2020", "pemdi-2026"]);
    let cw = shipped_crosswalks(&models).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cw.len(), 1);
}

#[test]
fn spbe_2020_has_47_indicators_in_8_aspects_and_4_domains() {
    let m = model("spbe-2020");
    assert_eq!(m.indikator().len(), 47);
    assert_eq!(m.aspek().len(), 8);
    assert_eq!(m.domain().len(), 4);
    assert!(!m.sementara());
    assert_eq!(m.nama_indeks(), "Indeks SPBE");
    assert!(m.indikator().iter().all(|i| !i.eksternal));
    let bobot = |kode: &str| m.domain_kode(kode).unwrap().bobot;
    assert_eq!(bobot("D3"), DuaDesimal::dari_ratusan(1650));
    assert_eq!(bobot("D4"), DuaDesimal::dari_ratusan(4550));
    assert_eq!(
        m.indikator_nomor(1).unwrap().bobot,
        DuaDesimal::dari_ratusan(130)
    );
    assert_eq!(
        m.indikator_nomor(41).unwrap().bobot,
        DuaDesimal::dari_ratusan(275)
    );
    let minima: Vec<u32> = m.predikat().iter().map(|p| p.min.ratusan()).collect();
    assert_eq!(minima, [420, 350, 260, 180, 100]);
    // D4 names its levels after technical function, D1-D3 after process capability.
    let l3 = Level::new(3).unwrap();
    assert_eq!(
        m.indikator_nomor(1).unwrap().nama_level_untuk(l3),
        "Terdefinisi"
    );
    assert_eq!(
        m.indikator_nomor(32).unwrap().nama_level_untuk(l3),
        "Transaksi"
    );
    assert!(m.berlaku(2025) && !m.berlaku(2026));
}

#[test]
fn pemdi_2026_is_provisional_with_20_indicators_in_7_aspects_and_4_external() {
    let m = model("pemdi-2026");
    assert_eq!(m.indikator().len(), 20);
    assert_eq!(m.aspek().len(), 7);
    assert!(m.domain().is_empty());
    assert!(m.sementara());
    let eksternal: Vec<u32> = m
        .indikator()
        .iter()
        .filter(|i| i.eksternal)
        .map(|i| i.nomor)
        .collect();
    assert_eq!(eksternal, [5, 6, 7, 10]);
    assert!(
        m.indikator()
            .iter()
            .filter(|i| i.eksternal)
            .all(|i| i.sumber_eksternal.is_some())
    );
    let minima: Vec<u32> = m.predikat().iter().map(|p| p.min.ratusan()).collect();
    assert_eq!(minima, [400, 350, 250, 150, 100]);
    assert_eq!(
        m.indikator_nomor(20).unwrap().bobot,
        DuaDesimal::dari_ratusan(1500)
    );
    assert_eq!(
        m.indikator_nomor(1).unwrap().nama_level_untuk(Level::LIMA),
        "Unggul"
    );
    assert!(m.berlaku(2026) && !m.berlaku(2025));
}

#[test]
fn the_crosswalk_points_from_2020_to_2026() {
    let models = shipped_models().unwrap();
    let cw: &Crosswalk = &shipped_crosswalks(&models).unwrap()[0];
    assert_eq!(
        (cw.dari.as_str(), cw.ke.as_str()),
        ("spbe-2020", "pemdi-2026")
    );
    assert!(!cw.catatan.is_empty());
    let pemdi = &models[1];
    let spbe = &models[0];
    for p in &cw.peta {
        assert!(pemdi.indikator_nomor(p.ke).is_some());
        assert!(!p.dari.is_empty());
        assert!(p.dari.iter().all(|d| spbe.indikator_nomor(*d).is_some()));
        assert!(!p.alasan.is_empty());
    }
    // Every source of indicator 1 maps back to it.
    for d in cw.sumber(1) {
        assert!(cw.tujuan(*d).contains(&1));
    }
}
