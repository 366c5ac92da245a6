//! Conformance on every backend: listing registry records (filters, totals, pages,
//! archived records) and the counts per kind, domain and PD.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;

use common::{backends, new_pd, pd_a, sys};
use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_domain::registry::{Domain, Item, Jenis, NewItem};
use simpul_store::pd;
use simpul_store::registry::{ItemFilter, item};

fn new_item(jenis: Jenis, kode: &str, nama: &str, pd: Option<PdId>) -> NewItem {
    NewItem {
        jenis,
        kode: kode.into(),
        nama: nama.into(),
        deskripsi: None,
        pd,
        status: None,
        atribut: BTreeMap::new(),
    }
}

fn kodes(list: &[Item]) -> Vec<&str> {
    list.iter().map(|i| i.kode.as_str()).collect()
}

#[tokio::test]
async fn registry_list_filters_totals_archive_and_counts() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let bb = pd::create(
            db,
            &sys(),
            &new_pd("PD-B", "PD B", None, JenisPd::Badan, None),
            false,
        )
        .await
        .unwrap();
        for i in 0..5 {
            let mut n = new_item(
                Jenis::Aplikasi,
                &format!("APP-{i}"),
                &format!("Aplikasi {i}"),
                Some(a.id),
            );
            n.status = Some(if i < 3 { "produksi" } else { "usulan" }.into());
            item::create(db, &sys(), &n).await.unwrap();
        }
        for i in 0..3 {
            let n = new_item(
                Jenis::Server,
                &format!("SRV-{i}"),
                &format!("Server 10%_{i}"),
                Some(bb.id),
            );
            item::create(db, &sys(), &n).await.unwrap();
        }
        let nic = item::create(
            db,
            &sys(),
            &new_item(Jenis::Jaringan, "NET-1", "Jaringan inti", None),
        )
        .await
        .unwrap();
        item::create(
            db,
            &sys(),
            &new_item(Jenis::Data, "DS-1", "Data penduduk", Some(a.id)),
        )
        .await
        .unwrap();

        let all = ItemFilter::default();
        let (page, total) = item::list(db, &all, 4, 0).await.unwrap();
        assert_eq!(total, 10, "[{name}] total");
        assert_eq!(
            kodes(&page),
            ["APP-0", "APP-1", "APP-2", "APP-3"],
            "[{name}] by kind, kode"
        );
        let (page, total) = item::list(db, &all, 3, 5).await.unwrap();
        assert_eq!(kodes(&page), ["DS-1", "NET-1", "SRV-0"], "[{name}] offset");
        assert_eq!(total, 10, "[{name}] total ignores the page");

        let cases: Vec<(ItemFilter, i64)> = vec![
            (
                ItemFilter {
                    jenis: Some(Jenis::Aplikasi),
                    ..Default::default()
                },
                5,
            ),
            (
                ItemFilter {
                    domain: Some(Domain::Infrastruktur),
                    ..Default::default()
                },
                4,
            ),
            (
                ItemFilter {
                    pd: Some(vec![a.id]),
                    ..Default::default()
                },
                6,
            ),
            (
                ItemFilter {
                    pd: Some(vec![a.id, bb.id]),
                    ..Default::default()
                },
                9,
            ),
            (
                ItemFilter {
                    pd: Some(vec![]),
                    ..Default::default()
                },
                0,
            ),
            (
                ItemFilter {
                    status: Some("produksi".into()),
                    ..Default::default()
                },
                3,
            ),
            (
                ItemFilter {
                    q: Some("aplikasi 4".into()),
                    ..Default::default()
                },
                1,
            ),
            (
                ItemFilter {
                    q: Some("srv".into()),
                    ..Default::default()
                },
                3,
            ),
            (
                ItemFilter {
                    q: Some("10%_".into()),
                    ..Default::default()
                },
                3,
            ),
            (
                ItemFilter {
                    q: Some("%".into()),
                    ..Default::default()
                },
                3,
            ),
            (
                ItemFilter {
                    jenis: Some(Jenis::Aplikasi),
                    status: Some("usulan".into()),
                    pd: Some(vec![a.id]),
                    ..Default::default()
                },
                2,
            ),
        ];
        for (filter, want) in &cases {
            let (page, total) = item::list(db, filter, 100, 0).await.unwrap();
            assert_eq!(total, *want, "[{name}] {filter:?}");
            assert_eq!(page.len() as i64, *want, "[{name}] {filter:?} page");
        }

        item::set_archived(db, &sys(), nic.id, true).await.unwrap();
        let (_, total) = item::list(db, &all, 100, 0).await.unwrap();
        assert_eq!(total, 9, "[{name}] archived hidden");
        let with_archive = ItemFilter {
            termasuk_arsip: true,
            ..Default::default()
        };
        let (page, total) = item::list(db, &with_archive, 100, 0).await.unwrap();
        assert_eq!(total, 10, "[{name}] archived shown when asked");
        assert!(
            page.iter().any(|i| i.id == nic.id && i.diarsipkan),
            "[{name}]"
        );

        let by_jenis = item::count_by_jenis(db).await.unwrap();
        assert_eq!(
            by_jenis,
            [(Jenis::Aplikasi, 5), (Jenis::Server, 3), (Jenis::Data, 1)],
            "[{name}] active per kind, most first"
        );
        let mut by_dp = item::count_by_domain_and_pd(db).await.unwrap();
        by_dp.sort();
        let mut want = vec![
            (Domain::Aplikasi, Some(a.id), 5),
            (Domain::Data, Some(a.id), 1),
            (Domain::Infrastruktur, Some(bb.id), 3),
        ];
        want.sort();
        assert_eq!(by_dp, want, "[{name}] per domain and PD");
    }
}
