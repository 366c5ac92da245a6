//! The current user, for pages (redirects to the login page) and for the API (bearer
//! token or session; answers 401 in JSON).

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use simpul_domain::access::{Action, Grant, Target, permits};
use simpul_domain::org::{Pegawai, PerangkatDaerah};
use simpul_store::{StoreError, pegawai, peran, token};

use crate::auth::csrf::SessionState;
use crate::auth::secret;
use crate::error::{ApiError, ErrorCode, PageError};
use crate::i18n::Lang;
use crate::state::AppState;

/// A logged-in staff member with their grants.
#[derive(Debug, Clone)]
pub struct User {
    /// Who.
    pub pegawai: Pegawai,
    /// Roles held.
    pub grants: Vec<Grant>,
    /// CSRF token of the session (none for bearer tokens).
    pub csrf: String,
    /// Session key, to log out.
    pub token_hash: Option<String>,
}

impl User {
    /// Whether the user may do `action` on `target` (the rules live in the domain).
    pub fn can(&self, action: Action, target: Target) -> bool {
        permits(&self.grants, action, target)
    }

    /// `can`, for a PD record.
    pub fn can_pd(&self, action: Action, pd: &PerangkatDaerah) -> bool {
        self.can(action, target_of(pd))
    }

    /// The actor recorded in the audit trail.
    pub fn actor(&self) -> simpul_store::Actor {
        simpul_store::Actor(self.pegawai.nip.as_str().to_owned())
    }

    /// Whether the user holds `role` anywhere.
    pub fn has_role(&self, role: simpul_domain::access::Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// The staff member `id` with their grants; `None` when unknown or inactive.
    pub(crate) async fn load(
        st: &AppState,
        id: simpul_domain::ids::PegawaiId,
        csrf: String,
        token_hash: Option<String>,
    ) -> Result<Option<Self>, StoreError> {
        let p = match pegawai::get(&st.db, id).await {
            Ok(p) => p,
            Err(StoreError::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        if !p.aktif {
            return Ok(None);
        }
        let grants = peran::of(&st.db, id)
            .await?
            .into_iter()
            .map(|g| g.grant)
            .collect();
        Ok(Some(Self {
            pegawai: p,
            grants,
            csrf,
            token_hash,
        }))
    }
}

/// The permission target of a PD.
pub fn target_of(pd: &PerangkatDaerah) -> Target {
    Target::Pd {
        pd: pd.id,
        induk: pd.induk,
    }
}

/// The user's UI language, from the `simpul_bahasa` cookie.
pub fn lang_of(parts: &Parts) -> Lang {
    crate::auth::csrf::cookie(&parts.headers, "simpul_bahasa").map_or(Lang::Id, Lang::from_code)
}

/// A page's user; absent a session, the extractor redirects to the login page.
#[derive(Debug, Clone)]
pub struct PageUser(pub User, pub Lang);

impl FromRequestParts<AppState> for PageUser {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, Response> {
        let lang = lang_of(parts);
        let back = parts
            .uri
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        let to_login = |reason: &str| {
            let q = if back == "/" || back.starts_with("/masuk") {
                String::new()
            } else {
                format!("&lanjut={}", crate::pages::url_encode(&back))
            };
            Redirect::to(&format!("/masuk?alasan={reason}{q}")).into_response()
        };
        match parts.extensions.get::<SessionState>().cloned() {
            Some(SessionState::Live { token_hash, sesi }) => {
                match User::load(st, sesi.pegawai, sesi.csrf, Some(token_hash)).await {
                    Ok(Some(u)) => Ok(Self(u, lang)),
                    Ok(None) => Err(to_login("perlu")),
                    Err(e) => Err(PageError::from(e).into_response()),
                }
            }
            Some(SessionState::Expired) => Err(to_login("kedaluwarsa")),
            _ => Err(to_login("perlu")),
        }
    }
}

/// An API client: a bearer token, or a browser session.
#[derive(Debug, Clone)]
pub struct ApiUser(pub User);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, st: &AppState) -> Result<Self, ApiError> {
        let unauth = || ApiError::new(ErrorCode::Unauthenticated);
        if let Some(auth) = parts.headers.get(header::AUTHORIZATION) {
            let token = auth
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .ok_or_else(unauth)?;
            let id = token::authenticate(&st.db, &secret::digest(token.trim()))
                .await?
                .ok_or_else(unauth)?;
            return User::load(st, id, String::new(), None)
                .await?
                .map(Self)
                .ok_or_else(unauth);
        }
        match parts.extensions.get::<SessionState>().cloned() {
            Some(SessionState::Live { token_hash, sesi }) => {
                User::load(st, sesi.pegawai, sesi.csrf, Some(token_hash))
                    .await?
                    .map(Self)
                    .ok_or_else(unauth)
            }
            Some(SessionState::Expired) => Err(unauth()
                .with_message("Sesi Anda berakhir karena tidak aktif. Silakan masuk kembali.")),
            _ => Err(unauth()),
        }
    }
}
