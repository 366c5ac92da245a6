//! Taking the file out of the import form's multipart body, with clear reasons when
//! there is none or it is over the route's size limit.

use axum::extract::Multipart;
use axum::extract::multipart::MultipartRejection;
use axum::http::StatusCode;

use super::MAX_UPLOAD;

/// The uploaded file: (name, bytes), or why there is none.
pub async fn upload(
    mp: Result<Multipart, MultipartRejection>,
) -> Result<(String, Vec<u8>), (StatusCode, String)> {
    let unreadable = || {
        (
            StatusCode::BAD_REQUEST,
            "Unggahan tidak terbaca; pilih berkas lalu kirim formulir lagi.".to_owned(),
        )
    };
    let mut mp = mp.map_err(|_| unreadable())?;
    loop {
        let field = match mp.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => {
                return Err((
                    StatusCode::BAD_REQUEST,
                    "Belum ada berkas yang dipilih.".into(),
                ));
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(_) => return Err(unreadable()),
        };
        if field.name() != Some("berkas") {
            continue;
        }
        let name = field.file_name().unwrap_or("").to_owned();
        return match field.bytes().await {
            Ok(b) => Ok((name, b.to_vec())),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => Err(too_large()),
            Err(_) => Err(unreadable()),
        };
    }
}

fn too_large() -> (StatusCode, String) {
    (
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "Berkas terlalu besar; batasnya {} MiB per unggahan. Bagi menjadi beberapa berkas.",
            MAX_UPLOAD / (1024 * 1024)
        ),
    )
}
