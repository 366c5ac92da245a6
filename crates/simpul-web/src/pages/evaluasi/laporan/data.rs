//! What every report of a period is computed from: the period, its model (with the
//! region's wording), its indicators, the values the index counts and the results.
//!
//! An approved period counts each indicator's final level (fixed from the assessors'
//! verdicts); a period still being filled in or reviewed counts the self-assessed level.
//! External indicators count the value another agency published either way, because
//! nobody reviews it into a level.

use std::collections::BTreeMap;

use simpul_domain::evaluation::alur::StatusPeriode;
use simpul_domain::evaluation::{
    DuaDesimal, Hasil, Level, Model, Nilai, NilaiEksternal, Pecahan, hitung,
};
use simpul_domain::ids::PeriodeEvaluasiId;
use simpul_store::evaluasi::indikator::{self, IndikatorPeriode};
use simpul_store::evaluasi::periode::{self, Periode};

use crate::error::PageError;
use crate::state::AppState;

/// Which value of each indicator the index counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sumber {
    /// The final level after review (approved periods).
    Akhir,
    /// The self-assessed level (periods not approved yet).
    Mandiri,
}

/// One period with everything its reports show.
#[derive(Debug, Clone)]
pub struct Laporan {
    /// The period.
    pub periode: Periode,
    /// Its model, with the region's wording of criteria.
    pub model: Model,
    /// Its indicators, by number.
    pub indikator: Vec<IndikatorPeriode>,
    /// Which values count.
    pub sumber: Sumber,
    /// The values counted, by indicator number.
    pub nilai: BTreeMap<u32, Nilai>,
    /// The index from them.
    pub hasil: Hasil,
    /// The index from the national result, when any indicator has one.
    pub nasional: Option<Hasil>,
    /// The region's target index.
    pub target: Option<Pecahan>,
}

/// A value in hundredths as stored (345 = 3,45): a whole level when it is one, else a
/// published value; `None` outside 1,00..5,00.
fn dari_ratusan(v: i32) -> Option<Nilai> {
    let v = u32::try_from(v).ok()?;
    if v.is_multiple_of(100)
        && let Some(l) = u8::try_from(v / 100).ok().and_then(Level::new)
    {
        return Some(Nilai::Level(l));
    }
    NilaiEksternal::new(v).map(Nilai::Eksternal)
}

/// The value the index counts for one indicator.
fn nilai_indikator(model: &Model, i: &IndikatorPeriode, sumber: Sumber) -> Option<Nilai> {
    let ind = model.indikator_nomor(i.nomor)?;
    if ind.eksternal {
        return i
            .nilai_eksternal
            .and_then(|v| u32::try_from(v).ok())
            .and_then(NilaiEksternal::new)
            .map(Nilai::Eksternal);
    }
    let level = match sumber {
        Sumber::Akhir => i.level_akhir,
        Sumber::Mandiri => i.level,
    };
    level.and_then(Level::new).map(Nilai::Level)
}

/// The values counted for a period's indicators, by number; indicators without one
/// are left out (the index counts them at level 1 and says so).
pub fn nilai_periode(
    model: &Model,
    baris: &[IndikatorPeriode],
    sumber: Sumber,
) -> BTreeMap<u32, Nilai> {
    baris
        .iter()
        .filter_map(|i| Some((i.nomor, nilai_indikator(model, i, sumber)?)))
        .collect()
}

/// The national result per indicator, by number (empty when none was entered).
pub fn nilai_nasional(baris: &[IndikatorPeriode]) -> BTreeMap<u32, Nilai> {
    baris
        .iter()
        .filter_map(|i| Some((i.nomor, dari_ratusan(i.nasional?)?)))
        .collect()
}

/// Which values count for a period in this status.
pub fn sumber_untuk(status: StatusPeriode) -> Sumber {
    if status == StatusPeriode::Disetujui {
        Sumber::Akhir
    } else {
        Sumber::Mandiri
    }
}

/// A stored target (hundredths) as an exact index.
pub fn target(t: Option<i32>) -> Option<Pecahan> {
    t.and_then(|v| u32::try_from(v).ok())
        .map(|v| DuaDesimal::dari_ratusan(v).pecahan())
}

impl Laporan {
    /// Compute the reports' figures from what is stored.
    pub fn dari(periode: Periode, model: Model, indikator: Vec<IndikatorPeriode>) -> Self {
        let sumber = sumber_untuk(periode.status);
        let nilai = nilai_periode(&model, &indikator, sumber);
        let hasil = hitung(&model, &nilai);
        let nas = nilai_nasional(&indikator);
        let nasional = (!nas.is_empty()).then(|| hitung(&model, &nas));
        Self {
            target: target(periode.target),
            periode,
            model,
            indikator,
            sumber,
            nilai,
            hasil,
            nasional,
        }
    }
}

/// Load period `id` and compute its figures; an unknown period (or model) is a 404.
pub async fn muat(st: &AppState, id: PeriodeEvaluasiId) -> Result<Laporan, PageError> {
    let p = periode::get(&st.db, id).await?;
    let model = st.evaluasi.with_region_wording(&st.db, &p.model).await?;
    let baris = indikator::of_periode(&st.db, id).await?;
    Ok(Laporan::dari(p, model, baris))
}

/// One approved year in the history.
#[derive(Debug, Clone)]
pub struct TitikRiwayat {
    /// The period.
    pub periode: Periode,
    /// What its index is called ("Indeks SPBE").
    pub nama_indeks: String,
    /// The index from the final levels.
    pub indeks: Pecahan,
    /// Its predicate.
    pub predikat: String,
}

/// Every approved period with its index, oldest year first. The arithmetic needs no
/// criteria texts, so the shipped models serve; a period of a model no longer shipped
/// is left out rather than failing the whole page.
pub async fn riwayat(st: &AppState) -> Result<Vec<TitikRiwayat>, PageError> {
    let mut out = Vec::new();
    for p in periode::list(&st.db).await? {
        if p.status != StatusPeriode::Disetujui {
            continue;
        }
        let Some(model) = st.evaluasi.get(&p.model) else {
            tracing::warn!(model = %p.model, "an approved period names a model that is not shipped");
            continue;
        };
        let baris = indikator::of_periode(&st.db, p.id).await?;
        let hasil = hitung(model, &nilai_periode(model, &baris, Sumber::Akhir));
        out.push(TitikRiwayat {
            nama_indeks: model.nama_indeks().to_owned(),
            predikat: hasil.predikat.nama.clone(),
            indeks: hasil.indeks,
            periode: p,
        });
    }
    out.sort_by(|a, b| {
        (a.periode.tahun, &a.periode.model).cmp(&(b.periode.tahun, &b.periode.model))
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model() -> Model {
        simpul_domain::evaluation::shipped_models()
            .unwrap()
            .into_iter()
            .find(|m| m.kode() == "pemdi-2026")
            .unwrap()
    }

    fn baris(
        nomor: u32,
        level: Option<u8>,
        akhir: Option<u8>,
        ext: Option<i32>,
    ) -> IndikatorPeriode {
        IndikatorPeriode {
            nomor,
            status: simpul_domain::evaluation::alur::StatusIndikator::Draf,
            level,
            justifikasi: None,
            nama_layanan: None,
            nilai_eksternal: ext,
            sumber_eksternal: None,
            tanggal_sumber: None,
            level_akhir: akhir,
            nasional: None,
            diubah: String::new(),
            diubah_oleh: String::new(),
        }
    }

    #[test]
    fn final_levels_count_once_approved_and_external_values_always() {
        let m = model();
        let ext = m.indikator().iter().find(|i| i.eksternal).unwrap().nomor;
        let rows = vec![
            baris(1, Some(4), Some(3), None),
            baris(2, Some(2), None, None),
            baris(ext, None, None, Some(345)),
        ];
        let akhir = nilai_periode(&m, &rows, Sumber::Akhir);
        assert_eq!(akhir.get(&1), Some(&Nilai::Level(Level::new(3).unwrap())));
        assert_eq!(akhir.get(&2), None);
        assert_eq!(akhir.get(&ext).map(|n| n.ratusan()), Some(345));
        let mandiri = nilai_periode(&m, &rows, Sumber::Mandiri);
        assert_eq!(mandiri.get(&1), Some(&Nilai::Level(Level::new(4).unwrap())));
        assert_eq!(mandiri.get(&2), Some(&Nilai::Level(Level::new(2).unwrap())));
    }

    #[test]
    fn national_values_read_levels_and_decimals_and_skip_nonsense() {
        let mut rows = vec![
            baris(1, None, None, None),
            baris(2, None, None, None),
            baris(3, None, None, None),
        ];
        rows[0].nasional = Some(300);
        rows[1].nasional = Some(345);
        rows[2].nasional = Some(900);
        let n = nilai_nasional(&rows);
        assert_eq!(n.get(&1), Some(&Nilai::Level(Level::new(3).unwrap())));
        assert_eq!(n.get(&2).map(|v| v.ratusan()), Some(345));
        assert_eq!(n.get(&3), None);
        assert_eq!(target(Some(350)).map(|p| p.teks()), Some("3,50".into()));
        assert_eq!(target(Some(-1)), None);
    }
}
