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
/// Personal-data protection officer (Diskominfo SP, also in the coordination team).
pub const PELINDUNGAN_DATA: &str = "198504032013121009";
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

impl TestApp {
    /// The data folder (what `SIMPUL_DATA_DIR` would be).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.dir
    }

    /// Files in the blob store (to prove that a refused upload stored nothing).
    pub fn blob_files(&self) -> usize {
        fn walk(p: &std::path::Path) -> usize {
            std::fs::read_dir(p).map_or(0, |rd| {
                rd.flatten()
                    .map(|e| {
                        let path = e.path();
                        if path.is_dir() { walk(&path) } else { 1 }
                    })
                    .sum()
            })
        }
        walk(&self.dir.join("berkas"))
    }
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
    spawn(cfg, demo, |db, blobs, cfg, _| AppState::new(db, blobs, cfg)).await
}

/// What a test of the bus pages holds besides the server: the installation's NIK key,
/// its evidence log (open; the test writes through a gateway or directly) and folder.
pub struct BusParts {
    pub nik: simpul_bus::nik::KunciNik,
    pub log: simpul_bus::evidence::EvidenceLog,
    pub bukti: PathBuf,
    /// What the web notifies after a change to the directory (give it to the gateway).
    pub segarkan: std::sync::Arc<tokio::sync::Notify>,
}

/// The demo server of an installation that runs the bus, as `simpul serve` builds it:
/// the NIK key and evidence log in `<data_dir>/bus`, shared with the web.
/// `metrics_url` is the gateway's Prometheus address the dashboard links to.
pub async fn spawn_app_with_bus(metrics_url: Option<String>) -> (TestApp, BusParts) {
    let mut parts = None;
    let app = spawn(WebConfig::default(), true, |db, blobs, cfg, dir| {
        let bus = dir.join("bus");
        std::fs::create_dir_all(&bus).unwrap();
        let nik = simpul_bus::nik::KunciNik::load_or_create(&bus.join("kunci-nik.key")).unwrap();
        let bukti = bus.join("bukti");
        let log = simpul_bus::evidence::EvidenceLog::open(
            simpul_bus::evidence::EvidenceConfig::new(&bukti),
        )
        .unwrap();
        let segarkan = std::sync::Arc::new(tokio::sync::Notify::new());
        let web = simpul_web::state::BusWeb {
            nik: nik.clone(),
            bukti: bukti.clone(),
            kunci_publik: log.public_key().to_hex(),
            metrics_url,
            segarkan: Some(segarkan.clone()),
            kesehatan: None,
        };
        parts = Some(BusParts {
            nik,
            log,
            bukti,
            segarkan,
        });
        AppState::with_bus(db, blobs, cfg, web)
    })
    .await;
    (app, parts.unwrap())
}

async fn spawn(
    cfg: WebConfig,
    demo: bool,
    state: impl FnOnce(Db, simpul_store::blob::BlobStore, WebConfig, &std::path::Path) -> AppState,
) -> TestApp {
    let dir = std::env::temp_dir().join(format!("simpul-web-test-{}", uuid::Uuid::now_v7()));
    let db = Db::open_data_dir(&dir).await.unwrap();
    simpul_store::migrate::run(&db).await.unwrap();
    if demo {
        let today = time::OffsetDateTime::now_utc().date();
        simpul_store::demo::load(&db, "tanah-bumbu", demo_hash(), today)
            .await
            .unwrap();
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (tx, rx) = oneshot::channel::<()>();
    let blobs = simpul_store::blob::BlobStore::in_data_dir(&dir).unwrap();
    let state = state(db.clone(), blobs, cfg, &dir);
    tokio::spawn(async move {
        simpul_web::serve(listener, state, async {
            let _ = rx.await;
        })
        .await
        .unwrap();
    });
    TestApp {
        addr,
        base: format!("http://{addr}"),
        db,
        dir,
        stop: Some(tx),
    }
}

/// A client that does not follow redirects (tests look at them).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
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
        self.try_login(nip, password)
            .await
            .unwrap_or_else(|s| panic!("login of {nip} failed with {s}"))
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
        let mut s = Session {
            base: self.base.clone(),
            cookie,
            csrf: String::new(),
            http,
        };
        let page = s.get("/profil").await.text().await.unwrap();
        s.csrf = extract_csrf(&page).expect("a page with a CSRF field");
        Ok(s)
    }
}

/// A `multipart/form-data` body: its content type and bytes; the file goes in `berkas`.
pub fn multipart_body(fields: &[(&str, &str)], file: Option<(&str, &[u8])>) -> (String, Vec<u8>) {
    let boundary = "----simpulujiBATAS7d1f";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// The value of the first `_csrf` hidden field in a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"_csrf\" value=\"")? + "name=\"_csrf\" value=\"".len();
    Some(html[at..].split('"').next()?.to_owned())
}

impl Session {
    /// GET with the session cookie.
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .send()
            .await
            .unwrap()
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

    /// POST a multipart form the way the no-JavaScript upload forms do: text fields, an
    /// optional file in the `berkas` field, the CSRF token in the action's query string.
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &[u8])>,
    ) -> reqwest::Response {
        let (content_type, body) = multipart_body(fields, file);
        let sep = if path.contains('?') { '&' } else { '?' };
        self.http
            .post(format!("{}{path}{sep}_csrf={}", self.base, self.csrf))
            .header("cookie", &self.cookie)
            .header("origin", &self.base)
            .header("content-type", content_type)
            .body(body)
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
    simpul_store::audit::list(db, &Default::default(), 1, 0)
        .await
        .unwrap()
        .total
}

// ---- Helpers for the HTTP edge tests (auth, csrf, api_*, pages_forms, permissions_http, ops) ----

/// Id of the staff member with this NIP.
pub async fn pegawai_id(db: &Db, nip: &str) -> simpul_domain::ids::PegawaiId {
    simpul_store::pegawai::by_nip(db, nip).await.unwrap().id
}

/// Id of the PD with this code.
pub async fn pd_id(db: &Db, kode: &str) -> simpul_domain::ids::PdId {
    simpul_store::pd::by_kode(db, kode).await.unwrap().id
}

/// Number of PDs, archived ones included.
pub async fn pd_count(db: &Db) -> usize {
    let all = simpul_store::pd::PdFilter {
        termasuk_arsip: true,
        ..Default::default()
    };
    simpul_store::pd::list(db, &all).await.unwrap().len()
}

/// Number of staff.
pub async fn pegawai_count(db: &Db) -> i64 {
    simpul_store::pegawai::list(db, &Default::default(), 1, 0)
        .await
        .unwrap()
        .1
}

/// Both counts and the audit length: a snapshot to prove a refusal changed nothing.
pub async fn snapshot(db: &Db) -> (usize, i64, i64) {
    (
        pd_count(db).await,
        pegawai_count(db).await,
        audit_len(db).await,
    )
}

/// A JSON API client.
pub struct Api {
    /// Base URL.
    pub base: String,
    auth: Vec<(&'static str, String)>,
    http: reqwest::Client,
}

impl Api {
    /// Send `method path` with an optional JSON body; the status and the parsed body
    /// (`Null` when empty).
    pub async fn call(
        &self,
        method: &str,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> (u16, serde_json::Value) {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut req = self.http.request(m, format!("{}/api/v1{path}", self.base));
        for (k, v) in &self.auth {
            req = req.header(*k, v);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        json_of(req.send().await.unwrap()).await
    }

    /// GET.
    pub async fn get(&self, path: &str) -> (u16, serde_json::Value) {
        self.call("GET", path, None).await
    }

    /// POST a JSON body.
    pub async fn post(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        self.call("POST", path, Some(body)).await
    }

    /// POST a multipart body (see [`multipart_body`]).
    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: Option<(&str, &[u8])>,
    ) -> (u16, serde_json::Value) {
        let (content_type, body) = multipart_body(fields, file);
        let mut req = self
            .http
            .post(format!("{}/api/v1{path}", self.base))
            .header("content-type", content_type)
            .body(body);
        for (k, v) in &self.auth {
            req = req.header(*k, v);
        }
        json_of(req.send().await.unwrap()).await
    }

    /// GET without parsing (for downloads).
    pub async fn raw_get(&self, path: &str) -> reqwest::Response {
        let mut req = self.http.get(format!("{}/api/v1{path}", self.base));
        for (k, v) in &self.auth {
            req = req.header(*k, v);
        }
        req.send().await.unwrap()
    }

    /// PUT a JSON body.
    pub async fn put(&self, path: &str, body: serde_json::Value) -> (u16, serde_json::Value) {
        self.call("PUT", path, Some(body)).await
    }
}

/// Status and JSON body of a response (`Null` when the body is empty).
pub async fn json_of(resp: reqwest::Response) -> (u16, serde_json::Value) {
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    let v = if text.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
    };
    (status, v)
}

/// Assert an API error of this status and code; returns its `fields`.
#[track_caller]
pub fn assert_api_error(
    got: &(u16, serde_json::Value),
    status: u16,
    code: &str,
) -> serde_json::Value {
    assert_eq!(got.0, status, "status of {}", got.1);
    assert_eq!(got.1["error"], code, "error code of {}", got.1);
    assert!(
        got.1["message"].as_str().is_some_and(|m| !m.is_empty()),
        "message of {}",
        got.1
    );
    assert!(got.1["fields"].is_object(), "fields of {}", got.1);
    got.1["fields"].clone()
}

/// The problem codes reported for one field of an API error.
pub fn field_codes(fields: &serde_json::Value, field: &str) -> Vec<String> {
    fields[field]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|m| m["kode"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

impl TestApp {
    /// A fresh API token of the staff member with this NIP.
    pub async fn token_for(&self, nip: &str) -> String {
        let token = simpul_web::auth::secret::api_token();
        let id = pegawai_id(&self.db, nip).await;
        let digest = simpul_web::auth::secret::digest(&token);
        simpul_store::token::create(
            &self.db,
            &simpul_store::Actor::sistem(),
            id,
            "test",
            &digest,
        )
        .await
        .unwrap();
        token
    }

    /// An API client with a bearer token of the staff member with this NIP.
    pub async fn api_as(&self, nip: &str) -> Api {
        let token = self.token_for(nip).await;
        Api {
            base: self.base.clone(),
            auth: vec![("authorization", format!("Bearer {token}"))],
            http: client(),
        }
    }

    /// An API client without credentials.
    pub fn anonymous_api(&self) -> Api {
        Api {
            base: self.base.clone(),
            auth: Vec::new(),
            http: client(),
        }
    }
}

impl Session {
    /// An API client riding on this session (cookie, CSRF header, same Origin).
    pub fn api(&self) -> Api {
        Api {
            base: self.base.clone(),
            auth: vec![
                ("cookie", self.cookie.clone()),
                ("x-csrf-token", self.csrf.clone()),
                ("origin", self.base.clone()),
            ],
            http: self.http.clone(),
        }
    }
}

/// The `Location` of a redirect.
pub fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

/// Create a registry record through the page form; its id.
pub async fn create_record(
    s: &Session,
    app: &TestApp,
    jenis: simpul_domain::registry::Jenis,
    f: &[(&str, &str)],
) -> simpul_domain::ids::ItemId {
    let r = s
        .post_form(&format!("/arsitektur/{}", jenis.code()), f)
        .await;
    assert_eq!(r.status().as_u16(), 303, "{}", r.text().await.unwrap());
    let kode = f.iter().find(|(k, _)| *k == "kode").unwrap().1;
    simpul_store::registry::item::by_kode(&app.db, jenis, kode)
        .await
        .unwrap()
        .id
}

/// Follow a redirect back to the record page of `id` carrying `pesan`; the page.
pub async fn back_with(
    s: &Session,
    r: reqwest::Response,
    id: simpul_domain::ids::ItemId,
    pesan: &str,
) -> String {
    assert_eq!(r.status().as_u16(), 303);
    assert_eq!(location(&r), format!("/arsitektur/item/{id}?pesan={pesan}"));
    let page = s.get(&location(&r)).await;
    assert_eq!(page.status().as_u16(), 200);
    page.text().await.unwrap()
}

/// Make `nip` a new staff member and administrator of PD `pd` (by code): for PDs whose
/// demo administrator cannot log in.
pub async fn admin_of(app: &TestApp, nip: &str, pd: &str) {
    use simpul_domain::access::{Grant, Role};
    use simpul_store::{Actor, pegawai, peran};
    let today = time::OffsetDateTime::now_utc().date();
    let p = pegawai::create(
        &app.db,
        &Actor::sistem(),
        &simpul_domain::org::NewPegawai {
            nip: simpul_domain::ident::Nip::parse(nip, today).unwrap(),
            nama: format!("Admin {pd}"),
            jabatan: None,
            email: None,
            pd: pd_id(&app.db, pd).await,
        },
        None,
    )
    .await
    .unwrap();
    let g = Grant {
        role: Role::AdminPd,
        pd: pd_id(&app.db, pd).await,
    };
    peran::grant(&app.db, &Actor::sistem(), p.id, g)
        .await
        .unwrap();
}
