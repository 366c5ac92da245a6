//! A planning document as a record: what it is, the period it covers, the decree that
//! adopted it and whether it is in force. A draft has no decree yet; a document in force
//! or revoked must name one, because that is what an official cites.

use serde::{Deserialize, Serialize};
use time::Date;

use super::input::{tanggal_lalu, text_or_number};
use super::{JenisDokumenPerencanaan, PeriodeRencana};
use crate::ids::DokumenPerencanaanId;
use crate::problem::{FieldProblems, Masalahs};
use crate::text::{optional, required};

/// Longest title.
pub const MAX_JUDUL: usize = 200;
/// Longest decree number.
pub const MAX_NOMOR: usize = 200;

/// Whether a planning document is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusDokumen {
    /// Being drafted; not yet adopted.
    Draf,
    /// Adopted and in force.
    Berlaku,
    /// Revoked or replaced; kept for history.
    Dicabut,
}

impl StatusDokumen {
    /// Every status, in form order.
    pub const ALL: [StatusDokumen; 3] = [Self::Draf, Self::Berlaku, Self::Dicabut];

    /// Stable code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Draf => "draf",
            Self::Berlaku => "berlaku",
            Self::Dicabut => "dicabut",
        }
    }

    /// Parse a stored code.
    pub fn from_code(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// Whether the document was adopted, so its decree must be named.
    pub fn sudah_ditetapkan(self) -> bool {
        !matches!(self, Self::Draf)
    }
}

/// Raw form or API input of a planning document. Years may come as JSON numbers.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DokumenInput {
    /// Kind code, e.g. `arsitektur`.
    #[serde(default, deserialize_with = "text_or_number")]
    pub jenis: String,
    /// Title.
    #[serde(default, deserialize_with = "text_or_number")]
    pub judul: String,
    /// First year of the period.
    #[serde(default, deserialize_with = "text_or_number")]
    pub periode_awal: String,
    /// Last year of the period.
    #[serde(default, deserialize_with = "text_or_number")]
    pub periode_akhir: String,
    /// Decree number, e.g. "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun 2024".
    #[serde(default, deserialize_with = "text_or_number")]
    pub nomor_penetapan: String,
    /// Decree date, `YYYY-MM-DD` (also `DD-MM-YYYY`, `DD/MM/YYYY`).
    #[serde(default, deserialize_with = "text_or_number")]
    pub tanggal_penetapan: String,
    /// Status code; empty means draft.
    #[serde(default, deserialize_with = "text_or_number")]
    pub status: String,
}

/// A validated planning document to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDokumenPerencanaan {
    /// Kind.
    pub jenis: JenisDokumenPerencanaan,
    /// Title.
    pub judul: String,
    /// Period; required for the three plans, optional for a policy.
    pub periode: Option<PeriodeRencana>,
    /// Decree number; required once adopted.
    pub nomor_penetapan: Option<String>,
    /// Decree date, never after the day of entry; required once adopted.
    pub tanggal_penetapan: Option<Date>,
    /// Status.
    pub status: StatusDokumen,
}

impl NewDokumenPerencanaan {
    /// Validate every field at once; `today` is the date in the region. Problems are
    /// keyed `jenis`, `judul`, `periode`, `nomor_penetapan`, `tanggal_penetapan`, `status`.
    pub fn parse(input: &DokumenInput, today: Date) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let jenis = p.check("jenis", JenisDokumenPerencanaan::parse(&input.jenis));
        let judul = p.check("judul", required(&input.judul, MAX_JUDUL));
        let periode_kosong =
            input.periode_awal.trim().is_empty() && input.periode_akhir.trim().is_empty();
        // A policy may leave the period out; a plan may not (and with an unknown kind,
        // whatever was typed is still checked).
        let periode = if periode_kosong && jenis.is_some_and(|j| !j.butuh_periode()) {
            Some(None)
        } else {
            p.check(
                "periode",
                PeriodeRencana::parse(&input.periode_awal, &input.periode_akhir),
            )
            .map(Some)
        };
        let status = match input.status.trim() {
            "" => Some(StatusDokumen::Draf),
            s => p.check(
                "status",
                StatusDokumen::from_code(s).ok_or_else(|| {
                    Masalahs::one("status_perencanaan", "Pilih status dokumen dari daftar.")
                }),
            ),
        };
        let nomor = p.check(
            "nomor_penetapan",
            optional(&input.nomor_penetapan, MAX_NOMOR),
        );
        let tanggal = match input.tanggal_penetapan.trim() {
            "" => Some(None),
            t => p
                .check("tanggal_penetapan", tanggal_lalu(t, today))
                .map(Some),
        };
        if status.is_some_and(StatusDokumen::sudah_ditetapkan) {
            if nomor.as_ref().is_some_and(Option::is_none) {
                p.add(
                    "nomor_penetapan",
                    Masalahs::one(
                        "penetapan_wajib",
                        "Dokumen yang berlaku atau dicabut wajib mencantumkan nomor penetapannya.",
                    ),
                );
            }
            if tanggal.is_some_and(|t| t.is_none()) {
                p.add(
                    "tanggal_penetapan",
                    Masalahs::one(
                        "penetapan_wajib",
                        "Dokumen yang berlaku atau dicabut wajib mencantumkan tanggal penetapannya.",
                    ),
                );
            }
        }
        match (jenis, judul, periode, nomor, tanggal, status) {
            (Some(jenis), Some(judul), Some(periode), Some(nomor), Some(tanggal), Some(status))
                if p.is_empty() =>
            {
                Ok(Self {
                    jenis,
                    judul,
                    periode,
                    nomor_penetapan: nomor,
                    tanggal_penetapan: tanggal,
                    status,
                })
            }
            _ => Err(p),
        }
    }
}

/// A stored planning document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DokumenPerencanaan {
    /// Id.
    pub id: DokumenPerencanaanId,
    /// Kind.
    pub jenis: JenisDokumenPerencanaan,
    /// Title.
    pub judul: String,
    /// Period, if any.
    pub periode: Option<PeriodeRencana>,
    /// Decree number.
    pub nomor_penetapan: Option<String>,
    /// Decree date (`YYYY-MM-DD` in JSON).
    #[serde(serialize_with = "super::input::ser_opt_date")]
    pub tanggal_penetapan: Option<Date>,
    /// Status.
    pub status: StatusDokumen,
    /// Created (UTC, RFC 3339).
    pub dibuat: String,
    /// Last changed (UTC, RFC 3339).
    pub diubah: String,
}

impl DokumenPerencanaan {
    /// The fields as a form or the API would send them back (for an edit form).
    pub fn as_input(&self) -> DokumenInput {
        DokumenInput {
            jenis: self.jenis.code().to_owned(),
            judul: self.judul.clone(),
            periode_awal: self
                .periode
                .map(|p| p.awal().to_string())
                .unwrap_or_default(),
            periode_akhir: self
                .periode
                .map(|p| p.akhir().to_string())
                .unwrap_or_default(),
            nomor_penetapan: self.nomor_penetapan.clone().unwrap_or_default(),
            tanggal_penetapan: self
                .tanggal_penetapan
                .map(crate::registry::value::fmt_date)
                .unwrap_or_default(),
            status: self.status.code().to_owned(),
        }
    }
}

/// The document of kind `jenis` that is in force: among those with status `berlaku`, the
/// one adopted last (then the one whose period starts last, then the newest record), so a
/// new Arsitektur adopted without revoking the old one still replaces it.
pub fn berlaku(
    docs: &[DokumenPerencanaan],
    jenis: JenisDokumenPerencanaan,
) -> Option<&DokumenPerencanaan> {
    docs.iter()
        .filter(|d| d.jenis == jenis && d.status == StatusDokumen::Berlaku)
        .max_by_key(|d| {
            (
                d.tanggal_penetapan,
                d.periode.map(|p| p.awal()),
                d.dibuat.clone(),
            )
        })
}
