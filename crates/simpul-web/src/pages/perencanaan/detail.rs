//! A planning document's page: its period and decree, every version of its file, its
//! reviews with the form that records one (multipart, the report file optional), and
//! the downloads.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::FieldProblems;
use simpul_domain::access::{Action, Target};
use simpul_domain::berkas::JenisBerkas;
use simpul_domain::ids::{DokumenPerencanaanId, ReviuPerencanaanId, VersiDokumenId};
use simpul_domain::plan::DokumenPerencanaan;
use simpul_store::audit::{self, AuditFilter};
use simpul_store::berkas::Berkas;
use simpul_store::perencanaan::{self, reviu, versi};

use super::DocView;
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::planning_input::{self, may_manage};
use crate::state::AppState;
use crate::upload::{self, UploadForm};

/// A stored file as a table cell.
pub struct FileCell {
    /// Download link.
    pub href: String,
    /// Name.
    pub nama: String,
    /// Size, Indonesian format.
    pub ukuran: String,
    /// When uploaded.
    pub waktu: String,
    /// Uploader's NIP.
    pub oleh: String,
    /// First digits of the SHA-256.
    pub sha_pendek: String,
    /// The whole SHA-256.
    pub sha: String,
}

impl FileCell {
    fn of(st: &AppState, href: String, b: Berkas) -> Self {
        Self {
            href,
            ukuran: crate::format_id::ukuran(b.ukuran),
            waktu: crate::format_id::waktu_tersimpan(&b.diunggah, st.cfg.utc_offset),
            oleh: b.diunggah_oleh,
            sha_pendek: b.sha256.short().to_owned(),
            sha: b.sha256.to_string(),
            nama: b.nama,
        }
    }
}

/// A review as listed.
pub struct ReviewRow {
    /// Date of the review, Indonesian format.
    pub tanggal: String,
    /// Findings.
    pub ringkasan: String,
    /// Who recorded it.
    pub oleh: String,
    /// The report, if handed in.
    pub berkas: Option<FileCell>,
}

/// The reviews of a document, latest first, ready to show.
pub async fn review_rows(
    st: &AppState,
    id: DokumenPerencanaanId,
) -> Result<Vec<ReviewRow>, PageError> {
    Ok(reviu::of_dokumen(&st.db, id)
        .await?
        .into_iter()
        .map(|r| ReviewRow {
            tanggal: crate::format_id::tanggal(r.reviu.tanggal),
            ringkasan: r.reviu.ringkasan,
            oleh: r.reviu.dicatat_oleh,
            berkas: r.berkas.map(|b| {
                let href = format!("/perencanaan/reviu/{}/berkas", r.reviu.id);
                FileCell::of(st, href, b)
            }),
        })
        .collect())
}

#[derive(Template)]
#[template(path = "perencanaan_detail.html")]
struct DetailPage {
    ctx: Ctx,
    id: DokumenPerencanaanId,
    d: DocView,
    dibuat: String,
    diubah: String,
    versi: Vec<(i32, String, FileCell)>,
    reviu: Vec<ReviewRow>,
    boleh_ubah: bool,
    tanggal: String,
    ringkasan: String,
    accept: String,
    errors: FormErrors,
    riwayat: Option<Vec<crate::pages::audit::Row>>,
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    d: DokumenPerencanaan,
    form: &UploadForm,
    problems: &FieldProblems,
    flash: Option<&str>,
) -> Result<DetailPage, PageError> {
    let versions = versi::of_dokumen(&st.db, d.id)
        .await?
        .into_iter()
        .map(|v| {
            let href = format!("/perencanaan/berkas/{}", v.id);
            (
                v.versi,
                v.catatan.unwrap_or_default(),
                FileCell::of(st, href, v.berkas),
            )
        })
        .collect();
    // The documents belong to the region, so their history is for region-wide readers.
    let riwayat = if user.can(Action::LihatJejakAudit, Target::Region) {
        let filter = AuditFilter {
            entity: Some("perencanaan".into()),
            entity_id: Some(d.id.to_string()),
            ..AuditFilter::default()
        };
        let entries = audit::list(&st.db, &filter, 10, 0).await?.entries;
        Some(crate::pages::audit::rows(entries, lang, st.cfg.utc_offset))
    } else {
        None
    };
    let offset = st.cfg.utc_offset;
    Ok(DetailPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "perencanaan", flash),
        id: d.id,
        dibuat: crate::format_id::waktu_tersimpan(&d.dibuat, offset),
        diubah: crate::format_id::waktu_tersimpan(&d.diubah, offset),
        d: DocView::of(lang, &d),
        versi: versions,
        reviu: review_rows(st, d.id).await?,
        boleh_ubah: may_manage(st, user).await?,
        tanggal: form.text("tanggal").to_owned(),
        ringkasan: form.text("ringkasan").to_owned(),
        accept: JenisBerkas::accepted().replace(' ', ""),
        errors: FormErrors::from_problems(
            problems,
            lang,
            &[
                ("tanggal", "perencanaan-reviu-tanggal"),
                ("ringkasan", "perencanaan-reviu-ringkasan"),
                ("berkas", "perencanaan-reviu-berkas"),
            ],
        ),
        riwayat,
    })
}

/// `GET /perencanaan/{id}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<DokumenPerencanaanId>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let d = perencanaan::get(&st.db, id).await?;
    let (form, none) = (UploadForm::default(), FieldProblems::default());
    let p = page(&st, &user, lang, d, &form, &none, q.pesan.as_deref()).await?;
    Ok(render(StatusCode::OK, &p))
}

/// `POST /perencanaan/{id}/reviu` (multipart: `tanggal`, `ringkasan`, optional `berkas`).
pub async fn add_review(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<DokumenPerencanaanId>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let d = perencanaan::get(&st.db, id).await?;
    if !may_manage(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let mut form = match upload::read_form(mp).await {
        Ok(f) => f,
        Err(e) => {
            problems.add(upload::FILE_FIELD, e.problem());
            let empty = UploadForm::default();
            let p = page(&st, &user, lang, d, &empty, &problems, None).await?;
            return Ok(render(e.status(), &p));
        }
    };
    let new = planning_input::reviu_fields(&form, planning_input::today(&st), &mut problems);
    let file = upload::accept_optional_file(&st, &mut form, &mut problems).await?;
    let Some(new) = new.filter(|_| problems.is_empty()) else {
        let p = page(&st, &user, lang, d, &form, &problems, None).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
    };
    reviu::add(&st.db, &user.actor(), id, &new, file.as_ref()).await?;
    Ok(Redirect::to(&format!(
        "/perencanaan/{id}?pesan=perencanaan-reviu-dicatat#reviu"
    ))
    .into_response())
}

/// `GET /perencanaan/berkas/{id}`: one version of a document's file.
pub async fn download_version(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<VersiDokumenId>,
) -> Result<Response, PageError> {
    let v = versi::get(&st.db, id).await?;
    Ok(upload::file_response(&st, &v.berkas, true).await?)
}

/// `GET /perencanaan/reviu/{id}/berkas`: a review's report; 404 when none was handed in.
pub async fn download_review(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<ReviuPerencanaanId>,
) -> Result<Response, PageError> {
    let r = reviu::get(&st.db, id).await?;
    let b = r.berkas.ok_or(PageError::NotFound)?;
    Ok(upload::file_response(&st, &b, true).await?)
}
