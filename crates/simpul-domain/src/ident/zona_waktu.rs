//! Indonesia's three time zones, decided by province: times are shown to officials in
//! their own zone (a Tanah Bumbu official reads WITA, not WIB).

use super::KodeWilayah;

/// A time zone of Indonesia.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZonaWaktu {
    /// Waktu Indonesia Barat, UTC+7.
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    Wit,
}

impl ZonaWaktu {
    /// The zone of the province a region code lies in; `None` for an unknown province.
    pub fn of(kode: &KodeWilayah) -> Option<Self> {
        let province: u8 = kode.as_str().get(..2)?.parse().ok()?;
        match province {
            // Sumatra, Java, West and Central Kalimantan.
            11..=19 | 21 | 31..=36 | 61 | 62 => Some(Self::Wib),
            // Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.
            51..=53 | 63..=65 | 71..=76 => Some(Self::Wita),
            // Maluku and Papua.
            81 | 82 | 91..=96 => Some(Self::Wit),
            _ => None,
        }
    }

    /// Hours ahead of UTC.
    pub fn utc_hours(self) -> i8 {
        match self {
            Self::Wib => 7,
            Self::Wita => 8,
            Self::Wit => 9,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(k: &str) -> Option<ZonaWaktu> {
        ZonaWaktu::of(&KodeWilayah::parse(k).unwrap())
    }

    #[test]
    fn seed_regions_and_every_province_of_the_table() {
        assert_eq!(zone("63.10"), Some(ZonaWaktu::Wita)); // Tanah Bumbu
        assert_eq!(zone("75.71"), Some(ZonaWaktu::Wita)); // Kota Gorontalo
        assert_eq!(zone("35.14"), Some(ZonaWaktu::Wib)); // Pasuruan
        assert_eq!(zone("15"), Some(ZonaWaktu::Wib)); // Jambi
        assert_eq!(zone("94.01"), Some(ZonaWaktu::Wit));
        for p in super::super::WilayahTable::global().provinces() {
            assert!(
                ZonaWaktu::of(&p.kode).is_some(),
                "no zone for province {}",
                p.kode
            );
        }
    }
}
