//! Browser tests: real headless Chromium through chromedriver, against the real server
//! with the Tanah Bumbu demo. Skipped (with a notice) when chromedriver is missing,
//! unless `SIMPUL_BROWSER_TESTS=1`. Screenshots land in `target/screenshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod browser_support;
mod common;

use browser_support::{Browser, Js};
use common::*;
use fantoccini::Locator;
use fantoccini::key::Key;

/// Pegawai in the database (all PDs).
async fn pegawai_count(app: &TestApp) -> i64 {
    simpul_store::pegawai::list(&app.db, &Default::default(), 1, 0)
        .await
        .unwrap()
        .1
}

/// From the PD list: open the form, save a new PD of kind "Dinas", land on its page.
async fn create_pd(b: &Browser, kode: &str, nama: &str, shot_errors: Option<&str>) {
    b.link("Tambah PD").await.click().await.unwrap();
    b.wait_path("/pd/baru", |p| p == "/pd/baru").await;
    b.wait_text("h1", "Tambah Perangkat Daerah").await;
    if let Some(name) = shot_errors {
        // An empty form first: every required field is named, nothing is stored.
        b.click("form.form button[type=submit]").await;
        b.wait_css(".error-summary").await;
        b.wait_css(".field:has(#f-kode) .field-error").await;
        b.screenshot(name).await;
    }
    b.fill("#f-kode", kode).await;
    b.fill("#f-nama", nama).await;
    b.select_label("#f-jenis", "Dinas").await;
    b.click("form.form button[type=submit]").await;
    b.wait_text(".flash-ok", "Perangkat Daerah berhasil ditambahkan.")
        .await;
    b.wait_path("a PD detail page", |p| {
        p.starts_with("/pd/") && p != "/pd/baru"
    })
    .await;
    let h1 = b.text("h1").await;
    assert_eq!(h1, nama, "the detail page shows the new PD");
    b.wait_text("dd.mono", kode).await;
}

/// Back to the list via the navigation; the new PD is listed.
async fn find_in_list(b: &Browser, nama: &str) {
    b.click("nav a[href='/pd']").await;
    b.wait_path("/pd", |p| p == "/pd").await;
    b.wait_text("#tabel-pd a", nama).await;
}

#[tokio::test]
async fn super_admin_creates_pd_and_logs_out() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;

    b.wait_text("h1", "Dasbor SPBE").await;
    b.wait_text(".topbar", "Kabupaten Tanah Bumbu").await;
    let charts = b
        .client
        .find_all(Locator::Css("section.chart svg"))
        .await
        .unwrap();
    if charts.len() != 2 {
        b.fail(&format!("expected 2 SVG charts, found {}", charts.len()))
            .await;
    }
    b.screenshot("dashboard").await;

    b.link("Perangkat Daerah").await.click().await.unwrap();
    b.wait_path("/pd", |p| p == "/pd").await;
    b.wait_text("h1", "Perangkat Daerah").await;
    b.screenshot("pd-list").await;

    let nama = "Dinas Uji Peramban Otomatis";
    create_pd(&b, "UJI-PERAMBAN", nama, Some("pd-form-errors")).await;
    find_in_list(&b, nama).await;

    b.click("details.user-menu > summary").await;
    b.click("details.user-menu form[action='/keluar'] button[type=submit]")
        .await;
    b.wait_path("/masuk", |p| p == "/masuk").await;
    b.wait_text(".flash", "Anda telah keluar.").await;
    b.screenshot("logged-out").await;
    b.close().await;
}

#[tokio::test]
async fn invalid_nip_is_shown_next_to_the_field_and_nothing_is_stored() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    let before = pegawai_count(&app).await;
    b.login(SUPER_ADMIN, PASSWORD).await;

    b.click("nav a[href='/pegawai']").await;
    b.wait_path("/pegawai", |p| p == "/pegawai").await;
    b.link("Tambah pegawai").await.click().await.unwrap();
    b.wait_path("/pegawai/baru", |p| p == "/pegawai/baru").await;

    let nama = "Siti Rahmawati Uji";
    b.fill("#f-nip", "19861326 201505 1 001").await; // month 13
    b.fill("#f-nama", nama).await;
    b.wait_css("#f-pd").await.select_by_index(1).await.unwrap();
    b.click("form.form button[type=submit]").await;

    b.wait_css(".error-summary").await;
    b.wait_css(".error-summary a[href='#f-nip']").await;
    b.wait_css(".field:has(#f-nip) .field-error").await;
    let nip = b.wait_css("#f-nip").await;
    assert_eq!(
        nip.attr("aria-invalid").await.unwrap().as_deref(),
        Some("true"),
        "the NIP input is marked invalid"
    );
    let kept = b.wait_css("#f-nama").await.prop("value").await.unwrap();
    assert_eq!(kept.as_deref(), Some(nama), "the typed name is kept");
    b.screenshot("pegawai-form-nip-error").await;

    assert_eq!(pegawai_count(&app).await, before, "no pegawai was stored");
    assert!(
        simpul_store::pegawai::by_nip(&app.db, "198613262015051001")
            .await
            .is_err(),
        "the invalid NIP is not in the database"
    );
    b.close().await;
}

/// Press Tab once on a freshly loaded page; fail unless the skip link got the focus.
async fn first_tab_focuses_skip_link(b: &Browser) {
    b.wait_css(".skip-link").await;
    b.press(Key::Tab).await;
    let focused = b
        .eval("document.activeElement && document.activeElement.className")
        .await;
    if focused.as_str() != Some("skip-link") {
        let desc = b
            .eval("document.activeElement && document.activeElement.outerHTML")
            .await;
        b.fail(&format!("Tab focused {desc} instead of the skip link"))
            .await;
    }
}

// No `autofocus` on the login form: keyboard users must meet the skip link first.
#[tokio::test]
async fn tab_on_the_login_page_reaches_the_skip_link_first() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    b.goto("/masuk").await;
    first_tab_focuses_skip_link(&b).await;
    b.close().await;
}

#[tokio::test]
async fn tab_on_the_dashboard_reaches_a_visible_skip_link_first() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;
    b.goto("/dasbor").await;
    first_tab_focuses_skip_link(&b).await;
    // Hidden skip links must appear on focus: inside the viewport and not 1px wide.
    let rect = b
        .eval("(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.left, r.width, r.height]; })()")
        .await;
    let r: Vec<f64> = serde_json::from_value(rect.clone()).unwrap();
    if !(r[0] >= 0.0 && r[1] >= 0.0 && r[2] > 10.0 && r[3] > 10.0) {
        b.fail(&format!(
            "the focused skip link is not visible: rect {rect}"
        ))
        .await;
    }
    b.screenshot("skip-link-focused").await;
    b.close().await;
}

#[tokio::test]
async fn creating_a_pd_works_without_javascript() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::Off).await else {
        return;
    };
    b.login(SUPER_ADMIN, PASSWORD).await;
    // WebDriver scripts still run; page scripts (htmx) do not.
    let htmx = b.eval("typeof window.htmx").await;
    if htmx.as_str() != Some("undefined") {
        b.fail(&format!(
            "htmx is loaded ({htmx}) although JavaScript is off"
        ))
        .await;
    }
    b.click("nav a[href='/pd']").await;
    b.wait_path("/pd", |p| p == "/pd").await;
    let nama = "Dinas Tanpa JavaScript";
    create_pd(&b, "TANPA-JS", nama, None).await;
    find_in_list(&b, nama).await;
    b.close().await;
}

#[tokio::test]
async fn login_page_switches_to_english() {
    let app = spawn_app().await;
    let Some(b) = Browser::start(&app.base, Js::On).await else {
        return;
    };
    b.goto("/masuk").await;
    b.wait_text("h1", "Masuk ke Simpul").await;
    b.select_label("#f-bahasa", "English").await;
    b.click("form[action='/bahasa'] button[type=submit]").await;
    b.wait_text("h1", "Log in to Simpul").await;
    assert_eq!(b.eval("document.documentElement.lang").await, "en");
    b.screenshot("login-en").await;
    b.close().await;
}
