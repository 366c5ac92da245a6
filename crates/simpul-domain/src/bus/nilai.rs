//! Validated values of a service's entry: its code, version, upstream URL,
//! classification and the names of the fields that carry NIKs.

use serde::{Deserialize, Serialize};

use crate::problem::{Masalah, Masalahs};

/// A service code within its PD: `a-z`, `0-9`, `-`, `_`, 2 to 64 characters, starting
/// with a letter. It is a path segment of the gateway (`/{pd}/{kode}/{versi}`), so the
/// gateway's path rules apply and case is folded to avoid look-alike duplicates.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct KodeLayanan(String);

impl KodeLayanan {
    /// Parse a code, folding it to lowercase.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let t = raw.trim().to_ascii_lowercase();
        segment(&t, 2, 64, "kode_layanan")?;
        Ok(Self(t))
    }

    /// The code.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A service version: `v` followed by digits, optionally `.digits` (e.g. `v1`, `v2.1`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Versi(String);

impl Versi {
    /// Parse a version.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let t = raw.trim().to_ascii_lowercase();
        let ok = t.len() <= 16
            && t.strip_prefix('v').is_some_and(|rest| {
                let mut parts = rest.split('.');
                let first_ok = parts
                    .next()
                    .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
                first_ok && parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            });
        if !ok {
            return Err(Masalahs::one(
                "versi_tidak_valid",
                "Versi ditulis v diikuti angka, mis. v1 atau v2.1.",
            ));
        }
        Ok(Self(t))
    }

    /// The version.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn segment(t: &str, min: usize, max: usize, kode: &'static str) -> Result<(), Masalahs> {
    let ok = (min..=max).contains(&t.len())
        && t.bytes().next().is_some_and(|b| b.is_ascii_lowercase())
        && t.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Masalahs::one(
            kode,
            format!("Gunakan {min}–{max} huruf kecil, angka, - atau _, diawali huruf."),
        ))
    }
}

/// The upstream base URL: `http://` or `https://`, a host, an optional port, an optional
/// path; no credentials (they would leak into logs and the directory), no query or
/// fragment (the gateway appends the consumer's path and query).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UrlHulu(String);

impl UrlHulu {
    /// Parse a URL; a trailing `/` is removed.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let t = raw.trim();
        let bad = |kode: &'static str, pesan: &str| Err(Masalahs::one(kode, pesan));
        let rest = if let Some(r) = t.strip_prefix("http://") {
            r
        } else if let Some(r) = t.strip_prefix("https://") {
            r
        } else {
            return bad("url_skema", "URL hulu harus diawali http:// atau https://.");
        };
        if t.len() > 500 {
            return bad("terlalu_panjang", "URL hulu paling banyak 500 karakter.");
        }
        if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return bad("url_tidak_valid", "URL hulu tidak boleh berisi spasi.");
        }
        if t.contains(['?', '#']) {
            return bad(
                "url_kueri",
                "URL hulu tidak boleh berisi kueri (?) atau fragmen (#).",
            );
        }
        let (authority, _path) = rest.split_once('/').unwrap_or((rest, ""));
        if authority.contains('@') {
            return bad(
                "url_kredensial",
                "URL hulu tidak boleh memuat nama pengguna atau kata sandi.",
            );
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) if !h.ends_with(']') || authority.starts_with('[') => (h, Some(p)),
            _ => (authority, None),
        };
        let host_ok = !host.is_empty()
            && (host.starts_with('[') && host.ends_with(']')
                || host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'));
        if !host_ok {
            return bad("url_tidak_valid", "Nama host URL hulu tidak valid.");
        }
        if port.is_some_and(|p| p.parse::<u16>().map_or(true, |n| n == 0)) {
            return bad("url_tidak_valid", "Port URL hulu tidak valid.");
        }
        Ok(Self(t.trim_end_matches('/').to_owned()))
    }

    /// The URL.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether it is plain `http://` (no TLS: the review pages flag it for the Dinas).
    pub fn is_http(&self) -> bool {
        self.0.starts_with("http://")
    }
}

/// How sensitive a service's data is (Terbatas and Rahasia need a named officer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Klasifikasi {
    /// Ordinary.
    Biasa,
    /// Limited.
    Terbatas,
    /// Secret.
    Rahasia,
}

impl Klasifikasi {
    /// Every value, least sensitive first.
    pub const ALL: [Self; 3] = [Self::Biasa, Self::Terbatas, Self::Rahasia];

    /// Stable code (stored, in the API).
    pub fn code(self) -> &'static str {
        match self {
            Self::Biasa => "biasa",
            Self::Terbatas => "terbatas",
            Self::Rahasia => "rahasia",
        }
    }

    /// Parse a code (case-insensitive).
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let t = raw.trim().to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|k| k.code() == t)
            .ok_or_else(|| {
                Masalahs::one(
                    "klasifikasi_tidak_dikenal",
                    "Klasifikasi harus biasa, terbatas atau rahasia.",
                )
            })
    }
}

/// A field or parameter name carrying a NIK: letters, digits, `_`, `-`, `.`, ≤ 64.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NamaNik(String);

impl NamaNik {
    /// Parse one name.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        let t = raw.trim();
        let ok = !t.is_empty()
            && t.len() <= 64
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
        if ok {
            Ok(Self(t.to_owned()))
        } else {
            Err(Masalahs::one(
                "nama_nik_tidak_valid",
                format!("Nama kolom NIK {t:?} tidak valid (huruf, angka, _, -, .)."),
            ))
        }
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where NIKs travel in a service's exchanges: query parameters, request and response
/// JSON fields (matched at any depth by the gateway).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NikFields {
    /// Query parameter names.
    pub query: Vec<NamaNik>,
    /// Request JSON field names.
    pub request: Vec<NamaNik>,
    /// Response JSON field names.
    pub response: Vec<NamaNik>,
}

impl NikFields {
    /// Parse three comma- or space-separated lists; at most 20 names each, no repeats.
    pub fn parse(query: &str, request: &str, response: &str) -> Result<Self, Masalahs> {
        let mut found = Vec::new();
        let mut list = |raw: &str| {
            let mut out: Vec<NamaNik> = Vec::new();
            for part in raw
                .split([',', ' ', '\n', '\t'])
                .filter(|p| !p.trim().is_empty())
            {
                match NamaNik::parse(part) {
                    Ok(n) if !out.contains(&n) => out.push(n),
                    Ok(_) => {}
                    Err(e) => found.extend(e.0),
                }
            }
            if out.len() > 20 {
                found.push(Masalah::new(
                    "nama_nik_terlalu_banyak",
                    "Paling banyak 20 nama.",
                ));
            }
            out
        };
        let v = Self {
            query: list(query),
            request: list(request),
            response: list(response),
        };
        Masalahs::into_result(found).map(|()| v)
    }

    /// Whether no NIK field is declared.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty() && self.request.is_empty() && self.response.is_empty()
    }

    /// A list as text (for forms and storage), names separated by `, `.
    pub fn join(list: &[NamaNik]) -> String {
        list.iter()
            .map(NamaNik::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn service_codes() {
        assert_eq!(
            KodeLayanan::parse(" Penduduk ").unwrap().as_str(),
            "penduduk"
        );
        assert!(KodeLayanan::parse("data-kk_2").is_ok());
        for bad in ["", "a", "1abc", "a/b", "a b", "ab.c", &"x".repeat(65)] {
            assert!(
                KodeLayanan::parse(bad).unwrap_err().has("kode_layanan"),
                "{bad}"
            );
        }
    }

    #[test]
    fn versions() {
        assert_eq!(Versi::parse("V1").unwrap().as_str(), "v1");
        assert!(Versi::parse("v2.10").is_ok());
        for bad in [
            "",
            "1",
            "v",
            "v1.",
            "v.1",
            "va",
            "v1-beta",
            "v12345678901234567",
        ] {
            assert!(
                Versi::parse(bad).unwrap_err().has("versi_tidak_valid"),
                "{bad}"
            );
        }
    }

    #[test]
    fn upstream_urls() {
        assert_eq!(
            UrlHulu::parse("http://10.1.2.3:8080/api/")
                .unwrap()
                .as_str(),
            "http://10.1.2.3:8080/api"
        );
        assert!(UrlHulu::parse("https://dukcapil.go.id").is_ok());
        assert!(UrlHulu::parse("http://[::1]:9000").is_ok());
        assert!(UrlHulu::parse("http://x").unwrap().is_http());
        assert!(!UrlHulu::parse("https://x").unwrap().is_http());
        let cases = [
            ("ftp://x", "url_skema"),
            ("x.go.id", "url_skema"),
            ("http://user:pw@x.go.id", "url_kredensial"),
            ("http://tok@x.go.id/a", "url_kredensial"),
            ("http://x/a?b=1", "url_kueri"),
            ("http://x/#a", "url_kueri"),
            ("http://", "url_tidak_valid"),
            ("http://x y", "url_tidak_valid"),
            ("http://x:99999", "url_tidak_valid"),
            ("http://x:0", "url_tidak_valid"),
            ("http://x_y:80", "url_tidak_valid"),
        ];
        for (raw, kode) in cases {
            assert!(UrlHulu::parse(raw).unwrap_err().has(kode), "{raw}");
        }
    }

    #[test]
    fn classifications() {
        assert_eq!(
            Klasifikasi::parse("Terbatas").unwrap(),
            Klasifikasi::Terbatas
        );
        for k in Klasifikasi::ALL {
            assert_eq!(Klasifikasi::parse(k.code()).unwrap(), k);
        }
        assert!(
            Klasifikasi::parse("rahasia_negara")
                .unwrap_err()
                .has("klasifikasi_tidak_dikenal")
        );
    }

    #[test]
    fn nik_fields() {
        let f = NikFields::parse("nik", "nik, data.nik nik", "").unwrap();
        assert_eq!(NikFields::join(&f.request), "nik, data.nik");
        assert!(f.response.is_empty() && !f.is_empty());
        assert!(NikFields::parse("", "", "").unwrap().is_empty());
        assert!(
            NikFields::parse("ni k$", "", "")
                .unwrap_err()
                .has("nama_nik_tidak_valid")
        );
        let many = (0..21)
            .map(|i| format!("n{i}"))
            .collect::<Vec<_>>()
            .join(",");
        assert!(
            NikFields::parse(&many, "", "")
                .unwrap_err()
                .has("nama_nik_terlalu_banyak")
        );
    }
}
