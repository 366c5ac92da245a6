//! Conformance on every backend: full-text search over registry records (words of the
//! name, description and attributes; filters; updates; hostile input). On SQLite the
//! filters are tokens in the full-text index (migration 0007): the tests below would
//! catch tokens out of step with the records, and words matching tokens.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_lines)]

mod common;

use std::collections::BTreeMap;

use common::{backends, exec, fresh, new_pd, pd_a, sys};
use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_domain::registry::{Domain, Jenis, NewItem};
use simpul_store::registry::{ItemFilter, item, search};
use simpul_store::{Db, exec_db, pd};

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
        // The text filter (code or name contains) beside the others.
        let text = |q: &str, f: ItemFilter| ItemFilter {
            q: Some(q.into()),
            ..f
        };
        assert_eq!(
            sorted(db, "cuaca", &text("app", status("produksi"))).await,
            ["APP-1", "APP-3"],
            "[{name}] text and status"
        );
        assert_eq!(
            found(db, "cuaca", &text("app-3", status("produksi"))).await,
            ["APP-3"],
            "[{name}] text and status"
        );
        assert!(
            found(db, "cuaca", &text("ds-", status("produksi")))
                .await
                .is_empty(),
            "[{name}] text and status"
        );
        assert_eq!(
            sorted(db, "cuaca", &text("-1", ItemFilter::default())).await,
            ["APP-1", "DS-1", "SRV-1"],
            "[{name}] text alone"
        );
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

/// `found`, sorted by code.
async fn sorted(db: &Db, q: &str, f: &ItemFilter) -> Vec<String> {
    let mut v = found(db, q, f).await;
    v.sort();
    v
}

fn filter(status: Option<&str>, pd: Option<PdId>) -> ItemFilter {
    ItemFilter {
        status: status.map(Into::into),
        pd: pd.map(|p| vec![p]),
        ..Default::default()
    }
}

#[tokio::test]
async fn registry_search_filters_follow_every_change() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let other = pd::create(
            db,
            &sys(),
            &new_pd("PD-B", "PD B", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let mut n = new_item(
            Jenis::Aplikasi,
            "APP-1",
            "Sistem pemantauan banjir",
            "",
            &[],
        );
        n.status = Some("usulan".into());
        n.pd = Some(a.id);
        let app = item::create(db, &sys(), &n).await.unwrap();
        // A neighbour that never changes, so that "nothing" is not the only right answer.
        let mut m = new_item(Jenis::Aplikasi, "APP-2", "Pemantauan banjir rob", "", &[]);
        m.status = Some("produksi".into());
        m.pd = Some(other.id);
        item::create(db, &sys(), &m).await.unwrap();
        assert_eq!(
            sorted(db, "banjir", &filter(Some("usulan"), Some(a.id))).await,
            ["APP-1"],
            "[{name}]"
        );

        // Another status and PD: found by the new values only.
        n.status = Some("produksi".into());
        n.pd = Some(other.id);
        item::update(db, &sys(), app.id, &n).await.unwrap();
        assert!(
            found(db, "banjir", &filter(Some("usulan"), None))
                .await
                .is_empty(),
            "[{name}] old status"
        );
        assert!(
            found(db, "banjir", &filter(None, Some(a.id)))
                .await
                .is_empty(),
            "[{name}] old PD"
        );
        assert_eq!(
            sorted(db, "banjir", &filter(Some("produksi"), Some(other.id))).await,
            ["APP-1", "APP-2"],
            "[{name}] new status and PD"
        );

        // A renamed record keeps its filter values.
        n.nama = "Sistem peringatan dini".into();
        item::update(db, &sys(), app.id, &n).await.unwrap();
        assert!(
            found(db, "banjir", &filter(Some("produksi"), None))
                .await
                .iter()
                .all(|k| k != "APP-1"),
            "[{name}] old words gone"
        );
        assert_eq!(
            found(db, "peringatan", &filter(Some("produksi"), Some(other.id))).await,
            ["APP-1"],
            "[{name}] new words, same filter values"
        );

        // No status and no PD: found by neither, still found without a filter.
        n.status = None;
        n.pd = None;
        item::update(db, &sys(), app.id, &n).await.unwrap();
        assert!(
            found(db, "peringatan", &filter(Some("produksi"), None))
                .await
                .is_empty(),
            "[{name}] status cleared"
        );
        assert!(
            found(db, "peringatan", &filter(None, Some(other.id)))
                .await
                .is_empty(),
            "[{name}] PD cleared"
        );
        assert_eq!(
            found(db, "peringatan", &ItemFilter::default()).await,
            ["APP-1"],
            "[{name}]"
        );

        // Archived, then restored, with a filter beside the archive flag.
        let apps = ItemFilter {
            jenis: Some(Jenis::Aplikasi),
            ..Default::default()
        };
        let apps_and_archive = ItemFilter {
            termasuk_arsip: true,
            ..apps.clone()
        };
        item::set_archived(db, &sys(), app.id, true).await.unwrap();
        assert!(
            found(db, "peringatan", &apps).await.is_empty(),
            "[{name}] archived"
        );
        assert_eq!(
            found(db, "peringatan", &apps_and_archive).await,
            ["APP-1"],
            "[{name}] archived, asked for"
        );
        item::set_archived(db, &sys(), app.id, false).await.unwrap();
        assert_eq!(
            found(db, "peringatan", &apps).await,
            ["APP-1"],
            "[{name}] restored"
        );

        // One column at a time, as no page writes them (a page writes every column at
        // once): the index follows a change of any of them.
        let by_domain = |d: &str| ItemFilter {
            domain: Domain::from_code(d),
            ..Default::default()
        };
        exec(
            db,
            "UPDATE arsitektur SET domain = 'infrastruktur' WHERE kode = 'APP-1'",
        )
        .await;
        assert!(
            found(db, "peringatan", &by_domain("aplikasi"))
                .await
                .is_empty(),
            "[{name}] old domain"
        );
        assert_eq!(
            found(db, "peringatan", &by_domain("infrastruktur")).await,
            ["APP-1"],
            "[{name}] new domain"
        );
        exec(
            db,
            "UPDATE arsitektur SET jenis = 'server' WHERE kode = 'APP-1'",
        )
        .await;
        assert!(
            found(db, "peringatan", &apps).await.is_empty(),
            "[{name}] old kind"
        );
        let servers = ItemFilter {
            jenis: Some(Jenis::Server),
            ..Default::default()
        };
        assert_eq!(
            found(db, "peringatan", &servers).await,
            ["APP-1"],
            "[{name}] new kind"
        );
        exec(
            db,
            "UPDATE arsitektur SET status = 'uji' WHERE kode = 'APP-2'",
        )
        .await;
        assert!(
            found(db, "rob", &filter(Some("produksi"), None))
                .await
                .is_empty(),
            "[{name}] old status"
        );
        assert_eq!(
            found(db, "rob", &filter(Some("uji"), Some(other.id))).await,
            ["APP-2"],
            "[{name}] new status"
        );
        exec(db, "UPDATE arsitektur SET pd = NULL WHERE kode = 'APP-2'").await;
        assert!(
            found(db, "rob", &filter(None, Some(other.id)))
                .await
                .is_empty(),
            "[{name}] PD cleared"
        );
        assert_eq!(
            found(db, "rob", &by_domain("aplikasi")).await,
            ["APP-2"],
            "[{name}]"
        );
    }
}

#[tokio::test]
async fn registry_search_words_never_match_filter_values() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let mut n = new_item(Jenis::Aplikasi, "APP-1", "Sistem pemantauan cuaca", "", &[]);
        n.status = Some("aktif".into());
        n.pd = Some(a.id);
        item::create(db, &sys(), &n).await.unwrap();
        let mut old = new_item(Jenis::Aplikasi, "APP-0", "Pemantauan cuaca lama", "", &[]);
        old.status = Some("aktif".into());
        let old = item::create(db, &sys(), &old).await.unwrap();
        item::set_archived(db, &sys(), old.id, true).await.unwrap();
        let hex = |v: &[u8]| hex::encode(v);
        // Words spelling what SQLite's index holds for the filters (and might, in another
        // encoding): the archive marks, and kind, domain, status and PD as tokens.
        let tokens = [
            "a0".to_owned(),
            "a1".to_owned(),
            format!("j{}", hex(b"aplikasi")),
            format!("d{}", hex(b"aplikasi")),
            format!("s{}", hex(b"aktif")),
            format!("p{}", hex(a.id.0.as_bytes())),
            "aktif".to_owned(),
        ];
        let everything = ItemFilter {
            termasuk_arsip: true,
            ..Default::default()
        };
        let active = filter(Some("aktif"), None);
        for t in &tokens {
            assert!(
                found(db, t, &everything).await.is_empty(),
                "[{name}] {t:?} alone"
            );
            assert!(
                found(db, &format!("cuaca {t}"), &active).await.is_empty(),
                "[{name}] {t:?} beside a real word, with a filter"
            );
        }
        // The same text among a record's own words is found as words.
        let spelled = format!("Catatan {} a1", tokens[4]);
        item::create(
            db,
            &sys(),
            &new_item(Jenis::Server, "SRV-9", &spelled, "", &[]),
        )
        .await
        .unwrap();
        assert_eq!(
            found(db, &tokens[4], &everything).await,
            ["SRV-9"],
            "[{name}]"
        );
        assert_eq!(found(db, "a1", &everything).await, ["SRV-9"], "[{name}]");

        // A status is matched whole: its parts, separators or accents make another.
        for (kode, status) in [
            ("DS-1", "tidak_aktif"),
            ("DS-2", "tidak"),
            ("DS-3", "uji-é"),
            ("DS-4", "uji-e"),
        ] {
            let mut d = new_item(Jenis::Data, kode, "Data curah hujan", "", &[]);
            d.status = Some(status.into());
            item::create(db, &sys(), &d).await.unwrap();
        }
        for (status, want) in [
            ("tidak_aktif", "DS-1"),
            ("tidak", "DS-2"),
            ("uji-é", "DS-3"),
            ("uji-e", "DS-4"),
        ] {
            assert_eq!(
                found(db, "hujan", &filter(Some(status), None)).await,
                [want],
                "[{name}] status {status:?}"
            );
        }
        assert!(
            found(db, "hujan", &filter(Some("aktif"), None))
                .await
                .is_empty(),
            "[{name}] a part of a status"
        );
    }
}

/// The upgrade: records stored before migration 0007 are found by its filter tokens
/// (SQLite only; the PostgreSQL migration changes nothing).
#[tokio::test]
async fn registry_search_migration_indexes_existing_records() {
    const BEFORE: [&str; 6] = [
        include_str!("../migrations/sqlite/0001_foundation.sql"),
        include_str!("../migrations/sqlite/0002_registry.sql"),
        include_str!("../migrations/sqlite/0003_registry_listing.sql"),
        include_str!("../migrations/sqlite/0004_documents.sql"),
        include_str!("../migrations/sqlite/0005_dokumen_perencanaan.sql"),
        include_str!("../migrations/sqlite/0006_pemenuhan.sql"),
    ];
    const FILTER_TERMS: &str = include_str!("../migrations/sqlite/0007_search_filter_terms.sql");
    let b = fresh(false).await;
    let (_, db) = b.iter().find(|(n, _)| *n == "sqlite").unwrap();
    let run = async |sql: &str| {
        exec_db!(db, p => sqlx::raw_sql(sql).execute(p).await).unwrap();
    };
    for sql in BEFORE {
        run(sql).await;
    }
    let a = pd_a(db).await;
    let rows = [
        (Jenis::Aplikasi, "APP-1", Some("produksi"), true, false),
        (Jenis::Aplikasi, "APP-2", Some("usulan"), false, false),
        (Jenis::Aplikasi, "APP-3", Some("produksi"), true, true),
        (Jenis::Data, "DS-1", Some("aktif"), true, false),
        (Jenis::Server, "SRV-1", None, false, false),
    ];
    for (jenis, kode, status, owned, archived) in rows {
        let mut n = new_item(
            jenis,
            kode,
            "Sistem pemantauan cuaca",
            "",
            &[("os", "Debian")],
        );
        n.status = status.map(Into::into);
        n.pd = owned.then_some(a.id);
        let it = item::create(db, &sys(), &n).await.unwrap();
        if archived {
            item::set_archived(db, &sys(), it.id, true).await.unwrap();
        }
    }
    run(FILTER_TERMS).await;

    let all = ItemFilter::default();
    assert_eq!(
        sorted(db, "cuaca debian", &all).await,
        ["APP-1", "APP-2", "DS-1", "SRV-1"]
    );
    assert_eq!(
        sorted(db, "cuaca", &filter(Some("produksi"), None)).await,
        ["APP-1"]
    );
    assert_eq!(
        sorted(db, "cuaca", &filter(None, Some(a.id))).await,
        ["APP-1", "DS-1"]
    );
    let with_archive = ItemFilter {
        termasuk_arsip: true,
        ..filter(Some("produksi"), Some(a.id))
    };
    assert_eq!(sorted(db, "cuaca", &with_archive).await, ["APP-1", "APP-3"]);
    let servers = ItemFilter {
        jenis: Some(Jenis::Server),
        ..Default::default()
    };
    assert_eq!(sorted(db, "cuaca", &servers).await, ["SRV-1"]);
    let data = ItemFilter {
        domain: Domain::from_code("data"),
        ..Default::default()
    };
    assert_eq!(sorted(db, "cuaca", &data).await, ["DS-1"]);
    // And the triggers it replaced keep the index in step from then on.
    let ds = item::by_kode(db, Jenis::Data, "DS-1").await.unwrap();
    let mut n = new_item(Jenis::Data, "DS-1", "Sistem pemantauan cuaca", "", &[]);
    n.status = Some("rencana".into());
    item::update(db, &sys(), ds.id, &n).await.unwrap();
    assert!(
        found(db, "cuaca", &filter(Some("aktif"), None))
            .await
            .is_empty()
    );
    assert_eq!(
        found(db, "cuaca", &filter(Some("rencana"), None)).await,
        ["DS-1"]
    );
}
