//! Full-text search over registry records: the one place where the two backends need
//! different SQL (SQLite FTS5 with bm25; PostgreSQL `tsvector` with the `indonesian`
//! configuration and `ts_rank`), written side by side.
//!
//! User text never reaches either query language as syntax: it is cut into words of
//! letters and digits, and every word must occur (both backends tokenise on the same
//! separators). PostgreSQL stems Indonesian words (`pelayanan` finds `layanan`); SQLite
//! matches whole words only.
//!
//! Filters are applied differently too. PostgreSQL tests them on the rows its `tsvector`
//! index found, which are the records' own rows. SQLite's FTS5 index is a table apart,
//! and testing a filter on the records' rows cost a row lookup per match, more than the
//! search itself; so its index also holds each record's kind, domain, status, PD and
//! archive mark as tokens (migration 0007) and the filter becomes part of the FTS5 query.
//! The SQLite queries live in `search/sqlite.rs`.

use simpul_domain::registry::Item;

use super::{Arg, COLUMNS, ItemFilter, ItemRow, bind_args, filter_sql};
use crate::db::Db;
use crate::error::StoreError;

mod sqlite;

/// Most words of a query that are searched for; the rest are ignored.
const MAX_WORDS: usize = 16;

#[derive(sqlx::FromRow)]
struct Hit {
    #[sqlx(flatten)]
    item: ItemRow,
    skor: f64,
}

/// Records matching every word of `query` and the filter `f`, best first (ties by code),
/// with a rank (higher is better; comparable only within one backend). A query without
/// words finds nothing.
pub async fn search(
    db: &Db,
    query: &str,
    f: &ItemFilter,
    limit: i64,
) -> Result<Vec<(Item, f64)>, StoreError> {
    let words = words(query);
    let limit = limit.max(0);
    if words.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut hits = match db {
        Db::Sqlite(p) => sqlite::best(p, &words, f, limit).await?,
        Db::Postgres(p) => {
            let mut args = vec![Arg::Text(quoted(&words))];
            let where_ = filter_sql(f, &mut args);
            let sql = format!(
                "SELECT {COLUMNS}, top.skor AS skor FROM (
                    SELECT a.id AS id, a.kode AS kode,
                           CAST(ts_rank(a.cari, websearch_to_tsquery('indonesian', $1)) AS DOUBLE PRECISION) AS skor
                    FROM arsitektur a
                    WHERE a.cari @@ websearch_to_tsquery('indonesian', $1) AND {where_}
                    ORDER BY skor DESC, a.kode COLLATE \"C\", a.jenis COLLATE \"C\" LIMIT {limit}) top
                 JOIN arsitektur a ON a.id = top.id"
            );
            bind_args!(sqlx::query_as(&sql), &args).fetch_all(p).await?
        }
    };
    // One order on both backends: best first, then by code (bytewise, as SQLite compares
    // text and as `COLLATE "C"` above chooses the same records), then by kind.
    hits.sort_by(|a, b| {
        b.skor
            .total_cmp(&a.skor)
            .then_with(|| a.item.kode.cmp(&b.item.kode))
            .then_with(|| a.item.jenis.cmp(&b.item.jenis))
    });
    hits.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    hits.into_iter()
        .map(|h| Ok((h.item.into_item()?, h.skor)))
        .collect()
}

/// The words of user text: runs of letters and digits, lower-cased, at most
/// [`MAX_WORDS`]. Everything else (quotes, `*`, `-`, parentheses) separates words.
fn words(query: &str) -> Vec<String> {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
        .map(str::to_lowercase)
        .collect()
}

/// A query requiring every word, each quoted so that none can be read as an operator
/// (FTS5 `NEAR`, `AND`, `NOT`, a column filter; `websearch_to_tsquery`'s `or`). Both
/// dialects read a quoted word as itself and juxtaposed terms as AND.
fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_becomes_quoted_words() {
        let w = words(r#"  "Server" NEAR(a b) -dinas* e-KTP  "#);
        assert_eq!(w, ["server", "near", "a", "b", "dinas", "e", "ktp"]);
        assert_eq!(quoted(&w[..2]), r#""server" "near""#);
        assert!(words(r#"" * - ( ) : ^"#).is_empty());
        assert_eq!(words(&"kata ".repeat(40)).len(), MAX_WORDS);
    }
}
