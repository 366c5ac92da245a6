//! `POST /oauth/token`: the OAuth2 client-credentials grant (RFC 6749 §4.4), with the
//! client authenticated by HTTP Basic or by `client_id`/`client_secret` in the form.
//! Errors use OAuth2's own JSON shape, which token libraries expect, not problem+json.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use bytes::Bytes;
use http::{HeaderMap, HeaderValue, StatusCode, header};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::context::Out;
use super::form;
use super::server::Shared;
use super::token::Claims;

/// Largest token request form read.
pub const MAX_FORM: usize = 8 * 1024;

/// Answer a token request whose form body is `body`.
pub fn token(sh: &Shared, h: &HeaderMap, body: &[u8]) -> Out {
    let body = String::from_utf8_lossy(body);
    let mut grant_type = None;
    let (mut id, mut secret) = basic(h).unzip();
    for (k, v) in form::pairs(&body) {
        match k.as_str() {
            "grant_type" => grant_type = Some(v),
            "client_id" if id.is_none() => id = Some(v),
            "client_secret" if secret.is_none() => secret = Some(v),
            _ => {}
        }
    }
    if grant_type.as_deref() != Some("client_credentials") {
        return error(StatusCode::BAD_REQUEST, "unsupported_grant_type");
    }
    let (Some(id), Some(secret)) = (id, secret) else {
        return error(StatusCode::UNAUTHORIZED, "invalid_client");
    };
    let snap = sh.holder.current();
    let Some((consumer, digest)) = snap.oauth_client(&id) else {
        return error(StatusCode::UNAUTHORIZED, "invalid_client");
    };
    if hex::encode(Sha256::digest(secret.as_bytes())) != digest || consumer.revoked {
        return error(StatusCode::UNAUTHORIZED, "invalid_client");
    }
    let ttl = sh.cfg.token_ttl.as_secs();
    let claims = Claims {
        sub: consumer.id.clone(),
        cid: id,
        exp: OffsetDateTime::now_utc().unix_timestamp() + i64::try_from(ttl).unwrap_or(300),
    };
    let v = serde_json::json!({
        "access_token": sh.tokens.issue(&claims),
        "token_type": "Bearer",
        "expires_in": ttl,
    });
    json(StatusCode::OK, Bytes::from(v.to_string()))
}

fn basic(h: &HeaderMap) -> Option<(String, String)> {
    let v = h.get(header::AUTHORIZATION)?.to_str().ok()?;
    let b = v.strip_prefix("Basic ")?;
    let raw = String::from_utf8(STANDARD.decode(b.trim()).ok()?).ok()?;
    let (i, s) = raw.split_once(':')?;
    Some((form::decode(i), form::decode(s)))
}

fn error(status: StatusCode, code: &str) -> Out {
    json(
        status,
        Bytes::from(serde_json::json!({ "error": code }).to_string()),
    )
}

fn json(status: StatusCode, body: Bytes) -> Out {
    let mut h = HeaderMap::new();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Out {
        status,
        headers: h,
        body,
        problem: None,
    }
}
