//! Test harness: the real server on 127.0.0.1:0 over a fresh SQLite database per test,
//! optionally loaded with the Tanah Bumbu demo, and a small logged-in HTTP client.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::OnceLock;

use simpul_store::Db;
use simpul_web::{AppState, WebConfig};
use tokio::sync::oneshot;

/// Demo accounts of Tanah Bumbu (see crates/simpul-store/demo/tanah-bumbu.toml).
pub const SUPER_ADMIN: &str = "198104052004051019";
/// Administrator of SETDA.
pub const ADMIN_SETDA: &str = "199303302020051008";
/// Operator of BPKAD.
pub const OPERATOR_BPKAD: &str = "199801172023081040";
/// Auditor (Inspektorat).
pub const AUDITOR: &str = "198510272010011234";
/// Pimpinan (Sekda).
pub const PIMPINAN: &str = "197607221998011323";
/// Password of every demo account.
pub const PASSWORD: &str = simpul_store::demo::DEMO_PASSWORD;

/// A running server.
pub struct TestApp {
    /// Address.
    pub addr: SocketAddr,
    /// `http://addr`.
    pub base: String,
    /// Its database, for checking what was (not) stored.
    pub db: Db,
    dir: PathBuf,
    stop: Option<oneshot::Sender<()>>,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn demo_hash() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    H.get_or_init(|| simpul_web::auth::password::hash(PASSWORD).unwrap())
}

/// A server with the Tanah Bumbu demo and default settings.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(WebConfig::default(), true).await
}

/// A server with these settings, with or without the demo.
pub async fn spawn_app_with(cfg: WebConfig, demo: bool) -> TestApp {
    let dir = std::env::temp_dir().join(format!("simpul-web-test-{}", uuid::Uuid::now_v7()));
    let db = Db::open_data_dir(&dir).await.unwrap();
    simpul_store::migrate::run(&db).await.unwrap();
    if demo {
        let today = time::OffsetDateTime::now_utc().date();
        simpul_store::demo::load(&db, "tanah-bumbu", demo_hash(), today).await.unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel::<()>();
    let state = AppState::new(db.clone(), cfg);
    tokio::spawn(async move {
        simpul_web::serve(listener, state, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    TestApp { addr, base: format!("http://{addr}"), db, dir, stop: Some(tx) }
}

/// A client that does not follow redirects (tests look at them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap()
}

/// A logged-in browser-like session.
pub struct Session {
    /// Base URL.
    pub base: String,
    /// `simpul_sesi=…`.
    pub cookie: String,
    /// The session's CSRF token.
    pub csrf: String,
    http: reqwest::Client,
}

impl TestApp {
    /// Log in through the form and pick up the CSRF token from a page.
    pub async fn login(&self, nip: &str, password: &str) -> Session {
        self.try_login(nip, password).await.unwrap_or_else(|s| panic!("login of {nip} failed with {s}"))
    }

    /// Log in; the status code on failure.
    pub async fn try_login(&self, nip: &str, password: &str) -> Result<Session, u16> {
        let http = client();
        let resp = http
            .post(format!("{}/masuk", self.base))
            .header("origin", &self.base)
            .form(&[("nip", nip), ("sandi", password), ("lanjut", "")])
            .send()
            .await
            .unwrap();
        if resp.status().as_u16() != 303 {
            return Err(resp.status().as_u16());
        }
        let cookie = resp
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.starts_with("simpul_sesi="))
            .and_then(|v| v.split(';').next())
            .unwrap()
            .to_owned();
        let mut s = Session { base: self.base.clone(), cookie, csrf: String::new(), http };
        let page = s.get("/profil").await.text().await.unwrap();
        s.csrf = extract_csrf(&page).expect("a page with a CSRF field");
        Ok(s)
    }
}

/// The value of the first `_csrf` hidden field in a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"_csrf\" value=\"")? + "name=\"_csrf\" value=\"".len();
    Some(html[at..].split('"').next()?.to_owned())
}

impl Session {
    /// GET with the session cookie.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http.get(format!("{}{path}", self.base)).header("cookie", &self.cookie).send().await.unwrap()
    }

    /// POST a form with the cookie, the CSRF token and a same-origin Origin.
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &self.csrf));
        self.http
            .post(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("origin", &self.base)
            .form(&all)
            .send()
            .await
            .unwrap()
    }

    /// The raw client, for requests that must break the rules.
    pub fn http(&self) -> &reqwest::Client {
        &self.http
    }
}

/// Entries in the audit trail (to prove that refused input changed nothing).
pub async fn audit_len(db: &Db) -> i64 {
    simpul_store::audit::list(db, &Default::default(), 1, 0).await.unwrap().total
}
