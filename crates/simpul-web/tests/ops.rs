//! Operations endpoints, security headers, assets, the 404 page, and the OpenAPI
//! document checked against the live router.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::Value;

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    client()
        .get(format!("{}{path}", app.base))
        .send()
        .await
        .unwrap()
}

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[tokio::test]
async fn health_readiness_and_metrics() {
    let app = spawn_app_with(Default::default(), false).await;
    let h = get(&app, "/healthz").await;
    assert_eq!(h.status(), 200);
    assert_eq!(h.text().await.unwrap(), "ok");
    let r = get(&app, "/readyz").await;
    assert_eq!(r.status(), 200);
    assert!(r.text().await.unwrap().starts_with("ok"));

    let m = get(&app, "/metrics").await;
    assert_eq!(m.status(), 200);
    assert!(header(&m, "content-type").starts_with("text/plain"));
    let text = m.text().await.unwrap();
    assert!(text.contains("simpul_http_requests_total"), "{text}");
    // Labelled by route pattern, never by raw path.
    assert!(
        text.lines().any(
            |l| l.starts_with("simpul_http_requests_total") && l.contains("route=\"/healthz\"")
        ),
        "{text}"
    );
    get(&app, &format!("/pd/{}", uuid::Uuid::now_v7())).await;
    let text = get(&app, "/metrics").await.text().await.unwrap();
    assert!(text.contains("route=\"/pd/{id}\""), "{text}");
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    for r in [
        get(&app, "/masuk").await,
        s.get("/dasbor").await,
        s.get("/pd").await,
        get(&app, "/tidak-ada").await,
    ] {
        let csp = header(&r, "content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{csp}");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert!(!csp.contains("unsafe-eval"), "{csp}");
        assert_eq!(header(&r, "x-frame-options"), "DENY");
        assert_eq!(header(&r, "x-content-type-options"), "nosniff");
    }
    let json = get(&app, "/api/v1/saya").await;
    assert_eq!(header(&json, "x-content-type-options"), "nosniff");
    // Only the Swagger UI page relaxes styles, never scripts.
    let docs = get(&app, "/api/docs").await;
    assert_eq!(docs.status(), 200);
    let csp = header(&docs, "content-security-policy");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("script-src 'self' 'unsafe-inline'"),
        "{csp}"
    );
    assert_eq!(header(&docs, "x-frame-options"), "DENY");
}

#[tokio::test]
async fn assets_are_embedded() {
    let app = spawn_app_with(Default::default(), false).await;
    let js = get(&app, "/static/htmx.min.js").await;
    assert_eq!(js.status(), 200);
    assert!(header(&js, "content-type").starts_with("text/javascript"));
    assert_eq!(header(&js, "x-content-type-options"), "nosniff");
    let body = js.text().await.unwrap();
    assert!(
        body.len() > 10_000 && body.contains("htmx"),
        "{} bytes",
        body.len()
    );
    let css = get(&app, "/static/simpul.css").await;
    assert_eq!(css.status(), 200);
    assert!(header(&css, "content-type").starts_with("text/css"));
    assert_eq!(get(&app, "/static/tidak-ada.js").await.status(), 404);
    assert_eq!(get(&app, "/static/..%2FCargo.toml").await.status(), 404);
}

#[tokio::test]
async fn unknown_pages_are_a_404_page_in_indonesian() {
    let app = spawn_app().await;
    for path in ["/tidak-ada", "/pd/bukan-uuid/ubah/lagi"] {
        let r = get(&app, path).await;
        assert_eq!(r.status(), 404, "{path}");
        assert!(header(&r, "content-type").starts_with("text/html"));
        let page = r.text().await.unwrap();
        assert!(page.contains("Halaman tidak ditemukan"), "{page}");
        assert!(page.contains("lang=\"id\""));
    }
    // A page id that is not an id, when logged in, is the same page.
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let r = s.get("/pd/bukan-uuid").await;
    assert_eq!(r.status(), 404);
    assert!(r.text().await.unwrap().contains("Halaman tidak ditemukan"));
    let r = s.get(&format!("/pegawai/{}", uuid::Uuid::now_v7())).await;
    assert_eq!(r.status(), 404);
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_lists_every_operation() {
    let app = spawn_app_with(Default::default(), false).await;
    let r = get(&app, "/api/v1/openapi.json").await;
    assert_eq!(r.status(), 200);
    assert!(header(&r, "content-type").starts_with("application/json"));
    let doc: Value = serde_json::from_str(&r.text().await.unwrap()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["title"], "Simpul API");
    let paths = doc["paths"].as_object().unwrap();
    for (path, method, ..) in simpul_web::api::openapi::operations() {
        assert!(
            paths[*path][*method].is_object(),
            "{method} {path} undocumented"
        );
    }
}

#[tokio::test]
async fn every_documented_operation_exists_and_wants_credentials() {
    let app = spawn_app_with(Default::default(), false).await;
    let http = client();
    let mut checked = 0;
    for (path, method, ..) in simpul_web::api::openapi::operations() {
        if *path == "/openapi.json" {
            continue;
        }
        let url = format!(
            "{}/api/v1{}",
            app.base,
            path.replace("{id}", &uuid::Uuid::now_v7().to_string())
        );
        let m = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let mut req = http.request(m.clone(), &url);
        if matches!(*method, "post" | "put") {
            req = req.json(&serde_json::json!({}));
        }
        let got = json_of(req.send().await.unwrap()).await;
        assert_eq!(got.0, 401, "{method} {path}: {}", got.1);
        assert_eq!(got.1["error"], "unauthenticated", "{method} {path}");
        // A malformed bearer header is no better.
        let bad = http
            .request(m, &url)
            .header("authorization", "Basic Zm9vOmJhcg==")
            .send()
            .await
            .unwrap();
        assert_eq!(
            json_of(bad).await.1["error"],
            "unauthenticated",
            "{method} {path}"
        );
        checked += 1;
    }
    let documented = simpul_web::api::openapi::operations()
        .filter(|o| o.0 != "/openapi.json")
        .count();
    assert_eq!((checked, documented > 10), (documented, true));
    // And a route that is not documented is not there.
    let none = json_of(
        http.get(format!("{}/api/v1/tidak-ada", app.base))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((none.0, none.1["error"].as_str()), (404, Some("not_found")));
}
