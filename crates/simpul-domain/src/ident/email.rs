//! E-mail addresses, checked pragmatically: the shape people and mail servers use,
//! not the full RFC 5322 grammar (quoted local parts and IP literals are refused).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::problem::{Masalah, Masalahs};

/// A plausible e-mail address with its domain in lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

/// Characters that would need quoting in a local part, which we do not support.
const LOCAL_FORBIDDEN: &[char] = &['(', ')', '<', '>', '[', ']', '\\', ',', ';', ':', '"', '@'];

impl Email {
    /// Parse an address; surrounding whitespace is ignored.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let t = input.trim();
        if t.is_empty() {
            return Err(Masalahs::one("email_kosong", "Alamat e-mail wajib diisi."));
        }
        let mut found = Vec::new();
        let n = t.chars().count();
        if n > 254 {
            found.push(Masalah::new(
                "email_terlalu_panjang",
                format!("Alamat e-mail paling banyak 254 karakter (sekarang {n})."),
            ));
        }
        let Some((local, domain)) = t.split_once('@').filter(|(_, d)| !d.contains('@')) else {
            found.push(Masalah::new(
                "email_at",
                "Alamat e-mail harus berisi tepat satu tanda @.",
            ));
            return Err(Masalahs(found));
        };
        check_local(local, &mut found);
        check_domain(domain, &mut found);
        Masalahs::into_result(found)
            .map(|()| Self(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The whole address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before `@`, as typed.
    pub fn local_part(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(l, _)| l)
    }

    /// The domain, lowercase.
    pub fn domain(&self) -> &str {
        self.0.rsplit_once('@').map_or("", |(_, d)| d)
    }
}

fn check_local(local: &str, found: &mut Vec<Masalah>) {
    if local.is_empty() {
        found.push(Masalah::new(
            "email_lokal_kosong",
            "Bagian sebelum @ tidak boleh kosong.",
        ));
        return;
    }
    if local.len() > 64 {
        found.push(Masalah::new(
            "email_lokal_panjang",
            "Bagian sebelum @ paling banyak 64 karakter.",
        ));
    }
    let bad_char = local
        .chars()
        .any(|c| !c.is_ascii_graphic() || LOCAL_FORBIDDEN.contains(&c));
    let bad_dots = local.starts_with('.') || local.ends_with('.') || local.contains("..");
    if bad_char || bad_dots {
        found.push(Masalah::new(
            "email_lokal_karakter",
            "Bagian sebelum @ berisi spasi, karakter khusus atau titik di tempat yang salah.",
        ));
    }
}

fn check_domain(domain: &str, found: &mut Vec<Masalah>) {
    if !domain.contains('.') {
        found.push(Masalah::new(
            "email_domain_titik",
            "Domain e-mail harus berisi titik, mis. jambiprov.go.id.",
        ));
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !domain.split('.').all(label_ok) {
        found.push(Masalah::new(
            "email_domain_label",
            "Domain e-mail hanya boleh berisi huruf, angka dan tanda hubung, dipisah titik.",
        ));
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
mod tests {
    use super::*;
    use serde::de::IntoDeserializer;
    use serde::de::value::{Error as DeError, StrDeserializer};

    fn codes(input: &str) -> Vec<&'static str> {
        Email::parse(input)
            .unwrap_err()
            .0
            .iter()
            .map(|m| m.kode)
            .collect()
    }

    #[test]
    fn accepts_and_lowercases_the_domain() {
        let e = Email::parse("  Budi.Santoso+spbe@DiskomInfo.TanahBumbuKab.go.id ").unwrap();
        assert_eq!(
            e.as_str(),
            "Budi.Santoso+spbe@diskominfo.tanahbumbukab.go.id"
        );
        assert_eq!(e.local_part(), "Budi.Santoso+spbe");
        assert_eq!(e.domain(), "diskominfo.tanahbumbukab.go.id");
        assert_eq!(e.to_string(), e.as_str());
        assert!(Email::parse("a@b-c.id").is_ok());
    }

    #[test]
    fn reports_each_error_code() {
        assert_eq!(codes("   "), ["email_kosong"]);
        assert_eq!(codes("budi.go.id"), ["email_at"]);
        assert_eq!(codes("a@b@c.id"), ["email_at"]);
        assert_eq!(codes("@jambiprov.go.id"), ["email_lokal_kosong"]);
        assert_eq!(
            codes(&format!("{}@a.id", "x".repeat(65))),
            ["email_lokal_panjang"]
        );
        assert_eq!(codes("budi santoso@a.id"), ["email_lokal_karakter"]);
        assert_eq!(codes("budi..s@a.id"), ["email_lokal_karakter"]);
        assert_eq!(codes(".budi@a.id"), ["email_lokal_karakter"]);
        assert_eq!(codes("bu(di)@a.id"), ["email_lokal_karakter"]);
        assert_eq!(codes("budí@a.id"), ["email_lokal_karakter"]);
        assert_eq!(codes("budi@localhost"), ["email_domain_titik"]);
        assert_eq!(codes("budi@a..id"), ["email_domain_label"]);
        assert_eq!(codes("budi@-a.id"), ["email_domain_label"]);
        assert_eq!(codes("budi@a_b.id"), ["email_domain_label"]);
        assert_eq!(codes("budi@a.id."), ["email_domain_label"]);
        let long = format!("a@{}.id", "b".repeat(260));
        assert_eq!(
            codes(&long),
            ["email_terlalu_panjang", "email_domain_label"]
        );
        // Every problem, not only the first.
        assert_eq!(
            codes("a b@localhost_"),
            [
                "email_lokal_karakter",
                "email_domain_titik",
                "email_domain_label"
            ]
        );
    }

    #[test]
    fn deserializes_through_parse() {
        let ok: StrDeserializer<'_, DeError> = "x@A.ID".into_deserializer();
        assert_eq!(Email::deserialize(ok).unwrap().as_str(), "x@a.id");
        let bad: StrDeserializer<'_, DeError> = "x".into_deserializer();
        assert!(Email::deserialize(bad).is_err());
    }
}
