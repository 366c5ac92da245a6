//! The rules of one indicator: numbered in file order, a known aspect, five criteria and
//! five evidence lists, a source exactly when external, a readable weight.

use super::bobot::{self, Bagian};
use super::error::Pemeriksa;
use super::model::{Aspek, Domain, Indikator};
use super::raw::RawIndikator;

/// The `i`-th indicator of the file (0-based), and its weight for the sum rules.
pub(super) fn satu_indikator(
    c: &mut Pemeriksa<'_>,
    r: &RawIndikator,
    i: usize,
    aspek: &[Aspek],
    domain: &[Domain],
    nama_level: &[String; 5],
) -> (Indikator, Bagian) {
    let nomor = u32::try_from(i + 1).unwrap_or(u32::MAX);
    let f = |name: &str| format!("indikator[{nomor}].{name}");
    if *r.nomor.get_ref() != i64::from(nomor) {
        let pesan = format!(
            "Indikator ke-{nomor} harus bernomor {nomor} (1, 2, 3, ... tanpa loncatan), tertulis {}.",
            r.nomor.get_ref()
        );
        c.push(c.at(&r.nomor), &f("nomor"), "nomor_urut", pesan);
    }
    let ak = r.aspek.get_ref().trim().to_owned();
    let a = aspek.iter().find(|a| a.kode == ak);
    if a.is_none() {
        let pesan = format!("Aspek {ak} tidak ada di model ini.");
        c.push(c.at(&r.aspek), &f("aspek"), "aspek_tidak_dikenal", pesan);
    }
    // The level names of the indicator's domain, else the model's.
    let nama_level = a
        .and_then(|a| a.domain.as_deref())
        .and_then(|d| domain.iter().find(|x| x.kode == d))
        .and_then(|d| d.nama_level.clone())
        .unwrap_or_else(|| nama_level.clone());
    let eksternal = r.eksternal.as_ref().is_some_and(|e| *e.get_ref());
    let sumber_eksternal = match (&r.sumber_eksternal, eksternal) {
        (Some(s), true) => Some(c.teks(s, &f("sumber_eksternal"))),
        (None, true) => {
            let pesan = "Indikator eksternal wajib menyebut sumber_eksternal.".into();
            let baris = r.eksternal.as_ref().map_or(0, |e| c.at(e));
            c.push(
                baris,
                &f("sumber_eksternal"),
                "sumber_eksternal_wajib",
                pesan,
            );
            None
        }
        (Some(s), false) => {
            let pesan = "sumber_eksternal hanya untuk indikator dengan eksternal = true.".into();
            c.push(
                c.at(s),
                &f("sumber_eksternal"),
                "sumber_eksternal_bukan_eksternal",
                pesan,
            );
            None
        }
        (None, false) => None,
    };
    let kriteria: Vec<String> = r
        .kriteria
        .get_ref()
        .iter()
        .enumerate()
        .map(|(l, k)| {
            let t = k.get_ref().trim().to_owned();
            if t.is_empty() {
                let pesan = format!("Kriteria level {} kosong.", l + 1);
                c.push(
                    c.at(k),
                    &f(&format!("kriteria[{}]", l + 1)),
                    "kriteria_kosong",
                    pesan,
                );
            }
            t
        })
        .collect();
    let n = kriteria.len();
    let kriteria = <[String; 5]>::try_from(kriteria).unwrap_or_else(|_| {
        let pesan = format!("kriteria harus tepat lima, satu per level; tertulis {n}.");
        c.push(c.at(&r.kriteria), &f("kriteria"), "kriteria_lima", pesan);
        Default::default()
    });
    let bukti: Vec<Vec<String>> = r
        .bukti
        .get_ref()
        .iter()
        .enumerate()
        .map(|(l, daftar)| {
            daftar
                .get_ref()
                .iter()
                .map(|b| c.teks(b, &f(&format!("bukti[{}]", l + 1))))
                .collect()
        })
        .collect();
    let n = bukti.len();
    let bukti = <[Vec<String>; 5]>::try_from(bukti).unwrap_or_else(|_| {
        let pesan = format!("bukti harus tepat lima daftar, satu per level; tertulis {n}.");
        c.push(c.at(&r.bukti), &f("bukti"), "bukti_lima", pesan);
        Default::default()
    });
    let bobot = bobot::bobot(c, &r.bobot, &f("bobot"));
    let b = Bagian {
        kode: nomor.to_string(),
        induk: Some(ak.clone()),
        bobot,
        baris: c.at(&r.bobot),
        kolom: f("bobot"),
    };
    let ind = Indikator {
        nama: c.teks(&r.nama, &f("nama")),
        aspek: ak,
        bobot: bobot.unwrap_or_default(),
        nomor,
        eksternal,
        sumber_eksternal,
        kriteria,
        bukti,
        nama_level,
    };
    (ind, b)
}
