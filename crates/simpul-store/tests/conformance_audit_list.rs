//! Conformance on every backend: audit trail listing, filters, totals, order and entities.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::time::Duration;

use common::{backends, new_pd, new_pegawai, nip, pd_a, sys};
use simpul_domain::org::{JenisPd, Region, TingkatDaerah};
use simpul_store::audit::{self, AuditFilter, Verification};
use simpul_store::{Actor, pd, pegawai, region, time_text};

fn seqs(page: &audit::AuditPage) -> Vec<i64> {
    page.entries.iter().map(|e| e.fields.seq).collect()
}

#[tokio::test]
async fn audit_list_filters_totals_and_order() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let nip_actor = Actor(nip(7).as_str().to_owned());
        let tick = || tokio::time::sleep(Duration::from_millis(5));
        let r = Region {
            kode: "63.10".into(),
            nama: "Kabupaten Tanah Bumbu".into(),
            tingkat: TingkatDaerah::Kabupaten,
            domain: None,
            profil: None,
        };
        region::set(db, &sys(), &r).await.unwrap(); // 1
        let a = pd_a(db).await; // 2
        tick().await;
        let t1 = time_text::now();
        tick().await;
        let bb = pd::create(
            db,
            &nip_actor,
            &new_pd("PD-B", "PD B", None, JenisPd::Badan, None),
            false,
        )
        .await
        .unwrap(); // 3
        pegawai::create(db, &nip_actor, &new_pegawai(1, "Satu", None, a.id), None)
            .await
            .unwrap(); // 4
        tick().await;
        let t2 = time_text::now();
        tick().await;
        pd::update(
            db,
            &sys(),
            bb.id,
            &new_pd("PD-B", "PD B baru", None, JenisPd::Badan, None),
        )
        .await
        .unwrap(); // 5

        let list = |f: AuditFilter, limit, offset| async move {
            audit::list(db, &f, limit, offset).await.unwrap()
        };
        let all = list(AuditFilter::default(), 100, 0).await;
        assert_eq!(
            (seqs(&all), all.total),
            (vec![5, 4, 3, 2, 1], 5),
            "[{name}] newest first"
        );
        let actions: Vec<_> = all
            .entries
            .iter()
            .map(|e| e.fields.action.as_str())
            .collect();
        assert_eq!(
            actions,
            [
                "pd.diubah",
                "pegawai.dibuat",
                "pd.dibuat",
                "pd.dibuat",
                "wilayah.diatur"
            ],
            "[{name}] actions"
        );
        for w in all.entries.windows(2) {
            assert_eq!(
                w[0].prev_hash, w[1].hash,
                "[{name}] entry {} links to {}",
                w[0].fields.seq, w[1].fields.seq
            );
        }
        let page = list(AuditFilter::default(), 2, 1).await;
        assert_eq!((seqs(&page), page.total), (vec![4, 3], 5), "[{name}] page");

        let f = |entity: Option<&str>, actor: Option<&str>| AuditFilter {
            entity: entity.map(str::to_owned),
            actor: actor.map(str::to_owned),
            ..AuditFilter::default()
        };
        let p = list(f(Some("pd"), None), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 3, 2], 3),
            "[{name}] entity pd"
        );
        let p = list(f(Some("pd"), None), 1, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5], 3),
            "[{name}] entity pd, total beyond the page"
        );
        let p = list(f(Some("pegawai"), None), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4], 1), "[{name}] entity pegawai");
        let p = list(f(None, Some(nip_actor.0.as_str())), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4, 3], 2), "[{name}] actor nip");
        let p = list(f(None, Some("sistem")), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 2, 1], 3),
            "[{name}] actor sistem"
        );
        let p = list(f(Some("pd"), Some("sistem")), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 2], 2),
            "[{name}] entity and actor"
        );

        let pds = |v: Vec<String>| AuditFilter {
            pds: Some(v),
            ..AuditFilter::default()
        };
        let p = list(pds(vec![a.id.to_string()]), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![4, 2], 2), "[{name}] pd A");
        let p = list(pds(vec![a.id.to_string(), bb.id.to_string()]), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 4, 3, 2], 4),
            "[{name}] pd A and B"
        );
        let p = list(pds(vec![]), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![], 0), "[{name}] no PDs");

        let span = |from: Option<&str>, until: Option<&str>| AuditFilter {
            from: from.map(str::to_owned),
            until: until.map(str::to_owned),
            ..AuditFilter::default()
        };
        let p = list(span(Some(&t1), None), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![5, 4, 3], 3), "[{name}] from");
        let p = list(span(None, Some(&t1)), 100, 0).await;
        assert_eq!((seqs(&p), p.total), (vec![2, 1], 2), "[{name}] until");
        let p = list(span(Some(&t1), Some(&t2)), 100, 0).await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![4, 3], 2),
            "[{name}] from and until"
        );
        let p = list(
            AuditFilter {
                entity: Some("pd".into()),
                ..span(Some(&t1), None)
            },
            100,
            0,
        )
        .await;
        assert_eq!(
            (seqs(&p), p.total),
            (vec![5, 3], 2),
            "[{name}] entity and from"
        );

        assert_eq!(
            audit::entities(db).await.unwrap(),
            ["pd", "pegawai", "wilayah"],
            "[{name}] entities"
        );
        assert!(
            matches!(audit::verify(db).await.unwrap(), Verification::Intact(5)),
            "[{name}] intact"
        );
    }
}
