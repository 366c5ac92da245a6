//! Which indicators of an older model have evidence that can support an indicator of a
//! newer one (`models/crosswalk/*.toml`), so a region moving from spbe-2020 to
//! pemdi-2026 reuses its documents instead of collecting them again. It moves evidence
//! only, never levels: each item is judged again against the new criteria.

use std::collections::{BTreeSet, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::error::{ModelErrors, Pemeriksa};
use super::model::Model;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrosswalk {
    crosswalk: RawHeader,
    #[serde(default)]
    peta: Vec<Spanned<RawPeta>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    dari: Spanned<String>,
    ke: Spanned<String>,
    #[serde(default)]
    catatan: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeta {
    ke: Spanned<i64>,
    dari: Spanned<Vec<Spanned<i64>>>,
    alasan: Spanned<String>,
}

/// One indicator of the newer model and the older indicators that can support it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peta {
    /// Indicator number in the newer model.
    pub ke: u32,
    /// Indicator numbers in the older model, as written (never empty).
    pub dari: Vec<u32>,
    /// Why their evidence applies.
    pub alasan: String,
}

/// A validated crosswalk between two models.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crosswalk {
    /// Code of the older model.
    pub dari: String,
    /// Code of the newer model.
    pub ke: String,
    /// The authors' note on how to read the mapping.
    pub catatan: String,
    /// One entry per mapped indicator of the newer model, in file order.
    pub peta: Vec<Peta>,
}

impl Crosswalk {
    /// Read and validate a crosswalk against `models`, which must include the two it
    /// names; every problem is reported with its line, like a model's.
    pub fn load(file_name: &str, text: &str, models: &[Model]) -> Result<Crosswalk, ModelErrors> {
        let raw: RawCrosswalk =
            toml::from_str(text).map_err(|e| Pemeriksa::toml_error(file_name, text, &e))?;
        let mut c = Pemeriksa::new(text);
        let mut model = |v: &Spanned<String>, kolom: &str| {
            let kode = v.get_ref().trim();
            let m = models.iter().find(|m| m.kode() == kode);
            if m.is_none() {
                let pesan = format!("Model {kode} tidak dikenal.");
                c.push(c.at(v), kolom, "model_tidak_dikenal", pesan);
            }
            m
        };
        let dari = model(&raw.crosswalk.dari, "crosswalk.dari");
        let ke = model(&raw.crosswalk.ke, "crosswalk.ke");
        let mut peta = Vec::new();
        let mut sudah: HashMap<i64, usize> = HashMap::new();
        for (i, p) in raw.peta.iter().enumerate() {
            let p = p.get_ref();
            let f = |name: &str| format!("peta[{}].{name}", i + 1);
            let nomor_ke = nomor(&mut c, &p.ke, ke, &f("ke"));
            if let Some(first) = sudah.insert(*p.ke.get_ref(), c.at(&p.ke)) {
                let pesan = format!(
                    "Indikator {} sudah dipetakan di baris {first}.",
                    p.ke.get_ref()
                );
                c.push(c.at(&p.ke), &f("ke"), "ke_ganda", pesan);
            }
            if p.dari.get_ref().is_empty() {
                let pesan = "Sebutkan paling sedikit satu indikator asal.".into();
                c.push(c.at(&p.dari), &f("dari"), "dari_kosong", pesan);
            }
            let mut asal = Vec::new();
            let mut unik = BTreeSet::new();
            for d in p.dari.get_ref() {
                if let Some(n) = nomor(&mut c, d, dari, &f("dari")) {
                    if !unik.insert(n) {
                        let pesan = format!("Indikator {n} disebut dua kali.");
                        c.push(c.at(d), &f("dari"), "dari_ganda", pesan);
                    }
                    asal.push(n);
                }
            }
            let alasan = c.teks(&p.alasan, &f("alasan"));
            if let Some(ke) = nomor_ke {
                peta.push(Peta {
                    ke,
                    dari: asal,
                    alasan,
                });
            }
        }
        let cw = Crosswalk {
            dari: raw.crosswalk.dari.get_ref().trim().to_owned(),
            ke: raw.crosswalk.ke.get_ref().trim().to_owned(),
            catatan: raw
                .crosswalk
                .catatan
                .as_ref()
                .map(|s| s.get_ref().trim().to_owned())
                .unwrap_or_default(),
            peta,
        };
        c.selesai(file_name, Some(cw))
    }

    /// The entry of indicator `ke` of the newer model, if it is mapped.
    pub fn peta_untuk(&self, ke: u32) -> Option<&Peta> {
        self.peta.iter().find(|p| p.ke == ke)
    }

    /// The older model's indicators whose evidence can support indicator `ke` of the
    /// newer model; empty when none is mapped.
    pub fn sumber(&self, ke: u32) -> &[u32] {
        self.peta_untuk(ke).map_or(&[], |p| p.dari.as_slice())
    }

    /// The newer model's indicators that indicator `dari` of the older model can
    /// support, ascending.
    pub fn tujuan(&self, dari: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self
            .peta
            .iter()
            .filter(|p| p.dari.contains(&dari))
            .map(|p| p.ke)
            .collect();
        out.sort_unstable();
        out
    }
}

/// An indicator number that exists in `model` (not checked when the model is unknown).
fn nomor(
    c: &mut Pemeriksa<'_>,
    v: &Spanned<i64>,
    model: Option<&Model>,
    kolom: &str,
) -> Option<u32> {
    let n = *v.get_ref();
    let ada = u32::try_from(n)
        .ok()
        .filter(|n| model.is_none_or(|m| m.indikator_nomor(*n).is_some()));
    if ada.is_none() {
        let pesan = match model {
            Some(m) => format!(
                "Indikator {n} tidak ada di model {} (1 sampai {}).",
                m.kode(),
                m.indikator().len()
            ),
            None => format!("Nomor indikator {n} tidak sah."),
        };
        c.push(c.at(v), kolom, "indikator_tidak_dikenal", pesan);
    }
    ada
}
