//! Evidence items (bukti dukung) as the region keeps them: a file, a link to a record the
//! registry or the planning module already holds (the Arsitektur SPBE document for
//! indicator 11, audit records for 29-31), or a web address (a screenshot gallery, the
//! live service). An item belongs to a PD and can be attached to any indicator level of
//! any period and model, so one decree supports indicators in both frameworks.

use super::StatusBukti;
use crate::problem::{Masalah, Masalahs};

/// What an evidence item points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisBukti {
    /// An uploaded file, stored by SHA-256.
    Berkas,
    /// A record of the architecture registry.
    Registri,
    /// A planning document (Rencana Induk, Arsitektur, Peta Rencana, policies).
    Perencanaan,
    /// A web address.
    Tautan,
}

impl JenisBukti {
    /// Every kind.
    pub const ALL: [JenisBukti; 4] = [
        Self::Berkas,
        Self::Registri,
        Self::Perencanaan,
        Self::Tautan,
    ];

    /// Stable code, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Self::Berkas => "berkas",
            Self::Registri => "registri",
            Self::Perencanaan => "perencanaan",
            Self::Tautan => "tautan",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Self::Berkas => "Berkas",
            Self::Registri => "Rekaman registri arsitektur",
            Self::Perencanaan => "Dokumen perencanaan",
            Self::Tautan => "Tautan",
        }
    }

    /// The kind of a stable code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|j| j.code() == s)
    }
}

/// A verdict an assessor gives (`diterima` or `revisi`), from form or API input: the
/// third state, `belum_dinilai`, is where an attachment starts, never a verdict.
pub fn parse_putusan(s: &str) -> Result<StatusBukti, Masalahs> {
    match s.trim() {
        "diterima" => Ok(StatusBukti::Diterima),
        "revisi" => Ok(StatusBukti::Revisi),
        other => Err(Masalahs::one(
            "putusan_tidak_dikenal",
            format!("Putusan \"{other}\" tidak dikenal. Pilihan: diterima, revisi."),
        )),
    }
}

/// Longest title kept.
const MAX_JUDUL: usize = 300;

/// The title and web address of a new evidence item, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuktiBaru {
    /// What the item is, e.g. "Perbup 12/2024 tentang Arsitektur SPBE".
    pub judul: String,
    /// For a link: the address (http or https).
    pub url: Option<String>,
}

impl BuktiBaru {
    /// Check a title and, for [`JenisBukti::Tautan`], a web address. Names every problem.
    pub fn parse(jenis: JenisBukti, judul: &str, url: Option<&str>) -> Result<Self, Masalahs> {
        let mut problems = Vec::new();
        let judul = judul.trim();
        if judul.is_empty() {
            problems.push(Masalah::new(
                "judul_kosong",
                "Judul bukti dukung wajib diisi.",
            ));
        } else if judul.chars().count() > MAX_JUDUL {
            problems.push(Masalah::new(
                "judul_terlalu_panjang",
                format!("Judul bukti dukung paling panjang {MAX_JUDUL} karakter."),
            ));
        }
        let url = url.map(str::trim).filter(|u| !u.is_empty());
        let url = match (jenis, url) {
            (JenisBukti::Tautan, None) => {
                problems.push(Masalah::new("tautan_kosong", "Alamat tautan wajib diisi."));
                None
            }
            (JenisBukti::Tautan, Some(u)) if !web_address(u) => {
                problems.push(Masalah::new(
                    "tautan_tidak_valid",
                    "Alamat tautan harus diawali http:// atau https:// dan tanpa spasi.",
                ));
                None
            }
            (JenisBukti::Tautan, Some(u)) => Some(u.to_owned()),
            _ => None,
        };
        if problems.is_empty() {
            Ok(Self {
                judul: judul.to_owned(),
                url,
            })
        } else {
            Err(Masalahs(problems))
        }
    }
}

fn web_address(u: &str) -> bool {
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty() && r.len() <= 2000 && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_needs_a_web_address_and_every_item_a_title() {
        let e = BuktiBaru::parse(JenisBukti::Tautan, "  ", Some("ftp://x")).unwrap_err();
        let codes: Vec<_> = e.0.iter().map(|m| m.kode).collect();
        assert_eq!(codes, ["judul_kosong", "tautan_tidak_valid"]);
        let ok =
            BuktiBaru::parse(JenisBukti::Tautan, "Portal", Some(" https://x.go.id/a ")).unwrap();
        assert_eq!(ok.url.as_deref(), Some("https://x.go.id/a"));
        // A file ignores any address given with it.
        let f = BuktiBaru::parse(JenisBukti::Berkas, "SK", Some("https://x")).unwrap();
        assert_eq!(f.url, None);
        assert!(BuktiBaru::parse(JenisBukti::Tautan, "x", Some("https://a b")).is_err());
        assert!(BuktiBaru::parse(JenisBukti::Berkas, &"x".repeat(301), None).is_err());
    }

    #[test]
    fn verdicts_are_only_accept_or_revise() {
        assert_eq!(parse_putusan("diterima").unwrap(), StatusBukti::Diterima);
        assert_eq!(parse_putusan(" revisi ").unwrap(), StatusBukti::Revisi);
        assert_eq!(
            parse_putusan("belum_dinilai").unwrap_err().0[0].kode,
            "putusan_tidak_dikenal"
        );
    }
}
