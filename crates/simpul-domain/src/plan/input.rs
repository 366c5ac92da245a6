//! Small input helpers of the planning records: dates that may not lie in the future,
//! JSON fields that clients send as numbers or text, and dates written as `YYYY-MM-DD`.

use serde::{Deserialize, Deserializer, Serializer};
use time::Date;

use crate::Masalahs;
use crate::registry::value::{date, fmt_date};

/// A date as typed (`YYYY-MM-DD`, `DD-MM-YYYY`, `DD/MM/YYYY`) that is not after `today`:
/// a decree or a review that has not happened yet cannot be recorded as evidence.
pub fn tanggal_lalu(t: &str, today: Date) -> Result<Date, Masalahs> {
    let d = date(t.trim())?;
    if d > today {
        return Err(Masalahs::one(
            "tanggal_masa_depan",
            format!(
                "Tanggal {} belum terjadi; isi tanggal hari ini ({}) atau sebelumnya.",
                fmt_date(d),
                fmt_date(today)
            ),
        ));
    }
    Ok(d)
}

/// Accept a JSON string, number or null as text, so `"periode_awal": 2025` and
/// `"periode_awal": "2025"` mean the same; anything else is a malformed body.
pub(super) fn text_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Int(i64),
        Float(f64),
        Null,
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Text(s) => s,
        Raw::Int(n) => n.to_string(),
        Raw::Float(x) => x.to_string(),
        Raw::Null => String::new(),
    })
}

/// Write a date as `YYYY-MM-DD` (the `time` crate's own form is a tuple).
pub(super) fn ser_date<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&fmt_date(*d))
}

/// Write an optional date as `YYYY-MM-DD` or null.
pub(super) fn ser_opt_date<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&fmt_date(*d)),
        None => s.serialize_none(),
    }
}
