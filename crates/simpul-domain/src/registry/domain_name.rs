//! DNS names of the region: its domain, the PD subdomains under it and the official
//! e-mail domain (000 Pasal 21; 002 Pasal 26-28).

use std::fmt;
use std::str::FromStr;

use crate::problem::{Masalah, Masalahs};

/// A host name: dot-separated letter-digit-hyphen labels, lower case, at most 253
/// characters, at least two labels.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DomainName(String);

impl DomainName {
    /// Parse a name; case is folded and one trailing dot (the DNS root) is dropped.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let t = input.trim().to_ascii_lowercase();
        let t = t.strip_suffix('.').unwrap_or(&t);
        if t.is_empty() {
            return Err(Masalahs::one("domain_kosong", "Nama domain wajib diisi."));
        }
        let mut found = Vec::new();
        let n = t.chars().count();
        if n > 253 {
            found.push(Masalah::new(
                "domain_terlalu_panjang",
                format!("Nama domain paling banyak 253 karakter (sekarang {n})."),
            ));
        }
        let labels: Vec<&str> = t.split('.').collect();
        if labels.len() < 2 {
            found.push(Masalah::new(
                "domain_satu_label",
                "Nama domain harus memuat titik, misalnya tanbukab.go.id.",
            ));
        }
        // One message per kind of fault, however many labels share it.
        let mut faults = [false; 4];
        for l in &labels {
            faults[0] |= l.is_empty();
            faults[1] |= l.len() > 63;
            faults[2] |= l
                .chars()
                .any(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            faults[3] |= l.starts_with('-') || l.ends_with('-');
        }
        let messages = [
            (
                "domain_label_kosong",
                "Nama domain tidak boleh memuat dua titik berurutan atau diawali titik.",
            ),
            (
                "domain_label_panjang",
                "Setiap bagian nama domain paling banyak 63 karakter.",
            ),
            (
                "domain_karakter",
                "Nama domain hanya boleh berisi huruf a-z, angka 0-9, tanda hubung (-) dan titik.",
            ),
            (
                "domain_tanda_hubung",
                "Bagian nama domain tidak boleh diawali atau diakhiri tanda hubung.",
            ),
        ];
        for (fault, (kode, pesan)) in faults.iter().zip(messages) {
            if *fault {
                found.push(Masalah::new(kode, pesan));
            }
        }
        if labels.len() >= 2
            && labels
                .last()
                .is_some_and(|tld| !tld.is_empty() && tld.chars().all(|c| c.is_ascii_digit()))
        {
            found.push(Masalah::new(
                "domain_tld_angka",
                "Bagian terakhir nama domain tidak boleh berupa angka (alamat IP bukan nama domain).",
            ));
        }
        Masalahs::into_result(found).map(|()| Self(t.to_owned()))
    }

    /// The name, lower case.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this name is a proper subdomain of `parent` (not equal to it).
    pub fn is_under(&self, parent: &DomainName) -> bool {
        self.0
            .strip_suffix(parent.as_str())
            .is_some_and(|head| head.len() > 1 && head.ends_with('.'))
    }

    /// Whether this name is `other` or one of its subdomains.
    pub fn is_within(&self, other: &DomainName) -> bool {
        self == other || self.is_under(other)
    }
}

impl fmt::Display for DomainName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for DomainName {
    type Err = Masalahs;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// A PD subdomain must sit under the region's domain (000 Pasal 21(3)).
pub fn check_subdomain(name: &DomainName, region_domain: &DomainName) -> Result<(), Masalahs> {
    if name.is_under(region_domain) {
        Ok(())
    } else {
        Err(Masalahs::one(
            "subdomain_di_luar_domain",
            format!(
                "Subdomain PD harus berada di bawah domain daerah {region_domain}, misalnya namapd.{region_domain}."
            ),
        ))
    }
}

/// The official e-mail domain must be the region's domain or under it (000 Pasal 21(6)).
pub fn check_email_domain(name: &DomainName, region_domain: &DomainName) -> Result<(), Masalahs> {
    if name.is_within(region_domain) {
        Ok(())
    } else {
        Err(Masalahs::one(
            "email_di_luar_domain",
            format!("Domain e-mail resmi harus {region_domain} atau subdomainnya."),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(x: &str) -> DomainName {
        DomainName::parse(x).unwrap()
    }

    fn codes(x: &str) -> Vec<&'static str> {
        DomainName::parse(x)
            .unwrap_err()
            .0
            .iter()
            .map(|m| m.kode)
            .collect()
    }

    #[test]
    fn normalises() {
        assert_eq!(
            d(" DinKes.TanbuKab.go.id. ").as_str(),
            "dinkes.tanbukab.go.id"
        );
        assert_eq!(d("xn--80ak6aa92e.com").to_string(), "xn--80ak6aa92e.com");
    }

    #[test]
    fn every_error_code() {
        assert_eq!(codes("  "), ["domain_kosong"]);
        assert_eq!(codes("localhost"), ["domain_satu_label"]);
        assert_eq!(codes("a..go.id"), ["domain_label_kosong"]);
        assert_eq!(
            codes(&format!("{}.go.id", "a".repeat(64))),
            ["domain_label_panjang"]
        );
        assert_eq!(codes("dinas_kes.go.id"), ["domain_karakter"]);
        assert_eq!(codes("-dinkes.go.id"), ["domain_tanda_hubung"]);
        assert_eq!(codes("10.63.1.1"), ["domain_tld_angka"]);
        let long = format!("{}.go.id", ["abcdefghij"; 25].join("."));
        assert_eq!(codes(&long), ["domain_terlalu_panjang"]);
        assert_eq!(codes("bad_.-x"), ["domain_karakter", "domain_tanda_hubung"]);
    }

    #[test]
    fn subdomains() {
        let region = d("tanbukab.go.id");
        assert!(d("dinkes.tanbukab.go.id").is_under(&region));
        assert!(!d("tanbukab.go.id").is_under(&region));
        assert!(!d("xtanbukab.go.id").is_under(&region));
        assert!(check_subdomain(&d("a.b.tanbukab.go.id"), &region).is_ok());
        let e = check_subdomain(&d("dinkes.go.id"), &region).unwrap_err();
        assert_eq!(e.0[0].kode, "subdomain_di_luar_domain");
        assert!(e.0[0].pesan.contains("tanbukab.go.id"));
        assert!(check_subdomain(&region, &region).is_err());
        assert!(check_email_domain(&region, &region).is_ok());
        assert!(check_email_domain(&d("mail.tanbukab.go.id"), &region).is_ok());
        let e = check_email_domain(&d("gmail.com"), &region).unwrap_err();
        assert_eq!(e.0[0].kode, "email_di_luar_domain");
    }
}
