//! Staff (pegawai), identified by NIP (000 Pasal 11(4)).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::ident::{Email, Nip};
use crate::ids::{PdId, PegawaiId};
use crate::problem::{FieldProblems, Masalahs};
use crate::text;

/// A stored staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pegawai {
    /// Id.
    pub id: PegawaiId,
    /// NIP.
    pub nip: Nip,
    /// Full name with titles.
    pub nama: String,
    /// Position.
    pub jabatan: Option<String>,
    /// Official e-mail.
    pub email: Option<String>,
    /// The PD the person works in.
    pub pd: PdId,
    /// Whether the person may log in (has a password and is not disabled).
    pub aktif: bool,
}

/// Raw form or API input for a staff member.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct PegawaiInput {
    /// NIP as typed (spaces, dots and hyphens allowed).
    #[serde(default)]
    pub nip: String,
    /// Full name.
    #[serde(default)]
    pub nama: String,
    /// Position.
    #[serde(default)]
    pub jabatan: String,
    /// E-mail.
    #[serde(default)]
    pub email: String,
    /// PD id.
    #[serde(default)]
    pub pd: Option<PdId>,
}

/// A validated staff member to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPegawai {
    /// NIP.
    pub nip: Nip,
    /// Full name.
    pub nama: String,
    /// Position.
    pub jabatan: Option<String>,
    /// E-mail.
    pub email: Option<Email>,
    /// PD.
    pub pd: PdId,
}

impl NewPegawai {
    /// Validate every field, naming all problems; `today` bounds the NIP's service date.
    pub fn parse(input: &PegawaiInput, today: Date) -> Result<Self, FieldProblems> {
        let mut p = FieldProblems::default();
        let nip = p.check("nip", Nip::parse(&input.nip, today));
        let nama = p.check("nama", text::required(&input.nama, 150));
        let jabatan = p.check("jabatan", text::optional(&input.jabatan, 150));
        let email = if input.email.trim().is_empty() {
            Some(None)
        } else {
            p.check("email", Email::parse(&input.email).map(Some))
        };
        let pd = p.check(
            "pd",
            input
                .pd
                .ok_or_else(|| Masalahs::one("pd_wajib", "Pilih PD tempat pegawai bekerja.")),
        );
        match (nip, nama, jabatan, email, pd) {
            (Some(nip), Some(nama), Some(jabatan), Some(email), Some(pd)) => Ok(Self {
                nip,
                nama,
                jabatan,
                email,
                pd,
            }),
            _ => Err(p),
        }
    }
}
