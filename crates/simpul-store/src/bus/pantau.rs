//! Aggregates of the indexed exchanges for the monitoring dashboard: counts per hour,
//! per service (with refusals, failures and the last time each was seen), a latency
//! histogram, and refusals and failures by problem code — all within a [`Lingkup`].

use serde::Serialize;

use super::pertukaran::{Arg, Lingkup, Where, bind_args};
use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

/// Upper bounds (exclusive, in milliseconds) of the latency buckets; one more bucket
/// holds everything at or above the last bound.
pub const BATAS_LATENSI_MS: [i64; 7] = [1, 5, 10, 50, 100, 500, 1000];

/// One hour's traffic.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct PerJam {
    /// Start of the hour (unix microseconds, UTC).
    pub jam_us: i64,
    /// Exchanges.
    pub jumlah: i64,
    /// Of which refused or failed.
    pub bermasalah: i64,
}

/// One service's traffic.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct PerLayanan {
    /// Owning PD code.
    pub pd: String,
    /// Service code.
    pub kode: String,
    /// Version.
    pub versi: String,
    /// Exchanges.
    pub jumlah: i64,
    /// Refused by the bus.
    pub ditolak: i64,
    /// Failed (upstream down, slow, garbage).
    pub gagal: i64,
    /// Mean total time (µs).
    pub rata_us: i64,
    /// Last exchange (unix µs).
    pub terakhir_us: i64,
    /// Last forwarded exchange (unix µs): the upstream answered then.
    pub terakhir_diteruskan_us: Option<i64>,
    /// Last failure (unix µs).
    pub terakhir_gagal_us: Option<i64>,
}

/// Refusals or failures with one problem code.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct PerMasalah {
    /// `ditolak` or `gagal`.
    pub status: String,
    /// Problem code.
    pub kode: String,
    /// How many.
    pub jumlah: i64,
}

const JAM_US: i64 = 3_600_000_000;

fn filter(l: &Lingkup, dari_us: i64, sampai_us: i64) -> Where {
    let mut w = Where::default();
    w.lingkup(l);
    w.rentang(Some(dari_us), Some(sampai_us));
    w
}

/// Exchanges per hour in `[dari_us, sampai_us)`; hours without traffic are absent.
pub async fn per_jam(
    db: &Db,
    l: &Lingkup,
    dari_us: i64,
    sampai_us: i64,
) -> Result<Vec<PerJam>, StoreError> {
    let w = filter(l, dari_us, sampai_us);
    let sql = format!(
        "SELECT (waktu_us / {JAM_US}) * {JAM_US} AS jam_us, COUNT(*) AS jumlah,
            SUM(CASE WHEN status = 'diteruskan' THEN 0 ELSE 1 END) AS bermasalah
         FROM bus_pertukaran WHERE {} GROUP BY 1 ORDER BY 1",
        w.sql()
    );
    Ok(on_db!(db, p => bind_args!(sqlx::query_as(&sql), &w.args).fetch_all(p).await)?)
}

/// Traffic per service version in the range, busiest first.
pub async fn per_layanan(
    db: &Db,
    l: &Lingkup,
    dari_us: i64,
    sampai_us: i64,
) -> Result<Vec<PerLayanan>, StoreError> {
    let w = filter(l, dari_us, sampai_us);
    let sql = format!(
        "SELECT layanan_pd AS pd, layanan_kode AS kode, layanan_versi AS versi,
            COUNT(*) AS jumlah,
            SUM(CASE WHEN status = 'ditolak' THEN 1 ELSE 0 END) AS ditolak,
            SUM(CASE WHEN status = 'gagal' THEN 1 ELSE 0 END) AS gagal,
            CAST(AVG(total_us) AS BIGINT) AS rata_us,
            MAX(waktu_us) AS terakhir_us,
            MAX(CASE WHEN status = 'diteruskan' THEN waktu_us END) AS terakhir_diteruskan_us,
            MAX(CASE WHEN status = 'gagal' THEN waktu_us END) AS terakhir_gagal_us
         FROM bus_pertukaran WHERE {}
         GROUP BY layanan_pd, layanan_kode, layanan_versi
         ORDER BY jumlah DESC, pd, kode, versi",
        w.sql()
    );
    Ok(on_db!(db, p => bind_args!(sqlx::query_as(&sql), &w.args).fetch_all(p).await)?)
}

/// Exchanges per latency bucket ([`BATAS_LATENSI_MS`], then one for the rest).
pub async fn histogram(
    db: &Db,
    l: &Lingkup,
    dari_us: i64,
    sampai_us: i64,
) -> Result<Vec<i64>, StoreError> {
    let w = filter(l, dari_us, sampai_us);
    let mut cols = Vec::new();
    let mut lower = 0;
    for ms in BATAS_LATENSI_MS {
        let upper = ms * 1000;
        cols.push(format!(
            "COALESCE(SUM(CASE WHEN total_us >= {lower} AND total_us < {upper} THEN 1 ELSE 0 END), 0)"
        ));
        lower = upper;
    }
    cols.push(format!(
        "COALESCE(SUM(CASE WHEN total_us >= {lower} THEN 1 ELSE 0 END), 0)"
    ));
    let sql = format!(
        "SELECT {} FROM bus_pertukaran WHERE {}",
        cols.join(", "),
        w.sql()
    );
    type Ember = (i64, i64, i64, i64, i64, i64, i64, i64);
    let r: Ember = on_db!(db, p => bind_args!(sqlx::query_as(&sql), &w.args).fetch_one(p).await)?;
    Ok(vec![r.0, r.1, r.2, r.3, r.4, r.5, r.6, r.7])
}

/// Refusals and failures by problem code in the range, most frequent first.
pub async fn per_masalah(
    db: &Db,
    l: &Lingkup,
    dari_us: i64,
    sampai_us: i64,
) -> Result<Vec<PerMasalah>, StoreError> {
    let mut w = filter(l, dari_us, sampai_us);
    w.push("status <> ?", Arg::T("diteruskan".into()));
    let sql = format!(
        "SELECT status, COALESCE(kode_masalah, '') AS kode, COUNT(*) AS jumlah
         FROM bus_pertukaran WHERE {} GROUP BY status, kode_masalah
         ORDER BY jumlah DESC, status, kode",
        w.sql()
    );
    Ok(on_db!(db, p => bind_args!(sqlx::query_as(&sql), &w.args).fetch_all(p).await)?)
}

// `histogram` reads one column per bucket into a tuple of eight.
const _: () = assert!(BATAS_LATENSI_MS.len() == 7);
