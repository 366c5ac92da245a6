//! Suggestions: the best next one-level raises, and the fewest raises to the next
//! predicate.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use simpul_domain::evaluation::{
    Level, Model, Nilai, NilaiEksternal, Pecahan, hitung, langkah_ke_predikat, saran,
    shipped_models,
};

fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| shipped_models().unwrap())
}

fn lv(n: u8) -> Nilai {
    Nilai::Level(Level::new(n).unwrap())
}

fn semua(m: &Model, n: u8) -> BTreeMap<u32, Nilai> {
    m.indikator().iter().map(|i| (i.nomor, lv(n))).collect()
}

#[test]
fn suggestions_are_by_gain_then_number_with_the_next_criteria() {
    let m = &models()[0];
    let mut nilai = semua(m, 3);
    nilai.insert(42, lv(5));
    nilai.remove(&1);
    let s = saran(m, &nilai);
    assert_eq!(s.len(), 46, "indicator 42 is at 5");
    // Weights 3,00 (43-47), then 2,75 (32-41), then 2,50 (11-20), ...
    let nomor: Vec<u32> = s.iter().take(8).map(|x| x.nomor).collect();
    assert_eq!(nomor, [43, 44, 45, 46, 47, 32, 33, 34]);
    assert!(s.windows(2).all(|w| w[0].kenaikan > w[1].kenaikan
        || (w[0].kenaikan == w[1].kenaikan && w[0].nomor < w[1].nomor)));
    for x in &s {
        let ind = m.indikator_nomor(x.nomor).unwrap();
        assert_eq!(
            x.kenaikan,
            Pecahan::new(u128::from(ind.bobot.ratusan()), 10_000).unwrap()
        );
        assert_eq!(x.ke, x.dari.berikut().unwrap());
        assert_eq!(x.kriteria, ind.kriteria_level(x.ke));
        assert_eq!(x.bukti, ind.bukti_level(x.ke));
        assert_eq!(x.nama_level, ind.nama_level_untuk(x.ke));
        assert_eq!(x.diasumsikan, x.nomor == 1);
    }
    let satu = s.iter().find(|x| x.nomor == 1).unwrap();
    assert_eq!(
        (satu.dari.get(), satu.ke.get()),
        (1, 2),
        "missing counts as level 1"
    );
    assert_eq!(s[0].kenaikan.teks(), "0,03");
}

#[test]
fn external_indicators_are_not_suggested_and_nothing_is_left_at_5() {
    let m = &models()[1];
    let s = saran(m, &semua(m, 2));
    assert_eq!(s.len(), 16);
    assert!(s.iter().all(|x| ![5, 6, 7, 10].contains(&x.nomor)));
    assert_eq!(s[0].nomor, 20, "weight 15 first");
    assert!(saran(m, &semua(m, 5)).is_empty());
}

#[test]
fn the_fewest_raises_to_the_next_predicate() {
    let m = &models()[0];
    // All at 1 (Kurang): Cukup needs 1,80, i.e. raises weighing 80. The six 3,00
    // indicators to 5 give 72, then three 2,75 raises: 80,25.
    let l = langkah_ke_predikat(m, &BTreeMap::new()).unwrap();
    assert_eq!(l.predikat.nama, "Cukup");
    assert_eq!(l.langkah.len(), 27);
    assert_eq!(l.indeks, Pecahan::new(18_025, 10_000).unwrap());
    let first: Vec<(u32, u8)> = l
        .langkah
        .iter()
        .take(5)
        .map(|s| (s.nomor, s.ke.get()))
        .collect();
    assert_eq!(first, [(42, 2), (42, 3), (42, 4), (42, 5), (43, 2)]);
    // Already at the top band: nothing to reach.
    assert!(langkah_ke_predikat(m, &semua(m, 5)).is_none());
    // Exactly at a band: the next one up is the goal.
    let mut nilai = semua(m, 4);
    for n in 11..=18 {
        nilai.insert(n, lv(5));
    }
    assert_eq!(hitung(m, &nilai).predikat.nama, "Memuaskan");
    assert!(langkah_ke_predikat(m, &nilai).is_none());
    nilai.insert(1, lv(3));
    let l = langkah_ke_predikat(m, &nilai).unwrap();
    assert_eq!(
        (l.predikat.nama.as_str(), l.langkah.len()),
        ("Memuaskan", 1)
    );
}

#[test]
fn unreachable_when_external_values_hold_the_index_down() {
    let text = r#"[model]
kode = "uji"
nama = "Uji"
nama_indeks = "Indeks Uji"
dasar_hukum = "Uji"
tahun_mulai = 2026
asal_usul = "Uji."
nama_level = ["1", "2", "3", "4", "5"]
[[predikat]]
nama = "Tinggi"
min = 4.5
[[predikat]]
nama = "Rendah"
min = 1
[[aspek]]
kode = "A"
nama = "A"
bobot = 100
[[indikator]]
nomor = 1
nama = "Eksternal"
aspek = "A"
bobot = 60
eksternal = true
sumber_eksternal = "Lain"
kriteria = ["1", "2", "3", "4", "5"]
bukti = [[], [], [], [], []]
[[indikator]]
nomor = 2
nama = "Mandiri"
aspek = "A"
bobot = 40
kriteria = ["1", "2", "3", "4", "5"]
bukti = [[], [], [], [], []]
"#;
    let m = Model::load("uji.toml", text).unwrap();
    let ext = Nilai::Eksternal(NilaiEksternal::new(100).unwrap());
    let nilai = BTreeMap::from([(1, ext)]);
    assert!(langkah_ke_predikat(&m, &nilai).is_none(), "0,6 + 2,0 < 4,5");
    let nilai = BTreeMap::from([(1, Nilai::Eksternal(NilaiEksternal::new(417).unwrap()))]);
    let l = langkah_ke_predikat(&m, &nilai).unwrap();
    assert_eq!(l.langkah.len(), 4, "2,502 + 2,0 = 4,502");
}

fn nilai_acak(m: &'static Model) -> impl Strategy<Value = BTreeMap<u32, Nilai>> {
    let n = m.indikator().len();
    prop::collection::vec(prop::option::weighted(0.9, 1u8..=5), n).prop_map(move |vs| {
        vs.into_iter()
            .zip(m.indikator())
            .filter_map(|(v, i)| Some((i.nomor, lv(v?))))
            .collect()
    })
}

fn model_dan_nilai() -> impl Strategy<Value = (&'static Model, BTreeMap<u32, Nilai>)> {
    prop_oneof![Just(&models()[0]), Just(&models()[1])].prop_flat_map(|m| (Just(m), nilai_acak(m)))
}

proptest! {
    #[test]
    fn the_plan_reaches_the_band_and_one_fewer_raise_would_not(( m, nilai) in model_dan_nilai()) {
        let kini = hitung(m, &nilai);
        match langkah_ke_predikat(m, &nilai) {
            Some(l) => {
                let mut sesudah = nilai.clone();
                for s in &l.langkah {
                    let now = sesudah.get(&s.nomor).and_then(|v| v.level()).unwrap_or(Level::SATU);
                    prop_assert_eq!(now, s.dari, "raises of one indicator are in order");
                    sesudah.insert(s.nomor, Nilai::Level(s.ke));
                }
                let h = hitung(m, &sesudah);
                prop_assert_eq!(h.indeks, l.indeks);
                prop_assert_eq!(&h.predikat, &l.predikat);
                prop_assert_eq!(Some(&l.predikat), m.predikat_di_atas(&kini.predikat));
                // Greedy takes the heaviest raises, so k - 1 raises (the k - 1 heaviest)
                // cannot reach the band: removing the last raise falls short.
                let last = l.langkah.last().unwrap();
                sesudah.insert(last.nomor, Nilai::Level(last.dari));
                prop_assert!(hitung(m, &sesudah).indeks < l.predikat.min.pecahan());
            }
            None => {
                let puncak = m.predikat_di_atas(&kini.predikat).is_none();
                let mut maks = nilai.clone();
                for i in m.indikator().iter().filter(|i| !i.eksternal) {
                    maks.insert(i.nomor, lv(5));
                }
                let terjauh = hitung(m, &maks).predikat;
                prop_assert!(puncak || terjauh == kini.predikat);
            }
        }
    }
}
