//! Demo fulfilments, so the demo's compliance picture follows its own regulation: some
//! audits recorded 13 months ago (late where the region audits yearly, in time where it
//! audits every two years), some 5 months ago, some never; about half of the other
//! recorded duties done 4 months ago. Loading twice adds nothing.

use simpul_domain::compliance::engine::{PemenuhanBaru, PemenuhanInput};
use simpul_domain::compliance::profile::{Bukti, Profil, shipped};
use time::{Date, Duration};

use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use crate::kepatuhan::{gather, pemenuhan};

/// Subjects per obligation given a demo fulfilment: enough for a picture, few enough to
/// load the large demo quickly.
const MAX_PER_KEWAJIBAN: usize = 60;

/// (days ago, remark) for the `i`-th subject of an obligation with evidence `bukti`;
/// `None` leaves it without a fulfilment.
fn when(bukti: Bukti, i: usize) -> Option<(i64, &'static str)> {
    match (bukti, i % 3) {
        (Bukti::Audit, 0) => Some((396, "Laporan hasil audit (demo), 13 bulan lalu")),
        (Bukti::Audit, 1) => Some((150, "Laporan hasil audit (demo), 5 bulan lalu")),
        (Bukti::Catatan | Bukti::PemantauanEvaluasi, _) if i.is_multiple_of(2) => {
            Some((120, "Dilaksanakan dan dilaporkan (demo)"))
        }
        _ => None,
    }
}

/// Record the demo fulfilments of the region's profile; how many were added.
pub async fn load(db: &Db, today: Date) -> Result<usize, StoreError> {
    let Some(region) = crate::region::get(db).await? else {
        return Ok(0);
    };
    let Some(text) = region.profil.as_deref().and_then(shipped) else {
        return Ok(0);
    };
    let profil = Profil::parse("profil", text)
        .map_err(|e| StoreError::Corrupt(format!("shipped profile: {e}")))?;
    if !pemenuhan::of_profil(db, &profil.kode).await?.is_empty() {
        return Ok(0);
    }
    let input = gather(db, &profil, today).await?;
    let actor = Actor::sistem();
    let mut added = 0;
    for k in &profil.kewajiban {
        let subjects = input.subjek_dari(k.subjek);
        for (i, s) in subjects.iter().take(MAX_PER_KEWAJIBAN).enumerate() {
            let Some((days, keterangan)) = when(k.bukti, i) else {
                continue;
            };
            let tanggal = today - Duration::days(days);
            let form = PemenuhanInput {
                kewajiban: k.id.clone(),
                subjek: s.kunci.clone(),
                tanggal: tanggal.to_string(),
                keterangan: keterangan.to_owned(),
            };
            // Dates before a subject existed are refused by the same rules as a user's
            // entry; the demo simply skips them.
            let Ok(new) = PemenuhanBaru::parse(&form, &profil, &input, today) else {
                continue;
            };
            pemenuhan::add(db, &actor, &new, None).await?;
            added += 1;
        }
    }
    Ok(added)
}
