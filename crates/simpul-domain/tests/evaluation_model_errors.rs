//! Bad model files: each rule of `models/README.md` broken on purpose gives its code, at
//! the right line and field, all problems at once; wrong weights name the aspect.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use simpul_domain::evaluation::{DuaDesimal, Level, Model, ModelError};

/// A small valid model: 2 domains, 3 aspects, 4 indicators (one external).
const BAIK: &str = r#"[model]
kode = "uji-2020"
nama = "Evaluasi Uji"
nama_indeks = "Indeks Uji"
dasar_hukum = "Peraturan Uji"
tahun_mulai = 2020
tahun_akhir = 2025
sementara = false
asal_usul = "Disusun untuk pengujian."
nama_level = ["Satu", "Dua", "Tiga", "Empat", "Lima"]

[[predikat]]
nama = "Tinggi"
min = 3.5

[[predikat]]
nama = "Rendah"
min = 1

[[domain]]
kode = "D1"
nama = "Domain Satu"
bobot = 40

[[domain]]
kode = "D2"
nama = "Domain Dua"
bobot = 60
nama_level = ["Informasi", "Interaksi", "Transaksi", "Kolaborasi", "Optimalisasi"]

[[aspek]]
kode = "A1"
nama = "Aspek Satu"
domain = "D1"
bobot = 40

[[aspek]]
kode = "A2"
nama = "Aspek Dua"
domain = "D2"
bobot = 35.5

[[aspek]]
kode = "A3"
nama = "Aspek Tiga"
domain = "D2"
bobot = 24.50

[[indikator]]
nomor = 1
nama = "Indikator Satu"
aspek = "A1"
bobot = 40
kriteria = ["k1", "k2", "k3", "k4", "k5"]
bukti = [["b1"], ["b2"], ["b3"], ["b4"], ["b5"]]

[[indikator]]
nomor = 2
nama = "Indikator Dua"
aspek = "A2"
bobot = 20.25
eksternal = false
kriteria = ["k1", "k2", "k3", "k4", "k5"]
bukti = [["b1"], ["b2"], ["b3"], ["b4"], ["b5"]]

[[indikator]]
nomor = 3
nama = "Indikator Tiga"
aspek = "A2"
bobot = 15.25
kriteria = ["k1", "k2", "k3", "k4", "k5"]
bukti = [["b1"], ["b2"], ["b3"], ["b4"], ["b5"]]

[[indikator]]
nomor = 4
nama = "Indikator Empat"
aspek = "A3"
bobot = 24.5
eksternal = true
sumber_eksternal = "Indeks lembaga lain"
kriteria = ["k1", "k2", "k3", "k4", "k5"]
bukti = [["b1"], [], ["b3"], ["b4"], ["b5"]]
"#;

/// The fixture with `from` replaced by `to` (exactly once).
fn ubah(from: &str, to: &str) -> String {
    assert_eq!(BAIK.matches(from).count(), 1, "{from:?} must occur once");
    BAIK.replacen(from, to, 1)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
fn baris(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    text[..at].matches('\n').count() + 1
}

fn errors(text: &str) -> Vec<ModelError> {
    let e = Model::load("uji.toml", text).unwrap_err();
    assert_eq!(e.berkas, "uji.toml");
    for line in e.to_string().lines() {
        assert!(line.starts_with("uji.toml:"), "{line}");
    }
    e.errors
}

fn find<'a>(errs: &'a [ModelError], kode: &str) -> &'a ModelError {
    errs.iter()
        .find(|e| e.kode == kode)
        .unwrap_or_else(|| panic!("no {kode} in {errs:#?}"))
}

/// Breaking the fixture with `from` → `to` gives exactly this problem at the line of
/// `to`'s first occurrence from `anchor`.
fn satu(from: &str, to: &str, kode: &str, kolom: &str, anchor: &str) {
    let text = ubah(from, to);
    let errs = errors(&text);
    let e = find(&errs, kode);
    assert_eq!(e.kolom, kolom, "{e:?}");
    assert_eq!(e.baris, baris(&text, anchor), "{e:?}");
    assert!(!e.pesan.is_empty());
}

#[test]
fn the_fixture_loads_with_everything_resolved() {
    let m = Model::load("uji.toml", BAIK).unwrap();
    assert_eq!(m.kode(), "uji-2020");
    assert_eq!((m.tahun_mulai(), m.tahun_akhir()), (2020, Some(2025)));
    assert!(!m.sementara());
    assert_eq!(m.predikat().len(), 2);
    assert_eq!(m.domain().len(), 2);
    assert_eq!(m.aspek().len(), 3);
    assert_eq!(m.indikator().len(), 4);
    let a2 = m.aspek_kode("A2").unwrap();
    assert_eq!(a2.bobot, DuaDesimal::dari_ratusan(3550));
    assert_eq!(a2.domain.as_deref(), Some("D2"));
    let i2 = m.indikator_nomor(2).unwrap();
    assert_eq!(i2.bobot, DuaDesimal::dari_ratusan(2025));
    // Level names: D1 uses the model's, D2 overrides them.
    assert_eq!(
        m.indikator_nomor(1).unwrap().nama_level_untuk(Level::SATU),
        "Satu"
    );
    assert_eq!(i2.nama_level_untuk(Level::new(3).unwrap()), "Transaksi");
    let i4 = m.indikator_nomor(4).unwrap();
    assert!(i4.eksternal);
    assert_eq!(i4.sumber_eksternal.as_deref(), Some("Indeks lembaga lain"));
    assert!(i4.bukti_level(Level::new(2).unwrap()).is_empty());
    assert_eq!(i4.kriteria_level(Level::LIMA), "k5");
    assert!(m.indikator_nomor(5).is_none() && m.indikator_nomor(0).is_none());
    assert_eq!(
        m.indikator_aspek("A2").map(|i| i.nomor).collect::<Vec<_>>(),
        [2, 3]
    );
    let d2: Vec<&str> = m.aspek_domain("D2").map(|a| a.kode.as_str()).collect();
    assert_eq!(d2, ["A2", "A3"]);
    assert!(m.berlaku(2020) && m.berlaku(2025) && !m.berlaku(2026) && !m.berlaku(2019));
}

#[test]
fn a_model_without_domains_loads() {
    let text = BAIK.split("[[domain]]").next().unwrap().to_owned()
        + "[[aspek]]"
        + &BAIK
            .split_once("[[aspek]]")
            .unwrap()
            .1
            .replace("domain = \"D1\"\n", "")
            .replace("domain = \"D2\"\n", "");
    let m = Model::load("uji.toml", &text).unwrap();
    assert!(m.domain().is_empty());
    assert_eq!(
        m.indikator_nomor(2).unwrap().nama_level_untuk(Level::LIMA),
        "Lima"
    );
}

#[test]
fn an_aspect_weight_that_is_not_its_indicators_sum_names_the_aspect() {
    let text = ubah("bobot = 15.25", "bobot = 14.75");
    let errs = errors(&text);
    let e = find(&errs, "bobot_aspek_tidak_sama");
    assert_eq!(e.kolom, "aspek[A2].bobot");
    assert_eq!(e.baris, baris(&text, "bobot = 35.5"));
    assert_eq!(
        e.pesan,
        "bobot aspek 35,50 tidak sama dengan jumlah bobot indikatornya 35,00"
    );
    let shown = Model::load("uji.toml", &text).unwrap_err().to_string();
    assert!(
        shown.contains(&format!(
            "uji.toml:{}: aspek[A2].bobot: bobot aspek 35,50",
            e.baris
        )),
        "{shown}"
    );
}

#[test]
fn weight_sums_that_are_not_100_name_every_part() {
    // A1 and its only indicator and D1 all move together: only the totals are wrong.
    let text = BAIK
        .replace("bobot = 40\n\n[[domain]]", "bobot = 39\n\n[[domain]]")
        .replace("domain = \"D1\"\nbobot = 40", "domain = \"D1\"\nbobot = 39")
        .replace("aspek = \"A1\"\nbobot = 40", "aspek = \"A1\"\nbobot = 39");
    let errs = errors(&text);
    let d = find(&errs, "bobot_domain_jumlah");
    assert_eq!(d.kolom, "domain.bobot");
    assert!(
        d.pesan.contains("99,00") && d.pesan.contains("D1 39,00"),
        "{}",
        d.pesan
    );
    let a = find(&errs, "bobot_aspek_jumlah");
    assert_eq!(a.kolom, "aspek.bobot");
    assert!(a.pesan.contains("A2 35,50"), "{}", a.pesan);
    assert_eq!(errs.len(), 2, "{errs:#?}");
}

#[test]
fn a_domain_weight_that_is_not_its_aspects_sum_names_the_domain() {
    satu(
        "bobot = 60",
        "bobot = 61",
        "bobot_domain_tidak_sama",
        "domain[D2].bobot",
        "bobot = 61",
    );
}

#[test]
fn more_than_two_decimals_are_refused() {
    satu(
        "bobot = 20.25",
        "bobot = 20.255",
        "lebih_dua_desimal",
        "indikator[2].bobot",
        "bobot = 20.255",
    );
    satu(
        "min = 3.5",
        "min = 3.501",
        "lebih_dua_desimal",
        "predikat[1].min",
        "min = 3.501",
    );
    // Trailing zeros are still two decimals.
    let m = Model::load("uji.toml", &ubah("bobot = 20.25", "bobot = 20.2500")).unwrap();
    assert_eq!(m.indikator_nomor(2).unwrap().bobot.ratusan(), 2025);
}

#[test]
fn odd_numbers_are_refused() {
    satu(
        "bobot = 20.25",
        "bobot = -20.25",
        "angka_negatif",
        "indikator[2].bobot",
        "bobot = -20.25",
    );
    satu(
        "bobot = 20.25",
        "bobot = 2.025e1",
        "bukan_angka",
        "indikator[2].bobot",
        "bobot = 2.025e1",
    );
    satu(
        "bobot = 20.25",
        "bobot = \"20.25\"",
        "bukan_angka",
        "indikator[2].bobot",
        "bobot = \"20",
    );
    satu(
        "bobot = 35.5",
        "bobot = 0",
        "bobot_nol",
        "aspek[A2].bobot",
        "bobot = 0",
    );
    satu(
        "bobot = 35.5",
        "bobot = 135.5",
        "bobot_lebih_100",
        "aspek[A2].bobot",
        "bobot = 135.5",
    );
}

#[test]
fn codes_and_references() {
    satu(
        "kode = \"A3\"",
        "kode = \"A2\"",
        "kode_ganda",
        "aspek[A2].kode",
        "kode = \"A2\"\nnama = \"Aspek Tiga\"",
    );
    satu(
        "kode = \"D2\"",
        "kode = \"D 2\"",
        "kode_format",
        "domain[D 2].kode",
        "kode = \"D 2\"",
    );
    satu(
        "aspek = \"A3\"",
        "aspek = \"A9\"",
        "aspek_tidak_dikenal",
        "indikator[4].aspek",
        "aspek = \"A9\"",
    );
    satu(
        "domain = \"D1\"",
        "domain = \"D7\"",
        "domain_tidak_dikenal",
        "aspek[A1].domain",
        "domain = \"D7\"",
    );
    satu(
        "domain = \"D1\"\n",
        "",
        "domain_wajib",
        "aspek[A1].domain",
        "kode = \"A1\"",
    );
    satu(
        "kode = \"uji-2020\"",
        "kode = \"Uji 2020\"",
        "kode_model",
        "model.kode",
        "kode = \"Uji 2020\"",
    );
}

#[test]
fn an_aspect_without_indicators_and_a_domain_without_aspects() {
    let text = ubah("aspek = \"A3\"", "aspek = \"A2\"");
    let errs = errors(&text);
    let e = find(&errs, "aspek_tanpa_indikator");
    assert_eq!(e.kolom, "aspek[A3]");
    assert_eq!(e.baris, baris(&text, "bobot = 24.50"));
    // The move also breaks A2's sum.
    assert_eq!(
        find(&errs, "bobot_aspek_tidak_sama").kolom,
        "aspek[A2].bobot"
    );

    let text = ubah("domain = \"D1\"", "domain = \"D2\"");
    let errs = errors(&text);
    assert_eq!(find(&errs, "domain_tanpa_aspek").kolom, "domain[D1]");
}

#[test]
fn indicators_numbered_without_gaps() {
    satu(
        "nomor = 3",
        "nomor = 4",
        "nomor_urut",
        "indikator[3].nomor",
        "nomor = 4\nnama = \"Indikator Tiga\"",
    );
    satu(
        "nomor = 1",
        "nomor = 0",
        "nomor_urut",
        "indikator[1].nomor",
        "nomor = 0",
    );
}

#[test]
fn five_criteria_and_five_evidence_lists() {
    let text = BAIK.replacen(
        "kriteria = [\"k1\", \"k2\", \"k3\", \"k4\", \"k5\"]",
        "kriteria = [\"k1\", \"k2\", \"k3\", \"k4\"]",
        1,
    );
    let errs = errors(&text);
    let e = find(&errs, "kriteria_lima");
    assert_eq!(
        (e.kolom.as_str(), e.baris),
        (
            "indikator[1].kriteria",
            baris(&text, "kriteria = [\"k1\", \"k2\", \"k3\", \"k4\"]")
        )
    );

    let text = BAIK.replacen("[\"k1\", \"k2\", \"k3\"", "[\"k1\", \" \", \"k3\"", 1);
    assert_eq!(
        find(&errors(&text), "kriteria_kosong").kolom,
        "indikator[1].kriteria[2]"
    );

    let text = BAIK.replacen(
        "bukti = [[\"b1\"], [\"b2\"], [\"b3\"], [\"b4\"], [\"b5\"]]",
        "bukti = [[\"b1\"]]",
        1,
    );
    assert_eq!(
        find(&errors(&text), "bukti_lima").kolom,
        "indikator[1].bukti"
    );

    let text = BAIK.replacen("[[\"b1\"], [\"b2\"]", "[[\"b1\"], [\"\"]", 1);
    assert_eq!(
        find(&errors(&text), "wajib_diisi").kolom,
        "indikator[1].bukti[2]"
    );
}

#[test]
fn external_source_exactly_when_external() {
    satu(
        "sumber_eksternal = \"Indeks lembaga lain\"\n",
        "",
        "sumber_eksternal_wajib",
        "indikator[4].sumber_eksternal",
        "eksternal = true",
    );
    satu(
        "eksternal = false\n",
        "eksternal = false\nsumber_eksternal = \"x\"\n",
        "sumber_eksternal_bukan_eksternal",
        "indikator[2].sumber_eksternal",
        "sumber_eksternal = \"x\"",
    );
}

#[test]
fn predicates_highest_first_strictly_decreasing_within_the_scale() {
    satu(
        "min = 1\n",
        "min = 3.5\n",
        "predikat_urutan",
        "predikat[2].min",
        "min = 3.5\n\n[[domain]]",
    );
    satu(
        "min = 1\n",
        "min = 1.01\n",
        "predikat_terendah",
        "predikat[2].min",
        "min = 1.01",
    );
    satu(
        "min = 3.5",
        "min = 5.01",
        "predikat_tertinggi",
        "predikat[1].min",
        "min = 5.01",
    );
    satu(
        "nama = \"Rendah\"",
        "nama = \"Tinggi\"",
        "nama_ganda",
        "predikat[2].nama",
        "nama = \"Tinggi\"\nmin = 1",
    );
    let text = BAIK
        .replace("[[predikat]]\nnama = \"Tinggi\"\nmin = 3.5\n\n", "")
        .replace("[[predikat]]\nnama = \"Rendah\"\nmin = 1\n\n", "");
    assert_eq!(find(&errors(&text), "predikat_kosong").baris, 0);
}

#[test]
fn level_names_and_years() {
    satu(
        "nama_level = [\"Satu\", \"Dua\", \"Tiga\", \"Empat\", \"Lima\"]",
        "nama_level = [\"Satu\", \"Dua\"]",
        "lima_level",
        "model.nama_level",
        "nama_level = [\"Satu\", \"Dua\"]",
    );
    satu(
        "tahun_akhir = 2025",
        "tahun_akhir = 2019",
        "tahun_urutan",
        "model.tahun_akhir",
        "tahun_akhir = 2019",
    );
    satu(
        "tahun_mulai = 2020",
        "tahun_mulai = 220",
        "tahun",
        "model.tahun_mulai",
        "tahun_mulai = 220",
    );
}

#[test]
fn every_problem_is_reported_at_once_in_line_order() {
    let text = BAIK
        .replace("nomor = 3", "nomor = 7")
        .replace("aspek = \"A3\"", "aspek = \"A9\"")
        .replace("min = 3.5", "min = 3.555");
    let errs = errors(&text);
    let kode: Vec<&str> = errs.iter().map(|e| e.kode).collect();
    for k in [
        "lebih_dua_desimal",
        "nomor_urut",
        "aspek_tidak_dikenal",
        "aspek_tanpa_indikator",
    ] {
        assert!(kode.contains(&k), "{k} missing from {kode:?}");
    }
    assert!(
        errs.windows(2).all(|w| w[0].baris <= w[1].baris),
        "{errs:#?}"
    );
}

#[test]
fn toml_mistakes_have_a_line() {
    let text = ubah("sementara = false", "sementara = false\nwarna = \"biru\"");
    let errs = errors(&text);
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kode, "toml_tidak_valid");
    assert_eq!(errs[0].baris, baris(&text, "warna"));
    assert_eq!(errors("[model\n")[0].kode, "toml_tidak_valid");
}
