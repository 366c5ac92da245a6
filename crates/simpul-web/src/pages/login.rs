//! Logging in and out, and choosing the UI language.

use std::net::SocketAddr;
use std::time::Instant;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use simpul_store::{pegawai, sesi, time_text};

use crate::auth::csrf::{SESSION_COOKIE, SessionState};
use crate::auth::{password, secret};
use crate::i18n::Lang;
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    ctx: Ctx,
    /// A message above the form: (is it an error, text).
    notice: Option<(bool, String)>,
    nip: String,
    lanjut: String,
}

/// Query of the login page.
#[derive(Debug, Deserialize)]
pub struct LoginQuery {
    alasan: Option<String>,
    lanjut: Option<String>,
}

/// The language chosen by cookie, for pages shown before login.
pub struct LangCookie(pub Lang);

impl axum::extract::FromRequestParts<AppState> for LangCookie {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Self(crate::auth::current::lang_of(parts)))
    }
}

/// `GET /`: the dashboard for a session, else the login page.
pub async fn root(session: Option<axum::Extension<SessionState>>) -> Redirect {
    match session.map(|s| s.0) {
        Some(SessionState::Live { .. }) => Redirect::to("/dasbor"),
        _ => Redirect::to("/masuk"),
    }
}

/// `GET /masuk`.
pub async fn form(
    State(st): State<AppState>,
    LangCookie(lang): LangCookie,
    session: Option<axum::Extension<SessionState>>,
    Query(q): Query<LoginQuery>,
) -> Response {
    // Already logged in: a second login form would fail its CSRF check, so go on.
    if let Some(axum::Extension(SessionState::Live { .. })) = session {
        return Redirect::to("/dasbor").into_response();
    }
    let notice = match q.alasan.as_deref() {
        Some("kedaluwarsa") => Some((false, lang.t("masuk-sesi-berakhir"))),
        Some("perlu") => Some((false, lang.t("masuk-perlu"))),
        Some("keluar") => Some((false, lang.t("masuk-sudah-keluar"))),
        Some("sandi-diganti") => Some((false, lang.t("masuk-sandi-diganti"))),
        _ => None,
    };
    let page = LoginPage {
        ctx: Ctx {
            region: region_name(&st).await,
            ..Ctx::public(lang)
        },
        notice,
        nip: String::new(),
        lanjut: safe_next(q.lanjut.as_deref()),
    };
    render(StatusCode::OK, &page)
}

/// The login form.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    nip: String,
    #[serde(default)]
    sandi: String,
    #[serde(default)]
    lanjut: String,
}

/// `POST /masuk`.
pub async fn submit(
    State(st): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    LangCookie(lang): LangCookie,
    Form(f): Form<LoginForm>,
) -> Response {
    let nip: String = f.nip.chars().filter(char::is_ascii_digit).collect();
    let ip = addr.ip().to_string();
    let region = region_name(&st).await;
    let again = |status: StatusCode, notice: String| {
        let page = LoginPage {
            ctx: Ctx {
                region: region.clone(),
                ..Ctx::public(lang)
            },
            notice: Some((true, notice)),
            nip: f.nip.clone(),
            lanjut: safe_next(Some(&f.lanjut)),
        };
        render(status, &page)
    };
    if let Some(wait) = st.limiter.check(&nip, &ip, Instant::now()) {
        let minutes = wait.as_secs().div_ceil(60).max(1).to_string();
        return again(
            StatusCode::TOO_MANY_REQUESTS,
            lang.t_args("masuk-terkunci", &[("menit", minutes)]),
        );
    }
    let record = match pegawai::login_record(&st.db, &nip).await {
        Ok(r) => r,
        Err(e) => return crate::error::PageError::from(e).into_response(),
    };
    let sandi = f.sandi.clone();
    let ok = match record {
        Some((p, Some(hash))) if p.aktif => {
            let good = tokio::task::spawn_blocking(move || password::verify(&sandi, &hash))
                .await
                .unwrap_or(false);
            good.then_some(p)
        }
        _ => {
            let _ = tokio::task::spawn_blocking(move || password::verify_dummy(&sandi)).await;
            None
        }
    };
    let Some(p) = ok else {
        st.limiter.fail(&nip, &ip, Instant::now());
        tracing::info!(nip = %nip, %ip, "login failed");
        return again(StatusCode::UNAUTHORIZED, lang.t("masuk-gagal"));
    };
    st.limiter.succeed(&nip);
    let token = secret::random_hex();
    let csrf = secret::random_hex();
    if let Err(e) = sesi::create(
        &st.db,
        &secret::digest(&token),
        p.id,
        &csrf,
        &time_text::now(),
    )
    .await
    {
        return crate::error::PageError::from(e).into_response();
    }
    tracing::info!(nip = %nip, "login");
    let mut resp = Redirect::to(&safe_next(Some(&f.lanjut))).into_response();
    set_cookie(
        resp.headers_mut(),
        &session_cookie(&token, st.cfg.secure_cookies),
    );
    resp
}

/// `POST /keluar`.
pub async fn logout(
    State(st): State<AppState>,
    session: Option<axum::Extension<SessionState>>,
) -> Response {
    if let Some(axum::Extension(SessionState::Live { token_hash, .. })) = session
        && let Err(e) = sesi::delete(&st.db, &token_hash).await
    {
        return crate::error::PageError::from(e).into_response();
    }
    let mut resp = Redirect::to("/masuk?alasan=keluar").into_response();
    set_cookie(
        resp.headers_mut(),
        &format!("{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"),
    );
    resp
}

/// The language form.
#[derive(Debug, Deserialize)]
pub struct LangForm {
    #[serde(default)]
    bahasa: String,
    #[serde(default)]
    kembali: String,
}

/// `POST /bahasa`: remember the UI language in a cookie.
pub async fn set_lang(Form(f): Form<LangForm>) -> Response {
    let lang = Lang::from_code(&f.bahasa);
    let back = local_path(&f.kembali).unwrap_or("/");
    let mut resp = Redirect::to(back).into_response();
    set_cookie(
        resp.headers_mut(),
        &format!(
            "simpul_bahasa={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        ),
    );
    resp
}

fn session_cookie(token: &str, secure: bool) -> String {
    let s = if secure { "; Secure" } else { "" };
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{s}")
}

fn set_cookie(h: &mut HeaderMap, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        h.append(header::SET_COOKIE, v);
    }
}

/// `p` if it is a path on this site. An open redirect would let a phishing link pass
/// through our login, and browsers read `//host`, `/\\host` and `/<tab>/host` alike, so
/// backslashes and control characters are refused anywhere.
fn local_path(p: &str) -> Option<&str> {
    let ok = p.starts_with('/')
        && !p.starts_with("//")
        && !p.chars().any(|c| c == '\\' || c.is_control());
    ok.then_some(p)
}

/// Where to go after logging in: a local path other than the login page itself.
fn safe_next(raw: Option<&str>) -> String {
    raw.and_then(local_path)
        .filter(|p| !p.starts_with("/masuk"))
        .unwrap_or("/dasbor")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_local_only() {
        assert_eq!(safe_next(Some("/pd?q=1")), "/pd?q=1");
        assert_eq!(safe_next(Some("//evil.example")), "/dasbor");
        assert_eq!(safe_next(Some("https://evil.example")), "/dasbor");
        assert_eq!(safe_next(Some("/\\evil")), "/dasbor");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/dasbor");
        assert_eq!(safe_next(Some("/pd\n")), "/dasbor");
        assert_eq!(safe_next(Some("/masuk?x")), "/dasbor");
        assert_eq!(safe_next(None), "/dasbor");
    }
}
