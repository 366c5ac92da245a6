//! LAN diagrams per PD per year (000 Pasal 20): which PDs have handed in this year's
//! diagram, each PD's versions over the years, and the upload of a new version. Nothing
//! is replaced: a changed LAN is a new version of the year.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::FieldProblems;
use simpul_domain::berkas::JenisBerkas;
use simpul_domain::ids::{DiagramLanId, PdId};
use simpul_domain::org::PerangkatDaerah;
use simpul_store::diagram_lan::{self, DiagramLan};
use simpul_store::{StoreError, pd};

use crate::auth::{PageUser, User};
use crate::document_input;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

use crate::document_input::FIRST_YEAR;

/// One version, ready to show.
pub struct VersionRow {
    /// Year documented.
    pub tahun: i32,
    /// Version within the year.
    pub versi: i32,
    /// What changed.
    pub catatan: String,
    /// Download link.
    pub href: String,
    /// File name.
    pub nama: String,
    /// Size.
    pub ukuran: String,
    /// When uploaded.
    pub waktu: String,
    /// Uploader's NIP.
    pub oleh: String,
    /// SHA-256, whole and short.
    pub sha: String,
    /// First digits of the SHA-256.
    pub sha_pendek: String,
    /// Whether a browser can show it as a picture.
    pub gambar: bool,
}

fn version_row(d: DiagramLan, offset: time::UtcOffset) -> VersionRow {
    VersionRow {
        tahun: d.tahun,
        versi: d.versi,
        catatan: d.catatan.unwrap_or_default(),
        href: format!("/diagram-lan/berkas/{}", d.id),
        ukuran: crate::format_id::ukuran(d.berkas.ukuran),
        waktu: crate::format_id::waktu_tersimpan(&d.dibuat, offset),
        oleh: d.berkas.diunggah_oleh,
        sha_pendek: d.berkas.sha256.short().to_owned(),
        sha: d.berkas.sha256.to_string(),
        gambar: d.berkas.jenis.is_image(),
        nama: d.berkas.nama,
    }
}

/// The current year in the region's time zone.
fn this_year(st: &AppState) -> i32 {
    st.today().year()
}

/// Query of the overview.
#[derive(Debug, Default, Deserialize)]
pub struct YearQuery {
    #[serde(default)]
    tahun: String,
}

#[derive(Template)]
#[template(path = "lan_overview.html")]
struct OverviewPage {
    ctx: Ctx,
    tahun: i32,
    years: Vec<i32>,
    rows: Vec<(PerangkatDaerah, Option<VersionRow>)>,
    ada: i64,
    jumlah: i64,
    chart: String,
}

/// `GET /diagram-lan?tahun=2026`.
pub async fn overview(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<YearQuery>,
) -> Result<Response, PageError> {
    let now = this_year(&st);
    // An unreadable or out-of-range year shows the current one rather than an error:
    // the page is a report, and the selector offers only valid years.
    let tahun = q
        .tahun
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (FIRST_YEAR..=now).contains(y))
        .unwrap_or(now);
    let pds = pd::list(&st.db, &pd::PdFilter::default()).await?;
    let mut latest = diagram_lan::latest_of_year(&st.db, tahun).await?;
    let rows: Vec<_> = pds
        .into_iter()
        .map(|p| {
            let v = latest
                .iter()
                .position(|d| d.pd == p.id)
                .map(|i| version_row(latest.swap_remove(i), st.cfg.utc_offset));
            (p, v)
        })
        .collect();
    let ada = rows.iter().filter(|(_, v)| v.is_some()).count() as i64;
    let jumlah = rows.len() as i64;
    let chart = crate::chart::donut(
        &lang.t1("lan-grafik-judul", "tahun", &tahun.to_string()),
        &[
            (lang.t("lan-sudah"), ada as f64),
            (lang.t("lan-belum"), (jumlah - ada) as f64),
        ],
    );
    let page = OverviewPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        tahun,
        years: (FIRST_YEAR.max(now - 9)..=now).rev().collect(),
        rows,
        ada,
        jumlah,
        chart,
    };
    Ok(render(StatusCode::OK, &page))
}

#[derive(Template)]
#[template(path = "lan_pd.html")]
struct PdPage {
    ctx: Ctx,
    pd: PerangkatDaerah,
    versions: Vec<VersionRow>,
    boleh_unggah: bool,
    tahun: String,
    catatan: String,
    accept: String,
    errors: FormErrors,
}

async fn pd_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    p: PerangkatDaerah,
    form: &UploadForm,
    problems: &FieldProblems,
    flash: Option<&str>,
) -> Result<PdPage, PageError> {
    let versions = diagram_lan::of_pd(&st.db, p.id)
        .await?
        .into_iter()
        .map(|d| version_row(d, st.cfg.utc_offset))
        .collect();
    let tahun = match form.text("tahun") {
        "" => this_year(st).to_string(),
        t => t.to_owned(),
    };
    Ok(PdPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "arsitektur", flash),
        boleh_unggah: crate::registry_input::can_edit(user, Some(&p)) && !p.diarsipkan,
        pd: p,
        versions,
        tahun,
        catatan: form.text("catatan").to_owned(),
        accept: JenisBerkas::accepted().replace(' ', ""),
        errors: FormErrors::from_problems(
            problems,
            lang,
            &[
                ("tahun", "lan-label-tahun"),
                ("catatan", "lan-label-catatan"),
                ("berkas", "lan-label-berkas"),
            ],
        ),
    })
}

/// `GET /diagram-lan/{pd}`.
pub async fn of_pd(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    let empty = (UploadForm::default(), FieldProblems::default());
    let page = pd_page(&st, &user, lang, p, &empty.0, &empty.1, q.pesan.as_deref()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /diagram-lan/{pd}` (multipart: `tahun`, `catatan`, `berkas`).
pub async fn upload(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    if !crate::registry_input::can_edit(&user, Some(&p)) || p.diarsipkan {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let mut form = match upload::read_form(mp).await {
        Ok(f) => f,
        Err(e) => {
            problems.add(upload::FILE_FIELD, e.problem());
            let empty = UploadForm::default();
            let page = pd_page(&st, &user, lang, p, &empty, &problems, None).await?;
            return Ok(render(e.status(), &page));
        }
    };
    let fields = document_input::lan_fields(&form, this_year(&st), &mut problems);
    let file = upload::accept_file(&st, &mut form, &mut problems).await?;
    let (Some((tahun, catatan)), Some(file)) = (fields, file) else {
        let page = pd_page(&st, &user, lang, p, &form, &problems, None).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    match diagram_lan::add(&st.db, &user.actor(), id, tahun, catatan.as_deref(), &file).await {
        Ok(_) => Ok(Redirect::to(&format!("/diagram-lan/{id}?pesan=lan-diunggah")).into_response()),
        Err(StoreError::MissingReference) => Err(PageError::Forbidden),
        Err(e) => Err(e.into()),
    }
}

/// `GET /diagram-lan/berkas/{id}`: the file; images are shown inline.
pub async fn download(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<DiagramLanId>,
) -> Result<Response, PageError> {
    let d = diagram_lan::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &d.berkas, true).await?)
}
