//! Compliance (REG-3, REG-4): the active regulation profile evaluated against what Simpul
//! knows on a date, as pages (`/kepatuhan`), an XLSX export, iCalendar feeds of due dates
//! and the API. Every status is shown with the article it rests on.
//!
//! The active profile is the `profil` setting (`SIMPUL_PROFIL`) when set, else the code
//! stored with the region; either must name a shipped profile. It is parsed once per code
//! and kept in [`AppState`].

pub mod ekspor;
pub mod kalender;
pub mod kewajiban;
pub mod pd;
pub mod ringkasan;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::compliance::Status;
use simpul_domain::compliance::engine::{Hitungan, Rekap, SEGERA_HARI, evaluate};
use simpul_domain::compliance::profile::{Profil, shipped};
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_domain::registry::value::date;
use simpul_store::{StoreError, kepatuhan, region};
use time::Date;

use crate::auth::User;
use crate::i18n::Lang;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// The parsed active profile, replaced when the configured code changes.
pub type ProfilCache = Mutex<Option<Arc<Profil>>>;

/// The active profile, or `None` when none is configured or the code is not shipped.
pub async fn profil_aktif(st: &AppState) -> Result<Option<Arc<Profil>>, StoreError> {
    let kode = match &st.cfg.profil {
        Some(k) => Some(k.clone()),
        None => region::get(&st.db).await?.and_then(|r| r.profil),
    };
    Ok(kode.and_then(|k| parsed(st, &k)))
}

fn parsed(st: &AppState, kode: &str) -> Option<Arc<Profil>> {
    if let Ok(g) = st.profil_aktif.lock()
        && let Some(p) = g.as_ref().filter(|p| p.kode == kode)
    {
        return Some(Arc::clone(p));
    }
    let Some(text) = shipped(kode) else {
        tracing::warn!(profil = kode, "the configured profile is not shipped");
        return None;
    };
    // Shipped profiles are compiled in and tested, so this failing is a build defect:
    // logged, and the pages say that no profile is active.
    let p = match Profil::parse(kode, text) {
        Ok(p) => Arc::new(p),
        Err(e) => {
            tracing::error!(error = %e, "shipped profile does not parse");
            return None;
        }
    };
    if let Ok(mut g) = st.profil_aktif.lock() {
        *g = Some(Arc::clone(&p));
    }
    Some(p)
}

/// Today in the region's own zone (the one evidence dates are counted in).
pub fn hari_ini(profil: &Profil) -> Date {
    time::OffsetDateTime::now_utc()
        .to_offset(kepatuhan::zona(profil))
        .date()
}

/// The evaluation date from `?per=`: today when empty, `Err` with the raw text otherwise.
pub fn tanggal_per(raw: Option<&str>, profil: &Profil) -> Result<Date, String> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(hari_ini(profil)),
        Some(s) => date(s).map_err(|_| s.to_owned()),
    }
}

/// One obligation for one subject, owned, ready for pages, exports and the API.
#[derive(Debug, Clone)]
pub struct BarisKepatuhan {
    /// Obligation id.
    pub kewajiban: String,
    /// Chapter.
    pub bab: String,
    /// Article, e.g. "Pasal 41 ayat (3)".
    pub pasal: String,
    /// The article's words, verbatim.
    pub teks: String,
    /// The regulation's title.
    pub peraturan: String,
    /// Source file of the regulation's text.
    pub sumber: String,
    /// The cadence, as the profile writes it.
    pub jadwal: String,
    /// Who is responsible, in the regulation's words.
    pub penanggung_jawab: String,
    /// Subject key.
    pub kunci: String,
    /// Subject name.
    pub subjek: String,
    /// The subject's PD.
    pub pd: Option<PdId>,
    /// The PD's name (empty for region-wide subjects).
    pub pd_nama: String,
    /// Status.
    pub status: Status,
    /// The deadline the status is about.
    pub jatuh_tempo: Option<Date>,
    /// The latest fulfilment that counts.
    pub terakhir: Option<Date>,
}

impl BarisKepatuhan {
    /// CSS class of the status badge.
    pub fn badge(&self) -> &'static str {
        badge(self.status)
    }

    /// Fluent key of the status label.
    pub fn label_key(&self) -> String {
        format!("kepatuhan-status-{}", self.status.kode())
    }

    /// The due date in Indonesian, or a dash.
    pub fn jatuh_tempo_teks(&self) -> String {
        self.jatuh_tempo
            .map_or_else(|| "–".into(), crate::format_id::tanggal)
    }

    /// The latest fulfilment in Indonesian, or a dash.
    pub fn terakhir_teks(&self) -> String {
        self.terakhir
            .map_or_else(|| "–".into(), crate::format_id::tanggal)
    }

    /// Why the obligation does not apply, when it does not.
    pub fn alasan(&self) -> &'static str {
        match self.status {
            Status::TidakBerlaku(a) => a.pesan(),
            _ => "",
        }
    }
}

/// CSS class of a status badge.
pub fn badge(s: Status) -> &'static str {
    match s {
        Status::Terpenuhi => "badge-ok",
        Status::SegeraJatuhTempo => "badge-warn",
        Status::Terlambat => "badge-danger",
        Status::BelumPernah | Status::TidakBerlaku(_) => "badge-muted",
    }
}

/// Every status, in the order pages list them.
pub const STATUS: [Status; 5] = [
    Status::Terlambat,
    Status::SegeraJatuhTempo,
    Status::BelumPernah,
    Status::Terpenuhi,
    Status::TidakBerlaku(simpul_domain::compliance::AlasanTidakBerlaku::BelumBerlaku),
];

/// The evaluation of the active profile on one date.
pub struct Hasil {
    /// The profile.
    pub profil: Arc<Profil>,
    /// The date.
    pub per: Date,
    /// One row per (obligation, subject), in profile order.
    pub baris: Vec<BarisKepatuhan>,
    /// Counts for the region.
    pub wilayah: Hitungan,
    /// Counts per PD: (PD, name, counts); region-wide subjects under `None`.
    pub per_pd: Vec<(Option<PdId>, String, Hitungan)>,
    /// Counts per chapter.
    pub per_bab: Vec<(String, Hitungan)>,
    /// Counts per obligation.
    pub per_kewajiban: Vec<(String, Hitungan)>,
    /// The PDs by id (archived included, for names).
    pub pds: HashMap<PdId, PerangkatDaerah>,
}

/// The evaluation of `profil` on `per`, computed once per change: every page, export and
/// feed of the same date shares it until the audit trail moves (any fulfilment, upload or
/// registry edit appends to it). Twenty officials opening the summary at once would
/// otherwise each gather and evaluate the whole region.
pub async fn evaluasi(
    st: &AppState,
    profil: Arc<Profil>,
    per: Date,
) -> Result<Arc<Hasil>, StoreError> {
    let seq = simpul_store::audit::head_seq(&st.db).await?;
    let key = (profil.kode.clone(), per);
    if let Some(h) = st.kepatuhan.get(&key, seq) {
        return Ok(h);
    }
    // One computation at a time: when many officials open the page right after a change,
    // the first computes and the rest wait for its result instead of all computing.
    let _one = st.kepatuhan_sedang.lock().await;
    if let Some(h) = st.kepatuhan.get(&key, seq) {
        return Ok(h);
    }
    let h = hitung(st, profil, per).await?;
    Ok(st.kepatuhan.put(key, seq, h))
}

/// What the pages, export and feed ask for: the active profile evaluated on `?per=`
/// (default today). `Err` is the page to answer instead: no active profile, or a date
/// that does not parse.
pub async fn evaluasi_diminta(
    st: &AppState,
    user: &User,
    lang: Lang,
    per: Option<&str>,
) -> Result<Result<Arc<Hasil>, Response>, StoreError> {
    let Some(profil) = profil_aktif(st).await? else {
        return Ok(Err(tanpa_profil(st, user, lang).await));
    };
    let per = match tanggal_per(per, &profil) {
        Ok(d) => d,
        Err(raw) => return Ok(Err(per_salah(st, user, lang, &raw).await)),
    };
    Ok(Ok(evaluasi(st, profil, per).await?))
}

/// Gather and evaluate `profil` on `per`.
async fn hitung(st: &AppState, profil: Arc<Profil>, per: Date) -> Result<Hasil, StoreError> {
    let input = kepatuhan::gather(&st.db, &profil, per).await?;
    let all = simpul_store::pd::list(
        &st.db,
        &simpul_store::pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    let pds: HashMap<PdId, PerangkatDaerah> = all.into_iter().map(|p| (p.id, p)).collect();
    let nama = |id: Option<PdId>| {
        id.and_then(|i| pds.get(&i))
            .map_or_else(String::new, |p| p.nama.clone())
    };
    let rows = evaluate(&profil, &input, per, SEGERA_HARI);
    let rekap = Rekap::dari(&profil, &rows);
    let baris = rows
        .iter()
        .map(|b| BarisKepatuhan {
            kewajiban: b.kewajiban.id.clone(),
            bab: b.kewajiban.bab.clone(),
            pasal: b.kutipan.pasal.to_owned(),
            teks: b.kutipan.teks.to_owned(),
            peraturan: b.kutipan.peraturan.to_owned(),
            sumber: b.kutipan.sumber.to_owned(),
            jadwal: b.kewajiban.jadwal.to_string(),
            penanggung_jawab: b.penanggung_jawab.to_owned(),
            kunci: b.subjek.kunci.clone(),
            subjek: b.subjek.nama.clone(),
            pd: b.subjek.pd,
            pd_nama: nama(b.subjek.pd),
            status: b.penilaian.status,
            jatuh_tempo: b.penilaian.jatuh_tempo,
            terakhir: b.penilaian.terakhir,
        })
        .collect();
    let mut per_pd: Vec<_> = rekap
        .per_pd
        .iter()
        .map(|(id, h)| (*id, nama(*id), *h))
        .collect();
    // By name, with the region-wide subjects first.
    per_pd.sort_by(|a, b| (a.0.is_some(), &a.1).cmp(&(b.0.is_some(), &b.1)));
    let per_bab = rekap
        .per_bab
        .iter()
        .map(|(b, h)| ((*b).to_owned(), *h))
        .collect();
    let per_kewajiban = rekap
        .per_kewajiban
        .iter()
        .map(|(k, h)| ((*k).to_owned(), *h))
        .collect();
    Ok(Hasil {
        wilayah: rekap.wilayah,
        per_pd,
        per_bab,
        per_kewajiban,
        baris,
        pds,
        profil,
        per,
    })
}

/// Counts formatted the Indonesian way, for tables.
pub struct Angka {
    /// Terpenuhi.
    pub terpenuhi: String,
    /// Segera jatuh tempo.
    pub segera: String,
    /// Terlambat.
    pub terlambat: String,
    /// Belum pernah.
    pub belum: String,
    /// Tidak berlaku.
    pub tidak: String,
    /// All rows.
    pub total: String,
}

impl From<&Hitungan> for Angka {
    fn from(h: &Hitungan) -> Self {
        let n = |v: usize| crate::format_id::angka(i64::try_from(v).unwrap_or(i64::MAX));
        Self {
            terpenuhi: n(h.terpenuhi),
            segera: n(h.segera_jatuh_tempo),
            terlambat: n(h.terlambat),
            belum: n(h.belum_pernah),
            tidak: n(h.tidak_berlaku),
            total: n(h.total()),
        }
    }
}

/// Whether `user` may record fulfilments for a subject of PD `pd` (region-wide: `None`).
pub fn boleh_catat(user: &User, pd: Option<PdId>, pds: &HashMap<PdId, PerangkatDaerah>) -> bool {
    match pd {
        Some(id) => pds
            .get(&id)
            .is_some_and(|p| !p.diarsipkan && crate::registry_input::can_edit(user, Some(p))),
        None => crate::registry_input::can_edit(user, None),
    }
}

#[derive(Template)]
#[template(path = "kepatuhan_galat.html")]
struct GalatPage {
    ctx: Ctx,
    pesan: String,
}

/// The page saying plainly why nothing can be shown (no active profile, a bad date).
pub async fn galat(
    st: &AppState,
    user: &User,
    lang: Lang,
    status: StatusCode,
    pesan: String,
) -> Response {
    let page = GalatPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "kepatuhan", None),
        pesan,
    };
    render(status, &page)
}

/// The page for no active profile.
pub async fn tanpa_profil(st: &AppState, user: &User, lang: Lang) -> Response {
    galat(
        st,
        user,
        lang,
        StatusCode::OK,
        lang.t("kepatuhan-tanpa-profil"),
    )
    .await
}

/// The page for an unreadable `?per=`.
pub async fn per_salah(st: &AppState, user: &User, lang: Lang, raw: &str) -> Response {
    let pesan = lang.t1("kepatuhan-galat-per", "nilai", raw);
    galat(st, user, lang, StatusCode::BAD_REQUEST, pesan).await
}
