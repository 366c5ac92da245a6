//! The PDs responsible for each indicator of a period: several may share one, one leads
//! and consolidates it.

use serde_json::json;
use simpul_domain::ids::{PdId, PeriodeEvaluasiId};
use uuid::Uuid;

use super::{change, num};
use crate::audit::{self, Actor};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db};

/// One responsible PD of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Pj {
    /// Indicator number.
    pub nomor: u32,
    /// The PD.
    pub pd: PdId,
    /// Whether it leads.
    pub utama: bool,
}

/// Replace the responsible PDs of indicator `nomor` (the caller checked that exactly one
/// leads, or none is given). An unknown PD is `MissingReference`.
pub async fn set(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    nomor: u32,
    pds: &[(PdId, bool)],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM evaluasi_pj WHERE periode = $1 AND nomor = $2"
    ).bind(periode.0).bind(num(nomor)).execute(&mut *c).await)?;
    for (pd, utama) in pds {
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO evaluasi_pj (periode, nomor, pd, utama) VALUES ($1, $2, $3, $4)"
        ).bind(periode.0).bind(num(nomor)).bind(pd.0).bind(*utama).execute(&mut *c).await)?;
    }
    let detail = json!({
        "nomor": nomor,
        "pd": pds.iter().map(|(p, u)| json!({"pd": p.to_string(), "utama": u})).collect::<Vec<_>>(),
    });
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.pj_diubah", periode, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Every responsible PD of a period, by indicator then lead first.
pub async fn of_periode(db: &Db, periode: PeriodeEvaluasiId) -> Result<Vec<Pj>, StoreError> {
    let rows: Vec<(i32, Uuid, bool)> = on_db!(db, p => sqlx::query_as(
        "SELECT nomor, pd, utama FROM evaluasi_pj WHERE periode = $1
         ORDER BY nomor, utama DESC, pd"
    ).bind(periode.0).fetch_all(p).await)?;
    rows.into_iter()
        .map(|(n, pd, utama)| {
            Ok(Pj {
                nomor: u32::try_from(n)
                    .map_err(|_| StoreError::Corrupt(format!("evaluasi_pj.nomor {n}")))?,
                pd: PdId(pd),
                utama,
            })
        })
        .collect()
}
