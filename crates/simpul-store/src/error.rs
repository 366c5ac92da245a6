//! Storage errors. Unique and foreign-key violations become typed errors so the edge
//! can tell the user which field clashed, without parsing database messages there.

/// What can go wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The URL names a backend Simpul does not support.
    #[error("unsupported database URL scheme {0:?}: use sqlite:// or postgres://")]
    UnknownScheme(String),
    /// A unique value is already taken (the field is named).
    #[error("duplicate value for {0}")]
    Conflict(&'static str),
    /// The record does not exist.
    #[error("record not found")]
    NotFound,
    /// A referenced record does not exist.
    #[error("referenced record does not exist")]
    MissingReference,
    /// The change would make a record its own ancestor (e.g. a PD under its own unit).
    #[error("the change would create a cycle")]
    Cycle,
    /// The migration trees disagree with the database.
    #[error("migration {0} failed: {1}")]
    Migration(String, String),
    /// File-system error.
    #[error("i/o: {0}")]
    Io(std::io::Error),
    /// Stored data that cannot be read back (corruption or manual edits).
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    /// Any other database error.
    #[error("database: {0}")]
    Db(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        if let sqlx::Error::Database(d) = &e {
            if d.is_unique_violation() {
                return Self::Conflict(conflict_field(d.message(), d.constraint()));
            }
            if d.is_foreign_key_violation() {
                return Self::MissingReference;
            }
        }
        if matches!(e, sqlx::Error::RowNotFound) {
            return Self::NotFound;
        }
        Self::Db(e)
    }
}

/// Map a unique violation to the form field it concerns. SQLite names the column in the
/// message (`UNIQUE constraint failed: pegawai.nip`); PostgreSQL names the constraint.
fn conflict_field(message: &str, constraint: Option<&str>) -> &'static str {
    let hay = constraint.unwrap_or(message);
    for (needle, field) in [
        ("nip", "nip"),
        ("kode", "kode"),
        ("token_hash", "token"),
        ("sesi", "token"),
        ("peran", "peran"),
        ("tim", "anggota"),
    ] {
        if hay.contains(needle) {
            return field;
        }
    }
    "record"
}
