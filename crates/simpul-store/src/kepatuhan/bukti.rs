//! Evidence Simpul sees by itself, one query per source and only for the kinds of
//! evidence the profile uses: LAN diagram uploads (and the LAN changes a further version
//! of a year records), reviews of the planning documents in force, and review-result
//! documents of business processes.

use simpul_domain::berkas::JenisDokumen;
use simpul_domain::compliance::engine::{
    BuktiOtomatis, EngineInput, KUNCI_DINAS, PERUBAHAN_LAN, Peristiwa, kunci_dokumen, kunci_item,
    kunci_pd,
};
use simpul_domain::compliance::profile::{Bukti, Profil};
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::registry::Jenis;
use simpul_domain::registry::value::date;
use time::{Date, UtcOffset};
use uuid::Uuid;

use super::subjek::Dikenal;
use super::tanggal_lokal;
use crate::db::Db;
use crate::error::StoreError;
use crate::on_db;

/// Whether an obligation of `profil` uses evidence `b`.
fn dipakai(profil: &Profil, b: Bukti) -> bool {
    profil.kewajiban.iter().any(|k| k.bukti == b)
}

/// Whether an obligation of `profil` reacts to LAN changes.
fn perubahan_lan_dipakai(profil: &Profil) -> bool {
    profil.kewajiban.iter().any(|k| {
        k.jadwal
            .peristiwa()
            .is_some_and(|n| n.as_str().eq_ignore_ascii_case(PERUBAHAN_LAN))
    })
}

/// Add the evidence and events dated up to `as_of` to `input`.
pub(super) async fn baca(
    db: &Db,
    profil: &Profil,
    dikenal: &Dikenal,
    as_of: Date,
    off: UtcOffset,
    input: &mut EngineInput,
) -> Result<(), StoreError> {
    let uploads = dipakai(profil, Bukti::DiagramLan);
    let changes = perubahan_lan_dipakai(profil);
    if uploads || changes {
        diagram_lan(db, dikenal, as_of, off, uploads, changes, input).await?;
    }
    if dipakai(profil, Bukti::ReviuDokumen) && !dikenal.dokumen.is_empty() {
        reviu_dokumen(db, dikenal, as_of, input).await?;
    }
    if dipakai(profil, Bukti::ReviuProsesBisnis) {
        hasil_reviu(db, as_of, off, input).await?;
    }
    Ok(())
}

/// Each upload is evidence for its PD (and for the Dinas when it is the Dinas's); a
/// version after the first of a year is also a LAN change, reported by that upload.
async fn diagram_lan(
    db: &Db,
    dikenal: &Dikenal,
    as_of: Date,
    off: UtcOffset,
    uploads: bool,
    changes: bool,
    input: &mut EngineInput,
) -> Result<(), StoreError> {
    let rows: Vec<(Uuid, i32, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT pd, versi, dibuat FROM diagram_lan"
    ).fetch_all(p).await)?;
    for (pd, versi, dibuat) in rows {
        let tanggal = tanggal_lokal("diagram_lan.dibuat", &dibuat, off)?;
        if tanggal > as_of {
            continue;
        }
        let pd = PdId(pd);
        let mut keys = vec![kunci_pd(pd)];
        if dikenal.dinas == Some(pd) {
            keys.push(KUNCI_DINAS.to_owned());
        }
        for kunci in keys {
            if changes && versi > 1 {
                input.peristiwa.push(Peristiwa {
                    nama: PERUBAHAN_LAN.to_owned(),
                    kunci: kunci.clone(),
                    tanggal,
                });
            }
            if uploads {
                input.bukti.push(BuktiOtomatis {
                    bukti: Bukti::DiagramLan,
                    kunci,
                    tanggal,
                });
            }
        }
    }
    Ok(())
}

/// Reviews of the documents in force; reviews of drafts and of revoked documents concern
/// another text. A review record does not say whether it was a review or a monitoring
/// and evaluation, so it counts only as `reviu_dokumen`.
async fn reviu_dokumen(
    db: &Db,
    dikenal: &Dikenal,
    as_of: Date,
    input: &mut EngineInput,
) -> Result<(), StoreError> {
    let rows: Vec<(Uuid, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT dokumen, tanggal FROM reviu_perencanaan"
    ).fetch_all(p).await)?;
    for (dokumen, t) in rows {
        let Some(jenis) = dikenal.dokumen.get(&dokumen) else {
            continue;
        };
        let tanggal = date(&t)
            .map_err(|_| StoreError::Corrupt(format!("reviu_perencanaan.tanggal {t:?}")))?;
        if tanggal <= as_of {
            input.bukti.push(BuktiOtomatis {
                bukti: Bukti::ReviuDokumen,
                kunci: kunci_dokumen(*jenis),
                tanggal,
            });
        }
    }
    Ok(())
}

/// Each version of a business process's review-result document is a review, dated the
/// day it was handed in.
async fn hasil_reviu(
    db: &Db,
    as_of: Date,
    off: UtcOffset,
    input: &mut EngineInput,
) -> Result<(), StoreError> {
    let rows: Vec<(Uuid, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT l.item, l.dibuat FROM lampiran l JOIN arsitektur a ON a.id = l.item
         WHERE l.jenis = $1 AND a.jenis = $2"
    ).bind(JenisDokumen::HasilReviu.code()).bind(Jenis::ProsesBisnis.code())
     .fetch_all(p).await)?;
    for (item, dibuat) in rows {
        let tanggal = tanggal_lokal("lampiran.dibuat", &dibuat, off)?;
        if tanggal <= as_of {
            input.bukti.push(BuktiOtomatis {
                bukti: Bukti::ReviuProsesBisnis,
                kunci: kunci_item(ItemId(item)),
                tanggal,
            });
        }
    }
    Ok(())
}
