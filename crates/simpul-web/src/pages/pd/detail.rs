//! A PD's page: details, units, staff, history.

use crate::extract::PagePath;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use simpul_domain::access::Action;
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_store::pd::{self, PdFilter};
use simpul_store::pegawai::{self, PegawaiFilter};

use crate::auth::PageUser;
use crate::error::PageError;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "pd_detail.html")]
struct DetailPage {
    ctx: Ctx,
    pd: PerangkatDaerah,
    jenis: String,
    induk: Option<PerangkatDaerah>,
    anak: Vec<PerangkatDaerah>,
    pegawai: Vec<simpul_domain::org::Pegawai>,
    jumlah_pegawai: i64,
    boleh_lihat_pegawai: bool,
    boleh_ubah: bool,
    riwayat: Option<Vec<crate::pages::audit::Row>>,
}

/// `GET /pd/{id}`.
pub async fn detail(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PdId>,
    Query(q): Query<crate::pages::dashboard::FlashQuery>,
) -> Result<Response, PageError> {
    let p = pd::get(&st.db, id).await?;
    let induk = match p.induk {
        Some(i) => Some(pd::get(&st.db, i).await?),
        None => None,
    };
    let all = pd::list(
        &st.db,
        &PdFilter {
            termasuk_arsip: true,
            ..PdFilter::default()
        },
    )
    .await?;
    let anak = all.into_iter().filter(|c| c.induk == Some(p.id)).collect();
    let boleh_lihat_pegawai = user.can_pd(Action::LihatPegawai, &p);
    let (pegawai, jumlah_pegawai) = if boleh_lihat_pegawai {
        pegawai::list(
            &st.db,
            &PegawaiFilter {
                pds: Some(vec![p.id]),
                q: None,
            },
            200,
            0,
        )
        .await?
    } else {
        (Vec::new(), 0)
    };
    let riwayat =
        crate::pages::audit::history(&st, &user, lang, &p, "pd", p.id.to_string()).await?;
    let page = DetailPage {
        ctx: Ctx::new(
            &user,
            lang,
            region_name(&st).await,
            "pd",
            q.pesan.as_deref(),
        ),
        riwayat,
        jenis: lang.t(&format!("jenis-{}", p.jenis.code())),
        boleh_ubah: user.can_pd(Action::KelolaPd, &p),
        pd: p,
        induk,
        anak,
        pegawai,
        jumlah_pegawai,
        boleh_lihat_pegawai,
    };
    Ok(render(StatusCode::OK, &page))
}
