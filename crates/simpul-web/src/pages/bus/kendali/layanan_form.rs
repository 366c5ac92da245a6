//! Registering and editing a service with its OpenAPI 3 document (multipart, the file
//! in `berkas`). The checks are the API's (`api::bus::isian_dokumen`); refused input
//! re-shows the form with every problem and stores nothing — neither a row nor the
//! document. An edit sends the service back to the Dinas' review.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::berkas::NamaBerkas;
use simpul_domain::bus::openapi::MAKS_UKURAN;
use simpul_domain::bus::{KodeLayanan, Versi};
use simpul_domain::ids::PdId;
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::bus::layanan::{self, Layanan};
use uuid::Uuid;

use super::{api, boleh_kelola, galat, klasifikasi_options, pd_dikelola, pd_options};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;
use crate::upload::{self, UploadError, UploadForm};

/// The form's fields in order, with their labels.
const FIELDS: &[(&str, &str)] = &[
    ("pd", "label-pd"),
    ("kode", "label-kode"),
    ("versi", "bk-label-versi"),
    ("nama", "label-nama"),
    ("deskripsi", "bk-label-deskripsi"),
    ("url_hulu", "bk-label-url-hulu"),
    ("klasifikasi", "bk-label-klasifikasi"),
    ("nik", "bk-label-nik"),
    ("openapi", "bk-label-openapi"),
];

/// What the form shows: the values as entered.
#[derive(Debug, Default, Clone)]
struct Nilai {
    pd: String,
    kode: String,
    versi: String,
    nama: String,
    deskripsi: String,
    url_hulu: String,
    klasifikasi: String,
    nik_query: String,
    nik_request: String,
    nik_response: String,
}

impl Nilai {
    fn of_form(f: &UploadForm) -> Self {
        let t = |k: &str| f.text(k).to_owned();
        Self {
            pd: t("pd"),
            kode: t("kode"),
            versi: t("versi"),
            nama: t("nama"),
            deskripsi: t("deskripsi"),
            url_hulu: t("url_hulu"),
            klasifikasi: t("klasifikasi"),
            nik_query: t("nik_query"),
            nik_request: t("nik_request"),
            nik_response: t("nik_response"),
        }
    }

    fn of_layanan(l: &Layanan) -> Self {
        Self {
            pd: l.pd.to_string(),
            kode: l.kode.clone(),
            versi: l.versi.clone(),
            nama: l.nama.clone(),
            deskripsi: l.deskripsi.clone().unwrap_or_default(),
            url_hulu: l.url_hulu.clone(),
            klasifikasi: l.klasifikasi.code().to_owned(),
            nik_query: l.nik_query.clone(),
            nik_request: l.nik_request.clone(),
            nik_response: l.nik_response.clone(),
        }
    }

    fn input(&self, pd: Option<PdId>) -> api::ServiceInput {
        api::ServiceInput {
            pd,
            kode: self.kode.clone(),
            versi: self.versi.clone(),
            nama: self.nama.clone(),
            deskripsi: self.deskripsi.clone(),
            url_hulu: self.url_hulu.clone(),
            klasifikasi: self.klasifikasi.clone(),
            nik_query: self.nik_query.clone(),
            nik_request: self.nik_request.clone(),
            nik_response: self.nik_response.clone(),
            openapi: None,
        }
    }
}

#[derive(Template)]
#[template(path = "bus_kendali_layanan_form.html")]
struct FormPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    judul: String,
    action: String,
    batal: String,
    /// Editing: PD, code and version are fixed, the document optional.
    ubah: bool,
    /// The service's key `PD/kode/versi` when editing.
    kunci: String,
    /// The current document's name when editing.
    dokumen: String,
    v: Nilai,
    pds: Vec<(String, String)>,
    kelas: Vec<(String, String)>,
    batas: String,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&Layanan>,
    v: Nilai,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let (judul, action, batal, kunci, dokumen) = match editing {
        None => (
            lang.t("bk-layanan-baru-judul"),
            "/bus/layanan/baru".to_owned(),
            "/bus".to_owned(),
            String::new(),
            String::new(),
        ),
        Some(l) => (
            lang.t1("bk-layanan-ubah-judul", "nama", &l.nama),
            format!("/bus/layanan/{}/ubah", l.id),
            format!("/bus/layanan/{}", l.id),
            l.key(),
            l.openapi_nama.clone().unwrap_or_default(),
        ),
    };
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", None),
        tabs: tabs(st, user, "/bus").await,
        judul,
        action,
        batal,
        ubah: editing.is_some(),
        kunci,
        dokumen,
        v,
        pds: pd_options(&pd_dikelola(st, user).await?),
        kelas: klasifikasi_options(lang),
        batas: crate::format_id::ukuran(MAKS_UKURAN as i64),
        errors: FormErrors::from_problems(problems, lang, FIELDS),
    })
}

/// `GET /bus/layanan/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let pds = pd_dikelola(&st, &user).await?;
    if pds.is_empty() {
        return Err(PageError::Forbidden);
    }
    let v = Nilai {
        // One PD to choose from: chosen already.
        pd: match pds.as_slice() {
            [only] => only.id.to_string(),
            _ => String::new(),
        },
        versi: "v1".into(),
        ..Nilai::default()
    };
    let page = form_page(&st, &user, lang, None, v, &FieldProblems::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `GET /bus/layanan/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let l = layanan::get(&st.db, id).await?;
    if !boleh_kelola(&st, &user, l.pd).await? {
        return Err(PageError::Forbidden);
    }
    let none = FieldProblems::default();
    let page = form_page(&st, &user, lang, Some(&l), Nilai::of_layanan(&l), &none).await?;
    Ok(render(StatusCode::OK, &page))
}

/// Read the multipart body; on failure the problem, under `openapi`, and its status.
async fn read(
    mp: Result<Multipart, MultipartRejection>,
    problems: &mut FieldProblems,
) -> Result<UploadForm, StatusCode> {
    upload::read_form(mp).await.map_err(|e| {
        let p = match e {
            UploadError::TooLarge => Masalahs::one(
                "openapi_terlalu_besar",
                "Dokumen OpenAPI paling besar 2 MiB.",
            ),
            UploadError::Unreadable => e.problem(),
        };
        problems.add("openapi", p);
        e.status()
    })
}

/// The uploaded document as (bytes, name to keep), if one was chosen.
fn dokumen(form: &mut UploadForm) -> Option<(Vec<u8>, String)> {
    form.file.take().map(|(name, bytes)| {
        let name = NamaBerkas::parse(&name)
            .map(|n| n.as_str().to_owned())
            .unwrap_or_else(|_| "openapi.json".to_owned());
        (bytes, name)
    })
}

/// The problem of a taken `PD/kode/versi`.
fn duplikat() -> Masalahs {
    Masalahs::one(
        "layanan_sudah_ada",
        "PD ini sudah mendaftarkan layanan dengan kode dan versi yang sama.",
    )
}

/// `POST /bus/layanan/baru` (multipart; `_csrf` in the query).
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let pds = pd_dikelola(&st, &user).await?;
    if pds.is_empty() {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let mut form = match read(mp, &mut problems).await {
        Ok(f) => f,
        Err(status) => {
            let page = form_page(&st, &user, lang, None, Nilai::default(), &problems).await?;
            return Ok(render(status, &page));
        }
    };
    let v = Nilai::of_form(&form);
    let pd = if v.pd.is_empty() {
        problems.add(
            "pd",
            Masalahs::one("wajib_diisi", "Pilih PD pemilik layanan."),
        );
        None
    } else {
        let id: PdId = v.pd.parse().map_err(|_| PageError::Forbidden)?;
        // A PD not offered (another PD's, an archived one) is a forged form.
        if !pds.iter().any(|p| p.id == id) {
            return Err(PageError::Forbidden);
        }
        Some(id)
    };
    let kode = problems.check("kode", KodeLayanan::parse(&v.kode));
    let versi = problems.check("versi", Versi::parse(&v.versi));
    if let (Some(pd), Some(k), Some(ver)) = (pd, &kode, &versi) {
        // Checked before the document is stored, so a duplicate leaves no file behind.
        let taken = layanan::list(&st.db)
            .await?
            .into_iter()
            .any(|l| l.pd == pd && l.kode == k.as_str() && l.versi == ver.as_str());
        if taken {
            problems.add("kode", duplikat());
        }
    }
    let isi = api::isian_dokumen(&st, &mut problems, &v.input(pd), dokumen(&mut form), true)
        .await
        .map_err(galat)?;
    let (Some(pd), Some(kode), Some(versi), Some(isi)) = (pd, kode, versi, isi) else {
        let page = form_page(&st, &user, lang, None, v, &problems).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    match layanan::create(&st.db, &user.actor(), pd, &kode, &versi, &isi).await {
        Ok(l) => Ok(Redirect::to(&format!(
            "/bus/layanan/{}?pesan=bk-layanan-didaftarkan",
            l.id
        ))
        .into_response()),
        Err(StoreError::Conflict(_)) => {
            problems.add("kode", duplikat());
            let page = form_page(&st, &user, lang, None, v, &problems).await?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /bus/layanan/{id}/ubah` (multipart; the document optional).
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let old = layanan::get(&st.db, id).await?;
    if !boleh_kelola(&st, &user, old.pd).await? {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let mut form = match read(mp, &mut problems).await {
        Ok(f) => f,
        Err(status) => {
            let v = Nilai::of_layanan(&old);
            let page = form_page(&st, &user, lang, Some(&old), v, &problems).await?;
            return Ok(render(status, &page));
        }
    };
    // PD, code and version identify the service in the gateway: not editable.
    let v = Nilai {
        pd: old.pd.to_string(),
        kode: old.kode.clone(),
        versi: old.versi.clone(),
        ..Nilai::of_form(&form)
    };
    let isi = api::isian_dokumen(
        &st,
        &mut problems,
        &v.input(None),
        dokumen(&mut form),
        false,
    )
    .await
    .map_err(galat)?;
    let Some(isi) = isi else {
        let page = form_page(&st, &user, lang, Some(&old), v, &problems).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let ke = old.status.setelah_ubah();
    match layanan::update(&st.db, &user.actor(), id, old.status, ke, &isi).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/bus/layanan/{id}?pesan=bk-layanan-diubah")).into_response())
        }
        // Decided by the Dinas meanwhile: show the service as it is now.
        Err(StoreError::Conflict(_)) => Ok(Redirect::to(&format!(
            "/bus/layanan/{id}?pesan=galat-bk-status-berubah"
        ))
        .into_response()),
        Err(e) => Err(e.into()),
    }
}
