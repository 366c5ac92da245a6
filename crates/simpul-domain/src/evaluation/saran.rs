//! What to do next: which one-level raises lift the index most, and the fewest raises
//! that reach the next predicate. Raising a self-assessed indicator by one level adds
//! exactly its weight / 100 to the index, whatever its level, so the best next steps are
//! simply the heaviest indicators not yet at 5. External indicators are left out: the
//! region does not score them itself.

use std::collections::BTreeMap;

use super::indeks::{bagi, jumlah, nilai_dihitung};
use super::level::Level;
use super::model::{Model, Predikat};
use super::nilai::Nilai;
use super::pecahan::Pecahan;

/// Raising one indicator by one level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saran<'m> {
    /// The indicator's number.
    pub nomor: u32,
    /// The indicator's name.
    pub nama: &'m str,
    /// Its level now (1 when it had no value).
    pub dari: Level,
    /// The level to reach.
    pub ke: Level,
    /// Gain in the index, exact: the indicator's weight / 100.
    pub kenaikan: Pecahan,
    /// What level `ke` requires.
    pub kriteria: &'m str,
    /// The evidence expected at level `ke`.
    pub bukti: &'m [String],
    /// The name of level `ke` for this indicator.
    pub nama_level: &'m str,
    /// The indicator had no value and was counted at level 1.
    pub diasumsikan: bool,
}

/// Every raise from level `dari` up to 5 of every self-assessed indicator, each with its
/// gain, heaviest first (ties by number, then level, so an indicator's raises stay in
/// order).
fn semua_langkah<'m>(model: &'m Model, nilai: &BTreeMap<u32, Nilai>) -> Vec<Saran<'m>> {
    let v = nilai_dihitung(model, nilai);
    let mut out = Vec::new();
    for (ind, v) in model.indikator().iter().zip(v) {
        if ind.eksternal {
            continue;
        }
        // `v` is a whole level here: self-assessed values are counted whole.
        let mut dari = u8::try_from(v / 100).ok().and_then(Level::new);
        while let Some((l, ke)) = dari.and_then(|l| Some((l, l.berikut()?))) {
            out.push(Saran {
                nomor: ind.nomor,
                nama: &ind.nama,
                dari: l,
                ke,
                kenaikan: bagi(u128::from(ind.bobot.ratusan()) * 100, 10_000),
                kriteria: ind.kriteria_level(ke),
                bukti: ind.bukti_level(ke),
                nama_level: ind.nama_level_untuk(ke),
                diasumsikan: !nilai.contains_key(&ind.nomor),
            });
            dari = Some(ke);
        }
    }
    out.sort_by(|a, b| {
        b.kenaikan
            .cmp(&a.kenaikan)
            .then(a.nomor.cmp(&b.nomor))
            .then(a.ke.cmp(&b.ke))
    });
    out
}

/// For each self-assessed indicator below 5, raising it to its next level: by gain in
/// the index, highest first, then by indicator number.
pub fn saran<'m>(model: &'m Model, nilai: &BTreeMap<u32, Nilai>) -> Vec<Saran<'m>> {
    let mut out = semua_langkah(model, nilai);
    let mut sudah = std::collections::BTreeSet::new();
    out.retain(|s| sudah.insert(s.nomor));
    out
}

/// The fewest one-level raises that reach the next predicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangkahPredikat<'m> {
    /// The band to reach.
    pub predikat: Predikat,
    /// The raises, in the order to take them; an indicator may appear more than once
    /// (2 → 3, then 3 → 4).
    pub langkah: Vec<Saran<'m>>,
    /// The index once every raise is made.
    pub indeks: Pecahan,
}

/// The fewest one-level raises of self-assessed indicators that bring the index to the
/// next predicate band; `None` when the index is already in the highest band, or when
/// even every self-assessed indicator at 5 would not reach the next one.
///
/// Greedy by gain is optimal here: every raise of an indicator gains the same (its
/// weight / 100), so the k heaviest available raises give the largest index any k
/// raises can give, and the first k that reaches the band is the fewest.
pub fn langkah_ke_predikat<'m>(
    model: &'m Model,
    nilai: &BTreeMap<u32, Nilai>,
) -> Option<LangkahPredikat<'m>> {
    let v = nilai_dihitung(model, nilai);
    // Sums in millionths: the index is jumlah / 1_000_000, a band's min is min_h / 100.
    let mut s = jumlah(model, &v, |_| true);
    let kini = model.predikat_untuk(&bagi(s, 10_000));
    let target = model.predikat_di_atas(kini)?.clone();
    let perlu = u128::from(target.min.ratusan()) * 10_000;
    let mut langkah = Vec::new();
    for l in semua_langkah(model, nilai) {
        if s >= perlu {
            break;
        }
        let ind = model.indikator_nomor(l.nomor)?;
        s += u128::from(ind.bobot.ratusan()) * 100;
        langkah.push(l);
    }
    (s >= perlu).then(|| LangkahPredikat {
        predikat: target,
        langkah,
        indeks: bagi(s, 10_000),
    })
}
