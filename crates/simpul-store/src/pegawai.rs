//! Staff (pegawai) and their login secrets.

use serde_json::json;
use simpul_domain::ident::Nip;
use simpul_domain::ids::{PdId, PegawaiId};
use simpul_domain::org::{NewPegawai, Pegawai};
use uuid::Uuid;

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    nip: String,
    nama: String,
    jabatan: Option<String>,
    email: Option<String>,
    pd: Uuid,
    aktif: bool,
}

impl Row {
    fn into_pegawai(self) -> Result<Pegawai, StoreError> {
        Ok(Pegawai {
            id: PegawaiId(self.id),
            nip: Nip::from_db(&self.nip).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            nama: self.nama,
            jabatan: self.jabatan,
            email: self.email,
            pd: PdId(self.pd),
            aktif: self.aktif,
        })
    }
}

const COLUMNS: &str = "id, nip, nama, jabatan, email, pd, aktif";

/// Filters for listing staff.
#[derive(Debug, Clone, Default)]
pub struct PegawaiFilter {
    /// Only staff of these PDs (`None`: every PD).
    pub pds: Option<Vec<PdId>>,
    /// Name, NIP or position contains this.
    pub q: Option<String>,
}

/// A page of staff, ordered by name, and the total matching.
pub async fn list(
    db: &Db,
    f: &PegawaiFilter,
    limit: i64,
    offset: i64,
) -> Result<(Vec<Pegawai>, i64), StoreError> {
    let pattern =
        f.q.as_ref()
            .map(|q| format!("%{}%", crate::like_escape(&q.trim().to_lowercase())));
    let pd_cond = match &f.pds {
        None => "1 = 1".to_owned(),
        Some(v) if v.is_empty() => "1 = 0".to_owned(),
        Some(v) => format!(
            "pd IN ({})",
            (0..v.len())
                .map(|i| format!("${}", i + 2))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let cond = format!(
        "($1 IS NULL OR LOWER(nama) LIKE $1 ESCAPE '\\' OR nip LIKE $1 ESCAPE '\\' OR LOWER(COALESCE(jabatan, '')) LIKE $1 ESCAPE '\\') AND {pd_cond}"
    );
    let count_sql = format!("SELECT COUNT(*) FROM pegawai WHERE {cond}");
    let list_sql = format!(
        "SELECT {COLUMNS} FROM pegawai WHERE {cond} ORDER BY nama LIMIT {limit} OFFSET {offset}"
    );
    let pds: Vec<Uuid> = f.pds.iter().flatten().map(|p| p.0).collect();
    let (total, rows) = on_db!(db, p => {
        let mut q = sqlx::query_scalar::<_, i64>(&count_sql).bind(&pattern);
        for id in &pds { q = q.bind(id); }
        let total = q.fetch_one(p).await?;
        let mut q = sqlx::query_as::<_, Row>(&list_sql).bind(&pattern);
        for id in &pds { q = q.bind(id); }
        (total, q.fetch_all(p).await?)
    });
    let list = rows
        .into_iter()
        .map(Row::into_pegawai)
        .collect::<Result<_, _>>()?;
    Ok((list, total))
}

/// One staff member by id.
pub async fn get(db: &Db, id: PegawaiId) -> Result<Pegawai, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM pegawai WHERE id = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(id.0).fetch_one(p).await)?;
    row.into_pegawai()
}

/// One staff member by NIP (18 digits).
pub async fn by_nip(db: &Db, nip: &str) -> Result<Pegawai, StoreError> {
    let sql = format!("SELECT {COLUMNS} FROM pegawai WHERE nip = $1");
    let row: Row = on_db!(db, p => sqlx::query_as(&sql).bind(nip).fetch_one(p).await)?;
    row.into_pegawai()
}

/// The staff member and password hash for a login attempt, if the NIP exists.
pub async fn login_record(
    db: &Db,
    nip: &str,
) -> Result<Option<(Pegawai, Option<String>)>, StoreError> {
    #[derive(sqlx::FromRow)]
    struct LoginRow {
        #[sqlx(flatten)]
        row: Row,
        password_hash: Option<String>,
    }
    let sql = format!("SELECT {COLUMNS}, password_hash FROM pegawai WHERE nip = $1");
    let row: Option<LoginRow> =
        on_db!(db, p => sqlx::query_as(&sql).bind(nip).fetch_optional(p).await)?;
    row.map(|r| Ok((r.row.into_pegawai()?, r.password_hash)))
        .transpose()
}

/// Create a staff member, optionally with a password hash. A taken NIP is `Conflict("nip")`.
pub async fn create(
    db: &Db,
    actor: &Actor,
    new: &NewPegawai,
    password_hash: Option<&str>,
) -> Result<Pegawai, StoreError> {
    let id = PegawaiId(Uuid::now_v7());
    let now = time_text::now();
    let email = new.email.as_ref().map(|e| e.as_str().to_owned());
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO pegawai (id, nip, nama, jabatan, email, pd, password_hash, aktif, dibuat, diubah)
         VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $8)"
    ).bind(id.0).bind(new.nip.as_str()).bind(&new.nama).bind(&new.jabatan).bind(&email)
     .bind(new.pd.0).bind(password_hash).bind(&now)
     .execute(&mut *c).await)?;
    audit::append(&mut tx, actor, Change {
        action: "pegawai.dibuat",
        entity: "pegawai",
        entity_id: id.to_string(),
        pd: Some(new.pd.to_string()),
        detail: json!({"nip": new.nip.as_str(), "nama": new.nama, "jabatan": new.jabatan, "email": email,
                       "pd": new.pd.to_string(), "dengan_sandi": password_hash.is_some()}),
    }).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Change a staff member's details (not the NIP, which identifies them).
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: PegawaiId,
    new: &NewPegawai,
) -> Result<Pegawai, StoreError> {
    let email = new.email.as_ref().map(|e| e.as_str().to_owned());
    let mut tx = db.begin().await?;
    let n = exec_tx!(&mut tx, c => sqlx::query(
        "UPDATE pegawai SET nama = $2, jabatan = $3, email = $4, pd = $5, diubah = $6 WHERE id = $1"
    ).bind(id.0).bind(&new.nama).bind(&new.jabatan).bind(&email).bind(new.pd.0).bind(time_text::now())
     .execute(&mut *c).await)?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    audit::append(&mut tx, actor, Change {
        action: "pegawai.diubah",
        entity: "pegawai",
        entity_id: id.to_string(),
        pd: Some(new.pd.to_string()),
        detail: json!({"nama": new.nama, "jabatan": new.jabatan, "email": email, "pd": new.pd.to_string()}),
    }).await?;
    tx.commit().await?;
    get(db, id).await
}

/// Replace a staff member's password hash (the hash itself is never audited).
pub async fn set_password(
    db: &Db,
    actor: &Actor,
    id: PegawaiId,
    hash: &str,
) -> Result<(), StoreError> {
    let who = get(db, id).await?;
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query("UPDATE pegawai SET password_hash = $2, diubah = $3 WHERE id = $1")
        .bind(id.0).bind(hash).bind(time_text::now()).execute(&mut *c).await)?;
    exec_tx!(&mut tx, c => sqlx::query("DELETE FROM sesi WHERE pegawai = $1").bind(id.0).execute(&mut *c).await)?;
    audit::append(
        &mut tx,
        actor,
        Change {
            action: "pegawai.sandi_diganti",
            entity: "pegawai",
            entity_id: id.to_string(),
            pd: Some(who.pd.to_string()),
            detail: json!({"nip": who.nip.as_str()}),
        },
    )
    .await?;
    tx.commit().await
}

/// Number of staff per PD.
pub async fn count_by_pd(db: &Db) -> Result<Vec<(Uuid, i64)>, StoreError> {
    Ok(
        on_db!(db, p => sqlx::query_as("SELECT pd, COUNT(*) FROM pegawai GROUP BY pd").fetch_all(p).await)?,
    )
}
