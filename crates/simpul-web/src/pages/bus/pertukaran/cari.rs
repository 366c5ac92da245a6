//! `GET /bus/pertukaran`: exchanges searched by service, consumer, PD, officer, time
//! range, outcome and problem code, newest first, within what the user may see; and
//! `GET /bus/pertukaran/{seq}`: one exchange with everything the log holds of it.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_store::bus::indeks;
use simpul_store::bus::pertukaran::{self, PER_HALAMAN, Saring};
use time::{Date, Duration, Time};

use super::{Baris, akses, baris, ms};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::pages::audit::parse_date;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, page_number, region_name, render, url_encode};
use crate::state::AppState;

/// The search form, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Q {
    #[serde(default)]
    layanan: String,
    #[serde(default)]
    konsumen: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    petugas: String,
    #[serde(default)]
    dari: String,
    #[serde(default)]
    sampai: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    kode: String,
    hal: Option<String>,
}

#[derive(Template)]
#[template(path = "bus_pertukaran.html")]
struct ListPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    q: Q,
    pds: Vec<(String, String)>,
    rows: Vec<Baris>,
    total: i64,
    page: i64,
    pages: i64,
    query_base: String,
    date_error: bool,
    masalah_indeks: Option<String>,
}

fn isi(s: &str) -> Option<String> {
    Some(s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// `GET /bus/pertukaran`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<Q>,
) -> Result<Response, PageError> {
    let Some(a) = akses(&st, &user).await? else {
        return Err(PageError::Forbidden);
    };
    let offset = st.cfg.utc_offset;
    // Dates are the region's local days; `sampai` includes its whole day.
    let start = |d: Date| d.with_time(Time::MIDNIGHT).assume_offset(offset);
    let (dari, sampai) = (parse_date(&q.dari), parse_date(&q.sampai));
    let date_error = (!q.dari.trim().is_empty() && dari.is_none())
        || (!q.sampai.trim().is_empty() && sampai.is_none());
    let pd = q.pd.trim().parse::<uuid::Uuid>().ok().map(PdId);
    let status =
        isi(&q.status).filter(|s| ["diteruskan", "ditolak", "gagal"].contains(&s.as_str()));
    let saring = Saring {
        layanan: isi(&q.layanan).map(|s| s.to_lowercase()),
        konsumen: isi(&q.konsumen).map(|s| s.to_lowercase()),
        pd,
        petugas: isi(&q.petugas).map(|s| s.chars().filter(|c| !c.is_whitespace()).collect()),
        dari: dari.map(start),
        sampai: sampai.map(|d| start(d + Duration::days(1))),
        status,
        kode: isi(&q.kode),
        lingkup: a.lingkup.clone(),
    };
    let page = page_number(q.hal.as_deref());
    let page_u32 = u32::try_from(page).unwrap_or(u32::MAX);
    let (found, total) = pertukaran::cari(&st.db, &saring, page_u32).await?;
    let per = i64::from(PER_HALAMAN);
    let query_base = format!(
        "/bus/pertukaran?layanan={}&konsumen={}&pd={}&petugas={}&dari={}&sampai={}&status={}&kode={}",
        url_encode(&q.layanan),
        url_encode(&q.konsumen),
        url_encode(&q.pd),
        url_encode(&q.petugas),
        url_encode(&q.dari),
        url_encode(&q.sampai),
        url_encode(&q.status),
        url_encode(&q.kode),
    );
    let page = ListPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "bus", None),
        tabs: tabs(&st, &user, "/bus/pertukaran").await,
        pds: a
            .pilihan_pd()
            .into_iter()
            .map(|p| (p.id.to_string(), format!("{} ({})", p.nama, p.kode)))
            .collect(),
        rows: baris(&found, lang, offset),
        total,
        page,
        pages: (total + per - 1) / per,
        q,
        query_base,
        date_error,
        masalah_indeks: indeks::kursor(&st.db).await?.masalah,
    };
    Ok(render(StatusCode::OK, &page))
}

#[derive(Template)]
#[template(path = "bus_pertukaran_rinci.html")]
struct DetailPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    p: pertukaran::Pertukaran,
    b: Baris,
    konsumen_pd: String,
    layanan_pd: String,
    hulu: String,
    ukuran_permintaan: String,
    ukuran_tanggapan: String,
    segmen: String,
    jumlah_nik: usize,
    kunci_publik: bool,
}

/// `GET /bus/pertukaran/{seq}`: 404 for an exchange the user may not see, as for one
/// that does not exist (its existence is not disclosed).
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(seq): PagePath<i64>,
) -> Result<Response, PageError> {
    let Some(a) = akses(&st, &user).await? else {
        return Err(PageError::Forbidden);
    };
    let p = pertukaran::get(&st.db, seq).await?;
    if !a.boleh(&user, &p) {
        return Err(PageError::NotFound);
    }
    let offset = st.cfg.utc_offset;
    let nama_pd = |id: Option<uuid::Uuid>, kode: &str| {
        id.and_then(|u| a.pds.get(&PdId(u)))
            .map_or_else(|| kode.to_owned(), |d| format!("{} ({})", d.nama, d.kode))
    };
    let b = baris(std::slice::from_ref(&p), lang, offset)
        .pop()
        .ok_or(PageError::NotFound)?;
    let page = DetailPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "bus", None),
        tabs: tabs(&st, &user, "/bus/pertukaran").await,
        konsumen_pd: nama_pd(p.konsumen_pd_id, p.konsumen_pd.as_deref().unwrap_or("—")),
        layanan_pd: nama_pd(p.layanan_pd_id, &p.layanan_pd),
        hulu: p.hulu_us.map_or_else(|| "—".to_owned(), ms),
        ukuran_permintaan: crate::format_id::ukuran(p.ukuran_permintaan),
        ukuran_tanggapan: crate::format_id::ukuran(p.ukuran_tanggapan),
        segmen: p.segmen_nama(),
        jumlah_nik: pertukaran::nik_of(&st.db, p.seq).await?.len(),
        kunci_publik: st.bus.is_some(),
        b,
        p,
    };
    Ok(render(StatusCode::OK, &page))
}
