//! The internal assessor team of a period: which PDs each assessor reviews. An assessor
//! reviews the indicators led by those PDs only.

use serde_json::json;
use simpul_domain::ids::{PdId, PegawaiId, PeriodeEvaluasiId};
use uuid::Uuid;

use super::change;
use crate::audit::{self, Actor};
use crate::db::Db;
use crate::error::StoreError;
use crate::{exec_tx, on_db};

/// Replace the PDs `pegawai` reviews in `periode`.
pub async fn set(
    db: &Db,
    actor: &Actor,
    periode: PeriodeEvaluasiId,
    pegawai: PegawaiId,
    pds: &[PdId],
) -> Result<(), StoreError> {
    let mut tx = db.begin().await?;
    exec_tx!(&mut tx, c => sqlx::query(
        "DELETE FROM evaluasi_asesor WHERE periode = $1 AND pegawai = $2"
    ).bind(periode.0).bind(pegawai.0).execute(&mut *c).await)?;
    for pd in pds {
        exec_tx!(&mut tx, c => sqlx::query(
            "INSERT INTO evaluasi_asesor (periode, pegawai, pd) VALUES ($1, $2, $3)"
        ).bind(periode.0).bind(pegawai.0).bind(pd.0).execute(&mut *c).await)?;
    }
    let detail = json!({
        "pegawai": pegawai.to_string(),
        "pd": pds.iter().map(ToString::to_string).collect::<Vec<_>>(),
    });
    audit::append(
        &mut tx,
        actor,
        change("evaluasi.tim_asesor_diubah", periode, None, detail),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The PDs `pegawai` reviews in `periode`.
pub async fn tim(
    db: &Db,
    periode: PeriodeEvaluasiId,
    pegawai: PegawaiId,
) -> Result<Vec<PdId>, StoreError> {
    let rows: Vec<Uuid> = on_db!(db, p => sqlx::query_scalar(
        "SELECT pd FROM evaluasi_asesor WHERE periode = $1 AND pegawai = $2 ORDER BY pd"
    ).bind(periode.0).bind(pegawai.0).fetch_all(p).await)?;
    Ok(rows.into_iter().map(PdId).collect())
}

/// The whole team of a period: (assessor, PD) pairs.
pub async fn of_periode(
    db: &Db,
    periode: PeriodeEvaluasiId,
) -> Result<Vec<(PegawaiId, PdId)>, StoreError> {
    let rows: Vec<(Uuid, Uuid)> = on_db!(db, p => sqlx::query_as(
        "SELECT pegawai, pd FROM evaluasi_asesor WHERE periode = $1 ORDER BY pegawai, pd"
    ).bind(periode.0).fetch_all(p).await)?;
    Ok(rows
        .into_iter()
        .map(|(a, b)| (PegawaiId(a), PdId(b)))
        .collect())
}
