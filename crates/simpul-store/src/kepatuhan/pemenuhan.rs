//! Fulfilments recorded by hand (table `pemenuhan`): evidence `catatan`, and what Simpul
//! cannot see by itself, such as an audit. Rows are only ever added, each with one audit
//! entry in the same transaction, so they stand as evidence of what was declared when.

use serde::{Serialize, Serializer};
use serde_json::json;
use simpul_domain::compliance::engine::{Pemenuhan, PemenuhanBaru};
use simpul_domain::ids::PemenuhanId;
use simpul_domain::registry::value::{date, fmt_date};
use time::Date;
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::berkas::{BERKAS_COLUMNS, Berkas, Unggahan, insert as insert_berkas, to_berkas};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// A recorded fulfilment with its evidence file, if one was handed in.
#[derive(Debug, Clone, Serialize)]
pub struct CatatanPemenuhan {
    /// Id.
    pub id: PemenuhanId,
    /// Code of the profile it was recorded under.
    pub profil: String,
    /// Obligation id.
    pub kewajiban: String,
    /// Subject key.
    pub subjek: String,
    /// When it was fulfilled (`YYYY-MM-DD` in JSON).
    #[serde(serialize_with = "ser_date")]
    pub tanggal: Date,
    /// What was done.
    pub keterangan: String,
    /// The evidence file.
    pub berkas: Option<Berkas>,
    /// NIP of who recorded it, or `sistem`.
    pub dicatat_oleh: String,
    /// When it was recorded (UTC, RFC 3339).
    pub dibuat: String,
}

fn ser_date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&fmt_date(*d))
}

type Row = (
    Uuid,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<Uuid>,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn tanggal(t: &str) -> Result<Date, StoreError> {
    date(t).map_err(|_| StoreError::Corrupt(format!("pemenuhan.tanggal {t:?}")))
}

fn to_catatan(r: Row) -> Result<CatatanPemenuhan, StoreError> {
    let (
        id,
        profil,
        kewajiban,
        subjek,
        tgl,
        keterangan,
        oleh,
        dibuat,
        bid,
        sha,
        uk,
        mime,
        nama,
        b_oleh,
        pada,
    ) = r;
    let berkas = match (bid, sha, uk, mime, nama, b_oleh, pada) {
        (Some(bid), Some(sha), Some(uk), Some(mime), Some(nama), Some(o), Some(p)) => {
            Some(to_berkas((bid, sha, uk, mime, nama, o, p))?)
        }
        _ => None,
    };
    Ok(CatatanPemenuhan {
        id: PemenuhanId(id),
        profil,
        kewajiban,
        subjek,
        tanggal: tanggal(&tgl)?,
        keterangan,
        berkas,
        dicatat_oleh: oleh,
        dibuat,
    })
}

/// Rows of `pemenuhan p` matching `filter`, latest fulfilment first.
fn select(filter: &str) -> String {
    format!(
        "SELECT p.id, p.profil, p.kewajiban, p.subjek, p.tanggal, p.keterangan, p.dicatat_oleh,
                p.dibuat, {BERKAS_COLUMNS}
         FROM pemenuhan p LEFT JOIN berkas b ON b.id = p.berkas
         WHERE {filter} ORDER BY p.tanggal DESC, p.dibuat DESC, p.id"
    )
}

/// Record a validated fulfilment, with its evidence file when given.
pub async fn add(
    db: &Db,
    actor: &Actor,
    new: &PemenuhanBaru,
    file: Option<&Unggahan>,
) -> Result<CatatanPemenuhan, StoreError> {
    let mut tx = db.begin().await?;
    let berkas = match file {
        Some(u) => Some(insert_berkas(&mut tx, actor, u).await?),
        None => None,
    };
    let id = PemenuhanId(Uuid::now_v7());
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO pemenuhan (id, profil, kewajiban, subjek, tanggal, keterangan, berkas,
            dicatat_oleh, dibuat)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    ).bind(id.0).bind(&new.profil).bind(&new.kewajiban).bind(&new.subjek)
     .bind(fmt_date(new.tanggal)).bind(&new.keterangan).bind(berkas.map(|b| b.0))
     .bind(&actor.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    let change = Change {
        action: "kepatuhan.pemenuhan_dicatat",
        entity: "pemenuhan",
        entity_id: id.to_string(),
        pd: new.pd.map(|p| p.to_string()),
        detail: json!({
            "profil": new.profil,
            "kewajiban": new.kewajiban,
            "subjek": new.subjek,
            "tanggal": fmt_date(new.tanggal),
            "keterangan": new.keterangan,
            "berkas": file.map(|u| u.nama.as_str()),
            "sha256": file.map(|u| u.sha256.as_str()),
        }),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    get(db, id).await
}

/// One fulfilment.
pub async fn get(db: &Db, id: PemenuhanId) -> Result<CatatanPemenuhan, StoreError> {
    let sql = select("p.id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    to_catatan(row)
}

/// Every fulfilment recorded under a profile.
pub async fn of_profil(db: &Db, profil: &str) -> Result<Vec<CatatanPemenuhan>, StoreError> {
    let sql = select("p.profil = $1");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql).bind(profil).fetch_all(p).await)?;
    rows.into_iter().map(to_catatan).collect()
}

/// Every fulfilment of one subject, of any obligation of the profile.
pub async fn of_subjek(
    db: &Db,
    profil: &str,
    subjek: &str,
) -> Result<Vec<CatatanPemenuhan>, StoreError> {
    let sql = select("p.profil = $1 AND p.subjek = $2");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql)
        .bind(profil).bind(subjek).fetch_all(p).await)?;
    rows.into_iter().map(to_catatan).collect()
}

/// Every fulfilment of one obligation, for any subject.
pub async fn of_kewajiban(
    db: &Db,
    profil: &str,
    kewajiban: &str,
) -> Result<Vec<CatatanPemenuhan>, StoreError> {
    let sql = select("p.profil = $1 AND p.kewajiban = $2");
    let rows: Vec<Row> = on_db!(db, p => sqlx::query_as(&sql)
        .bind(profil).bind(kewajiban).fetch_all(p).await)?;
    rows.into_iter().map(to_catatan).collect()
}

/// The engine's view of the profile's fulfilments up to `sampai`: one query, dates only.
pub(super) async fn dates(
    db: &Db,
    profil: &str,
    sampai: Date,
) -> Result<Vec<Pemenuhan>, StoreError> {
    let rows: Vec<(String, String, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT kewajiban, subjek, tanggal FROM pemenuhan WHERE profil = $1 AND tanggal <= $2"
    ).bind(profil).bind(fmt_date(sampai)).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(kewajiban, kunci, t)| {
            Ok(Pemenuhan {
                kewajiban,
                kunci,
                tanggal: tanggal(&t)?,
            })
        })
        .collect()
}
