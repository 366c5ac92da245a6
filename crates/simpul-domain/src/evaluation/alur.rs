//! The workflow of an evaluation period, and who may move it.
//!
//! A period starts in `pengisian`: the PDs responsible for an indicator draft its
//! self-assessed level, justification and evidence, and the lead PD consolidates it.
//! When every indicator is consolidated the coordinator submits the period
//! (`diajukan`); internal assessors then mark each evidence item accepted or to be
//! revised, for the PDs of their team only, while the PDs may attach replacement
//! evidence. When every item has a verdict the coordinator approves the result
//! (`disetujui`), which fixes each indicator's final level (see `tingkat_akhir`) and
//! the report to the head of region (000 Pasal 43(4)); the national result may be
//! entered afterwards.
//!
//! Every refusal is a [`Masalah`] with a stable code and a Bahasa Indonesia message, so
//! the page and the API can say why.

use crate::access::{Action, Grant, Target, permits};
use crate::ids::PdId;
use crate::problem::{Masalah, Masalahs};

/// Where a period stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusPeriode {
    /// PDs fill in and consolidate their indicators.
    Pengisian,
    /// Submitted by the coordinator; assessors review the evidence.
    Diajukan,
    /// Result approved and reported to the head of region.
    Disetujui,
}

/// Where one indicator of a period stands during `pengisian`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusIndikator {
    /// Being drafted by its PDs.
    Draf,
    /// Consolidated by the lead PD: ready for submission.
    Dikonsolidasi,
}

macro_rules! coded {
    ($t:ty, $what:literal, $($v:ident => $code:literal, $label:literal;)+) => {
        impl $t {
            /// Stable code, as stored.
            pub fn code(self) -> &'static str {
                match self { $(Self::$v => $code,)+ }
            }
            /// Label in Bahasa Indonesia.
            pub fn label(self) -> &'static str {
                match self { $(Self::$v => $label,)+ }
            }
            /// Parse a stable code.
            pub fn parse(s: &str) -> Result<Self, Masalahs> {
                match s {
                    $($code => Ok(Self::$v),)+
                    _ => Err(Masalahs::one(
                        concat!($what, "_tidak_dikenal"),
                        format!(concat!("Status \"{}\" tidak dikenal."), s),
                    )),
                }
            }
        }
    };
}

coded!(StatusPeriode, "status_periode",
    Pengisian => "pengisian", "Pengisian";
    Diajukan => "diajukan", "Diajukan, dalam penilaian";
    Disetujui => "disetujui", "Disetujui";
);
coded!(StatusIndikator, "status_indikator",
    Draf => "draf", "Draf";
    Dikonsolidasi => "dikonsolidasi", "Dikonsolidasi";
);

/// A PD responsible for an indicator in a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PenanggungJawab {
    /// The PD.
    pub pd: PdId,
    /// Its parent PD, if it is a unit under another PD.
    pub induk: Option<PdId>,
    /// Whether it leads (consolidates) the indicator.
    pub utama: bool,
}

impl PenanggungJawab {
    fn target(self) -> Target {
        Target::Pd {
            pd: self.pd,
            induk: self.induk,
        }
    }
}

/// What someone wants to do with one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AksiIndikator {
    /// Change the self-assessed level, justification or external value.
    Isi,
    /// Attach an evidence item to a level (also while assessors review, to replace
    /// evidence marked `revisi`).
    LampirkanBukti,
    /// Consolidate (lock) the indicator for submission.
    Konsolidasi,
    /// Reopen a consolidated indicator.
    BukaKembali,
    /// Mark evidence items accepted or to be revised.
    Nilai,
}

/// The state one indicator action is decided on.
#[derive(Debug, Clone, Copy)]
pub struct Keadaan<'a> {
    /// The period's status.
    pub periode: StatusPeriode,
    /// The indicator's status.
    pub indikator: StatusIndikator,
    /// Its responsible PDs.
    pub pj: &'a [PenanggungJawab],
    /// The PDs the acting user reviews in this period (empty unless an assessor).
    pub tim_asesor: &'a [PdId],
}

/// Whether a user holding `grants` may do `aksi` on an indicator in state `k`.
pub fn boleh(grants: &[Grant], aksi: AksiIndikator, k: Keadaan<'_>) -> Result<(), Masalah> {
    use AksiIndikator as A;
    use StatusPeriode as P;
    let lead = k.pj.iter().find(|p| p.utama).copied();
    let phase_ok = match aksi {
        A::Isi | A::Konsolidasi => {
            k.periode == P::Pengisian && k.indikator == StatusIndikator::Draf
        }
        A::LampirkanBukti => {
            (k.periode == P::Pengisian && k.indikator == StatusIndikator::Draf)
                || k.periode == P::Diajukan
        }
        A::BukaKembali => {
            k.periode == P::Pengisian && k.indikator == StatusIndikator::Dikonsolidasi
        }
        A::Nilai => k.periode == P::Diajukan,
    };
    if !phase_ok {
        return Err(tahap_salah(aksi, k));
    }
    let allowed = match aksi {
        A::Isi | A::LampirkanBukti => {
            k.pj.iter()
                .any(|p| permits(grants, Action::UbahDataPd, p.target()))
        }
        A::Konsolidasi | A::BukaKembali => {
            lead.is_some_and(|p| permits(grants, Action::KonsolidasiEvaluasi, p.target()))
        }
        A::Nilai => {
            let Some(lead) = lead else {
                return Err(Masalah::new(
                    "indikator_tanpa_pd_utama",
                    "Indikator ini belum punya PD utama, sehingga belum dapat dinilai.",
                ));
            };
            if !permits(grants, Action::NilaiEvaluasi, lead.target()) {
                false
            } else if !k.tim_asesor.contains(&lead.pd) {
                return Err(Masalah::new(
                    "di_luar_tim_asesor",
                    "PD penanggung jawab indikator ini tidak termasuk tim penilaian Anda \
                     pada periode ini.",
                ));
            } else {
                true
            }
        }
    };
    if allowed {
        Ok(())
    } else {
        Err(Masalah::new(
            "tidak_berwenang",
            match aksi {
                A::Isi | A::LampirkanBukti => {
                    "Hanya admin atau operator PD penanggung jawab indikator ini yang dapat \
                     mengisinya."
                }
                A::Konsolidasi | A::BukaKembali => {
                    "Hanya admin PD utama indikator ini yang dapat mengonsolidasikannya."
                }
                A::Nilai => "Hanya asesor internal yang dapat menilai bukti dukung.",
            },
        ))
    }
}

fn tahap_salah(aksi: AksiIndikator, k: Keadaan<'_>) -> Masalah {
    let pesan = match (k.periode, aksi) {
        (StatusPeriode::Disetujui, _) => {
            "Hasil periode ini sudah disetujui; isinya tidak dapat diubah lagi.".to_owned()
        }
        (_, AksiIndikator::Nilai) => {
            "Bukti dukung dinilai setelah periode diajukan oleh koordinator.".to_owned()
        }
        (StatusPeriode::Diajukan, _) => "Periode sudah diajukan: selama penilaian hanya \
             bukti dukung pengganti yang dapat dilampirkan."
            .to_owned(),
        (StatusPeriode::Pengisian, AksiIndikator::BukaKembali) => {
            "Indikator ini belum dikonsolidasikan.".to_owned()
        }
        (StatusPeriode::Pengisian, _) => {
            "Indikator ini sudah dikonsolidasikan; buka kembali dahulu untuk mengubahnya."
                .to_owned()
        }
    };
    Masalah::new("tahap_tidak_sesuai", pesan)
}

/// What an indicator holds when its lead PD consolidates it: the self-assessed level
/// (or, for an external indicator, whether its value is recorded) and how many evidence
/// items are attached to each level 1..=5.
#[derive(Debug, Clone, Copy)]
pub struct IsiIndikator {
    /// Indicator number.
    pub nomor: u32,
    /// Whether the indicator takes its value from another agency's index.
    pub eksternal: bool,
    /// Self-assessed level.
    pub level: Option<u8>,
    /// Whether the external value is recorded.
    pub nilai_eksternal: bool,
    /// Evidence items attached per level (index 0 is level 1).
    pub bukti: [usize; 5],
}

/// Whether an indicator can be consolidated: a self-assessed level with evidence on
/// every level up to it (levels are cumulative), or for an external indicator its value.
pub fn syarat_konsolidasi(i: &IsiIndikator) -> Result<(), Masalahs> {
    if i.eksternal {
        return if i.nilai_eksternal {
            Ok(())
        } else {
            Err(Masalahs::one(
                "nilai_eksternal_kosong",
                format!(
                    "Indikator {}: nilai dari indeks instansi lain belum dicatat.",
                    i.nomor
                ),
            ))
        };
    }
    let Some(level) = i.level else {
        return Err(Masalahs::one(
            "level_kosong",
            format!(
                "Indikator {}: tingkat penilaian mandiri belum diisi.",
                i.nomor
            ),
        ));
    };
    let missing: Vec<String> = (1..=level)
        .filter(|l| i.bukti[usize::from(*l - 1)] == 0)
        .map(|l| l.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Masalahs::one(
            "bukti_dukung_kurang",
            format!(
                "Indikator {}: belum ada bukti dukung untuk level {} (level bersifat \
                 berjenjang: setiap level sampai level {level} memerlukan bukti).",
                i.nomor,
                missing.join(", ")
            ),
        ))
    }
}

/// Whether the coordinator may submit a period whose indicators are `status`: every
/// indicator consolidated. The refusal names those that are not.
pub fn syarat_pengajuan(status: &[(u32, StatusIndikator)]) -> Result<(), Masalahs> {
    let open: Vec<String> = status
        .iter()
        .filter(|(_, s)| *s != StatusIndikator::Dikonsolidasi)
        .map(|(n, _)| n.to_string())
        .collect();
    if open.is_empty() {
        Ok(())
    } else {
        Err(Masalahs::one(
            "indikator_belum_dikonsolidasi",
            format!(
                "Periode belum dapat diajukan: {} indikator belum dikonsolidasikan \
                 (nomor {}).",
                open.len(),
                open.join(", ")
            ),
        ))
    }
}

/// Whether the coordinator may approve a period with `belum_dinilai` evidence items
/// still without a verdict.
pub fn syarat_persetujuan(periode: StatusPeriode, belum_dinilai: usize) -> Result<(), Masalahs> {
    if periode != StatusPeriode::Diajukan {
        return Err(Masalahs::one(
            "tahap_tidak_sesuai",
            "Hanya periode yang sudah diajukan dan dinilai yang dapat disetujui.",
        ));
    }
    if belum_dinilai > 0 {
        return Err(Masalahs::one(
            "bukti_belum_dinilai",
            format!("Masih ada {belum_dinilai} bukti dukung yang belum dinilai asesor."),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use uuid::Uuid;

    fn pd(n: u128) -> PdId {
        PdId::from_uuid(Uuid::from_u128(n))
    }

    fn grant(role: Role, n: u128) -> Grant {
        Grant { role, pd: pd(n) }
    }

    fn pj() -> &'static [PenanggungJawab] {
        let lead = PenanggungJawab {
            pd: pd(1),
            induk: None,
            utama: true,
        };
        let other = PenanggungJawab {
            pd: pd(2),
            utama: false,
            ..lead
        };
        Box::leak(Box::new([lead, other]))
    }

    fn k(periode: StatusPeriode, indikator: StatusIndikator, tim: &[PdId]) -> Keadaan<'_> {
        Keadaan {
            periode,
            indikator,
            pj: pj(),
            tim_asesor: tim,
        }
    }

    fn code(r: Result<(), Masalah>) -> &'static str {
        r.err().map_or("ok", |m| m.kode)
    }

    #[test]
    fn sharing_pds_fill_in_but_only_the_lead_consolidates() {
        use AksiIndikator as A;
        use StatusIndikator as I;
        use StatusPeriode as P;
        let draft = k(P::Pengisian, I::Draf, &[]);
        let lead_admin = [grant(Role::AdminPd, 1)];
        let other_admin = [grant(Role::AdminPd, 2)];
        let other_operator = [grant(Role::OperatorPd, 2)];
        let stranger = [grant(Role::AdminPd, 9)];
        assert_eq!(code(boleh(&other_operator, A::Isi, draft)), "ok");
        assert_eq!(code(boleh(&stranger, A::Isi, draft)), "tidak_berwenang");
        assert_eq!(code(boleh(&lead_admin, A::Konsolidasi, draft)), "ok");
        assert_eq!(
            code(boleh(&other_admin, A::Konsolidasi, draft)),
            "tidak_berwenang"
        );
        let done = k(P::Pengisian, I::Dikonsolidasi, &[]);
        assert_eq!(
            code(boleh(&other_operator, A::Isi, done)),
            "tahap_tidak_sesuai"
        );
        assert_eq!(code(boleh(&lead_admin, A::BukaKembali, done)), "ok");
    }

    #[test]
    fn assessors_review_only_their_team_and_only_after_submission() {
        use AksiIndikator as A;
        use StatusIndikator as I;
        use StatusPeriode as P;
        let asesor = [grant(Role::AsesorInternal, 7)];
        let team = [pd(1)];
        let elsewhere = [pd(2)];
        assert_eq!(
            code(boleh(
                &asesor,
                A::Nilai,
                k(P::Diajukan, I::Dikonsolidasi, &team)
            )),
            "ok"
        );
        assert_eq!(
            code(boleh(
                &asesor,
                A::Nilai,
                k(P::Diajukan, I::Dikonsolidasi, &elsewhere)
            )),
            "di_luar_tim_asesor"
        );
        assert_eq!(
            code(boleh(
                &asesor,
                A::Nilai,
                k(P::Pengisian, I::Dikonsolidasi, &team)
            )),
            "tahap_tidak_sesuai"
        );
        let operator = [grant(Role::OperatorPd, 1)];
        assert_eq!(
            code(boleh(
                &operator,
                A::Nilai,
                k(P::Diajukan, I::Dikonsolidasi, &team)
            )),
            "tidak_berwenang"
        );
        // During review a PD may attach replacement evidence, but not change its level.
        let review = k(P::Diajukan, I::Dikonsolidasi, &[]);
        assert_eq!(code(boleh(&operator, A::LampirkanBukti, review)), "ok");
        assert_eq!(code(boleh(&operator, A::Isi, review)), "tahap_tidak_sesuai");
        // After approval nothing moves.
        let approved = k(P::Disetujui, I::Dikonsolidasi, &team);
        for a in [
            A::Isi,
            A::LampirkanBukti,
            A::Konsolidasi,
            A::BukaKembali,
            A::Nilai,
        ] {
            assert_eq!(
                code(boleh(&[grant(Role::SuperAdmin, 1)], a, approved)),
                "tahap_tidak_sesuai"
            );
        }
    }

    #[test]
    fn consolidation_needs_evidence_on_every_level_up_to_the_claimed_one() {
        let mut i = IsiIndikator {
            nomor: 11,
            eksternal: false,
            level: Some(3),
            nilai_eksternal: false,
            bukti: [1, 0, 2, 0, 0],
        };
        let e = syarat_konsolidasi(&i).unwrap_err();
        assert_eq!(e.0[0].kode, "bukti_dukung_kurang");
        assert!(e.0[0].pesan.contains("level 2"), "{}", e.0[0].pesan);
        i.bukti[1] = 1;
        assert!(syarat_konsolidasi(&i).is_ok());
        i.level = None;
        assert_eq!(
            syarat_konsolidasi(&i).unwrap_err().0[0].kode,
            "level_kosong"
        );
        let ext = IsiIndikator {
            eksternal: true,
            ..i
        };
        assert_eq!(
            syarat_konsolidasi(&ext).unwrap_err().0[0].kode,
            "nilai_eksternal_kosong"
        );
    }

    #[test]
    fn submission_names_the_unconsolidated_and_approval_waits_for_every_verdict() {
        let e = syarat_pengajuan(&[
            (1, StatusIndikator::Dikonsolidasi),
            (2, StatusIndikator::Draf),
            (5, StatusIndikator::Draf),
        ])
        .unwrap_err();
        assert!(e.0[0].pesan.contains("nomor 2, 5"), "{}", e.0[0].pesan);
        assert!(syarat_pengajuan(&[(1, StatusIndikator::Dikonsolidasi)]).is_ok());
        assert_eq!(
            syarat_persetujuan(StatusPeriode::Diajukan, 3)
                .unwrap_err()
                .0[0]
                .kode,
            "bukti_belum_dinilai"
        );
        assert_eq!(
            syarat_persetujuan(StatusPeriode::Pengisian, 0)
                .unwrap_err()
                .0[0]
                .kode,
            "tahap_tidak_sesuai"
        );
        assert!(syarat_persetujuan(StatusPeriode::Diajukan, 0).is_ok());
    }

    #[test]
    fn codes_round_trip() {
        for s in [
            StatusPeriode::Pengisian,
            StatusPeriode::Diajukan,
            StatusPeriode::Disetujui,
        ] {
            assert_eq!(StatusPeriode::parse(s.code()).unwrap(), s);
        }
        assert!(StatusIndikator::parse("selesai").is_err());
    }
}
