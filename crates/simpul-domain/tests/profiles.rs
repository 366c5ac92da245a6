//! The shipped regulation profiles: each loads, every obligation's text appears verbatim
//! in the regulation it cites (kept in `profiles/sources/`, so this runs on a fresh
//! clone), and the regions keep their differences.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use simpul_domain::compliance::profile::Profil;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../profiles")
}

fn profiles() -> Vec<(String, Profil)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir()).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".toml") {
            continue;
        }
        let text = std::fs::read_to_string(e.path()).unwrap();
        match Profil::parse(&name, &text) {
            Ok(p) => out.push((name, p)),
            Err(errs) => panic!("{errs}"),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

#[test]
fn every_profile_loads_and_cites_its_regulation_verbatim() {
    let all = profiles();
    assert!(!all.is_empty());
    for (name, p) in &all {
        assert_eq!(
            format!("{}.toml", p.kode),
            *name,
            "file named after its code"
        );
        let source = std::fs::read_to_string(dir().join("sources").join(&p.sumber))
            .unwrap_or_else(|e| panic!("{name}: source {}: {e}", p.sumber));
        let problems = p.check_citations(&source);
        assert!(problems.is_empty(), "{name}: {problems:#?}");
    }
}

#[test]
fn a_citation_that_is_not_in_the_regulation_is_named() {
    let (_, p) = profiles()
        .into_iter()
        .find(|(_, p)| p.kode == "tanah-bumbu")
        .unwrap();
    let source = std::fs::read_to_string(dir().join("sources").join(&p.sumber)).unwrap();
    let mut altered = p.clone();
    altered.kewajiban[0]
        .teks
        .push_str(" dan dilaporkan setiap bulan");
    let problems = altered.check_citations(&source);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].kode, "kutipan_tidak_ada");
    assert_eq!(problems[0].baris, p.kewajiban[0].baris);
}

#[test]
fn the_five_regions_keep_their_differences() {
    let all = profiles();
    let get = |kode: &str| {
        all.iter()
            .find(|(_, p)| p.kode == kode)
            .map(|(_, p)| p)
            .unwrap()
    };
    let jadwal = |kode: &str, id: &str| {
        get(kode)
            .kewajiban(id)
            .unwrap_or_else(|| panic!("{kode} has no {id}"))
            .jadwal
            .to_string()
    };
    // REG-3: Aplikasi Khusus audited yearly in Tanah Bumbu, every two years elsewhere.
    assert_eq!(
        jadwal("tanah-bumbu", "audit-aplikasi-khusus"),
        "setiap 12 bulan"
    );
    assert_eq!(
        jadwal("gorontalo", "audit-aplikasi-khusus"),
        "setiap 2 tahun"
    );
    assert_eq!(
        jadwal("pasuruan", "audit-aplikasi-khusus"),
        "setiap 2 tahun"
    );
    // Plan horizons: 20 years in Gorontalo, 5 in Pasuruan and Jambi, none in Tanah Bumbu.
    assert_eq!(get("gorontalo").horizon_rencana_induk, Some(20));
    assert_eq!(get("pasuruan").horizon_rencana_induk, Some(5));
    assert_eq!(get("jambi").horizon_rencana_induk, Some(5));
    assert_eq!(get("tanah-bumbu").horizon_rencana_induk, None);
    // Only Tanah Bumbu asks for LAN diagrams.
    assert!(
        get("tanah-bumbu")
            .kewajiban("diagram-lan-tahunan")
            .is_some()
    );
    assert!(get("pasuruan").kewajiban("diagram-lan-tahunan").is_none());
    // Twice-yearly business-process review is Pasuruan's.
    assert_eq!(
        jadwal("pasuruan", "proses-bisnis-reviu"),
        "minimal 2 kali setahun"
    );
    // Every shipped profile is compiled in for `simpul profile new`.
    for (_, p) in &all {
        assert!(
            simpul_domain::compliance::profile::shipped(&p.kode).is_some(),
            "{}",
            p.kode
        );
    }
    assert_eq!(all.len(), 5);
}
