//! The index arithmetic on the shipped models: exact, within 1..5, monotone, and with
//! predicate boundaries exactly where the model puts them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use simpul_domain::evaluation::{
    Level, Model, Nilai, NilaiEksternal, Pecahan, hitung, shipped_models,
};

/// Loaded once: proptest asks for them in every case.
fn models() -> &'static [Model] {
    static MODELS: OnceLock<Vec<Model>> = OnceLock::new();
    MODELS.get_or_init(|| shipped_models().unwrap())
}

fn level(n: u8) -> Nilai {
    Nilai::Level(Level::new(n).unwrap())
}

fn semua(m: &Model, n: u8) -> BTreeMap<u32, Nilai> {
    m.indikator().iter().map(|i| (i.nomor, level(n))).collect()
}

/// Random values for a model: each indicator missing, a level, or (external ones) a
/// published value.
fn nilai_acak(m: &Model) -> impl Strategy<Value = BTreeMap<u32, Nilai>> + use<> {
    let eksternal: Vec<bool> = m.indikator().iter().map(|i| i.eksternal).collect();
    let per: Vec<BoxedStrategy<Option<Nilai>>> = eksternal
        .into_iter()
        .map(|e| {
            let lv = (1u8..=5).prop_map(level);
            if e {
                prop_oneof![
                    Just(None),
                    lv.prop_map(Some),
                    (100u32..=500)
                        .prop_map(|r| Some(Nilai::Eksternal(NilaiEksternal::new(r).unwrap())))
                ]
                .boxed()
            } else {
                prop_oneof![1 => Just(None), 4 => lv.prop_map(Some)].boxed()
            }
        })
        .collect();
    per.prop_map(|vs| {
        vs.into_iter()
            .enumerate()
            .filter_map(|(i, v)| Some((u32::try_from(i + 1).unwrap(), v?)))
            .collect()
    })
}

fn model_dan_nilai() -> impl Strategy<Value = (usize, BTreeMap<u32, Nilai>)> {
    let ms = models();
    prop_oneof![Just(0usize), Just(1usize)].prop_flat_map(move |i| (Just(i), nilai_acak(&ms[i])))
}

proptest! {
    #[test]
    fn index_and_parts_stay_within_1_and_5((i, nilai) in model_dan_nilai()) {
        let m = &models()[i];
        let h = hitung(m, &nilai);
        let (satu, lima) = (Pecahan::bulat(1), Pecahan::bulat(5));
        prop_assert!(h.indeks >= satu && h.indeks <= lima, "{}", h.indeks);
        for b in h.aspek.iter().chain(&h.domain) {
            prop_assert!(b.indeks >= satu && b.indeks <= lima, "{} {}", b.kode, b.indeks);
        }
        let missing: Vec<u32> = m.indikator().iter().map(|x| x.nomor).filter(|n| !nilai.contains_key(n)).collect();
        prop_assert_eq!(&h.diasumsikan, &missing);
        prop_assert_eq!(h.lengkap(), missing.is_empty());
        // The predicate is the first band whose min the index reaches, in plain integers:
        // index = Σ(w_h × v_h) / 1_000_000, min = min_h / 100.
        let s: u128 = m.indikator().iter().map(|x| {
            let v = nilai.get(&x.nomor).map_or(100, |v| v.ratusan());
            u128::from(x.bobot.ratusan()) * u128::from(v)
        }).sum();
        prop_assert_eq!(h.indeks, Pecahan::new(s, 1_000_000).unwrap());
        let band = m.predikat().iter().find(|p| u128::from(p.min.ratusan()) * 10_000 <= s).unwrap();
        prop_assert_eq!(&h.predikat, band);
    }

    #[test]
    fn raising_one_level_never_lowers_the_index_nor_its_aspect(
        (i, nilai) in model_dan_nilai(), pilih in any::<prop::sample::Index>(),
    ) {
        let m = &models()[i];
        let ind = &m.indikator()[pilih.index(m.indikator().len())];
        // The next whole level above the value now (1 when missing).
        let kini = nilai.get(&ind.nomor).map_or(100, |v| v.ratusan());
        let Some(naik) = u8::try_from(kini / 100 + 1).ok().and_then(Level::new) else {
            return Ok(());
        };
        let mut lebih = nilai.clone();
        lebih.insert(ind.nomor, Nilai::Level(naik));
        let (a, b) = (hitung(m, &nilai), hitung(m, &lebih));
        prop_assert!(b.indeks >= a.indeks);
        prop_assert!(b.indeks_aspek(&ind.aspek).unwrap() >= a.indeks_aspek(&ind.aspek).unwrap());
        // From a level, the gain is exactly the weight / 100.
        if nilai.get(&ind.nomor).is_some_and(|v| v.level().is_some()) {
            let selisih = Pecahan::new(
                b.indeks.pembilang() * a.indeks.penyebut() - a.indeks.pembilang() * b.indeks.penyebut(),
                a.indeks.penyebut() * b.indeks.penyebut(),
            ).unwrap();
            prop_assert_eq!(selisih, Pecahan::new(u128::from(ind.bobot.ratusan()), 10_000).unwrap());
        }
    }
}

#[test]
fn all_levels_n_give_exactly_n_everywhere() {
    for m in models() {
        for n in 1..=5u8 {
            let h = hitung(m, &semua(m, n));
            let want = Pecahan::bulat(u128::from(n));
            assert_eq!(h.indeks, want, "{} {n}", m.kode());
            assert_eq!(h.indeks.teks(), format!("{n},00"));
            assert!(h.aspek.iter().chain(&h.domain).all(|b| b.indeks == want));
            assert_eq!(h.aspek.len(), m.aspek().len());
            assert_eq!(h.domain.len(), m.domain().len());
            assert!(h.diasumsikan.is_empty() && h.diabaikan.is_empty());
        }
    }
}

#[test]
fn missing_values_count_as_level_1_and_unknown_numbers_are_set_aside() {
    for m in models() {
        let h = hitung(m, &BTreeMap::new());
        assert_eq!(h.indeks, Pecahan::bulat(1));
        assert_eq!(h.diasumsikan.len(), m.indikator().len());
        assert_eq!(&h.predikat, m.predikat().last().unwrap());
        let mut nilai = semua(m, 3);
        nilai.insert(999, level(5));
        let h = hitung(m, &nilai);
        assert_eq!(
            (h.indeks, h.diabaikan.clone()),
            (Pecahan::bulat(3), vec![999])
        );
    }
}

/// Indicator numbers whose weights (in hundredths) sum to exactly `target`, if any.
fn subset_sum(m: &Model, target: u32) -> Option<Vec<u32>> {
    let t = target as usize;
    // from[s] = the indicator that first reached sum s, and the sum before it.
    let mut from: Vec<Option<(u32, usize)>> = vec![None; t + 1];
    let mut reached = vec![false; t + 1];
    reached[0] = true;
    for ind in m.indikator() {
        let w = ind.bobot.ratusan() as usize;
        for s in (w..=t).rev() {
            if !reached[s] && reached[s - w] {
                reached[s] = true;
                from[s] = Some((ind.nomor, s - w));
            }
        }
    }
    let mut out = Vec::new();
    let mut s = t;
    while s > 0 {
        let (n, prev) = from[s]?;
        out.push(n);
        s = prev;
    }
    Some(out)
}

#[test]
fn predicate_boundaries_fall_exactly_where_the_model_says() {
    for m in models() {
        let bands = m.predikat();
        for (k, band) in bands.iter().enumerate() {
            let min = band.min.ratusan();
            if min <= 100 {
                continue;
            }
            // All indicators at floor(min), then raise a set weighing (min - floor) × 100
            // by one level: the index is exactly min.
            let base = u8::try_from(min / 100).unwrap();
            let mut nilai = semua(m, base);
            let raise = subset_sum(m, (min % 100) * 100).unwrap();
            for n in &raise {
                nilai.insert(*n, level(base + 1));
            }
            let h = hitung(m, &nilai);
            assert_eq!(h.indeks, band.min.pecahan(), "{} {}", m.kode(), band.nama);
            assert_eq!(h.predikat, *band, "{} exactly at {}", m.kode(), band.min);
            // Just below: the lightest indicator that can go down does, preferring an
            // external one (0,01 lower) to a level; the band below applies.
            let mut urut: Vec<_> = m.indikator().iter().collect();
            urut.sort_by_key(|i| (!i.eksternal, i.bobot));
            let (n, lebih_rendah) = urut
                .iter()
                .find_map(|i| {
                    let c = nilai[&i.nomor].ratusan();
                    if i.eksternal && c > 100 {
                        Some((
                            i.nomor,
                            Nilai::Eksternal(NilaiEksternal::new(c - 1).unwrap()),
                        ))
                    } else if !i.eksternal && c >= 200 {
                        Some((i.nomor, level(u8::try_from(c / 100 - 1).unwrap())))
                    } else {
                        None
                    }
                })
                .unwrap();
            nilai.insert(n, lebih_rendah);
            let h = hitung(m, &nilai);
            assert!(h.indeks < band.min.pecahan());
            assert_eq!(
                h.predikat,
                bands[k + 1],
                "{} just below {}",
                m.kode(),
                band.min
            );
        }
    }
}

#[test]
fn published_examples_round_as_published() {
    let ms = models();
    let spbe = &ms[0];
    // Domain 1 at level 5 and everything else at 3: 3 + 13 × 2 / 100 = 3,26.
    let mut nilai = semua(spbe, 3);
    for n in 1..=10 {
        nilai.insert(n, level(5));
    }
    let h = hitung(spbe, &nilai);
    assert_eq!(
        (h.indeks.teks(), h.indeks.desimal()),
        ("3,26".into(), "3.26".into())
    );
    assert_eq!(h.indeks_domain("D1"), Some(Pecahan::bulat(5)));
    assert_eq!(h.indeks_aspek("A2"), Some(Pecahan::bulat(3)));
    assert_eq!(h.predikat.nama, "Baik");
    // One weight-1,30 indicator one level up from all 3: 3,013 shows as 3,01.
    let mut nilai = semua(spbe, 3);
    nilai.insert(1, level(4));
    let h = hitung(spbe, &nilai);
    assert_eq!(h.indeks, Pecahan::new(3013, 1000).unwrap());
    assert_eq!(h.indeks.teks(), "3,01");
    assert_eq!(h.indeks_aspek("A1").unwrap().teks(), "3,10");
}
