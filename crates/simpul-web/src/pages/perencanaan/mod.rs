//! Pages of the planning documents (`/perencanaan`): a checklist of the documents a
//! region is expected to keep, each document with its period, decree, file versions and
//! reviews, and the forms that record them. Everyone logged in reads; the Dinas'
//! administrators and the super admin change ([`crate::planning_input::may_manage`]).

mod detail;
mod form;
mod list;

pub use detail::{ReviewRow, add_review, detail, download_review, download_version};
pub use form::{create, edit_form, new_form, update};
pub use list::list;

use simpul_domain::plan::{DokumenPerencanaan, JenisDokumenPerencanaan, StatusDokumen, berlaku};
use simpul_store::perencanaan;

use crate::error::PageError;
use crate::i18n::Lang;
use crate::state::AppState;

/// The Arsitektur SPBE document in force with its reviews, for the printable
/// architecture document (ARC-7: period, adoption decree, reviews).
pub struct ArsitekturBerlaku {
    /// The document.
    pub d: DocView,
    /// Its reviews, latest first.
    pub reviu: Vec<ReviewRow>,
}

/// The Arsitektur SPBE in force (status berlaku, latest adopted), if one is recorded.
pub async fn arsitektur_berlaku(
    st: &AppState,
    lang: Lang,
) -> Result<Option<ArsitekturBerlaku>, PageError> {
    let docs = perencanaan::list(&st.db).await?;
    let Some(d) = berlaku(&docs, JenisDokumenPerencanaan::Arsitektur) else {
        return Ok(None);
    };
    Ok(Some(ArsitekturBerlaku {
        d: DocView::of(lang, d),
        reviu: detail::review_rows(st, d.id).await?,
    }))
}

/// The translated name of a kind.
pub fn jenis_label(lang: Lang, j: JenisDokumenPerencanaan) -> String {
    lang.t(&format!("perencanaan-jenis-{}", j.code().replace('_', "-")))
}

/// The translated name of a status.
pub fn status_label(lang: Lang, s: StatusDokumen) -> String {
    lang.t(&format!("perencanaan-status-{}", s.code()))
}

/// The badge class of a status.
pub fn status_class(s: StatusDokumen) -> &'static str {
    match s {
        StatusDokumen::Berlaku => "badge-ok",
        StatusDokumen::Draf => "badge-warn",
        StatusDokumen::Dicabut => "badge-muted",
    }
}

/// A document's values as shown in tables and on its page.
pub struct DocView {
    /// Link to the document's page.
    pub href: String,
    /// Title.
    pub judul: String,
    /// Kind, translated.
    pub jenis: String,
    /// Period (`2025–2029`), or empty.
    pub periode: String,
    /// Years in the period, or 0.
    pub panjang: i32,
    /// Decree number, or empty.
    pub nomor: String,
    /// Decree date the Indonesian way, or empty.
    pub tanggal: String,
    /// Status, translated.
    pub status: String,
    /// Badge class of the status.
    pub status_class: &'static str,
}

impl DocView {
    /// Prepare `d` for a page.
    pub fn of(lang: Lang, d: &DokumenPerencanaan) -> Self {
        Self {
            href: format!("/perencanaan/{}", d.id),
            judul: d.judul.clone(),
            jenis: jenis_label(lang, d.jenis),
            periode: d.periode.map(|p| p.to_string()).unwrap_or_default(),
            panjang: d.periode.map_or(0, |p| p.panjang()),
            nomor: d.nomor_penetapan.clone().unwrap_or_default(),
            tanggal: d
                .tanggal_penetapan
                .map(crate::format_id::tanggal)
                .unwrap_or_default(),
            status: status_label(lang, d.status),
            status_class: status_class(d.status),
        }
    }
}
