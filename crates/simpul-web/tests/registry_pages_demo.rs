//! The registry pages over the Tanah Bumbu demo registry (~1,000 records): the overview,
//! a paginated and filtered list, search, impact analysis with its CSV, the architecture
//! document, and 404 pages for addresses that do not exist.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use simpul_domain::registry::{Domain, Jenis};
use simpul_store::Actor;
use simpul_store::demo_registry::{self, Scale, Summary};
use simpul_store::registry::item::{self, ItemFilter};
use simpul_store::registry::relation;

async fn demo() -> (TestApp, Summary, Session) {
    let app = spawn_app().await;
    let summary = demo_registry::load(&app.db, &Actor::sistem(), "tanah-bumbu", Scale::Normal)
        .await
        .unwrap();
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    (app, summary, s)
}

/// The page at `path`, which must answer 200.
async fn page(s: &Session, path: &str) -> String {
    let r = s.get(path).await;
    assert_eq!(r.status().as_u16(), 200, "{path}");
    r.text().await.unwrap()
}

/// Text as the templates escape it.
fn esc(t: &str) -> String {
    t.replace('&', "&#38;")
        .replace('<', "&#60;")
        .replace('>', "&#62;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

/// A count as the pages print it (Indonesian thousands separator).
fn n_id(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

async fn count(app: &TestApp, f: ItemFilter) -> i64 {
    item::list(&app.db, &f, 1, 0).await.unwrap().1
}

#[tokio::test]
async fn the_overview_shows_the_six_domains_and_their_counts() {
    let (_app, summary, s) = demo().await;
    assert!(summary.rekaman() > 900, "{}", summary.rekaman());
    let html = page(&s, "/arsitektur").await;
    for d in [
        "Proses Bisnis",
        "Layanan",
        "Aplikasi",
        "Data dan Informasi",
        "Infrastruktur",
        "Keamanan",
    ] {
        assert!(html.contains(&format!("<h2>{d}</h2>")), "domain {d}");
    }
    assert_eq!(Domain::ALL.len(), 6);
    for (j, label) in [
        (Jenis::Aplikasi, "Aplikasi SPBE"),
        (Jenis::Data, "Data dan informasi"),
        (Jenis::Layanan, "Layanan SPBE"),
        (Jenis::Server, "Server dan VPS"),
        (Jenis::Subnet, "Rencana alamat IP (subnet)"),
    ] {
        let n = i64::try_from(summary.count(j)).unwrap();
        assert!(n > 0, "{j:?}");
        let want = format!(
            "<a href=\"/arsitektur/{}\">{label}</a> <span class=\"badge badge-muted\">{}</span>",
            j.code(),
            n_id(n)
        );
        assert!(html.contains(&want), "missing {want}");
    }
    assert!(html.contains("Jumlah catatan per domain"), "the chart");
}

#[tokio::test]
async fn the_application_list_paginates_and_filters() {
    let (app, summary, s) = demo().await;
    let total = i64::try_from(summary.count(Jenis::Aplikasi)).unwrap();
    assert!(total > 100, "{total}");
    let apps = ItemFilter {
        jenis: Some(Jenis::Aplikasi),
        ..ItemFilter::default()
    };
    let (all, _) = item::list(&app.db, &apps, 1000, 0).await.unwrap();
    let pages = (total + 49) / 50;

    let first = page(&s, "/arsitektur/aplikasi").await;
    assert!(first.contains(&format!("{} data", n_id(total))));
    assert!(first.contains(&format!("Halaman 1 / {pages}")));
    let next = "<a href=\"/arsitektur/aplikasi?q=&#38;pd=&#38;status=&hal=2\" rel=\"next\">";
    assert!(first.contains(next), "a link to page 2");
    assert!(first.contains(&esc(&all[0].kode)) && !first.contains(&format!(">{}<", all[50].kode)));
    let second = page(&s, "/arsitektur/aplikasi?hal=2").await;
    assert!(second.contains(&format!("Halaman 2 / {pages}")));
    assert!(second.contains(&format!(">{}<", all[50].kode)));
    assert!(!second.contains(&format!(">{}<", all[0].kode)));
    assert!(second.contains("&hal=1\" rel=\"prev\">« Sebelumnya</a>"));

    // By PD: only that PD's applications.
    let owner = all.iter().find_map(|a| a.pd).unwrap();
    let owner_name = simpul_store::pd::get(&app.db, owner).await.unwrap().nama;
    let of_pd = all.iter().filter(|a| a.pd == Some(owner)).count();
    let html = page(&s, &format!("/arsitektur/aplikasi?pd={owner}")).await;
    assert!(
        html.contains(&format!("{of_pd} data")),
        "{of_pd} for {owner_name}"
    );
    assert!(html.contains(&format!("<option value=\"{owner}\" selected>")));
    let rows = html.matches("<tr><td class=\"mono\">").count();
    assert_eq!(rows, of_pd.min(50));
    assert_eq!(
        html.matches(&format!("<td>{}</td>", esc(&owner_name)))
            .count(),
        rows
    );

    // By status.
    let in_production = all
        .iter()
        .filter(|a| a.status.as_deref() == Some("produksi"))
        .count();
    assert!(in_production > 0 && i64::try_from(in_production).unwrap() < total);
    let html = page(&s, "/arsitektur/aplikasi?status=produksi").await;
    assert!(html.contains(&format!(
        "{} data",
        n_id(i64::try_from(in_production).unwrap())
    )));
    assert!(!html.contains("<td>Usulan</td>") && html.contains("<td>Produksi</td>"));

    // By text: a word of a name.
    let target = &all[7];
    let word = target
        .nama
        .split_whitespace()
        .max_by_key(|w| w.len())
        .unwrap();
    let n = count(
        &app,
        ItemFilter {
            q: Some(word.to_owned()),
            ..apps.clone()
        },
    )
    .await;
    let html = page(&s, &format!("/arsitektur/aplikasi?q={word}")).await;
    assert!(html.contains(&format!("{} data", n_id(n))), "{word}");
    assert!(html.contains(&esc(&target.nama)));
    assert!(
        html.contains(&format!("value=\"{}\"", esc(word))),
        "the query is kept"
    );
    let none = page(&s, "/arsitektur/aplikasi?q=zzzz-tidak-ada").await;
    assert!(none.contains("Belum ada data."));
}

#[tokio::test]
async fn search_finds_a_record_by_a_word_of_its_name() {
    let (app, _summary, s) = demo().await;
    let (data, _) = item::list(
        &app.db,
        &ItemFilter {
            jenis: Some(Jenis::Data),
            ..ItemFilter::default()
        },
        1000,
        0,
    )
    .await
    .unwrap();
    // The rarest long word across the registry, so the record is among the results.
    let mut best: Option<(i64, String, usize)> = None;
    for (i, it) in data.iter().enumerate().take(40) {
        for w in it
            .nama
            .split_whitespace()
            .filter(|w| w.len() >= 6 && w.chars().all(char::is_alphabetic))
        {
            let n = count(
                &app,
                ItemFilter {
                    q: Some(w.to_owned()),
                    ..ItemFilter::default()
                },
            )
            .await;
            if best.as_ref().is_none_or(|b| n < b.0) {
                best = Some((n, w.to_owned(), i));
            }
        }
    }
    let (_, word, i) = best.unwrap();
    let html = page(&s, &format!("/arsitektur/cari?q={}", word.to_lowercase())).await;
    assert!(
        html.contains(&format!("/arsitektur/item/{}", data[i].id)),
        "{word}"
    );
    assert!(html.contains(&esc(&data[i].nama)));
    let none = page(&s, "/arsitektur/cari?q=qwertyuiop").await;
    assert!(none.contains("Tidak ada catatan yang cocok."));
}

#[tokio::test]
async fn the_impact_of_the_shared_server_names_public_services_and_exports_csv() {
    let (app, summary, s) = demo().await;
    let server = item::by_kode(&app.db, Jenis::Server, &summary.server_bersama)
        .await
        .unwrap();
    let found = relation::dependents(&app.db, server.id, 12).await.unwrap();
    let public: Vec<_> = found
        .iter()
        .filter(|(d, _)| {
            d.jenis == Jenis::Layanan && d.atribut.get("jenis").is_some_and(|j| j == "publik")
        })
        .collect();
    assert!(
        !public.is_empty(),
        "the shared server carries public services"
    );
    let html = page(&s, &format!("/arsitektur/item/{}/dampak", server.id)).await;
    assert!(html.contains(&format!("Analisis dampak: {}", esc(&server.nama))));
    assert!(html.contains("<h2>Layanan publik yang terhenti</h2>"));
    assert!(html.contains(&format!("<span class=\"stat-value\">{}</span> <span class=\"stat-label\">Layanan publik yang terhenti", n_id(public.len() as i64))));
    assert!(html.contains(&format!(
        "<span class=\"stat-value\">{}</span> <span class=\"stat-label\">Catatan terdampak",
        n_id(found.len() as i64)
    )));
    for (p, _) in &public {
        assert!(html.contains(&esc(&p.nama)), "public service {}", p.nama);
    }

    let csv = s
        .get(&format!("/arsitektur/item/{}/dampak?format=csv", server.id))
        .await;
    assert_eq!(csv.status().as_u16(), 200);
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"dampak-")
    );
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "\u{feff}kedalaman,jenis,kode,nama,pd,status");
    assert_eq!(lines.len(), found.len() + 1, "one line per affected record");
    for (d, depth) in &found {
        let prefix = format!("{depth},");
        let kode = format!("\"{}\"", d.kode);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with(&prefix) && l.contains(&kode)),
            "{}",
            d.kode
        );
    }
}

#[tokio::test]
async fn the_document_has_the_references_and_every_domain() {
    let (_app, _summary, s) = demo().await;
    let html = page(&s, "/arsitektur/dokumen").await;
    assert!(html.contains("Dokumen Arsitektur SPBE") && html.contains("Kabupaten Tanah Bumbu"));
    assert!(html.contains("<h2>1. Referensi arsitektur</h2>"));
    for r in [
        "Referensi Arsitektur Proses Bisnis (RAB)",
        "Referensi Arsitektur Layanan (RAL)",
        "Referensi Arsitektur Data dan Informasi (RAD)",
        "Referensi Arsitektur Aplikasi (RAA)",
        "Referensi Arsitektur Infrastruktur (RAI)",
        "Referensi Arsitektur Keamanan (RAK)",
    ] {
        assert!(html.contains(&format!("<li>{r}</li>")), "{r}");
    }
    for (i, d) in [
        "Proses Bisnis",
        "Layanan",
        "Data dan Informasi",
        "Aplikasi",
        "Infrastruktur",
        "Keamanan",
    ]
    .iter()
    .enumerate()
    {
        let h = format!("<h2>{}. Domain Arsitektur {d}</h2>", i + 2);
        assert!(html.contains(&h), "{h}");
    }
    assert!(html.contains("<h3>Aplikasi SPBE</h3>") && html.contains("<h3>Kontrol keamanan</h3>"));
}

#[tokio::test]
async fn unknown_kinds_and_malformed_ids_are_404_pages() {
    let (_app, _summary, s) = demo().await;
    for path in [
        "/arsitektur/kapal",
        "/arsitektur/kapal/baru",
        "/arsitektur/item/xyz",
        "/arsitektur/item/xyz/ubah",
        "/arsitektur/item/xyz/dampak",
        "/arsitektur/item/0190a0b0-0000-7000-8000-000000000000",
    ] {
        let r = s.get(path).await;
        assert_eq!(r.status().as_u16(), 404, "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains("Halaman tidak ditemukan"), "{path}: {html}");
    }
    let r = s
        .post_form("/arsitektur/kapal", &[("kode", "K-1"), ("nama", "Kapal")])
        .await;
    assert_eq!(r.status().as_u16(), 404);
}
