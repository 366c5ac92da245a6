//! Life cycles. A service or a grant is proposed (`usulan`) by a PD and becomes active
//! only after the Dinas' operational and security review (000 Pasal 22(4)(c)); the
//! review may refuse it instead. An active service may be switched off (`nonaktif`)
//! and on again by the Dinas; an active grant may be revoked (`dicabut`) and ends by
//! itself after its last day.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::problem::Masalahs;

/// The Dinas' decision on a proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Putusan {
    /// Approved: the proposal becomes active.
    Setujui,
    /// Refused, with a note saying why.
    Tolak,
}

impl Putusan {
    /// Parse `setujui` / `tolak`.
    pub fn parse(raw: &str) -> Result<Self, Masalahs> {
        match raw.trim() {
            "setujui" => Ok(Self::Setujui),
            "tolak" => Ok(Self::Tolak),
            _ => Err(Masalahs::one(
                "putusan_tidak_dikenal",
                "Putusan harus setujui atau tolak.",
            )),
        }
    }

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Setujui => "setujui",
            Self::Tolak => "tolak",
        }
    }

    /// A refusal must say why; an approval may carry a note.
    pub fn check_note(self, note: Option<&str>) -> Result<(), Masalahs> {
        if self == Self::Tolak && note.is_none_or(|n| n.trim().is_empty()) {
            return Err(Masalahs::one(
                "catatan_wajib",
                "Penolakan wajib disertai catatan alasannya.",
            ));
        }
        Ok(())
    }
}

fn bukan_keadaan(kini: &str) -> Masalahs {
    Masalahs::one(
        "status_tidak_sesuai",
        format!("Tidak dapat dilakukan pada status {kini}."),
    )
}

/// A service version's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusLayanan {
    /// Proposed, awaiting review; not routed.
    Usulan,
    /// Reviewed and approved: routed.
    Aktif,
    /// Refused at review; the PD may edit and propose again.
    Ditolak,
    /// Switched off by the Dinas; routed as `layanan_nonaktif`.
    Nonaktif,
}

impl StatusLayanan {
    /// Every status.
    pub const ALL: [Self; 4] = [Self::Usulan, Self::Aktif, Self::Ditolak, Self::Nonaktif];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Usulan => "usulan",
            Self::Aktif => "aktif",
            Self::Ditolak => "ditolak",
            Self::Nonaktif => "nonaktif",
        }
    }

    /// From a stored code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// The status after the review's decision; only proposals are reviewed.
    pub fn tinjau(self, p: Putusan) -> Result<Self, Masalahs> {
        match (self, p) {
            (Self::Usulan, Putusan::Setujui) => Ok(Self::Aktif),
            (Self::Usulan, Putusan::Tolak) => Ok(Self::Ditolak),
            _ => Err(bukan_keadaan(self.code())),
        }
    }

    /// The status after the owning PD edits the entry: an edit of an active or refused
    /// service goes back to review, because the Dinas approved what it saw (upstream,
    /// classification, document), not what it becomes.
    pub fn setelah_ubah(self) -> Self {
        match self {
            Self::Nonaktif => Self::Nonaktif,
            _ => Self::Usulan,
        }
    }

    /// Switch an active service off.
    pub fn nonaktifkan(self) -> Result<Self, Masalahs> {
        match self {
            Self::Aktif => Ok(Self::Nonaktif),
            _ => Err(bukan_keadaan(self.code())),
        }
    }

    /// Switch a switched-off service on again (it was reviewed before).
    pub fn aktifkan(self) -> Result<Self, Masalahs> {
        match self {
            Self::Nonaktif => Ok(Self::Aktif),
            _ => Err(bukan_keadaan(self.code())),
        }
    }
}

/// A grant's stored status (expiry is computed from its date, not stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusIzin {
    /// Requested, awaiting review.
    Usulan,
    /// Approved.
    Aktif,
    /// Refused at review.
    Ditolak,
    /// Revoked by the Dinas or the owning PD.
    Dicabut,
}

impl StatusIzin {
    /// Every status.
    pub const ALL: [Self; 4] = [Self::Usulan, Self::Aktif, Self::Ditolak, Self::Dicabut];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Usulan => "usulan",
            Self::Aktif => "aktif",
            Self::Ditolak => "ditolak",
            Self::Dicabut => "dicabut",
        }
    }

    /// From a stored code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// The status after review. Approving a grant whose last day has passed is refused:
    /// the gateway would refuse every call anyway, and the PD should ask again.
    pub fn tinjau(
        self,
        p: Putusan,
        berlaku_sampai: Date,
        hari_ini: Date,
    ) -> Result<Self, Masalahs> {
        match (self, p) {
            (Self::Usulan, Putusan::Setujui) => {
                kedaluwarsa_valid(berlaku_sampai, hari_ini)?;
                Ok(Self::Aktif)
            }
            (Self::Usulan, Putusan::Tolak) => Ok(Self::Ditolak),
            _ => Err(bukan_keadaan(self.code())),
        }
    }

    /// Revoke a proposed or active grant.
    pub fn cabut(self) -> Result<Self, Masalahs> {
        match self {
            Self::Usulan | Self::Aktif => Ok(Self::Dicabut),
            _ => Err(bukan_keadaan(self.code())),
        }
    }

    /// What the grant is in effect on `hari_ini`: an active grant past its last day
    /// reads `kedaluwarsa` (expired).
    pub fn efektif(self, berlaku_sampai: Date, hari_ini: Date) -> &'static str {
        if self == Self::Aktif && berlaku_sampai < hari_ini {
            "kedaluwarsa"
        } else {
            self.code()
        }
    }
}

/// A grant's last day must not be in the past, and at most 5 years ahead (grants are
/// reviewed again rather than given forever).
pub fn kedaluwarsa_valid(berlaku_sampai: Date, hari_ini: Date) -> Result<(), Masalahs> {
    if berlaku_sampai < hari_ini {
        return Err(Masalahs::one(
            "kedaluwarsa_lampau",
            "Tanggal berakhir izin sudah lewat.",
        ));
    }
    if berlaku_sampai.year() > hari_ini.year() + 5 {
        return Err(Masalahs::one(
            "kedaluwarsa_terlalu_jauh",
            "Izin paling lama 5 tahun; ajukan perpanjangan nanti.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::date;

    #[test]
    fn service_life_cycle() {
        use StatusLayanan::*;
        assert_eq!(Usulan.tinjau(Putusan::Setujui).unwrap(), Aktif);
        assert_eq!(Usulan.tinjau(Putusan::Tolak).unwrap(), Ditolak);
        for s in [Aktif, Ditolak, Nonaktif] {
            assert!(
                s.tinjau(Putusan::Setujui)
                    .unwrap_err()
                    .has("status_tidak_sesuai")
            );
        }
        assert_eq!(Aktif.nonaktifkan().unwrap(), Nonaktif);
        assert!(Usulan.nonaktifkan().is_err());
        assert_eq!(Nonaktif.aktifkan().unwrap(), Aktif);
        assert!(Aktif.aktifkan().is_err());
        assert_eq!(Aktif.setelah_ubah(), Usulan);
        assert_eq!(Ditolak.setelah_ubah(), Usulan);
        assert_eq!(Nonaktif.setelah_ubah(), Nonaktif);
        for s in StatusLayanan::ALL {
            assert_eq!(StatusLayanan::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn grant_life_cycle() {
        use StatusIzin::*;
        let today = date!(2026 - 11 - 22);
        assert_eq!(
            Usulan.tinjau(Putusan::Setujui, today, today).unwrap(),
            Aktif
        );
        assert!(
            Usulan
                .tinjau(Putusan::Setujui, date!(2026 - 11 - 21), today)
                .unwrap_err()
                .has("kedaluwarsa_lampau")
        );
        assert_eq!(
            Usulan
                .tinjau(Putusan::Tolak, date!(2020 - 1 - 1), today)
                .unwrap(),
            Ditolak
        );
        assert!(Aktif.tinjau(Putusan::Setujui, today, today).is_err());
        assert_eq!(Aktif.cabut().unwrap(), Dicabut);
        assert_eq!(Usulan.cabut().unwrap(), Dicabut);
        assert!(Dicabut.cabut().is_err());
        assert!(Ditolak.cabut().is_err());
        assert_eq!(Aktif.efektif(date!(2026 - 11 - 21), today), "kedaluwarsa");
        assert_eq!(Aktif.efektif(today, today), "aktif");
        assert_eq!(Usulan.efektif(date!(2020 - 1 - 1), today), "usulan");
        for s in StatusIzin::ALL {
            assert_eq!(StatusIzin::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn expiry_bounds() {
        let today = date!(2026 - 11 - 22);
        assert!(kedaluwarsa_valid(today, today).is_ok());
        assert!(kedaluwarsa_valid(date!(2031 - 12 - 31), today).is_ok());
        assert!(
            kedaluwarsa_valid(date!(2032 - 1 - 1), today)
                .unwrap_err()
                .has("kedaluwarsa_terlalu_jauh")
        );
    }

    #[test]
    fn decisions() {
        assert_eq!(Putusan::parse("setujui").unwrap(), Putusan::Setujui);
        assert!(
            Putusan::parse("ya")
                .unwrap_err()
                .has("putusan_tidak_dikenal")
        );
        assert!(
            Putusan::Tolak
                .check_note(None)
                .unwrap_err()
                .has("catatan_wajib")
        );
        assert!(Putusan::Tolak.check_note(Some("  ")).is_err());
        assert!(Putusan::Tolak.check_note(Some("hulu tanpa TLS")).is_ok());
        assert!(Putusan::Setujui.check_note(None).is_ok());
    }
}
