//! The demo's compliance picture follows each region's own regulation: the same audit,
//! recorded 13 months ago, is late in Tanah Bumbu (yearly) and in time in Pasuruan (every
//! two years). Loading twice adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TODAY, sqlite_only, sys};
use simpul_domain::compliance::Status;
use simpul_domain::compliance::engine::evaluate;
use simpul_domain::compliance::profile::{Profil, shipped};
use simpul_store::demo_registry::{self, Scale};
use simpul_store::{Db, demo, demo_compliance, kepatuhan};

const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

/// Statuses of `audit-aplikasi-khusus` rows whose last audit was 13 months ago.
async fn thirteen_months(db: &Db, region: &str) -> Vec<Status> {
    demo::load(db, region, HASH, TODAY).await.unwrap();
    demo_registry::load(db, &sys(), region, Scale::Normal)
        .await
        .unwrap();
    let added = demo_compliance::load(db, TODAY).await.unwrap();
    assert!(added > 10, "{region}: {added}");
    assert_eq!(
        demo_compliance::load(db, TODAY).await.unwrap(),
        0,
        "{region}: twice"
    );
    let profil = Profil::parse(region, shipped(region).unwrap()).unwrap();
    let input = kepatuhan::gather(db, &profil, TODAY).await.unwrap();
    let rows = evaluate(&profil, &input, TODAY, 30);
    let old = TODAY - time::Duration::days(396);
    rows.iter()
        .filter(|r| r.kewajiban.id == "audit-aplikasi-khusus" && r.penilaian.terakhir == Some(old))
        .map(|r| r.penilaian.status)
        .collect()
}

#[tokio::test]
async fn an_audit_13_months_old_is_late_in_tanah_bumbu_not_in_pasuruan() {
    let b = sqlite_only().await;
    let tb = thirteen_months(&b[0].1, "tanah-bumbu").await;
    assert!(!tb.is_empty());
    assert!(tb.iter().all(|s| *s == Status::Terlambat), "{tb:?}");
    let b = sqlite_only().await;
    let ps = thirteen_months(&b[0].1, "pasuruan").await;
    assert!(!ps.is_empty());
    assert!(ps.iter().all(|s| *s != Status::Terlambat), "{ps:?}");
}
