//! Crosswalk files are checked against the two models they join, with lines and fields
//! like a model's errors.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use simpul_domain::evaluation::{Crosswalk, Model, ModelError, shipped_models};

const BAIK: &str = r#"[crosswalk]
dari = "spbe-2020"
ke = "pemdi-2026"
catatan = "Uji."

[[peta]]
ke = 1
dari = [1, 2, 10]
alasan = "Kebijakan."

[[peta]]
ke = 9
dari = [29, 30, 31]
alasan = "Audit."
"#;

fn models() -> Vec<Model> {
    shipped_models().unwrap()
}

fn errors(text: &str) -> Vec<ModelError> {
    let e = Crosswalk::load("cw.toml", text, &models()).unwrap_err();
    assert!(e.to_string().starts_with("cw.toml:"), "{e}");
    e.errors
}

fn baris(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

fn one(text: &str, kode: &str, kolom: &str, anchor: &str) {
    let errs = errors(text);
    let e = errs
        .iter()
        .find(|e| e.kode == kode)
        .unwrap_or_else(|| panic!("no {kode} in {errs:#?}"));
    assert_eq!(
        (e.kolom.as_str(), e.baris),
        (kolom, baris(text, anchor)),
        "{e:?}"
    );
}

#[test]
fn a_good_crosswalk_answers_both_ways() {
    let cw = Crosswalk::load("cw.toml", BAIK, &models()).unwrap();
    assert_eq!(cw.sumber(1), [1, 2, 10]);
    assert_eq!(cw.sumber(9), [29, 30, 31]);
    assert!(cw.sumber(2).is_empty());
    assert_eq!(cw.peta_untuk(9).unwrap().alasan, "Audit.");
    assert_eq!(cw.tujuan(10), [1]);
    assert!(cw.tujuan(47).is_empty());
}

#[test]
fn indicator_numbers_must_exist_in_their_model() {
    let t = BAIK.replace("ke = 9", "ke = 21");
    one(&t, "indikator_tidak_dikenal", "peta[2].ke", "ke = 21");
    let t = BAIK.replace("[29, 30, 31]", "[29, 48, 31]");
    one(&t, "indikator_tidak_dikenal", "peta[2].dari", "[29, 48");
    let t = BAIK.replace("ke = 1\n", "ke = 0\n");
    one(&t, "indikator_tidak_dikenal", "peta[1].ke", "ke = 0");
}

#[test]
fn each_target_once_with_at_least_one_source() {
    let t = BAIK.replace("ke = 9", "ke = 1");
    one(&t, "ke_ganda", "peta[2].ke", "ke = 1\ndari = [29");
    let t = BAIK.replace("[1, 2, 10]", "[]");
    one(&t, "dari_kosong", "peta[1].dari", "dari = []");
    let t = BAIK.replace("[1, 2, 10]", "[1, 2, 1]");
    one(&t, "dari_ganda", "peta[1].dari", "dari = [1, 2, 1]");
    let t = BAIK.replace("alasan = \"Audit.\"", "alasan = \"\"");
    one(&t, "wajib_diisi", "peta[2].alasan", "alasan = \"\"");
}

#[test]
fn both_models_must_be_known() {
    let t = BAIK.replace("ke = \"pemdi-2026\"", "ke = \"pemdi-2030\"");
    one(
        &t,
        "model_tidak_dikenal",
        "crosswalk.ke",
        "ke = \"pemdi-2030\"",
    );
    assert_eq!(
        errors("[crosswalk]\ndari = 1\n")[0].kode,
        "toml_tidak_valid"
    );
}
