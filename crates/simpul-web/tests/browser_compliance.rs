//! The compliance picture in real Chromium without JavaScript: the Dinas sees the
//! summary with its chart, opens the yearly audit of Aplikasi Khusus and finds late
//! audits with the article behind them, then compares the regions' regulations.
//! Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod common;

use browser_support::{Browser, Js};
use common::*;
use simpul_store::Actor;
use simpul_store::demo_registry::{self, Scale};

#[tokio::test]
async fn the_dinas_reads_its_compliance_and_compares_regulations() {
    let app = spawn_app().await;
    demo_registry::load(&app.db, &Actor::sistem(), "tanah-bumbu", Scale::Normal)
        .await
        .unwrap();
    let today = time::OffsetDateTime::now_utc().date();
    simpul_store::demo_compliance::load(&app.db, today)
        .await
        .unwrap();
    let Some(b) = Browser::start(&app.base, Js::Off).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;
    b.goto("/kepatuhan").await;
    b.wait_text("h1", "Kepatuhan regulasi SPBE").await;
    b.wait_css(".chart svg").await;
    b.screenshot("compliance-summary").await;

    b.click("a[href^='/kepatuhan/kewajiban/audit-aplikasi-khusus']")
        .await;
    b.wait_text("main", "Pasal 41 ayat (3)").await;
    b.wait_text(".badge", "Terlambat").await;
    b.screenshot("compliance-obligation").await;

    b.goto("/regulasi/banding?beda=1").await;
    b.wait_text("h1", "Perbandingan peraturan").await;
    b.wait_text("table.compare", "Tidak diatur").await;
    b.screenshot("regulation-comparison").await;
    b.close().await;
}
