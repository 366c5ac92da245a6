//! `/evaluasi/model`: the evaluation models Simpul ships (issue 4 items 1 and 8): the
//! list with legal basis, years, counts and provenance, one model with every
//! indicator's weight, level names, criteria and evidence per level and, for a newer
//! model, which older indicators' evidence it can reuse ([`rinci`]); and the region's
//! wording of a level's criteria, which only its administrator may change
//! ([`kriteria`]).

mod kriteria;
mod rinci;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use simpul_domain::access::{Action, Target};
use simpul_domain::evaluation::Model;

use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// Routes of the model pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evaluasi/model", get(list))
        .route("/evaluasi/model/{kode}", get(rinci::show))
        .route(
            "/evaluasi/model/{kode}/kriteria",
            get(kriteria::form).post(kriteria::simpan),
        )
}

/// Whether the user may reword criteria: the region's evaluation administrator.
fn boleh_ubah(user: &User) -> bool {
    user.can(Action::KelolaEvaluasi, Target::Region)
}

/// A model's years, `2018–2025` or `2026–`.
fn tahun(m: &Model) -> String {
    match m.tahun_akhir() {
        Some(a) => format!("{}–{a}", m.tahun_mulai()),
        None => format!("{}–", m.tahun_mulai()),
    }
}

/// One model in the list.
struct Baris {
    kode: String,
    nama: String,
    nama_indeks: String,
    dasar_hukum: String,
    tahun: String,
    sementara: bool,
    asal_usul: String,
    domain: usize,
    aspek: usize,
    indikator: usize,
    eksternal: usize,
}

#[derive(Template)]
#[template(path = "evaluasi_model_daftar.html")]
struct DaftarPage {
    ctx: Ctx,
    models: Vec<Baris>,
}

/// `GET /evaluasi/model`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let models = st
        .evaluasi
        .all()
        .iter()
        .map(|m| Baris {
            kode: m.kode().to_owned(),
            nama: m.nama().to_owned(),
            nama_indeks: m.nama_indeks().to_owned(),
            dasar_hukum: m.dasar_hukum().to_owned(),
            tahun: tahun(m),
            sementara: m.sementara(),
            asal_usul: m.asal_usul().to_owned(),
            domain: m.domain().len(),
            aspek: m.aspek().len(),
            indikator: m.indikator().len(),
            eksternal: m.indikator().iter().filter(|i| i.eksternal).count(),
        })
        .collect();
    let page = DaftarPage {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "evaluasi", None),
        models,
    };
    Ok(render(StatusCode::OK, &page))
}
