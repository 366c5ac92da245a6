//! The kinds of document a registry record can carry, and which record kinds carry which:
//! an SOP belongs to a business process, the ministerial consideration to an application
//! with closed source code (001 Pasal 22), a diagram to infrastructure.

use serde::Serialize;

use crate::Masalahs;
use crate::registry::Jenis;

/// A kind of document attached to a registry record. Each upload is a new version; none
/// is ever replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisDokumen {
    /// Standard operating procedure (003 Pasal 9; 003 Pasal 15(1)).
    Sop,
    /// Result of a review, e.g. the twice-yearly business-process review (003 Pasal 9(11)).
    HasilReviu,
    /// The minister's consideration for closed source code (001 Pasal 22).
    PertimbanganMenteri,
    /// Cost-benefit and impact analysis for replacing or retiring (002 Pasal 25).
    KajianBiayaManfaat,
    /// A diagram or topology of infrastructure.
    Diagram,
    /// Any other supporting document.
    Lainnya,
}

impl JenisDokumen {
    /// Every kind, in the order forms list them.
    pub const ALL: [JenisDokumen; 6] = [
        Self::Sop,
        Self::HasilReviu,
        Self::PertimbanganMenteri,
        Self::KajianBiayaManfaat,
        Self::Diagram,
        Self::Lainnya,
    ];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Sop => "sop",
            Self::HasilReviu => "hasil_reviu",
            Self::PertimbanganMenteri => "pertimbangan_menteri",
            Self::KajianBiayaManfaat => "kajian_biaya_manfaat",
            Self::Diagram => "diagram",
            Self::Lainnya => "lainnya",
        }
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        match self {
            Self::Sop => "Dokumen SOP",
            Self::HasilReviu => "Hasil reviu",
            Self::PertimbanganMenteri => "Pertimbangan Menteri (kode sumber tertutup)",
            Self::KajianBiayaManfaat => "Kajian biaya-manfaat dan dampak",
            Self::Diagram => "Diagram / topologi",
            Self::Lainnya => "Dokumen pendukung lain",
        }
    }

    /// Whether a record of kind `jenis` may carry this document.
    pub fn applies_to(self, jenis: Jenis) -> bool {
        match self {
            Self::Sop => matches!(jenis, Jenis::ProsesBisnis | Jenis::SopKeamanan),
            Self::HasilReviu => matches!(jenis, Jenis::ProsesBisnis | Jenis::SopKeamanan),
            Self::PertimbanganMenteri | Self::KajianBiayaManfaat => jenis == Jenis::Aplikasi,
            Self::Diagram => matches!(
                jenis,
                Jenis::PusatData | Jenis::Server | Jenis::Jaringan | Jenis::Subnet
            ),
            Self::Lainnya => true,
        }
    }

    /// The kinds a record of kind `jenis` may carry.
    pub fn for_jenis(jenis: Jenis) -> impl Iterator<Item = JenisDokumen> {
        Self::ALL.into_iter().filter(move |d| d.applies_to(jenis))
    }

    /// Parse a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|d| d.code() == code)
    }

    /// Parse a code for a record of kind `jenis`.
    pub fn parse(code: &str, jenis: Jenis) -> Result<Self, Masalahs> {
        match Self::from_code(code.trim()) {
            Some(d) if d.applies_to(jenis) => Ok(d),
            Some(d) => Err(Masalahs::one(
                "dokumen_tidak_berlaku",
                format!("{} tidak berlaku untuk rekaman jenis ini.", d.label()),
            )),
            None => Err(Masalahs::one("dokumen_jenis", "Pilih jenis dokumen.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_kind_can_carry_something_and_codes_parse() {
        for j in Jenis::ALL {
            assert!(JenisDokumen::for_jenis(j).any(|d| d == JenisDokumen::Lainnya));
            for d in JenisDokumen::for_jenis(j) {
                assert_eq!(JenisDokumen::parse(d.code(), j).unwrap(), d);
            }
        }
        assert!(JenisDokumen::parse("sop", Jenis::ProsesBisnis).is_ok());
        assert!(
            JenisDokumen::parse("sop", Jenis::Server)
                .unwrap_err()
                .has("dokumen_tidak_berlaku")
        );
        assert!(
            JenisDokumen::parse("x", Jenis::Server)
                .unwrap_err()
                .has("dokumen_jenis")
        );
    }
}
