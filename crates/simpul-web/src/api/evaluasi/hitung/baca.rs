//! Reading indicator values for the calculator, shared by the API (`levels` object) and
//! the calculator page (fields `n<nomor>`): every entry is checked against the model and
//! every problem is kept, keyed by the entry, so the client sees all that is wrong at
//! once; and the exact decimal form of small gains (`0,025`), which two decimals would
//! round to a misleading `0,03`.

use std::collections::BTreeMap;

use simpul_domain::Masalahs;
use simpul_domain::evaluation::{Model, Nilai, Pecahan};

/// One entry as given: the indicator number as text, and its value as text (`None`
/// when it is neither a number nor text, e.g. a JSON `true`).
pub type Entri = (String, Option<String>);

/// The values of `entri` checked against `model`; on failure every entry's problems,
/// keyed by the entry's key as given, in the order given.
pub fn baca(
    model: &Model,
    entri: impl IntoIterator<Item = Entri>,
) -> Result<BTreeMap<u32, Nilai>, Vec<(String, Masalahs)>> {
    let mut nilai = BTreeMap::new();
    let mut salah = Vec::new();
    for (kunci, isi) in entri {
        let hasil = nomor(&kunci).and_then(|n| {
            let isi = isi.ok_or_else(|| {
                Masalahs::one(
                    "nilai_bukan_angka",
                    format!("Nilai indikator {n} bukan angka; isi 1 sampai 5."),
                )
            })?;
            Nilai::parse(model, n, &isi).map(|v| (n, v))
        });
        match hasil {
            Ok((n, v)) => {
                nilai.insert(n, v);
            }
            Err(m) => salah.push((kunci, m)),
        }
    }
    if salah.is_empty() {
        Ok(nilai)
    } else {
        Err(salah)
    }
}

/// An indicator number written as digits; anything else is not an indicator.
fn nomor(kunci: &str) -> Result<u32, Masalahs> {
    let k = kunci.trim();
    k.parse::<u32>()
        .ok()
        .filter(|_| k.chars().all(|c| c.is_ascii_digit()))
        .ok_or_else(|| {
            Masalahs::one(
                "indikator_tidak_dikenal",
                format!("\"{k}\" bukan nomor indikator; tulis nomornya, misalnya \"18\"."),
            )
        })
}

/// A JSON value as the text the domain parses: numbers and strings as written, `null`
/// as empty (so it is reported as missing), anything else as not a number.
pub fn teks_json(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => Some(String::new()),
        _ => None,
    }
}

/// `p` with as many decimals as it needs between two and four (`0.025`, `0.0275`,
/// `3.00`), rounded to two when it needs more; `pemisah` is `.` (API) or `,` (pages).
pub fn desimal_pas(p: &Pecahan, pemisah: char) -> String {
    let (a, b) = (p.pembilang(), p.penyebut());
    for k in 2..=4u32 {
        let skala = 10u128.pow(k);
        if let Some(x) = a.checked_mul(skala).filter(|x| x % b == 0) {
            let x = x / b;
            let width = usize::try_from(k).unwrap_or(2);
            return format!("{}{pemisah}{:0width$}", x / skala, x % skala);
        }
    }
    match pemisah {
        ',' => p.teks(),
        _ => p.desimal(),
    }
}

/// The exact fraction as `num/den` (`161/50`).
pub fn pecahan_teks(p: &Pecahan) -> String {
    format!("{}/{}", p.pembilang(), p.penyebut())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frac(a: u128, b: u128) -> Pecahan {
        Pecahan::new(a, b).unwrap_or_default()
    }

    #[test]
    fn exact_decimals() {
        assert_eq!(desimal_pas(&frac(1, 40), '.'), "0.025");
        assert_eq!(desimal_pas(&frac(275, 10_000), ','), "0,0275");
        assert_eq!(desimal_pas(&frac(3, 1), '.'), "3.00");
        assert_eq!(desimal_pas(&frac(1, 3), ','), "0,33");
        assert_eq!(pecahan_teks(&frac(322, 100)), "161/50");
    }

    #[test]
    fn keys_must_be_numbers() {
        assert!(nomor("18").is_ok());
        assert!(nomor(" 7 ").is_ok());
        for bad in ["", "x", "-1", "+1", "1.5", "99999999999"] {
            assert!(nomor(bad).is_err(), "{bad}");
        }
    }
}
