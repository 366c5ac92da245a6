//! `/perencanaan`: which of the expected planning documents the region has — the three
//! plans and the ten internal policies of 001 Lampiran A-J — with the one in force (or
//! else the latest recorded) for each, and every document recorded.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::plan::{DokumenPerencanaan, JenisDokumenPerencanaan, berlaku};
use simpul_store::perencanaan;

use super::{DocView, jenis_label};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, region_name, render};
use crate::planning_input::may_manage;
use crate::state::AppState;

/// One expected document on the checklist.
pub struct CheckRow {
    /// Kind code (for the "record it" link).
    pub kode: &'static str,
    /// Letter in 001 Lampiran, for the policies.
    pub huruf: String,
    /// Kind, translated.
    pub label: String,
    /// The document in force, else the latest recorded of this kind.
    pub doc: Option<DocView>,
}

fn check_rows(
    lang: Lang,
    docs: &[DokumenPerencanaan],
    kinds: impl Iterator<Item = JenisDokumenPerencanaan>,
) -> Vec<CheckRow> {
    kinds
        .map(|j| {
            // `docs` is sorted latest first within a kind, so the first is the latest.
            let shown = berlaku(docs, j).or_else(|| docs.iter().find(|d| d.jenis == j));
            CheckRow {
                kode: j.code(),
                huruf: j
                    .kebijakan()
                    .map(|k| k.huruf().to_string())
                    .unwrap_or_default(),
                label: jenis_label(lang, j),
                doc: shown.map(|d| DocView::of(lang, d)),
            }
        })
        .collect()
}

/// One group of the checklist.
pub struct Section {
    /// Heading.
    pub judul: String,
    /// A one-line count, or empty.
    pub ringkasan: String,
    /// Whether the rows carry a Lampiran letter.
    pub huruf: bool,
    /// The expected documents.
    pub rows: Vec<CheckRow>,
}

#[derive(Template)]
#[template(path = "perencanaan_list.html")]
struct ListPage {
    ctx: Ctx,
    sections: Vec<Section>,
    semua: Vec<DocView>,
    boleh_ubah: bool,
}

/// `GET /perencanaan`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    let docs = perencanaan::list(&st.db).await?;
    let (plans, policies): (Vec<_>, Vec<_>) = JenisDokumenPerencanaan::ALL
        .into_iter()
        .partition(|j| j.kebijakan().is_none());
    let kebijakan_berlaku = policies
        .iter()
        .filter(|j| berlaku(&docs, **j).is_some())
        .count() as i64;
    let page = ListPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "perencanaan",
            q.pesan.as_deref(),
        ),
        sections: vec![
            Section {
                judul: lang.t("perencanaan-rencana"),
                ringkasan: String::new(),
                huruf: false,
                rows: check_rows(lang, &docs, plans.into_iter()),
            },
            Section {
                judul: lang.t("perencanaan-kebijakan"),
                ringkasan: lang.t1(
                    "perencanaan-kebijakan-ringkasan",
                    "n",
                    &crate::format_id::angka(kebijakan_berlaku),
                ),
                huruf: true,
                rows: check_rows(lang, &docs, policies.into_iter()),
            },
        ],
        semua: docs.iter().map(|d| DocView::of(lang, d)).collect(),
        boleh_ubah: may_manage(&st, &user).await?,
    };
    Ok(render(StatusCode::OK, &page))
}
