//! Creating, editing and archiving registry records, with one form for every kind built
//! from the kind's field specification.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::FieldProblems;
use simpul_domain::ids::{ItemId, PdId};
use simpul_domain::org::PerangkatDaerah;
use simpul_domain::registry::spec::{FieldKind, FieldSpec, fields, statuses};
use simpul_domain::registry::{Item, ItemInput, Jenis};
use simpul_store::registry::item;
use simpul_store::{StoreError, pd};

use super::{can_edit, jenis_label, parse_jenis};
use crate::auth::{PageUser, User};
use crate::error::{PageError, conflict_problem};
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::pages::{Ctx, FormErrors, region_name, render};
use crate::state::AppState;

/// One input of the form, ready for the template.
pub struct FormField {
    /// Form name (`atribut.<name>` for attributes).
    pub name: String,
    /// Label.
    pub label: String,
    /// Help text.
    pub help: String,
    /// `text`, `textarea`, `select`, `date`, `number`, `url`, `email`.
    pub widget: &'static str,
    /// Options of a select: (value, label).
    pub options: Vec<(String, String)>,
    /// Current value.
    pub value: String,
    /// Whether it must be filled.
    pub required: bool,
}

#[derive(Template)]
#[template(path = "registry_form.html")]
struct FormPage {
    ctx: Ctx,
    judul: String,
    action: String,
    back: String,
    fields: Vec<FormField>,
    errors: FormErrors,
}

fn widget(kind: &FieldKind, pds: &[PerangkatDaerah]) -> (&'static str, Vec<(String, String)>) {
    let opts = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
            .collect()
    };
    match kind {
        FieldKind::LongText => ("textarea", Vec::new()),
        FieldKind::Choice(v) => ("select", opts(v)),
        FieldKind::Bool => ("select", opts(&[("ya", "Ya"), ("tidak", "Tidak")])),
        FieldKind::Date => ("date", Vec::new()),
        FieldKind::Year | FieldKind::Integer { .. } => ("number", Vec::new()),
        FieldKind::Url => ("url", Vec::new()),
        FieldKind::Email => ("email", Vec::new()),
        FieldKind::PdRef => (
            "select",
            pds.iter()
                .map(|p| (p.id.to_string(), p.nama.clone()))
                .collect(),
        ),
        _ => ("text", Vec::new()),
    }
}

/// The whole form for `jenis` with `values` (by form name).
fn form_fields(
    lang: Lang,
    jenis: Jenis,
    values: &BTreeMap<String, String>,
    pds: &[PerangkatDaerah],
) -> Vec<FormField> {
    let v = |k: &str| values.get(k).cloned().unwrap_or_default();
    let pd_options = pds
        .iter()
        .map(|p| (p.id.to_string(), p.nama.clone()))
        .collect();
    let status_options = statuses(jenis)
        .iter()
        .map(|(c, l)| ((*c).to_owned(), (*l).to_owned()))
        .collect();
    let mut out = vec![
        FormField {
            name: "kode".into(),
            label: lang.t("label-kode"),
            help: lang.t("arsitektur-kode-bantuan"),
            widget: "text",
            options: Vec::new(),
            value: v("kode"),
            required: true,
        },
        FormField {
            name: "nama".into(),
            label: lang.t("label-nama"),
            help: String::new(),
            widget: "text",
            options: Vec::new(),
            value: v("nama"),
            required: true,
        },
        FormField {
            name: "pd".into(),
            label: lang.t("arsitektur-pd-pemilik"),
            help: String::new(),
            widget: "select",
            options: pd_options,
            value: v("pd"),
            required: false,
        },
        FormField {
            name: "status".into(),
            label: lang.t("arsitektur-status"),
            help: String::new(),
            widget: "select",
            options: status_options,
            value: v("status"),
            required: false,
        },
    ];
    for f in fields(jenis) {
        out.push(attribute_field(
            lang,
            jenis,
            f,
            &v(&format!("atribut.{}", f.name)),
            pds,
        ));
    }
    out.push(FormField {
        name: "deskripsi".into(),
        label: lang.t("arsitektur-deskripsi"),
        help: String::new(),
        widget: "textarea",
        options: Vec::new(),
        value: v("deskripsi"),
        required: false,
    });
    out
}

fn attribute_field(
    lang: Lang,
    jenis: Jenis,
    f: &FieldSpec,
    value: &str,
    pds: &[PerangkatDaerah],
) -> FormField {
    let (widget, options) = widget(&f.kind, pds);
    // English texts live in the Fluent files; the domain's labels are Indonesian.
    let key = format!("atribut-{}-{}", jenis.code(), f.name);
    let label = if lang == Lang::Id {
        f.label.to_owned()
    } else {
        lang.t_or(&key, f.label)
    };
    FormField {
        name: format!("atribut.{}", f.name),
        label,
        help: f.help.to_owned(),
        widget,
        options,
        value: value.to_owned(),
        required: f.required,
    }
}

/// Form values → raw input.
fn input_of(values: &BTreeMap<String, String>) -> ItemInput {
    let get = |k: &str| values.get(k).cloned().unwrap_or_default();
    ItemInput {
        kode: get("kode"),
        nama: get("nama"),
        deskripsi: get("deskripsi"),
        pd: values.get("pd").and_then(|s| s.parse::<PdId>().ok()),
        status: get("status"),
        atribut: values
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix("atribut.")
                    .map(|n| (n.to_owned(), v.clone()))
            })
            .filter(|(_, v)| !v.trim().is_empty())
            .collect(),
    }
}

/// A stored record as form values.
fn values_of(it: &Item) -> BTreeMap<String, String> {
    let mut m: BTreeMap<String, String> = it
        .atribut
        .iter()
        .map(|(k, v)| (format!("atribut.{k}"), v.clone()))
        .collect();
    m.insert("kode".into(), it.kode.clone());
    m.insert("nama".into(), it.nama.clone());
    m.insert("deskripsi".into(), it.deskripsi.clone().unwrap_or_default());
    m.insert(
        "pd".into(),
        it.pd.map(|p| p.to_string()).unwrap_or_default(),
    );
    m.insert("status".into(), it.status.clone().unwrap_or_default());
    m
}

/// Refuse users who may add records for no PD at all (leadership, auditors).
async fn may_add(st: &AppState, user: &User) -> Result<(), PageError> {
    if can_edit(user, None) || !editable_pds(st, user).await?.is_empty() {
        Ok(())
    } else {
        Err(PageError::Forbidden)
    }
}

/// The PDs the user may put records in.
async fn editable_pds(st: &AppState, user: &User) -> Result<Vec<PerangkatDaerah>, PageError> {
    let all = pd::list(&st.db, &pd::PdFilter::default()).await?;
    Ok(all
        .into_iter()
        .filter(|p| can_edit(user, Some(p)))
        .collect())
}

async fn page(
    st: &AppState,
    user: &User,
    lang: Lang,
    jenis: Jenis,
    editing: Option<&Item>,
    values: &BTreeMap<String, String>,
    problems: &FieldProblems,
) -> Result<FormPage, PageError> {
    let pds = editable_pds(st, user).await?;
    let labels: Vec<(String, String)> = form_fields(lang, jenis, values, &pds)
        .into_iter()
        .map(|f| (f.name, f.label))
        .collect();
    let order: Vec<(&str, &str)> = Vec::new();
    let mut errors = FormErrors::from_problems(problems, lang, &order);
    // Field labels here are texts already, not Fluent keys: name each error's field.
    for (field, label, _) in &mut errors.0 {
        if let Some((_, l)) = labels.iter().find(|(n, _)| n == field) {
            label.clone_from(l);
        }
    }
    errors.0.sort_by_key(|(f, _, _)| {
        labels
            .iter()
            .position(|(n, _)| n == f)
            .unwrap_or(usize::MAX)
    });
    let (judul, action, back) = match editing {
        None => (
            lang.t1("arsitektur-baru-judul", "jenis", &jenis_label(lang, jenis)),
            format!("/arsitektur/{}", jenis.code()),
            format!("/arsitektur/{}", jenis.code()),
        ),
        Some(it) => (
            lang.t1("arsitektur-ubah-judul", "nama", &it.nama),
            format!("/arsitektur/item/{}", it.id),
            format!("/arsitektur/item/{}", it.id),
        ),
    };
    Ok(FormPage {
        ctx: Ctx::new(user, lang, region_name(st).await, "arsitektur", None),
        judul,
        action,
        back,
        fields: form_fields(lang, jenis, values, &pds),
        errors,
    })
}

/// `GET /arsitektur/{jenis}/baru`.
pub async fn new_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    may_add(&st, &user).await?;
    let mut values = BTreeMap::new();
    values.insert("pd".to_owned(), user.pegawai.pd.to_string());
    Ok(render(
        StatusCode::OK,
        &page(
            &st,
            &user,
            lang,
            jenis,
            None,
            &values,
            &FieldProblems::default(),
        )
        .await?,
    ))
}

/// Store errors a user can fix become field problems.
fn fixable(e: StoreError) -> Result<FieldProblems, PageError> {
    let mut p = FieldProblems::default();
    match e {
        StoreError::Conflict(field) => p.add(field, conflict_problem(field)),
        StoreError::MissingReference => p.add(
            "pd",
            simpul_domain::Masalahs::one("pd_tidak_dikenal", "PD tidak dikenal."),
        ),
        other => return Err(other.into()),
    }
    Ok(p)
}

async fn save(
    st: &AppState,
    user: &User,
    jenis: Jenis,
    editing: Option<&Item>,
    values: &BTreeMap<String, String>,
) -> Result<Result<Item, FieldProblems>, PageError> {
    let input = input_of(values);
    if !crate::registry_input::owner_allowed(&st.db, user, input.pd).await? {
        let mut p = FieldProblems::default();
        p.add(
            "pd",
            simpul_domain::Masalahs::one(
                "pd_tidak_boleh",
                "Anda tidak berwenang mencatat data untuk PD ini.",
            ),
        );
        return Ok(Err(p));
    }
    let new = match crate::registry_input::validate(&st.db, jenis, &input, editing.map(|i| i.id))
        .await?
    {
        Ok(n) => n,
        Err(p) => return Ok(Err(p)),
    };
    let stored = match editing {
        None => item::create(&st.db, &user.actor(), &new).await,
        Some(it) => item::update(&st.db, &user.actor(), it.id, &new).await,
    };
    match stored {
        Ok(it) => Ok(Ok(it)),
        Err(e) => fixable(e).map(Err),
    }
}

/// `POST /arsitektur/{jenis}`.
pub async fn create(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Path(code): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let jenis = parse_jenis(&code)?;
    may_add(&st, &user).await?;
    let values: BTreeMap<String, String> = pairs.into_iter().collect();
    match save(&st, &user, jenis, None, &values).await? {
        Ok(it) => Ok(Redirect::to(&format!(
            "/arsitektur/item/{}?pesan=arsitektur-dibuat",
            it.id
        ))
        .into_response()),
        Err(p) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&st, &user, lang, jenis, None, &values, &p).await?,
        )),
    }
}

/// The record, if the user may change it.
async fn editable(st: &AppState, user: &User, id: ItemId) -> Result<Item, PageError> {
    let it = item::get(&st.db, id).await?;
    if crate::registry_input::may_change(&st.db, user, &it).await? {
        Ok(it)
    } else {
        Err(PageError::Forbidden)
    }
}

/// `GET /arsitektur/item/{id}/ubah`.
pub async fn edit_form(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
) -> Result<Response, PageError> {
    let it = editable(&st, &user, id).await?;
    Ok(render(
        StatusCode::OK,
        &page(
            &st,
            &user,
            lang,
            it.jenis,
            Some(&it),
            &values_of(&it),
            &FieldProblems::default(),
        )
        .await?,
    ))
}

/// `POST /arsitektur/item/{id}`.
pub async fn update(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    PagePath(id): PagePath<ItemId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let it = editable(&st, &user, id).await?;
    let values: BTreeMap<String, String> = pairs.into_iter().collect();
    match save(&st, &user, it.jenis, Some(&it), &values).await? {
        Ok(_) => Ok(
            Redirect::to(&format!("/arsitektur/item/{id}?pesan=arsitektur-diubah")).into_response(),
        ),
        Err(p) => Ok(render(
            StatusCode::UNPROCESSABLE_ENTITY,
            &page(&st, &user, lang, it.jenis, Some(&it), &values, &p).await?,
        )),
    }
}

/// `POST /arsitektur/item/{id}/arsip` (`arsip=1` archives, `0` restores).
pub async fn archive(
    State(st): State<AppState>,
    PageUser(user, _): PageUser,
    PagePath(id): PagePath<ItemId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    editable(&st, &user, id).await?;
    let archived = pairs.iter().any(|(k, v)| k == "arsip" && v == "1");
    item::set_archived(&st.db, &user.actor(), id, archived).await?;
    let msg = if archived {
        "arsitektur-diarsipkan"
    } else {
        "arsitektur-dipulihkan"
    };
    Ok(Redirect::to(&format!("/arsitektur/item/{id}?pesan={msg}")).into_response())
}
