//! Finding the NIKs an exchange carries, in the fields the service declares, and
//! turning them into keyed hashes at once: the NIK itself never leaves this module.
//! Only values that look like a NIK (16 digits) are hashed; anything else in a
//! declared field is ignored rather than logged.

use serde_json::Value;

use super::form;
use crate::nik::{KunciNik, NikHash};

fn looks_like_nik(s: &str) -> bool {
    let s = s.trim();
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_digit())
}

fn push(out: &mut Vec<NikHash>, key: &KunciNik, s: &str) {
    if looks_like_nik(s) {
        let h = key.hash(s);
        if !out.contains(&h) {
            out.push(h);
        }
    }
}

/// NIKs in the declared query parameters of `query` (the part after `?`).
pub fn from_query(query: &str, names: &[String], key: &KunciNik, out: &mut Vec<NikHash>) {
    if names.is_empty() {
        return;
    }
    for (k, v) in form::pairs(query) {
        if names.contains(&k) {
            push(out, key, &v);
        }
    }
}

/// NIKs in the declared JSON field names, at any depth, of `body` (if it is JSON).
pub fn from_json(body: &[u8], names: &[String], key: &KunciNik, out: &mut Vec<NikHash>) {
    if names.is_empty() {
        return;
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace());
    if !matches!(first, Some(b'{' | b'[')) {
        return;
    }
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return;
    };
    walk(&v, names, key, out, 0);
}

fn walk(v: &Value, names: &[String], key: &KunciNik, out: &mut Vec<NikHash>, depth: u32) {
    // serde_json already refuses nesting past 128; the bound keeps this obviously finite.
    if depth > 128 {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if names.iter().any(|n| n == k) {
                    value(x, key, out);
                }
                walk(x, names, key, out, depth + 1);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| walk(x, names, key, out, depth + 1)),
        _ => {}
    }
}

/// A declared field's value: a NIK as a string or number, or a list of them.
fn value(v: &Value, key: &KunciNik, out: &mut Vec<NikHash>) {
    match v {
        Value::String(s) => push(out, key, s),
        Value::Number(n) => push(out, key, &n.to_string()),
        Value::Array(a) => a.iter().for_each(|x| value(x, key, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_declared_niks_only() {
        let k = KunciNik::from_bytes([1; 32]);
        let names = vec!["nik".to_string(), "nik_kk".to_string()];
        let mut out = Vec::new();
        from_query(
            "nik=6310014501900001&x=6310014501900002",
            &names,
            &k,
            &mut out,
        );
        assert_eq!(out, vec![k.hash("6310014501900001")]);
        let body = br#"{"data":[{"nik":"6310014501900003","nama":"A"},{"nik":6310014501900004}],
            "nik_kk":["6310014501900001","bukan"],"lain":"6310014501900009"}"#;
        from_json(body, &names, &k, &mut out);
        assert_eq!(
            out,
            vec![
                k.hash("6310014501900001"),
                k.hash("6310014501900003"),
                k.hash("6310014501900004"),
            ]
        );
        from_json(b"not json", &names, &k, &mut out);
        assert_eq!(out.len(), 3);
    }
}
