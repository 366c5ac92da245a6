//! A staff member's page: details, roles, password reset, history.

use crate::extract::PagePath;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::access::{Action, Role, Target};
use simpul_domain::ids::{GrantId, PegawaiId};
use simpul_domain::org::{Pegawai, PerangkatDaerah};
use simpul_store::pd::{self, PdFilter};
use simpul_store::pegawai;
use simpul_store::peran;

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "pegawai_detail.html")]
struct DetailPage {
    ctx: Ctx,
    p: Pegawai,
    pd: PerangkatDaerah,
    grants: Vec<(GrantId, String, String, bool)>,
    roles: Vec<(String, String)>,
    grant_pds: Vec<PerangkatDaerah>,
    boleh_ubah: bool,
    riwayat: Option<Vec<crate::pages::audit::Row>>,
}

/// `GET /pegawai/{id}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PegawaiId>,
    Query(q): Query<crate::pages::dashboard::FlashQuery>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::LihatPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    let all = pd::list(
        &st.db,
        &PdFilter {
            termasuk_arsip: true,
            ..PdFilter::default()
        },
    )
    .await?;
    let mut grants = Vec::new();
    for g in peran::of(&st.db, id).await? {
        let gpd = all.iter().find(|x| x.id == g.grant.pd);
        let name = gpd.map(|x| x.nama.clone()).unwrap_or_default();
        let target = gpd.map_or(Target::Region, crate::auth::current::target_of);
        let can_revoke = user.can(Action::KelolaPeran(g.grant.role), target);
        grants.push((
            g.id,
            lang.t(&format!("peran-{}", g.grant.role.code())),
            name,
            can_revoke,
        ));
    }
    let grant_pds: Vec<PerangkatDaerah> = all
        .iter()
        .filter(|x| {
            !x.diarsipkan
                && Role::ALL
                    .iter()
                    .any(|r| user.can_pd(Action::KelolaPeran(*r), x))
        })
        .cloned()
        .collect();
    let roles = Role::ALL
        .iter()
        .filter(|r| {
            grant_pds
                .iter()
                .any(|x| user.can_pd(Action::KelolaPeran(**r), x))
        })
        .map(|r| (r.code().to_owned(), lang.t(&format!("peran-{}", r.code()))))
        .collect();
    let riwayat =
        crate::pages::audit::history(&st, &user, lang, &home, "pegawai", p.id.to_string()).await?;
    let page = DetailPage {
        riwayat,
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "pegawai",
            q.pesan.as_deref(),
        ),
        boleh_ubah: user.can_pd(Action::KelolaPegawai, &home),
        p,
        pd: home,
        grants,
        roles,
        grant_pds,
    };
    Ok(render(StatusCode::OK, &page))
}
