//! `GET /evaluasi/model/{kode}`: one model whole, in the region's wording, with what each
//! level requires and the evidence expected, and the crosswalk both ways: which older
//! indicators' evidence a newer indicator can reuse (with the reason), and which newer
//! indicators an older one's evidence supports.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::evaluation::{Crosswalk, Indikator, Level, Model};

use super::{boleh_ubah, tahun};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// One level of one indicator.
struct LevelView {
    level: u8,
    nama: String,
    kriteria: String,
    bukti: Vec<String>,
    /// The region replaced the model file's wording.
    diubah: bool,
}

/// Older indicators whose evidence this one can reuse.
struct PakaiUlang {
    model: String,
    /// (number, name) in the older model.
    indikator: Vec<(u32, String)>,
    alasan: String,
}

struct IndikatorView {
    nomor: u32,
    nama: String,
    bobot: String,
    eksternal: bool,
    sumber: String,
    level: Vec<LevelView>,
    pakai_ulang: Vec<PakaiUlang>,
    /// (newer model, its indicator numbers) that this one's evidence supports.
    mendukung: Vec<(String, String)>,
}

struct AspekView {
    kode: String,
    nama: String,
    bobot: String,
    indikator: Vec<IndikatorView>,
}

struct Grup {
    judul: String,
    aspek: Vec<AspekView>,
}

#[derive(Template)]
#[template(path = "evaluasi_model_rinci.html")]
struct RinciPage {
    ctx: Ctx,
    kode: String,
    nama: String,
    nama_indeks: String,
    dasar_hukum: String,
    tahun: String,
    sementara: bool,
    asal_usul: String,
    jumlah_indikator: usize,
    /// (name, lower limit).
    predikat: Vec<(String, String)>,
    nama_level: Vec<String>,
    /// (older model, the mapping's note) of every crosswalk into this model.
    catatan_crosswalk: Vec<(String, String)>,
    grup: Vec<Grup>,
    boleh_ubah: bool,
}

/// `?pesan=` after a change.
#[derive(Debug, Default, Deserialize)]
pub struct RinciQuery {
    #[serde(default)]
    pesan: Option<String>,
}

/// `GET /evaluasi/model/{kode}`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(kode): Path<String>,
    Query(q): Query<RinciQuery>,
) -> Result<Response, PageError> {
    let asli = st.evaluasi.get(&kode).ok_or(PageError::NotFound)?;
    let m = st.evaluasi.with_region_wording(&st.db, &kode).await?;
    let ke_sini: Vec<&Crosswalk> = st
        .evaluasi
        .all()
        .iter()
        .filter_map(|d| st.evaluasi.crosswalk(d.kode(), &kode))
        .collect();
    let dari_sini: Vec<&Crosswalk> = st
        .evaluasi
        .all()
        .iter()
        .filter_map(|k| st.evaluasi.crosswalk(&kode, k.kode()))
        .collect();
    let indikator = |i: &Indikator| {
        let level = Level::SEMUA
            .iter()
            .map(|l| LevelView {
                level: l.get(),
                nama: i.nama_level_untuk(*l).to_owned(),
                kriteria: i.kriteria_level(*l).to_owned(),
                bukti: i.bukti_level(*l).to_vec(),
                diubah: asli
                    .indikator_nomor(i.nomor)
                    .is_some_and(|a| a.kriteria_level(*l) != i.kriteria_level(*l)),
            })
            .collect();
        IndikatorView {
            nomor: i.nomor,
            nama: i.nama.clone(),
            bobot: i.bobot.teks(),
            eksternal: i.eksternal,
            sumber: i.sumber_eksternal.clone().unwrap_or_default(),
            level,
            pakai_ulang: ke_sini
                .iter()
                .filter_map(|c| pakai_ulang(&st, c, i.nomor))
                .collect(),
            mendukung: dari_sini
                .iter()
                .map(|c| (c.ke.clone(), gabung(&c.tujuan(i.nomor))))
                .filter(|(_, t)| !t.is_empty())
                .collect(),
        }
    };
    let page = RinciPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "evaluasi",
            q.pesan.as_deref(),
        ),
        kode: m.kode().to_owned(),
        nama: m.nama().to_owned(),
        nama_indeks: m.nama_indeks().to_owned(),
        dasar_hukum: m.dasar_hukum().to_owned(),
        tahun: tahun(&m),
        sementara: m.sementara(),
        asal_usul: m.asal_usul().to_owned(),
        jumlah_indikator: m.indikator().len(),
        predikat: m
            .predikat()
            .iter()
            .map(|p| (p.nama.clone(), p.min.teks()))
            .collect(),
        nama_level: m.nama_level().to_vec(),
        catatan_crosswalk: ke_sini
            .iter()
            .map(|c| (c.dari.clone(), c.catatan.clone()))
            .collect(),
        grup: grup(&m, indikator),
        boleh_ubah: boleh_ubah(&user),
    };
    Ok(render(StatusCode::OK, &page))
}

fn gabung(nomor: &[u32]) -> String {
    nomor
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The older indicators of crosswalk `c` that support indicator `nomor`, with names.
fn pakai_ulang(st: &AppState, c: &Crosswalk, nomor: u32) -> Option<PakaiUlang> {
    let p = c.peta_untuk(nomor)?;
    let dari = st.evaluasi.get(&c.dari);
    Some(PakaiUlang {
        model: c.dari.clone(),
        indikator: p
            .dari
            .iter()
            .map(|n| {
                let nama = dari
                    .and_then(|m| m.indikator_nomor(*n))
                    .map(|i| i.nama.clone())
                    .unwrap_or_default();
                (*n, nama)
            })
            .collect(),
        alasan: p.alasan.clone(),
    })
}

/// Domains (if any), their aspects, their indicators.
fn grup(m: &Model, indikator: impl Fn(&Indikator) -> IndikatorView) -> Vec<Grup> {
    let aspek = |a: &simpul_domain::evaluation::Aspek| AspekView {
        kode: a.kode.clone(),
        nama: a.nama.clone(),
        bobot: a.bobot.teks(),
        indikator: m.indikator_aspek(&a.kode).map(&indikator).collect(),
    };
    if m.domain().is_empty() {
        return vec![Grup {
            judul: String::new(),
            aspek: m.aspek().iter().map(aspek).collect(),
        }];
    }
    m.domain()
        .iter()
        .map(|d| Grup {
            judul: format!("{} · {} ({})", d.kode, d.nama, d.bobot.teks()),
            aspek: m.aspek_domain(&d.kode).map(&aspek).collect(),
        })
        .collect()
}
