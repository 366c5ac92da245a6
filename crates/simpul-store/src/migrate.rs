//! Migrations, embedded in the binary: one tree per backend with the same file names
//! (checked by a test), applied in order, each in its own transaction, recorded with a
//! checksum so an edited landed migration is refused instead of silently diverging.

use sha2::{Digest, Sha256};

use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_db, on_db};

/// One migration: its file name and the SQL of each backend.
struct Migration {
    name: &'static str,
    sqlite: &'static str,
    postgres: &'static str,
}

macro_rules! migration {
    ($name:literal) => {
        Migration {
            name: $name,
            sqlite: include_str!(concat!("../migrations/sqlite/", $name)),
            postgres: include_str!(concat!("../migrations/postgres/", $name)),
        }
    };
}

/// Every migration, oldest first. Never edit a landed one: add a new file to both trees.
const MIGRATIONS: &[Migration] = &[
    migration!("0001_foundation.sql"),
    migration!("0002_registry.sql"),
    migration!("0003_registry_listing.sql"),
    migration!("0004_documents.sql"),
    migration!("0005_dokumen_perencanaan.sql"),
    migration!("0006_pemenuhan.sql"),
    migration!("0007_search_filter_terms.sql"),
    migration!("0008_evaluasi.sql"),
    migration!("0009_bus.sql"),
    migration!("0010_bus_pertukaran.sql"),
];

/// File names of the embedded migrations (for the mirror check).
pub fn names() -> Vec<&'static str> {
    MIGRATIONS.iter().map(|m| m.name).collect()
}

/// Apply every pending migration; returns how many were applied.
pub async fn run(db: &Db) -> Result<usize, StoreError> {
    exec_db!(db, p => sqlx::query(
        "CREATE TABLE IF NOT EXISTS schema_migrasi (
            nama TEXT PRIMARY KEY, checksum TEXT NOT NULL, diterapkan TEXT NOT NULL)"
    ).execute(p).await)?;
    let applied: Vec<(String, String)> = on_db!(db, p =>
        sqlx::query_as("SELECT nama, checksum FROM schema_migrasi").fetch_all(p).await)?;
    let mut count = 0;
    for m in MIGRATIONS {
        let sql = match db {
            Db::Sqlite(_) => m.sqlite,
            Db::Postgres(_) => m.postgres,
        };
        let sum = hex::encode(Sha256::digest(sql.as_bytes()));
        if let Some((_, old)) = applied.iter().find(|(n, _)| n == m.name) {
            if *old != sum {
                return Err(StoreError::Migration(
                    m.name.to_owned(),
                    "file changed after it was applied; add a new migration instead".into(),
                ));
            }
            continue;
        }
        let now = crate::time_text::now();
        let mut tx = db.begin().await?;
        let result: Result<(), sqlx::Error> = crate::on_tx!(&mut tx, c => async {
            sqlx::raw_sql(sql).execute(&mut *c).await?;
            sqlx::query("INSERT INTO schema_migrasi (nama, checksum, diterapkan) VALUES ($1, $2, $3)")
                .bind(m.name).bind(&sum).bind(&now).execute(&mut *c).await?;
            Ok(())
        }.await);
        result.map_err(|e| StoreError::Migration(m.name.to_owned(), e.to_string()))?;
        tx.commit().await?;
        count += 1;
    }
    Ok(count)
}
