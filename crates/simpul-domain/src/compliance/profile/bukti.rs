//! What fulfils an obligation. Some evidence Simpul sees by itself (a LAN diagram
//! upload, a review of a planning document); everything can also be recorded by hand by
//! an authorised user, with a date and an evidence file.

/// The source of fulfilments of an obligation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bukti {
    /// Recorded by hand (date, evidence file, who).
    Catatan,
    /// A PD's LAN diagram upload for the year (000 Pasal 20).
    DiagramLan,
    /// The adoption (penetapan) of the subject planning document.
    PenetapanDokumen,
    /// A review record of the subject planning document.
    ReviuDokumen,
    /// A review of a business process (its review date or a review-result document).
    ReviuProsesBisnis,
    /// An audit of the subject (ICT, application, infrastructure or security audit).
    Audit,
    /// A monitoring and evaluation report.
    PemantauanEvaluasi,
}

const CODES: &[(Bukti, &str, &str)] = &[
    (
        Bukti::Catatan,
        "catatan",
        "Dicatat oleh pengguna berwenang beserta berkas bukti",
    ),
    (Bukti::DiagramLan, "diagram_lan", "Unggahan diagram LAN PD"),
    (
        Bukti::PenetapanDokumen,
        "penetapan_dokumen",
        "Penetapan dokumen perencanaan",
    ),
    (
        Bukti::ReviuDokumen,
        "reviu_dokumen",
        "Catatan reviu dokumen perencanaan",
    ),
    (
        Bukti::ReviuProsesBisnis,
        "reviu_proses_bisnis",
        "Reviu proses bisnis",
    ),
    (Bukti::Audit, "audit", "Laporan audit"),
    (
        Bukti::PemantauanEvaluasi,
        "pemantauan_evaluasi",
        "Laporan pemantauan dan evaluasi",
    ),
];

impl Bukti {
    /// Parse a code.
    pub fn from_code(code: &str) -> Option<Self> {
        CODES
            .iter()
            .find(|(_, c, _)| *c == code)
            .map(|(b, _, _)| *b)
    }

    /// Stable code.
    pub fn code(self) -> &'static str {
        CODES
            .iter()
            .find(|(b, _, _)| *b == self)
            .map_or("", |(_, c, _)| c)
    }

    /// Label in Bahasa Indonesia.
    pub fn label(self) -> &'static str {
        CODES
            .iter()
            .find(|(b, _, _)| *b == self)
            .map_or("", |(_, _, l)| l)
    }

    /// Every code.
    pub fn codes() -> Vec<&'static str> {
        CODES.iter().map(|(_, c, _)| *c).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in Bukti::codes() {
            assert_eq!(Bukti::from_code(c).unwrap().code(), c);
        }
        assert_eq!(Bukti::from_code("foto"), None);
    }
}
