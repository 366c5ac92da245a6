//! The region this instance serves (a single row).

use serde_json::json;
use simpul_domain::org::{Region, TingkatDaerah};

use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db};

type Row = (String, String, String, Option<String>, Option<String>);

/// The region, if one has been set up.
pub async fn get(db: &Db) -> Result<Option<Region>, StoreError> {
    let row: Option<Row> = on_db!(db, p => sqlx::query_as(
        "SELECT kode, nama, tingkat, domain, profil FROM region WHERE id = 1"
    ).fetch_optional(p).await)?;
    row.map(|(kode, nama, tingkat, domain, profil)| {
        let tingkat = TingkatDaerah::from_code(&tingkat)
            .ok_or_else(|| StoreError::Corrupt(format!("region.tingkat {tingkat:?}")))?;
        Ok(Region {
            kode,
            nama,
            tingkat,
            domain,
            profil,
        })
    })
    .transpose()
}

/// Create or replace the region's identity.
pub async fn set(db: &Db, actor: &Actor, r: &Region) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "INSERT INTO region (id, kode, nama, tingkat, domain, profil) VALUES (1, $1, $2, $3, $4, $5)
         ON CONFLICT (id) DO UPDATE SET kode = $1, nama = $2, tingkat = $3, domain = $4, profil = $5"
    ).bind(&r.kode).bind(&r.nama).bind(r.tingkat.code()).bind(&r.domain).bind(&r.profil)
     .execute(&mut *c).await)?;
    audit::append(&mut tx, actor, Change {
        action: "wilayah.diatur",
        entity: "wilayah",
        entity_id: r.kode.clone(),
        pd: None,
        detail: json!({"nama": r.nama, "tingkat": r.tingkat.code(), "domain": r.domain, "profil": r.profil}),
    }).await?;
    tx.commit().await
}
