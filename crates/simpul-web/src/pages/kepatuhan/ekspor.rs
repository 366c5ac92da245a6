//! `/kepatuhan/ekspor.xlsx?per=`: every row of the evaluation with the article it rests
//! on (pasal, teks, sumber), for reports outside Simpul.

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use simpul_domain::registry::value::fmt_date;

use super::ringkasan::PerQuery;
use super::{BarisKepatuhan, evaluasi_diminta};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::state::AppState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Column headers, in order.
pub const KOLOM: [&str; 14] = [
    "kewajiban",
    "bab",
    "subjek",
    "kunci_subjek",
    "pd",
    "status",
    "jatuh_tempo",
    "terakhir",
    "jadwal",
    "penanggung_jawab",
    "pasal",
    "teks",
    "peraturan",
    "sumber",
];

fn sel(b: &BarisKepatuhan) -> [String; 14] {
    let d = |d: Option<time::Date>| d.map(fmt_date).unwrap_or_default();
    [
        b.kewajiban.clone(),
        b.bab.clone(),
        b.subjek.clone(),
        b.kunci.clone(),
        b.pd_nama.clone(),
        b.status.label().to_owned(),
        d(b.jatuh_tempo),
        d(b.terakhir),
        b.jadwal.clone(),
        b.penanggung_jawab.clone(),
        b.pasal.clone(),
        b.teks.clone(),
        b.peraturan.clone(),
        b.sumber.clone(),
    ]
}

/// The workbook: one sheet `kepatuhan`, a header row, one row per (obligation, subject).
pub fn xlsx(baris: &[BarisKepatuhan]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new().set_bold();
    let ws = wb.add_worksheet();
    ws.set_name("kepatuhan")?;
    for (c, name) in (0u16..).zip(KOLOM) {
        ws.write_string_with_format(0, c, name, &head)?;
        ws.set_column_width(c, if name == "teks" { 60 } else { 20 })?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, b) in (1u32..).zip(baris) {
        for (c, text) in (0u16..).zip(sel(b)) {
            // Strings stay strings: a value starting with `=` is never a formula.
            ws.write_string(r, c, text)?;
        }
    }
    wb.save_to_buffer()
}

/// `GET /kepatuhan/ekspor.xlsx?per=`.
pub async fn xlsx_all(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<PerQuery>,
) -> Result<Response, PageError> {
    let h = match evaluasi_diminta(&st, &user, lang, q.per.as_deref()).await? {
        Ok(h) => h,
        Err(page) => return Ok(page),
    };
    let per = h.per;
    // The export works on its own copy off the async threads; the cached rows stay.
    let baris = h.baris.clone();
    let bytes = tokio::task::spawn_blocking(move || xlsx(&baris))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    let file = format!("kepatuhan-{}.xlsx", fmt_date(per));
    Ok((
        [
            (header::CONTENT_TYPE, XLSX.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}
