//! NIK, the resident number: 16 digits `PP KK CC DDMMYY SSSS`.
//!
//! A full NIK is personal data (UU 27/2022): `Debug` and `Display` print the masked
//! form, there is no `Serialize`, and messages never echo the digits. Only
//! [`Nik::expose_digits`] hands out all 16, so every disclosure is greppable.

use std::fmt;

use time::{Date, Month};

use super::kode_wilayah::{KodeWilayah, kabupaten_kota_valid};
use super::wilayah::WilayahTable;
use super::{JenisKelamin, digits};
use crate::problem::{Masalah, Masalahs};

/// A structurally valid NIK.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Nik {
    digits: String,
    tanggal_lahir: Date,
}

impl Nik {
    /// Parse typed input (spaces, dots, hyphens allowed). `today` picks the century of
    /// the two-digit birth year (`yy <= today's yy` is 20yy, else 19yy).
    pub fn parse(input: &str, today: Date) -> Result<Self, Masalahs> {
        let (d, bad) = digits::normalise(input);
        if d.is_empty() && bad.is_empty() {
            return Err(Masalahs::one("nik_kosong", "NIK wajib diisi."));
        }
        let mut found = Vec::new();
        if !bad.is_empty() {
            found.push(Masalah::new(
                "nik_karakter",
                format!(
                    "NIK hanya boleh berisi angka (boleh dipisah spasi, titik atau tanda hubung); ditemukan {}.",
                    digits::show_bad(&bad)
                ),
            ));
        }
        if d.len() != 16 {
            found.push(Masalah::new(
                "nik_panjang",
                format!("NIK harus 16 angka (sekarang {} angka).", d.len()),
            ));
        }
        if !found.is_empty() {
            return Err(Masalahs(found));
        }
        let part = |a: usize, b: usize| digits::num(d.get(a..b).unwrap_or_default());
        let pp = d.get(..2).unwrap_or_default();
        if WilayahTable::global()
            .lookup(&KodeWilayah::from_checked_digits(pp))
            .is_none()
        {
            found.push(Masalah::new(
                "nik_provinsi",
                format!("Kode provinsi {pp} pada NIK (angka 1-2) tidak dikenal."),
            ));
        }
        if !kabupaten_kota_valid(part(2, 4)) {
            found.push(Masalah::new(
                "nik_kabupaten",
                "Kode kabupaten/kota pada NIK (angka 3-4) harus 01-69 (kabupaten) atau 71-99 (kota).",
            ));
        }
        if part(4, 6) == 0 {
            found.push(Masalah::new(
                "nik_kecamatan",
                "Kode kecamatan pada NIK (angka 5-6) tidak boleh 00.",
            ));
        }
        let (hari, bulan, yy) = (part(6, 8), part(8, 10), part(10, 12));
        let hari_ok = matches!(hari, 1..=31 | 41..=71);
        if !hari_ok {
            found.push(Masalah::new(
                "nik_tanggal",
                "Tanggal lahir pada NIK (angka 7-8) harus 01-31, atau 41-71 untuk perempuan.",
            ));
        }
        let month = u8::try_from(bulan)
            .ok()
            .and_then(|m| Month::try_from(m).ok());
        if month.is_none() {
            found.push(Masalah::new(
                "nik_bulan",
                "Bulan lahir pada NIK (angka 9-10) harus 01-12.",
            ));
        }
        let lahir = match month {
            Some(m) if hari_ok => {
                let lahir = birth_date(hari % 40, m, yy, today);
                match lahir {
                    None => found.push(Masalah::new(
                        "nik_tanggal_lahir",
                        "Tanggal lahir pada NIK tidak ada di kalender (mis. 30 Februari).",
                    )),
                    Some(l) if l > today => found.push(Masalah::new(
                        "nik_tanggal_lahir_masa_depan",
                        "Tanggal lahir pada NIK belum terjadi.",
                    )),
                    Some(_) => {}
                }
                lahir
            }
            _ => None,
        };
        if part(12, 16) == 0 {
            found.push(Masalah::new(
                "nik_nomor_urut",
                "Nomor urut pada NIK (angka 13-16) tidak boleh 0000.",
            ));
        }
        match lahir {
            Some(tanggal_lahir) if found.is_empty() => Ok(Self {
                digits: d,
                tanggal_lahir,
            }),
            _ => Err(Masalahs(found)),
        }
    }

    /// All 16 digits. Personal data: never log them, store them only where required.
    pub fn expose_digits(&self) -> &str {
        &self.digits
    }

    /// The form safe for logs and screens: `3201********0001`.
    pub fn masked(&self) -> String {
        let head = self.digits.get(..4).unwrap_or_default();
        let tail = self.digits.get(12..).unwrap_or_default();
        format!("{head}********{tail}")
    }

    /// Date of birth, with the century chosen when parsed.
    pub fn tanggal_lahir(&self) -> Date {
        self.tanggal_lahir
    }

    /// Sex: women's birth days carry 40 extra.
    pub fn jenis_kelamin(&self) -> JenisKelamin {
        if digits::num(self.digits.get(6..8).unwrap_or_default()) > 40 {
            JenisKelamin::Perempuan
        } else {
            JenisKelamin::LakiLaki
        }
    }

    /// Province code (digits 1-2).
    pub fn kode_provinsi(&self) -> KodeWilayah {
        self.kode(2)
    }

    /// Regency/city code (digits 1-4).
    pub fn kode_kabupaten(&self) -> KodeWilayah {
        self.kode(4)
    }

    /// District code (digits 1-6).
    pub fn kode_kecamatan(&self) -> KodeWilayah {
        self.kode(6)
    }

    /// Province name from the region table.
    pub fn nama_provinsi(&self) -> Option<&'static str> {
        WilayahTable::global().nama(&self.kode_provinsi())
    }

    /// Regency/city name, when the code is in the table.
    pub fn nama_kabupaten(&self) -> Option<&'static str> {
        WilayahTable::global().nama(&self.kode_kabupaten())
    }

    /// District name, when the code is in the table.
    pub fn nama_kecamatan(&self) -> Option<&'static str> {
        WilayahTable::global().nama(&self.kode_kecamatan())
    }

    /// Sequence number (digits 13-16).
    pub fn nomor_urut(&self) -> u16 {
        u16::try_from(digits::num(self.digits.get(12..).unwrap_or_default())).unwrap_or_default()
    }

    /// Well-formed region codes missing from the table: codes change when regions
    /// split, so these are warnings rather than errors.
    pub fn warnings(&self) -> Vec<Masalah> {
        let table = WilayahTable::global();
        let kab = self.kode_kabupaten();
        if table.lookup(&kab).is_none() {
            return vec![Masalah::new(
                "nik_kabupaten_tidak_dikenal",
                format!(
                    "Kode kabupaten/kota {kab} pada NIK tidak ada di tabel wilayah Kemendagri."
                ),
            )];
        }
        let kec = self.kode_kecamatan();
        if table.lookup(&kec).is_none() {
            return vec![Masalah::new(
                "nik_kecamatan_tidak_dikenal",
                format!("Kode kecamatan {kec} pada NIK tidak ada di tabel wilayah Kemendagri."),
            )];
        }
        Vec::new()
    }

    fn kode(&self, len: usize) -> KodeWilayah {
        KodeWilayah::from_checked_digits(self.digits.get(..len).unwrap_or_default())
    }
}

/// The date for a two-digit year under the NIK century rule, if it exists.
fn birth_date(day: u32, month: Month, yy: u32, today: Date) -> Option<Date> {
    let now = today.year();
    let century = now - now.rem_euclid(100);
    let yy = i32::try_from(yy).ok()?;
    let year = if yy <= now.rem_euclid(100) {
        century + yy
    } else {
        century - 100 + yy
    };
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

impl fmt::Debug for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Nik({})", self.masked())
    }
}

impl fmt::Display for Nik {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]
#[path = "nik_tests.rs"]
mod tests;
