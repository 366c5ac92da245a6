//! Handing in evidence in real Chromium without JavaScript: a PD administrator uploads the
//! year's LAN diagram and sees it in force; the Dinas attaches an SOP to a business
//! process. Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod common;

use browser_support::{Browser, Js};
use common::*;
use fantoccini::Locator;
use simpul_store::Actor;
use simpul_store::demo_registry::{self, Scale};

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("simpul-unggah-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
async fn pd_hands_in_its_lan_diagram_and_the_dinas_attaches_an_sop() {
    let app = spawn_app().await;
    demo_registry::load(&app.db, &Actor::sistem(), "tanah-bumbu", Scale::Normal)
        .await
        .unwrap();
    let Some(b) = Browser::start(&app.base, Js::Off).await else {
        return;
    };
    b.login(ADMIN_SETDA, PASSWORD).await;

    // From the architecture overview to the year's summary, then to SETDA's page.
    b.goto("/arsitektur").await;
    b.link("Diagram LAN per PD").await.click().await.unwrap();
    b.wait_text("h1", "Diagram LAN").await;
    b.wait_text("main", "0 dari").await;
    let setda = pd_id(&app.db, "SETDA").await;
    b.client
        .find(Locator::Css(&format!("a[href='/diagram-lan/{setda}']")))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    b.wait_text("h2", "Unggah diagram LAN").await;
    b.fill("#f-catatan", "Diagram tahunan").await;
    let lan = temp_file(
        "LAN SETDA.drawio",
        b"<mxfile><diagram name=\"LAN\"/></mxfile>",
    );
    b.wait_css("#f-berkas")
        .await
        .send_keys(lan.to_str().unwrap())
        .await
        .unwrap();
    b.click("#unggah button[type=submit]").await;
    b.wait_text(".flash", "Diagram LAN diunggah").await;
    b.wait_text("table.data a", "LAN SETDA.drawio").await;
    b.screenshot("lan-pd").await;
    b.goto("/diagram-lan").await;
    b.wait_text("main", "1 dari").await;
    b.screenshot("lan-overview").await;

    // A wrong file is refused with the reason next to the field, nothing stored.
    b.goto(&format!("/diagram-lan/{setda}")).await;
    let fake = temp_file("diagram.png", b"bukan gambar");
    b.wait_css("#f-berkas")
        .await
        .send_keys(fake.to_str().unwrap())
        .await
        .unwrap();
    b.click("#unggah button[type=submit]").await;
    b.wait_text(".field-error", "Isi berkas tidak sesuai").await;
    assert_eq!(
        simpul_store::diagram_lan::of_pd(&app.db, setda)
            .await
            .unwrap()
            .len(),
        1
    );

    // The Dinas attaches an SOP to a business process.
    b.client.clone().delete_all_cookies().await.unwrap();
    b.login(SUPER_ADMIN, PASSWORD).await;
    b.goto("/arsitektur/proses_bisnis").await;
    b.click("table.data tbody a").await;
    b.link("Unggah").await.click().await.unwrap();
    b.wait_text("h1", "Unggah dokumen").await;
    b.select_label("#f-jenis", "Dokumen SOP").await;
    b.fill("#f-judul", "SOP Nomor 7 Tahun 2026").await;
    let sop = temp_file("SOP layanan.pdf", b"%PDF-1.4\n%%EOF\n");
    b.wait_css("#f-berkas")
        .await
        .send_keys(sop.to_str().unwrap())
        .await
        .unwrap();
    b.click("form.form button[type=submit]").await;
    b.wait_text(".flash", "Dokumen diunggah").await;
    b.wait_text("#dokumen table.data", "SOP Nomor 7 Tahun 2026")
        .await;
    b.screenshot("record-documents").await;
    b.close().await;
    for p in [lan, fake, sop] {
        let _ = std::fs::remove_dir_all(p.parent().unwrap());
    }
}
