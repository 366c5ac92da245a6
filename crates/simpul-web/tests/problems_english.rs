//! Problem messages in English: a user who switched to English sees English messages
//! (not the domain's Bahasa Indonesia), every problem code the evaluation and the bus
//! code can raise has an English text, and no Fluent key is defined twice (a duplicate
//! makes the loader panic).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use common::*;

#[tokio::test]
async fn a_calculator_error_reads_in_english_after_the_language_switch() {
    let app = spawn_app().await;
    let mut s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let path = "/evaluasi/kalkulator?model=pemdi-2026&n1=6&n2=3,5";
    let r = s.get(path).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("Level 6 di luar rentang"), "{page}");

    let r = s
        .post_form("/bahasa", &[("bahasa", "en"), ("kembali", path)])
        .await;
    assert_eq!(r.status(), 303);
    let set = r.headers()["set-cookie"].to_str().unwrap();
    let lang = set.split(';').next().unwrap();
    assert_eq!(lang, "simpul_bahasa=en");
    s.cookie = format!("{}; {lang}", s.cookie);

    let r = s.get(path).await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    assert!(page.contains("lang=\"en\""));
    assert!(
        page.contains("The level is out of range; a level is 1 to 5."),
        "{page}"
    );
    assert!(page.contains("decimal values are only for external indicators"));
    assert!(
        !page.contains("di luar rentang") && !page.contains("hanya untuk indikator eksternal"),
        "no Indonesian problem text left: {page}"
    );
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literal codes of `Masalah::new("..")` / `Masalahs::one("..")` outside tests.
fn codes_in(text: &str) -> Vec<String> {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for opener in ["Masalah::new(", "Masalahs::one("] {
        for part in text.split(opener).skip(1) {
            let rest = part.trim_start();
            if let Some(lit) = rest.strip_prefix('"') {
                out.push(lit.split('"').next().unwrap().to_owned());
            }
        }
    }
    out
}

/// `key -> files defining it` for one language.
fn fluent_keys(lang: &str) -> BTreeMap<String, Vec<String>> {
    let dir = crate_dir().join("locales").join(lang);
    let mut keys: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        for line in std::fs::read_to_string(&path).unwrap().lines() {
            if line.starts_with(['#', ' ', '\t']) {
                continue;
            }
            if let Some((key, _)) = line.split_once('=') {
                keys.entry(key.trim().to_owned())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    keys
}

#[test]
fn every_evaluation_problem_code_has_an_english_text() {
    let root = crate_dir();
    let mut files = Vec::new();
    for dir in [
        root.join("../simpul-domain/src/evaluation"),
        root.join("src/pages/evaluasi"),
        root.join("src/api/evaluasi"),
    ] {
        rust_files(&dir, &mut files);
    }
    let codes: BTreeSet<String> = files
        .iter()
        .flat_map(|f| codes_in(&std::fs::read_to_string(f).unwrap()))
        .collect();
    // The scan finds the codes (not an empty pass), e.g. the level range problem.
    assert!(codes.contains("level_di_luar_rentang"), "{codes:?}");
    // The external indicator's date is read by the registry's date parser.
    let codes = codes.into_iter().chain(["tanggal_tidak_valid".to_owned()]);
    let en = fluent_keys("en");
    let missing: Vec<String> = codes
        .map(|c| format!("masalah-{}", c.replace('_', "-")))
        .filter(|k| !en.contains_key(k))
        .collect();
    assert!(missing.is_empty(), "no English text for {missing:?}");
}

#[test]
fn no_fluent_key_is_defined_twice() {
    for lang in ["id", "en"] {
        let twice: Vec<_> = fluent_keys(lang)
            .into_iter()
            .filter(|(_, files)| files.len() > 1)
            .collect();
        assert!(
            twice.is_empty(),
            "{lang}: defined more than once: {twice:?}"
        );
    }
}

#[test]
fn every_bus_problem_code_has_an_english_text() {
    let root = crate_dir();
    let mut files = Vec::new();
    for dir in [
        root.join("../simpul-domain/src/bus"),
        root.join("src/pages/bus"),
    ] {
        rust_files(&dir, &mut files);
    }
    files.push(root.join("src/api/bus.rs"));

    // The bus domain also raises its codes through small helpers (`bad("url_skema", …)`,
    // `segment(…, "kode_layanan")`): those literals are listed here.
    let helpers = [
        "url_skema",
        "url_tidak_valid",
        "url_kueri",
        "url_kredensial",
        "kode_layanan",
        "versi_tidak_valid",
        "klasifikasi_tidak_dikenal",
        "nama_nik_tidak_valid",
        "nama_nik_terlalu_banyak",
    ];
    let codes: BTreeSet<String> = files
        .iter()
        .flat_map(|f| codes_in(&std::fs::read_to_string(f).unwrap()))
        .chain(helpers.iter().map(|c| (*c).to_owned()))
        .collect();
    assert!(codes.contains("openapi_versi"), "{codes:?}");
    let en = fluent_keys("en");
    let missing: Vec<String> = codes
        .iter()
        .map(|c| format!("masalah-{}", c.replace('_', "-")))
        .filter(|k| !en.contains_key(k))
        .collect();
    assert!(missing.is_empty(), "no English text for {missing:?}");
}
