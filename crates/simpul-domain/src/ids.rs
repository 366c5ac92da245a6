//! Identifiers of stored records: UUIDv7 newtypes, so that a PD id cannot be passed
//! where a staff id is expected. Generation happens at the edges (it reads the clock).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// Wrap an existing UUID.
            pub fn from_uuid(u: Uuid) -> Self {
                Self(u)
            }
            /// The inner UUID.
            pub fn uuid(&self) -> Uuid {
                self.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// A Perangkat Daerah.
    PdId
);
id_type!(
    /// A staff member (pegawai).
    PegawaiId
);
id_type!(
    /// A role granted to a staff member in a PD.
    GrantId
);
id_type!(
    /// An API token.
    TokenId
);
id_type!(
    /// A membership of the coordination team.
    AnggotaTimId
);
id_type!(
    /// A record of the SPBE architecture registry.
    ItemId
);
id_type!(
    /// A relation between two registry records.
    RelasiId
);
id_type!(
    /// A stored file's metadata (its bytes are keyed by SHA-256).
    BerkasId
);
id_type!(
    /// A document attached to a registry record.
    LampiranId
);
id_type!(
    /// One version of a PD's LAN diagram for a year.
    DiagramLanId
);
id_type!(
    /// A planning document (Rencana Induk, Arsitektur, Peta Rencana, internal policy).
    DokumenPerencanaanId
);
id_type!(
    /// One version of a planning document's file.
    VersiDokumenId
);
id_type!(
    /// A review of a planning document.
    ReviuPerencanaanId
);
id_type!(
    /// A fulfilment of a regulation obligation recorded by hand.
    PemenuhanId
);
id_type!(
    /// An evaluation period (a year scored against one model).
    PeriodeEvaluasiId
);
id_type!(
    /// An evidence item (bukti dukung), reusable across periods and models.
    BuktiDukungId
);
id_type!(
    /// An evidence item attached to one level of one indicator of a period, with its review.
    LampiranBuktiId
);
