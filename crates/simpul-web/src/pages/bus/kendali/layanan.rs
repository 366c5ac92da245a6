//! A service's page: its entry, status and the history of the Dinas' decisions, the
//! operations of its OpenAPI document, the document's download, the grants on it, and
//! for the Dinas the review (approve, or refuse with a note: 000 Pasal 22(4)(c)) and
//! switching it off and on.

use askama::Template;
use axum::Form;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::FieldProblems;
use simpul_domain::berkas::Sha256;
use simpul_domain::bus::StatusLayanan;
use simpul_store::StoreError;
use simpul_store::bus::layanan::{self, Layanan};
use simpul_store::bus::{izin, tinjauan};
use uuid::Uuid;

use super::izin::BarisIzin;
use super::operasi::{self, NamaNik, Tampilan};
use super::{api, boleh_kelola, boleh_tinjau, klasifikasi, status_layanan, waktu};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// Fields of the decision form, with their labels.
pub const PUTUSAN_FIELDS: &[(&str, &str)] = &[
    ("putusan", "bk-label-putusan"),
    ("catatan", "bk-label-catatan"),
    ("berlaku_sampai", "bk-label-berlaku-sampai"),
];

/// A decision as listed.
pub struct BarisTinjauan {
    /// When, Indonesian format.
    pub pada: String,
    /// The decision, translated.
    pub putusan: String,
    /// Why, or empty.
    pub catatan: String,
    /// NIP of the decider.
    pub oleh: String,
}

/// The decisions on one service or grant, newest first.
pub async fn riwayat(
    st: &AppState,
    lang: Lang,
    objek: &str,
    id: Uuid,
) -> Result<Vec<BarisTinjauan>, PageError> {
    Ok(tinjauan::of(&st.db, objek, id)
        .await?
        .into_iter()
        .map(|t| BarisTinjauan {
            pada: waktu(st, &t.pada),
            putusan: lang.t(&format!("bk-putusan-{}", t.putusan)),
            catatan: t.catatan.unwrap_or_default(),
            oleh: t.oleh,
        })
        .collect())
}

#[derive(Template)]
#[template(path = "bus_kendali_layanan.html")]
struct Page {
    ctx: Ctx,
    tabs: Vec<Tab>,
    l: Layanan,
    kunci: String,
    /// Where the decision forms post.
    aksi: String,
    status: (String, &'static str),
    klasifikasi: (String, &'static str),
    dibuat: String,
    diubah: String,
    sha_pendek: String,
    dokumen: Option<Tampilan>,
    riwayat: Vec<BarisTinjauan>,
    izin: Vec<BarisIzin>,
    boleh_ubah: bool,
    boleh_tinjau: bool,
    usulan: bool,
    aktif: bool,
    nonaktif: bool,
    catatan: String,
    errors: FormErrors,
}

/// The OpenAPI document's bytes, if it has one and it can be read.
async fn dokumen_bytes(st: &AppState, l: &Layanan) -> Option<Vec<u8>> {
    let sha = Sha256::parse(l.openapi_sha256.as_deref()?).ok()?;
    match st.blobs.read(&sha).await {
        Ok(b) => Some(b),
        Err(e) => {
            tracing::warn!(error = %e, layanan = %l.key(), "dokumen OpenAPI tidak terbaca");
            None
        }
    }
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    l: Layanan,
    problems: &FieldProblems,
    catatan: String,
    flash: Option<&str>,
) -> Result<Page, PageError> {
    let nik = NamaNik::of(&l.nik_query, &l.nik_request, &l.nik_response);
    let dokumen = dokumen_bytes(st, &l)
        .await
        .and_then(|b| operasi::baca(&b, &nik));
    let today = api::hari_ini();
    let izin = izin::list(&st.db)
        .await?
        .iter()
        .filter(|g| g.layanan == l.id)
        .map(|g| BarisIzin::of(lang, g, today))
        .collect();
    Ok(Page {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", flash),
        tabs: tabs(st, user, "/bus").await,
        kunci: l.key(),
        aksi: format!("/bus/layanan/{}/putusan", l.id),
        status: status_layanan(lang, l.status),
        klasifikasi: klasifikasi(lang, l.klasifikasi),
        dibuat: waktu(st, &l.dibuat),
        diubah: waktu(st, &l.diubah),
        sha_pendek: l
            .openapi_sha256
            .as_deref()
            .map(|s| s.chars().take(12).collect())
            .unwrap_or_default(),
        dokumen,
        riwayat: riwayat(st, lang, "layanan", l.id).await?,
        izin,
        boleh_ubah: boleh_kelola(st, user, l.pd).await?,
        boleh_tinjau: boleh_tinjau(st, user).await?,
        usulan: l.status == StatusLayanan::Usulan,
        aktif: l.status == StatusLayanan::Aktif,
        nonaktif: l.status == StatusLayanan::Nonaktif,
        catatan,
        errors: FormErrors::from_problems(problems, lang, PUTUSAN_FIELDS),
        l,
    })
}

/// `GET /bus/layanan/{id}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let l = layanan::get(&st.db, id).await?;
    let none = FieldProblems::default();
    let p = page(
        &st,
        &user,
        lang,
        l,
        &none,
        String::new(),
        q.pesan.as_deref(),
    )
    .await?;
    Ok(render(StatusCode::OK, &p))
}

/// `GET /bus/layanan/{id}/openapi.json`: the document as uploaded.
pub async fn download(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let l = layanan::get(&st.db, id).await?;
    let bytes = dokumen_bytes(&st, &l).await.ok_or(PageError::NotFound)?;
    // The download is named after the service, not the uploaded file, so two versions
    // saved side by side do not overwrite each other.
    let name = format!("{}-{}-{}.openapi.json", l.pd_kode, l.kode, l.versi)
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect::<String>();
    let mut resp = (StatusCode::OK, Body::from(bytes)).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    if let Some(v) = l
        .openapi_sha256
        .as_deref()
        .and_then(|s| HeaderValue::from_str(s).ok())
    {
        h.insert("x-simpul-sha256", v);
    }
    Ok(resp)
}

/// A decision form: what, why, and where it was sent from.
#[derive(Debug, Default, Deserialize)]
pub struct PutusanForm {
    /// `setujui`, `tolak`, `nonaktifkan`, `aktifkan`, (grants) `cabut`.
    #[serde(default)]
    pub putusan: String,
    /// The note (required to refuse).
    #[serde(default)]
    pub catatan: String,
    /// `tinjauan` when sent from the review queue, `izin` from the grants' list.
    #[serde(default)]
    pub dari: String,
}

impl PutusanForm {
    /// As the API's decision.
    pub fn decision(&self) -> api::Decision {
        api::Decision {
            putusan: self.putusan.clone(),
            catatan: self.catatan.clone(),
        }
    }
}

/// `POST /bus/layanan/{id}/putusan`: the Dinas decides.
pub async fn decide(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Form(f): Form<PutusanForm>,
) -> Result<Response, PageError> {
    if !boleh_tinjau(&st, &user).await? {
        return Err(PageError::Forbidden);
    }
    let old = layanan::get(&st.db, id).await?;
    let d = f.decision();
    let ke = match api::service_transition(old.status, &d) {
        Ok(ke) => ke,
        Err(e) => {
            if f.dari == "tinjauan" {
                return super::tinjauan::with_errors(&st, &user, lang, id, &e.fields, &f).await;
            }
            let p = page(&st, &user, lang, old, &e.fields, f.catatan.clone(), None).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
    };
    let back = if f.dari == "tinjauan" {
        "/bus/tinjauan".to_owned()
    } else {
        format!("/bus/layanan/{id}")
    };
    let note = api::catatan(&d);
    match layanan::putuskan(
        &st.db,
        &user.actor(),
        id,
        old.status,
        ke,
        d.putusan.trim(),
        note,
    )
    .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("{back}?pesan=bk-diputuskan-{}", d.putusan.trim()))
                .into_response(),
        ),
        // Someone else decided first.
        Err(StoreError::Conflict(_)) => {
            Ok(Redirect::to(&format!("{back}?pesan=galat-bk-status-berubah")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
