//! Browser harness: a private chromedriver per browser, a headless Chromium session, and
//! waits that explain themselves (URL and page source) when they time out.
//!
//! Gating: without chromedriver the tests print a skip notice and pass, unless
//! `SIMPUL_BROWSER_TESTS=1` (CI), where a missing chromedriver fails them.
//! Overrides: `CHROMEDRIVER` (driver path), `CHROMIUM` (browser binary).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a wait lasts before the test fails.
pub const WAIT: Duration = Duration::from_secs(10);

/// At most two browsers at once: CI machines have two cores.
static SLOTS: Semaphore = Semaphore::const_new(2);

/// Whether JavaScript runs in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Js {
    /// Normal browsing (htmx active).
    On,
    /// JavaScript blocked by the content-settings preference (htmx never loads).
    Off,
}

/// A chromedriver child process; killed (and its profile removed) on drop.
struct Driver {
    child: Child,
    port: u16,
    profile: PathBuf,
    session: Option<String>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // End the session first so chromedriver closes Chromium; killing the driver alone
        // can leave the browser running.
        if let Some(id) = self.session.take() {
            let _ = raw_request(self.port, "DELETE", &format!("/session/{id}"));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A tiny blocking HTTP/1.1 request to chromedriver (used where async is not possible).
fn raw_request(port: u16, method: &str, path: &str) -> std::io::Result<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    s.set_read_timeout(Some(Duration::from_secs(5)))?;
    s.set_write_timeout(Some(Duration::from_secs(5)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )?;
    // chromedriver keeps the connection open, so read up to the end of the body.
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk)?;
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf);
        if n == 0 || body_complete(&text) {
            return Ok(text.into_owned());
        }
    }
}

/// Whether an HTTP response holds its headers and `Content-Length` bytes of body.
fn body_complete(resp: &str) -> bool {
    let Some((head, body)) = resp.split_once("\r\n\r\n") else {
        return false;
    };
    let len = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .unwrap_or(0);
    body.len() >= len
}

/// A headless Chromium driven through its own chromedriver.
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    /// Base URL of the app under test (`http://127.0.0.1:port`).
    pub base: String,
    driver: Driver,
    _slot: SemaphorePermit<'static>,
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The chromedriver to use, or `None` (after printing why) when the tests should skip.
fn chromedriver() -> Option<PathBuf> {
    let required = std::env::var("SIMPUL_BROWSER_TESTS").is_ok_and(|v| v == "1");
    let found = match std::env::var_os("CHROMEDRIVER") {
        Some(p) => Some(PathBuf::from(p)).filter(|p| p.is_file()),
        None => on_path("chromedriver"),
    };
    if found.is_none() {
        let msg = "chromedriver not found (set CHROMEDRIVER or install Debian's chromium-driver)";
        if required {
            panic!("SIMPUL_BROWSER_TESTS=1 but {msg}");
        }
        eprintln!("SKIPPED browser test: {msg}; set SIMPUL_BROWSER_TESTS=1 to make this a failure");
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Start chromedriver and wait until it answers `/status`.
fn spawn_driver(path: &Path) -> Driver {
    let profile = std::env::temp_dir().join(format!("simpul-chromium-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&profile).unwrap();
    let port = free_port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("could not start {}: {e}", path.display()));
    let mut driver = Driver {
        child,
        port,
        profile,
        session: None,
    };
    let start = Instant::now();
    loop {
        if let Ok(Some(status)) = driver.child.try_wait() {
            panic!("chromedriver exited early with {status}");
        }
        if raw_request(port, "GET", "/status").is_ok_and(|r| r.contains("\"ready\"")) {
            return driver;
        }
        if start.elapsed() > WAIT {
            panic!("chromedriver on port {port} did not answer within {WAIT:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn capabilities(profile: &Path, js: Js) -> serde_json::Map<String, Value> {
    let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut opts = json!({
        "binary": binary,
        "args": [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,900",
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if js == Js::Off {
        opts["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("chrome"));
    caps.insert("goog:chromeOptions".into(), opts);
    caps
}

impl Browser {
    /// A fresh browser for the app at `base`, or `None` when browser tests are skipped.
    pub async fn start(base: &str, js: Js) -> Option<Browser> {
        let path = chromedriver()?;
        let slot = SLOTS.acquire().await.unwrap();
        let mut driver = spawn_driver(&path);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities(&driver.profile, js))
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .unwrap_or_else(|e| panic!("could not open a Chromium session: {e}"));
        driver.session = client.session_id().await.ok().flatten();
        Some(Browser {
            client,
            base: base.trim_end_matches('/').to_owned(),
            driver,
            _slot: slot,
        })
    }

    /// End the session cleanly (drop would do it too, blocking).
    pub async fn close(mut self) {
        if self.driver.session.take().is_some() {
            let _ = self.client.clone().close().await;
        }
    }

    /// Open `path` of the app.
    pub async fn goto(&self, path: &str) {
        let url = format!("{}{path}", self.base);
        self.client
            .goto(&url)
            .await
            .unwrap_or_else(|e| panic!("could not open {url}: {e}"));
    }

    /// Fail with `msg`, the current URL and the start of the page source.
    pub async fn fail(&self, msg: &str) -> ! {
        let url = self
            .client
            .current_url()
            .await
            .map(|u| u.to_string())
            .unwrap_or_else(|e| format!("(unknown: {e})"));
        let src = self.client.source().await.unwrap_or_default();
        let head: String = src.chars().take(2000).collect();
        panic!("{msg}\n  at URL: {url}\n  page source (first 2000 chars):\n{head}");
    }

    /// Wait for an element matching the CSS selector.
    pub async fn wait_css(&self, css: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::Css(css)).await {
                return e;
            }
            if start.elapsed() > WAIT {
                self.fail(&format!("no element matches `{css}` after {WAIT:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait for an element matching the CSS selector whose text contains `text`.
    pub async fn wait_text(&self, css: &str, text: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Ok(all) = self.client.find_all(Locator::Css(css)).await {
                for e in all {
                    if e.text().await.is_ok_and(|t| t.contains(text)) {
                        return e;
                    }
                }
            }
            if start.elapsed() > WAIT {
                self.fail(&format!("no `{css}` with text {text:?} after {WAIT:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Wait until the URL's path satisfies `ok`; the path.
    pub async fn wait_path(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            if let Ok(u) = self.client.current_url().await
                && ok(u.path())
            {
                return u.path().to_owned();
            }
            if start.elapsed() > WAIT {
                self.fail(&format!("URL path never became {what} within {WAIT:?}"))
                    .await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The `<a>` whose text is exactly `text`, waiting for it.
    pub async fn link(&self, text: &str) -> Element {
        let start = Instant::now();
        loop {
            if let Ok(e) = self.client.find(Locator::LinkText(text)).await {
                return e;
            }
            if start.elapsed() > WAIT {
                self.fail(&format!("no link {text:?} after {WAIT:?}")).await;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Type into the field with this CSS selector (clearing it first).
    pub async fn fill(&self, css: &str, value: &str) {
        let e = self.wait_css(css).await;
        e.clear().await.unwrap();
        e.send_keys(value).await.unwrap();
    }

    /// Choose the option with this visible label in a `<select>`.
    pub async fn select_label(&self, css: &str, label: &str) {
        let e = self.wait_css(css).await;
        if e.select_by_label(label).await.is_err() {
            self.fail(&format!("`{css}` has no option {label:?}")).await;
        }
    }

    /// Click the element matching the CSS selector.
    pub async fn click(&self, css: &str) {
        let e = self.wait_css(css).await;
        if let Err(err) = e.click().await {
            self.fail(&format!("could not click `{css}`: {err}")).await;
        }
    }

    /// The text of the first element matching the selector.
    pub async fn text(&self, css: &str) -> String {
        self.wait_css(css).await.text().await.unwrap()
    }

    /// Log in through the form and wait for the dashboard.
    pub async fn login(&self, nip: &str, password: &str) {
        self.goto("/masuk").await;
        self.fill("#f-nip", nip).await;
        self.fill("#f-sandi", password).await;
        self.click("form[action='/masuk'] button[type=submit]")
            .await;
        self.wait_path("/dasbor", |p| p == "/dasbor").await;
    }

    /// Press a key on the real keyboard input source (not on a chosen element).
    pub async fn press(&self, key: Key) {
        let k: char = key.into();
        let seq = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: k })
            .then(KeyAction::Up { value: k });
        self.client.perform_actions(seq).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Evaluate a JavaScript expression (WebDriver scripts run even when page scripts are
    /// blocked) and return its JSON value.
    pub async fn eval(&self, expr: &str) -> Value {
        self.client
            .execute(&format!("return ({expr});"), vec![])
            .await
            .unwrap()
    }

    /// Save a screenshot as `target/screenshots/<name>.png`; its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.unwrap();
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        eprintln!("screenshot: {}", path.display());
        path
    }
}

/// `$CARGO_TARGET_DIR/screenshots`, or the workspace's `target/screenshots`.
pub fn screenshot_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => PathBuf::from(t).join("screenshots"),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots"),
    }
}
