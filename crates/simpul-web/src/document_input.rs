//! The text fields of the document upload forms, checked the same way for the pages and
//! the API: a record document's kind and title, a LAN diagram's year and note.

use simpul_domain::berkas::JenisDokumen;
use simpul_domain::registry::Item;
use simpul_domain::text::{optional, required};
use simpul_domain::{FieldProblems, Masalahs};

use crate::upload::UploadForm;

/// Longest document title.
const MAX_JUDUL: usize = 200;
/// Longest note on a LAN diagram version.
const MAX_CATATAN: usize = 500;
/// Earliest year a LAN diagram may document.
pub const FIRST_YEAR: i32 = 2000;

/// The kind and title of a document of `it`; problems under `jenis` and `judul`.
pub fn record_fields(
    form: &UploadForm,
    it: &Item,
    problems: &mut FieldProblems,
) -> (Option<JenisDokumen>, Option<String>) {
    let jenis = problems.check("jenis", JenisDokumen::parse(form.text("jenis"), it.jenis));
    let judul = problems.check("judul", required(form.text("judul"), MAX_JUDUL));
    (jenis, judul)
}

/// The year (from [`FIRST_YEAR`] to `this_year`) and optional note of a LAN diagram;
/// problems under `tahun` and `catatan`.
pub fn lan_fields(
    form: &UploadForm,
    this_year: i32,
    problems: &mut FieldProblems,
) -> Option<(i32, Option<String>)> {
    let tahun = match form.text("tahun").parse::<i32>() {
        Ok(y) if (FIRST_YEAR..=this_year).contains(&y) => Some(y),
        _ => {
            problems.add(
                "tahun",
                Masalahs::one(
                    "tahun_diagram",
                    format!("Tahun harus antara {FIRST_YEAR} dan {this_year}."),
                ),
            );
            None
        }
    };
    let catatan = problems.check("catatan", optional(form.text("catatan"), MAX_CATATAN));
    Some((tahun?, catatan?))
}
