//! A period's figures as the dashboard and the printed report show them: every number
//! already in Indonesian form, every chart already drawn.

use simpul_domain::evaluation::{DuaDesimal, Hasil, Model, Pecahan, langkah_ke_predikat, saran};

use super::data::{Laporan, Sumber};
use crate::chart::radar::{RadarSeries, radar};
use crate::i18n::Lang;

/// Suggestions shown: the heaviest few are what a region can plan for in one year.
const SARAN_DITAMPILKAN: usize = 8;
/// Characters of a justification shown in the report's table.
const RINGKAS: usize = 160;

/// One aspect's or domain's line.
pub struct BarisBagian {
    /// Code, e.g. `A2`.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Weight in percent, `10,00`.
    pub bobot: String,
    /// Index, `3,22`.
    pub indeks: String,
    /// Index from the national result, or empty.
    pub nasional: String,
}

/// One indicator's line of the report.
pub struct BarisIndikator {
    /// Number.
    pub nomor: u32,
    /// Name (with the sector service named, if any).
    pub nama: String,
    /// Aspect code.
    pub aspek: String,
    /// Weight, `1,30`.
    pub bobot: String,
    /// The self-assessed level, or the external value.
    pub mandiri: String,
    /// The final level, or a dash.
    pub akhir: String,
    /// The national result, or a dash.
    pub nasional: String,
    /// The start of the justification.
    pub justifikasi: String,
    /// The value comes from another agency.
    pub eksternal: bool,
}

/// One suggested raise.
pub struct BarisSaran {
    /// Indicator number.
    pub nomor: u32,
    /// Indicator name.
    pub nama: String,
    /// From level.
    pub dari: u8,
    /// To level.
    pub ke: u8,
    /// Name of the level to reach ("Terdefinisi").
    pub nama_level: String,
    /// Gain in the index, `+0,0275`.
    pub kenaikan: String,
    /// What the level to reach requires.
    pub kriteria: String,
    /// Evidence expected there.
    pub bukti: Vec<String>,
}

/// The fewest raises to the next predicate.
pub struct LangkahView {
    /// The predicate to reach.
    pub predikat: String,
    /// The index once done.
    pub indeks: String,
    /// The raises.
    pub langkah: Vec<BarisSaran>,
}

/// Everything the dashboard and the report say about one period.
pub struct Ringkasan {
    /// Period id.
    pub id: String,
    /// Index year.
    pub tahun: i32,
    /// Model code.
    pub model_kode: String,
    /// Model name.
    pub model_nama: String,
    /// What the index is called.
    pub nama_indeks: String,
    /// The regulation behind the model.
    pub dasar_hukum: String,
    /// The model is provisional.
    pub sementara: bool,
    /// How its tables were obtained.
    pub asal_usul: String,
    /// Status label.
    pub status: String,
    /// Approved: the values are final levels.
    pub disetujui: bool,
    /// The index, `3,22`.
    pub indeks: String,
    /// Its predicate.
    pub predikat: String,
    /// Indicators counted at level 1 for lack of a value.
    pub diasumsikan: usize,
    /// The target, `3,50`.
    pub target: Option<String>,
    /// Index minus target, signed: `+0,25`, `-0,10`.
    pub selisih: Option<String>,
    /// The target is reached.
    pub tercapai: bool,
    /// The national index and predicate.
    pub nasional: Option<(String, String)>,
    /// Indicators with a national result (the rest count at level 1 in it).
    pub nasional_terisi: usize,
    /// Indicators of the model.
    pub jumlah_indikator: usize,
    /// The radar of aspects.
    pub radar: String,
    /// Domains (empty for models without them).
    pub domain: Vec<BarisBagian>,
    /// Aspects.
    pub aspek: Vec<BarisBagian>,
    /// The indicators whose raise lifts the index most.
    pub saran: Vec<BarisSaran>,
    /// The fewest raises to the next predicate.
    pub langkah: Option<LangkahView>,
}

/// Rounded hundredths of an index, for differences as a reader would compute them.
fn ratusan(p: &Pecahan) -> i64 {
    let (utuh, r) = p.dibulatkan();
    i64::try_from(utuh).unwrap_or(i64::MAX / 200) * 100 + i64::from(r)
}

/// A signed difference in hundredths, `+0,25` / `-0,10` / `0,00`.
fn selisih(h: i64) -> String {
    let teks = DuaDesimal::dari_ratusan(u32::try_from(h.unsigned_abs()).unwrap_or(u32::MAX)).teks();
    match h.signum() {
        1 => format!("+{teks}"),
        -1 => format!("-{teks}"),
        _ => teks,
    }
}

/// A stored hundredths value: `3` for a whole level, `3,45` otherwise.
pub fn ratusan_teks(v: i32) -> String {
    if v % 100 == 0 {
        (v / 100).to_string()
    } else {
        DuaDesimal::dari_ratusan(u32::try_from(v).unwrap_or(0)).teks()
    }
}

/// The start of a text, cut at a word with an ellipsis.
fn ringkas(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= RINGKAS {
        return s.to_owned();
    }
    let cut: String = s.chars().take(RINGKAS).collect();
    let at = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

fn bagian(
    model: &Model,
    hasil: &Hasil,
    nasional: Option<&Hasil>,
) -> (Vec<BarisBagian>, Vec<BarisBagian>) {
    let teks = |v: Option<Pecahan>| v.map(|p| p.teks()).unwrap_or_default();
    let domain = model
        .domain()
        .iter()
        .map(|d| BarisBagian {
            kode: d.kode.clone(),
            nama: d.nama.clone(),
            bobot: d.bobot.teks(),
            indeks: teks(hasil.indeks_domain(&d.kode)),
            nasional: teks(nasional.and_then(|n| n.indeks_domain(&d.kode))),
        })
        .collect();
    let aspek = model
        .aspek()
        .iter()
        .map(|a| BarisBagian {
            kode: a.kode.clone(),
            nama: a.nama.clone(),
            bobot: a.bobot.teks(),
            indeks: teks(hasil.indeks_aspek(&a.kode)),
            nasional: teks(nasional.and_then(|n| n.indeks_aspek(&a.kode))),
        })
        .collect();
    (domain, aspek)
}

fn baris_saran(s: &simpul_domain::evaluation::Saran<'_>) -> BarisSaran {
    BarisSaran {
        nomor: s.nomor,
        nama: s.nama.to_owned(),
        dari: s.dari.get(),
        ke: s.ke.get(),
        nama_level: s.nama_level.to_owned(),
        // A raise gains weight / 100: exactly four decimals, all of them worth showing.
        kenaikan: format!("+{}", crate::format_id::desimal(s.kenaikan.perkiraan(), 4)),
        kriteria: s.kriteria.to_owned(),
        bukti: s.bukti.to_vec(),
    }
}

/// The radar of a period: actual per aspect, the target as a ring when set, the
/// national result when entered.
pub fn radar_periode(l: &Laporan, lang: Lang) -> String {
    let axes: Vec<String> = l
        .model
        .aspek()
        .iter()
        .map(|a| format!("{} {}", a.kode, a.nama))
        .collect();
    let per_aspek = |h: &Hasil| -> Vec<f64> {
        l.model
            .aspek()
            .iter()
            .map(|a| h.indeks_aspek(&a.kode).map_or(f64::NAN, |p| p.perkiraan()))
            .collect()
    };
    let mut series = vec![RadarSeries {
        nama: lang.t("laporan-seri-realisasi"),
        nilai: per_aspek(&l.hasil),
    }];
    if let Some(t) = &l.target {
        series.push(RadarSeries {
            nama: lang.t1("laporan-seri-target", "nilai", &t.teks()),
            nilai: vec![t.perkiraan(); axes.len()],
        });
    }
    if let Some(n) = &l.nasional {
        series.push(RadarSeries {
            nama: lang.t("laporan-seri-nasional"),
            nilai: per_aspek(n),
        });
    }
    let title = lang.t_args(
        "laporan-radar-judul",
        &[
            ("indeks", l.model.nama_indeks().to_owned()),
            ("tahun", l.periode.tahun.to_string()),
        ],
    );
    radar(&title, &axes, &series)
}

impl Ringkasan {
    /// The figures of `l` for display in `lang`.
    pub fn dari(l: &Laporan, lang: Lang) -> Self {
        let (domain, aspek) = bagian(&l.model, &l.hasil, l.nasional.as_ref());
        let selisih_h = l
            .target
            .as_ref()
            .map(|t| ratusan(&l.hasil.indeks) - ratusan(t));
        let langkah = langkah_ke_predikat(&l.model, &l.nilai).map(|lp| LangkahView {
            predikat: lp.predikat.nama.clone(),
            indeks: lp.indeks.teks(),
            langkah: lp.langkah.iter().map(baris_saran).collect(),
        });
        Self {
            id: l.periode.id.to_string(),
            tahun: l.periode.tahun,
            model_kode: l.model.kode().to_owned(),
            model_nama: l.model.nama().to_owned(),
            nama_indeks: l.model.nama_indeks().to_owned(),
            dasar_hukum: l.model.dasar_hukum().to_owned(),
            sementara: l.model.sementara(),
            asal_usul: l.model.asal_usul().to_owned(),
            status: l.periode.status.label().to_owned(),
            disetujui: l.sumber == Sumber::Akhir,
            indeks: l.hasil.indeks.teks(),
            predikat: l.hasil.predikat.nama.clone(),
            diasumsikan: l.hasil.diasumsikan.len(),
            target: l.target.map(|t| t.teks()),
            selisih: selisih_h.map(selisih),
            tercapai: l.target.is_some_and(|t| l.hasil.indeks >= t),
            nasional: l
                .nasional
                .as_ref()
                .map(|n| (n.indeks.teks(), n.predikat.nama.clone())),
            nasional_terisi: l.indikator.iter().filter(|i| i.nasional.is_some()).count(),
            jumlah_indikator: l.model.indikator().len(),
            radar: radar_periode(l, lang),
            domain,
            aspek,
            saran: saran(&l.model, &l.nilai)
                .iter()
                .take(SARAN_DITAMPILKAN)
                .map(baris_saran)
                .collect(),
            langkah,
        }
    }
}

/// The indicators of a period for the report's table, by number.
pub fn baris_indikator(l: &Laporan) -> Vec<BarisIndikator> {
    l.model
        .indikator()
        .iter()
        .map(|ind| {
            let row = l.indikator.iter().find(|i| i.nomor == ind.nomor);
            let dash = || "–".to_owned();
            let mandiri = row.and_then(|r| {
                if ind.eksternal {
                    r.nilai_eksternal.map(ratusan_teks)
                } else {
                    r.level.map(|v| v.to_string())
                }
            });
            let nama = match row.and_then(|r| r.nama_layanan.as_deref()) {
                Some(layanan) if !layanan.trim().is_empty() => format!("{} ({layanan})", ind.nama),
                _ => ind.nama.clone(),
            };
            BarisIndikator {
                nomor: ind.nomor,
                nama,
                aspek: ind.aspek.clone(),
                bobot: ind.bobot.teks(),
                mandiri: mandiri.unwrap_or_else(dash),
                akhir: row
                    .and_then(|r| r.level_akhir)
                    .map_or_else(dash, |v| v.to_string()),
                nasional: row.and_then(|r| r.nasional).map_or_else(dash, ratusan_teks),
                justifikasi: row
                    .and_then(|r| r.justifikasi.as_deref())
                    .map(ringkas)
                    .unwrap_or_default(),
                eksternal: ind.eksternal,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_and_stored_values_read_the_indonesian_way() {
        assert_eq!(selisih(25), "+0,25");
        assert_eq!(selisih(-110), "-1,10");
        assert_eq!(selisih(0), "0,00");
        assert_eq!(ratusan_teks(300), "3");
        assert_eq!(ratusan_teks(345), "3,45");
        let long = "kata ".repeat(60);
        let r = ringkas(&long);
        assert!(r.ends_with('…') && r.chars().count() <= RINGKAS + 1);
        assert_eq!(ringkas(" pendek "), "pendek");
    }
}
