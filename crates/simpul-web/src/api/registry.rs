//! API: the SPBE architecture registry — kinds and their field specifications, records,
//! relations, impact analysis and search.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use simpul_domain::ids::{ItemId, PdId, RelasiId};
use simpul_domain::registry::relation_rules::check_relation;
use simpul_domain::registry::spec::{FieldKind, fields, statuses};
use simpul_domain::registry::{Domain, Item, ItemInput, Jenis, Relasi, RelasiJenis};
use simpul_domain::{FieldProblems, Masalahs};
use simpul_store::StoreError;
use simpul_store::registry::item::{self, ItemFilter};
use simpul_store::registry::{relation, search as store_search};

use crate::api::org::bad_field;
use crate::api::{ApiJson, ApiQuery, Page};
use crate::auth::ApiUser;
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::registry_input::{may_change, owner_allowed, validate};
use crate::state::AppState;

/// A kind and its field specification, for clients that build forms or import files.
#[derive(Debug, Serialize)]
pub struct KindSpec {
    /// Kind code.
    pub jenis: &'static str,
    /// Domain code.
    pub domain: &'static str,
    /// Allowed statuses: (code, label).
    pub status: Vec<(&'static str, &'static str)>,
    /// Attributes.
    pub atribut: Vec<FieldDoc>,
}

/// One attribute of a kind.
#[derive(Debug, Serialize)]
pub struct FieldDoc {
    /// Name.
    pub nama: &'static str,
    /// Label (Bahasa Indonesia).
    pub label: &'static str,
    /// Value type.
    pub tipe: &'static str,
    /// Allowed codes of a choice.
    pub pilihan: Vec<&'static str>,
    /// Whether it is required.
    pub wajib: bool,
}

fn type_name(k: &FieldKind) -> &'static str {
    match k {
        FieldKind::Text { .. } | FieldKind::LongText => "teks",
        FieldKind::Choice(_) => "pilihan",
        FieldKind::Date => "tanggal",
        FieldKind::Year => "tahun",
        FieldKind::Integer { .. } => "bilangan",
        FieldKind::Url => "url",
        FieldKind::Email => "email",
        FieldKind::Bool => "ya_tidak",
        FieldKind::Subnet => "subnet",
        FieldKind::DomainName => "nama_domain",
        FieldKind::PdRef => "pd",
    }
}

/// `GET /api/v1/arsitektur/jenis`.
pub async fn kinds(ApiUser(_): ApiUser) -> Json<Vec<KindSpec>> {
    Json(
        Jenis::ALL
            .iter()
            .map(|j| KindSpec {
                jenis: j.code(),
                domain: j.domain().code(),
                status: statuses(*j).to_vec(),
                atribut: fields(*j)
                    .iter()
                    .map(|f| FieldDoc {
                        nama: f.name,
                        label: f.label,
                        tipe: type_name(&f.kind),
                        pilihan: match &f.kind {
                            FieldKind::Choice(v) => v.iter().map(|(c, _)| *c).collect(),
                            _ => Vec::new(),
                        },
                        wajib: f.required,
                    })
                    .collect(),
            })
            .collect(),
    )
}

fn kind_of(code: &str) -> Result<Jenis, ApiError> {
    Jenis::from_code(code).ok_or_else(|| ApiError::new(ErrorCode::NotFound))
}

/// Filters of a list.
#[derive(Debug, Deserialize)]
pub struct ListQuery {
    pd: Option<PdId>,
    status: Option<String>,
    q: Option<String>,
    #[serde(default)]
    arsip: bool,
    limit: Option<i64>,
    offset: Option<i64>,
}

/// `GET /api/v1/arsitektur/{jenis}`.
pub async fn list(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    Path(code): Path<String>,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Page<Item>>, ApiError> {
    let filter = ItemFilter {
        jenis: Some(kind_of(&code)?),
        pd: q.pd.map(|p| vec![p]),
        status: q.status,
        q: q.q,
        termasuk_arsip: q.arsip,
        ..ItemFilter::default()
    };
    let (limit, offset) = crate::api::paging(q.limit, q.offset);
    let (items, total) = item::list(&st.db, &filter, limit, offset).await?;
    Ok(Json(Page { items, total }))
}

/// Validate and refuse what the caller may not record.
async fn checked(
    st: &AppState,
    user: &crate::auth::User,
    jenis: Jenis,
    input: &ItemInput,
    editing: Option<ItemId>,
) -> Result<simpul_domain::registry::NewItem, ApiError> {
    if !owner_allowed(&st.db, user, input.pd).await? {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    validate(&st.db, jenis, input, editing)
        .await?
        .map_err(ApiError::fields)
}

/// `POST /api/v1/arsitektur/{jenis}`.
pub async fn create(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    Path(code): Path<String>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<(StatusCode, Json<Item>), ApiError> {
    let new = checked(&st, &user, kind_of(&code)?, &input, None).await?;
    Ok((
        StatusCode::CREATED,
        Json(item::create(&st.db, &user.actor(), &new).await?),
    ))
}

/// `GET /api/v1/arsitektur/item/{id}`.
pub async fn get(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
) -> Result<Json<Item>, ApiError> {
    Ok(Json(item::get(&st.db, id).await?))
}

/// `PUT /api/v1/arsitektur/item/{id}`.
pub async fn update(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
    ApiJson(input): ApiJson<ItemInput>,
) -> Result<Json<Item>, ApiError> {
    let current = item::get(&st.db, id).await?;
    if !may_change(&st.db, &user, &current).await? {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let new = checked(&st, &user, current.jenis, &input, Some(id)).await?;
    Ok(Json(item::update(&st.db, &user.actor(), id, &new).await?))
}

/// A relation with the other record.
#[derive(Debug, Serialize)]
pub struct RelationView {
    /// The relation.
    #[serde(flatten)]
    pub relasi: Relasi,
    /// Whether it goes out of the record asked about.
    pub keluar: bool,
    /// The record at the other end.
    pub lawan: Item,
}

/// `GET /api/v1/arsitektur/item/{id}/relasi`.
pub async fn relations(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
) -> Result<Json<Vec<RelationView>>, ApiError> {
    item::get(&st.db, id).await?;
    let rels = relation::of_item(&st.db, id).await?;
    Ok(Json(
        rels.into_iter()
            .map(|(relasi, lawan, keluar)| RelationView {
                relasi,
                keluar,
                lawan,
            })
            .collect(),
    ))
}

/// Body of a new relation from the record in the path.
#[derive(Debug, Deserialize)]
pub struct RelationBody {
    jenis: String,
    ke: ItemId,
}

/// `POST /api/v1/arsitektur/item/{id}/relasi`.
pub async fn add_relation(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
    ApiJson(b): ApiJson<RelationBody>,
) -> Result<(StatusCode, Json<Relasi>), ApiError> {
    let from = item::get(&st.db, id).await?;
    if !may_change(&st.db, &user, &from).await? {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    let kind = RelasiJenis::from_code(&b.jenis).ok_or_else(|| {
        bad_field(
            "jenis",
            "relasi_tidak_dikenal",
            "Jenis hubungan tidak dikenal.",
        )
    })?;
    let to = match item::get(&st.db, b.ke).await {
        Err(StoreError::NotFound) => {
            return Err(bad_field(
                "ke",
                "tujuan_tidak_ada",
                "Catatan tujuan tidak ada.",
            ));
        }
        other => other?,
    };
    check_relation(kind, from.jenis, to.jenis).map_err(|m| one("jenis", m))?;
    match relation::add(&st.db, &user.actor(), from.id, to.id, kind).await {
        Ok(r) => Ok((StatusCode::CREATED, Json(r))),
        Err(StoreError::MissingReference) => Err(bad_field(
            "ke",
            "relasi_ke_arsip",
            "Catatan tujuan sudah diarsipkan.",
        )),
        Err(StoreError::Cycle) => Err(bad_field(
            "ke",
            "relasi_siklus",
            "Hubungan ini akan membuat lingkaran ketergantungan.",
        )),
        Err(e) => Err(e.into()),
    }
}

fn one(field: &str, m: Masalahs) -> ApiError {
    let mut f = FieldProblems::default();
    f.add(field, m);
    ApiError::fields(f)
}

/// `DELETE /api/v1/arsitektur/relasi/{id}`.
pub async fn remove_relation(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<RelasiId>,
) -> Result<StatusCode, ApiError> {
    let r = relation::get(&st.db, id).await?;
    let from = item::get(&st.db, r.dari).await?;
    if !may_change(&st.db, &user, &from).await? {
        return Err(ApiError::new(ErrorCode::Forbidden));
    }
    relation::remove(&st.db, &user.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A record that depends on the one analysed.
#[derive(Debug, Serialize)]
pub struct Affected<'a> {
    /// How many relations away.
    pub kedalaman: i64,
    /// The record.
    pub catatan: &'a Item,
}

/// `GET /api/v1/arsitektur/item/{id}/dampak`.
pub async fn impact(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<ItemId>,
) -> Result<Response, ApiError> {
    item::get(&st.db, id).await?;
    let (computed, seq) = crate::registry_impact::impact(&st, id).await?;
    // Serialised once per state of the registry: hundreds of records add up.
    let body = match st.impact_json.get(&id, seq) {
        Some(b) => b,
        None => {
            let list: Vec<Affected<'_>> = computed
                .found
                .iter()
                .map(|(catatan, kedalaman)| Affected {
                    kedalaman: *kedalaman,
                    catatan,
                })
                .collect();
            let json =
                serde_json::to_string(&list).map_err(|_| ApiError::new(ErrorCode::Internal))?;
            st.impact_json.put(id, seq, json)
        }
    };
    Ok((
        [(header::CONTENT_TYPE, "application/json")],
        body.as_str().to_owned(),
    )
        .into_response())
}

/// Query of a search.
#[derive(Debug, Deserialize)]
pub struct SearchQuery {
    q: String,
    domain: Option<String>,
    pd: Option<PdId>,
    status: Option<String>,
    limit: Option<i64>,
}

/// `GET /api/v1/arsitektur/cari`.
pub async fn search(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> Result<Json<Vec<Item>>, ApiError> {
    let domain =
        match q.domain.as_deref() {
            None | Some("") => None,
            Some(d) => Some(Domain::from_code(d).ok_or_else(|| {
                bad_field("domain", "domain_tidak_dikenal", "Domain tidak dikenal.")
            })?),
        };
    // Refused like an unknown domain: a client's typo must not read as "nothing found".
    let status = match q.status {
        None => None,
        Some(s) if s.is_empty() => None,
        Some(s)
            if Jenis::ALL
                .iter()
                .any(|j| statuses(*j).iter().any(|(c, _)| *c == s)) =>
        {
            Some(s)
        }
        Some(_) => {
            return Err(bad_field(
                "status",
                "status_tidak_dikenal",
                "Status tidak dikenal.",
            ));
        }
    };
    let filter = ItemFilter {
        domain,
        pd: q.pd.map(|p| vec![p]),
        status,
        ..ItemFilter::default()
    };
    let limit = q.limit.unwrap_or(50).clamp(1, 500);
    let found = store_search::search(&st.db, &q.q, &filter, limit).await?;
    Ok(Json(found.into_iter().map(|(it, _)| it).collect()))
}
