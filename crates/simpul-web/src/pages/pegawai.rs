//! Pages for staff: list, detail with roles, create, edit, password reset, grant/revoke.

use crate::extract::PagePath;
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_domain::access::{Action, Grant, Role, Target};
use simpul_domain::ids::{GrantId, PdId, PegawaiId};
use simpul_domain::org::pegawai::PegawaiInput;
use simpul_domain::org::{NewPegawai, Pegawai, PerangkatDaerah};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::pd::{self, PdFilter};
use simpul_store::pegawai::{self, PegawaiFilter};
use simpul_store::peran;
use time::OffsetDateTime;

use crate::auth::{PageUser, User, password};
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::pd::store_problems;
use crate::pages::{Ctx, FormErrors, page_number, region_name, render};
use crate::state::AppState;

const PER_PAGE: i64 = 50;

/// The PDs whose staff the user may see or manage, for filters and forms.
pub async fn pds_where(
    st: &AppState,
    user: &User,
    action: Action,
) -> Result<Vec<PerangkatDaerah>, PageError> {
    let all = pd::list(&st.db, &PdFilter::default()).await?;
    Ok(all.into_iter().filter(|p| user.can_pd(action, p)).collect())
}

#[derive(Template)]
#[template(path = "pegawai_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<(Pegawai, String)>,
    total: i64,
    page: i64,
    pages: i64,
    q: String,
    pd: String,
    pds: Vec<PerangkatDaerah>,
    boleh_buat: bool,
    query_base: String,
}

#[derive(Template)]
#[template(path = "pegawai_table.html")]
struct ListTable {
    ctx: Ctx,
    rows: Vec<(Pegawai, String)>,
    total: i64,
    page: i64,
    pages: i64,
    query_base: String,
}

/// Filters of the list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    pd: Option<String>,
    hal: Option<String>,
    pesan: Option<String>,
}

/// `GET /pegawai`.
pub async fn list(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Response, PageError> {
    let visible = pds_where(&st, &user, Action::LihatPegawai).await?;
    let chosen = q.pd.as_deref().and_then(|s| s.parse::<PdId>().ok());
    let pds = match chosen {
        Some(id) => vec![id]
            .into_iter()
            .filter(|id| visible.iter().any(|p| p.id == *id))
            .collect(),
        None => visible.iter().map(|p| p.id).collect(),
    };
    let page = page_number(q.hal.as_deref());
    let filter = PegawaiFilter {
        pds: Some(pds),
        q: q.q.clone().filter(|s| !s.trim().is_empty()),
    };
    let (list, total) = pegawai::list(&st.db, &filter, PER_PAGE, (page - 1) * PER_PAGE).await?;
    let names: std::collections::HashMap<PdId, String> =
        visible.iter().map(|p| (p.id, p.nama.clone())).collect();
    let rows = list
        .into_iter()
        .map(|p| {
            let n = names.get(&p.pd).cloned().unwrap_or_default();
            (p, n)
        })
        .collect();
    let pages = (total + PER_PAGE - 1) / PER_PAGE;
    let query_base = format!(
        "/pegawai?q={}&pd={}",
        crate::pages::url_encode(q.q.as_deref().unwrap_or("")),
        crate::pages::url_encode(q.pd.as_deref().unwrap_or(""))
    );
    let ctx = Ctx::new(
        &user,
        lang,
        region_name(&st).await,
        "pegawai",
        q.pesan.as_deref(),
    );
    if headers.contains_key("hx-request") {
        return Ok(render(
            StatusCode::OK,
            &ListTable {
                ctx,
                rows,
                total,
                page,
                pages,
                query_base,
            },
        ));
    }
    let boleh_buat = !pds_where(&st, &user, Action::KelolaPegawai)
        .await?
        .is_empty();
    let page = ListPage {
        ctx,
        rows,
        total,
        page,
        pages,
        q: q.q.unwrap_or_default(),
        pd: q.pd.unwrap_or_default(),
        pds: visible,
        boleh_buat,
        query_base,
    };
    Ok(render(StatusCode::OK, &page))
}

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
    Query(q): Query<ListQuery>,
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

#[derive(Template)]
#[template(path = "pegawai_form.html")]
struct FormPage {
    ctx: Ctx,
    action: String,
    judul: String,
    baru: bool,
    v: PegawaiForm,
    errors: FormErrors,
    pds: Vec<PerangkatDaerah>,
}

/// The staff form's raw values.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PegawaiForm {
    #[serde(default)]
    nip: String,
    #[serde(default)]
    nama: String,
    #[serde(default)]
    jabatan: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    pd: String,
    #[serde(default)]
    sandi: String,
}

impl PegawaiForm {
    fn input(&self) -> PegawaiInput {
        PegawaiInput {
            nip: self.nip.clone(),
            nama: self.nama.clone(),
            jabatan: self.jabatan.clone(),
            email: self.email.clone(),
            pd: self.pd.trim().parse().ok(),
        }
    }
}

/// The form's fields in order, with their labels.
const FIELDS: &[(&str, &str)] = &[
    ("nip", "label-nip"),
    ("nama", "label-nama"),
    ("jabatan", "label-jabatan"),
    ("email", "label-email"),
    ("pd", "label-pd"),
    ("sandi", "label-sandi-awal"),
];

/// The form page for a new person (`editing` none) or for editing one.
async fn form_page(
    st: &AppState,
    user: &User,
    lang: Lang,
    editing: Option<&Pegawai>,
    v: PegawaiForm,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let (action, judul, baru) = match editing {
        None => ("/pegawai".to_owned(), lang.t("pegawai-baru-judul"), true),
        Some(p) => (
            format!("/pegawai/{}", p.id),
            lang.t1("pegawai-ubah-judul", "nama", &p.nama),
            false,
        ),
    };
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "pegawai", None),
        action,
        judul,
        baru,
        v: PegawaiForm {
            sandi: String::new(),
            ..v
        },
        errors: FormErrors::from_problems(problems, lang, FIELDS),
        pds: pds_where(st, user, Action::KelolaPegawai).await?,
    })
}

/// Validate the form; `pd` must be one the user may manage.
async fn validate(
    st: &AppState,
    user: &User,
    f: &PegawaiForm,
    baru: bool,
) -> Result<(NewPegawai, Option<String>), FieldProblems> {
    let today = OffsetDateTime::now_utc().date();
    let parsed = NewPegawai::parse(&f.input(), today);
    let mut problems = FieldProblems::default();
    let with_password = baru && !f.sandi.is_empty();
    if with_password {
        let nip = parsed.as_ref().map(|n| n.nip.as_str()).unwrap_or_default();
        if let Err(m) = password::check_policy(&f.sandi, nip) {
            problems.add("sandi", m);
        }
    }
    let new = match parsed {
        Ok(n) => n,
        Err(p) => {
            problems.merge(p);
            return Err(problems);
        }
    };
    match placement(st, user, new.pd).await {
        Ok(Placement::Allowed) => {}
        Ok(refused) => problems.add("pd", refused.problem()),
        Err(e) => {
            tracing::error!(error = %e, "checking the PD of a staff form");
            problems.add("pd", Placement::Unknown.problem());
        }
    }
    if problems.is_empty() {
        Ok((new, with_password.then(|| f.sandi.clone())))
    } else {
        Err(problems)
    }
}

/// Whether a user may place staff in a PD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Yes.
    Allowed,
    /// No such PD.
    Unknown,
    /// The PD is archived and accepts no new staff.
    Archived,
    /// The user does not manage that PD's staff.
    Forbidden,
}

impl Placement {
    /// The field problem shown for a refusal.
    pub fn problem(self) -> Masalahs {
        match self {
            Self::Allowed => Masalahs(Vec::new()),
            Self::Unknown => Masalahs::one("pd_tidak_dikenal", "PD tidak dikenal."),
            Self::Archived => Masalahs::one(
                "pd_diarsipkan",
                "PD ini diarsipkan dan tidak menerima pegawai.",
            ),
            Self::Forbidden => Masalahs::one(
                "pd_tidak_boleh",
                "Anda tidak berwenang menambah atau memindahkan pegawai ke PD ini.",
            ),
        }
    }
}

/// Decide whether `user` may put staff into PD `pd_id` (pages and API alike).
pub async fn placement(
    st: &AppState,
    user: &User,
    pd_id: PdId,
) -> Result<Placement, simpul_store::StoreError> {
    let p = match pd::get(&st.db, pd_id).await {
        Ok(p) => p,
        Err(simpul_store::StoreError::NotFound) => return Ok(Placement::Unknown),
        Err(e) => return Err(e),
    };
    Ok(if !user.can_pd(Action::KelolaPegawai, &p) {
        Placement::Forbidden
    } else if p.diarsipkan {
        Placement::Archived
    } else {
        Placement::Allowed
    })
}

/// `GET /pegawai/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
) -> Result<Response, PageError> {
    let page = form_page(
        &st,
        &user,
        lang,
        None,
        PegawaiForm::default(),
        &FieldProblems::default(),
    )
    .await?;
    if page.pds.is_empty() {
        return Err(PageError::Forbidden);
    }
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pegawai`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Form(f): Form<PegawaiForm>,
) -> Result<Response, PageError> {
    let outcome = match validate(&st, &user, &f, true).await {
        Ok((new, sandi)) => {
            let hash = match sandi {
                Some(s) => Some(hash_blocking(s).await?),
                None => None,
            };
            pegawai::create(&st.db, &user.actor(), &new, hash.as_deref())
                .await
                .map_err(store_problems)
        }
        Err(p) => Err(Ok(p)),
    };
    match outcome {
        Ok(p) => {
            Ok(Redirect::to(&format!("/pegawai/{}?pesan=pegawai-dibuat", p.id)).into_response())
        }
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, None, f, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}

/// Hash off the async threads: Argon2 is deliberately slow.
pub async fn hash_blocking(sandi: String) -> Result<String, PageError> {
    tokio::task::spawn_blocking(move || password::hash(&sandi))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))
}

/// `GET /pegawai/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PegawaiId>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::KelolaPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    let v = PegawaiForm {
        nip: p.nip.as_str().to_owned(),
        nama: p.nama.clone(),
        jabatan: p.jabatan.clone().unwrap_or_default(),
        email: p.email.clone().unwrap_or_default(),
        pd: p.pd.to_string(),
        sandi: String::new(),
    };
    let page = form_page(&st, &user, lang, Some(&p), v, &FieldProblems::default()).await?;
    Ok(render(StatusCode::OK, &page))
}

/// `POST /pegawai/{id}`: the NIP cannot change (it identifies the person).
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<PegawaiId>,
    Form(f): Form<PegawaiForm>,
) -> Result<Response, PageError> {
    let p = pegawai::get(&st.db, id).await?;
    let home = pd::get(&st.db, p.pd).await?;
    if !user.can_pd(Action::KelolaPegawai, &home) {
        return Err(PageError::Forbidden);
    }
    let f = PegawaiForm {
        nip: p.nip.as_str().to_owned(),
        ..f
    };
    let outcome = match validate(&st, &user, &f, false).await {
        Ok((new, _)) => pegawai::update(&st.db, &user.actor(), id, &new)
            .await
            .map_err(store_problems),
        Err(pr) => Err(Ok(pr)),
    };
    match outcome {
        Ok(_) => Ok(Redirect::to(&format!("/pegawai/{id}?pesan=pegawai-diubah")).into_response()),
        Err(Ok(problems)) => {
            let page = form_page(&st, &user, lang, Some(&p), f, &problems).await?;
            Ok(render(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(Err(e)) => Err(e),
    }
}

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
