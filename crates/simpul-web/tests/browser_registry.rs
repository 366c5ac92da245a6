//! The registry path a Dinas official walks, in real Chromium: find the applications on
//! the shared server, see which public services stop if it fails, import a spreadsheet
//! of datasets and export the registry. Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod common;

use browser_support::{Browser, Js};
use common::*;
use fantoccini::Locator;
use simpul_store::Actor;
use simpul_store::demo_registry::{self, Scale};

#[tokio::test]
async fn official_finds_the_impact_of_a_server_and_imports_datasets() {
    let app = spawn_app().await;
    let summary = demo_registry::load(&app.db, &Actor::sistem(), "tanah-bumbu", Scale::Normal)
        .await
        .unwrap();
    let server = summary.server_bersama.clone();
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;

    // Overview → servers → the shared server.
    b.click("nav a[href='/arsitektur']").await;
    b.wait_text("h1", "Arsitektur SPBE").await;
    b.screenshot("registry-overview").await;
    b.link("Server dan VPS").await.click().await.unwrap();
    b.fill("#f-q", &server).await;
    b.click("form.filters button[type=submit]").await;
    b.wait_text("table.data a", "").await;
    let first = b
        .client
        .find(Locator::Css("table.data tbody a"))
        .await
        .unwrap();
    first.click().await.unwrap();
    b.wait_text("dd.mono", &server).await;
    let hosted = b
        .client
        .find_all(Locator::Css("table.data tbody tr"))
        .await
        .unwrap()
        .len();
    assert!(
        hosted >= 30,
        "the shared server lists the applications hosted on it ({hosted} relations)"
    );
    b.wait_css(".chart svg").await;
    b.screenshot("registry-server").await;

    // Impact: which public services stop.
    b.link("Analisis dampak").await.click().await.unwrap();
    b.wait_text("h1", "Analisis dampak").await;
    let stopped = b.text(".stat:first-child .stat-value").await;
    assert!(
        stopped.parse::<u32>().unwrap() > 0,
        "public services stop: {stopped}"
    );
    b.wait_text("h2", "Layanan publik yang terhenti").await;
    b.screenshot("registry-impact").await;

    // Import three datasets from a CSV file, as regions migrate from spreadsheets.
    let csv = std::env::temp_dir().join(format!("simpul-impor-{}.csv", uuid::Uuid::now_v7()));
    std::fs::write(
        &csv,
        "kode,nama,pd,status,jenis_data,klasifikasi\n\
         DT-IMP-1,Data Posyandu,DINKES,aktif,basis_data,publik\n\
         DT-IMP-2,Data Kader Kesehatan,DINKES,aktif,berkas_digital,publik\n\
         DT-IMP-3,Data Rujukan Pasien,DINKES,aktif,basis_data,dikecualikan\n",
    )
    .unwrap();
    b.goto("/arsitektur/data").await;
    b.link("Impor").await.click().await.unwrap();
    let input = b.wait_css("#f-berkas").await;
    input.send_keys(csv.to_str().unwrap()).await.unwrap();
    b.click("form.form button[type=submit]").await;
    b.wait_text("main h2", "Impor berhasil").await;
    b.wait_text("main", "3 catatan disimpan.").await;
    b.screenshot("registry-import").await;
    let _ = std::fs::remove_file(&csv);
    b.goto("/arsitektur/data?q=Posyandu").await;
    b.wait_text("table.data a", "Data Posyandu").await;

    // Export: the whole registry as a workbook.
    let href = b
        .link("Ekspor seluruh register (XLSX)")
        .await
        .attr("href")
        .await
        .unwrap()
        .unwrap();
    b.close().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let resp = s.get(&href).await;
    assert_eq!(resp.status(), 200);
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK"), "an XLSX (zip) workbook");
}
