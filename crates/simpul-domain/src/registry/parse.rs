//! Validation of raw record input against the kind's specification: the shared columns,
//! every attribute, and the rules that tie attributes together. All problems are
//! reported at once, keyed by field (`kode`, `nama`, `atribut.<name>`, ...).

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use super::spec::{self, fields, statuses};
use super::subnet::Subnet;
use super::value::{self, parse_value};
use super::{ItemInput, Jenis, NewItem};
use crate::problem::{FieldProblems, Masalah, Masalahs};
use crate::text;

impl NewItem {
    /// Validate `input` as a record of kind `jenis`, reporting every problem by field.
    pub fn parse(jenis: Jenis, input: &ItemInput) -> Result<NewItem, FieldProblems> {
        let mut p = FieldProblems::default();
        let kode = p.check("kode", parse_kode(&input.kode));
        let nama = p.check("nama", text::required(&input.nama, 200));
        let deskripsi = p.check("deskripsi", text::optional(&input.deskripsi, 2000));
        let status = p.check("status", parse_status(jenis, &input.status));
        let atribut = parse_atribut(jenis, &input.atribut, &mut p);
        match (kode, nama, deskripsi, status) {
            (Some(kode), Some(nama), Some(deskripsi), Some(status)) if p.is_empty() => {
                Ok(NewItem {
                    jenis,
                    kode,
                    nama,
                    deskripsi,
                    pd: input.pd,
                    status,
                    atribut,
                })
            }
            _ => Err(p),
        }
    }
}

/// Record code: upper-case letters, digits, `-`, `_` and `.`, 2 to 40 characters.
pub fn parse_kode(input: &str) -> Result<String, Masalahs> {
    let t = input.trim().to_uppercase();
    if t.is_empty() {
        return Err(Masalahs::one("wajib_diisi", "Wajib diisi."));
    }
    let mut found = Vec::new();
    let n = t.chars().count();
    if !(2..=40).contains(&n) {
        found.push(Masalah::new(
            "kode_panjang",
            format!("Kode harus 2 sampai 40 karakter (sekarang {n})."),
        ));
    }
    if t.chars()
        .any(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.')))
    {
        found.push(Masalah::new(
            "kode_karakter",
            "Kode hanya boleh berisi huruf, angka, titik (.), tanda hubung (-) dan garis bawah (_).",
        ));
    }
    Masalahs::into_result(found).map(|()| t)
}

/// Status from the kind's list, by code or label; empty means not recorded.
pub fn parse_status(jenis: Jenis, input: &str) -> Result<Option<String>, Masalahs> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let list = statuses(jenis);
    value::canonical(spec::FieldKind::Choice(list), t)
        .map(Some)
        .map_err(|_| {
            let names: Vec<&str> = list.iter().map(|(_, l)| *l).collect();
            Masalahs::one(
                "status_tidak_dikenal",
                format!("Status \"{t}\" tidak dikenal; pilih: {}.", names.join(", ")),
            )
        })
}

/// Every attribute of the input against the specification, then the cross-field rules.
fn parse_atribut(
    jenis: Jenis,
    raw: &BTreeMap<String, String>,
    p: &mut FieldProblems,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in raw.keys() {
        if spec::field(jenis, name.trim()).is_none() {
            p.add(
                &format!("atribut.{name}"),
                Masalahs::one(
                    "atribut_tidak_dikenal",
                    format!("Atribut \"{name}\" tidak dikenal untuk {}.", jenis.code()),
                ),
            );
        }
    }
    for f in fields(jenis) {
        // Keys may arrive with stray spaces from spreadsheet headers.
        let v = raw
            .iter()
            .find(|(k, _)| k.trim() == f.name)
            .map_or("", |(_, v)| v.as_str());
        if let Some(Some(c)) = p.check(&format!("atribut.{}", f.name), parse_value(f, v)) {
            out.insert(f.name.to_owned(), c);
        }
    }
    cross_field(jenis, &mut out, p);
    out
}

/// Rules between attributes of one record; they read (and may refine) canonical values.
fn cross_field(jenis: Jenis, a: &mut BTreeMap<String, String>, p: &mut FieldProblems) {
    let has = |a: &BTreeMap<String, String>, k: &str, v: &str| a.get(k).is_some_and(|x| x == v);
    match jenis {
        Jenis::Aplikasi
            if has(a, "sumber", "tertutup") && !a.contains_key("pertimbangan_menteri") =>
        {
            p.add(
                "atribut.pertimbangan_menteri",
                Masalahs::one(
                    "pertimbangan_menteri_wajib",
                    "Aplikasi dengan kode sumber tertutup wajib mencantumkan dokumen pertimbangan Menteri (001 Pasal 22).",
                ),
            );
        }
        Jenis::ProsesBisnis => {
            let d = |k: &str| a.get(k).and_then(|v| value::date(v).ok());
            if let (Some(last), Some(next)) = (d("tanggal_review"), d("tanggal_review_berikutnya"))
                && next <= last
            {
                p.add(
                    "atribut.tanggal_review_berikutnya",
                    Masalahs::one(
                        "review_berikutnya_terlalu_awal",
                        "Tanggal reviu berikutnya harus sesudah tanggal reviu terakhir.",
                    ),
                );
            }
        }
        Jenis::SopKeamanan if has(a, "dimiliki", "ya") && !a.contains_key("nomor_dokumen") => {
            p.add(
                "atribut.nomor_dokumen",
                Masalahs::one(
                    "nomor_dokumen_wajib",
                    "SOP yang sudah dimiliki wajib mencantumkan nomor dokumen penetapannya.",
                ),
            );
        }
        Jenis::Server => {
            ipv4_attr(a, "alamat_ip", p);
        }
        Jenis::Subnet => {
            let gw = ipv4_attr(a, "gateway", p);
            let net = a.get("cidr").and_then(|c| Subnet::parse(c).ok());
            if let (Some(gw), Some(net)) = (gw, net)
                && !net.contains(gw)
            {
                p.add(
                    "atribut.gateway",
                    Masalahs::one(
                        "gateway_di_luar_subnet",
                        format!("Gateway {gw} tidak berada di dalam subnet {net}."),
                    ),
                );
            }
        }
        _ => {}
    }
}

/// A text attribute that must hold an IPv4 address; canonicalised in place.
fn ipv4_attr(a: &mut BTreeMap<String, String>, k: &str, p: &mut FieldProblems) -> Option<Ipv4Addr> {
    let v = a.get(k)?;
    match v.parse::<Ipv4Addr>() {
        Ok(ip) => {
            a.insert(k.to_owned(), ip.to_string());
            Some(ip)
        }
        Err(_) => {
            p.add(
                &format!("atribut.{k}"),
                Masalahs::one(
                    "alamat_ip_tidak_valid",
                    format!("\"{v}\" bukan alamat IPv4; tulis empat angka 0-255 dipisah titik."),
                ),
            );
            None
        }
    }
}
