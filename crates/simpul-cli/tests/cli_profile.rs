//! `simpul profile check` and `simpul profile new` on real files.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TempDir, sim};

fn shipped(name: &str) -> String {
    format!("{}/../../profiles/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shipped_profiles_check_with_their_citations() {
    let dir = TempDir::new("profile-check");
    let out = sim(&dir, &["profile", "check", &shipped("tanah-bumbu.toml")]).ok();
    assert!(out.stdout.contains("profil tanah-bumbu sah"), "{out:#?}");
    assert!(out.stdout.contains("semua kutipan ditemukan"), "{out:#?}");
}

#[test]
fn a_broken_profile_names_file_line_and_field() {
    let dir = TempDir::new("profile-broken");
    let text = std::fs::read_to_string(shipped("tanah-bumbu.toml")).unwrap();
    let bad = text.replacen("jadwal = \"tahunan\"", "jadwal = \"kadang-kadang\"", 1);
    let line = bad
        .lines()
        .position(|l| l.contains("kadang-kadang"))
        .unwrap()
        + 1;
    let path = dir.path().join("tanah-bumbu.toml");
    std::fs::write(&path, &bad).unwrap();
    let out = sim(&dir, &["profile", "check", path.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(
        out.stderr
            .contains(&format!("tanah-bumbu.toml:{line}: kewajiban[0].jadwal:")),
        "{out:#?}"
    );
    // Without sources/ beside it the citations are not checked, and it says so.
    std::fs::write(&path, &text).unwrap();
    let out = sim(&dir, &["profile", "check", path.to_str().unwrap()]).ok();
    assert!(out.stdout.contains("Kutipan tidak diperiksa"), "{out:#?}");
    // A text changed from the regulation's words is caught when the source is there.
    std::fs::create_dir_all(dir.path().join("sources")).unwrap();
    std::fs::copy(
        shipped("sources/000_d9a9abf0954d50c7.txt"),
        dir.path().join("sources/000_d9a9abf0954d50c7.txt"),
    )
    .unwrap();
    let edited = text.replacen("setiap tahun.\"", "setiap bulan.\"", 1);
    std::fs::write(&path, edited).unwrap();
    let out = sim(&dir, &["profile", "check", path.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(
        out.stderr.contains("tidak ditemukan apa adanya"),
        "{out:#?}"
    );
}

#[test]
fn new_copies_a_shipped_profile_and_never_overwrites() {
    let dir = TempDir::new("profile-new");
    let path = dir.path().join("kabupaten-baru.toml");
    let out = sim(
        &dir,
        &[
            "profile",
            "new",
            "--from",
            "tanah-bumbu",
            "--out",
            path.to_str().unwrap(),
        ],
    )
    .ok();
    assert!(out.stdout.contains("Profil baru ditulis"), "{out:#?}");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Disalin dari profil tanah-bumbu"));
    assert!(text.contains("[[kewajiban]]"));
    let again = sim(
        &dir,
        &[
            "profile",
            "new",
            "--from",
            "tanah-bumbu",
            "--out",
            path.to_str().unwrap(),
        ],
    );
    assert_ne!(again.code, Some(0), "{again:#?}");
    assert!(again.all().contains("not overwriting"), "{again:#?}");
    let unknown = sim(&dir, &["profile", "new", "--from", "atlantis"]);
    assert_ne!(unknown.code, Some(0));
    assert!(
        unknown.all().contains("tanah-bumbu"),
        "lists the shipped ones: {unknown:#?}"
    );
}
