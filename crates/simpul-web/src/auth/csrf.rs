//! The session and CSRF layer, run before every handler: resolves the session cookie
//! once (ending idle sessions), and refuses unsafe requests whose Origin is foreign or
//! whose synchroniser token is missing or wrong.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use simpul_store::{sesi, time_text};
use time::OffsetDateTime;

use crate::auth::secret;
use crate::error::{ApiError, ErrorCode};
use crate::state::AppState;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "simpul_sesi";
/// Form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "_csrf";
/// Header that carries the CSRF token (htmx and API clients using the session).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// The session found for this request.
#[derive(Debug, Clone)]
pub enum SessionState {
    /// A live session.
    Live {
        /// Hash of the cookie's token (the database key).
        token_hash: String,
        /// The session's record.
        sesi: sesi::Sesi,
    },
    /// The cookie named a session that has ended by inactivity.
    Expired,
    /// No session cookie, or an unknown one.
    None,
}

/// The value of cookie `name`, if sent.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The middleware.
pub async fn layer(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let session = match resolve(&st, req.headers()).await {
        Ok(s) => s,
        Err(e) => return ApiError::from(e).into_response(),
    };
    let (mut parts, body) = req.into_parts();
    let unsafe_method = !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS);
    let mut body = body;
    if unsafe_method {
        if !origin_ok(&parts.headers) {
            return refuse(parts.uri.path());
        }
        if let SessionState::Live { sesi, .. } = &session {
            let (token, rebuilt) = match csrf_token(
                &parts.headers,
                parts.uri.query(),
                body,
                st.cfg.body_limit,
            )
            .await
            {
                Ok(t) => t,
                Err(resp) => return resp,
            };
            body = rebuilt;
            if !token.is_some_and(|t| secret::same(&t, &sesi.csrf)) {
                return refuse(parts.uri.path());
            }
        }
    }
    parts.extensions.insert(session);
    next.run(Request::from_parts(parts, body)).await
}

async fn resolve(
    st: &AppState,
    headers: &HeaderMap,
) -> Result<SessionState, simpul_store::StoreError> {
    let Some(token) = cookie(headers, SESSION_COOKIE) else {
        return Ok(SessionState::None);
    };
    let token_hash = secret::digest(token);
    let Some(s) = sesi::get(&st.db, &token_hash).await? else {
        return Ok(SessionState::None);
    };
    let now = OffsetDateTime::now_utc();
    let last = time_text::parse(&s.terakhir).unwrap_or(OffsetDateTime::UNIX_EPOCH);
    if now - last > st.cfg.idle_timeout {
        sesi::delete(&st.db, &token_hash).await?;
        return Ok(SessionState::Expired);
    }
    // Writing on every request would serialise reads on SQLite; a minute is precise enough.
    if now - last > time::Duration::seconds(60) {
        sesi::touch(&st.db, &token_hash, &time_text::format(now)).await?;
    }
    Ok(SessionState::Live {
        token_hash,
        sesi: s,
    })
}

/// A browser's Origin (or Referer) must name this host. Absent both, the token decides.
fn origin_ok(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return true;
    };
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok());
    match source {
        None => true,
        Some("null") => false,
        Some(s) => {
            let rest = s.split_once("://").map_or(s, |(_, r)| r);
            rest.split('/').next() == Some(host)
        }
    }
}

/// The token from the header, or from the urlencoded form body (which is read and
/// handed back intact for the handler), or — for file uploads, whose multipart body is
/// not read here — from the `_csrf` query parameter of the form's action.
async fn csrf_token(
    headers: &HeaderMap,
    query: Option<&str>,
    body: Body,
    limit: usize,
) -> Result<(Option<String>, Body), Response> {
    if let Some(t) = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok()) {
        return Ok((Some(t.to_owned()), body));
    }
    let is_multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("multipart/form-data"));
    if is_multipart {
        return Ok((
            query.and_then(|q| form_urlencoded_field(q.as_bytes(), CSRF_FIELD)),
            body,
        ));
    }
    let is_form = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
    if !is_form {
        return Ok((None, body));
    }
    let bytes = to_bytes(body, limit)
        .await
        .map_err(|_| ApiError::new(ErrorCode::PayloadTooLarge).into_response())?;
    let token = form_urlencoded_field(&bytes, CSRF_FIELD);
    Ok((token, Body::from(bytes)))
}

fn form_urlencoded_field(body: &[u8], name: &str) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    text.split('&')
        .filter_map(|kv| kv.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.replace('+', " "))
}

fn refuse(path: &str) -> Response {
    if path.starts_with("/api/") {
        ApiError::new(ErrorCode::CsrfFailed).into_response()
    } else {
        crate::pages::error_page(axum::http::StatusCode::FORBIDDEN, "galat-csrf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn origin_must_match_host() {
        assert!(origin_ok(&headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080")
        ])));
        assert!(!origin_ok(&headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://evil.example")
        ])));
        assert!(!origin_ok(&headers(&[("host", "a"), ("origin", "null")])));
        assert!(!origin_ok(&headers(&[
            ("host", "a:1"),
            ("referer", "http://b:1/x")
        ])));
        assert!(origin_ok(&headers(&[
            ("host", "a:1"),
            ("referer", "http://a:1/x")
        ])));
    }

    #[test]
    fn reads_cookie_and_form_field() {
        let h = headers(&[("cookie", "a=1; simpul_sesi=abc; b=2")]);
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("abc"));
        assert_eq!(cookie(&h, "c"), None);
        assert_eq!(
            form_urlencoded_field(b"nama=x&_csrf=t0k", "_csrf").as_deref(),
            Some("t0k")
        );
        assert_eq!(form_urlencoded_field(b"nama=x", "_csrf"), None);
    }
}
