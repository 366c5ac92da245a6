//! API: the compliance of the region on a date, as the pages show it, with every row's
//! article (REG-3, REG-4).

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use simpul_domain::FieldProblems;
use simpul_domain::Masalahs;
use simpul_domain::compliance::engine::Hitungan;
use simpul_domain::ids::PdId;
use simpul_domain::registry::value::fmt_date;

use crate::api::ApiQuery;
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::pages::kepatuhan::{evaluasi, profil_aktif, tanggal_per};
use crate::state::AppState;

/// `?per=YYYY-MM-DD`.
#[derive(Debug, Default, Deserialize)]
pub struct PerQuery {
    #[serde(default)]
    per: Option<String>,
}

/// Counts of one PD (`pd` null: region-wide subjects).
#[derive(Debug, Serialize)]
pub struct PerPd {
    pd: Option<PdId>,
    nama: String,
    hitungan: Hitungan,
}

/// Counts of one chapter.
#[derive(Debug, Serialize)]
pub struct PerBab {
    bab: String,
    hitungan: Hitungan,
}

/// Counts of one obligation.
#[derive(Debug, Serialize)]
pub struct PerKewajiban {
    kewajiban: String,
    pasal: String,
    hitungan: Hitungan,
}

/// One obligation for one subject.
#[derive(Debug, Serialize)]
pub struct Baris {
    kewajiban: String,
    bab: String,
    subjek: String,
    nama_subjek: String,
    pd: Option<PdId>,
    status: &'static str,
    jatuh_tempo: Option<String>,
    terakhir: Option<String>,
    pasal: String,
    teks: String,
    peraturan: String,
    sumber: String,
}

/// The whole answer.
#[derive(Debug, Serialize)]
pub struct Kepatuhan {
    profil: String,
    peraturan: String,
    per: String,
    wilayah: Hitungan,
    per_pd: Vec<PerPd>,
    per_bab: Vec<PerBab>,
    per_kewajiban: Vec<PerKewajiban>,
    baris: Vec<Baris>,
}

/// `GET /api/v1/kepatuhan?per=`.
pub async fn summary(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<PerQuery>,
) -> Result<Json<Kepatuhan>, ApiError> {
    let profil = profil_aktif(&st).await?.ok_or_else(|| {
        ApiError::new(ErrorCode::NotFound)
            .with_message("Belum ada profil regulasi aktif untuk wilayah ini.")
    })?;
    let per = tanggal_per(q.per.as_deref(), &profil).map_err(|raw| {
        let mut f = FieldProblems::default();
        f.add(
            "per",
            Masalahs::one(
                "tanggal_tidak_valid",
                format!("\"{raw}\" bukan tanggal; tulis TTTT-BB-HH, misalnya 2026-08-17."),
            ),
        );
        ApiError::fields(f)
    })?;
    let h = evaluasi(&st, profil, per).await?;
    let pasal = |id: &str| {
        h.profil
            .kewajiban(id)
            .map(|k| k.pasal.clone())
            .unwrap_or_default()
    };
    Ok(Json(Kepatuhan {
        profil: h.profil.kode.clone(),
        peraturan: h.profil.peraturan.clone(),
        per: fmt_date(per),
        wilayah: h.wilayah,
        per_pd: h
            .per_pd
            .iter()
            .map(|(pd, nama, c)| PerPd {
                pd: *pd,
                nama: nama.clone(),
                hitungan: *c,
            })
            .collect(),
        per_bab: h
            .per_bab
            .iter()
            .map(|(bab, c)| PerBab {
                bab: bab.clone(),
                hitungan: *c,
            })
            .collect(),
        per_kewajiban: h
            .per_kewajiban
            .iter()
            .map(|(k, c)| PerKewajiban {
                kewajiban: k.clone(),
                pasal: pasal(k),
                hitungan: *c,
            })
            .collect(),
        baris: h
            .baris
            .iter()
            .cloned()
            .map(|b| Baris {
                status: b.status.kode(),
                jatuh_tempo: b.jatuh_tempo.map(fmt_date),
                terakhir: b.terakhir.map(fmt_date),
                kewajiban: b.kewajiban,
                bab: b.bab,
                subjek: b.kunci,
                nama_subjek: b.subjek,
                pd: b.pd,
                pasal: b.pasal,
                teks: b.teks,
                peraturan: b.peraturan,
                sumber: b.sumber,
            })
            .collect(),
    }))
}
