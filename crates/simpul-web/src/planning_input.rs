//! What the planning pages and the planning API share: who may change the planning
//! documents, today's date in the region (decrees and reviews may not lie in the
//! future), and the multipart fields of a document and of a review.

use simpul_domain::FieldProblems;
use simpul_domain::access::{Action, Target};
use simpul_domain::plan::{DokumenInput, NewReviu, ReviuInput};
use simpul_store::{StoreError, pd};
use time::Date;

use crate::auth::User;
use crate::state::AppState;
use crate::upload::UploadForm;

/// Longest note on a file version.
const MAX_CATATAN: usize = 500;

/// Whether the user may record and change planning documents: the administrators of the
/// Dinas (the PD that manages SPBE) and the super admin. Before a Dinas is marked, only
/// the super admin may.
pub async fn may_manage(st: &AppState, user: &User) -> Result<bool, StoreError> {
    Ok(match pd::pengelola(&st.db).await? {
        Some(dinas) => user.can_pd(Action::KelolaPerencanaan, &dinas),
        None => user.can(Action::KelolaPerencanaan, Target::Region),
    })
}

/// Today in the region's time zone.
pub fn today(st: &AppState) -> Date {
    time::OffsetDateTime::now_utc()
        .to_offset(st.cfg.utc_offset)
        .date()
}

/// The document fields of a multipart form.
pub fn dokumen_input(form: &UploadForm) -> DokumenInput {
    DokumenInput {
        jenis: form.text("jenis").to_owned(),
        judul: form.text("judul").to_owned(),
        periode_awal: form.text("periode_awal").to_owned(),
        periode_akhir: form.text("periode_akhir").to_owned(),
        nomor_penetapan: form.text("nomor_penetapan").to_owned(),
        tanggal_penetapan: form.text("tanggal_penetapan").to_owned(),
        status: form.text("status").to_owned(),
    }
}

/// The note on a file version (`catatan_berkas` in the document form, `catatan` in the
/// API); problems under that field.
pub fn catatan(form: &UploadForm, field: &str, problems: &mut FieldProblems) -> Option<String> {
    problems
        .check(
            field,
            simpul_domain::text::optional(form.text(field), MAX_CATATAN),
        )
        .flatten()
}

/// A review's date and findings; problems under `tanggal` and `ringkasan`.
pub fn reviu_fields(
    form: &UploadForm,
    today: Date,
    problems: &mut FieldProblems,
) -> Option<NewReviu> {
    let input = ReviuInput {
        tanggal: form.text("tanggal").to_owned(),
        ringkasan: form.text("ringkasan").to_owned(),
    };
    match NewReviu::parse(&input, today) {
        Ok(r) => Some(r),
        Err(p) => {
            problems.merge(p);
            None
        }
    }
}
