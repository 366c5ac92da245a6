//! The five demo regions load into a fresh database, hold what the demo README promises,
//! load idempotently, and refuse to mix with another region. Every region runs on SQLite;
//! tanah-bumbu also on PostgreSQL when configured.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{Backends, TODAY, backends, count, head_seq, sqlite_only};
use simpul_domain::access::Role;
use simpul_domain::org::Kedudukan;
use simpul_store::audit::{self, Verification};
use simpul_store::demo::{self, DemoError};
use simpul_store::pd::PdFilter;
use simpul_store::pegawai::PegawaiFilter;
use simpul_store::{pd, pegawai, peran, region, tim};

/// Looks like an Argon2id PHC string; the loader only stores it.
const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

async fn check_region(b: Backends, region_name: &str) {
    let other = demo::REGIONS
        .iter()
        .map(|(n, _)| *n)
        .find(|n| *n != region_name)
        .unwrap();
    for (name, db) in b.iter() {
        let s = demo::load(db, region_name, HASH, TODAY)
            .await
            .unwrap_or_else(|e| panic!("[{name}] load {region_name}: {e}"));
        let ctx = format!("[{name}] {region_name}");

        let r = region::get(db)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{ctx}: region set"));
        assert_eq!(r.nama, s.wilayah, "{ctx}: summary names the region");
        assert_eq!(
            r.profil.as_deref(),
            Some(region_name),
            "{ctx}: profile = file stem"
        );

        let pds = pd::list(
            db,
            &PdFilter {
                termasuk_arsip: true,
                ..PdFilter::default()
            },
        )
        .await
        .unwrap();
        assert!(
            (25..=40).contains(&pds.len()),
            "{ctx}: 25-40 PDs, got {}",
            pds.len()
        );
        assert_eq!(s.pd_baru, pds.len(), "{ctx}: pd_baru");
        let pengelola: Vec<_> = pds.iter().filter(|p| p.pengelola_spbe).collect();
        assert_eq!(pengelola.len(), 1, "{ctx}: exactly one pengelola_spbe PD");
        assert_eq!(
            pd::pengelola(db).await.unwrap().map(|p| p.id),
            Some(pengelola[0].id),
            "{ctx}: pengelola()"
        );

        let (_, staff) = pegawai::list(db, &PegawaiFilter::default(), 1, 0)
            .await
            .unwrap();
        assert!(
            (60..=120).contains(&staff),
            "{ctx}: 60-120 staff, got {staff}"
        );
        assert_eq!(s.pegawai_baru as i64, staff, "{ctx}: pegawai_baru");
        assert_eq!(
            s.peran_baru as i64,
            count(db, "peran").await,
            "{ctx}: peran_baru"
        );

        let held = peran::count_by_role(db).await.unwrap();
        for role in Role::ALL {
            let n = held
                .iter()
                .find(|(c, _)| c == role.code())
                .map_or(0, |(_, n)| *n);
            assert!(
                n > 0,
                "{ctx}: role {} held by someone ({held:?})",
                role.code()
            );
            assert!(
                s.logins
                    .iter()
                    .any(|l| l.peran.iter().any(|p| p == role.code())),
                "{ctx}: a demo login for {}",
                role.code()
            );
        }
        let team = tim::list(db).await.unwrap();
        assert_eq!(
            team.iter()
                .filter(|m| m.kedudukan == Kedudukan::Ketua)
                .count(),
            1,
            "{ctx}: one ketua"
        );
        assert_eq!(
            team.iter()
                .filter(|m| m.kedudukan == Kedudukan::Sekretaris)
                .count(),
            1,
            "{ctx}: one sekretaris"
        );

        let head = head_seq(db).await;
        match audit::verify(db).await.unwrap() {
            Verification::Intact(n) => assert_eq!(n, head, "{ctx}: chain covers every change"),
            Verification::Broken(br) => panic!("{ctx}: chain broken after load: {br}"),
        }
        let changes = 1 + s.pd_baru + s.pegawai_baru + s.peran_baru + team.len();
        assert_eq!(head, changes as i64, "{ctx}: one audit entry per change");

        // A second load finds everything in place.
        let again = demo::load(db, region_name, HASH, TODAY).await.unwrap();
        assert_eq!(
            (again.pd_baru, again.pegawai_baru, again.peran_baru),
            (0, 0, 0),
            "{ctx}: second load creates nothing"
        );
        assert_eq!(again.logins, s.logins, "{ctx}: same logins");
        assert_eq!(
            head_seq(db).await,
            head,
            "{ctx}: second load appends no audit entry"
        );

        // Another region does not mix in.
        match demo::load(db, other, HASH, TODAY).await {
            Err(DemoError::OtherRegion(n)) => assert_eq!(n, r.nama, "{ctx}: names the region held"),
            Err(e) => panic!("{ctx}: loading {other} on top: expected OtherRegion, got {e}"),
            Ok(_) => panic!("{ctx}: loading {other} on top must fail"),
        }
        assert_eq!(
            head_seq(db).await,
            head,
            "{ctx}: refused load changes nothing"
        );
    }
}

#[tokio::test]
async fn tanah_bumbu_on_every_backend() {
    check_region(backends().await, "tanah-bumbu").await;
}

#[tokio::test]
async fn gorontalo() {
    check_region(sqlite_only().await, "gorontalo").await;
}

#[tokio::test]
async fn tanah_laut() {
    check_region(sqlite_only().await, "tanah-laut").await;
}

#[tokio::test]
async fn pasuruan() {
    check_region(sqlite_only().await, "pasuruan").await;
}

#[tokio::test]
async fn jambi() {
    check_region(sqlite_only().await, "jambi").await;
}

#[test]
fn every_shipped_region_is_tested() {
    let names: Vec<_> = demo::REGIONS.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "tanah-bumbu",
            "gorontalo",
            "tanah-laut",
            "pasuruan",
            "jambi"
        ]
    );
}

#[tokio::test]
async fn unknown_region_is_refused() {
    let b = sqlite_only().await;
    let (_, db) = &b[0];
    assert!(
        matches!(demo::load(db, "atlantis", HASH, TODAY).await, Err(DemoError::Unknown(n)) if n == "atlantis")
    );
    assert_eq!(head_seq(db).await, 0);
}
