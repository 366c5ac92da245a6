//! The coordination team page (001 Lampiran J).

use crate::extract::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::access::{Action, Target};
use simpul_domain::ids::AnggotaTimId;
use simpul_domain::org::{Bidang, Kedudukan};
use simpul_store::{pegawai, tim};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::dashboard::FlashQuery;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

/// A member as listed.
pub struct Row {
    id: AnggotaTimId,
    kedudukan: String,
    bidang: String,
    nama: String,
    nip: String,
    jabatan: String,
}

#[derive(Template)]
#[template(path = "tim.html")]
struct TimPage {
    ctx: Ctx,
    rows: Vec<Row>,
    boleh_kelola: bool,
    kedudukan: Vec<(String, String)>,
    bidang: Vec<(String, String)>,
}

/// `GET /tim-koordinasi`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<FlashQuery>,
) -> Result<Response, PageError> {
    if !user.can(Action::LihatTimKoordinasi, Target::Region) {
        return Err(PageError::Forbidden);
    }
    let mut rows = Vec::new();
    for a in tim::list(&st.db).await? {
        let p = pegawai::get(&st.db, a.pegawai).await?;
        rows.push(Row {
            id: a.id,
            kedudukan: lang.t(&format!("kedudukan-{}", a.kedudukan.code())),
            bidang: a
                .bidang
                .map(|b| lang.t(&format!("bidang-{}", b.code())))
                .unwrap_or_default(),
            nama: p.nama,
            nip: p.nip.formatted(),
            jabatan: p.jabatan.unwrap_or_default(),
        });
    }
    let page = TimPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "tim",
            q.pesan.as_deref(),
        ),
        rows,
        boleh_kelola: user.can(Action::KelolaTimKoordinasi, Target::Region),
        kedudukan: Kedudukan::ALL
            .iter()
            .map(|k| {
                (
                    k.code().to_owned(),
                    lang.t(&format!("kedudukan-{}", k.code())),
                )
            })
            .collect(),
        bidang: Bidang::ALL
            .iter()
            .map(|b| (b.code().to_owned(), lang.t(&format!("bidang-{}", b.code()))))
            .collect(),
    };
    Ok(render(StatusCode::OK, &page))
}

/// The add-member form.
#[derive(Debug, Deserialize)]
pub struct AddForm {
    #[serde(default)]
    nip: String,
    #[serde(default)]
    kedudukan: String,
    #[serde(default)]
    bidang: String,
}

/// `POST /tim-koordinasi`.
pub async fn add(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    Form(f): Form<AddForm>,
) -> Result<Response, PageError> {
    if !user.can(Action::KelolaTimKoordinasi, Target::Region) {
        return Err(PageError::Forbidden);
    }
    let nip: String = f.nip.chars().filter(char::is_ascii_digit).collect();
    let Some(kedudukan) = Kedudukan::from_code(&f.kedudukan) else {
        return Ok(Redirect::to("/tim-koordinasi?pesan=galat-tim-tidak-valid").into_response());
    };
    let bidang = Bidang::from_code(&f.bidang);
    // Members sit in one of the ten fields; the officers do not.
    if (kedudukan == Kedudukan::Anggota) != bidang.is_some() {
        return Ok(Redirect::to("/tim-koordinasi?pesan=galat-tim-bidang").into_response());
    }
    let who = match pegawai::by_nip(&st.db, &nip).await {
        Ok(p) => p,
        Err(simpul_store::StoreError::NotFound) => {
            return Ok(
                Redirect::to("/tim-koordinasi?pesan=galat-nip-tidak-terdaftar").into_response(),
            );
        }
        Err(e) => return Err(e.into()),
    };
    let msg = match tim::add(&st.db, &user.actor(), who.id, kedudukan, bidang).await {
        Ok(_) => "tim-ditambah",
        Err(simpul_store::StoreError::Conflict(_)) => "galat-tim-sudah-ada",
        Err(e) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/tim-koordinasi?pesan={msg}")).into_response())
}

/// `POST /tim-koordinasi/{id}/hapus`.
pub async fn remove(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<AnggotaTimId>,
) -> Result<Response, PageError> {
    if !user.can(Action::KelolaTimKoordinasi, Target::Region) {
        return Err(PageError::Forbidden);
    }
    tim::remove(&st.db, &user.actor(), id).await?;
    Ok(Redirect::to("/tim-koordinasi?pesan=tim-dihapus").into_response())
}
