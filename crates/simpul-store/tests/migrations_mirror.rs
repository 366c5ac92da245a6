//! The two migration trees mirror each other, and the embedded list is exactly them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

fn files(backend: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn sqlite_and_postgres_trees_hold_the_same_files() {
    let sqlite = files("sqlite");
    let postgres = files("postgres");
    assert!(!sqlite.is_empty(), "migrations/sqlite is empty");
    let only_sqlite: Vec<_> = sqlite.iter().filter(|n| !postgres.contains(n)).collect();
    let only_postgres: Vec<_> = postgres.iter().filter(|n| !sqlite.contains(n)).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "migration trees differ: only in sqlite {only_sqlite:?}, only in postgres {only_postgres:?}"
    );
}

#[test]
fn embedded_list_is_exactly_the_files_in_order() {
    let embedded = simpul_store::migrate::names();
    assert_eq!(
        embedded,
        files("sqlite"),
        "migrate::names() must list every file of migrations/, sorted"
    );
    for n in &embedded {
        assert!(
            n.len() > 5 && n[..4].bytes().all(|b| b.is_ascii_digit()) && n.ends_with(".sql"),
            "migration {n:?} is not named NNNN_name.sql"
        );
    }
    let mut numbers: Vec<&str> = embedded.iter().map(|n| &n[..4]).collect();
    numbers.dedup();
    assert_eq!(
        numbers.len(),
        embedded.len(),
        "two migrations share a number"
    );
}
