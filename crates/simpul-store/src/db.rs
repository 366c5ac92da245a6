//! Connection setup for the two backends and the dispatch between them.
//!
//! SQL is written once where the dialects agree (`$1` placeholders, `RETURNING`,
//! `ON CONFLICT`) and run on whichever pool is active through [`on_db!`]; the macro
//! expands the same code once per backend so each gets its own concrete types.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};
use sqlx::{Postgres, Sqlite, Transaction};

use crate::error::StoreError;

/// The active database.
#[derive(Debug, Clone)]
pub enum Db {
    /// Embedded SQLite (default).
    Sqlite(SqlitePool),
    /// PostgreSQL.
    Postgres(PgPool),
}

/// A write transaction on the active database.
pub enum Tx {
    /// SQLite transaction (`BEGIN IMMEDIATE`, so concurrent writers queue instead of failing).
    Sqlite(Transaction<'static, Sqlite>),
    /// PostgreSQL transaction.
    Postgres(Transaction<'static, Postgres>),
}

/// Run `$body` with `$p` bound to the active pool (or connection) of `$db`.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($p) => $body,
            $crate::db::Db::Postgres($p) => $body,
        }
    };
}

/// Run `$body` with `$c` bound to the connection of transaction `$tx`.
#[macro_export]
macro_rules! on_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body
            }
            $crate::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body
            }
        }
    };
}

/// Like [`on_db!`] for statements run for their effect: yields the rows affected, so
/// both backends' differently typed results unify.
#[macro_export]
macro_rules! exec_db {
    ($db:expr, $p:ident => $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($p) => $body.map(|r| r.rows_affected()),
            $crate::db::Db::Postgres($p) => $body.map(|r| r.rows_affected()),
        }
    };
}

/// Like [`on_tx!`] for statements run for their effect: yields the rows affected.
#[macro_export]
macro_rules! exec_tx {
    ($tx:expr, $c:ident => $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
            $crate::db::Tx::Postgres(t) => {
                let $c = &mut **t;
                $body.map(|r| r.rows_affected())
            }
        }
    };
}

impl Db {
    /// Connect by URL: `sqlite://PATH` or `postgres://...`; any other scheme is an error.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect(url)
                .await?;
            Ok(Self::Postgres(pool))
        } else if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?;
            Self::open_sqlite(opts).await
        } else {
            Err(StoreError::UnknownScheme(scheme_of(url)))
        }
    }

    /// Open (creating if needed) `<dir>/simpul.db`.
    pub async fn open_data_dir(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(StoreError::Io)?;
        Self::open_sqlite(SqliteConnectOptions::new().filename(dir.join("simpul.db"))).await
    }

    async fn open_sqlite(opts: SqliteConnectOptions) -> Result<Self, StoreError> {
        let opts = opts
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(opts)
            .await?;
        Ok(Self::Sqlite(pool))
    }

    /// Which backend is active, for logs and `/readyz`.
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }

    /// Start a write transaction.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(match self {
            Self::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Self::Postgres(p) => Tx::Postgres(p.begin().await?),
        })
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        crate::exec_db!(self, p => sqlx::query("SELECT 1").execute(p).await)?;
        Ok(())
    }

    /// Close all connections.
    pub async fn close(&self) {
        on_db!(self, p => p.close().await);
    }
}

impl Tx {
    /// Commit.
    pub async fn commit(self) -> Result<(), StoreError> {
        match self {
            Self::Sqlite(t) => t.commit().await?,
            Self::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

fn scheme_of(url: &str) -> String {
    url.split_once(':').map_or("", |(s, _)| s).to_owned()
}
