//! `simpul --help`, `config default`, `migrate`, and configuration errors, run as the
//! real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TempDir, run, sim, simpul};

#[test]
fn config_default_prints_parseable_toml_with_the_defaults() {
    let dir = TempDir::new("cfg");
    let out = sim(&dir, &["config", "default"]).ok();
    assert!(
        out.stdout.contains("idle_timeout_minutes = 30"),
        "{}",
        out.stdout
    );
    let v: toml::Table = toml::from_str(&out.stdout).unwrap();
    assert_eq!(v["idle_timeout_minutes"].as_integer(), Some(30));
    assert_eq!(v["listen"].as_str(), Some("127.0.0.1:8080"));
    assert_eq!(v["data_dir"].as_str(), Some("data"));
    assert!(!v.contains_key("database_url"), "commented out by default");
    // What it prints is a valid config file for the binary itself.
    std::fs::write(dir.path().join("printed.toml"), &out.stdout).unwrap();
    let data = dir.path().join("d2");
    sim(
        &dir,
        &[
            "--config",
            "printed.toml",
            "migrate",
            "--data-dir",
            data.to_str().unwrap(),
        ],
    )
    .ok();
    // `config default` touches no database.
    assert!(!dir.data().exists());
}

#[test]
fn help_lists_the_subcommands() {
    let dir = TempDir::new("help");
    let out = sim(&dir, &["--help"]).ok();
    for sub in ["serve", "migrate", "admin", "verify", "config"] {
        assert!(
            out.stdout.lines().any(|l| l.trim_start().starts_with(sub)),
            "--help lacks {sub}: {}",
            out.stdout
        );
    }
    let out = sim(&dir, &["admin", "--help"]).ok();
    for sub in ["setup-region", "create-user", "create-token"] {
        assert!(out.stdout.contains(sub), "admin --help lacks {sub}");
    }
    sim(&dir, &["no-such-command"]).fails();
}

#[test]
fn migrate_creates_the_database_and_is_repeatable() {
    let dir = TempDir::new("mig");
    let d = dir.path().join("elsewhere");
    let d_arg = d.to_str().unwrap();
    assert!(!d.exists());
    let out = sim(&dir, &["migrate", "--data-dir", d_arg]).ok();
    assert!(d.join("simpul.db").is_file(), "{out:#?}");
    assert!(out.stdout.contains("sqlite"), "{out:#?}");
    let out = sim(&dir, &["migrate", "--data-dir", d_arg]).ok();
    assert!(out.stdout.contains("sudah mutakhir"), "{out:#?}");
    // --data-dir wins over SIMPUL_DATA_DIR.
    assert!(!dir.db().exists());
}

#[test]
fn unknown_database_scheme_is_refused_by_name() {
    let dir = TempDir::new("scheme");
    let mut c = simpul(&dir, &["migrate"]);
    c.env("SIMPUL_DATABASE_URL", "mysql://x");
    let out = run(c).fails();
    assert!(out.stderr.contains("\"mysql\""), "{out:#?}");
    assert!(!dir.db().exists(), "no SQLite fallback: {out:#?}");
}

#[test]
fn config_file_with_an_unknown_key_is_refused_naming_the_file() {
    let dir = TempDir::new("badkey");
    std::fs::write(
        dir.path().join("salah.toml"),
        "listen = \"127.0.0.1:0\"\nlistn = \"x\"\n",
    )
    .unwrap();
    let out = sim(&dir, &["--config", "salah.toml", "migrate"]).fails();
    assert!(out.stderr.contains("salah.toml"), "{out:#?}");
    assert!(out.stderr.contains("listn"), "{out:#?}");
    assert!(!dir.db().exists());

    // A missing --config file is an error too, naming it.
    let out = sim(&dir, &["--config", "tidak-ada.toml", "migrate"]).fails();
    assert!(out.stderr.contains("tidak-ada.toml"), "{out:#?}");
}

#[test]
fn implicit_simpul_toml_in_the_working_dir_is_read() {
    let dir = TempDir::new("implicit");
    std::fs::write(dir.path().join("simpul.toml"), "idle_timeout = 5\n").unwrap();
    let out = sim(&dir, &["migrate"]).fails();
    assert!(out.stderr.contains("simpul.toml"), "{out:#?}");
}

#[test]
fn database_password_never_appears_in_output() {
    let dir = TempDir::new("secret");
    let mut c = simpul(&dir, &["migrate"]);
    c.env(
        "SIMPUL_DATABASE_URL",
        "postgres://u:topsecret@127.0.0.1:1/x",
    )
    .env("SIMPUL_LOG", "debug");
    let out = run(c).fails();
    assert!(!out.all().contains("topsecret"), "{out:#?}");
    assert!(
        out.stderr.contains("127.0.0.1:1"),
        "names the target: {out:#?}"
    );
}
