//! The SQLite side of search: FTS5 with bm25, shaped by profiling a registry of 35,000
//! records (`BENCHMARKS.md`).
//!
//! Three things cost: ranking every match (bm25 looks up each match's length), reading
//! records' rows to filter and order them, and handing rows to the async side: sqlx runs
//! SQLite on a thread of its own and passes every row across separately (a thread wake-up
//! and a copy of every value each), which for a hundred hits cost more than the query.
//! So the hits come back as one JSON array in one row, and only as many records' rows
//! are read as the filter makes necessary (see [`best`]).

use sqlx::SqlitePool;
use uuid::Uuid;

use super::Hit;
use crate::error::StoreError;
use crate::registry::{Arg, COLUMNS, ItemRow, bind_args};

/// bm25 weights of the FTS5 columns (kode, nama, deskripsi, atribut): code and name first.
const WEIGHTS: &str = "8.0, 8.0, 2.0, 1.0";

/// The columns of [`ItemRow`] and the rank `skor` of the rows of subquery `a`, as one JSON
/// array per row (ids in hex), gathered into one JSON array.
const AS_JSON: &str = "json_group_array(json_array(hex(a.id), a.jenis, a.kode, a.nama,
    a.deskripsi, CASE WHEN a.pd IS NULL THEN NULL ELSE hex(a.pd) END, a.status, a.atribut,
    a.diarsipkan, a.skor))";

/// The best `limit` matches of FTS5 query `$1` among the records that pass `where_` (over
/// `arsitektur a`, placeholders from `$2`), and possibly more tied with the last of them,
/// in no particular order.
///
/// Two ways, picked by the filter. `narrowed` (a domain, PD, status, …): most matches
/// usually fail it, so every match's row is read in storage order (neighbours share
/// pages) and only the survivors are ranked and sorted. Otherwise nearly every match
/// qualifies: the matches are ranked on the FTS index alone, and only the best of them
/// (a window a little larger than `limit`) are looked up, filtered and read. Reading
/// every match's row to filter and order it was what made search slow.
pub(super) async fn best(
    p: &SqlitePool,
    args: &[Arg],
    where_: &str,
    narrowed: bool,
    limit: i64,
) -> Result<Vec<Hit>, StoreError> {
    if narrowed {
        let sql = format!(
            "SELECT {AS_JSON} FROM (
                SELECT {COLUMNS}, top.skor AS skor FROM (
                    SELECT a.id AS id, -bm25(arsitektur_fts, {WEIGHTS}) AS skor,
                           a.kode AS kode, a.jenis AS jenis
                    FROM arsitektur_fts
                    JOIN arsitektur_fts_kunci k ON k.nomor = arsitektur_fts.rowid
                    JOIN arsitektur a ON a.id = k.id
                    WHERE arsitektur_fts MATCH $1 AND {where_}
                    ORDER BY skor DESC, a.kode, a.jenis LIMIT {limit}) top
                JOIN arsitektur a ON a.id = top.id) a"
        );
        let json: String = bind_args!(sqlx::query_scalar(&sql), args)
            .fetch_one(p)
            .await?;
        return decode(&json);
    }
    let mut window = limit.saturating_add(limit / 2).saturating_add(1);
    loop {
        // The candidates: the best `window` matches (any of those tied at the edge). The
        // lowest rank travels as JSON like the hits' ranks (SQLite writes 15 significant
        // digits), so that the two compare exactly.
        let sql = format!(
            "WITH c AS MATERIALIZED (
                SELECT rowid AS nomor, -bm25(arsitektur_fts, {WEIGHTS}) AS skor
                FROM arsitektur_fts WHERE arsitektur_fts MATCH $1
                ORDER BY skor DESC LIMIT {window})
             SELECT (SELECT COUNT(*) FROM c), (SELECT json_array(MIN(skor)) FROM c),
                    (SELECT {AS_JSON} FROM (
                        SELECT {COLUMNS}, c.skor AS skor FROM c
                        JOIN arsitektur_fts_kunci k ON k.nomor = c.nomor
                        JOIN arsitektur a ON a.id = k.id
                        WHERE {where_}) a)"
        );
        let (read, lowest, json): (i64, String, String) =
            bind_args!(sqlx::query_as(&sql), args).fetch_one(p).await?;
        let (lowest,): (Option<f64>,) = serde_json::from_str(&lowest)
            .map_err(|e| StoreError::Corrupt(format!("search rank: {e}")))?;
        let found = decode(&json)?;
        if read < window || holds_the_best(&found, limit, lowest) {
            return Ok(found);
        }
        window = window.saturating_mul(4);
    }
}

/// Whether `found`, the candidates that passed the filter, surely hold the best `limit`
/// of all matches that pass it: there are at least `limit` of them and the `limit`-th
/// ranks strictly above `lowest`, the lowest rank among the candidates (every match that
/// was not a candidate ranks at or below that, so nothing tied with the `limit`-th is
/// missing).
fn holds_the_best(found: &[Hit], limit: i64, lowest: Option<f64>) -> bool {
    let Ok(limit) = usize::try_from(limit) else {
        return false;
    };
    let mut ranks: Vec<f64> = found.iter().map(|h| h.skor).collect();
    ranks.sort_by(|a, b| b.total_cmp(a));
    match (limit.checked_sub(1).and_then(|i| ranks.get(i)), lowest) {
        (Some(kept), Some(lowest)) => *kept > lowest,
        _ => false,
    }
}

/// The hits in [`AS_JSON`].
fn decode(json: &str) -> Result<Vec<Hit>, StoreError> {
    let rows: Vec<JsonHit> =
        serde_json::from_str(json).map_err(|e| StoreError::Corrupt(format!("search hits: {e}")))?;
    rows.into_iter().map(JsonHit::into_hit).collect()
}

/// One element of [`AS_JSON`].
#[derive(serde::Deserialize)]
struct JsonHit(
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
    f64,
);

impl JsonHit {
    fn into_hit(self) -> Result<Hit, StoreError> {
        let JsonHit(id, jenis, kode, nama, deskripsi, pd, status, atribut, arsip, skor) = self;
        let uuid = |hex: &str| {
            Uuid::try_parse(hex)
                .map_err(|e| StoreError::Corrupt(format!("arsitektur id {hex:?}: {e}")))
        };
        let item = ItemRow {
            id: uuid(&id)?,
            jenis,
            kode,
            nama,
            deskripsi,
            pd: pd.as_deref().map(uuid).transpose()?,
            status,
            atribut,
            diarsipkan: arsip != 0,
        };
        Ok(Hit { item, skor })
    }
}
