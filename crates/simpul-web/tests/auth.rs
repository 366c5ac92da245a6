//! Login, lock-out, redirects after login, logout and the idle timeout, through the
//! real server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::Duration;

use common::*;
use simpul_web::WebConfig;

const FAILED: &str = "NIP atau kata sandi salah.";

/// POST the login form; the raw response.
async fn post_login(app: &TestApp, nip: &str, sandi: &str, lanjut: &str) -> reqwest::Response {
    client()
        .post(format!("{}/masuk", app.base))
        .header("origin", &app.base)
        .form(&[("nip", nip), ("sandi", sandi), ("lanjut", lanjut)])
        .send()
        .await
        .unwrap()
}

fn session_set_cookie(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("simpul_sesi="))
        .map(str::to_owned)
}

#[tokio::test]
async fn wrong_password_and_unknown_nip_get_the_same_generic_401() {
    let app = spawn_app().await;
    let before = audit_len(&app.db).await;
    let wrong = post_login(&app, SUPER_ADMIN, "bukan-sandinya", "").await;
    assert_eq!(wrong.status(), 401);
    assert!(session_set_cookie(&wrong).is_none());
    let wrong = wrong.text().await.unwrap();
    assert!(wrong.contains(FAILED), "{wrong}");

    // A well-formed NIP that nobody holds.
    let unknown = post_login(&app, "199205142019031002", PASSWORD, "").await;
    assert_eq!(unknown.status(), 401);
    assert!(session_set_cookie(&unknown).is_none());
    let unknown = unknown.text().await.unwrap();
    assert!(unknown.contains(FAILED), "{unknown}");
    // Nothing tells the two apart but the echoed NIP.
    assert_eq!(
        wrong.replace(SUPER_ADMIN, "NIP"),
        unknown.replace("199205142019031002", "NIP")
    );
    assert_eq!(audit_len(&app.db).await, before);
}

#[tokio::test]
async fn five_failures_lock_the_nip_even_for_the_right_password() {
    let app = spawn_app().await;
    for i in 0..5 {
        let r = post_login(&app, ADMIN_SETDA, &format!("salah-{i}-xxxx"), "").await;
        assert_eq!(r.status(), 401, "attempt {i}");
    }
    let locked = post_login(&app, ADMIN_SETDA, PASSWORD, "").await;
    assert_eq!(locked.status(), 429);
    assert!(session_set_cookie(&locked).is_none());
    let body = locked.text().await.unwrap();
    assert!(body.contains("Terlalu banyak percobaan"), "{body}");
    // The same NIP typed with spaces is the same NIP.
    let spaced = post_login(&app, "19930330 202005 1 008", PASSWORD, "").await;
    assert_eq!(spaced.status(), 429);
    // The lock is per NIP: another account still logs in from the same address.
    assert_eq!(app.try_login(AUDITOR, PASSWORD).await.err(), None);
}

#[tokio::test]
async fn success_sets_an_httponly_lax_cookie_and_goes_to_the_dashboard() {
    let app = spawn_app().await;
    let r = post_login(&app, SUPER_ADMIN, PASSWORD, "").await;
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/dasbor");
    let cookie = session_set_cookie(&r).expect("a session cookie");
    let attrs: Vec<&str> = cookie.split(';').map(str::trim).collect();
    assert!(attrs.contains(&"HttpOnly"), "{cookie}");
    assert!(attrs.contains(&"SameSite=Lax"), "{cookie}");
    assert!(attrs.contains(&"Path=/"), "{cookie}");
    let value = attrs[0].trim_start_matches("simpul_sesi=");
    assert_eq!(value.len(), 64, "{cookie}");
    let dash = client()
        .get(format!("{}/dasbor", app.base))
        .header("cookie", attrs[0])
        .send()
        .await
        .unwrap();
    assert_eq!(dash.status(), 200);
}

#[tokio::test]
async fn next_page_after_login_is_local_only() {
    let app = spawn_app().await;
    for (lanjut, to) in [
        ("//evil.example", "/dasbor"),
        ("https://evil.example/x", "/dasbor"),
        ("/\\evil.example", "/dasbor"),
        ("/pd?jenis=badan", "/pd?jenis=badan"),
    ] {
        let r = post_login(&app, SUPER_ADMIN, PASSWORD, lanjut).await;
        assert_eq!(r.status(), 303, "{lanjut}");
        assert_eq!(location(&r), to, "{lanjut}");
    }
}

#[tokio::test]
async fn a_page_without_session_redirects_to_login_and_back() {
    let app = spawn_app().await;
    let r = client()
        .get(format!("{}/pd", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(location(&r), "/masuk?alasan=perlu&lanjut=/pd");
    let login = client()
        .get(format!("{}/masuk?alasan=perlu&lanjut=/pd", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    assert!(
        login
            .text()
            .await
            .unwrap()
            .contains("Silakan masuk untuk membuka halaman tersebut.")
    );
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    // Without the token the logout is refused and the session lives on.
    let refused = s
        .http()
        .post(format!("{}/keluar", app.base))
        .header("cookie", &s.cookie)
        .header("origin", &app.base)
        .form(&[("x", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    assert_eq!(s.get("/dasbor").await.status(), 200);

    let out = s.post_form("/keluar", &[]).await;
    assert_eq!(out.status(), 303);
    assert_eq!(location(&out), "/masuk?alasan=keluar");
    let cleared = session_set_cookie(&out).expect("the cookie is cleared");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    let after = s.get("/dasbor").await;
    assert_eq!(after.status(), 303);
    assert!(
        location(&after).starts_with("/masuk?alasan=perlu"),
        "{}",
        location(&after)
    );
    let api = s.api().get("/saya").await;
    assert_api_error(&api, 401, "unauthenticated");
}

#[tokio::test]
async fn idle_sessions_end() {
    let cfg = WebConfig {
        idle_timeout: Duration::from_secs(1),
        ..Default::default()
    };
    let app = spawn_app_with(cfg, true).await;
    let page = app.login(SUPER_ADMIN, PASSWORD).await;
    let api = app.login(SUPER_ADMIN, PASSWORD).await;
    assert_eq!(api.api().get("/saya").await.0, 200);
    tokio::time::sleep(Duration::from_millis(2500)).await;

    // The API says why.
    let got = api.api().get("/saya").await;
    assert_api_error(&got, 401, "unauthenticated");
    assert!(
        got.1["message"]
            .as_str()
            .unwrap()
            .contains("Sesi Anda berakhir"),
        "{}",
        got.1
    );

    let r = page.get("/dasbor").await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert!(to.starts_with("/masuk?alasan=kedaluwarsa"), "{to}");
    let login = client()
        .get(format!("{}{to}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), 200);
    assert!(login.text().await.unwrap().contains("Sesi Anda berakhir"));

    // The ended session stays ended.
    assert_api_error(&page.api().get("/saya").await, 401, "unauthenticated");
    assert_eq!(page.get("/dasbor").await.status(), 303);
}

#[tokio::test]
async fn next_page_with_control_characters_stays_local() {
    let app = spawn_app().await;
    for lanjut in ["/\t/evil.example", "/\n/evil.example", "/x\ny"] {
        let r = post_login(&app, SUPER_ADMIN, PASSWORD, lanjut).await;
        assert_eq!(r.status(), 303, "{lanjut:?}");
        assert_eq!(location(&r), "/dasbor", "{lanjut:?}");
    }
}
