//! The exchanges the gateway recorded, as indexed from its evidence log
//! ([`super::indeks`]): search with filters and paging, the personal-data ledger by NIK
//! hash, and the lookup's own audit entry. Charts' aggregates are in [`super::pantau`].
//!
//! Visibility is a [`Lingkup`] the caller computes from the domain's rule
//! (`simpul_domain::bus::siapa::boleh_lihat_pertukaran`); every query here applies it,
//! and its default sees nothing, so a forgotten scope fails closed.

use serde::Serialize;
use serde_json::json;
use simpul_bus::nik::NikHash;
use simpul_domain::ids::PdId;
use time::OffsetDateTime;
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

/// Rows per page of [`cari`].
pub const PER_HALAMAN: u32 = 50;

/// Most rows [`per_nik`] returns (newest first).
pub const BATAS_NIK: i64 = 1000;

/// One indexed exchange (metadata only: the bodies never reach the log).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Pertukaran {
    /// Sequence number of its log line.
    pub seq: i64,
    /// The request id the bus gave it.
    pub id_permintaan: String,
    /// When the request arrived (unix microseconds, UTC).
    pub waktu_us: i64,
    /// Consumer code as the log names it.
    pub konsumen: String,
    /// Consumer name, if the consumer was known when indexed.
    pub konsumen_nama: Option<String>,
    /// Consumer's PD code, if known.
    pub konsumen_pd: Option<String>,
    /// Consumer's PD id, if known.
    pub konsumen_pd_id: Option<Uuid>,
    /// Service's PD code.
    pub layanan_pd: String,
    /// Service's PD id, if that PD exists.
    pub layanan_pd_id: Option<Uuid>,
    /// Service code.
    pub layanan_kode: String,
    /// Service version.
    pub layanan_versi: String,
    /// NIP of the officer.
    pub petugas: Option<String>,
    /// Stated purpose.
    pub tujuan: Option<String>,
    /// `diteruskan`, `ditolak` or `gagal`.
    pub status: String,
    /// HTTP status the consumer got.
    pub http: i32,
    /// Problem code of a refusal or failure.
    pub kode_masalah: Option<String>,
    /// Total time (µs).
    pub total_us: i64,
    /// Time waiting on the upstream (µs).
    pub hulu_us: Option<i64>,
    /// Request body size (bytes).
    pub ukuran_permintaan: i64,
    /// Response body size (bytes).
    pub ukuran_tanggapan: i64,
    /// SHA-256 of the request body.
    pub sha256_permintaan: String,
    /// SHA-256 of the response body.
    pub sha256_tanggapan: String,
    /// Segment number of the log file.
    pub segmen: i64,
    /// Line in that segment (1-based).
    pub baris: i64,
    /// Hash of the log line.
    pub hash: String,
}

impl Pertukaran {
    /// `PD/kode/versi`, the gateway's key of the service.
    pub fn layanan_key(&self) -> String {
        format!(
            "{}/{}/{}",
            self.layanan_pd, self.layanan_kode, self.layanan_versi
        )
    }

    /// The segment's file name, as `simpul verify-evidence` reports it.
    pub fn segmen_nama(&self) -> String {
        simpul_bus::evidence::segment::nama(u64::try_from(self.segmen).unwrap_or(0))
    }
}

pub(crate) const KOLOM: &str = "seq, id_permintaan, waktu_us, konsumen, konsumen_nama, \
    konsumen_pd, konsumen_pd_id, layanan_pd, layanan_pd_id, layanan_kode, layanan_versi, \
    petugas, tujuan, status, http, kode_masalah, total_us, hulu_us, ukuran_permintaan, \
    ukuran_tanggapan, sha256_permintaan, sha256_tanggapan, segmen, baris, hash";

/// Which exchanges a user may see.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lingkup {
    /// All of them (region-wide readers, the Dinas as reviewer).
    Semua,
    /// Those whose consumer's or service's PD is one of these.
    Pd(Vec<PdId>),
}

impl Default for Lingkup {
    /// Nothing: a scope left out fails closed.
    fn default() -> Self {
        Self::Pd(Vec::new())
    }
}

/// Search filters; `None` leaves a field unfiltered.
#[derive(Debug, Clone, Default)]
pub struct Saring {
    /// Service code.
    pub layanan: Option<String>,
    /// Consumer code.
    pub konsumen: Option<String>,
    /// A PD, as consumer or as service owner.
    pub pd: Option<PdId>,
    /// Officer NIP.
    pub petugas: Option<String>,
    /// From (inclusive).
    pub dari: Option<OffsetDateTime>,
    /// Until (exclusive).
    pub sampai: Option<OffsetDateTime>,
    /// `diteruskan`, `ditolak` or `gagal`.
    pub status: Option<String>,
    /// Problem code.
    pub kode: Option<String>,
    /// What the user may see.
    pub lingkup: Lingkup,
}

/// A bound value of a built query.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    T(String),
    I(i64),
    U(Uuid),
}

/// A `WHERE` clause built from filters, with its arguments (`$1`...).
#[derive(Debug, Default)]
pub(crate) struct Where {
    conds: Vec<String>,
    pub(crate) args: Vec<Arg>,
}

impl Where {
    fn mark(&mut self, a: Arg) -> String {
        self.args.push(a);
        format!("${}", self.args.len())
    }

    /// `cond` with `?` replaced by the argument's placeholder.
    pub(crate) fn push(&mut self, cond: &str, a: Arg) {
        let m = self.mark(a);
        self.conds.push(cond.replace('?', &m));
    }

    /// Restrict to the exchanges `l` allows.
    pub(crate) fn lingkup(&mut self, l: &Lingkup) {
        let Lingkup::Pd(pds) = l else { return };
        if pds.is_empty() {
            self.conds.push("1 = 0".into());
            return;
        }
        let marks: Vec<String> = pds.iter().map(|p| self.mark(Arg::U(p.0))).collect();
        let list = marks.join(", ");
        self.conds.push(format!(
            "(konsumen_pd_id IN ({list}) OR layanan_pd_id IN ({list}))"
        ));
    }

    /// Restrict to `[dari, sampai)` in unix microseconds.
    pub(crate) fn rentang(&mut self, dari: Option<i64>, sampai: Option<i64>) {
        if let Some(d) = dari {
            self.push("waktu_us >= ?", Arg::I(d));
        }
        if let Some(s) = sampai {
            self.push("waktu_us < ?", Arg::I(s));
        }
    }

    pub(crate) fn sql(&self) -> String {
        if self.conds.is_empty() {
            "1 = 1".into()
        } else {
            self.conds.join(" AND ")
        }
    }
}

/// Bind a [`Where`]'s arguments to a query of either backend.
macro_rules! bind_args {
    ($q:expr, $args:expr) => {{
        let mut q = $q;
        for a in $args {
            q = match a {
                $crate::bus::pertukaran::Arg::T(s) => q.bind(s.clone()),
                $crate::bus::pertukaran::Arg::I(i) => q.bind(*i),
                $crate::bus::pertukaran::Arg::U(u) => q.bind(*u),
            };
        }
        q
    }};
}
pub(crate) use bind_args;

/// Unix microseconds of `t`.
pub fn mikro(t: OffsetDateTime) -> i64 {
    i64::try_from(t.unix_timestamp_nanos() / 1000).unwrap_or(i64::MAX)
}

fn saring(f: &Saring) -> Where {
    let mut w = Where::default();
    w.lingkup(&f.lingkup);
    if let Some(v) = &f.layanan {
        w.push("layanan_kode = ?", Arg::T(v.clone()));
    }
    if let Some(v) = &f.konsumen {
        w.push("konsumen = ?", Arg::T(v.clone()));
    }
    if let Some(p) = f.pd {
        let m = w.mark(Arg::U(p.0));
        w.conds
            .push(format!("(konsumen_pd_id = {m} OR layanan_pd_id = {m})"));
    }
    if let Some(v) = &f.petugas {
        w.push("petugas = ?", Arg::T(v.clone()));
    }
    w.rentang(f.dari.map(mikro), f.sampai.map(mikro));
    if let Some(v) = &f.status {
        w.push("status = ?", Arg::T(v.clone()));
    }
    if let Some(v) = &f.kode {
        w.push("kode_masalah = ?", Arg::T(v.clone()));
    }
    w
}

/// One page (1-based, [`PER_HALAMAN`] rows, newest first) of the exchanges matching
/// `f`, and how many match in all.
pub async fn cari(db: &Db, f: &Saring, page: u32) -> Result<(Vec<Pertukaran>, i64), StoreError> {
    let w = saring(f);
    let where_ = w.sql();
    let offset = i64::from(page.max(1) - 1) * i64::from(PER_HALAMAN);
    let count_sql = format!("SELECT COUNT(*) FROM bus_pertukaran WHERE {where_}");
    let list_sql = format!(
        "SELECT {KOLOM} FROM bus_pertukaran WHERE {where_} ORDER BY seq DESC LIMIT {PER_HALAMAN} OFFSET {offset}"
    );
    Ok(on_db!(db, p => {
        let total: i64 = bind_args!(sqlx::query_scalar(&count_sql), &w.args).fetch_one(p).await?;
        let rows: Vec<Pertukaran> =
            bind_args!(sqlx::query_as(&list_sql), &w.args).fetch_all(p).await?;
        (rows, total)
    }))
}

/// One exchange by its sequence number (visibility is the caller's question: the row
/// names both PDs).
pub async fn get(db: &Db, seq: i64) -> Result<Pertukaran, StoreError> {
    let sql = format!("SELECT {KOLOM} FROM bus_pertukaran WHERE seq = $1");
    Ok(on_db!(db, p => sqlx::query_as(&sql).bind(seq).fetch_one(p).await)?)
}

/// The exchanges that carried the NIK with this keyed hash, newest first (at most
/// [`BATAS_NIK`]). Region-wide: only the data-protection officer may ask.
pub async fn per_nik(db: &Db, hash: NikHash) -> Result<Vec<Pertukaran>, StoreError> {
    let cols: Vec<String> = KOLOM.split(", ").map(|c| format!("p.{c}")).collect();
    let sql = format!(
        "SELECT {} FROM bus_pertukaran_nik n JOIN bus_pertukaran p ON p.seq = n.seq
         WHERE n.hash = $1 ORDER BY p.seq DESC LIMIT {BATAS_NIK}",
        cols.join(", ")
    );
    Ok(on_db!(db, p => sqlx::query_as(&sql).bind(hash.to_hex()).fetch_all(p).await)?)
}

/// The NIK hashes an exchange carried (for its detail page).
pub async fn nik_of(db: &Db, seq: i64) -> Result<Vec<String>, StoreError> {
    Ok(on_db!(db, p => sqlx::query_scalar(
        "SELECT hash FROM bus_pertukaran_nik WHERE seq = $1 ORDER BY hash"
    ).bind(seq).fetch_all(p).await)?)
}

/// Record that `actor` looked up the NIK with this hash and found `jumlah` exchanges:
/// who looked up whom is itself access to personal data. The hash, never the NIK.
pub async fn catat_lacak_nik(
    db: &Db,
    actor: &Actor,
    hash: NikHash,
    jumlah: usize,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    let change = Change {
        action: "bus.nik_dilacak",
        entity: "bus_nik",
        entity_id: hash.to_hex(),
        pd: None,
        detail: json!({"nik_hash": hash.to_hex(), "jumlah_pertukaran": jumlah}),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await
}
