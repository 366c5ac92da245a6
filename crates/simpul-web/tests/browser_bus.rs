//! Registering a bus service in real Chromium without JavaScript: SETDA's admin fills in
//! the form, first picks a Swagger 2 file (refused next to the field, nothing stored),
//! then the real OpenAPI 3 document, and reads its operations grouped by tag with the
//! NIK-carrying parameters marked. Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod bus_pages_support;
mod common;

use browser_support::{Browser, Js};
use bus_pages_support::*;
use common::*;
use fantoccini::Locator;

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("simpul-bus-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[tokio::test]
async fn a_pd_admin_registers_a_service_with_its_openapi_document() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::Off).await else {
        return;
    };
    b.login(ADMIN_SETDA, PASSWORD).await;
    b.goto("/bus").await;
    b.wait_text("h1", "Direktori layanan").await;
    b.link("Daftarkan layanan").await.click().await.unwrap();
    b.wait_text("h1", "Daftarkan layanan").await;

    b.fill("#f-kode", "penduduk").await;
    b.fill("#f-nama", "Data Penduduk").await;
    b.fill("#f-deskripsi", "Data penduduk untuk perencanaan")
        .await;
    b.fill("#f-url_hulu", "https://10.1.2.3:8443/api").await;
    b.select_label("#f-klasifikasi", "Terbatas").await;
    b.fill("#f-nik-query", "nik").await;
    b.fill("#f-nik-response", "nik").await;

    // A Swagger 2 document is refused next to the file field; nothing is stored.
    let before = keadaan(&app).await;
    let swagger = temp_file(
        "swagger.json",
        br#"{"swagger": "2.0", "info": {"title": "x"}, "paths": {}}"#,
    );
    b.wait_css("#f-openapi")
        .await
        .send_keys(swagger.to_str().unwrap())
        .await
        .unwrap();
    b.click("form.form button[type=submit]").await;
    b.wait_text(".field-error", "Swagger 2 tidak diterima")
        .await;
    b.wait_text(".error-summary", "Dokumen OpenAPI 3").await;
    assert_eq!(keadaan(&app).await, before);
    let kept = b.eval("document.querySelector('#f-nama').value").await;
    assert_eq!(kept, "Data Penduduk", "typed values are kept");
    b.screenshot("bus-layanan-galat").await;

    // The real document.
    let doc = temp_file("penduduk.json", OPENAPI.as_bytes());
    b.wait_css("#f-openapi")
        .await
        .send_keys(doc.to_str().unwrap())
        .await
        .unwrap();
    b.click("form.form button[type=submit]").await;
    b.wait_text(".flash", "menunggu tinjauan Dinas").await;
    b.wait_path("the service page", |p| p.starts_with("/bus/layanan/"))
        .await;

    // Its operations, grouped by tag, NIK parameters marked.
    b.wait_text("#operasi h3", "penduduk").await;
    b.wait_text("#operasi h3", "wilayah").await;
    b.wait_text("#operasi td", "Cari penduduk menurut NIK")
        .await;
    b.wait_text("#operasi td", "/penduduk/{id}/keluarga").await;
    let nik_rows = b
        .client
        .find_all(Locator::XPath(
            "//section[@id='operasi']//tr[.//span[contains(@class,'badge') and text()='NIK']]",
        ))
        .await
        .unwrap();
    assert_eq!(nik_rows.len(), 1, "only GET /penduduk carries a NIK");
    assert!(nik_rows[0].text().await.unwrap().contains("/penduduk"));
    b.eval("document.getElementById('operasi').scrollIntoView() || true")
        .await;
    b.screenshot("bus-layanan-operasi").await;

    // The directory lists it as a proposal with the NIK marker.
    b.goto("/bus").await;
    let row = b.wait_text("table.data tbody tr", "Data Penduduk").await;
    let text = row.text().await.unwrap();
    assert!(
        text.contains("Usulan") && text.contains("Terbatas") && text.contains("NIK"),
        "{text}"
    );
    b.close().await;
}
