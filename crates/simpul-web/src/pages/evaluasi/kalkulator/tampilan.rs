//! What the calculator page shows: the form grouped by domain and aspect with the values
//! entered, and a result in the Indonesian way (`3,22`) with the next steps.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use simpul_domain::evaluation::{
    Indikator, Level, Model, Nilai, hitung, langkah_ke_predikat, saran,
};

use super::{field, indeks_jika};
use crate::api::evaluasi::hitung::baca::desimal_pas;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors};

/// How many suggestions the what-if section shows.
const SARAN_TERATAS: usize = 5;

#[derive(Template)]
#[template(path = "evaluasi_kalkulator.html")]
pub(super) struct KalkulatorPage {
    pub ctx: Ctx,
    pub models: Vec<Pilihan>,
    pub kode: String,
    pub nama: String,
    pub nama_indeks: String,
    pub dasar_hukum: String,
    pub sementara: bool,
    pub asal_usul: String,
    pub grup: Vec<Grup>,
    pub hasil: Option<HasilView>,
    pub errors: FormErrors,
}

/// One model in the switcher.
pub(super) struct Pilihan {
    pub kode: String,
    pub nama: String,
    pub tahun: String,
    pub sementara: bool,
    pub aktif: bool,
}

/// The shipped models for the switcher.
pub(super) fn pilihan(all: &[Model], aktif: &str) -> Vec<Pilihan> {
    all.iter()
        .map(|m| Pilihan {
            kode: m.kode().to_owned(),
            nama: m.nama().to_owned(),
            tahun: match m.tahun_akhir() {
                Some(a) => format!("{}–{a}", m.tahun_mulai()),
                None => format!("{}–", m.tahun_mulai()),
            },
            sementara: m.sementara(),
            aktif: m.kode() == aktif,
        })
        .collect()
}

/// A domain's aspects (`judul` empty for a model without domains).
pub(super) struct Grup {
    pub judul: String,
    pub aspek: Vec<AspekForm>,
}

/// An aspect's indicators.
pub(super) struct AspekForm {
    pub kode: String,
    pub nama: String,
    pub bobot: String,
    pub indikator: Vec<IndikatorForm>,
}

/// One indicator's input.
pub(super) struct IndikatorForm {
    pub nomor: u32,
    pub nama: String,
    pub bobot: String,
    pub eksternal: bool,
    pub sumber: String,
    pub field: String,
    pub nilai: String,
    /// (value, label) of levels 1..5.
    pub opsi: Vec<(String, String)>,
    pub errors: Vec<String>,
}

fn indikator_form(
    i: &Indikator,
    isian: &HashMap<String, String>,
    errors: &FormErrors,
) -> IndikatorForm {
    let f = field(i.nomor);
    IndikatorForm {
        nomor: i.nomor,
        nama: i.nama.clone(),
        bobot: i.bobot.teks(),
        eksternal: i.eksternal,
        sumber: i.sumber_eksternal.clone().unwrap_or_default(),
        nilai: isian
            .get(&f)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default(),
        opsi: Level::SEMUA
            .iter()
            .map(|l| (l.to_string(), format!("{l} – {}", i.nama_level_untuk(*l))))
            .collect(),
        errors: errors.of(&f),
        field: f,
    }
}

/// The form: domains (if any), their aspects, their indicators, with what was entered.
pub(super) fn grup(m: &Model, isian: &HashMap<String, String>, errors: &FormErrors) -> Vec<Grup> {
    let aspek = |a: &simpul_domain::evaluation::Aspek| AspekForm {
        kode: a.kode.clone(),
        nama: a.nama.clone(),
        bobot: a.bobot.teks(),
        indikator: m
            .indikator_aspek(&a.kode)
            .map(|i| indikator_form(i, isian, errors))
            .collect(),
    };
    if m.domain().is_empty() {
        return vec![Grup {
            judul: String::new(),
            aspek: m.aspek().iter().map(aspek).collect(),
        }];
    }
    m.domain()
        .iter()
        .map(|d| Grup {
            judul: format!("{} · {} ({})", d.kode, d.nama, d.bobot.teks()),
            aspek: m.aspek_domain(&d.kode).map(aspek).collect(),
        })
        .collect()
}

/// One row of the aspect or domain table.
pub(super) struct Bagian {
    pub kode: String,
    pub nama: String,
    pub bobot: String,
    pub indeks: String,
}

/// One raise in the what-if section.
pub(super) struct Langkah {
    pub nomor: u32,
    pub nama: String,
    pub dari: u8,
    pub ke: u8,
    pub nama_level: String,
    pub kenaikan: String,
    pub kriteria: String,
    pub diasumsikan: bool,
    /// The index after this raise alone (suggestions only).
    pub indeks_baru: String,
}

/// The result.
pub(super) struct HasilView {
    pub indeks: String,
    pub predikat: String,
    /// "2 indikator belum diisi …", empty when every indicator has a value.
    pub diasumsikan: String,
    pub aspek: Vec<Bagian>,
    pub domain: Vec<Bagian>,
    pub saran: Vec<Langkah>,
    /// What reaching the next band takes, and the raises.
    pub ke_predikat: Option<(String, Vec<Langkah>)>,
    /// Why there is no way to the next band: already the highest, or out of reach.
    pub puncak: bool,
}

/// Compute and word the result.
pub(super) fn hasil(m: &Model, nilai: &BTreeMap<u32, Nilai>, lang: Lang) -> HasilView {
    let h = hitung(m, nilai);
    let bagian = |kode: &str, nama: &str, bobot: String, indeks: String| Bagian {
        kode: kode.to_owned(),
        nama: nama.to_owned(),
        bobot,
        indeks,
    };
    let langkah = |s: &simpul_domain::evaluation::Saran<'_>, baru: String| Langkah {
        nomor: s.nomor,
        nama: s.nama.to_owned(),
        dari: s.dari.get(),
        ke: s.ke.get(),
        nama_level: s.nama_level.to_owned(),
        kenaikan: desimal_pas(&s.kenaikan, ','),
        kriteria: s.kriteria.to_owned(),
        diasumsikan: s.diasumsikan,
        indeks_baru: baru,
    };
    let ke = langkah_ke_predikat(m, nilai);
    HasilView {
        indeks: h.indeks.teks(),
        predikat: h.predikat.nama.clone(),
        diasumsikan: if h.lengkap() {
            String::new()
        } else {
            let daftar: Vec<String> = h.diasumsikan.iter().map(u32::to_string).collect();
            lang.t_args(
                "kalkulator-diasumsikan",
                &[
                    ("n", h.diasumsikan.len().to_string()),
                    ("daftar", daftar.join(", ")),
                ],
            )
        },
        aspek: h
            .aspek
            .iter()
            .filter_map(|b| {
                let a = m.aspek_kode(&b.kode)?;
                Some(bagian(&a.kode, &a.nama, a.bobot.teks(), b.indeks.teks()))
            })
            .collect(),
        domain: h
            .domain
            .iter()
            .filter_map(|b| {
                let d = m.domain_kode(&b.kode)?;
                Some(bagian(&d.kode, &d.nama, d.bobot.teks(), b.indeks.teks()))
            })
            .collect(),
        saran: saran(m, nilai)
            .iter()
            .take(SARAN_TERATAS)
            .map(|s| langkah(s, indeks_jika(m, nilai, s.nomor, s.ke)))
            .collect(),
        puncak: m.predikat_di_atas(&h.predikat).is_none(),
        ke_predikat: ke.map(|l| {
            let judul = lang.t_args(
                "kalkulator-ke-predikat",
                &[
                    ("predikat", l.predikat.nama.clone()),
                    ("min", l.predikat.min.teks()),
                    ("n", l.langkah.len().to_string()),
                    ("indeks", l.indeks.teks()),
                ],
            );
            let langkah = l
                .langkah
                .iter()
                .map(|s| langkah(s, String::new()))
                .collect();
            (judul, langkah)
        }),
    }
}
