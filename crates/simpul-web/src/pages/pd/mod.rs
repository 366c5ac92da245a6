//! Pages for agencies (PD): list, detail, create, edit, archive.

mod detail;
mod form;
mod list;

pub use detail::detail;
pub use form::{archive, create, edit_form, new_form, update};
pub use list::list;

use simpul_domain::org::JenisPd;
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;

use crate::error::{PageError, conflict_problem};
use crate::i18n::Lang;

/// Store errors a user can fix become field problems; the rest stay errors.
pub fn store_problems(e: StoreError) -> Result<FieldProblems, PageError> {
    let mut p = FieldProblems::default();
    match e {
        StoreError::Conflict(field) => p.add(field, conflict_problem(field)),
        StoreError::Cycle => p.add("induk", crate::error::cycle_problem()),
        StoreError::MissingReference => p.add(
            "induk",
            Masalahs::one(
                "induk_tidak_dikenal",
                "PD induk tidak dikenal atau sama dengan PD ini.",
            ),
        ),
        other => return Err(other.into()),
    }
    Ok(p)
}

/// The PD kinds for selects: (code, translated name).
pub(crate) fn kinds(lang: Lang) -> Vec<(String, String)> {
    JenisPd::ALL
        .iter()
        .map(|k| (k.code().to_owned(), lang.t(&format!("jenis-{}", k.code()))))
        .collect()
}
