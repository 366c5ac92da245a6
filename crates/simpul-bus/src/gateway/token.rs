//! Short-lived bearer tokens from the OAuth2 client-credentials endpoint
//! (`POST /oauth/token`), as SPLP (WSO2) consumers expect. A token is
//! `base64url(claims).base64url(HMAC-SHA256(claims))` under the gateway's token key:
//! verifying needs no lookup and no storage. Revocation still bites at once, because
//! every request re-checks the consumer (and that the client id still exists) in the
//! current snapshot. Replicas behind one load balancer must share the token key.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// What a token says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    /// Consumer id.
    pub sub: String,
    /// OAuth2 client id it was issued to.
    pub cid: String,
    /// Expiry, Unix seconds.
    pub exp: i64,
}

/// Signs and checks tokens. `Debug` hides the key.
#[derive(Clone)]
pub struct TokenKey {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenKey(<disembunyikan>)")
    }
}

impl TokenKey {
    /// A key from 32 bytes (shared by replicas), or random per process.
    #[expect(clippy::expect_used, reason = "HMAC takes keys of any length")]
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let mac = <Hmac<Sha256> as Mac>::new_from_slice(&bytes).expect("HMAC key of any length");
        Self { mac }
    }

    /// A random key: tokens die with the process (clients simply ask again).
    pub fn random() -> Self {
        Self::from_bytes(rand::random())
    }

    /// The token for `claims`.
    pub fn issue(&self, claims: &Claims) -> String {
        let body = serde_json::to_vec(claims).unwrap_or_default();
        let mut m = self.mac.clone();
        m.update(&body);
        let sig = m.finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(&body),
            URL_SAFE_NO_PAD.encode(sig)
        )
    }

    /// The claims of a genuine, unexpired token.
    pub fn verify(&self, token: &str, now_unix: i64) -> Option<Claims> {
        let (b, s) = token.split_once('.')?;
        let body = URL_SAFE_NO_PAD.decode(b).ok()?;
        let sig = URL_SAFE_NO_PAD.decode(s).ok()?;
        let mut m = self.mac.clone();
        m.update(&body);
        m.verify_slice(&sig).ok()?;
        let c: Claims = serde_json::from_slice(&body).ok()?;
        (c.exp > now_unix).then_some(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_verify_tamper_expire() {
        let k = TokenKey::from_bytes([3; 32]);
        let c = Claims {
            sub: "dinsos".into(),
            cid: "c1".into(),
            exp: 1000,
        };
        let t = k.issue(&c);
        assert_eq!(k.verify(&t, 999), Some(c));
        assert_eq!(k.verify(&t, 1000), None);
        assert_eq!(TokenKey::from_bytes([4; 32]).verify(&t, 0), None);
        let mut bad = t.clone();
        bad.insert(2, 'x');
        assert_eq!(k.verify(&bad, 0), None);
        assert_eq!(k.verify("garbage", 0), None);
    }
}
