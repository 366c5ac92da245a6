//! Each PD's LAN diagram per year (000 Pasal 20): uploaded as evidence, versioned, never
//! replaced. A change of the LAN is a new version; the year's latest version is the one
//! in force.

use serde::Serialize;
use serde_json::json;
use simpul_domain::ids::{DiagramLanId, PdId};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::berkas::{BERKAS_COLUMNS, Berkas, Unggahan, insert, to_berkas};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, on_tx, time_text};

/// One version of a PD's LAN diagram for a year.
#[derive(Debug, Clone, Serialize)]
pub struct DiagramLan {
    /// Id.
    pub id: DiagramLanId,
    /// The PD whose network it draws.
    pub pd: PdId,
    /// The year it documents.
    pub tahun: i32,
    /// 1 for the year's first upload, then 2, 3, …
    pub versi: i32,
    /// What changed, in the uploader's words.
    pub catatan: Option<String>,
    /// When it was uploaded (UTC, RFC 3339).
    pub dibuat: String,
    /// The file.
    pub berkas: Berkas,
}

type Row = (
    Uuid,
    Uuid,
    i32,
    i32,
    Option<String>,
    String,
    Uuid,
    String,
    i64,
    String,
    String,
    String,
    String,
);

fn to_diagram(r: Row) -> Result<DiagramLan, StoreError> {
    let (id, pd, tahun, versi, catatan, dibuat, bid, sha, uk, mime, nama, oleh, pada) = r;
    Ok(DiagramLan {
        id: DiagramLanId(id),
        pd: PdId(pd),
        tahun,
        versi,
        catatan,
        dibuat,
        berkas: to_berkas((bid, sha, uk, mime, nama, oleh, pada))?,
    })
}

fn select(filter: &str) -> String {
    format!(
        "SELECT d.id, d.pd, d.tahun, d.versi, d.catatan, d.dibuat, {BERKAS_COLUMNS}
         FROM diagram_lan d JOIN berkas b ON b.id = d.berkas WHERE {filter}"
    )
}

/// Record a new version of `pd`'s diagram for `tahun`. An archived or unknown PD is
/// `MissingReference`; the caller checks the year is plausible.
pub async fn add(
    db: &Db,
    actor: &Actor,
    pd: PdId,
    tahun: i32,
    catatan: Option<&str>,
    u: &Unggahan,
) -> Result<DiagramLan, StoreError> {
    let mut tx = db.begin().await?;
    crate::pd::require_active(&mut tx, pd).await?;
    let versi: i32 = on_tx!(&mut tx, c => sqlx::query_scalar(
        "SELECT CAST(COALESCE(MAX(versi), 0) + 1 AS INTEGER) FROM diagram_lan WHERE pd = $1 AND tahun = $2"
    ).bind(pd.0).bind(tahun).fetch_one(&mut *c).await)?;
    let berkas = insert(&mut tx, actor, u).await?;
    let id = DiagramLanId(Uuid::now_v7());
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO diagram_lan (id, pd, tahun, versi, catatan, berkas, dibuat)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    ).bind(id.0).bind(pd.0).bind(tahun).bind(versi).bind(catatan)
     .bind(berkas.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    let change = Change {
        action: "pd.diagram_lan_diunggah",
        entity: "pd",
        entity_id: pd.to_string(),
        pd: Some(pd.to_string()),
        detail: json!({
            "tahun": tahun,
            "versi": versi,
            "catatan": catatan,
            "berkas": u.nama.as_str(),
            "sha256": u.sha256.as_str(),
            "ukuran": u.ukuran,
        }),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One version.
pub async fn get(db: &Db, id: DiagramLanId) -> Result<DiagramLan, StoreError> {
    let sql = select("d.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_diagram(row)
}

/// Every version of a PD's diagrams: newest year first, newest version first.
pub async fn of_pd(db: &Db, pd: PdId) -> Result<Vec<DiagramLan>, StoreError> {
    let sql = format!(
        "{} ORDER BY d.tahun DESC, d.versi DESC",
        select("d.pd = $1")
    );
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(pd.0).fetch_all(p).await)?;
    rows.into_iter().map(to_diagram).collect()
}

/// The version in force for `tahun` of every PD that has one (its latest), by PD.
pub async fn latest_of_year(db: &Db, tahun: i32) -> Result<Vec<DiagramLan>, StoreError> {
    let sql = format!(
        "{} ORDER BY d.pd",
        select(
            "d.tahun = $1 AND d.versi = (SELECT MAX(x.versi) FROM diagram_lan x
              WHERE x.pd = d.pd AND x.tahun = d.tahun)"
        )
    );
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(tahun).fetch_all(p).await)?;
    rows.into_iter().map(to_diagram).collect()
}
