//! `simpul admin …`: the happy path, and every refusal exits non-zero with a clear
//! message in Bahasa Indonesia and stores nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{CREATE_ADMIN, NIP, PASSWORD, SETUP_REGION, TempDir, counts, setup_admin, sim};

const TABLES: &[&str] = &["region", "pd", "pegawai", "peran", "api_token", "audit_log"];

fn create_user(dir: &TempDir, nip: &str, password: &str, role: &str, pd: Option<&str>) -> String {
    let mut args = vec![
        "admin",
        "create-user",
        "--nip",
        nip,
        "--name",
        "Budi",
        "--password",
        password,
        "--role",
        role,
    ];
    if let Some(pd) = pd {
        args.extend(["--pd", pd]);
    }
    let out = sim(dir, &args).fails();
    assert!(out.stderr.starts_with("simpul: "), "{out:#?}");
    out.stderr
}

fn setup_region(dir: &TempDir, kode: &str) -> String {
    let out = sim(
        dir,
        &[
            "admin",
            "setup-region",
            "--kode",
            kode,
            "--pd-kode",
            "DISKOMINFO",
            "--pd-nama",
            "Dinas Komunikasi dan Informatika",
        ],
    )
    .fails();
    out.stderr
}

#[test]
fn setup_region_then_create_user_succeeds() {
    let dir = TempDir::new("admin-ok");
    let out = sim(&dir, SETUP_REGION).ok();
    assert!(
        out.stdout.contains("Kabupaten Tanah Bumbu (63.10)"),
        "{out:#?}"
    );
    assert!(out.stdout.contains("DISKOMINFO"), "{out:#?}");
    let out = sim(&dir, CREATE_ADMIN).ok();
    assert!(
        out.stdout
            .contains("Budi (198609262015051001) sebagai super_admin di DISKOMINFO"),
        "{out:#?}"
    );
    assert_eq!(
        counts(&dir.db(), &["region", "pd", "pegawai", "peran"]),
        [1, 1, 1, 1]
    );
    let out = sim(&dir, &["verify"]).ok();
    assert!(out.stdout.contains("Jejak audit utuh"), "{out:#?}");
}

#[test]
fn setup_region_twice_keeps_one_dinas() {
    let dir = TempDir::new("admin-twice");
    setup_admin(&dir);
    let before = counts(&dir.db(), &["region", "pd"]);
    sim(&dir, SETUP_REGION).ok();
    assert_eq!(counts(&dir.db(), &["region", "pd"]), before);
}

#[test]
fn create_user_before_setup_region_says_to_run_it() {
    let dir = TempDir::new("admin-nopd");
    let err = create_user(&dir, NIP, PASSWORD, "super_admin", None);
    assert!(err.contains("belum ada PD"), "{err}");
    assert!(err.contains("simpul admin setup-region"), "{err}");
    assert_eq!(counts(&dir.db(), TABLES), [0, 0, 0, 0, 0, 0]);
}

#[test]
fn create_user_refusals_store_nothing() {
    let dir = TempDir::new("admin-refuse");
    setup_admin(&dir);
    let before = counts(&dir.db(), TABLES);
    let other = "199001012015011002";

    let err = create_user(&dir, "12345", PASSWORD, "super_admin", None);
    assert!(
        err.contains("--nip") && err.contains("NIP harus 18 angka"),
        "{err}"
    );

    let err = create_user(&dir, other, PASSWORD, "raja", None);
    assert!(err.contains("Peran \"raja\" tidak dikenal"), "{err}");
    for r in [
        "super_admin",
        "admin_pd",
        "operator_pd",
        "tim_koordinasi",
        "asesor_internal",
        "auditor",
        "pimpinan",
    ] {
        assert!(err.contains(r), "valid role {r} not listed: {err}");
    }

    let err = create_user(&dir, other, PASSWORD, "admin_pd", Some("NOPE"));
    assert!(err.contains("PD dengan kode NOPE tidak ada"), "{err}");

    let err = create_user(&dir, NIP, "kata-sandi-lain", "auditor", None);
    assert!(
        err.contains("NIP 198609262015051001 sudah terdaftar"),
        "{err}"
    );

    let err = create_user(&dir, other, "pendek", "auditor", None);
    assert!(err.contains("Kata sandi minimal 10 karakter"), "{err}");
    let err = create_user(&dir, other, "12345678901234", "auditor", None);
    assert!(err.contains("tidak boleh hanya berisi angka"), "{err}");
    let err = create_user(&dir, other, &format!("x{other}"), "auditor", None);
    assert!(err.contains("tidak boleh memuat NIP"), "{err}");

    assert_eq!(counts(&dir.db(), TABLES), before);
}

#[test]
fn setup_region_refuses_kecamatan_and_unknown_codes() {
    let dir = TempDir::new("admin-kode");
    let err = setup_region(&dir, "63.10.01");
    assert!(err.contains("kecamatan atau desa"), "{err}");
    assert!(err.contains("63.10.01"), "{err}");
    let err = setup_region(&dir, "99.99");
    assert!(err.contains("99.99") && err.contains("tidak ada"), "{err}");
    let err = setup_region(&dir, "bukan-kode");
    assert!(err.contains("kode wilayah"), "{err}");
    assert_eq!(counts(&dir.db(), TABLES), [0, 0, 0, 0, 0, 0]);
}

#[test]
fn setup_region_with_a_bad_pd_code_stores_nothing() {
    let dir = TempDir::new("admin-pdkode");
    let out = sim(
        &dir,
        &[
            "admin",
            "setup-region",
            "--kode",
            "63.10",
            "--pd-kode",
            "kode salah!",
            "--pd-nama",
            "Dinas",
        ],
    )
    .fails();
    assert!(out.stderr.contains("--pd-kode"), "{out:#?}");
    assert_eq!(counts(&dir.db(), &["region", "pd", "audit_log"]), [0, 0, 0]);
}

#[test]
fn create_token_prints_one_secret_and_refuses_unknown_nip() {
    let dir = TempDir::new("admin-token");
    setup_admin(&dir);
    let out = sim(&dir, &["admin", "create-token", "--nip", NIP]).ok();
    let token = out.stdout.trim();
    assert!(token.starts_with("simpul_"), "{out:#?}");
    assert_eq!(out.stdout.lines().count(), 1, "only the token on stdout");
    assert!(!out.stderr.contains(token), "secret shown once: {out:#?}");
    let out2 = sim(&dir, &["admin", "create-token", "--nip", NIP]).ok();
    assert_ne!(out2.stdout.trim(), token, "each token is new");
    assert_eq!(counts(&dir.db(), &["api_token"]), [2]);

    let out = sim(
        &dir,
        &["admin", "create-token", "--nip", "199001012015011002"],
    )
    .fails();
    assert!(out.stderr.contains("tidak terdaftar"), "{out:#?}");
    assert_eq!(counts(&dir.db(), &["api_token"]), [2]);
}
