//! Conformance on every backend: full-text search over registry records (words of the
//! name, description and attributes; filters; updates; hostile input).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;

use common::{backends, pd_a, sys};
use simpul_domain::ids::PdId;
use simpul_domain::registry::{Jenis, NewItem};
use simpul_store::Db;
use simpul_store::registry::{ItemFilter, item, search};

fn new_item(
    jenis: Jenis,
    kode: &str,
    nama: &str,
    deskripsi: &str,
    atribut: &[(&str, &str)],
) -> NewItem {
    NewItem {
        jenis,
        kode: kode.into(),
        nama: nama.into(),
        deskripsi: (!deskripsi.is_empty()).then(|| deskripsi.into()),
        pd: None,
        status: None,
        atribut: atribut
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
    }
}

async fn found(db: &Db, q: &str, f: &ItemFilter) -> Vec<String> {
    search::search(db, q, f, 50)
        .await
        .unwrap_or_else(|e| panic!("search {q:?}: {e}"))
        .into_iter()
        .map(|(i, _)| i.kode)
        .collect()
}

async fn seed(db: &Db, pd: PdId) {
    let items = [
        new_item(
            Jenis::Aplikasi,
            "APP-0001",
            "Sistem Informasi Kepegawaian",
            "Mengelola data ASN daerah",
            &[("bahasa", "rust"), ("url", "https://simpeg.example.go.id")],
        ),
        new_item(
            Jenis::Aplikasi,
            "APP-0002",
            "Aplikasi Perizinan Online",
            "Layanan izin usaha terpadu",
            &[("bahasa", "php")],
        ),
        new_item(
            Jenis::Server,
            "SRV-01",
            "Server basis data",
            "",
            &[("lokasi", "Gedung Diskominfo"), ("os", "Debian")],
        ),
        new_item(
            Jenis::Data,
            "DS-01",
            "Data kependudukan",
            "Rekap penduduk per desa",
            &[],
        ),
    ];
    for mut n in items {
        if n.jenis == Jenis::Aplikasi {
            n.pd = Some(pd);
        }
        item::create(db, &sys(), &n).await.unwrap();
    }
}

#[tokio::test]
async fn registry_search_finds_words_of_name_description_and_attributes() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        seed(db, a.id).await;
        let all = ItemFilter::default();
        let cases: &[(&str, &[&str])] = &[
            ("kepegawaian", &["APP-0001"]),     // name
            ("Kepegawaian", &["APP-0001"]),     // case folded
            ("terpadu", &["APP-0002"]),         // description
            ("debian", &["SRV-01"]),            // attribute value
            ("diskominfo gedung", &["SRV-01"]), // every word, any order
            ("rust", &["APP-0001"]),
            ("bahasa", &[]), // attribute keys are not indexed
            ("server kepegawaian", &[]),
            ("APP-0002", &["APP-0002"]), // a code
            ("sistem", &["APP-0001"]),
        ];
        for (q, want) in cases {
            assert_eq!(found(db, q, &all).await, *want, "[{name}] {q:?}");
        }
        let data = found(db, "data", &all).await;
        assert_eq!(data.len(), 3, "[{name}] 'data' in three records: {data:?}");
        assert_eq!(
            data[0], "DS-01",
            "[{name}] name match ranks first: {data:?}"
        );
        let ranked = search::search(db, "data", &all, 2).await.unwrap();
        assert_eq!(ranked.len(), 2, "[{name}] limit");
        assert!(
            ranked[0].1 >= ranked[1].1,
            "[{name}] best first: {ranked:?}"
        );

        let only_apps = ItemFilter {
            jenis: Some(Jenis::Aplikasi),
            ..Default::default()
        };
        assert_eq!(
            found(db, "data", &only_apps).await,
            ["APP-0001"],
            "[{name}] kind filter"
        );
        let of_pd = ItemFilter {
            pd: Some(vec![a.id]),
            ..Default::default()
        };
        assert_eq!(
            found(db, "data", &of_pd).await,
            ["APP-0001"],
            "[{name}] pd filter"
        );

        // Updates re-index; archived records are found only when asked.
        let srv = item::by_kode(db, Jenis::Server, "SRV-01").await.unwrap();
        let mut n = new_item(
            Jenis::Server,
            "SRV-01",
            "Server arsip",
            "",
            &[("os", "Ubuntu")],
        );
        n.pd = None;
        item::update(db, &sys(), srv.id, &n).await.unwrap();
        assert!(
            found(db, "debian", &all).await.is_empty(),
            "[{name}] old words gone"
        );
        assert_eq!(
            found(db, "ubuntu", &all).await,
            ["SRV-01"],
            "[{name}] new words found"
        );
        item::set_archived(db, &sys(), srv.id, true).await.unwrap();
        assert!(
            found(db, "ubuntu", &all).await.is_empty(),
            "[{name}] archived hidden"
        );
        let with_archive = ItemFilter {
            termasuk_arsip: true,
            ..Default::default()
        };
        assert_eq!(
            found(db, "ubuntu", &with_archive).await,
            ["SRV-01"],
            "[{name}]"
        );
    }
}

#[tokio::test]
async fn registry_search_survives_query_syntax_in_user_text() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        seed(db, a.id).await;
        let all = ItemFilter::default();
        for q in [
            "\"",
            "\"kepegawaian",
            "kepegawaian\"",
            "*",
            "kepeg*",
            "NEAR(",
            "NEAR(sistem informasi",
            "-",
            "-kepegawaian",
            "sistem -informasi",
            "AND",
            "sistem OR",
            "or",
            "nama:sistem",
            "^sistem",
            "(((",
            "'; DROP TABLE arsitektur; --",
            "",
            "   ",
            "!@#$%^&*()_+{}|:<>?",
        ] {
            let r = search::search(db, q, &all, 10).await;
            assert!(r.is_ok(), "[{name}] {q:?}: {r:?}");
        }
        assert_eq!(
            found(db, "\"kepegawaian\"", &all).await,
            ["APP-0001"],
            "[{name}] quotes are not syntax"
        );
        assert_eq!(
            found(db, "-kepegawaian", &all).await,
            ["APP-0001"],
            "[{name}] a dash is not negation"
        );
        assert_eq!(
            found(db, "NEAR(sistem informasi)", &all).await,
            Vec::<String>::new(),
            "[{name}] NEAR is a word like any other"
        );
        assert!(
            found(db, "", &all).await.is_empty(),
            "[{name}] no words, no hits"
        );
        assert_eq!(
            common::count(db, "arsitektur").await,
            4,
            "[{name}] table intact"
        );
    }
}

#[tokio::test]
async fn registry_search_filters_by_status_with_domain_and_pd() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let rows = [
            (Jenis::Aplikasi, "APP-1", Some("produksi"), true),
            (Jenis::Aplikasi, "APP-2", Some("usulan"), true),
            (Jenis::Aplikasi, "APP-3", Some("produksi"), false),
            (Jenis::Data, "DS-1", Some("aktif"), true),
            (Jenis::Data, "DS-2", Some("rencana"), false),
            (Jenis::Server, "SRV-1", Some("aktif"), false),
            (Jenis::Server, "SRV-2", None, false),
        ];
        for (jenis, kode, status, owned) in rows {
            let mut n = new_item(jenis, kode, "Sistem pemantauan cuaca", "", &[]);
            n.status = status.map(Into::into);
            n.pd = owned.then_some(a.id);
            item::create(db, &sys(), &n).await.unwrap();
        }
        let status = |s: &str| ItemFilter {
            status: Some(s.into()),
            ..Default::default()
        };
        let mut got = found(db, "cuaca", &status("produksi")).await;
        got.sort();
        assert_eq!(got, ["APP-1", "APP-3"], "[{name}] status");
        let mut got = found(db, "cuaca", &status("aktif")).await;
        got.sort();
        assert_eq!(got, ["DS-1", "SRV-1"], "[{name}] a status shared by kinds");
        let narrowed = ItemFilter {
            domain: simpul_domain::registry::Domain::from_code("data"),
            pd: Some(vec![a.id]),
            ..status("aktif")
        };
        assert_eq!(found(db, "cuaca", &narrowed).await, ["DS-1"], "[{name}]");
        let with_pd = ItemFilter {
            pd: Some(vec![a.id]),
            ..status("produksi")
        };
        assert_eq!(found(db, "cuaca", &with_pd).await, ["APP-1"], "[{name}]");
        assert!(
            found(db, "cuaca", &status("tidak-ada")).await.is_empty(),
            "[{name}] an unknown status matches nothing"
        );
        // Archived records stay out unless asked for, whatever the status.
        let app3 = item::by_kode(db, Jenis::Aplikasi, "APP-3").await.unwrap();
        item::set_archived(db, &sys(), app3.id, true).await.unwrap();
        assert_eq!(found(db, "cuaca", &status("produksi")).await, ["APP-1"]);
        let archived_too = ItemFilter {
            termasuk_arsip: true,
            ..status("produksi")
        };
        assert_eq!(found(db, "cuaca", &archived_too).await.len(), 2);
    }
}

#[tokio::test]
async fn registry_search_keeps_the_best_whatever_the_ties() {
    let b = backends().await;
    for (name, db) in b.iter() {
        // Twelve records rank exactly alike; the best by code must come back, however many
        // of their equals the backend read first. One stronger match leads.
        let add = async |kode: String, nama: &str, deskripsi: &str| {
            let mut n = new_item(Jenis::Data, &kode, nama, deskripsi, &[]);
            n.status = Some("rencana".into());
            item::create(db, &sys(), &n).await.unwrap();
        };
        for i in (0..12).rev() {
            add(format!("DS-{i:02}"), "Data curah hujan", "").await;
        }
        add("DS-99".into(), "Hujan", "hujan hujan").await;
        let planned = ItemFilter {
            status: Some("rencana".into()),
            ..Default::default()
        };
        // Unfiltered and filtered searches take different paths on SQLite.
        for f in [ItemFilter::default(), planned] {
            for limit in [1, 2, 3, 5, 13, 40] {
                let got: Vec<String> = search::search(db, "hujan", &f, limit)
                    .await
                    .unwrap()
                    .into_iter()
                    .map(|(i, _)| i.kode)
                    .collect();
                let mut want = vec!["DS-99".to_owned()];
                want.extend((0..12).map(|i| format!("DS-{i:02}")));
                want.truncate(usize::try_from(limit).unwrap());
                assert_eq!(got, want, "[{name}] limit {limit}, {f:?}");
            }
        }
    }
}
