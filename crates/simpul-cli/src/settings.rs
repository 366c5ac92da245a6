//! Configuration: built-in defaults, then `simpul.toml`, then `SIMPUL_*` environment
//! variables, then command-line flags. The database URL may hold a password, so it is
//! never printed by `Debug`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;
use simpul_domain::ident::ZonaWaktu;

/// Every setting, after layering.
#[derive(Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Folder for the SQLite database and stored files.
    pub data_dir: PathBuf,
    /// `postgres://…` to use PostgreSQL instead of SQLite (or `sqlite://…`).
    pub database_url: Option<String>,
    /// Address the web server listens on.
    pub listen: String,
    /// Address the service bus gateway listens on (`simpul serve` and `simpul bus`).
    pub bus_listen: String,
    /// PEM file of CA certificates the bus trusts for https upstreams besides the bundled
    /// Mozilla roots (the region's own CA); unreadable or invalid stops the start.
    pub bus_ca_file: Option<PathBuf>,
    /// Minutes of inactivity after which a session ends (002 Pasal 18(d)).
    pub idle_timeout_minutes: u64,
    /// Mark cookies Secure (when served over HTTPS).
    pub secure_cookies: bool,
    /// UTC offset for displayed times (+07:00 WIB, +08:00 WITA, +09:00 WIT); empty: the
    /// region's own zone.
    pub utc_offset: String,
    /// Log filter, e.g. `info` or `simpul_web=debug,info`.
    pub log: String,
    /// Code of the shipped regulation profile (`tanah-bumbu`, `gorontalo`, …); empty:
    /// the one stored with the region.
    pub profil: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("data"),
            database_url: None,
            listen: "127.0.0.1:8080".into(),
            bus_listen: "127.0.0.1:8081".into(),
            bus_ca_file: None,
            idle_timeout_minutes: 30,
            secure_cookies: false,
            utc_offset: String::new(),
            log: "info".into(),
            profil: String::new(),
        }
    }
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("data_dir", &self.data_dir)
            .field(
                "database_url",
                &self.database_url.as_ref().map(|u| redact(u)),
            )
            .field("listen", &self.listen)
            .field("bus_listen", &self.bus_listen)
            .field("bus_ca_file", &self.bus_ca_file)
            .field("idle_timeout_minutes", &self.idle_timeout_minutes)
            .field("secure_cookies", &self.secure_cookies)
            .field("utc_offset", &self.utc_offset)
            .field("log", &self.log)
            .field("profil", &self.profil)
            .finish()
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..s + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// The documented defaults, as `simpul config default` prints them.
pub const DEFAULT_TOML: &str = r#"# simpul.toml: Simpul's configuration. Every key is optional; shown are the defaults.
# Each key can also be set by an environment variable SIMPUL_<KEY> (upper case),
# and flags of `simpul serve` override both.

# Folder for the SQLite database (simpul.db) and stored files.
data_dir = "data"

# PostgreSQL instead of SQLite, e.g. "postgres://simpul:PASSWORD@127.0.0.1/simpul".
# database_url = ""

# Address of the web server.
listen = "127.0.0.1:8080"

# Address of the service bus gateway (consumers call services here).
bus_listen = "127.0.0.1:8081"

# PEM file of CA certificates the bus trusts for https:// upstreams in addition to the
# bundled Mozilla roots, e.g. the region's own CA. Certificates are always verified.
# bus_ca_file = "/etc/simpul/ca-daerah.pem"

# Minutes of inactivity after which a session ends (Perbup Tanah Laut 25/2018 Pasal 18(d)).
idle_timeout_minutes = 30

# Mark cookies Secure: set to true when Simpul is served over HTTPS.
secure_cookies = false

# Time zone for displayed times: "+07:00" WIB, "+08:00" WITA, "+09:00" WIT.
# Empty: the zone of the region's province (Tanah Bumbu: WITA).
utc_offset = ""

# Log filter, e.g. "info" or "simpul_web=debug,info".
log = "info"

# Regulation profile that drives the compliance pages (/kepatuhan): one of the shipped
# codes "tanah-bumbu", "gorontalo", "tanah-laut", "pasuruan", "jambi".
# Empty: the profile stored with the region (the demo sets its own).
profil = ""
"#;

impl Settings {
    /// Defaults, then the file (if it exists), then the environment.
    pub fn load(file: Option<&Path>) -> Result<Self> {
        let (path, required) = match file {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from("simpul.toml"), false),
        };
        let mut s = if path.exists() {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("reading {}", path.display()))?;
            toml::from_str(&text)
                .with_context(|| format!("invalid configuration in {}", path.display()))?
        } else if required {
            bail!("configuration file {} does not exist", path.display());
        } else {
            Self::default()
        };
        s.apply_env(|k| std::env::var(k).ok())?;
        Ok(s)
    }

    /// Override from `SIMPUL_*` variables (the lookup is injected for tests).
    pub fn apply_env(&mut self, get: impl Fn(&str) -> Option<String>) -> Result<()> {
        if let Some(v) = get("SIMPUL_DATA_DIR") {
            self.data_dir = v.into();
        }
        if let Some(v) = get("SIMPUL_DATABASE_URL").filter(|v| !v.is_empty()) {
            self.database_url = Some(v);
        }
        if let Some(v) = get("SIMPUL_LISTEN") {
            self.listen = v;
        }
        if let Some(v) = get("SIMPUL_BUS_LISTEN") {
            self.bus_listen = v;
        }
        if let Some(v) = get("SIMPUL_BUS_CA_FILE") {
            // Empty unsets a file given in simpul.toml.
            self.bus_ca_file = Some(PathBuf::from(v)).filter(|p| !p.as_os_str().is_empty());
        }
        if let Some(v) = get("SIMPUL_IDLE_TIMEOUT_MINUTES") {
            self.idle_timeout_minutes = v
                .parse()
                .context("SIMPUL_IDLE_TIMEOUT_MINUTES must be a whole number")?;
        }
        if let Some(v) = get("SIMPUL_SECURE_COOKIES") {
            self.secure_cookies = matches!(v.as_str(), "1" | "true" | "yes");
        }
        if let Some(v) = get("SIMPUL_UTC_OFFSET") {
            self.utc_offset = v;
        }
        if let Some(v) = get("SIMPUL_LOG") {
            self.log = v;
        }
        if let Some(v) = get("SIMPUL_PROFIL") {
            self.profil = v;
        }
        Ok(())
    }

    /// The web edge's slice of the settings, validated; `region_zone` is used when no
    /// offset is configured.
    pub fn web(&self, region_zone: Option<ZonaWaktu>) -> Result<simpul_web::WebConfig> {
        if self.idle_timeout_minutes == 0 {
            bail!("idle_timeout_minutes must be at least 1");
        }
        Ok(simpul_web::WebConfig {
            idle_timeout: std::time::Duration::from_secs(self.idle_timeout_minutes * 60),
            secure_cookies: self.secure_cookies,
            utc_offset: if self.utc_offset.trim().is_empty() {
                let hours = region_zone.map_or(7, ZonaWaktu::utc_hours);
                time::UtcOffset::from_hms(hours, 0, 0)?
            } else {
                parse_offset(&self.utc_offset)?
            },
            profil: Some(self.profil.trim().to_owned()).filter(|p| !p.is_empty()),
            ..simpul_web::WebConfig::default()
        })
    }
}

/// `+07:00` → a UTC offset.
pub fn parse_offset(s: &str) -> Result<time::UtcOffset> {
    let bad = || anyhow::anyhow!("utc_offset {s:?} must look like +07:00");
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+') => (1, &s[1..]),
        Some(b'-') => (-1, &s[1..]),
        _ => return Err(bad()),
    };
    let (h, m) = rest.split_once(':').ok_or_else(bad)?;
    let (h, m): (i8, i8) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    // Real offsets lie within ±14 hours; the time crate would accept up to ±25.
    if !(0..=14).contains(&h) || !(0..60).contains(&m) {
        return Err(bad());
    }
    time::UtcOffset::from_hms(sign * h, sign * m, 0).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_parse_from_the_documented_file() {
        let s: Settings = toml::from_str(DEFAULT_TOML).unwrap();
        let d = Settings::default();
        assert_eq!(
            (s.listen, s.idle_timeout_minutes, s.utc_offset),
            (d.listen, d.idle_timeout_minutes, d.utc_offset)
        );
    }

    #[test]
    fn env_overrides_and_secrets_stay_hidden() {
        let mut s = Settings::default();
        s.apply_env(|k| match k {
            "SIMPUL_DATABASE_URL" => Some("postgres://simpul:rahasia@db/simpul".into()),
            "SIMPUL_IDLE_TIMEOUT_MINUTES" => Some("15".into()),
            _ => None,
        })
        .unwrap();
        assert_eq!(s.idle_timeout_minutes, 15);
        let dbg = format!("{s:?}");
        assert!(!dbg.contains("rahasia"), "{dbg}");
        assert!(dbg.contains("simpul:***@db"));
        assert!(
            s.apply_env(|k| (k == "SIMPUL_IDLE_TIMEOUT_MINUTES").then(|| "x".into()))
                .is_err()
        );
    }

    #[test]
    fn unknown_keys_and_bad_offsets_are_refused() {
        assert!(toml::from_str::<Settings>("listn = \"x\"").is_err());
        assert_eq!(parse_offset("+08:00").unwrap().whole_hours(), 8);
        assert!(parse_offset("08:00").is_err());
        assert!(parse_offset("+25:00").is_err());
    }

    #[test]
    fn the_bus_ca_file_comes_from_the_file_or_the_environment() {
        assert_eq!(Settings::default().bus_ca_file, None);
        let mut s: Settings = toml::from_str("bus_ca_file = \"/etc/ca.pem\"").unwrap();
        assert_eq!(s.bus_ca_file.as_deref(), Some(Path::new("/etc/ca.pem")));
        s.apply_env(|k| (k == "SIMPUL_BUS_CA_FILE").then(|| "/srv/ca.pem".into()))
            .unwrap();
        assert_eq!(s.bus_ca_file.as_deref(), Some(Path::new("/srv/ca.pem")));
        s.apply_env(|k| (k == "SIMPUL_BUS_CA_FILE").then(String::new))
            .unwrap();
        assert_eq!(s.bus_ca_file, None);
    }

    #[test]
    fn the_profile_comes_from_the_environment_and_empty_means_the_regions() {
        let mut s = Settings::default();
        assert_eq!(s.web(None).unwrap().profil, None);
        s.apply_env(|k| (k == "SIMPUL_PROFIL").then(|| "gorontalo".into()))
            .unwrap();
        assert_eq!(s.web(None).unwrap().profil.as_deref(), Some("gorontalo"));
    }
}
