//! From the file as written to a [`Profil`]: every field checked, every problem kept
//! with its line and field path.

use std::collections::HashMap;

use time::{Date, Month};
use toml::Spanned;

use super::error::line_of;
use super::raw::{RawKewajiban, RawProfil, S};
use super::{Bukti, Kewajiban, Kosakata, Profil, ProfilError, Subjek};
use crate::access::Role;
use crate::compliance::Cadence;
use crate::ident::KodeWilayah;
use crate::org::TingkatDaerah;
use crate::registry::domain_name::DomainName;

/// Longest verbatim text of one obligation.
const MAX_TEKS: usize = 4000;

struct Checker<'a> {
    text: &'a str,
    errors: Vec<ProfilError>,
}

impl Checker<'_> {
    fn at<T>(&self, v: &Spanned<T>) -> usize {
        line_of(self.text, v.span().start)
    }

    fn push(&mut self, baris: usize, kolom: &str, kode: &'static str, pesan: String) {
        self.errors.push(ProfilError {
            baris,
            kolom: kolom.to_owned(),
            kode,
            pesan,
        });
    }

    /// A required, bounded, single text.
    fn text(&mut self, v: &S, kolom: &str, max: usize) -> String {
        let t = v.get_ref().trim();
        if t.is_empty() {
            self.push(self.at(v), kolom, "wajib_diisi", "Wajib diisi.".into());
        } else if t.chars().count() > max {
            self.push(
                self.at(v),
                kolom,
                "terlalu_panjang",
                format!("Paling banyak {max} karakter."),
            );
        }
        t.to_owned()
    }

    /// Keep a parsed value, or record its problems at the value's line.
    fn parsed<T, E: std::fmt::Display>(
        &mut self,
        v: &S,
        kolom: &str,
        kode: &'static str,
        r: Result<T, E>,
    ) -> Option<T> {
        match r {
            Ok(x) => Some(x),
            Err(e) => {
                self.push(
                    self.at(v),
                    kolom,
                    kode,
                    format!("{e} (nilai: {:?})", v.get_ref()),
                );
                None
            }
        }
    }
}

fn date_of(d: &toml::value::Datetime) -> Option<Date> {
    let day = d.date.as_ref()?;
    if d.time.is_some() {
        return None;
    }
    Date::from_calendar_date(
        i32::from(day.year),
        Month::try_from(day.month).ok()?,
        day.day,
    )
    .ok()
}

pub(super) fn parse(text: &str) -> Result<Profil, Vec<ProfilError>> {
    let raw: RawProfil = toml::from_str(text).map_err(|e| {
        vec![ProfilError {
            baris: e.span().map_or(0, |s| line_of(text, s.start)),
            kolom: "toml".into(),
            kode: "toml_tidak_valid",
            pesan: e.message().trim().to_owned(),
        }]
    })?;
    let mut c = Checker {
        text,
        errors: Vec::new(),
    };
    let h = &raw.profil;
    let kode = c.text(&h.kode, "profil.kode", 60);
    if !kode
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        c.push(
            c.at(&h.kode),
            "profil.kode",
            "kode_profil",
            "Kode profil hanya huruf kecil, angka dan tanda hubung.".into(),
        );
    }
    let kode_wilayah = c.parsed(
        &h.kode_wilayah,
        "profil.kode_wilayah",
        "kode_wilayah",
        KodeWilayah::parse(h.kode_wilayah.get_ref()),
    );
    let tingkat = TingkatDaerah::from_code(h.tingkat.get_ref().trim());
    if tingkat.is_none() {
        c.push(
            c.at(&h.tingkat),
            "profil.tingkat",
            "tingkat",
            "Tingkat harus provinsi, kabupaten atau kota.".into(),
        );
    }
    let ditetapkan = date_of(h.ditetapkan.get_ref());
    if ditetapkan.is_none() {
        c.push(
            c.at(&h.ditetapkan),
            "profil.ditetapkan",
            "tanggal",
            "Tanggal penetapan harus tanggal yang ada (TTTT-BB-HH).".into(),
        );
    }
    let horizon = match &h.horizon_rencana_induk {
        Some(v) => {
            let ok = u8::try_from(*v.get_ref())
                .ok()
                .filter(|y| (1..=30).contains(y));
            if ok.is_none() {
                let pesan = "Horizon Rencana Induk 1 sampai 30 tahun.".into();
                c.push(c.at(v), "profil.horizon_rencana_induk", "horizon", pesan);
            }
            ok
        }
        None => None,
    };
    let mut domain = Vec::new();
    for (i, d) in h.domain.iter().enumerate() {
        if let Some(ok) = c.parsed(
            d,
            &format!("profil.domain[{i}]"),
            "nama_domain",
            DomainName::parse(d.get_ref()),
        ) {
            domain.push(ok.as_str().to_owned());
        }
    }
    let k = &raw.kosakata;
    let kosakata = Kosakata {
        perangkat_daerah: c.text(&k.perangkat_daerah, "kosakata.perangkat_daerah", 60),
        kepala_daerah: c.text(&k.kepala_daerah, "kosakata.kepala_daerah", 60),
        dinas: c.text(&k.dinas, "kosakata.dinas", 200),
        koordinator: k
            .koordinator
            .as_ref()
            .map(|v| c.text(v, "kosakata.koordinator", 100)),
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut kewajiban = Vec::new();
    for (i, item) in raw.kewajiban.iter().enumerate() {
        let baris = line_of(text, item.span().start);
        // Ids are compared as written, so a duplicate is named even when the obligation
        // has other problems.
        let id = item.get_ref().id.get_ref().trim().to_owned();
        if let Some(first) = seen.insert(id.clone(), baris) {
            c.push(
                c.at(&item.get_ref().id),
                &format!("kewajiban[{i}].id"),
                "id_ganda",
                format!("Id {id} sudah dipakai di baris {first}."),
            );
        }
        if let Some(k) = obligation(&mut c, item.get_ref(), i, baris) {
            kewajiban.push(k);
        }
    }
    if raw.kewajiban.is_empty() {
        c.push(
            0,
            "kewajiban",
            "kewajiban_kosong",
            "Profil tanpa satu pun kewajiban.".into(),
        );
    }
    let profil = Profil {
        kode,
        wilayah: c.text(&h.wilayah, "profil.wilayah", 200),
        peraturan: c.text(&h.peraturan, "profil.peraturan", 400),
        sumber: c.text(&h.sumber, "profil.sumber", 200),
        horizon_rencana_induk: horizon,
        domain,
        kosakata,
        kewajiban,
        kode_wilayah: match kode_wilayah {
            Some(k) => k,
            None => return Err(c.errors),
        },
        tingkat: match tingkat {
            Some(t) => t,
            None => return Err(c.errors),
        },
        ditetapkan: match ditetapkan {
            Some(d) => d,
            None => return Err(c.errors),
        },
    };
    if c.errors.is_empty() {
        Ok(profil)
    } else {
        Err(c.errors)
    }
}

fn obligation(c: &mut Checker<'_>, r: &RawKewajiban, i: usize, baris: usize) -> Option<Kewajiban> {
    let f = |name: &str| format!("kewajiban[{i}].{name}");
    let id = c.text(&r.id, &f("id"), 80);
    if !id
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        c.push(
            c.at(&r.id),
            &f("id"),
            "id_kewajiban",
            "Id hanya huruf kecil, angka dan tanda hubung.".into(),
        );
    }
    let pasal = c.text(&r.pasal, &f("pasal"), 120);
    if !(pasal.starts_with("Pasal ") || pasal.starts_with("Lampiran")) {
        c.push(
            c.at(&r.pasal),
            &f("pasal"),
            "pasal_format",
            "Rujukan dimulai dengan \"Pasal N\" atau \"Lampiran\".".into(),
        );
    }
    let subjek = Subjek::from_code(r.subjek.get_ref().trim());
    if subjek.is_none() {
        let pesan = format!(
            "Subjek tidak dikenal. Pilihan: {}.",
            Subjek::codes().join(", ")
        );
        c.push(c.at(&r.subjek), &f("subjek"), "subjek_tidak_dikenal", pesan);
    }
    let jadwal = c.parsed(
        &r.jadwal,
        &f("jadwal"),
        "jadwal",
        Cadence::parse(r.jadwal.get_ref()),
    );
    let bukti = Bukti::from_code(r.bukti.get_ref().trim());
    if bukti.is_none() {
        let pesan = format!(
            "Bukti tidak dikenal. Pilihan: {}.",
            Bukti::codes().join(", ")
        );
        c.push(c.at(&r.bukti), &f("bukti"), "bukti_tidak_dikenal", pesan);
    }
    let peran = c.parsed(
        &r.peran,
        &f("peran"),
        "peran",
        Role::parse(r.peran.get_ref().trim()),
    );
    let k = Kewajiban {
        bab: c.text(&r.bab, &f("bab"), 120),
        teks: c.text(&r.teks, &f("teks"), MAX_TEKS),
        uraian_bukti: c.text(&r.uraian_bukti, &f("uraian_bukti"), 400),
        penanggung_jawab: c.text(&r.penanggung_jawab, &f("penanggung_jawab"), 200),
        catatan: r.catatan.as_ref().map(|v| c.text(v, &f("catatan"), 1000)),
        id,
        pasal,
        subjek: subjek?,
        jadwal: jadwal?,
        bukti: bukti?,
        peran: peran?,
        baris,
    };
    Some(k)
}
