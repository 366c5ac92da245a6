//! `/evaluasi/periode/{id}/laporan`: the printable report of a period's result for the
//! head of region (000 Pasal 43(4)): the model and its legal basis, the index and
//! predicate, the radar, the aspects and indicators, the approval and what to do next.
//! It prints with the layout's print rules (navigation and buttons hidden, tables
//! unbroken), like the architecture document.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::ids::PeriodeEvaluasiId;
use simpul_store::{StoreError, pegawai, region};

use super::data::muat;
use super::tampilan::{BarisIndikator, Ringkasan, baris_indikator};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::format_id::tanggal;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "evaluasi_laporan.html")]
struct LaporanPage {
    ctx: Ctx,
    wilayah: String,
    kepala: String,
    r: Ringkasan,
    indikator: Vec<BarisIndikator>,
    disetujui: Option<String>,
    penyetuju: Option<String>,
    disusun: String,
}

/// A stored moment as a date in the region's zone; text that does not parse as stored.
fn tanggal_tersimpan(st: &AppState, stored: &str) -> String {
    simpul_store::time_text::parse(stored).map_or_else(
        || stored.to_owned(),
        |t| tanggal(t.checked_to_offset(st.cfg.utc_offset).unwrap_or(t).date()),
    )
}

/// `GET /evaluasi/periode/{id}/laporan`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PeriodeEvaluasiId>,
) -> Result<Response, PageError> {
    let l = muat(&st, id).await?;
    let reg = region::get(&st.db).await?;
    // The approver by name and NIP; an account removed since (or the system) by its id.
    let penyetuju = match l.periode.disetujui_oleh.as_deref() {
        Some(nip) => Some(match pegawai::by_nip(&st.db, nip).await {
            Ok(p) => format!("{} (NIP {nip})", p.nama),
            Err(StoreError::NotFound) => nip.to_owned(),
            Err(e) => return Err(e.into()),
        }),
        None => None,
    };
    let today = time::OffsetDateTime::now_utc()
        .to_offset(st.cfg.utc_offset)
        .date();
    let page = LaporanPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "evaluasi", None),
        wilayah: reg.as_ref().map(|r| r.nama.clone()).unwrap_or_default(),
        kepala: reg
            .as_ref()
            .map(|r| r.tingkat.kepala().to_owned())
            .unwrap_or_default(),
        r: Ringkasan::dari(&l, lang),
        indikator: baris_indikator(&l),
        disetujui: l
            .periode
            .disetujui
            .as_deref()
            .map(|d| tanggal_tersimpan(&st, d)),
        penyetuju,
        disusun: tanggal(today),
    };
    Ok(render(StatusCode::OK, &page))
}
