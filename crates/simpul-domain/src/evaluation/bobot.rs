//! Numbers as written in a model file, and the weight rules: a model whose weights do
//! not add up would give an index outside 1..5 or one that disagrees with the official
//! calculation, so it is refused with the aspect or domain named.

use super::dua_desimal::{Bobot, DuaDesimal, SalahAngka, ratusan_dari_teks};
use super::error::Pemeriksa;
use super::raw::Angka;

/// Read a number from its digits in the file (`1.30` is 130 hundredths exactly).
pub(super) fn angka(c: &mut Pemeriksa<'_>, v: &Angka, kolom: &str) -> Option<DuaDesimal> {
    let baris = c.at(v);
    let tertulis = c.tertulis(v).trim();
    let negatif = match v.get_ref() {
        toml::Value::Integer(i) => *i < 0,
        toml::Value::Float(f) => f.is_sign_negative(),
        _ => {
            let pesan = format!("Harus angka, tertulis {tertulis}.");
            c.push(baris, kolom, "bukan_angka", pesan);
            return None;
        }
    };
    if negatif {
        let pesan = format!("Tidak boleh negatif, tertulis {tertulis}.");
        c.push(baris, kolom, "angka_negatif", pesan);
        return None;
    }
    match ratusan_dari_teks(tertulis.trim_start_matches('+'), &['.']) {
        Ok(r) => Some(DuaDesimal::dari_ratusan(r)),
        Err(SalahAngka::LebihDuaDesimal) => {
            let pesan = format!("Paling banyak dua desimal, tertulis {tertulis}.");
            c.push(baris, kolom, "lebih_dua_desimal", pesan);
            None
        }
        Err(_) => {
            let pesan =
                format!("Tulis sebagai angka desimal biasa (contoh 1.30), tertulis {tertulis}.");
            c.push(baris, kolom, "bukan_angka", pesan);
            None
        }
    }
}

/// A weight: a number above 0 and at most 100.
pub(super) fn bobot(c: &mut Pemeriksa<'_>, v: &Angka, kolom: &str) -> Option<Bobot> {
    let b = angka(c, v, kolom)?;
    if b == DuaDesimal::NOL {
        c.push(
            c.at(v),
            kolom,
            "bobot_nol",
            "Bobot harus lebih dari 0.".into(),
        );
        return None;
    }
    if b > DuaDesimal::SERATUS {
        let pesan = format!("Bobot paling besar 100, tertulis {b}.");
        c.push(c.at(v), kolom, "bobot_lebih_100", pesan);
        return None;
    }
    Some(b)
}

/// A weighted part (domain, aspect or indicator) as far as the sums are concerned.
pub(super) struct Bagian {
    /// Its code (for an indicator, its number).
    pub kode: String,
    /// Its parent's code (domain of an aspect, aspect of an indicator).
    pub induk: Option<String>,
    /// `None` when the weight could not be read (that problem is already reported).
    pub bobot: Option<Bobot>,
    /// Line of its weight.
    pub baris: usize,
    /// Field path of its weight, e.g. `aspek[A2].bobot`.
    pub kolom: String,
}

/// The sum of the weights, or `None` when one could not be read.
fn jumlah(bagian: &[&Bagian]) -> Option<DuaDesimal> {
    bagian
        .iter()
        .try_fold(0u32, |s, b| s.checked_add(b.bobot?.ratusan()))
        .map(DuaDesimal::dari_ratusan)
}

/// The whole of a level sums to 100 (`jenis` is "domain" or "aspek").
fn seratus(c: &mut Pemeriksa<'_>, jenis: &str, kode: &'static str, semua: &[Bagian]) {
    let Some(pertama) = semua.first() else { return };
    let refs: Vec<&Bagian> = semua.iter().collect();
    if let Some(total) = jumlah(&refs)
        && total != DuaDesimal::SERATUS
    {
        let rincian: Vec<String> = semua
            .iter()
            .map(|b| format!("{} {}", b.kode, b.bobot.unwrap_or_default()))
            .collect();
        let pesan = format!(
            "jumlah bobot {jenis} {total} ({}) seharusnya 100,00",
            rincian.join(", ")
        );
        c.push(pertama.baris, &format!("{jenis}.bobot"), kode, pesan);
    }
}

/// Each parent's weight equals the sum of its children's; each parent has children.
fn induk_sama(
    c: &mut Pemeriksa<'_>,
    (jenis, anak): (&str, &str),
    (kode_kosong, kode_beda): (&'static str, &'static str),
    induk: &[Bagian],
    semua_anak: &[Bagian],
) {
    for p in induk {
        let anak_p: Vec<&Bagian> = semua_anak
            .iter()
            .filter(|a| a.induk.as_deref() == Some(p.kode.as_str()))
            .collect();
        if anak_p.is_empty() {
            let pesan = format!("{jenis} {} tidak memiliki {anak} satu pun", p.kode);
            c.push(p.baris, &p.kolom.replace(".bobot", ""), kode_kosong, pesan);
            continue;
        }
        if let (Some(b), Some(s)) = (p.bobot, jumlah(&anak_p))
            && b != s
        {
            let pesan = format!("bobot {jenis} {b} tidak sama dengan jumlah bobot {anak}nya {s}");
            c.push(p.baris, &p.kolom, kode_beda, pesan);
        }
    }
}

/// Every weight rule of `models/README.md`.
pub(super) fn periksa(
    c: &mut Pemeriksa<'_>,
    domain: &[Bagian],
    aspek: &[Bagian],
    indikator: &[Bagian],
) {
    if !domain.is_empty() {
        seratus(c, "domain", "bobot_domain_jumlah", domain);
        induk_sama(
            c,
            ("domain", "aspek"),
            ("domain_tanpa_aspek", "bobot_domain_tidak_sama"),
            domain,
            aspek,
        );
    }
    seratus(c, "aspek", "bobot_aspek_jumlah", aspek);
    induk_sama(
        c,
        ("aspek", "indikator"),
        ("aspek_tanpa_indikator", "bobot_aspek_tidak_sama"),
        aspek,
        indikator,
    );
}
