//! The index of one evaluation: per aspect, per domain and overall, exact, with its
//! predicate. All three are the same weighted sum Σ(w × value) over a different set of
//! indicators divided by that set's total weight, so each is one fraction of integers
//! in hundredths: Σ(w_h × v_h) / (100 × W_h).

use std::collections::BTreeMap;

use super::level::Level;
use super::model::{Model, Predikat};
use super::nilai::Nilai;
use super::pecahan::Pecahan;

/// The index of one aspect or domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndeksBagian {
    /// The aspect's or domain's code.
    pub kode: String,
    /// Its exact index, 1..=5.
    pub indeks: Pecahan,
}

/// The result of [`hitung`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hasil {
    /// The overall index, exact, 1..=5.
    pub indeks: Pecahan,
    /// The band it falls in.
    pub predikat: Predikat,
    /// Per aspect, in model order.
    pub aspek: Vec<IndeksBagian>,
    /// Per domain, in model order; empty for a model without domains.
    pub domain: Vec<IndeksBagian>,
    /// Indicators that had no value and were counted at level 1.
    pub diasumsikan: Vec<u32>,
    /// Numbers in the input that the model does not have; they do not count.
    pub diabaikan: Vec<u32>,
}

impl Hasil {
    /// The index of the aspect with this code.
    pub fn indeks_aspek(&self, kode: &str) -> Option<Pecahan> {
        self.aspek.iter().find(|a| a.kode == kode).map(|a| a.indeks)
    }

    /// The index of the domain with this code.
    pub fn indeks_domain(&self, kode: &str) -> Option<Pecahan> {
        self.domain
            .iter()
            .find(|d| d.kode == kode)
            .map(|d| d.indeks)
    }

    /// Whether every indicator had a value.
    pub fn lengkap(&self) -> bool {
        self.diasumsikan.is_empty()
    }
}

/// The value counted for each indicator, by number, in hundredths; a missing value is
/// level 1 (see the module documentation for why).
pub(super) fn nilai_dihitung(model: &Model, nilai: &BTreeMap<u32, Nilai>) -> Vec<u32> {
    model
        .indikator()
        .iter()
        .map(|ind| {
            nilai
                .get(&ind.nomor)
                .map_or(Level::SATU.ratusan(), |v| v.dihitung(ind))
        })
        .collect()
}

/// Σ(w_h × v_h) over the indicators for which `pilih` holds: the index numerator in
/// millionths of a percent-point.
pub(super) fn jumlah(model: &Model, v: &[u32], pilih: impl Fn(&str) -> bool) -> u128 {
    model
        .indikator()
        .iter()
        .zip(v)
        .filter(|(ind, _)| pilih(&ind.aspek))
        .map(|(ind, v)| u128::from(ind.bobot.ratusan()) * u128::from(*v))
        .sum()
}

/// `jumlah / (100 × bobot_h)`: an index from a weighted sum and the set's weight.
pub(super) fn bagi(jumlah: u128, bobot_ratusan: u32) -> Pecahan {
    // A loaded model's weights are positive, so the denominator is never zero.
    Pecahan::new(jumlah, 100 * u128::from(bobot_ratusan)).unwrap_or_default()
}

/// The exact index of an evaluation. `nilai` maps indicator numbers to values;
/// indicators without one count as level 1 and are listed in [`Hasil::diasumsikan`].
pub fn hitung(model: &Model, nilai: &BTreeMap<u32, Nilai>) -> Hasil {
    let v = nilai_dihitung(model, nilai);
    let aspek: Vec<IndeksBagian> = model
        .aspek()
        .iter()
        .map(|a| IndeksBagian {
            kode: a.kode.clone(),
            indeks: bagi(jumlah(model, &v, |k| k == a.kode), a.bobot.ratusan()),
        })
        .collect();
    let domain = model
        .domain()
        .iter()
        .map(|d| {
            let dalam =
                |k: &str| model.aspek_kode(k).and_then(|a| a.domain.as_deref()) == Some(&d.kode);
            IndeksBagian {
                kode: d.kode.clone(),
                indeks: bagi(jumlah(model, &v, dalam), d.bobot.ratusan()),
            }
        })
        .collect();
    let indeks = bagi(jumlah(model, &v, |_| true), 10_000);
    Hasil {
        predikat: model.predikat_untuk(&indeks).clone(),
        indeks,
        aspek,
        domain,
        diasumsikan: model
            .indikator()
            .iter()
            .map(|i| i.nomor)
            .filter(|n| !nilai.contains_key(n))
            .collect(),
        diabaikan: nilai
            .keys()
            .copied()
            .filter(|n| model.indikator_nomor(*n).is_none())
            .collect(),
    }
}
