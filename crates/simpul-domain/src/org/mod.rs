//! The organisation: the region, its agencies (PD), staff and the coordination team.

pub mod pd;
pub mod pegawai;
pub mod region;
pub mod tim;

pub use pd::{JenisPd, KodePd, NewPd, PerangkatDaerah};
pub use pegawai::{NewPegawai, Pegawai};
pub use region::{Region, TingkatDaerah};
pub use tim::{AnggotaTim, Bidang, Kedudukan};
