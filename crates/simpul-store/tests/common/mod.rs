//! Backend harness for the conformance suite: every test gets a fresh, migrated SQLite
//! database, and a fresh PostgreSQL database too when `SIMPUL_TEST_PG_URL` is set
//! (`scripts/start-postgres.sh` prints a suitable URL). A set but unreachable URL fails
//! the test: CI must not go green by silently skipping PostgreSQL.
//!
//! Each test binary uses a different subset of these helpers.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::ops::Deref;
use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use simpul_domain::ident::Nip;
use simpul_domain::ids::PdId;
use simpul_domain::org::{JenisPd, KodePd, NewPd, NewPegawai, Pegawai, PerangkatDaerah};
use simpul_store::audit::{self, AuditFilter};
use simpul_store::{Actor, Db, exec_db, migrate, on_db, pd, pegawai};
use sqlx::Connection;
use sqlx::postgres::{PgConnectOptions, PgConnection};
use time::Date;
use time::macros::date;
use uuid::Uuid;

/// Environment variable naming the PostgreSQL server to test against.
pub const PG_ENV: &str = "SIMPUL_TEST_PG_URL";

/// Prefix of the per-test PostgreSQL databases; the rest is `<unix secs>_<hex>`.
const PG_PREFIX: &str = "simpul_t_";

/// Test databases older than this are left-overs of crashed runs and are dropped.
const STALE_AFTER: Duration = Duration::from_secs(2 * 60 * 60);

/// The fresh databases of one test, by backend name. Dropping it removes them.
pub struct Backends {
    list: Vec<(&'static str, Db)>,
    cleanup: Vec<Resource>,
}

enum Resource {
    Dir(PathBuf),
    PgDatabase { admin_url: String, name: String },
}

impl Deref for Backends {
    type Target = [(&'static str, Db)];
    fn deref(&self) -> &Self::Target {
        &self.list
    }
}

impl Drop for Backends {
    fn drop(&mut self) {
        // Best effort, also when the test panicked: close nothing explicitly (Drop cannot
        // await), remove the SQLite directories and drop the PostgreSQL databases with
        // FORCE, which ends the pool's open connections.
        let resources = std::mem::take(&mut self.cleanup);
        let pg: Vec<(String, String)> = resources
            .into_iter()
            .filter_map(|r| match r {
                Resource::Dir(d) => {
                    let _ = std::fs::remove_dir_all(&d);
                    None
                }
                Resource::PgDatabase { admin_url, name } => Some((admin_url, name)),
            })
            .collect();
        if pg.is_empty() {
            return;
        }
        // Inside the test's runtime we may not block on async code: use a thread with
        // a runtime of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async {
                for (url, name) in pg {
                    if let Ok(mut c) = PgConnection::connect(&url).await {
                        let _ =
                            sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                                .execute(&mut c)
                                .await;
                        let _ = c.close().await;
                    }
                }
            });
        })
        .join();
    }
}

/// Fresh migrated databases on every configured backend.
pub async fn backends() -> Backends {
    fresh(true).await
}

/// Fresh databases on every configured backend; `migrated: false` leaves them empty.
pub async fn fresh(migrated: bool) -> Backends {
    let mut b = Backends {
        list: Vec::new(),
        cleanup: Vec::new(),
    };
    let (db, dir) = new_sqlite().await;
    b.cleanup.push(Resource::Dir(dir));
    b.list.push(("sqlite", db));
    if let Some(admin_url) = pg_url() {
        let (db, name) = new_postgres(&admin_url).await;
        b.cleanup.push(Resource::PgDatabase { admin_url, name });
        b.list.push(("postgres", db));
    }
    if migrated {
        for (name, db) in &b.list {
            let n = migrate::run(db)
                .await
                .unwrap_or_else(|e| panic!("[{name}] migrate: {e}"));
            assert_eq!(
                n,
                migrate::names().len(),
                "[{name}] migrations applied to a fresh database"
            );
        }
    }
    let names: Vec<_> = b.list.iter().map(|(n, _)| *n).collect();
    eprintln!("backends: {}", names.join(", "));
    b
}

/// Only a fresh migrated SQLite database (for slow tests run on SQLite alone).
pub async fn sqlite_only() -> Backends {
    let (db, dir) = new_sqlite().await;
    migrate::run(&db).await.expect("[sqlite] migrate");
    eprintln!("backends: sqlite");
    Backends {
        list: vec![("sqlite", db)],
        cleanup: vec![Resource::Dir(dir)],
    }
}

/// The configured PostgreSQL URL, if any (empty counts as unset).
pub fn pg_url() -> Option<String> {
    std::env::var(PG_ENV).ok().filter(|u| !u.trim().is_empty())
}

async fn new_sqlite() -> (Db, PathBuf) {
    let dir = std::env::temp_dir().join(format!("simpul-store-test-{}", Uuid::now_v7().simple()));
    let db = Db::open_data_dir(&dir)
        .await
        .unwrap_or_else(|e| panic!("[sqlite] open {}: {e}", dir.display()));
    (db, dir)
}

async fn new_postgres(admin_url: &str) -> (Db, String) {
    let opts: PgConnectOptions = admin_url
        .parse()
        .unwrap_or_else(|e| panic!("{PG_ENV}={admin_url:?} is not a PostgreSQL URL: {e}"));
    let mut admin = tokio::time::timeout(
        Duration::from_secs(15),
        PgConnection::connect_with(&opts),
    )
    .await
    .unwrap_or_else(|_| panic!("{PG_ENV} is set but PostgreSQL did not answer within 15 s"))
    .unwrap_or_else(|e| {
        panic!("{PG_ENV} is set but PostgreSQL is unreachable ({e}); run scripts/start-postgres.sh")
    });
    sweep_stale(&mut admin).await;
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let name = format!(
        "{PG_PREFIX}{secs}_{}",
        &Uuid::now_v7().simple().to_string()[16..]
    );
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut admin)
        .await
        .unwrap_or_else(|e| {
            panic!("[postgres] CREATE DATABASE {name} (the role needs CREATEDB): {e}")
        });
    let _ = admin.close().await;
    let url = with_database(admin_url, &name);
    let db = Db::connect(&url)
        .await
        .unwrap_or_else(|e| panic!("[postgres] connect to {name}: {e}"));
    (db, name)
}

/// Drop test databases left by runs that died before cleaning up.
async fn sweep_stale(admin: &mut PgConnection) {
    let Ok(names) = sqlx::query_scalar::<_, String>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'simpul\\_t\\_%'",
    )
    .fetch_all(&mut *admin)
    .await
    else {
        return;
    };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for name in names {
        let created = name
            .strip_prefix(PG_PREFIX)
            .and_then(|rest| rest.split('_').next())
            .and_then(|s| s.parse::<u64>().ok());
        if created.is_some_and(|c| now.saturating_sub(c) > STALE_AFTER.as_secs()) {
            let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut *admin)
                .await;
        }
    }
}

/// `url` with its database (the path) replaced by `name`, keeping any query string.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[after_scheme..]
        .find('/')
        .map_or(base.len(), |i| after_scheme + i);
    let mut out = format!("{}/{name}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

// ---- fixtures --------------------------------------------------------------------------

/// The date the suite pretends it is.
pub const TODAY: Date = date!(2026 - 11 - 22);

/// A valid PD.
pub fn new_pd(
    kode: &str,
    nama: &str,
    singkatan: Option<&str>,
    jenis: JenisPd,
    induk: Option<PdId>,
) -> NewPd {
    NewPd {
        kode: KodePd::parse(kode).unwrap(),
        nama: nama.to_owned(),
        singkatan: singkatan.map(str::to_owned),
        jenis,
        induk,
    }
}

/// A valid NIP: born 26 Sep 1986, TMT May 2015, man, sequence `n` (1..=999).
pub fn nip(n: u16) -> Nip {
    Nip::parse(&format!("198609262015051{n:03}"), TODAY).unwrap()
}

/// A valid new staff member.
pub fn new_pegawai(n: u16, nama: &str, jabatan: Option<&str>, pd: PdId) -> NewPegawai {
    NewPegawai {
        nip: nip(n),
        nama: nama.to_owned(),
        jabatan: jabatan.map(str::to_owned),
        email: None,
        pd,
    }
}

// ---- inspection ------------------------------------------------------------------------

/// Rows in `table`, read directly.
pub async fn count(db: &Db, table: &str) -> i64 {
    let sql = format!("SELECT COUNT(*) FROM {table}");
    on_db!(db, p => sqlx::query_scalar::<_, i64>(&sql).fetch_one(p).await).unwrap()
}

/// The audit head's seq.
pub async fn head_seq(db: &Db) -> i64 {
    on_db!(db, p => sqlx::query_scalar::<_, i64>("SELECT seq FROM audit_head WHERE id = 1").fetch_one(p).await)
        .unwrap()
}

/// Run a statement directly on the pool (for tampering); returns rows affected.
pub async fn exec(db: &Db, sql: &str) -> u64 {
    exec_db!(db, p => sqlx::query(sql).execute(p).await).unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Assert that exactly one audit entry was appended since `before` (a head seq), with
/// this action, entity, entity id (when given) and PD; returns the new head seq.
pub async fn assert_one_entry(
    backend: &str,
    db: &Db,
    before: i64,
    action: &str,
    entity: &str,
    entity_id: Option<&str>,
    pd: Option<&str>,
) -> i64 {
    let after = head_seq(db).await;
    assert_eq!(
        after,
        before + 1,
        "[{backend}] {action}: exactly one audit entry appended"
    );
    let page = audit::list(db, &AuditFilter::default(), 1, 0)
        .await
        .unwrap();
    let e = &page.entries[0].fields;
    assert_eq!(
        e.seq, after,
        "[{backend}] {action}: newest entry is the head"
    );
    assert_eq!(e.action, action, "[{backend}] action");
    assert_eq!(e.entity, entity, "[{backend}] {action}: entity");
    if let Some(id) = entity_id {
        assert_eq!(e.entity_id, id, "[{backend}] {action}: entity_id");
    }
    assert_eq!(e.pd.as_deref(), pd, "[{backend}] {action}: pd");
    after
}

// ---- actors ----------------------------------------------------------------------------

/// The system actor, which the conformance tests write as unless a test needs a person.
pub fn sys() -> Actor {
    Actor::sistem()
}

// ---- setup -----------------------------------------------------------------------------

/// Create the plain dinas `PD-A` ("PD A", not the SPBE manager) as the system actor.
pub async fn pd_a(db: &Db) -> PerangkatDaerah {
    pd::create(
        db,
        &sys(),
        &new_pd("PD-A", "PD A", None, JenisPd::Dinas, None),
        false,
    )
    .await
    .unwrap()
}

/// Create staff member `n` (see [`nip`]) called `nama` in `pd`, with no jabatan and no
/// password, as the system actor.
pub async fn staff(db: &Db, n: u16, nama: &str, pd: PdId) -> Pegawai {
    pegawai::create(db, &sys(), &new_pegawai(n, nama, None, pd), None)
        .await
        .unwrap()
}
