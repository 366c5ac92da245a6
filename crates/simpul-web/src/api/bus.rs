//! API of the service bus control plane (issue 5): services with their OpenAPI
//! documents, the Dinas' review, consumers and their credentials (secrets shown once),
//! grants, data elements. Rules from `simpul_domain::bus`; changes through
//! `simpul_store::bus` (audited). The gateway picks changes up from the database.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use simpul_domain::FieldProblems;
use simpul_domain::Masalahs;
use simpul_domain::access::{Action, Target};
use simpul_domain::berkas::Sha256;
use simpul_domain::bus::{
    DokumenOpenApi, ElemenData, Klasifikasi, KodeLayanan, NikFields, Operasi, Putusan, StatusIzin,
    StatusLayanan, UrlHulu, Versi, kedaluwarsa_valid,
};
use simpul_domain::ids::PdId;
use simpul_store::bus::konsumen::{Jenis, Kredensial};
use simpul_store::bus::{elemen, izin, konsumen, layanan, tinjauan};
use simpul_store::pd;
use time::{OffsetDateTime, UtcOffset};
use uuid::Uuid;

use crate::api::ApiJson;
use crate::auth::{ApiUser, User};
use crate::error::{ApiError, ErrorCode};
use crate::extract::ApiPath;
use crate::state::AppState;

/// Routes under `/api/v1`.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/bus/layanan", get(list_services).post(create_service))
        .route("/bus/layanan/{id}", get(get_service).put(update_service))
        .route("/bus/layanan/{id}/putusan", post(decide_service))
        .route("/bus/tinjauan", get(queue))
        .route("/bus/konsumen", get(list_consumers).post(create_consumer))
        .route("/bus/konsumen/{id}", get(get_consumer))
        .route("/bus/konsumen/{id}/kredensial", post(issue_credential))
        .route("/bus/konsumen/{id}/cabut", post(revoke_consumer))
        .route("/bus/kredensial/{id}", delete(revoke_credential))
        .route("/bus/izin", get(list_grants).post(request_grant))
        .route("/bus/izin/{id}/putusan", post(decide_grant))
        .route("/bus/elemen", get(list_elements).post(create_element))
        .route("/bus/elemen/{id}", axum::routing::put(update_element))
}

fn forbidden() -> ApiError {
    ApiError::new(ErrorCode::Forbidden)
}

fn field(name: &str, p: Masalahs) -> ApiError {
    let mut f = FieldProblems::default();
    f.add(name, p);
    ApiError::fields(f)
}

/// Today in the gateway's day (UTC+7): grants end at the end of their last day there.
pub fn hari_ini() -> time::Date {
    let off = UtcOffset::from_hms(7, 0, 0).unwrap_or(UtcOffset::UTC);
    OffsetDateTime::now_utc().to_offset(off).date()
}

/// May `user` manage the bus entries of PD `id`?
pub async fn boleh_kelola(st: &AppState, user: &User, id: PdId) -> Result<bool, ApiError> {
    let p = pd::get(&st.db, id).await?;
    Ok(user.can_pd(Action::KelolaBus, &p))
}

/// The PD a new record is for: given, existing (else `unknown_reference`), and one
/// `user` manages (else 403).
async fn pd_dikelola(st: &AppState, user: &User, pd: Option<PdId>) -> Result<PdId, ApiError> {
    let Some(pd_id) = pd else {
        return Err(field("pd", Masalahs::one("wajib_diisi", "Wajib diisi.")));
    };
    let allowed = boleh_kelola(st, user, pd_id)
        .await
        .map_err(|_| ApiError::new(ErrorCode::UnknownReference))?;
    if allowed { Ok(pd_id) } else { Err(forbidden()) }
}

/// May `user` review (the Dinas: super admin or the `pengelola_spbe` PD's admins)?
pub async fn boleh_tinjau(st: &AppState, user: &User) -> Result<bool, ApiError> {
    Ok(match pd::pengelola(&st.db).await? {
        Some(d) => user.can_pd(Action::TinjauBus, &d),
        None => user.can(Action::TinjauBus, Target::Region),
    })
}

// ---- services ------------------------------------------------------------------------

/// A service as entered.
#[derive(Debug, Deserialize)]
pub struct ServiceInput {
    /// Owning PD (create only).
    #[serde(default)]
    pub pd: Option<PdId>,
    /// Code (create only).
    #[serde(default)]
    pub kode: String,
    /// Version (create only).
    #[serde(default)]
    pub versi: String,
    /// Name.
    #[serde(default)]
    pub nama: String,
    /// Description.
    #[serde(default)]
    pub deskripsi: String,
    /// Upstream URL.
    #[serde(default)]
    pub url_hulu: String,
    /// `biasa` / `terbatas` / `rahasia`.
    #[serde(default)]
    pub klasifikasi: String,
    /// Query parameters carrying NIKs (comma-separated).
    #[serde(default)]
    pub nik_query: String,
    /// Request JSON fields carrying NIKs.
    #[serde(default)]
    pub nik_request: String,
    /// Response JSON fields carrying NIKs.
    #[serde(default)]
    pub nik_response: String,
    /// The OpenAPI 3 document (a JSON object); required on create, optional on edit.
    #[serde(default)]
    pub openapi: Option<serde_json::Value>,
}

/// Check the entry's fields; the document is checked and stored in the blob store.
pub async fn isian(
    st: &AppState,
    f: &mut FieldProblems,
    i: &ServiceInput,
    doc_required: bool,
) -> Result<Option<layanan::Isian>, ApiError> {
    isian_dokumen(st, f, i, doc_bytes(&i.openapi), doc_required).await
}

/// [`isian`] with the document given as (bytes, file name) — the pages' upload —
/// instead of `i.openapi`. Nothing reaches the blob store unless every field is valid.
pub(crate) async fn isian_dokumen(
    st: &AppState,
    f: &mut FieldProblems,
    i: &ServiceInput,
    doc: Option<(Vec<u8>, String)>,
    doc_required: bool,
) -> Result<Option<layanan::Isian>, ApiError> {
    let nama = f.check("nama", simpul_domain::text::required(&i.nama, 200));
    let deskripsi = f.check(
        "deskripsi",
        simpul_domain::text::optional(&i.deskripsi, 4000),
    );
    let url = f.check("url_hulu", UrlHulu::parse(&i.url_hulu));
    let k = f.check("klasifikasi", Klasifikasi::parse(&i.klasifikasi));
    let nik = f.check(
        "nik",
        NikFields::parse(&i.nik_query, &i.nik_request, &i.nik_response),
    );
    let parsed = match &doc {
        Some((bytes, _)) => f.check("openapi", DokumenOpenApi::parse(bytes)).map(Some),
        None if doc_required => {
            f.add(
                "openapi",
                Masalahs::one("wajib_diisi", "Dokumen OpenAPI 3 wajib dilampirkan."),
            );
            None
        }
        None => Some(None),
    };
    let (Some(nama), Some(deskripsi), Some(url_hulu), Some(klasifikasi), Some(nik), Some(_)) =
        (nama, deskripsi, url, k, nik, parsed)
    else {
        return Ok(None);
    };
    if !f.0.is_empty() {
        return Ok(None);
    }
    let openapi = match doc {
        Some((bytes, name)) => {
            let sha = st.blobs.put(bytes).await?;
            Some((sha, name))
        }
        None => None,
    };
    Ok(Some(layanan::Isian {
        nama,
        deskripsi,
        url_hulu,
        klasifikasi,
        nik,
        openapi,
    }))
}

fn doc_bytes(v: &Option<serde_json::Value>) -> Option<(Vec<u8>, String)> {
    v.as_ref().map(|d| {
        (
            serde_json::to_vec_pretty(d).unwrap_or_default(),
            "openapi.json".to_owned(),
        )
    })
}

/// `GET /api/v1/bus/layanan`: every PD's services.
pub async fn list_services(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<layanan::Layanan>>, ApiError> {
    Ok(Json(layanan::list(&st.db).await?))
}

/// A service with its operations and decisions.
#[derive(Debug, Serialize)]
pub struct ServiceDetail {
    /// The service.
    #[serde(flatten)]
    pub layanan: layanan::Layanan,
    /// Operations read from its OpenAPI document.
    pub operasi: Vec<Operasi>,
    /// Reviews and other decisions, newest first.
    pub tinjauan: Vec<tinjauan::Tinjauan>,
    /// Grants on it.
    pub izin: Vec<izin::Izin>,
}

/// The operations of a stored document (empty when it cannot be read).
pub async fn operasi(st: &AppState, l: &layanan::Layanan) -> Vec<Operasi> {
    let Some(sha) = l
        .openapi_sha256
        .as_deref()
        .and_then(|s| Sha256::parse(s).ok())
    else {
        return Vec::new();
    };
    match st.blobs.read(&sha).await {
        Ok(b) => DokumenOpenApi::parse(&b)
            .map(|d| d.operasi)
            .unwrap_or_default(),
        Err(e) => {
            tracing::warn!(error = %e, layanan = %l.key(), "dokumen OpenAPI tidak terbaca");
            Vec::new()
        }
    }
}

/// `GET /api/v1/bus/layanan/{id}`.
pub async fn get_service(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<ServiceDetail>, ApiError> {
    let l = layanan::get(&st.db, id).await?;
    let operasi = operasi(&st, &l).await;
    let tinjauan = tinjauan::of(&st.db, "layanan", id).await?;
    let izin = izin::list(&st.db)
        .await?
        .into_iter()
        .filter(|g| g.layanan == id)
        .collect();
    Ok(Json(ServiceDetail {
        layanan: l,
        operasi,
        tinjauan,
        izin,
    }))
}

/// `POST /api/v1/bus/layanan`: a PD's admin registers a service (a proposal).
pub async fn create_service(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(i): ApiJson<ServiceInput>,
) -> Result<(StatusCode, Json<layanan::Layanan>), ApiError> {
    let pd_id = pd_dikelola(&st, &user, i.pd).await?;
    let mut f = FieldProblems::default();
    let kode = f.check("kode", KodeLayanan::parse(&i.kode));
    let versi = f.check("versi", Versi::parse(&i.versi));
    let isi = isian(&st, &mut f, &i, true).await?;
    let (Some(kode), Some(versi), Some(isi)) = (kode, versi, isi) else {
        return Err(ApiError::fields(f));
    };
    let l = layanan::create(&st.db, &user.actor(), pd_id, &kode, &versi, &isi).await?;
    Ok((StatusCode::CREATED, Json(l)))
}

/// `PUT /api/v1/bus/layanan/{id}`: the owner edits; the service goes back to review.
pub async fn update_service(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<ServiceInput>,
) -> Result<Json<layanan::Layanan>, ApiError> {
    let old = layanan::get(&st.db, id).await?;
    if !boleh_kelola(&st, &user, old.pd).await? {
        return Err(forbidden());
    }
    let mut f = FieldProblems::default();
    let Some(isi) = isian(&st, &mut f, &i, false).await? else {
        return Err(ApiError::fields(f));
    };
    let ke = old.status.setelah_ubah();
    Ok(Json(
        layanan::update(&st.db, &user.actor(), id, old.status, ke, &isi).await?,
    ))
}

/// A decision.
#[derive(Debug, Deserialize)]
pub struct Decision {
    /// `setujui`, `tolak`, (services) `nonaktifkan`, `aktifkan`, (grants) `cabut`.
    #[serde(default)]
    pub putusan: String,
    /// Note (required to refuse).
    #[serde(default)]
    pub catatan: String,
}

/// The decision's note, `None` when blank.
pub(crate) fn catatan(d: &Decision) -> Option<&str> {
    Some(d.catatan.trim()).filter(|c| !c.is_empty())
}

/// The new status of a service after decision `d`.
pub fn service_transition(s: StatusLayanan, d: &Decision) -> Result<StatusLayanan, ApiError> {
    let r = match d.putusan.trim() {
        "nonaktifkan" => s.nonaktifkan(),
        "aktifkan" => s.aktifkan(),
        other => Putusan::parse(other).and_then(|p| {
            p.check_note(catatan(d))?;
            s.tinjau(p)
        }),
    };
    r.map_err(|e| {
        let name = if e.has("catatan_wajib") {
            "catatan"
        } else {
            "putusan"
        };
        field(name, e)
    })
}

/// `POST /api/v1/bus/layanan/{id}/putusan`: the Dinas decides.
pub async fn decide_service(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(d): ApiJson<Decision>,
) -> Result<Json<layanan::Layanan>, ApiError> {
    if !boleh_tinjau(&st, &user).await? {
        return Err(forbidden());
    }
    let old = layanan::get(&st.db, id).await?;
    let ke = service_transition(old.status, &d)?;
    let l = layanan::putuskan(
        &st.db,
        &user.actor(),
        id,
        old.status,
        ke,
        d.putusan.trim(),
        catatan(&d),
    )
    .await?;
    Ok(Json(l))
}

/// What awaits the Dinas' review.
#[derive(Debug, Serialize)]
pub struct Queue {
    /// Proposed services.
    pub layanan: Vec<layanan::Layanan>,
    /// Requested grants.
    pub izin: Vec<izin::Izin>,
}

/// `GET /api/v1/bus/tinjauan`.
pub async fn queue(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Queue>, ApiError> {
    Ok(Json(Queue {
        layanan: layanan::usulan(&st.db).await?,
        izin: izin::usulan(&st.db).await?,
    }))
}

// ---- consumers -----------------------------------------------------------------------

/// A consumer as entered.
#[derive(Debug, Deserialize)]
pub struct ConsumerInput {
    /// Owning PD.
    pub pd: Option<PdId>,
    /// Code (the consumer id in the gateway and evidence).
    #[serde(default)]
    pub kode: String,
    /// Name.
    #[serde(default)]
    pub nama: String,
    /// Application.
    #[serde(default)]
    pub aplikasi: String,
}

/// `GET /api/v1/bus/konsumen`.
pub async fn list_consumers(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<konsumen::Konsumen>>, ApiError> {
    Ok(Json(konsumen::list(&st.db).await?))
}

/// A consumer with its credentials (never secrets).
#[derive(Debug, Serialize)]
pub struct ConsumerDetail {
    /// The consumer.
    #[serde(flatten)]
    pub konsumen: konsumen::Konsumen,
    /// Credentials.
    pub kredensial: Vec<Kredensial>,
}

/// `GET /api/v1/bus/konsumen/{id}`.
pub async fn get_consumer(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<ConsumerDetail>, ApiError> {
    let k = konsumen::get(&st.db, id).await?;
    let kredensial = konsumen::kredensial(&st.db, id).await?;
    Ok(Json(ConsumerDetail {
        konsumen: k,
        kredensial,
    }))
}

/// Check a consumer's code, name and application; problems go into `f`.
pub(crate) fn cek_konsumen(
    f: &mut FieldProblems,
    i: &ConsumerInput,
) -> Option<(KodeLayanan, String, String)> {
    let kode = f.check("kode", KodeLayanan::parse(&i.kode));
    let nama = f.check("nama", simpul_domain::text::required(&i.nama, 200));
    let app = f.check("aplikasi", simpul_domain::text::required(&i.aplikasi, 200));
    Some((kode?, nama?, app?))
}

/// `POST /api/v1/bus/konsumen`.
pub async fn create_consumer(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(i): ApiJson<ConsumerInput>,
) -> Result<(StatusCode, Json<konsumen::Konsumen>), ApiError> {
    let pd_id = pd_dikelola(&st, &user, i.pd).await?;
    let mut f = FieldProblems::default();
    let Some((kode, nama, app)) = cek_konsumen(&mut f, &i) else {
        return Err(ApiError::fields(f));
    };
    let k = konsumen::create(&st.db, &user.actor(), pd_id, &kode, &nama, &app).await?;
    Ok((StatusCode::CREATED, Json(k)))
}

/// Which credential to issue.
#[derive(Debug, Deserialize)]
pub struct CredentialInput {
    /// `api_key` or `oauth`.
    #[serde(default)]
    pub jenis: String,
}

/// A new credential with its secret: shown this once, never stored.
#[derive(Debug, Serialize)]
pub struct IssuedCredential {
    /// The stored credential.
    pub kredensial: Kredensial,
    /// The secret (API key or client secret).
    pub rahasia: String,
}

/// Issue a credential: a random secret, stored as its SHA-256.
pub async fn issue(
    st: &AppState,
    user: &User,
    k: &konsumen::Konsumen,
    jenis: &str,
) -> Result<IssuedCredential, ApiError> {
    let (j, rahasia, client_id) = match jenis.trim() {
        "api_key" => (
            Jenis::ApiKey,
            format!("sbk_{}", crate::auth::secret::random_hex()),
            None,
        ),
        "oauth" => {
            let suffix = &crate::auth::secret::random_hex()[..8];
            (
                Jenis::Oauth,
                crate::auth::secret::random_hex(),
                Some(format!("{}-{suffix}", k.kode)),
            )
        }
        _ => {
            return Err(field(
                "jenis",
                Masalahs::one(
                    "jenis_kredensial",
                    "Jenis kredensial harus api_key atau oauth.",
                ),
            ));
        }
    };
    let digest = crate::auth::secret::digest(&rahasia);
    let petunjuk: String = rahasia.chars().take(8).collect();
    let kredensial = konsumen::terbitkan(
        &st.db,
        &user.actor(),
        k.id,
        j,
        client_id.as_deref(),
        &digest,
        &petunjuk,
    )
    .await?;
    Ok(IssuedCredential {
        kredensial,
        rahasia,
    })
}

/// `POST /api/v1/bus/konsumen/{id}/kredensial`.
pub async fn issue_credential(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<CredentialInput>,
) -> Result<(StatusCode, Json<IssuedCredential>), ApiError> {
    let k = konsumen::get(&st.db, id).await?;
    if !boleh_kelola(&st, &user, k.pd).await? {
        return Err(forbidden());
    }
    Ok((
        StatusCode::CREATED,
        Json(issue(&st, &user, &k, &i.jenis).await?),
    ))
}

/// `POST /api/v1/bus/konsumen/{id}/cabut`: the owner or the Dinas.
pub async fn revoke_consumer(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<Json<konsumen::Konsumen>, ApiError> {
    let k = konsumen::get(&st.db, id).await?;
    if !(boleh_kelola(&st, &user, k.pd).await? || boleh_tinjau(&st, &user).await?) {
        return Err(forbidden());
    }
    Ok(Json(konsumen::cabut(&st.db, &user.actor(), id).await?))
}

/// `DELETE /api/v1/bus/kredensial/{id}`: the owner or the Dinas.
pub async fn revoke_credential(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
) -> Result<StatusCode, ApiError> {
    let cred = konsumen::kredensial_get(&st.db, id).await?;
    let k = konsumen::get(&st.db, cred.konsumen).await?;
    if !(boleh_kelola(&st, &user, k.pd).await? || boleh_tinjau(&st, &user).await?) {
        return Err(forbidden());
    }
    konsumen::cabut_kredensial(&st.db, &user.actor(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// ---- grants --------------------------------------------------------------------------

/// A grant request.
#[derive(Debug, Deserialize)]
pub struct GrantInput {
    /// Consumer.
    pub konsumen: Option<Uuid>,
    /// Service.
    pub layanan: Option<Uuid>,
    /// Purpose.
    #[serde(default)]
    pub tujuan: String,
    /// Legal basis.
    #[serde(default)]
    pub dasar_hukum: String,
    /// Last valid day `YYYY-MM-DD`.
    #[serde(default)]
    pub berlaku_sampai: String,
}

/// `GET /api/v1/bus/izin`.
pub async fn list_grants(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<izin::Izin>>, ApiError> {
    Ok(Json(izin::list(&st.db).await?))
}

/// `POST /api/v1/bus/izin`: the consumer's PD admin asks.
pub async fn request_grant(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(i): ApiJson<GrantInput>,
) -> Result<(StatusCode, Json<izin::Izin>), ApiError> {
    let mut f = FieldProblems::default();
    let Some(p) = cek_izin(&mut f, &i) else {
        return Err(ApiError::fields(f));
    };
    let k = konsumen::get(&st.db, p.konsumen)
        .await
        .map_err(|_| ApiError::new(ErrorCode::UnknownReference))?;
    if !boleh_kelola(&st, &user, k.pd).await? {
        return Err(forbidden());
    }
    let g = izin::minta(
        &st.db,
        &user.actor(),
        p.konsumen,
        p.layanan,
        &p.tujuan,
        &p.dasar_hukum,
        p.berlaku_sampai,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(g)))
}

/// A checked grant request.
pub(crate) struct Permintaan {
    /// Consumer.
    pub konsumen: Uuid,
    /// Service.
    pub layanan: Uuid,
    /// Purpose.
    pub tujuan: String,
    /// Legal basis.
    pub dasar_hukum: String,
    /// Last valid day.
    pub berlaku_sampai: time::Date,
}

/// Check a grant request's fields (not who asks); problems go into `f`.
pub(crate) fn cek_izin(f: &mut FieldProblems, i: &GrantInput) -> Option<Permintaan> {
    if i.konsumen.is_none() {
        f.add("konsumen", Masalahs::one("wajib_diisi", "Wajib diisi."));
    }
    if i.layanan.is_none() {
        f.add("layanan", Masalahs::one("wajib_diisi", "Wajib diisi."));
    }
    let tujuan = f.check("tujuan", simpul_domain::text::required(&i.tujuan, 500));
    let dasar = f.check(
        "dasar_hukum",
        simpul_domain::text::required(&i.dasar_hukum, 500),
    );
    let sampai = match izin::parse_tanggal(&i.berlaku_sampai) {
        Some(d) => f.check(
            "berlaku_sampai",
            kedaluwarsa_valid(d, hari_ini()).map(|()| d),
        ),
        None => {
            f.add(
                "berlaku_sampai",
                Masalahs::one("tanggal_tidak_valid", "Tulis TTTT-BB-HH."),
            );
            None
        }
    };
    Some(Permintaan {
        konsumen: i.konsumen?,
        layanan: i.layanan?,
        tujuan: tujuan?,
        dasar_hukum: dasar?,
        berlaku_sampai: sampai?,
    })
}

/// `POST /api/v1/bus/izin/{id}/putusan`: the Dinas reviews or revokes; the consumer's
/// PD may revoke its own grant.
pub async fn decide_grant(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(d): ApiJson<Decision>,
) -> Result<Json<izin::Izin>, ApiError> {
    let g = izin::get(&st.db, id).await?;
    let dinas = boleh_tinjau(&st, &user).await?;
    let boleh = if d.putusan.trim() == "cabut" {
        dinas || boleh_kelola(&st, &user, g.konsumen_pd).await?
    } else {
        dinas
    };
    if !boleh {
        return Err(forbidden());
    }
    let ke = grant_transition(&g, &d)?;
    Ok(Json(
        izin::putuskan(
            &st.db,
            &user.actor(),
            id,
            g.status,
            ke,
            d.putusan.trim(),
            catatan(&d),
        )
        .await?,
    ))
}

/// The new status of grant `g` after decision `d` (`cabut` or a review); who may
/// decide is the caller's question.
pub(crate) fn grant_transition(g: &izin::Izin, d: &Decision) -> Result<StatusIzin, ApiError> {
    match d.putusan.trim() {
        "cabut" => g.status.cabut(),
        other => Putusan::parse(other).and_then(|p| {
            p.check_note(catatan(d))?;
            g.status.tinjau(p, g.berlaku_sampai, hari_ini())
        }),
    }
    .map_err(|e| {
        let name = if e.has("catatan_wajib") {
            "catatan"
        } else if e.has("kedaluwarsa_lampau") {
            "berlaku_sampai"
        } else {
            "putusan"
        };
        field(name, e)
    })
}

// ---- data elements -------------------------------------------------------------------

/// A data element as entered.
#[derive(Debug, Deserialize)]
pub struct ElementInput {
    #[serde(default)]
    nama: String,
    #[serde(default)]
    definisi: String,
    #[serde(default)]
    tipe: String,
    #[serde(default)]
    satuan: String,
    #[serde(default)]
    referensi: String,
}

/// `GET /api/v1/bus/elemen`.
pub async fn list_elements(
    State(st): State<AppState>,
    ApiUser(_): ApiUser,
) -> Result<Json<Vec<elemen::Elemen>>, ApiError> {
    Ok(Json(elemen::list(&st.db).await?))
}

fn parse_element(i: &ElementInput) -> Result<ElemenData, ApiError> {
    ElemenData::parse(&i.nama, &i.definisi, &i.tipe, &i.satuan, &i.referensi)
        .map_err(ApiError::fields)
}

/// `POST /api/v1/bus/elemen`: the Dinas (as walidata) defines elements.
pub async fn create_element(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(i): ApiJson<ElementInput>,
) -> Result<(StatusCode, Json<elemen::Elemen>), ApiError> {
    if !boleh_tinjau(&st, &user).await? {
        return Err(forbidden());
    }
    let e = parse_element(&i)?;
    Ok((
        StatusCode::CREATED,
        Json(elemen::create(&st.db, &user.actor(), &e).await?),
    ))
}

/// `PUT /api/v1/bus/elemen/{id}`.
pub async fn update_element(
    State(st): State<AppState>,
    ApiUser(user): ApiUser,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<ElementInput>,
) -> Result<Json<elemen::Elemen>, ApiError> {
    if !boleh_tinjau(&st, &user).await? {
        return Err(forbidden());
    }
    let e = parse_element(&i)?;
    Ok(Json(elemen::update(&st.db, &user.actor(), id, &e).await?))
}
