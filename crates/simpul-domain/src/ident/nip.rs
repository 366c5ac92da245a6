//! NIP, the civil servant number: 18 digits `YYYYMMDD YYYYMM G NNN`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

use super::JenisKelamin;
use super::digits;
use crate::problem::{Masalah, Masalahs};

/// Civil servant (PNS) or contract staff (PPPK), read from digits 13-14.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisPegawai {
    /// Pegawai Negeri Sipil: digits 9-14 are the TMT CPNS year and month.
    Pns,
    /// PPPK: digits 9-12 are the year of appointment, 13-14 a code above 12.
    Pppk,
}

/// A structurally valid NIP.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Nip {
    digits: String,
    tanggal_lahir: Date,
    jenis: JenisPegawai,
    jenis_kelamin: JenisKelamin,
}

impl Nip {
    /// Parse typed input (spaces, dots, hyphens allowed); `today` bounds the dates.
    pub fn parse(input: &str, today: Date) -> Result<Self, Masalahs> {
        Self::check(input, Some(today))
    }

    /// Re-read a stored NIP: the same structure checks, none against today's date.
    pub fn from_db(s: &str) -> Result<Self, Masalahs> {
        Self::check(s, None)
    }

    fn check(input: &str, today: Option<Date>) -> Result<Self, Masalahs> {
        let (d, bad) = digits::normalise(input);
        if d.is_empty() && bad.is_empty() {
            return Err(Masalahs::one("nip_kosong", "NIP wajib diisi."));
        }
        let mut found = Vec::new();
        if !bad.is_empty() {
            found.push(Masalah::new(
                "nip_karakter",
                format!(
                    "NIP hanya boleh berisi angka (boleh dipisah spasi, titik atau tanda hubung); ditemukan {}.",
                    digits::show_bad(&bad)
                ),
            ));
        }
        if d.len() != 18 {
            found.push(Masalah::new(
                "nip_panjang",
                format!("NIP harus 18 angka (sekarang {} angka).", d.len()),
            ));
        }
        if !found.is_empty() {
            return Err(Masalahs(found));
        }
        let part = |a: usize, b: usize| digits::num(d.get(a..b).unwrap_or_default());
        let lahir = date(part(0, 4), part(4, 6), part(6, 8));
        if lahir.is_none() {
            found.push(Masalah::new(
                "nip_tanggal_lahir",
                "Tanggal lahir pada NIP (angka 1-8, TTTTBBHH) bukan tanggal yang ada.",
            ));
        }
        let (tmt_tahun, tmt_kode) = (part(8, 12), part(12, 14));
        let jenis = if tmt_kode > 12 {
            JenisPegawai::Pppk
        } else {
            JenisPegawai::Pns
        };
        if tmt_kode == 0 {
            found.push(Masalah::new(
                "nip_tmt_bulan",
                "Bulan TMT pada NIP (angka 13-14) harus 01-12.",
            ));
        }
        if tmt_tahun < 1900 {
            found.push(Masalah::new(
                "nip_tmt_tahun",
                format!("Tahun TMT pada NIP (angka 9-12) tidak masuk akal: {tmt_tahun}."),
            ));
        }
        // PPPK numbers carry no month, so compare them by year alone.
        let tmt = (
            tmt_tahun,
            if jenis == JenisPegawai::Pns {
                tmt_kode
            } else {
                1
            },
        );
        if let Some(l) = lahir {
            let lahir_ym = (year(l), u32::from(u8::from(l.month())));
            let before = if jenis == JenisPegawai::Pns {
                tmt < lahir_ym
            } else {
                tmt.0 < lahir_ym.0
            };
            if before {
                found.push(Masalah::new(
                    "nip_tmt_sebelum_lahir",
                    "TMT pada NIP lebih awal dari tanggal lahir.",
                ));
            }
        }
        if let Some(today) = today {
            if lahir.is_some_and(|l| l > today) {
                found.push(Masalah::new(
                    "nip_tanggal_lahir_masa_depan",
                    "Tanggal lahir pada NIP belum terjadi.",
                ));
            }
            let now = (year(today), u32::from(u8::from(today.month())));
            let future = if jenis == JenisPegawai::Pns {
                tmt > now
            } else {
                tmt.0 > now.0
            };
            if future {
                found.push(Masalah::new(
                    "nip_tmt_masa_depan",
                    "TMT pada NIP (angka 9-14) belum terjadi.",
                ));
            }
        }
        let jenis_kelamin = match d.as_bytes().get(14) {
            Some(b'1') => Some(JenisKelamin::LakiLaki),
            Some(b'2') => Some(JenisKelamin::Perempuan),
            _ => None,
        };
        if jenis_kelamin.is_none() {
            found.push(Masalah::new(
                "nip_jenis_kelamin",
                "Angka ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).",
            ));
        }
        if part(15, 18) == 0 {
            found.push(Masalah::new(
                "nip_nomor_urut",
                "Nomor urut pada NIP (angka 16-18) tidak boleh 000.",
            ));
        }
        match (lahir, jenis_kelamin) {
            (Some(tanggal_lahir), Some(jenis_kelamin)) if found.is_empty() => Ok(Self {
                digits: d,
                tanggal_lahir,
                jenis,
                jenis_kelamin,
            }),
            _ => Err(Masalahs(found)),
        }
    }

    /// The 18 digits.
    pub fn as_str(&self) -> &str {
        &self.digits
    }

    /// Grouped for display: `"19860926 201505 1 001"`.
    pub fn formatted(&self) -> String {
        let g = |a: usize, b: usize| self.digits.get(a..b).unwrap_or_default();
        format!("{} {} {} {}", g(0, 8), g(8, 14), g(14, 15), g(15, 18))
    }

    /// Date of birth (digits 1-8).
    pub fn tanggal_lahir(&self) -> Date {
        self.tanggal_lahir
    }

    /// Sex (digit 15).
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        self.jenis_kelamin
    }

    /// PNS or PPPK.
    pub fn jenis(&self) -> JenisPegawai {
        self.jenis
    }

    /// Year of TMT CPNS (PNS) or of appointment (PPPK), digits 9-12.
    pub fn tmt_tahun(&self) -> i32 {
        i32::try_from(self.num(8, 12)).unwrap_or_default()
    }

    /// Month of TMT CPNS; `None` for PPPK, whose digits 13-14 are a code instead.
    pub fn tmt_bulan(&self) -> Option<Month> {
        match self.jenis {
            JenisPegawai::Pns => u8::try_from(self.num(12, 14))
                .ok()
                .and_then(|m| Month::try_from(m).ok()),
            JenisPegawai::Pppk => None,
        }
    }

    /// Sequence number (digits 16-18).
    pub fn nomor_urut(&self) -> u16 {
        u16::try_from(self.num(15, 18)).unwrap_or_default()
    }

    /// Plausible-but-odd findings that do not make the NIP invalid.
    pub fn warnings(&self) -> Vec<Masalah> {
        let lahir = self.tanggal_lahir;
        let umur_tahun = self.tmt_tahun() - lahir.year();
        let muda = match self.tmt_bulan() {
            Some(m) => (umur_tahun, u8::from(m)) < (18, u8::from(lahir.month())),
            None => umur_tahun < 18,
        };
        if muda {
            vec![Masalah::new(
                "nip_tmt_usia_muda",
                "TMT pada NIP kurang dari 18 tahun setelah tanggal lahir; periksa kembali.",
            )]
        } else {
            Vec::new()
        }
    }

    fn num(&self, a: usize, b: usize) -> u32 {
        digits::num(self.digits.get(a..b).unwrap_or_default())
    }
}

fn date(y: u32, m: u32, d: u32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    let date =
        Date::from_calendar_date(i32::try_from(y).ok()?, month, u8::try_from(d).ok()?).ok()?;
    // Year 0042 is a real proleptic date but never a civil servant's birthday.
    (y >= 1900).then_some(date)
}

fn year(d: Date) -> u32 {
    u32::try_from(d.year()).unwrap_or_default()
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.digits)
    }
}

impl Serialize for Nip {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits)
    }
}

impl<'de> Deserialize<'de> for Nip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::from_db(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#[path = "nip_tests.rs"]
mod tests;
