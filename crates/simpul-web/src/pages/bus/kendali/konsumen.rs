//! Consumers — a PD's application calling services through the bus — and their
//! credentials (API keys, OAuth2 clients). A new credential's secret is shown once, on
//! the page answering the request that issued it, marked `Cache-Control: no-store`;
//! Simpul keeps only its SHA-256, so it can never be shown again.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::ids::PdId;
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::bus::izin;
use simpul_store::bus::konsumen::{self, Konsumen, Kredensial};
use uuid::Uuid;

use super::izin::BarisIzin;
use super::{
    api, boleh_kelola, boleh_tinjau, cocok, galat, no_store, pd_dikelola, pd_options, waktu,
};
use crate::auth::{PageUser, User};
use crate::error::{ErrorCode, PageError};
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// The list's filters.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pd: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    pesan: Option<String>,
}

#[derive(Template)]
#[template(path = "bus_kendali_konsumen_daftar.html")]
struct ListPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    f: Filter,
    pds: Vec<(String, String)>,
    rows: Vec<Konsumen>,
    boleh_daftar: bool,
}

/// `GET /bus/konsumen`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let rows = konsumen::list(&st.db)
        .await?
        .into_iter()
        .filter(|k| {
            (f.pd.is_empty() || k.pd.to_string() == f.pd)
                && cocok(&f.q, &[&k.kode, &k.nama, &k.aplikasi, &k.pd_kode])
        })
        .collect();
    let pds = super::semua_pd(&st).await?;
    let page = ListPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "bus",
            f.pesan.as_deref(),
        ),
        tabs: tabs(&st, &user, "/bus/konsumen").await,
        pds,
        rows,
        boleh_daftar: !pd_dikelola(&st, &user).await?.is_empty(),
        f,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The registration form's values.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct KonsumenForm {
    #[serde(default)]
    pd: String,
    #[serde(default)]
    kode: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    aplikasi: String,
}

const FIELDS: &[(&str, &str)] = &[
    ("pd", "label-pd"),
    ("kode", "label-kode"),
    ("nama", "label-nama"),
    ("aplikasi", "bk-label-aplikasi"),
];

#[derive(Template)]
#[template(path = "bus_kendali_konsumen_form.html")]
struct FormPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    v: KonsumenForm,
    pds: Vec<(String, String)>,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    v: KonsumenForm,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", None),
        tabs: tabs(st, user, "/bus/konsumen").await,
        v,
        pds: pd_options(&pd_dikelola(st, user).await?),
        errors: FormErrors::from_problems(problems, lang, FIELDS),
    })
}

/// `GET /bus/konsumen/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let pds = pd_dikelola(&st, &user).await?;
    let v = KonsumenForm {
        pd: match pds.as_slice() {
            [only] => only.id.to_string(),
            [] => return Err(PageError::Forbidden),
            _ => String::new(),
        },
        ..KonsumenForm::default()
    };
    let page = form_page(&st, &user, lang, v, &FieldProblems::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /bus/konsumen/baru`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(v): Form<KonsumenForm>,
) -> Result<Response, PageError> {
    let pds = pd_dikelola(&st, &user).await?;
    if pds.is_empty() {
        return Err(PageError::Forbidden);
    }
    let mut problems = FieldProblems::default();
    let pd: Option<PdId> = if v.pd.trim().is_empty() {
        problems.add(
            "pd",
            Masalahs::one("wajib_diisi", "Pilih PD pemilik aplikasi."),
        );
        None
    } else {
        let id: PdId = v.pd.trim().parse().map_err(|_| PageError::Forbidden)?;
        if !pds.iter().any(|p| p.id == id) {
            return Err(PageError::Forbidden);
        }
        Some(id)
    };
    let input = api::ConsumerInput {
        pd,
        kode: v.kode.clone(),
        nama: v.nama.clone(),
        aplikasi: v.aplikasi.clone(),
    };
    let checked = api::cek_konsumen(&mut problems, &input);
    let (Some(pd), Some((kode, nama, app))) = (pd, checked) else {
        let page = form_page(&st, &user, lang, v, &problems).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    match konsumen::create(&st.db, &user.actor(), pd, &kode, &nama, &app).await {
        Ok(k) => Ok(Redirect::to(&format!(
            "/bus/konsumen/{}?pesan=bk-konsumen-didaftarkan",
            k.id
        ))
        .into_response()),
        Err(StoreError::Conflict(_)) => {
            let taken = Masalahs::one(
                "konsumen_sudah_ada",
                "Kode konsumen ini sudah dipakai; kode berlaku untuk seluruh daerah.",
            );
            problems.add("kode", taken);
            let page = form_page(&st, &user, lang, v, &problems).await?;
            Ok(render(StatusCode::CONFLICT, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// A credential as a table row.
struct BarisKredensial {
    k: Kredensial,
    dibuat: String,
}

/// A secret just issued: shown on this response only.
struct Terbit {
    jenis: String,
    client_id: String,
    rahasia: String,
}

#[derive(Template)]
#[template(path = "bus_kendali_konsumen.html")]
struct DetailPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    k: Konsumen,
    dibuat: String,
    kredensial: Vec<BarisKredensial>,
    izin: Vec<BarisIzin>,
    terbit: Option<Terbit>,
    boleh_kelola: bool,
    boleh_cabut: bool,
    errors: FormErrors,
}

async fn detail_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    k: Konsumen,
    terbit: Option<Terbit>,
    problems: &FieldProblems,
    flash: Option<&str>,
) -> Result<DetailPage, PageError> {
    let kelola = boleh_kelola(st, user, k.pd).await?;
    let dinas = boleh_tinjau(st, user).await?;
    let kredensial = konsumen::kredensial(&st.db, k.id)
        .await?
        .into_iter()
        .map(|c| BarisKredensial {
            dibuat: waktu(st, &c.dibuat),
            k: c,
        })
        .collect();
    let today = api::hari_ini();
    let izin = izin::list(&st.db)
        .await?
        .iter()
        .filter(|g| g.konsumen == k.id)
        .map(|g| BarisIzin::of(lang, g, today))
        .collect();
    Ok(DetailPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", flash),
        tabs: tabs(st, user, "/bus/konsumen").await,
        dibuat: waktu(st, &k.dibuat),
        kredensial,
        izin,
        terbit,
        boleh_kelola: kelola && !k.dicabut,
        boleh_cabut: (kelola || dinas) && !k.dicabut,
        errors: FormErrors::from_problems(problems, lang, &[("jenis", "bk-label-jenis")]),
        k,
    })
}

/// `GET /bus/konsumen/{id}`: never shows a secret.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let k = konsumen::get(&st.db, id).await?;
    let none = FieldProblems::default();
    let p = detail_page(&st, &user, lang, k, None, &none, f.pesan.as_deref()).await?;
    Ok(render(StatusCode::OK, &p))
}

/// Which credential to issue.
#[derive(Debug, Default, Deserialize)]
pub struct JenisForm {
    #[serde(default)]
    jenis: String,
}

/// `POST /bus/konsumen/{id}/kredensial`: issue a credential and show its secret once.
pub async fn issue(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Form(f): Form<JenisForm>,
) -> Result<Response, PageError> {
    let k = konsumen::get(&st.db, id).await?;
    if !boleh_kelola(&st, &user, k.pd).await? {
        return Err(PageError::Forbidden);
    }
    let issued = match api::issue(&st, &user, &k, &f.jenis).await {
        Ok(i) => i,
        Err(e) if e.error == ErrorCode::ValidationFailed => {
            let p = detail_page(&st, &user, lang, k, None, &e.fields, None).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
        // Revoked meanwhile.
        Err(e) if e.error == ErrorCode::Conflict => {
            let to = format!("/bus/konsumen/{id}?pesan=galat-bk-status-berubah");
            return Ok(Redirect::to(&to).into_response());
        }
        Err(e) => return Err(galat(e)),
    };
    let terbit = Terbit {
        jenis: lang.t(&format!(
            "bk-jenis-{}",
            issued.kredensial.jenis.replace('_', "-")
        )),
        client_id: issued.kredensial.client_id.clone().unwrap_or_default(),
        rahasia: issued.rahasia,
    };
    let k = konsumen::get(&st.db, id).await?;
    let none = FieldProblems::default();
    let p = detail_page(&st, &user, lang, k, Some(terbit), &none, None).await?;
    Ok(no_store(render(StatusCode::OK, &p)))
}

/// `POST /bus/konsumen/{id}/cabut`: the owner or the Dinas revokes the consumer.
pub async fn revoke(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let k = konsumen::get(&st.db, id).await?;
    if !(boleh_kelola(&st, &user, k.pd).await? || boleh_tinjau(&st, &user).await?) {
        return Err(PageError::Forbidden);
    }
    let pesan = match konsumen::cabut(&st.db, &user.actor(), id).await {
        Ok(_) => "bk-konsumen-dicabut",
        Err(StoreError::Conflict(_)) => "galat-bk-status-berubah",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/bus/konsumen/{id}?pesan={pesan}")).into_response())
}

/// `POST /bus/kredensial/{id}/cabut`: the owner or the Dinas revokes one credential.
pub async fn revoke_credential(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let cred = konsumen::kredensial_get(&st.db, id).await?;
    let k = konsumen::get(&st.db, cred.konsumen).await?;
    if !(boleh_kelola(&st, &user, k.pd).await? || boleh_tinjau(&st, &user).await?) {
        return Err(PageError::Forbidden);
    }
    let pesan = match konsumen::cabut_kredensial(&st.db, &user.actor(), id).await {
        Ok(()) => "bk-kredensial-dicabut",
        Err(StoreError::Conflict(_)) => "galat-bk-status-berubah",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/bus/konsumen/{}?pesan={pesan}", k.id)).into_response())
}
