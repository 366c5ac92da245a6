//! Conformance on every backend, at a modest scale (a smoke test, not a benchmark: no
//! timing is asserted): 2,000 records and 5,000 relations stored through the repository,
//! and the impact analysis answers with the counts the generator implies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::{backends, count, head_seq, sys};
use simpul_domain::ids::ItemId;
use simpul_domain::registry::{Jenis, NewItem, RelasiJenis};
use simpul_store::Db;
use simpul_store::registry::{ItemFilter, item, relation, search};

const SERVERS: usize = 20;
const APPS: usize = 400;
const PROCESSES: usize = 1000;
const DATASETS: usize = 179;
const USES_PER_PROCESS: usize = 4;
const APPS_WITH_DATA: usize = 180;

async fn mk(db: &Db, jenis: Jenis, kode: String) -> ItemId {
    let n = NewItem {
        jenis,
        nama: format!("{} {kode}", jenis.code()),
        kode,
        deskripsi: None,
        pd: None,
        status: None,
        atribut: BTreeMap::new(),
    };
    item::create(db, &sys(), &n).await.unwrap().id
}

/// The services process `j` uses.
fn used_by(j: usize) -> impl Iterator<Item = usize> {
    (0..USES_PER_PROCESS).map(move |k| (j * USES_PER_PROCESS + k * 7) % APPS)
}

#[tokio::test]
async fn registry_two_thousand_records_five_thousand_relations() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let dc = mk(db, Jenis::PusatData, "DC".into()).await;
        let mut servers = Vec::new();
        for i in 0..SERVERS {
            servers.push(mk(db, Jenis::Server, format!("SRV-{i:02}")).await);
        }
        let mut apps = Vec::new();
        let mut services = Vec::new();
        for i in 0..APPS {
            apps.push(mk(db, Jenis::Aplikasi, format!("APP-{i:03}")).await);
            services.push(mk(db, Jenis::Layanan, format!("LAY-{i:03}")).await);
        }
        let mut processes = Vec::new();
        for j in 0..PROCESSES {
            processes.push(mk(db, Jenis::ProsesBisnis, format!("PB-{j:04}")).await);
        }
        let mut datasets = Vec::new();
        for d in 0..DATASETS {
            datasets.push(mk(db, Jenis::Data, format!("DS-{d:03}")).await);
        }
        assert_eq!(count(db, "arsitektur").await, 2000, "[{name}] records");

        let actor = sys();
        let add = |dari, ke, j| relation::add(db, &actor, dari, ke, j);
        for s in &servers {
            add(*s, dc, RelasiJenis::DihostingDi).await.unwrap();
        }
        for i in 0..APPS {
            add(apps[i], servers[i % SERVERS], RelasiJenis::DihostingDi)
                .await
                .unwrap();
            add(apps[i], services[i], RelasiJenis::Menyediakan)
                .await
                .unwrap();
        }
        for (j, p) in processes.iter().enumerate() {
            for s in used_by(j) {
                add(*p, services[s], RelasiJenis::Menggunakan)
                    .await
                    .unwrap();
            }
        }
        for i in 0..APPS_WITH_DATA {
            add(apps[i], datasets[i % DATASETS], RelasiJenis::Menggunakan)
                .await
                .unwrap();
        }
        assert_eq!(count(db, "relasi").await, 5000, "[{name}] relations");
        assert_eq!(
            head_seq(db).await,
            7000,
            "[{name}] one audit entry per change"
        );

        // Server 0 hosts the apps i ≡ 0 (mod 20); they deliver the same-numbered
        // services; the processes using any of those depend at depth 3.
        let hosted: BTreeSet<usize> = (0..APPS).filter(|i| i % SERVERS == 0).collect();
        let procs = (0..PROCESSES)
            .filter(|j| used_by(*j).any(|s| hosted.contains(&s)))
            .count();
        let got = relation::dependents(db, servers[0], 10).await.unwrap();
        let at = |d: i64| got.iter().filter(|(_, x)| *x == d).count();
        assert_eq!(
            (at(1), at(2), at(3), got.len()),
            (hosted.len(), hosted.len(), procs, 2 * hosted.len() + procs),
            "[{name}] dependents of SRV-00"
        );
        assert!(
            got.iter()
                .filter(|(_, d)| *d == 1)
                .all(|(i, _)| i.jenis == Jenis::Aplikasi),
            "[{name}] depth 1 are the hosted apps"
        );
        let all_procs = (0..PROCESSES)
            .filter(|j| used_by(*j).next().is_some())
            .count();
        let from_dc = relation::dependents(db, dc, 10).await.unwrap();
        assert_eq!(
            from_dc.len(),
            SERVERS + 2 * APPS + all_procs,
            "[{name}] dependents of the data centre"
        );
        let from_ds = relation::dependents(db, datasets[0], 10).await.unwrap();
        let users: Vec<usize> = (0..APPS_WITH_DATA).filter(|i| i % DATASETS == 0).collect();
        assert_eq!(
            from_ds.iter().filter(|(_, d)| *d == 1).count(),
            users.len(),
            "[{name}] apps using DS-000"
        );

        let ids: Vec<ItemId> = got.iter().map(|(i, _)| i.id).chain([servers[0]]).collect();
        let edges = relation::edges_among(db, &ids).await.unwrap();
        let uses = (0..PROCESSES)
            .flat_map(|j| {
                used_by(j)
                    .filter(|s| hosted.contains(s))
                    .collect::<Vec<_>>()
            })
            .count();
        assert_eq!(
            edges.len(),
            2 * hosted.len() + uses,
            "[{name}] edges of the impact graph"
        );

        let (page, total) = item::list(db, &ItemFilter::default(), 50, 100)
            .await
            .unwrap();
        assert_eq!((page.len(), total), (50, 2000), "[{name}] list page");
        let hits = search::search(db, "layanan", &ItemFilter::default(), 1000)
            .await
            .unwrap();
        assert_eq!(hits.len(), APPS, "[{name}] search by a word of the name");
    }
}
