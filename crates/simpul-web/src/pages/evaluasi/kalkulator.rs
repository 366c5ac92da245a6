//! `/evaluasi/kalkulator`: the index calculator for what-if planning (issue 4 item 3).
//! One form lists every indicator of the chosen model by domain and aspect; submitted
//! (POST with the CSRF token, or GET with the values in the query so a scenario can be
//! linked), it shows the index, the predicate, every aspect and domain, and what to
//! raise next. Works without JavaScript; nothing is stored.

mod tampilan;

use std::collections::{BTreeMap, HashMap};

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use axum::{Form, Router};
use simpul_domain::evaluation::{Model, Nilai, hitung};

use crate::api::evaluasi::hitung::baca;
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// Routes of the calculator.
pub fn routes() -> Router<AppState> {
    Router::new().route("/evaluasi/kalkulator", get(show).post(submit))
}

/// The form field of indicator `nomor`.
fn field(nomor: u32) -> String {
    format!("n{nomor}")
}

/// The model a request names, else the one in force this year (the newest such).
fn kode_model(st: &AppState, isian: &HashMap<String, String>) -> String {
    if let Some(k) = isian
        .get("model")
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
    {
        return k.to_owned();
    }
    let tahun = st.today().year();
    let all = st.evaluasi.all();
    all.iter()
        .rev()
        .find(|m| m.berlaku(tahun))
        .or(all.last())
        .map(|m| m.kode().to_owned())
        .unwrap_or_default()
}

/// The indicator entries of a form: fields `n<digits>` with a value (an empty one is
/// "not filled in", counted at level 1 like a missing API entry).
fn entri(isian: &HashMap<String, String>) -> Vec<baca::Entri> {
    let mut out: Vec<baca::Entri> = isian
        .iter()
        .filter_map(|(k, v)| {
            let nomor = k.strip_prefix('n')?;
            let ok = !nomor.is_empty() && nomor.chars().all(|c| c.is_ascii_digit());
            (ok && !v.trim().is_empty()).then(|| (nomor.to_owned(), Some(v.clone())))
        })
        .collect();
    // Problems are listed in the form's order.
    out.sort_by_key(|(k, _)| (k.len(), k.clone()));
    out
}

/// Whether a GET carries values to compute (a bare `?model=` shows the empty form).
fn ada_isian(isian: &HashMap<String, String>) -> bool {
    isian.contains_key("hitung") || !entri(isian).is_empty()
}

/// `GET /evaluasi/kalkulator?model=&n1=..`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(isian): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let hitung = ada_isian(&isian);
    page(&st, &user, lang, &isian, hitung).await
}

/// `POST /evaluasi/kalkulator` (`model`, `n<nomor>` per indicator, `_csrf`).
pub async fn submit(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(isian): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    page(&st, &user, lang, &isian, true).await
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    isian: &HashMap<String, String>,
    hitung_sekarang: bool,
) -> Result<Response, PageError> {
    let kode = kode_model(st, isian);
    let model = st.evaluasi.with_region_wording(&st.db, &kode).await?;
    let (hasil, errors) = if hitung_sekarang {
        match baca::baca(&model, entri(isian)) {
            Ok(nilai) => (
                Some(tampilan::hasil(&model, &nilai, lang)),
                FormErrors::default(),
            ),
            Err(salah) => (None, form_errors(&model, salah, lang)),
        }
    } else {
        (None, FormErrors::default())
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let ctx = Ctx::new(user, lang, region_name(st).await, "evaluasi", None);
    let p = tampilan::KalkulatorPage {
        models: tampilan::pilihan(st.evaluasi.all(), model.kode()),
        grup: tampilan::grup(&model, isian, &errors),
        kode: model.kode().to_owned(),
        nama: model.nama().to_owned(),
        nama_indeks: model.nama_indeks().to_owned(),
        dasar_hukum: model.dasar_hukum().to_owned(),
        sementara: model.sementara(),
        asal_usul: model.asal_usul().to_owned(),
        hasil,
        errors,
        ctx,
    };
    Ok(render(status, &p))
}

/// Problems per indicator field, in the user's language, labelled with the indicator.
fn form_errors(
    model: &Model,
    salah: Vec<(String, simpul_domain::Masalahs)>,
    lang: Lang,
) -> FormErrors {
    FormErrors(
        salah
            .into_iter()
            .map(|(kunci, m)| {
                let label = match kunci
                    .parse::<u32>()
                    .ok()
                    .and_then(|n| model.indikator_nomor(n))
                {
                    Some(i) => lang.t1("kalkulator-indikator-ke", "nomor", &i.nomor.to_string()),
                    None => lang.t1("kalkulator-indikator-ke", "nomor", &kunci),
                };
                let pesan = m.0.iter().map(|x| lang.masalah(x)).collect();
                (format!("n{kunci}"), label, pesan)
            })
            .collect(),
    )
}

/// The values counted, with `nomor` raised to `ke` (for "the index becomes ...").
fn dengan(
    nilai: &BTreeMap<u32, Nilai>,
    nomor: u32,
    ke: simpul_domain::evaluation::Level,
) -> BTreeMap<u32, Nilai> {
    let mut n = nilai.clone();
    n.insert(nomor, Nilai::Level(ke));
    n
}

/// The index after a raise, Indonesian form.
fn indeks_jika(
    model: &Model,
    nilai: &BTreeMap<u32, Nilai>,
    nomor: u32,
    ke: simpul_domain::evaluation::Level,
) -> String {
    hitung(model, &dengan(nilai, nomor, ke)).indeks.teks()
}
