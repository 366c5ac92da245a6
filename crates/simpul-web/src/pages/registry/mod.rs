//! Pages of the SPBE architecture registry: an overview of the six domains, a list and a
//! form per kind (driven by the kind's field specification), record pages with their
//! relations, impact analysis and search.

mod detail;
mod document;
mod documents;
mod form;
mod impact;
mod list;
mod overview;
mod relations;
mod search;
mod transfer;

pub use detail::detail;
pub use document::document;
pub use documents::{
    download as document_download, upload_form as document_form, upload_submit as document_submit,
};
pub use form::{archive, create, edit_form, new_form, update};
pub use impact::impact;
pub use list::list;
pub use overview::overview;
pub use relations::{add_relation, remove_relation};
pub use search::search;
pub use transfer::{export_all, export_csv, export_xlsx, import_form, import_submit, template};

use simpul_domain::registry::{Domain, Item, Jenis};

use crate::i18n::Lang;

/// The translated name of a kind.
pub fn jenis_label(lang: Lang, j: Jenis) -> String {
    lang.t(&format!("jenis-arsitektur-{}", j.code()))
}

/// The translated name of a domain.
pub fn domain_label(lang: Lang, d: Domain) -> String {
    lang.t(&format!("domain-{}", d.code()))
}

pub use crate::registry_input::can_edit;

/// The kind in a path segment, or a 404.
pub fn parse_jenis(code: &str) -> Result<Jenis, crate::error::PageError> {
    Jenis::from_code(code).ok_or(crate::error::PageError::NotFound)
}

/// A record as a table row: the record and its owner PD's name.
pub struct ItemRow {
    /// The record.
    pub item: Item,
    /// Owner PD name (empty when none).
    pub pd: String,
    /// Status label.
    pub status: String,
}
