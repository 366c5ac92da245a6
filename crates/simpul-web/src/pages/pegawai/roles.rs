//! Granting and revoking roles, and setting a password for someone else.

use crate::extract::PagePath;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::access::{Action, Grant, Role};
use simpul_domain::ids::{GrantId, PdId, PegawaiId};
use simpul_store::pd::{self};
use simpul_store::pegawai;
use simpul_store::peran;

use crate::auth::{PageUser, password};
use crate::error::PageError;
use crate::state::AppState;

use super::hash_blocking;

/// The grant form.
#[derive(Debug, Deserialize)]
pub struct GrantForm {
    #[serde(default)]
    peran: String,
    #[serde(default)]
    pd: String,
}

/// `POST /pegawai/{id}/peran`.
pub async fn grant(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<PegawaiId>,
    Form(f): Form<GrantForm>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let (Ok(role), Ok(pd_id)) = (Role::parse(&f.peran), f.pd.trim().parse::<PdId>()) else {
        return Ok(
            Redirect::to(&format!("/pegawai/{id}?pesan=galat-peran-tidak-valid")).into_response(),
        );
    };
    let target = match pd::get(&st.db, pd_id).await {
        Ok(t) => t,
        Err(simpul_store::StoreError::NotFound) => {
            return Ok(
                Redirect::to(&format!("/pegawai/{id}?pesan=galat-peran-tidak-valid"))
                    .into_response(),
            );
        }
        Err(e) => return Err(e.into()),
    };
    if !user.can_pd(Action::KelolaPeran(role), &target) {
        return Err(PageError::Forbidden);
    }
    let msg = match peran::grant(&st.db, &user.actor(), p.id, Grant { role, pd: pd_id }).await {
        Ok(_) => "peran-diberikan",
        Err(simpul_store::StoreError::Conflict(_)) => "galat-peran-sudah-ada",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/pegawai/{id}?pesan={msg}")).into_response())
}

/// `POST /peran/{id}/cabut`.
pub async fn revoke(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<GrantId>,
) -> Result<Response, PageError> {
    let g = peran::get(&st.db, id).await?;
    let target = pd::get(&st.db, g.grant.pd).await?;
    if !user.can_pd(Action::KelolaPeran(g.grant.role), &target) {
        return Err(PageError::Forbidden);
    }
    peran::revoke(&st.db, &user.actor(), id).await?;
    Ok(Redirect::to(&format!("/pegawai/{}?pesan=peran-dicabut", g.pegawai)).into_response())
}

/// The password reset form.
#[derive(Debug, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    sandi: String,
}

/// `POST /pegawai/{id}/sandi`: an administrator sets a new password.
pub async fn reset_password(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<PegawaiId>,
    Form(f): Form<ResetForm>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::KelolaPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    if password::check_policy(&f.sandi, p.nip.as_str()).is_err() {
        return Ok(Redirect::to(&format!("/pegawai/{id}?pesan=galat-sandi-lemah")).into_response());
    }
    let hash = hash_blocking(f.sandi).await?;
    pegawai::set_password(&st.db, &user.actor(), id, &hash).await?;
    Ok(Redirect::to(&format!("/pegawai/{id}?pesan=sandi-diatur")).into_response())
}
