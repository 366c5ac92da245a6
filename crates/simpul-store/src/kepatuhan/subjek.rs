//! The subjects of a profile's obligations, read in at most three queries (PDs, the
//! registry records of the kinds needed, planning documents), with the evidence their own
//! rows carry: a business process's last review date, a document's decree date.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use simpul_domain::compliance::engine::{
    BuktiOtomatis, EngineInput, KUNCI_DINAS, SubjekKepatuhan, kunci_dokumen, kunci_item, kunci_pd,
};
use simpul_domain::compliance::profile::{Bukti, Subjek};
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::plan::{self, JenisDokumenPerencanaan};
use simpul_domain::registry::Jenis;
use simpul_domain::registry::value::date;
use time::{Date, UtcOffset};
use uuid::Uuid;

use super::tanggal_lokal;
use crate::db::Db;
use crate::error::StoreError;
use crate::{on_db, perencanaan};

/// What reading the subjects learnt that the evidence needs.
#[derive(Debug, Default)]
pub(super) struct Dikenal {
    /// The Dinas, whose evidence as a PD is also evidence of the Dinas.
    pub dinas: Option<PdId>,
    /// Planning documents in force, by id.
    pub dokumen: HashMap<Uuid, JenisDokumenPerencanaan>,
}

/// The attributes the engine reads; the rest of a record's attributes are skipped.
#[derive(Deserialize)]
struct Atribut {
    #[serde(default)]
    jenis: Option<String>,
    #[serde(default)]
    tanggal_review: Option<String>,
}

/// Add the subjects of every kind in `perlu` to `input`. `bukti` lists the kinds of
/// evidence the profile uses, so evidence on the subjects' rows is kept only when used.
pub(super) async fn baca(
    db: &Db,
    perlu: &HashSet<Subjek>,
    bukti: &HashSet<Bukti>,
    as_of: Date,
    off: UtcOffset,
    input: &mut EngineInput,
) -> Result<Dikenal, StoreError> {
    let mut dikenal = Dikenal::default();
    pds(db, perlu, off, input, &mut dikenal).await?;
    items(db, perlu, bukti, off, input).await?;
    let jenis: Vec<JenisDokumenPerencanaan> = JenisDokumenPerencanaan::ALL
        .into_iter()
        .filter(|j| {
            perlu.contains(&Subjek::Dokumen(*j))
                || (j.kebijakan().is_some() && perlu.contains(&Subjek::SetiapKebijakanInternal))
        })
        .collect();
    if !jenis.is_empty() {
        dokumen(db, &jenis, bukti, as_of, off, input, &mut dikenal).await?;
    }
    Ok(dikenal)
}

async fn pds(
    db: &Db,
    perlu: &HashSet<Subjek>,
    off: UtcOffset,
    input: &mut EngineInput,
    dikenal: &mut Dikenal,
) -> Result<(), StoreError> {
    let rows: Vec<(Uuid, String, bool, String)> = on_db!(db, p => sqlx::query_as(
        "SELECT id, nama, pengelola_spbe, dibuat FROM pd WHERE NOT diarsipkan ORDER BY nama, id"
    ).fetch_all(p).await)?;
    let mut setiap = Vec::new();
    for (id, nama, pengelola, dibuat) in rows {
        let pd = PdId(id);
        let s = SubjekKepatuhan {
            kunci: kunci_pd(pd),
            nama,
            pd: Some(pd),
            sejak: tanggal_lokal("pd.dibuat", &dibuat, off)?,
            periode: None,
            ada: true,
        };
        if pengelola && dikenal.dinas.is_none() {
            dikenal.dinas = Some(pd);
            if perlu.contains(&Subjek::Dinas) {
                let dinas = SubjekKepatuhan {
                    kunci: KUNCI_DINAS.to_owned(),
                    ..s.clone()
                };
                input.subjek.insert(Subjek::Dinas, vec![dinas]);
            }
        }
        setiap.push(s);
    }
    if perlu.contains(&Subjek::SetiapPd) {
        input.subjek.insert(Subjek::SetiapPd, setiap);
    }
    Ok(())
}

/// The registry kind each kind of subject is made of.
fn jenis_registri(s: Subjek) -> Option<Jenis> {
    match s {
        Subjek::SetiapAplikasi | Subjek::SetiapAplikasiKhusus | Subjek::SetiapAplikasiUmum => {
            Some(Jenis::Aplikasi)
        }
        Subjek::SetiapServer => Some(Jenis::Server),
        Subjek::SetiapProsesBisnis => Some(Jenis::ProsesBisnis),
        Subjek::SetiapLayanan => Some(Jenis::Layanan),
        _ => None,
    }
}

/// The kinds of subject a record of kind `jenis` with application kind `jenis_aplikasi`
/// belongs to.
fn kelompok(jenis: Jenis, jenis_aplikasi: Option<&str>) -> Vec<Subjek> {
    match jenis {
        Jenis::Aplikasi => {
            let mut v = vec![Subjek::SetiapAplikasi];
            match jenis_aplikasi {
                Some("khusus") => v.push(Subjek::SetiapAplikasiKhusus),
                Some("umum") => v.push(Subjek::SetiapAplikasiUmum),
                _ => {}
            }
            v
        }
        Jenis::Server => vec![Subjek::SetiapServer],
        Jenis::ProsesBisnis => vec![Subjek::SetiapProsesBisnis],
        Jenis::Layanan => vec![Subjek::SetiapLayanan],
        _ => Vec::new(),
    }
}

type ItemRow = (Uuid, String, String, Option<Uuid>, String, String);

async fn items(
    db: &Db,
    perlu: &HashSet<Subjek>,
    bukti: &HashSet<Bukti>,
    off: UtcOffset,
    input: &mut EngineInput,
) -> Result<(), StoreError> {
    let mut kinds: Vec<&'static str> = perlu
        .iter()
        .filter_map(|s| jenis_registri(*s))
        .map(Jenis::code)
        .collect();
    kinds.sort_unstable();
    kinds.dedup();
    if kinds.is_empty() {
        return Ok(());
    }
    let marks: Vec<String> = (1..=kinds.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT id, jenis, nama, pd, atribut, dibuat FROM arsitektur
         WHERE NOT diarsipkan AND jenis IN ({}) ORDER BY jenis, kode",
        marks.join(", ")
    );
    let rows: Vec<ItemRow> = on_db!(db, p => {
        let mut q = sqlx::query_as(&sql);
        for k in &kinds {
            q = q.bind(*k);
        }
        q.fetch_all(p).await
    })?;
    let reviews = bukti.contains(&Bukti::ReviuProsesBisnis);
    for (id, jenis, nama, pd, atribut, dibuat) in rows {
        let jenis = Jenis::from_code(&jenis)
            .ok_or_else(|| StoreError::Corrupt(format!("arsitektur.jenis {jenis:?}")))?;
        let a: Atribut = serde_json::from_str(&atribut)
            .map_err(|e| StoreError::Corrupt(format!("arsitektur.atribut of {id}: {e}")))?;
        let kunci = kunci_item(ItemId(id));
        if reviews && jenis == Jenis::ProsesBisnis {
            // A review date that does not parse was refused on entry; skipping it here
            // rather than failing keeps one bad manual edit from hiding every status.
            if let Some(d) = a.tanggal_review.as_deref().and_then(|t| date(t).ok()) {
                input.bukti.push(BuktiOtomatis {
                    bukti: Bukti::ReviuProsesBisnis,
                    kunci: kunci.clone(),
                    tanggal: d,
                });
            }
        }
        let s = SubjekKepatuhan {
            kunci,
            nama,
            pd: pd.map(PdId),
            sejak: tanggal_lokal("arsitektur.dibuat", &dibuat, off)?,
            periode: None,
            ada: true,
        };
        for k in kelompok(jenis, a.jenis.as_deref()) {
            if perlu.contains(&k) {
                input.subjek.entry(k).or_default().push(s.clone());
            }
        }
    }
    Ok(())
}

async fn dokumen(
    db: &Db,
    jenis: &[JenisDokumenPerencanaan],
    bukti: &HashSet<Bukti>,
    as_of: Date,
    off: UtcOffset,
    input: &mut EngineInput,
    dikenal: &mut Dikenal,
) -> Result<(), StoreError> {
    // A document adopted after `as_of` was not in force on that day.
    let docs: Vec<_> = perencanaan::list(db)
        .await?
        .into_iter()
        .filter(|d| d.tanggal_penetapan.is_none_or(|t| t <= as_of))
        .collect();
    for j in jenis {
        let Some(d) = plan::berlaku(&docs, *j) else {
            continue;
        };
        let kunci = kunci_dokumen(*j);
        let sejak = match d.tanggal_penetapan {
            Some(t) => t,
            None => tanggal_lokal("dokumen_perencanaan.dibuat", &d.dibuat, off)?,
        };
        if let (Some(t), true) = (
            d.tanggal_penetapan,
            bukti.contains(&Bukti::PenetapanDokumen),
        ) {
            input.bukti.push(BuktiOtomatis {
                bukti: Bukti::PenetapanDokumen,
                kunci: kunci.clone(),
                tanggal: t,
            });
        }
        dikenal.dokumen.insert(d.id.0, *j);
        input.subjek.insert(
            Subjek::Dokumen(*j),
            vec![SubjekKepatuhan {
                kunci,
                nama: d.judul.clone(),
                pd: None,
                sejak,
                periode: d.periode.and_then(|p| p.untuk_kepatuhan().ok()),
                ada: true,
            }],
        );
    }
    Ok(())
}
