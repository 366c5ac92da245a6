//! Search across the registry through the real server: the page `/arsitektur/cari` and the
//! API `/api/v1/arsitektur/cari`, filtered by domain, PD and status, with unknown filter
//! values handled as on the list pages (page: ignored; API: refused by name).

#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;

use common::*;
use simpul_domain::ids::PdId;
use simpul_domain::registry::{Jenis, NewItem};
use simpul_store::Actor;
use simpul_store::registry::item;

/// Records named "Stasiun cuaca …": (kind, code, status, owned by DINKES).
const RECORDS: &[(Jenis, &str, Option<&str>, bool)] = &[
    (Jenis::Aplikasi, "APL-CUACA-1", Some("produksi"), true),
    (Jenis::Aplikasi, "APL-CUACA-2", Some("usulan"), true),
    (Jenis::Aplikasi, "APL-CUACA-3", Some("produksi"), false),
    (Jenis::Data, "DS-CUACA-1", Some("aktif"), true),
    (Jenis::Data, "DS-CUACA-2", Some("tidak_aktif"), false),
    (Jenis::Server, "SRV-CUACA-1", Some("aktif"), false),
];

async fn add(app: &TestApp, jenis: Jenis, kode: &str, status: Option<&str>, pd: Option<PdId>) {
    let n = NewItem {
        jenis,
        kode: kode.into(),
        nama: format!("Stasiun cuaca {kode}"),
        deskripsi: None,
        pd,
        status: status.map(Into::into),
        atribut: BTreeMap::new(),
    };
    item::create(&app.db, &Actor::sistem(), &n).await.unwrap();
}

async fn seeded() -> (TestApp, PdId) {
    let app = spawn_app().await;
    let dinkes = pd_id(&app.db, "DINKES").await;
    for (jenis, kode, status, owned) in RECORDS {
        add(&app, *jenis, kode, *status, owned.then_some(dinkes)).await;
    }
    (app, dinkes)
}

/// The codes of the records a search page lists, in order.
async fn listed(s: &Session, path: &str) -> (Vec<String>, String) {
    let r = s.get(path).await;
    assert_eq!(r.status().as_u16(), 200, "{path}");
    let html = r.text().await.unwrap();
    let codes = html
        .split("<td class=\"mono\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next().map(str::to_owned))
        .collect();
    (codes, html)
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[tokio::test]
async fn the_search_page_filters_by_status_without_javascript() {
    let (app, dinkes) = seeded().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;

    let (all, html) = listed(&s, "/arsitektur/cari?q=cuaca").await;
    assert_eq!(all.len(), RECORDS.len(), "{all:?}");
    // A plain GET form: a status select grouped by the kinds' lists, nothing selected.
    assert!(html.contains("<form class=\"filters\" method=\"get\" action=\"/arsitektur/cari\""));
    assert!(html.contains("<select id=\"f-status\" name=\"status\">"));
    let apps = html.find("<optgroup label=\"Aplikasi SPBE\">").unwrap();
    assert!(
        html[apps..].contains("<optgroup label=\"Jenis lainnya\">"),
        "others last"
    );
    assert!(html.contains("<option value=\"produksi\">Produksi</option>"));
    assert!(html.contains("<option value=\"tidak_aktif\">Tidak aktif</option>"));
    assert!(!html.contains(" selected>"));

    let (found, html) = listed(&s, "/arsitektur/cari?q=cuaca&status=produksi").await;
    assert_eq!(sorted(found), ["APL-CUACA-1", "APL-CUACA-3"]);
    assert!(html.contains("<option value=\"produksi\" selected>Produksi</option>"));
    assert!(html.contains("<td>Produksi</td>") && !html.contains("<td>Usulan</td>"));

    // "aktif" belongs to several kinds; narrowed further by domain and PD.
    let (found, _) = listed(&s, "/arsitektur/cari?q=cuaca&status=aktif").await;
    assert_eq!(sorted(found), ["DS-CUACA-1", "SRV-CUACA-1"]);
    let path = format!("/arsitektur/cari?q=cuaca&status=aktif&domain=data&pd={dinkes}");
    assert_eq!(listed(&s, &path).await.0, ["DS-CUACA-1"]);
    let path = format!("/arsitektur/cari?q=cuaca&status=produksi&pd={dinkes}");
    assert_eq!(listed(&s, &path).await.0, ["APL-CUACA-1"]);
    let (none, html) = listed(&s, "/arsitektur/cari?q=cuaca&status=aktif&domain=aplikasi").await;
    assert!(none.is_empty() && html.contains("Tidak ada catatan yang cocok."));

    // Unknown values are ignored, as the list pages ignore an unknown PD: the whole result,
    // and the form says "Semua".
    for bad in ["bogus", "PRODUKSI", "%27%3B--", "aktif%00"] {
        let (found, html) = listed(
            &s,
            &format!("/arsitektur/cari?q=cuaca&status={bad}&pd=x&domain=y"),
        )
        .await;
        assert_eq!(sorted(found), sorted(all.clone()), "status={bad}");
        assert!(!html.contains(" selected>"), "status={bad}");
    }
    // Archived records stay out.
    let archived = item::by_kode(&app.db, Jenis::Aplikasi, "APL-CUACA-3")
        .await
        .unwrap();
    item::set_archived(&app.db, &Actor::sistem(), archived.id, true)
        .await
        .unwrap();
    let (found, _) = listed(&s, "/arsitektur/cari?q=cuaca&status=produksi").await;
    assert_eq!(found, ["APL-CUACA-1"]);
}

#[tokio::test]
async fn the_search_api_filters_by_status_and_refuses_an_unknown_one() {
    let (app, dinkes) = seeded().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let codes = |v: &serde_json::Value| -> Vec<String> {
        sorted(
            v.as_array()
                .unwrap()
                .iter()
                .map(|i| i["kode"].as_str().unwrap().to_owned())
                .collect(),
        )
    };
    let (status, found) = api.get("/arsitektur/cari?q=cuaca&status=produksi").await;
    assert_eq!(status, 200, "{found}");
    assert_eq!(codes(&found), ["APL-CUACA-1", "APL-CUACA-3"]);
    let (_, found) = api
        .get(&format!(
            "/arsitektur/cari?q=cuaca&status=aktif&domain=data&pd={dinkes}"
        ))
        .await;
    assert_eq!(codes(&found), ["DS-CUACA-1"]);
    let (_, found) = api.get("/arsitektur/cari?q=cuaca&status=").await;
    assert_eq!(
        found.as_array().unwrap().len(),
        RECORDS.len(),
        "empty: any status"
    );

    let fields = assert_api_error(
        &api.get("/arsitektur/cari?q=cuaca&status=bogus").await,
        422,
        "validation_failed",
    );
    assert_eq!(field_codes(&fields, "status"), ["status_tidak_dikenal"]);
}

#[tokio::test]
async fn the_search_page_shows_the_best_hundred_and_says_so() {
    let (app, _) = seeded().await;
    for i in 0..120 {
        add(
            &app,
            Jenis::Data,
            &format!("DS-HUJAN-{i:03}"),
            Some("aktif"),
            None,
        )
        .await;
    }
    add(&app, Jenis::Data, "DS-HUJAN-XYZ", Some("rencana"), None).await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let (found, html) = listed(&s, "/arsitektur/cari?q=cuaca+hujan").await;
    // All rank alike: the first hundred by code.
    let want: Vec<String> = (0..100).map(|i| format!("DS-HUJAN-{i:03}")).collect();
    assert_eq!(found, want);
    assert!(html.contains("Menampilkan 100 catatan yang paling cocok."));
    // A status narrows below the cap: no such note.
    let (found, html) = listed(&s, "/arsitektur/cari?q=cuaca+hujan&status=rencana").await;
    assert_eq!(found, ["DS-HUJAN-XYZ"]);
    assert!(!html.contains("Menampilkan"));
}
