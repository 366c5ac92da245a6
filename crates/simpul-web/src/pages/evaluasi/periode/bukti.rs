//! Attaching evidence to a level of an indicator (one multipart form for every kind:
//! an uploaded file, a link, a registry record or planning document, or an item reused
//! from the PD or suggested through the crosswalk), and downloading a file item. A file
//! reaches the blob store only after every other check has passed, exactly like the
//! planning and compliance uploads.

use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::response::Response;
use simpul_domain::FieldProblems;
use simpul_domain::ids::BuktiDukungId;
use simpul_store::evaluasi::bukti as store;

use super::aksi_indikator::{self as aksi, SumberBukti};
use super::muat::muat;
use super::tolak::{Tolak, ke_halaman};
use super::{id_periode, indikator, nomor};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::state::AppState;
use crate::upload::{self, UploadForm};

/// Where the form's item comes from: `jenis` = `pakai` reuses item `bukti`.
pub fn sumber(form: &UploadForm) -> SumberBukti {
    if form.text("jenis") == "pakai" {
        SumberBukti::Pakai(form.text("bukti").to_owned())
    } else {
        SumberBukti::Baru {
            jenis: form.text("jenis").to_owned(),
            judul: form.text("judul").to_owned(),
            url: form.text("url").to_owned(),
            rujukan: form.text("rujukan").to_owned(),
        }
    }
}

/// `POST /evaluasi/periode/{id}/indikator/{nomor}/bukti` (multipart: `level`, `jenis`,
/// `judul`, `url`, `rujukan`, `bukti`, `berkas`).
pub async fn lampirkan(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path((id, n)): Path<(String, String)>,
    mp: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let m = muat(&st, id_periode(&id)?).await.map_err(ke_halaman)?;
    let n = nomor(&n)?;
    m.ind(n).ok_or(PageError::NotFound)?;
    let hasil = async {
        let mut form = upload::read_form(mp).await.map_err(|e| {
            let mut p = FieldProblems::default();
            p.add(upload::FILE_FIELD, e.problem());
            Tolak::TidakValid(p)
        })?;
        let r = aksi::siap_lampirkan(&st, &user, &m, n, form.text("level"), &sumber(&form)).await?;
        let mut problems = FieldProblems::default();
        let file = if r.butuh_berkas() {
            upload::accept_file(&st, &mut form, &mut problems).await?
        } else {
            None
        };
        if !problems.is_empty() {
            return Err(Tolak::TidakValid(problems));
        }
        aksi::lampirkan(&st, &user, &m, &r, file.as_ref()).await
    }
    .await;
    let hasil = hasil.map(|_| ());
    indikator::jawab(
        &st,
        &user,
        lang,
        &m,
        n,
        hasil,
        "evp-bukti-dilampirkan",
        "level",
    )
    .await
}

/// `GET /evaluasi/bukti/{id}/berkas`: a file item (any logged-in user, like the other
/// documents).
pub async fn unduh(
    State(st): State<AppState>,
    PageUser(_, _): PageUser,
    PagePath(id): PagePath<BuktiDukungId>,
) -> Result<Response, PageError> {
    let b = store::get(&st.db, id).await?;
    let berkas = b.berkas.ok_or(PageError::NotFound)?;
    Ok(upload::file_response(&st, &berkas, false).await?)
}
