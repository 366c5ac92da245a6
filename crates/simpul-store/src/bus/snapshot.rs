//! The gateway's directory from the control plane's tables: services that passed review
//! (`aktif`, and `nonaktif` ones as inactive so callers get `layanan_nonaktif` rather
//! than "unknown"), consumers not revoked with their unrevoked credentials, and approved
//! grants whose last day has not passed (in UTC+7, the gateway's default day).
//!
//! Consistency without a lock: every change to these tables appends to the audit trail
//! in its transaction, so the audit head sequence is a change counter. The tables are
//! read between two readings of it and read again if it moved; the sequence is the
//! snapshot's version.

use simpul_bus::gateway::{
    Consumer, Directory, Grant, Klasifikasi as K, LoadFuture, NikFields, OauthClient, Service,
    Snapshot, SnapshotSource, SourceError,
};
use simpul_domain::bus::{Klasifikasi, UrlHulu};
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

use super::izin::{parse_tanggal, tanggal_text};
use super::layanan;
use crate::audit::head_seq;
use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

fn names(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .collect()
}

fn today_wib() -> time::Date {
    let off = UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC);
    OffsetDateTime::now_utc().to_offset(off).date()
}

/// The directory as it stands now (one consistent read).
pub async fn directory(db: &Db) -> Result<(Directory, i64), StoreError> {
    for _ in 0..5 {
        let before = head_seq(db).await?;
        let dir = read(db).await?;
        if head_seq(db).await? == before {
            return Ok((dir, before));
        }
    }
    Err(StoreError::Corrupt(
        "direktori terus berubah selama dibaca".into(),
    ))
}

async fn read(db: &Db) -> Result<Directory, StoreError> {
    let mut dir = Directory::default();
    for l in layanan::list(db).await? {
        let active = match l.status.code() {
            "aktif" => true,
            "nonaktif" => false,
            _ => continue,
        };
        // http:// and https:// are both routed (the gateway verifies https upstreams'
        // certificates). The URL passed the domain's check when it was saved; one that
        // no longer does would make the whole snapshot invalid, so it alone is left out.
        if UrlHulu::parse(&l.url_hulu).is_err() {
            tracing::warn!(layanan = %l.key(), "URL hulu tidak valid; tidak dirutekan");
            continue;
        }
        dir.services.push(Service {
            pd: l.pd_kode.clone(),
            code: l.kode.clone(),
            version: l.versi.clone(),
            upstream: l.url_hulu.clone(),
            classification: match l.klasifikasi {
                Klasifikasi::Biasa => K::Biasa,
                Klasifikasi::Terbatas => K::Terbatas,
                Klasifikasi::Rahasia => K::Rahasia,
            },
            nik: NikFields {
                query: names(&l.nik_query),
                request: names(&l.nik_request),
                response: names(&l.nik_response),
            },
            active,
            rate_limit: None,
            timeout_ms: None,
            max_body: None,
            xroad_subsystem: None,
            health_path: None,
        });
    }
    let creds: Vec<(Uuid, String, Option<String>, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT konsumen, jenis, client_id, sha256 FROM bus_kredensial WHERE NOT dicabut ORDER BY id"
    ).fetch_all(p).await)?;
    for k in super::konsumen::list(db).await? {
        if k.dicabut {
            continue;
        }
        let mut c = Consumer {
            id: k.kode.clone(),
            name: k.nama.clone(),
            pd: k.pd_kode.clone(),
            application: k.aplikasi.clone(),
            api_keys_sha256: Vec::new(),
            oauth_clients: Vec::new(),
            revoked: false,
            xroad_client: None,
        };
        for (_, jenis, client_id, sha) in creds.iter().filter(|x| x.0 == k.id) {
            match (jenis.as_str(), client_id) {
                ("oauth", Some(cid)) => c.oauth_clients.push(OauthClient {
                    client_id: cid.clone(),
                    secret_sha256: sha.clone(),
                }),
                _ => c.api_keys_sha256.push(sha.clone()),
            }
        }
        dir.consumers.push(c);
    }
    let today = tanggal_text(today_wib());
    let rows: Vec<GrantRow> = on_db!(db, p => sqlx::query_as(
        "SELECT k.kode, p.kode, l.kode, l.versi, i.tujuan, i.dasar_hukum, i.berlaku_sampai, i.status
         FROM bus_izin i JOIN bus_konsumen k ON k.id = i.konsumen
         JOIN bus_layanan l ON l.id = i.layanan JOIN pd p ON p.id = l.pd
         WHERE i.status = 'aktif' AND i.berlaku_sampai >= $1 AND NOT k.dicabut
         ORDER BY i.id"
    ).bind(&today).fetch_all(p).await)?;
    for (konsumen, pd, kode, versi, tujuan, dasar, sampai, _) in rows {
        let Some(expires) = parse_tanggal(&sampai) else {
            return Err(StoreError::Corrupt(format!(
                "bus_izin.berlaku_sampai {sampai:?}"
            )));
        };
        dir.grants.push(Grant {
            consumer: konsumen,
            service: format!("{pd}/{kode}/{versi}"),
            purpose: tujuan,
            legal_basis: dasar,
            expires,
            active: true,
        });
    }
    Ok(dir)
}

/// consumer, PD, service code, version, purpose, legal basis, last day, status.
type GrantRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The gateway's snapshot of the directory now.
pub async fn snapshot(db: &Db) -> Result<Snapshot, StoreError> {
    let (dir, seq) = directory(db).await?;
    Snapshot::build(dir, seq.to_string()).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// A [`SnapshotSource`] over the database.
#[derive(Debug, Clone)]
pub struct DbSource {
    db: Db,
}

impl DbSource {
    /// Read snapshots from `db`.
    pub fn new(db: Db) -> Self {
        Self { db }
    }
}

impl SnapshotSource for DbSource {
    fn load(&self) -> LoadFuture<'_> {
        Box::pin(async move { snapshot(&self.db).await.map_err(SourceError::new) })
    }
}
