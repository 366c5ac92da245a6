//! CSRF: the synchroniser token and the Origin check refuse forged requests on forms
//! and on the session-authenticated API; bearer-token clients need neither.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use serde_json::json;

const PD_FORM: &[(&str, &str)] = &[
    ("kode", "DISPAR"),
    ("nama", "Dinas Pariwisata"),
    ("singkatan", "Dispar"),
    ("jenis", "dinas"),
    ("induk", ""),
];

/// POST /pd as the session, with exactly these extra fields and headers.
async fn forged_pd(
    s: &Session,
    extra: &[(&str, &str)],
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut fields = PD_FORM.to_vec();
    fields.extend_from_slice(extra);
    let mut req = s
        .http()
        .post(format!("{}/pd", s.base))
        .header("cookie", &s.cookie);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.form(&fields).send().await.unwrap()
}

async fn assert_refused_page(resp: reqwest::Response) {
    assert_eq!(resp.status(), 403);
    let body = resp.text().await.unwrap();
    assert!(body.contains("Permintaan ditolak"), "{body}");
    assert!(body.contains("token keamanan (CSRF)"), "{body}");
}

#[tokio::test]
async fn pd_form_without_right_token_or_from_a_foreign_origin_is_refused() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let before = snapshot(&app.db).await;
    let origin = app.base.clone();
    let csrf = s.csrf.clone();

    // No token.
    assert_refused_page(forged_pd(&s, &[], &[("origin", &origin)]).await).await;
    // A wrong token (right length).
    let wrong = "0".repeat(csrf.len());
    assert_refused_page(forged_pd(&s, &[("_csrf", &wrong)], &[("origin", &origin)]).await).await;
    // An empty token.
    assert_refused_page(forged_pd(&s, &[("_csrf", "")], &[("origin", &origin)]).await).await;
    // The right token from another site.
    let evil = [("origin", "http://evil.example")];
    assert_refused_page(forged_pd(&s, &[("_csrf", &csrf)], &evil).await).await;
    // No Origin, but a foreign Referer.
    let referer = [("referer", "http://evil.example/form")];
    assert_refused_page(forged_pd(&s, &[("_csrf", &csrf)], &referer).await).await;
    // A sandboxed frame ("null" origin).
    assert_refused_page(forged_pd(&s, &[("_csrf", &csrf)], &[("origin", "null")]).await).await;

    assert_eq!(snapshot(&app.db).await, before);
    assert!(simpul_store::pd::by_kode(&app.db, "DISPAR").await.is_err());

    // The same form with the token and our Origin goes through: the refusals above
    // were about CSRF, nothing else.
    let ok = forged_pd(&s, &[("_csrf", &csrf)], &[("origin", &origin)]).await;
    assert_eq!(ok.status(), 303);
    assert_eq!(pd_count(&app.db).await, before.0 + 1);
    assert_eq!(
        simpul_store::pd::by_kode(&app.db, "DISPAR")
            .await
            .unwrap()
            .nama,
        "Dinas Pariwisata"
    );
}

#[tokio::test]
async fn the_token_of_another_session_does_not_count() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let other = app.login(SUPER_ADMIN, PASSWORD).await;
    assert_ne!(s.csrf, other.csrf);
    let before = snapshot(&app.db).await;
    let origin = app.base.clone();
    assert_refused_page(forged_pd(&s, &[("_csrf", &other.csrf)], &[("origin", &origin)]).await)
        .await;
    assert_eq!(snapshot(&app.db).await, before);
}

#[tokio::test]
async fn login_form_from_a_foreign_origin_is_refused() {
    let app = spawn_app().await;
    let r = client()
        .post(format!("{}/masuk", app.base))
        .header("origin", "http://evil.example")
        .form(&[("nip", SUPER_ADMIN), ("sandi", PASSWORD), ("lanjut", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    assert!(r.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn session_api_needs_the_csrf_header() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let before = snapshot(&app.db).await;
    let body = json!({"kode": "DISPAR", "nama": "Dinas Pariwisata", "jenis": "dinas"});
    let send = |headers: Vec<(&'static str, String)>| {
        let mut req = s
            .http()
            .post(format!("{}/api/v1/pd", app.base))
            .header("cookie", &s.cookie)
            .json(&body);
        for (k, v) in headers {
            req = req.header(k, v);
        }
        async move { json_of(req.send().await.unwrap()).await }
    };

    let none = send(vec![("origin", app.base.clone())]).await;
    assert_api_error(&none, 403, "csrf_failed");
    let wrong = send(vec![
        ("origin", app.base.clone()),
        ("x-csrf-token", "nope".into()),
    ])
    .await;
    assert_api_error(&wrong, 403, "csrf_failed");
    let foreign = send(vec![
        ("origin", "http://evil.example".into()),
        ("x-csrf-token", s.csrf.clone()),
    ])
    .await;
    assert_api_error(&foreign, 403, "csrf_failed");
    // PUT and DELETE are unsafe too.
    let setda = pd_id(&app.db, "SETDA").await;
    let put = s
        .http()
        .put(format!("{}/api/v1/pd/{setda}", app.base))
        .header("cookie", &s.cookie)
        .json(&json!({"kode": "SETDA", "nama": "Diganti", "jenis": "sekretariat_daerah"}))
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(put).await, 403, "csrf_failed");
    let del = s
        .http()
        .delete(format!(
            "{}/api/v1/peran/{}",
            app.base,
            uuid::Uuid::now_v7()
        ))
        .header("cookie", &s.cookie)
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(del).await, 403, "csrf_failed");
    assert_eq!(snapshot(&app.db).await, before);

    let ok = send(vec![
        ("origin", app.base.clone()),
        ("x-csrf-token", s.csrf.clone()),
    ])
    .await;
    assert_eq!(ok.0, 201, "{}", ok.1);
    assert_eq!(ok.1["kode"], "DISPAR");
    assert_eq!(pd_count(&app.db).await, before.0 + 1);
}

#[tokio::test]
async fn bearer_token_clients_need_no_csrf() {
    let app = spawn_app().await;
    let api = app.api_as(SUPER_ADMIN).await;
    let before = pd_count(&app.db).await;
    let got = api
        .post(
            "/pd",
            json!({"kode": "DISPAR", "nama": "Dinas Pariwisata", "jenis": "dinas"}),
        )
        .await;
    assert_eq!(got.0, 201, "{}", got.1);
    assert_eq!(pd_count(&app.db).await, before + 1);
    // A token that does not exist is not a session either.
    let fake = client()
        .post(format!("{}/api/v1/pd", app.base))
        .bearer_auth(simpul_web::auth::secret::api_token())
        .json(&json!({"kode": "DISPAR2", "nama": "X", "jenis": "dinas"}))
        .send()
        .await
        .unwrap();
    assert_api_error(&json_of(fake).await, 401, "unauthenticated");
    assert_eq!(pd_count(&app.db).await, before + 1);
}
