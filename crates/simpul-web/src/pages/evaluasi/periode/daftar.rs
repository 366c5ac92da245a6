//! `/evaluasi`: every evaluation period with its index so far and progress, the links to
//! the calculator, the models and the dashboard, and the coordinator's form that opens a
//! period (year and model).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_store::evaluasi::periode;

use super::aksi;
use super::data::{Ringkas, ringkas};
use super::tampil::{Galat, badge_periode, label_periode};
use super::tolak::{Tolak, ke_halaman};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// A period as listed.
pub struct Baris {
    /// Link to the period.
    pub href: String,
    /// Year.
    pub tahun: i32,
    /// Model name and code.
    pub model: String,
    /// Status label and badge.
    pub status: String,
    /// Badge class.
    pub badge: &'static str,
    /// Index, Indonesian (`3,22`).
    pub indeks: String,
    /// Predicate.
    pub predikat: String,
    /// Whether the index is final.
    pub akhir: bool,
    /// Target, Indonesian, or empty.
    pub target: String,
    /// "n / N" indicators consolidated.
    pub konsolidasi: String,
    /// "n / N" evidence reviewed.
    pub dinilai: String,
}

#[derive(Template)]
#[template(path = "evaluasi_periode_daftar.html")]
struct DaftarPage {
    ctx: Ctx,
    baris: Vec<Baris>,
    boleh_buka: bool,
    /// (code, "name (years)") of each model.
    model: Vec<(String, String)>,
    tahun: String,
    pilihan: String,
    errors: FormErrors,
}

fn baris(lang: Lang, r: &Ringkas) -> Baris {
    let k = r.kemajuan;
    let koma = |s: &str| s.replace('.', ",");
    Baris {
        href: format!("/evaluasi/periode/{}", r.id),
        tahun: r.tahun,
        model: format!("{} ({})", r.nama_model, r.model),
        status: label_periode(lang, r.status),
        badge: badge_periode(r.status),
        indeks: koma(&r.indeks.nilai),
        predikat: r.indeks.predikat.clone(),
        akhir: r.indeks.akhir,
        target: r.target.as_deref().map(koma).unwrap_or_default(),
        konsolidasi: format!("{} / {}", k.dikonsolidasi, k.indikator),
        dinilai: format!("{} / {}", k.dinilai, k.bukti),
    }
}

/// Every period, summarised (a period whose model is no longer shipped is left out).
pub async fn semua(st: &AppState) -> Result<Vec<Ringkas>, simpul_store::StoreError> {
    let mut out = Vec::new();
    for p in periode::list(&st.db).await? {
        if let Some(r) = ringkas(st, &p).await? {
            out.push(r);
        }
    }
    Ok(out)
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    flash: Option<&str>,
    isian: (&str, &str),
    galat: Galat,
) -> Result<Response, PageError> {
    let baris = semua(st).await?.iter().map(|r| baris(lang, r)).collect();
    let model = st
        .evaluasi
        .all()
        .iter()
        .map(|m| {
            let tahun = match m.tahun_akhir() {
                Some(a) => format!("{}–{a}", m.tahun_mulai()),
                None => format!("{}–", m.tahun_mulai()),
            };
            (m.kode().to_owned(), format!("{} ({tahun})", m.nama()))
        })
        .collect();
    let p = DaftarPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "evaluasi", flash),
        baris,
        boleh_buka: user.can(Action::KelolaEvaluasi, Target::Region),
        model,
        tahun: isian.0.to_owned(),
        pilihan: isian.1.to_owned(),
        errors: galat.errors,
    };
    Ok(render(galat.status, &p))
}

/// `GET /evaluasi`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let tahun = st.today().year().to_string();
    page(
        &st,
        &user,
        lang,
        q.pesan.as_deref(),
        (&tahun, ""),
        Galat::tidak_ada(),
    )
    .await
}

/// The form that opens a period.
#[derive(Debug, Deserialize)]
pub struct BukaForm {
    #[serde(default)]
    tahun: String,
    #[serde(default)]
    model: String,
}

/// `POST /evaluasi`: open a period; its page on success.
pub async fn buka(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(f): Form<BukaForm>,
) -> Result<Response, PageError> {
    match aksi::buka(&st, &user, &f.tahun, &f.model).await {
        Ok(p) => {
            let to = format!("/evaluasi/periode/{}?pesan=evp-dibuka", p.id);
            Ok(Redirect::to(&to).into_response())
        }
        Err(t @ (Tolak::TidakAda | Tolak::Store(_))) => Err(ke_halaman(t)),
        Err(t) => {
            let galat = Galat::dari(&t, lang);
            page(&st, &user, lang, None, (&f.tahun, &f.model), galat).await
        }
    }
}
