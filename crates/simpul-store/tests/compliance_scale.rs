//! The compliance of the large demo (60 PDs, 3,000 applications): the time of gathering
//! and evaluating on one date. Ignored by default, like the large registry load; run with
//! `cargo test -p simpul-store --test compliance_scale -- --ignored --nocapture`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod compliance_fixtures;

use std::time::Instant;

use common::{TODAY, sqlite_only, sys};
use compliance_fixtures::{profil, today};
use simpul_domain::compliance::engine::{Rekap, SEGERA_HARI, evaluate};
use simpul_store::{demo, demo_registry, kepatuhan};

const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

#[tokio::test]
#[ignore = "large scale: loading takes about a minute; run with --ignored --nocapture for the figures"]
async fn large_scale_gather_and_evaluate() {
    let b = sqlite_only().await;
    let db = &b[0].1;
    demo::load(db, "tanah-bumbu", HASH, TODAY).await.unwrap();
    demo_registry::load(db, &sys(), "tanah-bumbu", demo_registry::Scale::Large)
        .await
        .unwrap();
    for kode in ["tanah-bumbu", "pasuruan"] {
        let p = profil(kode);
        let as_of = today(&p);
        for run in 1..=3 {
            let started = Instant::now();
            let input = kepatuhan::gather(db, &p, as_of).await.unwrap();
            let gathered = started.elapsed();
            let rows = evaluate(&p, &input, as_of, SEGERA_HARI);
            let rekap = Rekap::dari(&p, &rows);
            eprintln!(
                "{kode} run {run}: gather {gathered:?}, gather + evaluate + summaries {:?}; {} rows, {:?}",
                started.elapsed(),
                rows.len(),
                rekap.wilayah
            );
            assert_eq!(rekap.wilayah.total(), rows.len());
        }
    }
}
