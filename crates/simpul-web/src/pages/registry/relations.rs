//! Adding and removing relations from a record's page.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::ids::{ItemId, RelasiId};
use simpul_domain::registry::relation_rules::check_relation;
use simpul_domain::registry::{Jenis, RelasiJenis};
use simpul_store::StoreError;
use simpul_store::registry::{item, relation};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::state::AppState;

/// The add-relation form: this record relates to the record of kind `tujuan_jenis` with
/// code `tujuan_kode`.
#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    jenis: String,
    #[serde(default)]
    tujuan_jenis: String,
    #[serde(default)]
    tujuan_kode: String,
}

fn back(id: ItemId, msg: &str) -> Response {
    Redirect::to(&format!("/arsitektur/item/{id}?pesan={msg}")).into_response()
}

/// `POST /arsitektur/item/{id}/relasi`.
pub async fn add_relation(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<ItemId>,
    Form(f): Form<AddForm>,
) -> Result<Response, PageError> {
    let from = item::get(&st.db, id).await?;
    if !crate::registry_input::may_change(&st.db, &user, &from).await? {
        return Err(PageError::Forbidden);
    }
    let (Some(kind), Some(target_kind)) = (
        RelasiJenis::from_code(&f.jenis),
        Jenis::from_code(&f.tujuan_jenis),
    ) else {
        return Ok(back(id, "galat-relasi-tidak-valid"));
    };
    let target =
        match item::by_kode(&st.db, target_kind, &f.tujuan_kode.trim().to_uppercase()).await {
            Ok(t) => t,
            Err(StoreError::NotFound) => return Ok(back(id, "galat-relasi-tujuan-tidak-ada")),
            Err(e) => return Err(e.into()),
        };
    if check_relation(kind, from.jenis, target.jenis).is_err() {
        return Ok(back(id, "galat-relasi-tidak-diizinkan"));
    }
    let msg = match relation::add(&st.db, &user.actor(), from.id, target.id, kind).await {
        Ok(_) => "relasi-ditambah",
        Err(StoreError::Conflict(_)) => "galat-relasi-sudah-ada",
        Err(StoreError::Cycle) => "galat-relasi-siklus",
        Err(StoreError::MissingReference) => "galat-relasi-tujuan-diarsipkan",
        Err(e) => return Err(e.into()),
    };
    Ok(back(id, msg))
}

/// `POST /arsitektur/relasi/{id}/hapus`.
pub async fn remove_relation(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(rid): PagePath<RelasiId>,
) -> Result<Response, PageError> {
    let r = relation::get(&st.db, rid).await?;
    let from = item::get(&st.db, r.dari).await?;
    if !crate::registry_input::may_change(&st.db, &user, &from).await? {
        return Err(PageError::Forbidden);
    }
    relation::remove(&st.db, &user.actor(), rid).await?;
    Ok(back(from.id, "relasi-dihapus"))
}
