//! Reading a cadence from its text form. Keywords are case-insensitive and whitespace is
//! collapsed; spelled-out numbers in parentheses, as regulations write them ("2 (dua)
//! tahun"), are skipped so that text copied from an article parses.

use std::str::FromStr;

use time::{Date, Month};

use super::cadence::{Cadence, Jangka, Jumlah, NamaPeristiwa, Satuan};
use crate::problem::{Masalah, Masalahs};

/// The accepted forms, quoted in the "unknown form" message.
const BENTUK: &str = "\"setiap N hari|bulan|tahun\", \"minimal N kali setahun\", \"tahunan\", \
\"paruh waktu dan tahun terakhir\", \"dalam N hari|bulan|tahun\", \
\"dalam N hari|bulan|tahun sejak TTTT-BB-HH\", \"saat peristiwa: <nama>\", \
\"dalam N hari|bulan|tahun setelah peristiwa: <nama>\"";

const PERISTIWA: &str = "peristiwa:";

impl Cadence {
    /// Read the text form (grammar in the [`super`] module docs), reporting every problem.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let norm = collapse(input);
        if norm.is_empty() {
            return Err(Masalahs::one("jadwal_kosong", "Jadwal wajib diisi."));
        }
        // ASCII lowering keeps byte offsets, so `pos` indexes `norm` too.
        let lower = norm.to_ascii_lowercase();
        let mut found = Vec::new();
        let parsed = match lower.find(PERISTIWA) {
            Some(pos) => {
                let head = words(lower.get(..pos).unwrap_or_default());
                let tail = norm.get(pos + PERISTIWA.len()..).unwrap_or_default();
                peristiwa(&norm, &as_strs(&head), tail, &mut found)
            }
            None => other(&norm, &as_strs(&words(&lower)), &mut found),
        };
        match parsed {
            Some(c) if found.is_empty() => Ok(c),
            _ => Err(Masalahs(found)),
        }
    }
}

impl FromStr for Cadence {
    type Err = Masalahs;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

fn peristiwa(norm: &str, head: &[&str], tail: &str, found: &mut Vec<Masalah>) -> Option<Cadence> {
    let tenggang = match head {
        ["saat"] => Some(None),
        ["dalam", n, unit, "setelah"] => jangka(n, unit, found).map(Some),
        _ => {
            found.push(unknown(norm));
            None
        }
    };
    let nama = nama_peristiwa(tail, found);
    Some(Cadence::Peristiwa {
        nama: nama?,
        tenggang: tenggang?,
    })
}

fn other(norm: &str, w: &[&str], found: &mut Vec<Masalah>) -> Option<Cadence> {
    match w {
        ["tahunan"] => Some(Cadence::TAHUNAN),
        ["setiap", n, unit] => jangka(n, unit, found).map(Cadence::Setiap),
        ["minimal", n, "kali", "setahun"] | ["minimal", n, "kali", "dalam", "setahun"] => {
            jumlah(n, found).map(Cadence::KaliSetahun)
        }
        ["minimal", n, "kali", "dalam", "1", "tahun"] => jumlah(n, found).map(Cadence::KaliSetahun),
        ["minimal", _, "kali", "dalam", _, _] => {
            found.push(Masalah::new(
                "jadwal_kali_dalam_jangka",
                format!(
                    "Jadwal \"{norm}\" tidak didukung: tulis \"setiap N tahun\" bila yang diatur \
                     jarak paling lama antar pemenuhan, atau \"minimal N kali setahun\" bila yang \
                     diatur jumlah per tahun kalender."
                ),
            ));
            None
        }
        ["paruh", "waktu", "dan", "tahun", "terakhir"] | ["tengah", "dan", "akhir", "periode"] => {
            Some(Cadence::ParuhDanAkhir)
        }
        ["dalam", n, unit] => jangka(n, unit, found).map(|jangka| Cadence::Dalam {
            jangka,
            sejak: None,
        }),
        ["dalam", n, unit, "sejak", d] => {
            let jangka = jangka(n, unit, found);
            let sejak = tanggal(d, found);
            Some(Cadence::Dalam {
                jangka: jangka?,
                sejak: Some(sejak?),
            })
        }
        _ => {
            found.push(unknown(norm));
            None
        }
    }
}

fn unknown(norm: &str) -> Masalah {
    Masalah::new(
        "jadwal_tidak_dikenal",
        format!("Jadwal \"{norm}\" tidak dikenal. Bentuk yang diterima: {BENTUK}."),
    )
}

fn as_strs(w: &[String]) -> Vec<&str> {
    w.iter().map(String::as_str).collect()
}

/// Whitespace runs become one space; ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Keyword words with parenthesised spellings dropped and the regulations' synonyms
/// ("paling sedikit"; "paling lambat", "paling lama", "maksimal") mapped to the canonical keyword.
fn words(lower: &str) -> Vec<String> {
    let mut kept = String::with_capacity(lower.len());
    let mut depth = 0usize;
    for c in lower.chars() {
        match c {
            '(' => {
                depth += 1;
                kept.push(' ');
            }
            ')' if depth > 0 => {
                depth -= 1;
                kept.push(' ');
            }
            _ if depth == 0 => kept.push(c),
            _ => {}
        }
    }
    let w: Vec<String> = kept.split_whitespace().map(str::to_owned).collect();
    let first_two = w
        .first()
        .map(String::as_str)
        .zip(w.get(1).map(String::as_str));
    let (head, skip) = match first_two {
        Some(("paling", "sedikit")) => ("minimal", 2),
        Some(("paling", "lambat" | "lama")) => ("dalam", 2),
        Some(("maksimal", _)) => ("dalam", 1),
        _ => return w,
    };
    std::iter::once(head.to_owned())
        .chain(w.into_iter().skip(skip))
        .collect()
}

fn jangka(n: &str, unit: &str, found: &mut Vec<Masalah>) -> Option<Jangka> {
    let jumlah = jumlah(n, found);
    let satuan = match unit {
        "hari" => Some(Satuan::Hari),
        "bulan" => Some(Satuan::Bulan),
        "tahun" => Some(Satuan::Tahun),
        other => {
            found.push(Masalah::new(
                "jadwal_satuan",
                format!(
                    "Satuan waktu pada jadwal harus hari, bulan atau tahun (ditemukan \"{other}\")."
                ),
            ));
            None
        }
    };
    Some(Jangka {
        jumlah: jumlah?,
        satuan: satuan?,
    })
}

fn jumlah(n: &str, found: &mut Vec<Masalah>) -> Option<Jumlah> {
    let parsed = (!n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
        .then(|| n.parse::<u16>().ok())
        .flatten()
        .and_then(Jumlah::new);
    if parsed.is_none() {
        found.push(Masalah::new(
            "jadwal_angka",
            format!(
                "Angka pada jadwal harus bilangan bulat 1 sampai {} yang ditulis dengan angka (ditemukan \"{n}\").",
                Jumlah::MAX
            ),
        ));
    }
    parsed
}

/// `TTTT-BB-HH` with exactly 4, 2 and 2 digits.
fn tanggal(s: &str, found: &mut Vec<Masalah>) -> Option<Date> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u16>().ok())
            .flatten()
    };
    let date = match parts.as_slice() {
        [y, m, d] => match (num(y, 4), num(m, 2), num(d, 2)) {
            (Some(y), Some(m), Some(d)) => Month::try_from(u8::try_from(m).unwrap_or(0))
                .ok()
                .and_then(|m| {
                    Date::from_calendar_date(i32::from(y), m, u8::try_from(d).unwrap_or(0)).ok()
                }),
            _ => None,
        },
        _ => None,
    };
    if date.is_none() {
        found.push(Masalah::new(
            "jadwal_tanggal",
            format!(
                "Tanggal \"{s}\" pada jadwal tidak valid; tulis TTTT-BB-HH, misalnya 2022-05-12."
            ),
        ));
    }
    date
}

fn nama_peristiwa(tail: &str, found: &mut Vec<Masalah>) -> Option<NamaPeristiwa> {
    let t = collapse(tail);
    let n = t.chars().count();
    let before = found.len();
    if n == 0 {
        found.push(Masalah::new(
            "jadwal_peristiwa_kosong",
            "Nama peristiwa wajib ditulis setelah \"peristiwa:\", misalnya \"saat peristiwa: perubahan LAN\".",
        ));
    }
    if n > NamaPeristiwa::MAX {
        found.push(Masalah::new(
            "jadwal_peristiwa_panjang",
            format!(
                "Nama peristiwa paling banyak {} karakter (sekarang {n}).",
                NamaPeristiwa::MAX
            ),
        ));
    }
    if t.chars().any(char::is_control) {
        found.push(Masalah::new(
            "jadwal_peristiwa_karakter",
            "Nama peristiwa berisi karakter kontrol yang tidak diizinkan.",
        ));
    }
    (found.len() == before).then(|| NamaPeristiwa::from_checked(t))
}
