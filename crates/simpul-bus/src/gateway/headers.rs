//! Header hygiene. Towards the upstream: no hop-by-hop headers (they describe the
//! consumer's connection, not ours), none of the consumer's credentials or cookies
//! (the upstream trusts the bus, not them), no forwarding headers the consumer could
//! forge; then the bus's own: who called, from where, under which request id. Back to
//! the consumer: no hop-by-hop headers and no cookies (consumers are applications; a
//! session on an upstream is not theirs to keep).

use std::net::SocketAddr;

use http::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The request id header.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
/// The consumer's API key.
pub const API_KEY: HeaderName = HeaderName::from_static("x-api-key");
/// The officer's NIP.
pub const USER_ID: HeaderName = HeaderName::from_static("x-simpul-user-id");
/// The stated purpose.
pub const PURPOSE: HeaderName = HeaderName::from_static("x-simpul-purpose");
/// The consumer id the bus vouches for, towards the upstream.
pub const CONSUMER: HeaderName = HeaderName::from_static("x-simpul-consumer");
/// SHA-256 (hex) of the request body, in the response.
pub const REQUEST_HASH: HeaderName = HeaderName::from_static("x-simpul-request-hash");
/// X-Road's name for the calling client.
pub const XROAD_CLIENT: HeaderName = HeaderName::from_static("x-road-client");
/// X-Road's request hash header (same value as ours on `/r1` calls).
pub const XROAD_REQUEST_HASH: HeaderName = HeaderName::from_static("x-road-request-hash");
/// X-Road's error header (the problem code on `/r1` calls).
pub const XROAD_ERROR: HeaderName = HeaderName::from_static("x-road-error");

const HOP_BY_HOP: [HeaderName; 8] = [
    header::CONNECTION,
    HeaderName::from_static("keep-alive"),
    HeaderName::from_static("proxy-connection"),
    header::PROXY_AUTHENTICATE,
    header::PROXY_AUTHORIZATION,
    header::TE,
    header::TRAILER,
    header::TRANSFER_ENCODING,
];

fn drop_hop_by_hop(h: &mut HeaderMap) {
    // Headers the Connection header names are hop-by-hop too.
    let named: Vec<HeaderName> = h
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|n| HeaderName::from_bytes(n.trim().as_bytes()).ok())
        .collect();
    for n in named.iter().chain(HOP_BY_HOP.iter()) {
        h.remove(n);
    }
    h.remove(header::UPGRADE);
}

/// Clean the consumer's headers for the upstream and add the bus's own.
pub fn to_upstream(
    h: &mut HeaderMap,
    peer: SocketAddr,
    request_id: &str,
    consumer: &str,
    host: &str,
    body_len: usize,
) {
    drop_hop_by_hop(h);
    for n in [
        header::AUTHORIZATION,
        API_KEY,
        header::COOKIE,
        header::HOST,
        header::CONTENT_LENGTH,
        HeaderName::from_static("forwarded"),
        HeaderName::from_static("x-forwarded-for"),
        HeaderName::from_static("x-forwarded-proto"),
        HeaderName::from_static("x-forwarded-host"),
        CONSUMER,
        REQUEST_ID,
    ] {
        h.remove(n);
    }
    let mut put = |n: HeaderName, v: &str| {
        if let Ok(v) = HeaderValue::from_str(v) {
            h.insert(n, v);
        }
    };
    put(header::HOST, host);
    put(
        HeaderName::from_static("x-forwarded-for"),
        &peer.ip().to_string(),
    );
    put(HeaderName::from_static("x-forwarded-proto"), "http");
    put(REQUEST_ID, request_id);
    put(CONSUMER, consumer);
    put(header::CONTENT_LENGTH, &body_len.to_string());
}

/// Clean the upstream's response headers for the consumer.
pub fn to_consumer(h: &mut HeaderMap) {
    drop_hop_by_hop(h);
    h.remove(header::SET_COOKIE);
    h.remove(header::CONTENT_LENGTH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_credentials_hop_by_hop_and_forged_forwarding() {
        let mut h = HeaderMap::new();
        for (k, v) in [
            ("connection", "keep-alive, x-secret"),
            ("x-secret", "1"),
            ("authorization", "Bearer t"),
            ("x-api-key", "k"),
            ("cookie", "s=1"),
            ("x-forwarded-for", "6.6.6.6"),
            ("x-simpul-consumer", "forged"),
            ("accept", "application/json"),
            ("x-simpul-user-id", "198609262015051001"),
        ] {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        to_upstream(
            &mut h,
            "10.0.0.9:5000".parse().unwrap(),
            "rid",
            "dinsos",
            "up:80",
            0,
        );
        for gone in [
            "connection",
            "x-secret",
            "authorization",
            "x-api-key",
            "cookie",
        ] {
            assert!(h.get(gone).is_none(), "{gone}");
        }
        assert_eq!(h["x-forwarded-for"], "10.0.0.9");
        assert_eq!(h["x-simpul-consumer"], "dinsos");
        assert_eq!(h["x-request-id"], "rid");
        assert_eq!(h["host"], "up:80");
        assert_eq!(h["accept"], "application/json");
        assert_eq!(h["x-simpul-user-id"], "198609262015051001");
    }
}
