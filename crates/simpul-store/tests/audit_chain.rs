//! The audit chain on every backend: intact after changes, every kind of tampering done
//! directly in the database is detected and named, and concurrent writers keep it intact.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{backends, count, exec, head_seq, new_pd};
use simpul_domain::audit::ChainBreak;
use simpul_domain::org::JenisPd;
use simpul_store::audit::{self, Verification};
use simpul_store::{Actor, Db, pd};

/// Make `n` changes (PD creations); the chain then holds entries 1..=n.
async fn changes(name: &str, db: &Db, n: usize) {
    for i in 0..n {
        pd::create(
            db,
            &Actor::sistem(),
            &new_pd(
                &format!("PD-{i}"),
                &format!("PD {i}"),
                None,
                JenisPd::Dinas,
                None,
            ),
            false,
        )
        .await
        .unwrap_or_else(|e| panic!("[{name}] create PD-{i}: {e}"));
    }
    match audit::verify(db).await.unwrap() {
        Verification::Intact(k) => assert_eq!(k, n as i64, "[{name}] intact chain length"),
        Verification::Broken(b) => panic!("[{name}] untouched chain broken: {b}"),
    }
}

async fn broken(name: &str, db: &Db) -> ChainBreak {
    match audit::verify(db).await.unwrap() {
        Verification::Broken(b) => b,
        Verification::Intact(n) => panic!("[{name}] tampering not detected (Intact({n}))"),
    }
}

#[tokio::test]
async fn altered_detail_is_named() {
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 5).await;
        assert_eq!(
            exec(
                db,
                r#"UPDATE audit_log SET detail = '{"kode":"PALSU"}' WHERE seq = 3"#
            )
            .await,
            1
        );
        let br = broken(name, db).await;
        assert_eq!(
            br,
            ChainBreak::Altered { seq: 3 },
            "[{name}] altered detail"
        );
        assert_eq!(br.seq(), 3, "[{name}] names seq 3");
    }
}

#[tokio::test]
async fn altered_actor_with_recomputed_hash_breaks_the_next_link() {
    // A forger who recomputes the altered entry's own hash still breaks the link of the
    // entry after it.
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 4).await;
        let page = audit::list(db, &audit::AuditFilter::default(), 10, 0)
            .await
            .unwrap();
        let mut e2 = page
            .entries
            .iter()
            .find(|e| e.fields.seq == 2)
            .unwrap()
            .clone();
        e2.fields.actor = "198609262015051001".into();
        let forged = simpul_domain::audit::entry_hash(&e2.prev_hash, &e2.fields);
        let sql = format!(
            "UPDATE audit_log SET actor = '{}', hash = '{forged}' WHERE seq = 2",
            e2.fields.actor
        );
        assert_eq!(exec(db, &sql).await, 1);
        assert_eq!(
            broken(name, db).await,
            ChainBreak::Link { seq: 3 },
            "[{name}] forged entry breaks link of 3"
        );
    }
}

#[tokio::test]
async fn deleted_middle_entry_is_named() {
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 5).await;
        assert_eq!(exec(db, "DELETE FROM audit_log WHERE seq = 3").await, 1);
        let br = broken(name, db).await;
        assert_eq!(
            br,
            ChainBreak::Gap {
                expected: 3,
                found: 4
            },
            "[{name}] deleted entry"
        );
        assert_eq!(br.seq(), 3, "[{name}] names seq 3");
    }
}

#[tokio::test]
async fn swapped_entries_are_named() {
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 5).await;
        // Swap the positions of entries 2 and 3 through a free seq (the primary key).
        assert_eq!(
            exec(db, "UPDATE audit_log SET seq = -2 WHERE seq = 2").await,
            1
        );
        assert_eq!(
            exec(db, "UPDATE audit_log SET seq = 2 WHERE seq = 3").await,
            1
        );
        assert_eq!(
            exec(db, "UPDATE audit_log SET seq = 3 WHERE seq = -2").await,
            1
        );
        let br = broken(name, db).await;
        assert_eq!(br.seq(), 2, "[{name}] first affected entry is 2: {br:?}");
        assert!(
            matches!(
                br,
                ChainBreak::Link { seq: 2 } | ChainBreak::Altered { seq: 2 }
            ),
            "[{name}] reorder: {br:?}"
        );
    }
}

#[tokio::test]
async fn deleted_last_entry_is_detected_by_the_head() {
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 5).await;
        assert_eq!(exec(db, "DELETE FROM audit_log WHERE seq = 5").await, 1);
        let br = broken(name, db).await;
        assert_eq!(
            br,
            ChainBreak::Truncated {
                recorded: 5,
                found: 4
            },
            "[{name}] truncated"
        );
        assert_eq!(br.seq(), 5, "[{name}] names seq 5");
    }
}

#[tokio::test]
async fn rewritten_head_hash_is_detected() {
    let b = backends().await;
    for (name, db) in b.iter() {
        changes(name, db, 3).await;
        let fake = "f".repeat(64);
        assert_eq!(
            exec(
                db,
                &format!("UPDATE audit_head SET hash = '{fake}' WHERE id = 1")
            )
            .await,
            1
        );
        let br = broken(name, db).await;
        assert_eq!(
            br,
            ChainBreak::Truncated {
                recorded: 3,
                found: 3
            },
            "[{name}] head hash mismatch"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_writers_are_serialised() {
    const TASKS: usize = 8;
    const EACH: usize = 10;
    let b = backends().await;
    for (name, db) in b.iter() {
        let mut handles = Vec::new();
        for t in 0..TASKS {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                let mut errors = Vec::new();
                for i in 0..EACH {
                    let kode = format!("T{t}-{i}");
                    let new = new_pd(&kode, &format!("PD {kode}"), None, JenisPd::Dinas, None);
                    if let Err(e) = pd::create(&db, &Actor::sistem(), &new, false).await {
                        errors.push(format!("{kode}: {e:?}"));
                    }
                }
                errors
            }));
        }
        let mut errors = Vec::new();
        for h in handles {
            errors.extend(h.await.unwrap());
        }
        assert!(
            errors.is_empty(),
            "[{name}] concurrent writers failed ({} errors): {errors:#?}",
            errors.len()
        );
        let n = (TASKS * EACH) as i64;
        assert_eq!(count(db, "pd").await, n, "[{name}] every PD stored");
        assert_eq!(head_seq(db).await, n, "[{name}] head seq");
        match audit::verify(db).await.unwrap() {
            Verification::Intact(k) => assert_eq!(k, n, "[{name}] chain length"),
            Verification::Broken(br) => panic!("[{name}] concurrent appends broke the chain: {br}"),
        }
    }
}
