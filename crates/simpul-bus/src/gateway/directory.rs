//! The in-memory snapshot the gateway routes from: services, consumers and grants,
//! indexed for the lookups one request needs. A snapshot is immutable; the gateway
//! swaps in a whole new one when the directory changes, so a request sees one
//! consistent directory from start to end.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::evidence::Layanan;

/// How sensitive a service's data is; Terbatas and Rahasia require a named officer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Klasifikasi {
    /// Ordinary data.
    Biasa,
    /// Limited: calls must name the officer (`X-Simpul-User-Id`).
    Terbatas,
    /// Secret: calls must name the officer (`X-Simpul-User-Id`).
    Rahasia,
}

impl Klasifikasi {
    /// Whether calls must carry an officer's NIP.
    pub fn requires_officer(self) -> bool {
        !matches!(self, Self::Biasa)
    }
}

/// Where NIKs travel in a service's exchanges, so their keyed hashes can be logged.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NikFields {
    /// Query parameter names in the request.
    #[serde(default)]
    pub query: Vec<String>,
    /// JSON field names (at any depth) in the request body.
    #[serde(default)]
    pub request: Vec<String>,
    /// JSON field names (at any depth) in the response body.
    #[serde(default)]
    pub response: Vec<String>,
}

impl NikFields {
    /// Whether the service declares no NIK fields (nothing to scan).
    pub fn is_empty(&self) -> bool {
        self.query.is_empty() && self.request.is_empty() && self.response.is_empty()
    }
}

/// A token-bucket rate limit: `per_second` sustained, `burst` at once.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    /// Sustained requests per second per consumer.
    pub per_second: f64,
    /// Bucket size: requests allowed at once after a quiet period.
    pub burst: u32,
}

/// A service in the directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Owning PD's code (first path segment; the X-Road member code).
    pub pd: String,
    /// Service code within the PD.
    pub code: String,
    /// Version (e.g. `v1`).
    pub version: String,
    /// Upstream base URL, `http://host:port[/prefix]` or `https://…` (certificate verified
    /// against the Mozilla roots plus `GatewayConfig::ca_tambahan`).
    pub upstream: String,
    /// Sensitivity.
    pub classification: Klasifikasi,
    /// Where NIKs travel.
    #[serde(default)]
    pub nik: NikFields,
    /// Active: inactive services answer `layanan_nonaktif`.
    #[serde(default = "yes")]
    pub active: bool,
    /// Per consumer rate limit (none: the gateway default).
    #[serde(default)]
    pub rate_limit: Option<RateLimit>,
    /// Upstream timeout in milliseconds (none: the gateway default).
    #[serde(default)]
    pub timeout_ms: Option<u64>,
    /// Largest request and response body in bytes (none: the gateway default).
    #[serde(default)]
    pub max_body: Option<u64>,
    /// X-Road subsystem code of the provider (default: the PD code).
    #[serde(default)]
    pub xroad_subsystem: Option<String>,
    /// Path the health check requests on the upstream (default `/`).
    #[serde(default)]
    pub health_path: Option<String>,
}

fn yes() -> bool {
    true
}

impl Service {
    /// `pd/code/version`, the key grants use.
    pub fn key(&self) -> String {
        format!("{}/{}/{}", self.pd, self.code, self.version)
    }

    /// The service as the evidence log names it.
    pub fn layanan(&self) -> Layanan {
        Layanan {
            pd: self.pd.clone(),
            kode: self.code.clone(),
            versi: self.version.clone(),
        }
    }
}

/// OAuth2 client credentials of a consumer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OauthClient {
    /// Public client id.
    pub client_id: String,
    /// SHA-256 (hex) of the client secret. Secrets are random (issued by Simpul), so a
    /// plain digest suffices; never store the secret itself.
    pub secret_sha256: String,
}

/// A consumer: a PD's application calling services through the bus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consumer {
    /// Stable identifier (what the evidence log records).
    pub id: String,
    /// Display name.
    pub name: String,
    /// The PD it belongs to.
    pub pd: String,
    /// The application calling.
    pub application: String,
    /// SHA-256 (hex) digests of its API keys.
    #[serde(default)]
    pub api_keys_sha256: Vec<String>,
    /// Its OAuth2 client credentials.
    #[serde(default)]
    pub oauth_clients: Vec<OauthClient>,
    /// Revoked: every credential refused with `kredensial_dicabut`.
    #[serde(default)]
    pub revoked: bool,
    /// X-Road client id `INSTANCE/CLASS/MEMBER/SUBSYSTEM` it may name in `X-Road-Client`.
    #[serde(default)]
    pub xroad_client: Option<String>,
}

/// An access grant: a consumer may call a service for a purpose, on a legal basis,
/// until a date, once the Dinas' review activated it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grant {
    /// Consumer id.
    pub consumer: String,
    /// Service key `pd/code/version`.
    pub service: String,
    /// Purpose of the access.
    pub purpose: String,
    /// Legal basis.
    pub legal_basis: String,
    /// Last day the grant is valid (inclusive), `YYYY-MM-DD`, in the gateway's time zone.
    #[serde(with = "tanggal")]
    pub expires: Date,
    /// Activated after review; an unreviewed grant refuses with `izin_belum_aktif`.
    #[serde(default)]
    pub active: bool,
}

/// The whole directory as a source delivers it (also the `--directory FILE` format).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Directory {
    /// Services.
    #[serde(default, rename = "service")]
    pub services: Vec<Service>,
    /// Consumers.
    #[serde(default, rename = "consumer")]
    pub consumers: Vec<Consumer>,
    /// Grants.
    #[serde(default, rename = "grant")]
    pub grants: Vec<Grant>,
}

/// An indexed, immutable directory.
#[derive(Debug, Default)]
pub struct Snapshot {
    services: HashMap<String, Arc<Service>>,
    consumers: HashMap<String, Arc<Consumer>>,
    by_api_key: HashMap<String, String>,
    by_client_id: HashMap<String, (String, String)>,
    grants: HashMap<(String, String), Arc<Grant>>,
    /// Free-form version tag from the source (e.g. the database's change counter).
    pub version: String,
}

/// A directory that cannot be indexed (duplicates, bad URLs).
#[derive(Debug, thiserror::Error)]
#[error("direktori tidak valid: {0}")]
pub struct DirectoryError(pub String);

impl Snapshot {
    /// Index `dir`, refusing duplicates and upstreams that are not `http://` or
    /// `https://` URLs.
    pub fn build(dir: Directory, version: impl Into<String>) -> Result<Self, DirectoryError> {
        let mut s = Self {
            version: version.into(),
            ..Self::default()
        };
        for svc in dir.services {
            if !(svc.upstream.starts_with("http://") || svc.upstream.starts_with("https://")) {
                return Err(DirectoryError(format!(
                    "layanan {}: hulu harus URL http:// atau https:// (ditemukan {:?})",
                    svc.key(),
                    svc.upstream
                )));
            }
            if svc.upstream.parse::<http::Uri>().is_err() {
                return Err(DirectoryError(format!(
                    "layanan {}: URL hulu rusak",
                    svc.key()
                )));
            }
            let key = svc.key();
            if s.services.insert(key.clone(), Arc::new(svc)).is_some() {
                return Err(DirectoryError(format!("layanan {key} ganda")));
            }
        }
        for c in dir.consumers {
            for k in &c.api_keys_sha256 {
                let k = k.to_ascii_lowercase();
                if s.by_api_key.insert(k, c.id.clone()).is_some() {
                    return Err(DirectoryError(format!(
                        "kunci API ganda (konsumen {})",
                        c.id
                    )));
                }
            }
            for o in &c.oauth_clients {
                let v = (c.id.clone(), o.secret_sha256.to_ascii_lowercase());
                if s.by_client_id.insert(o.client_id.clone(), v).is_some() {
                    return Err(DirectoryError(format!("client_id {} ganda", o.client_id)));
                }
            }
            let id = c.id.clone();
            if s.consumers.insert(id.clone(), Arc::new(c)).is_some() {
                return Err(DirectoryError(format!("konsumen {id} ganda")));
            }
        }
        for g in dir.grants {
            let k = (g.consumer.clone(), g.service.clone());
            // Duplicates keep the longest-lived active one: a renewal may sit next to the
            // grant it replaces until the control plane retires the old row.
            let better = match s.grants.get(&k) {
                Some(old) => (g.active, g.expires) > (old.active, old.expires),
                None => true,
            };
            if better {
                s.grants.insert(k, Arc::new(g));
            }
        }
        Ok(s)
    }

    /// A service by PD, code and version.
    pub fn service(&self, pd: &str, code: &str, version: &str) -> Option<&Arc<Service>> {
        self.services.get(&format!("{pd}/{code}/{version}"))
    }

    /// The newest active version of a service (X-Road calls may omit the version).
    /// Versions compare by length then text, so `v10` is newer than `v9`.
    pub fn latest(&self, pd: &str, code: &str) -> Option<&Arc<Service>> {
        self.services
            .values()
            .filter(|s| s.pd == pd && s.code == code && s.active)
            .max_by(|a, b| (a.version.len(), &a.version).cmp(&(b.version.len(), &b.version)))
    }

    /// Every service (health checks).
    pub fn services(&self) -> impl Iterator<Item = &Arc<Service>> {
        self.services.values()
    }

    /// A consumer by id.
    pub fn consumer(&self, id: &str) -> Option<&Arc<Consumer>> {
        self.consumers.get(id)
    }

    /// The consumer owning the API key with this SHA-256 digest (lowercase hex).
    pub fn consumer_by_key_digest(&self, digest: &str) -> Option<&Arc<Consumer>> {
        self.by_api_key
            .get(digest)
            .and_then(|id| self.consumers.get(id))
    }

    /// The consumer and secret digest of an OAuth2 client id.
    pub fn oauth_client(&self, client_id: &str) -> Option<(&Arc<Consumer>, &str)> {
        let (id, digest) = self.by_client_id.get(client_id)?;
        Some((self.consumers.get(id)?, digest.as_str()))
    }

    /// The grant of `consumer` on service key `pd/code/version`.
    pub fn grant(&self, consumer: &str, service_key: &str) -> Option<&Arc<Grant>> {
        self.grants
            .get(&(consumer.to_owned(), service_key.to_owned()))
    }

    /// Counts, for logs and metrics.
    pub fn counts(&self) -> (usize, usize, usize) {
        (self.services.len(), self.consumers.len(), self.grants.len())
    }
}

/// `YYYY-MM-DD` dates independent of the `time` crate's serde feature set.
mod tanggal {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;
    use time::macros::format_description;

    const FMT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        let t = d.format(FMT).map_err(serde::ser::Error::custom)?;
        s.serialize_str(&t)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let t = String::deserialize(d)?;
        Date::parse(&t, FMT).map_err(serde::de::Error::custom)
    }
}
