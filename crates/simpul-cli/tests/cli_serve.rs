//! `simpul serve` as a child process: API tokens from the CLI work against the API, the
//! ops endpoints answer, and demo loading is idempotent across restarts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{NIP, Server, TempDir, block_on, setup_admin, sim};

/// `GET url` with an optional bearer token: (status, body).
fn get(url: &str, token: Option<&str>) -> (u16, String) {
    block_on(async {
        let client = reqwest::Client::builder()
            .timeout(common::WAIT)
            .build()
            .unwrap();
        let mut req = client.get(url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let res = req.send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.text().await.unwrap())
    })
}

/// The "Demo: … (X PD baru, Y pegawai baru, Z peran baru)" line.
fn demo_line(s: &Server) -> String {
    s.lines
        .iter()
        .find(|l| l.starts_with("Demo: "))
        .unwrap_or_else(|| panic!("no demo summary: {s:?}"))
        .clone()
}

fn audit_entries(dir: &TempDir) -> String {
    let out = sim(dir, &["verify"]).ok();
    out.stdout
        .split_once("utuh: ")
        .and_then(|(_, r)| r.split_once(' '))
        .map(|(n, _)| n.to_owned())
        .unwrap_or_else(|| panic!("{out:#?}"))
}

#[test]
fn cli_token_authenticates_against_the_running_server() {
    let dir = TempDir::new("serve-token");
    setup_admin(&dir);
    let out = sim(&dir, &["admin", "create-token", "--nip", NIP]).ok();
    let token = out.stdout.trim().to_owned();
    assert!(token.starts_with("simpul_"), "{out:#?}");

    let data = dir.data();
    let server = Server::start(
        &dir,
        &[
            "--data-dir",
            data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ],
    );
    assert!(server.addr.starts_with("127.0.0.1:"), "{server:?}");
    assert!(!server.addr.ends_with(":0"), "real port: {server:?}");

    let (st, body) = get(&server.url("/api/v1/saya"), Some(&token));
    assert_eq!(st, 200, "{body}");
    let me: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(me["pegawai"]["nip"], NIP, "{body}");
    assert!(body.contains("super_admin"), "{body}");

    let (st, body) = get(&server.url("/api/v1/saya"), None);
    assert_eq!(st, 401, "{body}");
    let (st, body) = get(&server.url("/api/v1/saya"), Some("simpul_0000"));
    assert_eq!(st, 401, "{body}");
    let (st, _) = get(&server.url("/api/v1/saya"), Some(&format!("{token}x")));
    assert_eq!(st, 401);

    let (st, body) = get(&server.url("/healthz"), None);
    assert_eq!((st, body.as_str()), (200, "ok"));
    let (st, body) = get(&server.url("/readyz"), None);
    assert_eq!(st, 200, "{body}");
    assert!(body.contains("sqlite"), "{body}");

    let st = server.stop();
    assert!(st.success(), "clean exit on SIGTERM: {st:?}");
}

#[test]
fn serve_refuses_a_busy_port_and_a_bad_listen_address() {
    let dir = TempDir::new("serve-port");
    let first = Server::start(&dir, &["--listen", "127.0.0.1:0"]);
    let out = sim(&dir, &["serve", "--listen", &first.addr]).fails();
    assert!(out.stderr.contains(&first.addr), "{out:#?}");
    let out = sim(&dir, &["serve", "--listen", "bukan-alamat"]).fails();
    assert!(out.stderr.contains("bukan-alamat"), "{out:#?}");
    drop(first);
}

#[test]
fn demo_prints_logins_and_loads_only_once() {
    let dir = TempDir::new("serve-demo");
    let data = dir.data();
    let args = [
        "--demo",
        "tanah-bumbu",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        data.to_str().unwrap(),
    ];
    let first = Server::start(&dir, &args);
    let out = first.stdout();
    assert!(
        first.lines.iter().any(|l| l.contains("simpul-demo-2026")),
        "{first:?}"
    );
    assert!(demo_line(&first).contains("Kabupaten Tanah Bumbu"), "{out}");
    assert!(!demo_line(&first).contains("(0 PD baru"), "{out}");
    // Login lines start with an 18-digit NIP.
    let logins: Vec<&String> = first
        .lines
        .iter()
        .filter(|l| {
            let w = l.split_whitespace().next().unwrap_or("");
            w.len() == 18 && w.bytes().all(|b| b.is_ascii_digit())
        })
        .collect();
    assert!(logins.len() >= 3, "{out}");
    assert!(logins.iter().any(|l| l.contains("super_admin")), "{out}");
    let (st, _) = get(&first.url("/healthz"), None);
    assert_eq!(st, 200);
    assert!(first.stop().success());
    let entries = audit_entries(&dir);

    let second = Server::start(&dir, &args);
    assert!(
        demo_line(&second).contains("(0 PD baru, 0 pegawai baru, 0 peran baru)"),
        "{second:?}"
    );
    assert!(
        second.stdout().contains("simpul-demo-2026"),
        "logins still shown: {second:?}"
    );
    assert!(second.stop().success());
    assert_eq!(audit_entries(&dir), entries, "second load changed nothing");
}

#[test]
fn unknown_demo_region_names_the_valid_ones() {
    let dir = TempDir::new("serve-atlantis");
    let out = sim(
        &dir,
        &["serve", "--demo", "atlantis", "--listen", "127.0.0.1:0"],
    )
    .fails();
    assert!(out.stderr.contains("atlantis"), "{out:#?}");
    for r in [
        "tanah-bumbu",
        "gorontalo",
        "tanah-laut",
        "pasuruan",
        "jambi",
    ] {
        assert!(out.stderr.contains(r), "{r} not named: {out:#?}");
    }
    assert!(!out.stdout.contains("Simpul siap"), "{out:#?}");
}

#[test]
fn a_second_demo_region_on_the_same_data_is_refused() {
    let dir = TempDir::new("serve-other");
    let data = dir.data();
    let d = data.to_str().unwrap();
    let s = Server::start(
        &dir,
        &[
            "--demo",
            "jambi",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            d,
        ],
    );
    assert!(s.stop().success());
    let out = sim(
        &dir,
        &[
            "serve",
            "--demo",
            "gorontalo",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            d,
        ],
    )
    .fails();
    assert!(out.stderr.contains("fresh data directory"), "{out:#?}");
}

#[test]
fn sigterm_right_after_ready_exits_cleanly() {
    let dir = TempDir::new("serve-term");
    for _ in 0..5 {
        let s = Server::start(&dir, &["--listen", "127.0.0.1:0"]);
        let st = s.sigterm();
        assert!(
            st.success(),
            "killed by the signal instead of shutting down: {st:?}"
        );
    }
}

#[test]
fn demo_prints_the_registry_summary() {
    let dir = TempDir::new("serve-registry");
    let data = dir.data();
    let args = [
        "--demo",
        "gorontalo",
        "--listen",
        "127.0.0.1:0",
        "--data-dir",
        data.to_str().unwrap(),
    ];
    let s = Server::start(&dir, &args);
    let line = s
        .lines
        .iter()
        .find(|l| l.starts_with("Registri demo: "))
        .unwrap_or_else(|| panic!("no registry summary: {s:?}"))
        .clone();
    assert!(line.contains("150 aplikasi"), "{line}");
    assert!(line.contains("400 data"), "{line}");
    assert!(line.contains("server bersama: SRV-APP-01"), "{line}");
    assert!(line.contains(" detik"), "{line}");
    assert!(s.stop().success());
    let again = Server::start(&dir, &args);
    assert!(
        again.stdout().contains("0 rekaman dan 0 relasi baru"),
        "second load adds nothing: {again:?}"
    );
    assert!(again.stop().success());
}
