//! From the file as written to a [`Model`]: every rule of `models/README.md` checked,
//! every problem kept with its line and field path. The weight rules are in
//! [`super::bobot`], an indicator's own rules in [`super::validate_indikator`].

use std::collections::HashMap;

use super::bobot::{self, Bagian};
use super::dua_desimal::DuaDesimal;
use super::error::{ModelErrors, Pemeriksa};
use super::model::{Aspek, Domain, Model, Predikat};
use super::raw::{Daftar, RawModel, S};
use super::validate_indikator::satu_indikator;

/// Index years a model may start in: wide, but a typo like `218` is caught.
const TAHUN: std::ops::RangeInclusive<i64> = 2000..=2100;

pub(super) fn load(berkas: &str, text: &str) -> Result<Model, ModelErrors> {
    let raw: RawModel =
        toml::from_str(text).map_err(|e| Pemeriksa::toml_error(berkas, text, &e))?;
    let mut c = Pemeriksa::new(text);
    let h = &raw.model;
    let kode = c.teks(&h.kode, "model.kode");
    if !kode
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        let pesan = "Kode model hanya huruf kecil, angka dan tanda hubung.".into();
        c.push(c.at(&h.kode), "model.kode", "kode_model", pesan);
    }
    let tahun_mulai = tahun(&mut c, &h.tahun_mulai, "model.tahun_mulai");
    let tahun_akhir = h.tahun_akhir.as_ref().map(|t| {
        let akhir = tahun(&mut c, t, "model.tahun_akhir");
        if akhir < tahun_mulai {
            let pesan = format!("Tahun akhir {akhir} sebelum tahun mulai {tahun_mulai}.");
            c.push(c.at(t), "model.tahun_akhir", "tahun_urutan", pesan);
        }
        akhir
    });
    let nama_level = lima_nama(&mut c, &h.nama_level, "model.nama_level");
    let predikat = predikat(&mut c, &raw);
    let mut model = bagian(&mut c, &raw, nama_level);
    model.kode = kode;
    model.nama = c.teks(&h.nama, "model.nama");
    model.nama_indeks = c.teks(&h.nama_indeks, "model.nama_indeks");
    model.dasar_hukum = c.teks(&h.dasar_hukum, "model.dasar_hukum");
    model.asal_usul = c.teks(&h.asal_usul, "model.asal_usul");
    model.sementara = h.sementara;
    model.tahun_mulai = tahun_mulai;
    model.tahun_akhir = tahun_akhir;
    model.predikat = predikat;
    c.selesai(berkas, Some(model))
}

fn tahun(c: &mut Pemeriksa<'_>, v: &toml::Spanned<i64>, kolom: &str) -> i32 {
    let t = *v.get_ref();
    if !TAHUN.contains(&t) {
        let pesan = format!("Tahun {t} di luar 2000 sampai 2100.");
        c.push(c.at(v), kolom, "tahun", pesan);
    }
    i32::try_from(t).unwrap_or_default()
}

/// Exactly five non-empty names (levels 1..5).
fn lima_nama(c: &mut Pemeriksa<'_>, v: &Daftar, kolom: &str) -> [String; 5] {
    let semua: Vec<String> = v
        .get_ref()
        .iter()
        .enumerate()
        .map(|(i, n)| c.teks(n, &format!("{kolom}[{}]", i + 1)))
        .collect();
    let n = semua.len();
    <[String; 5]>::try_from(semua).unwrap_or_else(|_| {
        let pesan = format!("Harus tepat lima, satu per level; tertulis {n}.");
        c.push(c.at(v), kolom, "lima_level", pesan);
        Default::default()
    })
}

fn predikat(c: &mut Pemeriksa<'_>, raw: &RawModel) -> Vec<Predikat> {
    let mut out: Vec<Predikat> = Vec::new();
    let mut sebelumnya: Option<DuaDesimal> = None;
    for (i, p) in raw.predikat.iter().enumerate() {
        let f = |name: &str| format!("predikat[{}].{name}", i + 1);
        let p = p.get_ref();
        let nama = c.teks(&p.nama, &f("nama"));
        if out.iter().any(|q| q.nama == nama) {
            let pesan = format!("Predikat {nama} sudah ada.");
            c.push(c.at(&p.nama), &f("nama"), "nama_ganda", pesan);
        }
        let Some(min) = bobot::angka(c, &p.min, &f("min")) else {
            continue;
        };
        if i == 0 && min > DuaDesimal::dari_ratusan(500) {
            let pesan =
                format!("Predikat tertinggi harus bermula paling tinggi 5, tertulis {min}.");
            c.push(c.at(&p.min), &f("min"), "predikat_tertinggi", pesan);
        }
        if let Some(s) = sebelumnya
            && min >= s
        {
            let pesan = format!(
                "Predikat disusun dari yang tertinggi: min {min} harus lebih kecil dari {s} di atasnya."
            );
            c.push(c.at(&p.min), &f("min"), "predikat_urutan", pesan);
        }
        sebelumnya = Some(min);
        out.push(Predikat { nama, min });
    }
    match (raw.predikat.last(), out.last()) {
        (None, _) => {
            let pesan = "Model tanpa predikat.".into();
            c.push(0, "predikat", "predikat_kosong", pesan);
        }
        (Some(raw_last), Some(last)) if last.min > DuaDesimal::dari_ratusan(100) => {
            let pesan = format!(
                "Predikat terendah harus bermula paling tinggi 1 agar setiap indeks mendapat predikat, tertulis {}.",
                last.min
            );
            let kolom = format!("predikat[{}].min", raw.predikat.len());
            c.push(
                c.at(&raw_last.get_ref().min),
                &kolom,
                "predikat_terendah",
                pesan,
            );
        }
        _ => {}
    }
    out
}

/// A code of a domain or aspect: ASCII letters, digits, `-` and `_`, unique.
fn kode(
    c: &mut Pemeriksa<'_>,
    v: &S,
    kolom: &str,
    terpakai: &mut HashMap<String, usize>,
) -> String {
    let k = c.teks(v, kolom);
    if !k
        .chars()
        .all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
    {
        let pesan = "Kode hanya huruf, angka, '-' dan '_'.".into();
        c.push(c.at(v), kolom, "kode_format", pesan);
    }
    if let Some(first) = terpakai.insert(k.clone(), c.at(v)) {
        let pesan = format!("Kode {k} sudah dipakai di baris {first}.");
        c.push(c.at(v), kolom, "kode_ganda", pesan);
    }
    k
}

/// Where a domain or aspect appears in field paths: its code, or its position.
fn nama_kolom(jenis: &str, kode: &S, i: usize) -> String {
    let k = kode.get_ref().trim();
    if k.is_empty() {
        format!("{jenis}[#{}]", i + 1)
    } else {
        format!("{jenis}[{k}]")
    }
}

/// Domains, aspects and indicators, with the weight rules; the header is filled in by
/// the caller.
fn bagian(c: &mut Pemeriksa<'_>, raw: &RawModel, nama_level: [String; 5]) -> Model {
    let mut kode_domain = HashMap::new();
    let (mut domain, mut bd) = (Vec::new(), Vec::new());
    for (i, d) in raw.domain.iter().enumerate() {
        let d = d.get_ref();
        let k = nama_kolom("domain", &d.kode, i);
        let kode = kode(c, &d.kode, &format!("{k}.kode"), &mut kode_domain);
        let bobot = bobot::bobot(c, &d.bobot, &format!("{k}.bobot"));
        bd.push(Bagian {
            kode: kode.clone(),
            induk: None,
            bobot,
            baris: c.at(&d.bobot),
            kolom: format!("{k}.bobot"),
        });
        domain.push(Domain {
            nama: c.teks(&d.nama, &format!("{k}.nama")),
            nama_level: d
                .nama_level
                .as_ref()
                .map(|n| lima_nama(c, n, &format!("{k}.nama_level"))),
            kode,
            bobot: bobot.unwrap_or_default(),
        });
    }
    let mut kode_aspek = HashMap::new();
    let (mut aspek, mut ba) = (Vec::new(), Vec::new());
    for (i, a) in raw.aspek.iter().enumerate() {
        let a = a.get_ref();
        let k = nama_kolom("aspek", &a.kode, i);
        let kode = kode(c, &a.kode, &format!("{k}.kode"), &mut kode_aspek);
        let induk = match (&a.domain, domain.is_empty()) {
            (None, false) => {
                let pesan = "Model ini memiliki domain: sebutkan domain aspek ini.".into();
                c.push(c.at(&a.kode), &format!("{k}.domain"), "domain_wajib", pesan);
                None
            }
            (None, true) => None,
            (Some(d), _) => {
                let dk = d.get_ref().trim().to_owned();
                if !domain.iter().any(|x: &Domain| x.kode == dk) {
                    let pesan = if domain.is_empty() {
                        format!("Domain {dk} tidak ada: model ini tidak memiliki domain.")
                    } else {
                        format!("Domain {dk} tidak ada di model ini.")
                    };
                    c.push(
                        c.at(d),
                        &format!("{k}.domain"),
                        "domain_tidak_dikenal",
                        pesan,
                    );
                }
                Some(dk)
            }
        };
        let bobot = bobot::bobot(c, &a.bobot, &format!("{k}.bobot"));
        ba.push(Bagian {
            kode: kode.clone(),
            induk: induk.clone(),
            bobot,
            baris: c.at(&a.bobot),
            kolom: format!("{k}.bobot"),
        });
        aspek.push(Aspek {
            nama: c.teks(&a.nama, &format!("{k}.nama")),
            kode,
            domain: induk,
            bobot: bobot.unwrap_or_default(),
        });
    }
    if raw.aspek.is_empty() {
        c.push(0, "aspek", "aspek_kosong", "Model tanpa aspek.".into());
    }
    let (mut indikator, mut bi) = (Vec::new(), Vec::new());
    for (i, r) in raw.indikator.iter().enumerate() {
        let (ind, b) = satu_indikator(c, r.get_ref(), i, &aspek, &domain, &nama_level);
        indikator.push(ind);
        bi.push(b);
    }
    if raw.indikator.is_empty() {
        c.push(
            0,
            "indikator",
            "indikator_kosong",
            "Model tanpa indikator.".into(),
        );
    }
    bobot::periksa(c, &bd, &ba, &bi);
    Model {
        kode: String::new(),
        nama: String::new(),
        nama_indeks: String::new(),
        dasar_hukum: String::new(),
        tahun_mulai: 0,
        tahun_akhir: None,
        sementara: false,
        asal_usul: String::new(),
        predikat: Vec::new(),
        nama_level,
        domain,
        aspek,
        indikator,
    }
}
