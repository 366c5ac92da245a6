//! Evidence a PD can reuse for an indicator: its own items (from any period or model),
//! and, for a newer model, the items attached in periods of an older model to the
//! indicators the crosswalk names as sources, so a region moving to the new framework
//! does not start from zero. Reused items are still assessed against the target
//! indicator's own criteria.

use std::collections::BTreeSet;

use simpul_domain::access::{Action, Target};
use simpul_domain::evaluation::alur::PenanggungJawab;
use simpul_domain::ids::BuktiDukungId;
use simpul_store::StoreError;
use simpul_store::evaluasi::bukti::{self, BuktiDukung};
use simpul_store::evaluasi::periode;

use super::muat::Muatan;
use crate::auth::User;
use crate::state::AppState;

/// An item suggested through a crosswalk, with where it was used.
pub struct DariCrosswalk {
    /// The item.
    pub bukti: BuktiDukung,
    /// Older model code.
    pub model: String,
    /// Year of the period it was attached in.
    pub tahun: i32,
    /// Indicator of the older model it supported.
    pub nomor: u32,
    /// Why the crosswalk maps it here.
    pub alasan: String,
}

/// Whether `user` acts for PD `pd` (admin or operator there, or above).
fn pd_saya(user: &User, m: &Muatan, pd: simpul_domain::ids::PdId) -> bool {
    user.can(
        Action::UbahDataPd,
        Target::Pd {
            pd,
            induk: m.pds.get(&pd).and_then(|p| p.induk),
        },
    )
}

/// The items of the responsible PDs `user` acts for (and items without a PD), newest
/// first, each once.
pub async fn milik_pd(
    st: &AppState,
    user: &User,
    m: &Muatan,
    pj: &[PenanggungJawab],
) -> Result<Vec<BuktiDukung>, StoreError> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for p in pj.iter().filter(|p| pd_saya(user, m, p.pd)) {
        for b in bukti::of_pd(&st.db, p.pd).await? {
            if seen.insert(b.id) {
                out.push(b);
            }
        }
    }
    out.sort_by(|a, b| b.dibuat.cmp(&a.dibuat));
    Ok(out)
}

/// Items attached to the crosswalk's source indicators of `nomor` in periods of every
/// older model that has a crosswalk to this period's model, latest year first, each once.
pub async fn dari_crosswalk(
    st: &AppState,
    m: &Muatan,
    nomor: u32,
) -> Result<Vec<DariCrosswalk>, StoreError> {
    let mut out = Vec::new();
    let mut seen: BTreeSet<BuktiDukungId> = BTreeSet::new();
    let periods = periode::list(&st.db).await?;
    for dari in st.evaluasi.all() {
        let Some(cw) = st.evaluasi.crosswalk(dari.kode(), m.model.kode()) else {
            continue;
        };
        let Some(peta) = cw.peta_untuk(nomor) else {
            continue;
        };
        for p in periods.iter().filter(|p| p.model == dari.kode()) {
            for l in bukti::of_periode(&st.db, p.id).await? {
                if peta.dari.contains(&l.nomor) && seen.insert(l.bukti.id) {
                    out.push(DariCrosswalk {
                        bukti: l.bukti,
                        model: dari.kode().to_owned(),
                        tahun: p.tahun,
                        nomor: l.nomor,
                        alasan: peta.alasan.clone(),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// Whether item `b` may be attached to `nomor` by `user`: an item without a PD, one of
/// a responsible PD or of a PD the user acts for, or one the crosswalk suggests.
pub async fn dapat_dipakai(
    st: &AppState,
    user: &User,
    m: &Muatan,
    nomor: u32,
    pj: &[PenanggungJawab],
    b: &BuktiDukung,
) -> Result<bool, StoreError> {
    let Some(pd) = b.pd else {
        return Ok(true);
    };
    if pj.iter().any(|p| p.pd == pd) || pd_saya(user, m, pd) {
        return Ok(true);
    }
    Ok(dari_crosswalk(st, m, nomor)
        .await?
        .iter()
        .any(|c| c.bukti.id == b.id))
}
