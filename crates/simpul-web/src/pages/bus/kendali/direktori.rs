//! `GET /bus`: the directory of every PD's services, filtered by PD, status,
//! classification and text, with the button to register one for users who manage some
//! PD's bus entries.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::bus::StatusLayanan;
use simpul_store::bus::layanan::{self, Layanan};

use super::{cocok, klasifikasi, klasifikasi_options, pd_dikelola, status_layanan};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// A service as a table row (also used by the review queue).
pub struct Baris {
    /// Link to its page.
    pub href: String,
    /// Owning PD's code.
    pub pd_kode: String,
    /// Owning PD's name.
    pub pd_nama: String,
    /// Service code.
    pub kode: String,
    /// Version.
    pub versi: String,
    /// Display name.
    pub nama: String,
    /// Classification, translated, and its badge class.
    pub klasifikasi: (String, &'static str),
    /// Status, translated, and its badge class.
    pub status: (String, &'static str),
    /// Declares NIK-carrying fields.
    pub nik: bool,
    /// Last changed, Indonesian format.
    pub diubah: String,
}

impl Baris {
    /// Prepare `l` for a table.
    pub fn of(st: &AppState, lang: Lang, l: &Layanan) -> Self {
        Self {
            href: format!("/bus/layanan/{}", l.id),
            pd_kode: l.pd_kode.clone(),
            pd_nama: l.pd_nama.clone(),
            kode: l.kode.clone(),
            versi: l.versi.clone(),
            nama: l.nama.clone(),
            klasifikasi: klasifikasi(lang, l.klasifikasi),
            status: status_layanan(lang, l.status),
            nik: !(l.nik_query.is_empty() && l.nik_request.is_empty() && l.nik_response.is_empty()),
            diubah: super::waktu(st, &l.diubah),
        }
    }
}

/// The directory's filters.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pd: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    klasifikasi: String,
    #[serde(default)]
    q: String,
    /// A flash message key.
    #[serde(default)]
    pesan: Option<String>,
}

impl Filter {
    fn keeps(&self, l: &Layanan) -> bool {
        (self.pd.is_empty() || l.pd.to_string() == self.pd)
            && (self.status.is_empty() || l.status.code() == self.status)
            && (self.klasifikasi.is_empty() || l.klasifikasi.code() == self.klasifikasi)
            && cocok(
                &self.q,
                &[
                    &l.kode,
                    &l.nama,
                    l.deskripsi.as_deref().unwrap_or(""),
                    &l.pd_kode,
                    &l.pd_nama,
                ],
            )
    }
}

#[derive(Template)]
#[template(path = "bus_kendali_direktori.html")]
struct Page {
    ctx: Ctx,
    tabs: Vec<Tab>,
    f: Filter,
    pds: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    kelas: Vec<(String, String)>,
    rows: Vec<Baris>,
    total: i64,
    boleh_daftar: bool,
}

/// `GET /bus`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(f): Query<Filter>,
) -> Result<Response, PageError> {
    let all = layanan::list(&st.db).await?;
    let total = all.len() as i64;
    let rows = all
        .iter()
        .filter(|l| f.keeps(l))
        .map(|l| Baris::of(&st, lang, l))
        .collect();
    let pds = super::semua_pd(&st).await?;
    let page = Page {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "bus",
            f.pesan.as_deref(),
        ),
        tabs: tabs(&st, &user, "/bus").await,
        pds,
        statuses: StatusLayanan::ALL
            .into_iter()
            .map(|s| (s.code().to_owned(), status_layanan(lang, s).0))
            .collect(),
        kelas: klasifikasi_options(lang),
        rows,
        total,
        boleh_daftar: !pd_dikelola(&st, &user).await?.is_empty(),
        f,
    };
    Ok(render(StatusCode::OK, &page))
}
