//! `/arsitektur/dokumen`: the printable "Dokumen Arsitektur SPBE" (ARC-7; 001 Lampiran A;
//! 003 Pasal 7), assembled from the registry: the reference architectures, then each
//! domain with its records, as-is and to-be.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::ids::PdId;
use simpul_domain::registry::spec::{fields, is_to_be};
use simpul_domain::registry::{Domain, Jenis};
use simpul_store::registry::item::{self, ItemFilter};
use simpul_store::{pd, region};

use super::list::rows_of;
use super::{ItemRow, domain_label, jenis_label};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// Rows shown per kind; the rest is in the spreadsheet export.
const MAX_ROWS: i64 = 300;

/// One kind's section.
pub struct KindSection {
    /// Kind name.
    pub nama: String,
    /// Kind code (for the export link).
    pub kode: String,
    /// Column labels of the first attributes shown.
    pub kolom: Vec<String>,
    /// Rows with those attributes' values.
    pub rows: Vec<(ItemRow, Vec<String>)>,
    /// Records in all.
    pub total: i64,
    /// Of which planned (to-be).
    pub rencana: usize,
}

/// One domain's chapter.
pub struct DomainChapter {
    /// Chapter number.
    pub nomor: usize,
    /// Domain name.
    pub nama: String,
    /// Its kinds.
    pub kinds: Vec<KindSection>,
}

#[derive(Template)]
#[template(path = "registry_document.html")]
struct DocumentPage {
    ctx: Ctx,
    wilayah: String,
    tanggal: String,
    chapters: Vec<DomainChapter>,
    /// The adopted Arsitektur SPBE (period, decree, reviews), when one is in force.
    penetapan: Option<crate::pages::perencanaan::ArsitekturBerlaku>,
    /// Where to record it when none is: the form for those who may, else the list.
    catat_href: &'static str,
}

/// `GET /arsitektur/dokumen`.
pub async fn document(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let pds = pd::list(
        &st.db,
        &pd::PdFilter {
            termasuk_arsip: true,
            ..Default::default()
        },
    )
    .await?;
    let names: HashMap<PdId, String> = pds.iter().map(|p| (p.id, p.nama.clone())).collect();
    let mut chapters = Vec::new();
    for (i, d) in Domain::ALL.iter().enumerate() {
        let mut kinds = Vec::new();
        for j in Jenis::of_domain(*d) {
            kinds.push(section(&st, lang, j, &names).await?);
        }
        chapters.push(DomainChapter {
            nomor: i + 2,
            nama: domain_label(lang, *d),
            kinds,
        });
    }
    let wilayah = region::get(&st.db)
        .await?
        .map(|r| r.nama)
        .unwrap_or_default();
    let today = time::OffsetDateTime::now_utc()
        .to_offset(st.cfg.utc_offset)
        .date();
    let page = DocumentPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "arsitektur", None),
        wilayah,
        tanggal: crate::format_id::tanggal(today),
        chapters,
        penetapan: crate::pages::perencanaan::arsitektur_berlaku(&st, lang).await?,
        catat_href: if crate::planning_input::may_manage(&st, &user).await? {
            "/perencanaan/baru?jenis=arsitektur"
        } else {
            "/perencanaan"
        },
    };
    Ok(render(StatusCode::OK, &page))
}

async fn section(
    st: &AppState,
    lang: crate::i18n::Lang,
    j: Jenis,
    names: &HashMap<PdId, String>,
) -> Result<KindSection, PageError> {
    let (items, total) = item::list(
        &st.db,
        &ItemFilter {
            jenis: Some(j),
            ..ItemFilter::default()
        },
        MAX_ROWS,
        0,
    )
    .await?;
    // The first three attributes say most about a record; the export has them all.
    let shown: Vec<_> = fields(j).iter().take(3).collect();
    let rencana = items
        .iter()
        .filter(|it| it.status.as_deref().is_some_and(|s| is_to_be(j, s)))
        .count();
    let rows = rows_of(items, names)
        .into_iter()
        .map(|r| {
            let values = shown
                .iter()
                .map(|f| r.item.atribut.get(f.name).cloned().unwrap_or_default())
                .collect();
            (r, values)
        })
        .collect();
    Ok(KindSection {
        nama: jenis_label(lang, j),
        kode: j.code().to_owned(),
        kolom: shown.iter().map(|f| f.label.to_owned()).collect(),
        rows,
        total,
        rencana,
    })
}
