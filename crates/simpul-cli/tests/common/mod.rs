//! Helpers for running the real `simpul` binary: a temporary folder per test, bounded
//! waits on every child process, and a server guard that always kills its child.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Upper bound for any single wait on a child process.
pub const WAIT: Duration = Duration::from_secs(30);

/// The NIP and password used for the first super admin.
pub const NIP: &str = "198609262015051001";
pub const PASSWORD: &str = "kata-sandi-kuat";
/// `simpul admin setup-region` for Tanah Bumbu with DISKOMINFO.
pub const SETUP_REGION: &[&str] = &[
    "admin",
    "setup-region",
    "--kode",
    "63.10",
    "--pd-kode",
    "DISKOMINFO",
    "--pd-nama",
    "Dinas Komunikasi dan Informatika",
];
/// `simpul admin create-user` for Budi ([`NIP`]) as super admin.
pub const CREATE_ADMIN: &[&str] = &[
    "admin",
    "create-user",
    "--nip",
    NIP,
    "--name",
    "Budi",
    "--password",
    PASSWORD,
    "--role",
    "super_admin",
];

/// A folder under the system temp dir, removed on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let n = N.fetch_add(1, Ordering::SeqCst);
        let p = std::env::temp_dir().join(format!(
            "simpul-cli-{tag}-{}-{n}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
    pub fn path(&self) -> &Path {
        &self.0
    }
    /// The data folder inside (what `SIMPUL_DATA_DIR` points at).
    pub fn data(&self) -> PathBuf {
        self.0.join("data")
    }
    pub fn db(&self) -> PathBuf {
        self.data().join("simpul.db")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `simpul ARGS` run in `dir` with a clean `SIMPUL_*` environment whose data folder is
/// `dir/data`.
pub fn simpul(dir: &TempDir, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_simpul"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SIMPUL_") {
            c.env_remove(k);
        }
    }
    c.current_dir(dir.path())
        .env("SIMPUL_DATA_DIR", dir.data())
        .env("SIMPUL_LOG", "warn")
        // Tests run side by side: each server's bus gateway takes a free port.
        .env("SIMPUL_BUS_LISTEN", "127.0.0.1:0")
        .env("NO_COLOR", "1")
        .args(args);
    c
}

/// What a finished command left behind.
#[derive(Debug)]
pub struct Out {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    pub fn all(&self) -> String {
        format!("{}\n{}", self.stdout, self.stderr)
    }
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(self.code, Some(0), "expected success: {self:#?}");
        self
    }
    #[track_caller]
    pub fn fails(self) -> Self {
        assert!(
            matches!(self.code, Some(c) if c != 0),
            "expected a non-zero exit: {self:#?}"
        );
        self
    }
}

fn drain<R: Read + Send + 'static>(r: Option<R>) -> JoinHandle<String> {
    thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut r) = r {
            let _ = r.read_to_string(&mut s);
        }
        s
    })
}

/// Wait for `child` at most `limit`; kill it and panic if it takes longer.
pub fn wait_bounded(child: &mut Child, limit: Duration) -> ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(st) = child.try_wait().unwrap() {
            return st;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("simpul did not exit within {limit:?}");
        }
        thread::sleep(Duration::from_millis(25));
    }
}

/// Run to completion (at most [`WAIT`]) and capture both streams.
pub fn run(mut c: Command) -> Out {
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (o, e) = (drain(child.stdout.take()), drain(child.stderr.take()));
    let st = wait_bounded(&mut child, WAIT);
    Out {
        code: st.code(),
        stdout: o.join().unwrap(),
        stderr: e.join().unwrap(),
    }
}

/// Shorthand: run `simpul ARGS` in `dir`.
pub fn sim(dir: &TempDir, args: &[&str]) -> Out {
    run(simpul(dir, args))
}

/// Set up region 63.10 with DISKOMINFO, then create the super admin [`NIP`].
pub fn setup_admin(dir: &TempDir) {
    sim(dir, SETUP_REGION).ok();
    let out = sim(dir, CREATE_ADMIN).ok();
    assert!(out.stdout.contains("Pengguna dibuat: Budi"), "{out:#?}");
}

/// A running `simpul serve`; killed on drop, whatever happened.
pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// Stdout lines up to and including the "Simpul siap" line.
    pub lines: Vec<String>,
    rest: Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    /// Spawn `simpul serve ARGS` and wait (bounded) until it says where it listens.
    pub fn start(dir: &TempDir, args: &[&str]) -> Self {
        let mut cmd = simpul(dir, &["serve"]);
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().unwrap();
        let (tx, rx) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        thread::spawn(move || {
            for l in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(l).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let (err_sink, mut err_src) = (stderr.clone(), child.stderr.take().unwrap());
        thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            while let Ok(n @ 1..) = err_src.read(&mut buf) {
                err_sink
                    .lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        });
        let mut s = Self {
            child,
            addr: String::new(),
            lines: Vec::new(),
            rest: rx,
            stderr,
        };
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match s.rest.recv_timeout(left) {
                Ok(l) => {
                    let found = l
                        .split_once("Simpul siap di http://")
                        .and_then(|(_, r)| r.split_once('/'))
                        .map(|(a, _)| a.to_owned());
                    s.lines.push(l);
                    if let Some(a) = found {
                        s.addr = a;
                        return s;
                    }
                }
                Err(RecvTimeoutError::Timeout) => panic!("serve not ready in {WAIT:?}: {s:?}"),
                Err(RecvTimeoutError::Disconnected) => {
                    thread::sleep(Duration::from_millis(200));
                    panic!("serve exited before it was ready: {s:?}");
                }
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn stdout(&self) -> String {
        self.lines.join("\n")
    }

    /// Stop with SIGTERM and wait (bounded) for a clean exit. One request is answered
    /// first: the server installs its SIGTERM handler only after printing "siap" (see
    /// `sigterm_right_after_ready_exits_cleanly`).
    pub fn stop(self) -> ExitStatus {
        self.ping();
        self.sigterm()
    }

    /// SIGTERM now, then wait (bounded) for the exit.
    pub fn sigterm(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let st = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(st.success(), "kill -TERM {pid} failed");
        wait_bounded(&mut self.child, WAIT)
    }
}

impl Server {
    /// `GET /healthz` over a plain socket; panics unless it answers 200.
    pub fn ping(&self) {
        let mut c = TcpStream::connect(&self.addr).unwrap();
        c.set_read_timeout(Some(WAIT)).unwrap();
        write!(
            c,
            "GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut r = String::new();
        let _ = c.read_to_string(&mut r);
        assert!(r.starts_with("HTTP/1.1 200"), "healthz: {r}");
    }
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let err = self.stderr.lock().map(|s| s.clone()).unwrap_or_default();
        f.debug_struct("Server")
            .field("stdout", &self.lines)
            .field("stderr", &err)
            .finish()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A fresh single-threaded runtime for the async clients (reqwest, sqlx).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

/// Open `D/simpul.db` directly (nothing else may have it open for writing).
pub async fn open_db(db: &Path) -> sqlx::SqlitePool {
    let opts = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(db)
        .create_if_missing(false);
    sqlx::sqlite::SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(opts)
        .await
        .unwrap()
}

/// `SELECT COUNT(*) FROM table` for each table, in order.
pub fn counts(db: &Path, tables: &[&str]) -> Vec<i64> {
    block_on(async {
        let pool = open_db(db).await;
        let mut v = Vec::new();
        for t in tables {
            let q = format!("SELECT COUNT(*) FROM {t}");
            v.push(sqlx::query_scalar(&q).fetch_one(&pool).await.unwrap());
        }
        pool.close().await;
        v
    })
}
