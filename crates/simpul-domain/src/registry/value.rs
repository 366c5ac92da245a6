//! Checking one attribute value against its [`FieldSpec`] and bringing it to canonical
//! text, so that stored attributes compare, sort and export the same however they were
//! typed (form, API, spreadsheet).

use time::{Date, Month};
use uuid::Uuid;

use super::domain_name::DomainName;
use super::spec::{FieldKind, FieldSpec, LONG_TEXT_MAX};
use super::subnet::Subnet;
use crate::ident::Email;
use crate::problem::{Masalah, Masalahs};
use crate::text;

/// Check `raw` against `spec`: `Ok(None)` when empty and optional, else the canonical text.
pub fn parse_value(spec: &FieldSpec, raw: &str) -> Result<Option<String>, Masalahs> {
    let t = raw.trim();
    if t.is_empty() {
        return if spec.required {
            Err(Masalahs::one("wajib_diisi", "Wajib diisi."))
        } else {
            Ok(None)
        };
    }
    canonical(spec.kind, t).map(Some)
}

/// The canonical form of a non-empty, trimmed value of `kind`.
pub fn canonical(kind: FieldKind, t: &str) -> Result<String, Masalahs> {
    match kind {
        FieldKind::Text { max } => text::required(t, max),
        FieldKind::LongText => text::required(t, LONG_TEXT_MAX),
        FieldKind::Choice(opts) => choice(opts, t),
        FieldKind::Date => date(t).map(fmt_date),
        FieldKind::Year => year(t),
        FieldKind::Integer { min, max } => integer(t, min, max),
        FieldKind::Url => url(t),
        FieldKind::Email => Email::parse(t).map(|e| e.as_str().to_owned()),
        FieldKind::Bool => boolean(t).map(|b| if b { "ya" } else { "tidak" }.to_owned()),
        FieldKind::Subnet => Subnet::parse(t).map(|s| s.to_string()),
        FieldKind::DomainName => DomainName::parse(t).map(|d| d.as_str().to_owned()),
        FieldKind::PdRef => Uuid::parse_str(t)
            .map(|u| u.hyphenated().to_string())
            .map_err(|_| Masalahs::one("pd_tidak_valid", "Pilih PD dari daftar.")),
    }
}

/// A choice by code or label, ignoring case, and spaces or hyphens for underscores
/// (spreadsheets carry "Berkas Digital" where the code is `berkas_digital`).
fn choice(opts: &[(&'static str, &'static str)], t: &str) -> Result<String, Masalahs> {
    let key = t.to_lowercase().replace([' ', '-'], "_");
    opts.iter()
        .find(|(code, label)| *code == key || label.to_lowercase() == t.to_lowercase())
        .map(|(code, _)| (*code).to_owned())
        .ok_or_else(|| {
            let list: Vec<&str> = opts.iter().map(|(_, l)| *l).collect();
            Masalahs::one(
                "pilihan_tidak_dikenal",
                format!("\"{t}\" tidak ada dalam pilihan: {}.", list.join(", ")),
            )
        })
}

/// A date as `YYYY-MM-DD`, `DD-MM-YYYY` or `DD/MM/YYYY`.
pub fn date(t: &str) -> Result<Date, Masalahs> {
    let bad = || {
        Masalahs::one(
            "tanggal_tidak_valid",
            format!(
                "\"{t}\" bukan tanggal; tulis TTTT-BB-HH atau HH-BB-TTTT, misalnya 2026-08-17."
            ),
        )
    };
    let sep = if t.contains('/') { '/' } else { '-' };
    let parts: Vec<&str> = t.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(bad());
    };
    let (y, m, d) = match (a.len(), c.len()) {
        (4, 1..=2) if sep == '-' => (*a, *b, *c),
        (1..=2, 4) => (*c, *b, *a),
        _ => return Err(bad()),
    };
    let num = |s: &str| {
        s.chars()
            .all(|ch| ch.is_ascii_digit())
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(y), num(m), num(d)) else {
        return Err(bad());
    };
    let month = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok());
    match (i32::try_from(y).ok(), month, u8::try_from(d).ok()) {
        (Some(y), Some(m), Some(d)) => Date::from_calendar_date(y, m, d).map_err(|_| bad()),
        _ => Err(bad()),
    }
}

/// `YYYY-MM-DD`.
pub fn fmt_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A four-digit year in a plausible range for government records.
fn year(t: &str) -> Result<String, Masalahs> {
    match t.parse::<u16>() {
        Ok(y) if t.len() == 4 && (1900..=2100).contains(&y) => Ok(y.to_string()),
        _ => Err(Masalahs::one(
            "tahun_tidak_valid",
            format!("\"{t}\" bukan tahun; tulis empat angka antara 1900 dan 2100."),
        )),
    }
}

/// A whole number in `min..=max`; Indonesian thousands dots (`1.000`) are accepted.
fn integer(t: &str, min: i64, max: i64) -> Result<String, Masalahs> {
    let grouped = t
        .split('.')
        .next()
        .is_some_and(|g| !g.is_empty() && g.len() <= 4)
        && t.split('.').skip(1).all(|g| g.len() == 3);
    let digits = if t.contains('.') && grouped {
        t.replace('.', "")
    } else {
        t.to_owned()
    };
    let Ok(n) = digits.parse::<i64>() else {
        return Err(Masalahs::one(
            "bilangan_tidak_valid",
            format!("\"{t}\" bukan bilangan bulat."),
        ));
    };
    if (min..=max).contains(&n) {
        Ok(n.to_string())
    } else {
        Err(Masalahs::one(
            "bilangan_di_luar_rentang",
            format!("Nilai harus antara {min} dan {max} (sekarang {n})."),
        ))
    }
}

/// Yes or no in the forms people type.
pub fn boolean(t: &str) -> Result<bool, Masalahs> {
    match t.to_lowercase().as_str() {
        "ya" | "y" | "true" | "1" | "yes" => Ok(true),
        "tidak" | "t" | "false" | "0" | "no" => Ok(false),
        _ => Err(Masalahs::one(
            "ya_tidak_tidak_valid",
            format!("\"{t}\" harus \"ya\" atau \"tidak\"."),
        )),
    }
}

/// An `http(s)` URL with a host; scheme and host are lower-cased, the rest kept.
fn url(t: &str) -> Result<String, Masalahs> {
    let lower = t.to_ascii_lowercase();
    let Some(scheme) = ["https://", "http://"]
        .into_iter()
        .find(|s| lower.starts_with(s))
    else {
        return Err(Masalahs::one(
            "url_skema",
            "Alamat harus diawali http:// atau https://.",
        ));
    };
    let rest = &t[scheme.len()..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let mut found = Vec::new();
    if t.chars().any(|c| c.is_whitespace() || c.is_control()) {
        found.push(Masalah::new(
            "url_tidak_valid",
            "Alamat tidak boleh memuat spasi.",
        ));
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (authority, None),
    };
    let host_ok = host.parse::<std::net::Ipv4Addr>().is_ok() || DomainName::parse(host).is_ok();
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok_and(|n| n > 0));
    if !host_ok || !port_ok || authority.contains('@') {
        found.push(Masalah::new(
            "url_tidak_valid",
            format!("\"{t}\" bukan alamat web yang sah, misalnya https://dinkes.tanbukab.go.id."),
        ));
    }
    Masalahs::into_result(found)
        .map(|()| format!("{scheme}{}{tail}", authority.to_ascii_lowercase()))
}
