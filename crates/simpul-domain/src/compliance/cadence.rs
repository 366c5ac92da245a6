//! The cadence of an obligation: how often, or by when, it must be fulfilled. The text
//! form and its grammar are described in the module documentation of [`super`]; the
//! parser lives in `cadence_parse`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::Date;

use super::calendar::{add_days_saturating, add_months_saturating};

/// A count written in a cadence: 1 to 999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Jumlah(u16);

impl Jumlah {
    /// Largest count the text form accepts; more would be a typo, not a regulation.
    pub const MAX: u16 = 999;

    /// `n` when it lies in 1..=999.
    pub fn new(n: u16) -> Option<Self> {
        (1..=Self::MAX).contains(&n).then_some(Self(n))
    }

    /// The number.
    pub fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for Jumlah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// Unit of a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Satuan {
    /// Days.
    Hari,
    /// Calendar months, clamped to the month's end.
    Bulan,
    /// Calendar years, i.e. twelve calendar months (29 February + 1 year = 28 February).
    Tahun,
}

impl Satuan {
    /// The word used in the text form.
    pub fn kata(self) -> &'static str {
        match self {
            Self::Hari => "hari",
            Self::Bulan => "bulan",
            Self::Tahun => "tahun",
        }
    }
}

/// A span of time such as "2 tahun" or "30 hari".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Jangka {
    /// How many units.
    pub jumlah: Jumlah,
    /// Which unit.
    pub satuan: Satuan,
}

impl Jangka {
    /// The date this span after `date`, saturating at the calendar's end.
    pub fn setelah(self, date: Date) -> Date {
        let n = u32::from(self.jumlah.get());
        match self.satuan {
            Satuan::Hari => add_days_saturating(date, n),
            Satuan::Bulan => add_months_saturating(date, n),
            Satuan::Tahun => add_months_saturating(date, n * 12),
        }
    }
}

impl fmt::Display for Jangka {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.jumlah, self.satuan.kata())
    }
}

/// Name of the kind of event an obligation reacts to, e.g. "perubahan LAN": trimmed,
/// inner whitespace collapsed to single spaces, 1 to 100 characters, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NamaPeristiwa(String);

impl NamaPeristiwa {
    /// Longest name accepted.
    pub const MAX: usize = 100;

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Only the parser builds names, after normalising and checking them.
    pub(super) fn from_checked(s: String) -> Self {
        Self(s)
    }
}

impl fmt::Display for NamaPeristiwa {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How often, or by when, an obligation must be fulfilled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Cadence {
    /// Rolling interval: no more than this span between fulfilments ("setiap 2 tahun").
    Setiap(Jangka),
    /// At least this many fulfilments in every calendar year; 1 is "tahunan".
    KaliSetahun(Jumlah),
    /// Once in the mid-term year and once in the final year of the subject's plan period.
    ParuhDanAkhir,
    /// Once, within a span of a fixed date, or of the subject's start when `sejak` is `None`.
    Dalam {
        /// How long after the anchor date the deadline falls.
        jangka: Jangka,
        /// The anchor date (e.g. a regulation's enactment); `None` means the subject's start.
        sejak: Option<Date>,
    },
    /// After every event of a kind, within a grace span (`None`: on the event's day).
    Peristiwa {
        /// Which kind of event, e.g. "perubahan LAN".
        nama: NamaPeristiwa,
        /// Grace after each event; `None` means due on the day of the event.
        tenggang: Option<Jangka>,
    },
}

impl Cadence {
    /// "Tahunan": at least once in every calendar year.
    pub const TAHUNAN: Self = Self::KaliSetahun(Jumlah(1));

    /// Whether evaluating this cadence needs the subject's plan period.
    pub fn perlu_periode(&self) -> bool {
        matches!(self, Self::ParuhDanAkhir)
    }

    /// The kind of event this cadence reacts to, if any.
    pub fn peristiwa(&self) -> Option<&NamaPeristiwa> {
        match self {
            Self::Peristiwa { nama, .. } => Some(nama),
            _ => None,
        }
    }
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Setiap(j) => write!(f, "setiap {j}"),
            Self::KaliSetahun(n) if n.get() == 1 => f.write_str("tahunan"),
            Self::KaliSetahun(n) => write!(f, "minimal {n} kali setahun"),
            Self::ParuhDanAkhir => f.write_str("paruh waktu dan tahun terakhir"),
            Self::Dalam {
                jangka,
                sejak: None,
            } => write!(f, "dalam {jangka}"),
            Self::Dalam {
                jangka,
                sejak: Some(d),
            } => write!(
                f,
                "dalam {jangka} sejak {:04}-{:02}-{:02}",
                d.year(),
                u8::from(d.month()),
                d.day()
            ),
            Self::Peristiwa {
                nama,
                tenggang: None,
            } => write!(f, "saat peristiwa: {nama}"),
            Self::Peristiwa {
                nama,
                tenggang: Some(j),
            } => write!(f, "dalam {j} setelah peristiwa: {nama}"),
        }
    }
}

impl Serialize for Cadence {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Cadence {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}
