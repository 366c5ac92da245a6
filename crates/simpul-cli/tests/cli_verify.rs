//! `simpul verify` on a demo database, then on copies tampered with directly in SQLite:
//! each kind of tampering must exit 1 and, where it can, name the first bad entry.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Out, Server, TempDir, block_on, open_db, sim};

/// A fresh data dir holding the tanah-bumbu demo, with the server stopped again.
fn demo_dir(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    let data = dir.data();
    let s = Server::start(
        &dir,
        &[
            "--demo",
            "tanah-bumbu",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data.to_str().unwrap(),
        ],
    );
    assert!(s.stop().success());
    dir
}

/// Run SQL statements on the stopped server's database.
fn tamper(dir: &TempDir, statements: &[&str]) {
    block_on(async {
        let pool = open_db(&dir.db()).await;
        for s in statements {
            let r = sqlx::query(s).execute(&pool).await.unwrap();
            assert!(r.rows_affected() > 0, "no row affected by {s}");
        }
        pool.close().await;
    });
}

fn count(dir: &TempDir) -> i64 {
    block_on(async {
        let pool = open_db(&dir.db()).await;
        let n = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    })
}

fn verify(dir: &TempDir) -> Out {
    let data = dir.data();
    sim(dir, &["verify", "--data-dir", data.to_str().unwrap()])
}

/// Verify must exit with exactly 1 and report a broken trail.
#[track_caller]
fn broken(dir: &TempDir) -> String {
    let out = verify(dir);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(out.stderr.contains("JEJAK AUDIT RUSAK"), "{out:#?}");
    assert!(!out.stdout.contains("Jejak audit utuh"), "{out:#?}");
    out.stderr
}

/// Every stored file of the data dir: (digest, path).
fn stored_files(dir: &TempDir) -> Vec<(String, std::path::PathBuf)> {
    fn walk(p: &std::path::Path, out: &mut Vec<(String, std::path::PathBuf)>) {
        for e in std::fs::read_dir(p).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push((e.file_name().to_string_lossy().into_owned(), path));
            }
        }
    }
    let mut out = Vec::new();
    walk(&dir.data().join("berkas"), &mut out);
    out.sort();
    out
}

#[test]
fn clean_demo_verifies() {
    let dir = demo_dir("verify-clean");
    let n = count(&dir);
    assert!(n > 10, "demo writes an audit trail: {n}");
    let out = verify(&dir).ok();
    assert!(
        out.stdout
            .contains(&format!("Jejak audit utuh: {n} entri terverifikasi")),
        "{out:#?}"
    );
    let files = stored_files(&dir).len();
    assert!(files > 10, "the demo stores LAN diagrams and SOPs: {files}");
    assert!(
        out.stdout
            .contains(&format!("Berkas utuh: {files} berkas terverifikasi")),
        "{out:#?}"
    );
    // An empty database verifies too.
    let empty = TempDir::new("verify-empty");
    let out = verify(&empty).ok();
    assert!(out.stdout.contains("utuh: 0 entri"), "{out:#?}");
}

#[test]
fn changed_detail_is_named() {
    let dir = demo_dir("verify-detail");
    let seq = count(&dir) / 2;
    tamper(
        &dir,
        &[&format!(
            "UPDATE audit_log SET detail = '{{\"diubah\":true}}' WHERE seq = {seq}"
        )],
    );
    let err = broken(&dir);
    assert!(err.contains(&format!("pada entri {seq}:")), "{err}");
    assert!(err.contains("diubah"), "says it was altered: {err}");
}

#[test]
fn changed_actor_is_named() {
    let dir = demo_dir("verify-actor");
    tamper(
        &dir,
        &["UPDATE audit_log SET actor = 'penyusup' WHERE seq = 3"],
    );
    let err = broken(&dir);
    assert!(err.contains("pada entri 3:"), "{err}");
}

#[test]
fn deleted_middle_row_is_named() {
    let dir = demo_dir("verify-delete");
    let seq = count(&dir) / 2;
    tamper(&dir, &[&format!("DELETE FROM audit_log WHERE seq = {seq}")]);
    let err = broken(&dir);
    assert!(err.contains(&format!("pada entri {seq}:")), "{err}");
    assert!(err.contains("hilang"), "{err}");
}

#[test]
fn swapped_rows_are_detected() {
    let dir = demo_dir("verify-swap");
    tamper(
        &dir,
        &[
            "UPDATE audit_log SET seq = -1 WHERE seq = 5",
            "UPDATE audit_log SET seq = 5 WHERE seq = 6",
            "UPDATE audit_log SET seq = 6 WHERE seq = -1",
        ],
    );
    let err = broken(&dir);
    assert!(err.contains("pada entri 5:"), "{err}");
}

#[test]
fn deleted_last_row_is_detected() {
    let dir = demo_dir("verify-tail");
    let last = count(&dir);
    tamper(
        &dir,
        &[&format!("DELETE FROM audit_log WHERE seq = {last}")],
    );
    let err = broken(&dir);
    assert!(err.contains(&format!("pada entri {last}:")), "{err}");
}

#[test]
fn rewritten_chain_without_the_head_is_detected() {
    // Deleting the last row and rewinding the head's seq still leaves its hash behind.
    let dir = demo_dir("verify-head");
    let last = count(&dir);
    tamper(
        &dir,
        &[
            &format!("DELETE FROM audit_log WHERE seq = {last}"),
            &format!("UPDATE audit_head SET seq = {} WHERE id = 1", last - 1),
        ],
    );
    broken(&dir);
}

#[test]
fn altered_and_missing_files_are_named() {
    let dir = demo_dir("verify-files");
    let files = stored_files(&dir);
    let (altered, path) = &files[0];
    std::fs::write(path, b"<mxfile>diagram palsu</mxfile>").unwrap();
    let (missing, path) = &files[1];
    std::fs::remove_file(path).unwrap();
    let out = verify(&dir);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(
        out.stdout.contains("Jejak audit utuh"),
        "the trail itself is fine: {out:#?}"
    );
    assert!(
        out.stderr
            .contains(&format!("BERKAS RUSAK: {altered} isinya berubah")),
        "{out:#?}"
    );
    assert!(
        out.stderr
            .contains(&format!("BERKAS RUSAK: {missing} hilang")),
        "{out:#?}"
    );
    assert!(!out.stdout.contains("Berkas utuh"), "{out:#?}");
}
