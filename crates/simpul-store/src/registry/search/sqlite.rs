//! The SQLite side of search: FTS5 with bm25, shaped by profiling a registry of 35,000
//! records (`BENCHMARKS.md`).
//!
//! Three things cost: ranking every match (bm25 looks up each match's length), reading
//! records' rows to filter and order them, and handing rows to the async side: sqlx runs
//! SQLite on a thread of its own and passes every row across separately (a thread wake-up
//! and a copy of every value each), which for a hundred hits cost more than the query.
//! So the hits come back as one JSON array in one row, and only as many records' rows
//! are read as the filter makes necessary (see [`best`]).
//!
//! A filter on kind, domain, status or PD is answered by the FTS5 index itself, never by
//! the records' rows: the index has a column `saring` holding one token per filter value
//! (migration 0007, kept in sync by triggers on every column it holds). A token is a
//! letter naming the column and the lower-case hex of the value's bytes (`j` kind, `d`
//! domain, `s` status, `p` PD id), so the unicode61 tokenizer keeps any value as one
//! token (`_` and `-` would split it otherwise); `a1` marks an archived record, and "not
//! archived" is `NOT a1`, which reads the short list of archived records. User words are
//! searched in the text columns only, so no word, whatever it spells, can match a token.
//! Testing the filter on every match's row (945 matches for `kesehatan` in the large
//! demo) touched about 6,700 pages against 2,800 for the unfiltered search, and the pages
//! were the cost under load (the SQLite that sqlx bundles keeps one page cache lock for
//! all connections). Intersecting the index's lists touches a few hundred.
//!
//! Only the text filter `q` (code or name contains a substring) cannot be a token: it is
//! still tested on the rows, after the tokens have narrowed the matches.
//!
//! bm25 divides by a record's length in tokens, the filter tokens included (two to four a
//! record), so ranks moved a little with migration 0007 (of the best 100 matches of a
//! common word, 93 to 100 stayed); the weights keep the tokens themselves from scoring.

use sqlx::SqlitePool;
use uuid::Uuid;

use super::{Hit, quoted};
use crate::error::StoreError;
use crate::registry::{Arg, COLUMNS, ItemFilter, ItemRow, bind_args, filter_sql};

/// The FTS5 columns user words are searched in: every one but `saring`.
const TEXT: &str = "{kode nama deskripsi atribut}";

/// bm25 weights of the FTS5 columns (kode, nama, deskripsi, atribut, saring): code and
/// name first; the filter tokens never score (and user words never reach them anyway).
const WEIGHTS: &str = "8.0, 8.0, 2.0, 1.0, 0.0";

/// The columns of [`ItemRow`] and the rank `skor` of the rows of subquery `a`, as one JSON
/// array per row (ids in hex), gathered into one JSON array.
const AS_JSON: &str = "json_group_array(json_array(hex(a.id), a.jenis, a.kode, a.nama,
    a.deskripsi, CASE WHEN a.pd IS NULL THEN NULL ELSE hex(a.pd) END, a.status, a.atribut,
    a.diarsipkan, a.skor))";

/// The best `limit` records that contain every word of `words` and pass the filter `f`,
/// and possibly more tied with the last of them, in no particular order.
///
/// The matches are ranked on the FTS index alone: the words in the text columns (`$1`);
/// a filter on kind, domain, status or PD is a second MATCH over the same index, the
/// words AND the filter tokens ([`filter_terms`]), whose rows the ranked matches must be
/// among. (One MATCH of both would rank too, but bm25 then counts the records holding
/// each filter token, tens of thousands for a common status, on every query.)
///
/// Then records' rows are read, as few as the filter allows. With tokens alone every
/// candidate qualifies: rows are read for those ranked at or above the `limit`-th (ties
/// included, so that the best by code among them are kept). With a text filter `q`, which
/// only the rows can answer, every candidate's row is read. Without either, the archive
/// flag is tested on the rows and drops few: rows are read for the best candidates (a
/// window a little larger than `limit`), the window growing if the filter dropped too
/// many or the last kept is tied with the first left out.
pub(super) async fn best(
    p: &SqlitePool,
    words: &[String],
    f: &ItemFilter,
    limit: i64,
) -> Result<Vec<Hit>, StoreError> {
    if f.pd.as_ref().is_some_and(Vec::is_empty) {
        return Ok(Vec::new());
    }
    let text = format!("{TEXT} : ({})", quoted(words));
    let mut args = vec![Arg::Text(text.clone())];
    let terms = filter_terms(f);
    let among = if terms.is_empty() {
        String::new()
    } else {
        let mut both = format!("({text}) AND {}", terms.join(" AND "));
        if !f.termasuk_arsip {
            both = format!("({both}) NOT saring : \"a1\"");
        }
        let mark = Arg::Text(both).push(&mut args);
        // `+rowid`: a condition the FTS5 table is not offered, else it would run the
        // MATCH once per listed row.
        format!(
            " AND +rowid IN (SELECT rowid FROM arsitektur_fts WHERE arsitektur_fts MATCH {mark})"
        )
    };
    // What the tokens did not answer: the text filter, and the archive flag when there
    // are no tokens to carry it.
    let rest = ItemFilter {
        q: f.q.clone(),
        termasuk_arsip: f.termasuk_arsip || !terms.is_empty(),
        ..ItemFilter::default()
    };
    let where_ = filter_sql(&rest, &mut args);
    let candidates = format!(
        "SELECT rowid AS nomor, -bm25(arsitektur_fts, {WEIGHTS}) AS skor
         FROM arsitektur_fts WHERE arsitektur_fts MATCH $1{among}"
    );
    let text_filter = f.q.as_deref().is_some_and(|q| !q.trim().is_empty());
    if text_filter || !terms.is_empty() {
        // Without a text filter, the rows at or above the `limit`-th rank.
        let edge = if text_filter {
            String::new()
        } else {
            format!(
                " AND c.skor >= IFNULL((SELECT skor FROM c ORDER BY skor DESC LIMIT 1 OFFSET {}), c.skor)",
                limit - 1
            )
        };
        let sql = format!(
            "WITH c AS MATERIALIZED ({candidates})
             SELECT {AS_JSON} FROM (
                SELECT {COLUMNS}, c.skor AS skor FROM c
                JOIN arsitektur_fts_kunci k ON k.nomor = c.nomor
                JOIN arsitektur a ON a.id = k.id
                WHERE {where_}{edge}
                ORDER BY c.skor DESC, a.kode, a.jenis LIMIT {limit}) a"
        );
        let json: String = bind_args!(sqlx::query_scalar(&sql), &args)
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
            "WITH c AS MATERIALIZED ({candidates} ORDER BY skor DESC LIMIT {window})
             SELECT (SELECT COUNT(*) FROM c), (SELECT json_array(MIN(skor)) FROM c),
                    (SELECT {AS_JSON} FROM (
                        SELECT {COLUMNS}, c.skor AS skor FROM c
                        JOIN arsitektur_fts_kunci k ON k.nomor = c.nomor
                        JOIN arsitektur a ON a.id = k.id
                        WHERE {where_}) a)"
        );
        let (read, lowest, json): (i64, String, String) =
            bind_args!(sqlx::query_as(&sql), &args).fetch_one(p).await?;
        let (lowest,): (Option<f64>,) = serde_json::from_str(&lowest)
            .map_err(|e| StoreError::Corrupt(format!("search rank: {e}")))?;
        let found = decode(&json)?;
        if read < window || holds_the_best(&found, limit, lowest) {
            return Ok(found);
        }
        window = window.saturating_mul(4);
    }
}

/// The FTS5 conditions, one per filter on kind, domain, status and PD, on the `saring`
/// tokens of migration 0007 (the archive flag is left to the caller).
fn filter_terms(f: &ItemFilter) -> Vec<String> {
    let mut terms = Vec::new();
    if let Some(j) = f.jenis {
        terms.push(format!("saring : {}", token('j', j.code().as_bytes())));
    }
    if let Some(d) = f.domain {
        terms.push(format!("saring : {}", token('d', d.code().as_bytes())));
    }
    if let Some(s) = &f.status {
        terms.push(format!("saring : {}", token('s', s.as_bytes())));
    }
    if let Some(pds) = &f.pd {
        let any: Vec<String> = pds.iter().map(|p| token('p', p.0.as_bytes())).collect();
        terms.push(format!("saring : ({})", any.join(" OR ")));
    }
    terms
}

/// The token of a filter value as written by migration 0007 (`prefix` and the lower-case
/// hex of the bytes, as SQLite's `lower(hex(value))`), quoted.
fn token(prefix: char, value: &[u8]) -> String {
    format!("\"{prefix}{}\"", hex::encode(value))
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
