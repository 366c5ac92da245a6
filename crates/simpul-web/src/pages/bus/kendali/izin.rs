//! Grants: a consumer may call a service for a purpose, on a legal basis, until a last
//! day — once the Dinas approved the request from its queue. The list with filters,
//! the request form (the consumer's PD admin) and the decisions (review by the Dinas,
//! revocation by the Dinas or the consumer's PD).

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::bus::StatusIzin;
use simpul_domain::ids::PdId;
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::bus::izin::{self, Izin};
use simpul_store::bus::{konsumen, layanan};
use time::Date;
use uuid::Uuid;

use super::layanan::PutusanForm;
use super::{
    api, boleh_kelola, boleh_tinjau, cocok, galat, pd_dikelola, status_izin, status_izin_options,
};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// A grant as a table row.
pub struct BarisIzin {
    /// Id.
    pub id: Uuid,
    /// Consumer code.
    pub konsumen: String,
    /// Link to the consumer.
    pub konsumen_href: String,
    /// Service key `PD/kode/versi`.
    pub layanan: String,
    /// Link to the service.
    pub layanan_href: String,
    /// Purpose.
    pub tujuan: String,
    /// Legal basis.
    pub dasar_hukum: String,
    /// Last valid day, Indonesian format.
    pub sampai: String,
    /// Status in effect, translated, and its badge class.
    pub status: (String, &'static str),
    /// Status in effect, as code.
    pub efektif: &'static str,
    /// Requester's NIP.
    pub oleh: String,
    /// May the user revoke it (set by the list page)?
    pub boleh_cabut: bool,
}

impl BarisIzin {
    /// Prepare `g` for a table, its status as in effect on `today`.
    pub fn of(lang: Lang, g: &Izin, today: Date) -> Self {
        let efektif = g.status.efektif(g.berlaku_sampai, today);
        Self {
            id: g.id,
            konsumen: g.konsumen_kode.clone(),
            konsumen_href: format!("/bus/konsumen/{}", g.konsumen),
            layanan: g.layanan_key.clone(),
            layanan_href: format!("/bus/layanan/{}", g.layanan),
            tujuan: g.tujuan.clone(),
            dasar_hukum: g.dasar_hukum.clone(),
            sampai: crate::format_id::tanggal(g.berlaku_sampai),
            status: status_izin(lang, efektif),
            efektif,
            oleh: g.diminta_oleh.clone(),
            boleh_cabut: false,
        }
    }
}

/// The list's filters.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    status: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    pesan: Option<String>,
}

#[derive(Template)]
#[template(path = "bus_kendali_izin_daftar.html")]
struct ListPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    f: Filter,
    statuses: Vec<(String, String)>,
    pds: Vec<(String, String)>,
    rows: Vec<BarisIzin>,
    boleh_minta: bool,
}

/// May `user` revoke grants of consumers of each PD? Asked once per PD.
async fn pencabut(
    st: &AppState,
    user: &User,
    grants: &[Izin],
) -> Result<HashMap<PdId, bool>, PageError> {
    let dinas = boleh_tinjau(st, user).await?;
    let mut out = HashMap::new();
    for g in grants {
        if let std::collections::hash_map::Entry::Vacant(e) = out.entry(g.konsumen_pd) {
            e.insert(dinas || boleh_kelola(st, user, g.konsumen_pd).await?);
        }
    }
    Ok(out)
}

/// `GET /bus/izin`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let all = izin::list(&st.db).await?;
    let today = api::hari_ini();
    let may = pencabut(&st, &user, &all).await?;
    let rows = all
        .iter()
        .filter(|g| {
            (f.pd.is_empty()
                || g.konsumen_pd.to_string() == f.pd
                || g.layanan_pd.to_string() == f.pd)
                && cocok(
                    &f.q,
                    &[&g.konsumen_kode, &g.layanan_key, &g.tujuan, &g.dasar_hukum],
                )
        })
        .map(|g| {
            let mut r = BarisIzin::of(lang, g, today);
            r.boleh_cabut = matches!(g.status, StatusIzin::Usulan | StatusIzin::Aktif)
                && may.get(&g.konsumen_pd).copied().unwrap_or(false);
            r
        })
        .filter(|r| f.status.is_empty() || r.efektif == f.status)
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
        tabs: tabs(&st, &user, "/bus/izin").await,
        statuses: status_izin_options(lang),
        pds,
        rows,
        boleh_minta: !pd_dikelola(&st, &user).await?.is_empty(),
        f,
    };
    Ok(render(StatusCode::OK, &page))
}

/// The request form's values.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct IzinForm {
    #[serde(default)]
    konsumen: String,
    #[serde(default)]
    layanan: String,
    #[serde(default)]
    tujuan: String,
    #[serde(default)]
    dasar_hukum: String,
    #[serde(default)]
    berlaku_sampai: String,
}

const FIELDS: &[(&str, &str)] = &[
    ("konsumen", "bk-label-konsumen"),
    ("layanan", "bk-label-layanan"),
    ("tujuan", "bk-label-tujuan"),
    ("dasar_hukum", "bk-label-dasar-hukum"),
    ("berlaku_sampai", "bk-label-berlaku-sampai"),
];

#[derive(Template)]
#[template(path = "bus_kendali_izin_form.html")]
struct FormPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    v: IzinForm,
    konsumen: Vec<(String, String)>,
    layanan: Vec<(String, String)>,
    errors: FormErrors,
}

async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    v: IzinForm,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let mine: Vec<PdId> = pd_dikelola(st, user).await?.iter().map(|p| p.id).collect();
    let konsumen = konsumen::list(&st.db)
        .await?
        .into_iter()
        .filter(|k| !k.dicabut && mine.contains(&k.pd))
        .map(|k| (k.id.to_string(), format!("{} — {}", k.kode, k.nama)))
        .collect();
    let layanan = layanan::list(&st.db)
        .await?
        .into_iter()
        .map(|l| {
            let status = super::status_layanan(lang, l.status).0;
            (
                l.id.to_string(),
                format!("{} — {} ({status})", l.key(), l.nama),
            )
        })
        .collect();
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", None),
        tabs: tabs(st, user, "/bus/izin").await,
        v,
        konsumen,
        layanan,
        errors: FormErrors::from_problems(problems, lang, FIELDS),
    })
}

/// `GET /bus/izin/baru?konsumen=…&layanan=…` (both optional, preselected).
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(v): Query<IzinForm>,
) -> Result<Response, PageError> {
    if pd_dikelola(&st, &user).await?.is_empty() {
        return Err(PageError::Forbidden);
    }
    let page = form_page(&st, &user, lang, v, &FieldProblems::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /bus/izin/baru`: the consumer's PD admin asks; the Dinas decides later.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(v): Form<IzinForm>,
) -> Result<Response, PageError> {
    if pd_dikelola(&st, &user).await?.is_empty() {
        return Err(PageError::Forbidden);
    }
    let input = api::GrantInput {
        konsumen: v.konsumen.trim().parse().ok(),
        layanan: v.layanan.trim().parse().ok(),
        tujuan: v.tujuan.clone(),
        dasar_hukum: v.dasar_hukum.clone(),
        berlaku_sampai: v.berlaku_sampai.clone(),
    };
    let mut problems = FieldProblems::default();
    let checked = api::cek_izin(&mut problems, &input);
    let unknown = |what: &str| Masalahs::one("tidak_dikenal", format!("{what} tidak dikenal."));
    let Some(p) = checked else {
        let page = form_page(&st, &user, lang, v, &problems).await?;
        return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let k = match konsumen::get(&st.db, p.konsumen).await {
        Ok(k) => k,
        Err(StoreError::NotFound) => {
            problems.add("konsumen", unknown("Konsumen"));
            let page = form_page(&st, &user, lang, v, &problems).await?;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
        Err(e) => return Err(e.into()),
    };
    if !boleh_kelola(&st, &user, k.pd).await? {
        return Err(PageError::Forbidden);
    }
    let actor = user.actor();
    let (tujuan, dasar) = (&p.tujuan, &p.dasar_hukum);
    match izin::minta(
        &st.db,
        &actor,
        k.id,
        p.layanan,
        tujuan,
        dasar,
        p.berlaku_sampai,
    )
    .await
    {
        Ok(_) => Ok(Redirect::to("/bus/izin?pesan=bk-izin-diminta").into_response()),
        Err(StoreError::MissingReference) => {
            problems.add("layanan", unknown("Layanan"));
            let page = form_page(&st, &user, lang, v, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(e.into()),
    }
}

/// Where a decision sent from `dari` returns to.
fn kembali(dari: &str, g: &Izin) -> String {
    match dari {
        "tinjauan" => "/bus/tinjauan".to_owned(),
        "layanan" => format!("/bus/layanan/{}", g.layanan),
        "konsumen" => format!("/bus/konsumen/{}", g.konsumen),
        _ => "/bus/izin".to_owned(),
    }
}

/// `POST /bus/izin/{id}/putusan`: the Dinas reviews or revokes; the consumer's PD may
/// revoke its own grant.
pub async fn decide(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<Uuid>,
    Form(f): Form<PutusanForm>,
) -> Result<Response, PageError> {
    let g = izin::get(&st.db, id).await?;
    let dinas = boleh_tinjau(&st, &user).await?;
    let d = f.decision();
    let boleh = if d.putusan.trim() == "cabut" {
        dinas || boleh_kelola(&st, &user, g.konsumen_pd).await?
    } else {
        dinas
    };
    if !boleh {
        return Err(PageError::Forbidden);
    }
    let back = kembali(&f.dari, &g);
    let ke = match api::grant_transition(&g, &d) {
        Ok(ke) => ke,
        Err(e) if f.dari == "tinjauan" => {
            return super::tinjauan::with_errors(&st, &user, lang, id, &e.fields, &f).await;
        }
        Err(e) if e.error == crate::error::ErrorCode::ValidationFailed => {
            return Ok(Redirect::to(&format!("{back}?pesan=galat-bk-tidak-dapat")).into_response());
        }
        Err(e) => return Err(galat(e)),
    };
    let note = api::catatan(&d);
    match izin::putuskan(
        &st.db,
        &user.actor(),
        id,
        g.status,
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
        Err(StoreError::Conflict(_)) => {
            Ok(Redirect::to(&format!("{back}?pesan=galat-bk-status-berubah")).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
