//! The six architecture domains and the kinds of record in each.

use serde::{Deserialize, Serialize};

/// An SPBE architecture domain (Perpres 95/2018; 000 Pasal 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Domain {
    /// Arsitektur proses bisnis.
    ProsesBisnis,
    /// Arsitektur layanan.
    Layanan,
    /// Arsitektur aplikasi.
    Aplikasi,
    /// Arsitektur data dan informasi.
    Data,
    /// Arsitektur infrastruktur.
    Infrastruktur,
    /// Arsitektur keamanan.
    Keamanan,
}

impl Domain {
    /// Every domain, in the order of the architecture document.
    pub const ALL: [Domain; 6] = [
        Self::ProsesBisnis,
        Self::Layanan,
        Self::Data,
        Self::Aplikasi,
        Self::Infrastruktur,
        Self::Keamanan,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::ProsesBisnis => "proses_bisnis",
            Self::Layanan => "layanan",
            Self::Aplikasi => "aplikasi",
            Self::Data => "data",
            Self::Infrastruktur => "infrastruktur",
            Self::Keamanan => "keamanan",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == s)
    }
}

/// A kind of registry record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jenis {
    /// A business process (ARC-1).
    ProsesBisnis,
    /// An SPBE service, administrative or public (ARC-2).
    Layanan,
    /// An application, Umum or Khusus (ARC-3).
    Aplikasi,
    /// A data asset of the per-PD register of 004 Pasal 26 (ARC-4).
    Data,
    /// A data centre or DRC (000 Pasal 12; 004 Pasal 21).
    PusatData,
    /// A server or VPS (000 Pasal 12(7),(9)).
    Server,
    /// A network link or the NOC (004 Pasal 21).
    Jaringan,
    /// A subnet of the IP address plan (000 Pasal 19).
    Subnet,
    /// A domain or subdomain name (000 Pasal 21; 002 Pasal 26-28).
    NamaDomain,
    /// A PD website and its administrator (002 Pasal 27).
    SitusWeb,
    /// An information asset (003 Pasal 14(3)).
    AsetInformasi,
    /// A security SOP and whether a PD has it (003 Pasal 15(1)).
    SopKeamanan,
    /// A security control in place (002 Pasal 14, 15, 18; 004 Pasal 23(2)).
    KontrolKeamanan,
}

impl Jenis {
    /// Every kind.
    pub const ALL: [Jenis; 13] = [
        Self::ProsesBisnis,
        Self::Layanan,
        Self::Aplikasi,
        Self::Data,
        Self::PusatData,
        Self::Server,
        Self::Jaringan,
        Self::Subnet,
        Self::NamaDomain,
        Self::SitusWeb,
        Self::AsetInformasi,
        Self::SopKeamanan,
        Self::KontrolKeamanan,
    ];

    /// Stable code (database, API, URLs, spreadsheet sheet names).
    pub fn code(self) -> &'static str {
        match self {
            Self::ProsesBisnis => "proses_bisnis",
            Self::Layanan => "layanan",
            Self::Aplikasi => "aplikasi",
            Self::Data => "data",
            Self::PusatData => "pusat_data",
            Self::Server => "server",
            Self::Jaringan => "jaringan",
            Self::Subnet => "subnet",
            Self::NamaDomain => "nama_domain",
            Self::SitusWeb => "situs_web",
            Self::AsetInformasi => "aset_informasi",
            Self::SopKeamanan => "sop_keamanan",
            Self::KontrolKeamanan => "kontrol_keamanan",
        }
    }

    /// Parse a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|j| j.code() == s)
    }

    /// The domain this kind belongs to.
    pub fn domain(self) -> Domain {
        match self {
            Self::ProsesBisnis => Domain::ProsesBisnis,
            Self::Layanan => Domain::Layanan,
            Self::Aplikasi => Domain::Aplikasi,
            Self::Data => Domain::Data,
            Self::PusatData
            | Self::Server
            | Self::Jaringan
            | Self::Subnet
            | Self::NamaDomain
            | Self::SitusWeb => Domain::Infrastruktur,
            Self::AsetInformasi | Self::SopKeamanan | Self::KontrolKeamanan => Domain::Keamanan,
        }
    }

    /// The kinds of one domain.
    pub fn of_domain(d: Domain) -> impl Iterator<Item = Jenis> {
        Self::ALL.into_iter().filter(move |j| j.domain() == d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_every_domain_has_kinds() {
        for j in Jenis::ALL {
            assert_eq!(Jenis::from_code(j.code()), Some(j));
        }
        for d in Domain::ALL {
            assert_eq!(Domain::from_code(d.code()), Some(d));
            assert!(Jenis::of_domain(d).count() >= 1, "{d:?}");
        }
        assert_eq!(Jenis::of_domain(Domain::Infrastruktur).count(), 6);
    }
}
