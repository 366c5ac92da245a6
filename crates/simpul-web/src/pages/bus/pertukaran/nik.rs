//! `GET/POST /bus/nik`: the personal-data ledger. The data-protection officer enters a
//! resident's NIK; the page hashes it with the installation's NIK key and lists the
//! exchanges that carried it (when, which consumer and PD, service, officer, purpose,
//! outcome).
//!
//! The NIK travels only in the POST body (never a URL, so never an access log), is
//! checked by the domain's `Nik`, hashed at once, and neither stored, logged nor
//! written back into the page (only its masked form). The lookup itself is audited,
//! with the hash: who looked up whom is itself access to personal data.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::ident::Nik;
use simpul_store::bus::pertukaran;

use super::{Baris, baris};
use crate::auth::{PageUser, User};
use crate::error::PageError;
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "bus_nik.html")]
struct NikPage {
    ctx: Ctx,
    tabs: Vec<Tab>,
    /// The bus (and its key) runs in this installation.
    aktif: bool,
    /// Why the NIK was refused (Indonesian, from the domain).
    galat: Vec<String>,
    /// After a lookup: the masked NIK and what was found.
    hasil: Option<(String, Vec<Baris>)>,
    batas: i64,
}

/// The form: the NIK only (plus the CSRF field the layer checks).
#[derive(Deserialize)]
pub struct NikForm {
    #[serde(default)]
    nik: String,
}

fn boleh(user: &User) -> Result<(), PageError> {
    if user.can(Action::LacakNik, Target::Region) {
        Ok(())
    } else {
        Err(PageError::Forbidden)
    }
}

async fn page(
    st: &AppState,
    user: &User,
    lang: crate::i18n::Lang,
    galat: Vec<String>,
    hasil: Option<(String, Vec<Baris>)>,
) -> NikPage {
    NikPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "bus", None),
        tabs: tabs(st, user, "/bus/nik").await,
        aktif: st.bus.is_some(),
        galat,
        hasil,
        batas: pertukaran::BATAS_NIK,
    }
}

/// `GET /bus/nik`: the form.
pub async fn form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    boleh(&user)?;
    let p = page(&st, &user, lang, Vec::new(), None).await;
    Ok(render(StatusCode::OK, &p))
}

/// `POST /bus/nik`: look the NIK up.
pub async fn lookup(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(f): Form<NikForm>,
) -> Result<Response, PageError> {
    boleh(&user)?;
    let Some(bus) = &st.bus else {
        let p = page(&st, &user, lang, Vec::new(), None).await;
        return Ok(render(StatusCode::SERVICE_UNAVAILABLE, &p));
    };
    let nik = match Nik::parse(&f.nik, st.today()) {
        Ok(n) => n,
        Err(m) => {
            // The domain's messages never repeat the digits.
            let galat = m.0.iter().map(|x| lang.masalah(x)).collect();
            let p = page(&st, &user, lang, galat, None).await;
            return Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &p));
        }
    };
    let hash = bus.nik.hash(nik.expose_digits());
    let found = pertukaran::per_nik(&st.db, hash).await?;
    // Audited before anything is shown: no trail, no answer.
    pertukaran::catat_lacak_nik(&st.db, &user.actor(), hash, found.len()).await?;
    let rows = baris(&found, lang, st.cfg.utc_offset);
    let p = page(&st, &user, lang, Vec::new(), Some((nik.masked(), rows))).await;
    Ok(render(StatusCode::OK, &p))
}
