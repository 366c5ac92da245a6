//! Recording a fulfilment by hand (evidence `catatan`, and any obligation whose evidence
//! Simpul cannot see by itself, such as an audit): what may be recorded. The obligation
//! must be in the active profile, the subject one of its subjects, and the date one that
//! has already happened.

use serde::Deserialize;
use time::Date;

use super::EngineInput;
use crate::compliance::profile::Profil;
use crate::ids::PdId;
use crate::plan::tanggal_lalu;
use crate::problem::{FieldProblems, Masalahs};
use crate::text::required;

/// Longest description of a fulfilment.
pub const MAX_KETERANGAN: usize = 2000;

/// Raw form or API input of a fulfilment.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PemenuhanInput {
    /// Obligation id in the active profile, e.g. `audit-aplikasi-khusus`.
    #[serde(default)]
    pub kewajiban: String,
    /// Subject key, e.g. `item:<uuid>`.
    #[serde(default)]
    pub subjek: String,
    /// When it was fulfilled, `YYYY-MM-DD` (also `DD-MM-YYYY`, `DD/MM/YYYY`).
    #[serde(default)]
    pub tanggal: String,
    /// What was done, e.g. the audit report's number.
    #[serde(default)]
    pub keterangan: String,
}

/// A validated fulfilment to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PemenuhanBaru {
    /// Code of the profile it was recorded under.
    pub profil: String,
    /// Obligation id.
    pub kewajiban: String,
    /// Subject key.
    pub subjek: String,
    /// The subject's PD, for the audit trail.
    pub pd: Option<PdId>,
    /// When it was fulfilled (never after the day of entry).
    pub tanggal: Date,
    /// What was done.
    pub keterangan: String,
}

impl PemenuhanBaru {
    /// Validate every field at once against `profil` and the subjects in `subjek` (the
    /// store gathers those of the obligation's kind); `today` is the date in the region.
    /// Problems are keyed `kewajiban`, `subjek`, `tanggal` and `keterangan`.
    pub fn parse(
        input: &PemenuhanInput,
        profil: &Profil,
        subjek: &EngineInput,
        today: Date,
    ) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let id = input.kewajiban.trim();
        let kewajiban = if id.is_empty() {
            p.add("kewajiban", Masalahs::one("wajib_diisi", "Wajib diisi."));
            None
        } else {
            let k = profil.kewajiban(id);
            if k.is_none() {
                p.add(
                    "kewajiban",
                    Masalahs::one(
                        "kewajiban_tidak_dikenal",
                        format!(
                            "Kewajiban \"{id}\" tidak ada dalam profil {} ({}).",
                            profil.kode, profil.wilayah
                        ),
                    ),
                );
            }
            k
        };
        let kunci = input.subjek.trim();
        let mut pd = None;
        if kunci.is_empty() {
            p.add("subjek", Masalahs::one("wajib_diisi", "Wajib diisi."));
        } else if let Some(k) = kewajiban {
            // Only checked against a known obligation: its kind of subject says which
            // keys belong to it.
            match subjek
                .subjek_dari(k.subjek)
                .iter()
                .find(|s| s.kunci == kunci)
            {
                Some(s) => pd = s.pd,
                None => p.add(
                    "subjek",
                    Masalahs::one(
                        "subjek_tidak_dikenal",
                        format!(
                            "\"{kunci}\" bukan subjek kewajiban {} ({}).",
                            k.id,
                            k.subjek.label()
                        ),
                    ),
                ),
            }
        }
        let tanggal = if input.tanggal.trim().is_empty() {
            p.add("tanggal", Masalahs::one("wajib_diisi", "Wajib diisi."));
            None
        } else {
            p.check("tanggal", tanggal_lalu(&input.tanggal, today))
        };
        let keterangan = p.check("keterangan", required(&input.keterangan, MAX_KETERANGAN));
        match (kewajiban, tanggal, keterangan) {
            (Some(k), Some(tanggal), Some(keterangan)) if p.is_empty() => Ok(Self {
                profil: profil.kode.clone(),
                kewajiban: k.id.clone(),
                subjek: kunci.to_owned(),
                pd,
                tanggal,
                keterangan,
            }),
            _ => Err(p),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use time::macros::date;
    use uuid::Uuid;

    use super::*;
    use crate::compliance::engine::{SubjekKepatuhan, kunci_dokumen, kunci_pd};
    use crate::compliance::profile::{Subjek, shipped};
    use crate::plan::JenisDokumenPerencanaan;

    fn input(kewajiban: &str, subjek: &str, tanggal: &str, keterangan: &str) -> PemenuhanInput {
        PemenuhanInput {
            kewajiban: kewajiban.into(),
            subjek: subjek.into(),
            tanggal: tanggal.into(),
            keterangan: keterangan.into(),
        }
    }

    #[test]
    fn recording_a_fulfilment_checks_obligation_subject_and_date() {
        let profil = Profil::parse("tanah-bumbu.toml", shipped("tanah-bumbu").unwrap()).unwrap();
        let id = PdId(Uuid::nil());
        let pd = kunci_pd(id);
        let mut subjects = EngineInput::default();
        subjects.subjek.insert(
            Subjek::SetiapPd,
            vec![SubjekKepatuhan {
                kunci: pd.clone(),
                nama: "PD A".into(),
                pd: Some(id),
                sejak: date!(2024 - 03 - 01),
                periode: None,
                ada: true,
            }],
        );
        let today = date!(2026 - 11 - 22);
        let ok = PemenuhanBaru::parse(
            &input(
                "pencadangan-data-berkala",
                &pd,
                "2026-11-22",
                "Cadangan ke Pusat Data",
            ),
            &profil,
            &subjects,
            today,
        )
        .unwrap();
        assert_eq!(ok.profil, "tanah-bumbu");
        assert_eq!(ok.pd, Some(PdId(Uuid::nil())));
        assert_eq!(ok.tanggal, today);
        // A planning document not adopted yet is still a subject evidence can be recorded for.
        let doc = kunci_dokumen(JenisDokumenPerencanaan::Arsitektur);
        assert!(
            PemenuhanBaru::parse(
                &input(
                    "arsitektur-monev-tahunan",
                    &doc,
                    "2026-01-05",
                    "Laporan monev"
                ),
                &profil,
                &subjects,
                today
            )
            .is_ok()
        );

        let fails = |i: PemenuhanInput| -> Vec<(String, &'static str)> {
            let e = PemenuhanBaru::parse(&i, &profil, &subjects, today).unwrap_err();
            e.0.iter()
                .flat_map(|(f, ms)| ms.iter().map(move |m| (f.clone(), m.kode)))
                .collect()
        };
        let one = |f: &str, k: &'static str| vec![(f.to_owned(), k)];
        assert_eq!(
            fails(input("pencadangan-data-berkala", &pd, "2026-11-23", "x")),
            one("tanggal", "tanggal_masa_depan")
        );
        assert_eq!(
            fails(input("audit-kucing", &pd, "2026-11-01", "x")),
            one("kewajiban", "kewajiban_tidak_dikenal")
        );
        assert_eq!(
            fails(input(
                "pencadangan-data-berkala",
                "pd:tidak-ada",
                "2026-11-01",
                "x"
            )),
            one("subjek", "subjek_tidak_dikenal")
        );
        // A PD is no subject of an application audit.
        assert_eq!(
            fails(input("audit-aplikasi-khusus", &pd, "2026-11-01", "x")),
            one("subjek", "subjek_tidak_dikenal")
        );
        assert_eq!(fails(input("", "", "", "")).len(), 4);
    }
}
