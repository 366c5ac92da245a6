//! Document uploads shared by every form and API endpoint that takes a file (record
//! documents, LAN diagrams, later evidence): reading a multipart body with its text
//! fields, accepting the file (name, size, type by content) into the blob store, and
//! serving a stored file back.

use std::collections::BTreeMap;

use axum::body::Body;
use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use simpul_domain::berkas::{JenisBerkas, MAX_BYTES, NamaBerkas};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::berkas::{Berkas, Unggahan};

use crate::state::AppState;

/// Body limit of routes that take a document: the file plus room for the form fields.
pub const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

/// Name of the file field in every upload form.
pub const FILE_FIELD: &str = "berkas";

/// A multipart form: its text fields and the file, if one was chosen.
#[derive(Debug, Default)]
pub struct UploadForm {
    /// Text fields by name (the last value wins).
    pub fields: BTreeMap<String, String>,
    /// (name as sent, bytes) of the `berkas` field; `None` when no file was chosen.
    pub file: Option<(String, Vec<u8>)>,
}

impl UploadForm {
    /// A text field, trimmed; empty when absent.
    pub fn text(&self, name: &str) -> &str {
        self.fields.get(name).map_or("", |v| v.trim())
    }
}

/// Why a body could not be read as a form at all.
#[derive(Debug)]
pub enum UploadError {
    /// Over [`BODY_LIMIT`].
    TooLarge,
    /// Not multipart, or broken.
    Unreadable,
}

impl UploadError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::Unreadable => StatusCode::BAD_REQUEST,
        }
    }

    /// The problem, for the file field of a form or the API's `fields`.
    pub fn problem(&self) -> Masalahs {
        match self {
            Self::TooLarge => Masalahs::one(
                "berkas_terlalu_besar",
                format!(
                    "Berkas terlalu besar; batasnya {} MiB.",
                    MAX_BYTES / (1024 * 1024)
                ),
            ),
            Self::Unreadable => Masalahs::one(
                "unggahan_tidak_terbaca",
                "Unggahan tidak terbaca; pilih berkas lalu kirim formulir lagi.",
            ),
        }
    }
}

/// For the API: the problem under `berkas`, with its own status code.
impl From<UploadError> for crate::error::ApiError {
    fn from(e: UploadError) -> Self {
        use crate::error::ErrorCode;
        let mut fields = FieldProblems::default();
        fields.add(FILE_FIELD, e.problem());
        let code = match e {
            UploadError::TooLarge => ErrorCode::PayloadTooLarge,
            UploadError::Unreadable => ErrorCode::ValidationFailed,
        };
        Self {
            fields,
            ..Self::new(code)
        }
    }
}

/// Read every field of a multipart body.
pub async fn read_form(
    mp: Result<Multipart, MultipartRejection>,
) -> Result<UploadForm, UploadError> {
    let classify = |status: StatusCode| {
        if status == StatusCode::PAYLOAD_TOO_LARGE {
            UploadError::TooLarge
        } else {
            UploadError::Unreadable
        }
    };
    let mut mp = mp.map_err(|_| UploadError::Unreadable)?;
    let mut form = UploadForm::default();
    while let Some(field) = mp.next_field().await.map_err(|e| classify(e.status()))? {
        let name = field.name().unwrap_or_default().to_owned();
        if name == FILE_FIELD {
            let file_name = field.file_name().unwrap_or_default().to_owned();
            let bytes = field.bytes().await.map_err(|e| classify(e.status()))?;
            // Browsers send an empty part when no file was chosen.
            if !(file_name.is_empty() && bytes.is_empty()) {
                form.file = Some((file_name, bytes.to_vec()));
            }
        } else {
            let value = field.text().await.map_err(|e| classify(e.status()))?;
            form.fields.insert(name, value);
        }
    }
    Ok(form)
}

/// Check the form's file and put it in the blob store; problems go under `berkas`.
/// Nothing is written to the database here: the caller records the file together with
/// the record that carries it.
pub async fn accept_file(
    st: &AppState,
    form: &mut UploadForm,
    problems: &mut FieldProblems,
) -> Result<Option<Unggahan>, StoreError> {
    let Some((name, bytes)) = form.file.take() else {
        problems.add(
            FILE_FIELD,
            Masalahs::one("berkas_wajib", "Pilih berkas yang akan diunggah."),
        );
        return Ok(None);
    };
    let nama = problems.check(FILE_FIELD, NamaBerkas::parse(&name));
    let jenis = if bytes.len() > MAX_BYTES {
        problems.add(FILE_FIELD, UploadError::TooLarge.problem());
        None
    } else {
        problems.check(FILE_FIELD, JenisBerkas::detect(&name, &bytes))
    };
    let (Some(nama), Some(jenis)) = (nama, jenis) else {
        return Ok(None);
    };
    if !problems.0.is_empty() {
        // Another field is wrong: keep the blob store free of files nobody records.
        return Ok(None);
    }
    let ukuran = bytes.len() as i64;
    let sha256 = st.blobs.put(bytes).await?;
    Ok(Some(Unggahan {
        sha256,
        ukuran,
        jenis,
        nama,
    }))
}

/// The form's file when one was chosen, checked and put in the blob store; `Ok(None)`
/// both when none was chosen and when it was refused (then `problems` says why). Call
/// after the text fields are checked: with any problem found, nothing is stored.
pub async fn accept_optional_file(
    st: &AppState,
    form: &mut UploadForm,
    problems: &mut FieldProblems,
) -> Result<Option<Unggahan>, StoreError> {
    if form.file.is_none() {
        return Ok(None);
    }
    accept_file(st, form, problems).await
}

/// A stored file as a download. Raster images may be shown inline (`inline`); every
/// other type is always an attachment, so a browser never renders it as a page.
pub async fn file_response(
    st: &AppState,
    b: &Berkas,
    inline: bool,
) -> Result<Response, StoreError> {
    let bytes = st.blobs.read(&b.sha256).await?;
    let disposition = if inline && b.jenis.is_image() {
        "inline"
    } else {
        "attachment"
    };
    let header_value = format!(
        "{disposition}; filename=\"{}\"; filename*=UTF-8''{}",
        b.nama
            .chars()
            .map(|c| if c.is_ascii() { c } else { '_' })
            .collect::<String>(),
        percent_encode(&b.nama)
    );
    let mut resp = (StatusCode::OK, Body::from(bytes)).into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(b.jenis.mime()),
    );
    if let Ok(v) = HeaderValue::from_str(&header_value) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    // The digest lets a recipient check the evidence they downloaded.
    if let Ok(v) = HeaderValue::from_str(b.sha256.as_str()) {
        h.insert("x-simpul-sha256", v);
    }
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=3600"),
    );
    Ok(resp)
}

/// RFC 5987 encoding of a UTF-8 file name.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
