//! The demo registry: every region loads at normal scale with the promised counts,
//! loading twice adds nothing, every stored record re-validates, and the heavily shared
//! server's impact reaches public services. The large scale is an ignored test (run it
//! with `--ignored --nocapture` to see time and database size).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Instant;

use common::{TODAY, count, head_seq, sqlite_only, sys};
use simpul_domain::registry::{ItemInput, Jenis, NewItem};
use simpul_store::demo;
use simpul_store::demo_registry::{self, DemoRegistryError, Scale};
use simpul_store::registry::{ItemFilter, item, relation};
use simpul_store::{Db, pd};

const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

fn near(n: usize, want: usize, pct: usize) -> bool {
    n * 100 >= want * (100 - pct) && n * 100 <= want * (100 + pct)
}

async fn every_record_revalidates(db: &Db) {
    let f = ItemFilter {
        termasuk_arsip: true,
        ..ItemFilter::default()
    };
    let (items, total) = item::list(db, &f, 1_000_000, 0).await.unwrap();
    assert_eq!(items.len() as i64, total);
    for it in items {
        let input = ItemInput {
            kode: it.kode.clone(),
            nama: it.nama.clone(),
            deskripsi: it.deskripsi.clone().unwrap_or_default(),
            pd: it.pd,
            status: it.status.clone().unwrap_or_default(),
            atribut: it.atribut.clone(),
        };
        let n = NewItem::parse(it.jenis, &input)
            .unwrap_or_else(|p| panic!("{} {}: {p:?}", it.jenis.code(), it.kode));
        assert_eq!(n.atribut, it.atribut, "{} is canonical", it.kode);
    }
}

#[tokio::test]
async fn every_region_loads_at_normal_scale_once() {
    for (region, _) in demo::REGIONS {
        let b = sqlite_only().await;
        let db = &b[0].1;
        demo::load(db, region, HASH, TODAY).await.unwrap();
        let started = Instant::now();
        let s = demo_registry::load(db, &sys(), region, Scale::Normal)
            .await
            .unwrap_or_else(|e| panic!("{region}: {e}"));
        eprintln!(
            "{region}: {} records, {} relations in {:?}; shared server {}; {:?}",
            s.rekaman(),
            s.relasi,
            started.elapsed(),
            s.server_bersama,
            s.per_jenis
        );
        assert_eq!(s.rekaman_baru, s.rekaman(), "{region}");
        assert_eq!(s.relasi_baru, s.relasi, "{region}");
        assert_eq!(count(db, "arsitektur").await as usize, s.rekaman());
        assert_eq!(count(db, "relasi").await as usize, s.relasi);
        assert!(near(s.count(Jenis::Aplikasi), 150, 5), "{region} {s:?}");
        assert!(near(s.count(Jenis::Data), 400, 5), "{region} {s:?}");
        assert!(near(s.count(Jenis::Layanan), 60, 10), "{region} {s:?}");
        assert!(near(s.count(Jenis::ProsesBisnis), 40, 10), "{region} {s:?}");
        assert_eq!(s.count(Jenis::Server), 25, "{region}");
        assert_eq!(s.count(Jenis::PusatData), 3, "{region}");
        let pds = pd::list(db, &pd::PdFilter::default()).await.unwrap().len();
        assert_eq!(s.count(Jenis::SitusWeb), pds, "a website per PD");
        assert_eq!(s.count(Jenis::Subnet), pds + 3, "a subnet per PD");
        assert!(s.count(Jenis::SopKeamanan) >= 8 * 10, "{region}");
        assert!(s.relasi > 1000, "{region}: {}", s.relasi);

        let before = head_seq(db).await;
        let again = demo_registry::load(db, &sys(), region, Scale::Normal)
            .await
            .unwrap();
        assert_eq!((again.rekaman_baru, again.relasi_baru), (0, 0), "{region}");
        assert_eq!(
            head_seq(db).await,
            before,
            "{region}: second load changed nothing"
        );

        if *region == "tanah-bumbu" {
            every_record_revalidates(db).await;
            let shared = item::by_kode(db, Jenis::Server, &s.server_bersama)
                .await
                .unwrap();
            let hosted = relation::of_item(db, shared.id)
                .await
                .unwrap()
                .into_iter()
                .filter(|(_, other, out)| !out && other.jenis == Jenis::Aplikasi)
                .count();
            assert!(hosted >= 30, "heavily shared: {hosted} applications");
            let deps = relation::dependents(db, shared.id, 32).await.unwrap();
            assert!(
                deps.iter().any(|(it, _)| it.jenis == Jenis::Layanan
                    && it.atribut.get("jenis").map(String::as_str) == Some("publik")),
                "public services depend on the shared server"
            );
        }
    }
}

#[tokio::test]
async fn the_registry_needs_its_region() {
    let b = sqlite_only().await;
    let db = &b[0].1;
    let e = demo_registry::load(db, &sys(), "jambi", Scale::Normal).await;
    assert!(matches!(e, Err(DemoRegistryError::NoRegion)), "{e:?}");
    demo::load(db, "jambi", HASH, TODAY).await.unwrap();
    let e = demo_registry::load(db, &sys(), "gorontalo", Scale::Normal).await;
    assert!(
        matches!(e, Err(DemoRegistryError::OtherRegion(..))),
        "{e:?}"
    );
}

#[tokio::test]
#[ignore = "large scale: about a minute; run with --ignored --nocapture for the figures"]
async fn large_scale_loads() {
    let b = sqlite_only().await;
    let db = &b[0].1;
    demo::load(db, "tanah-bumbu", HASH, TODAY).await.unwrap();
    let started = Instant::now();
    let s = demo_registry::load(db, &sys(), "tanah-bumbu", Scale::Large)
        .await
        .unwrap();
    let took = started.elapsed();
    let pds = pd::list(db, &pd::PdFilter::default()).await.unwrap().len();
    let size: i64 = simpul_store::on_db!(db, p => sqlx::query_scalar(
        "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()"
    ).fetch_one(p).await)
    .unwrap();
    eprintln!(
        "large: {pds} PDs ({} new), {} records, {} relations in {took:?}; database {} MB; shared server {}; {:?}",
        s.pd_baru,
        s.rekaman(),
        s.relasi,
        size / 1_000_000,
        s.server_bersama,
        s.per_jenis
    );
    assert_eq!(pds, demo_registry::LARGE_PDS);
    assert!(near(s.count(Jenis::Aplikasi), 3000, 2));
    assert!(near(s.count(Jenis::Data), 30_000, 2));
    assert!(near(s.relasi, 100_000, 10), "{}", s.relasi);
    let started = Instant::now();
    let shared = item::by_kode(db, Jenis::Server, &s.server_bersama)
        .await
        .unwrap();
    let deps = relation::dependents(db, shared.id, 32).await.unwrap();
    eprintln!(
        "impact of the shared server: {} dependents in {:?}",
        deps.len(),
        started.elapsed()
    );
}
