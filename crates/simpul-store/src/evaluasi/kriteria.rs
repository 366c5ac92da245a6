//! The region's wording of level criteria: an administrator pastes the official text
//! over the model file's reconstruction, without editing the file.

use serde_json::json;

use super::num;
use crate::audit::{self, Actor, Change};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db, time_text};

/// One reworded criterion.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Kriteria {
    /// Indicator number.
    pub nomor: u32,
    /// Level 1..=5.
    pub level: u8,
    /// The region's text.
    pub teks: String,
}

/// Every reworded criterion of `model`.
pub async fn of_model(db: &Db, model: &str) -> Result<Vec<Kriteria>, StoreError> {
    let rows: Vec<(i32, i32, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT nomor, level, teks FROM evaluasi_kriteria WHERE model = $1 ORDER BY nomor, level"
    ).bind(model).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(n, l, teks)| {
            Ok(Kriteria {
                nomor: u32::try_from(n)
                    .map_err(|_| StoreError::Corrupt(format!("evaluasi_kriteria.nomor {n}")))?,
                level: super::small(l, "kriteria.level")?,
                teks,
            })
        })
        .collect()
}

/// Set (or, with `None`, remove to fall back to the model file) the text of one level.
pub async fn set(
    db: &Db,
    actor: &Actor,
    model: &str,
    nomor: u32,
    level: u8,
    teks: Option<&str>,
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM evaluasi_kriteria WHERE model = $1 AND nomor = $2 AND level = $3"
    ).bind(model).bind(num(nomor)).bind(i32::from(level)).execute(&mut *c).await)?;
    if let Some(t) = teks {
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO evaluasi_kriteria (model, nomor, level, teks, diubah, diubah_oleh)
             VALUES ($1, $2, $3, $4, $5, $6)"
        ).bind(model).bind(num(nomor)).bind(i32::from(level)).bind(t)
         .bind(time_text::now()).bind(&actor.0).execute(&mut *c).await)?;
    }
    let change = Change {
        action: "evaluasi.kriteria_diubah",
        entity: "evaluasi_model",
        entity_id: model.to_owned(),
        pd: None,
        detail: json!({"nomor": nomor, "level": level, "teks": teks}),
    };
    audit::append(&mut tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
