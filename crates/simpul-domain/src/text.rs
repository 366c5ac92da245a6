//! Free-text fields: trimmed, non-empty, bounded, with errors in Bahasa Indonesia.

use crate::problem::{Masalah, Masalahs};

/// Trim `input` and check it is present and at most `max` characters.
pub fn required(input: &str, max: usize) -> Result<String, Masalahs> {
    let t = input.trim();
    let mut found = Vec::new();
    if t.is_empty() {
        found.push(Masalah::new("wajib_diisi", "Wajib diisi."));
    }
    check_len(t, max, &mut found);
    Masalahs::into_result(found).map(|()| t.to_owned())
}

/// Like [`required`] but an empty input is `None`.
pub fn optional(input: &str, max: usize) -> Result<Option<String>, Masalahs> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let mut found = Vec::new();
    check_len(t, max, &mut found);
    Masalahs::into_result(found).map(|()| Some(t.to_owned()))
}

fn check_len(t: &str, max: usize, found: &mut Vec<Masalah>) {
    let n = t.chars().count();
    if n > max {
        found.push(Masalah::new(
            "terlalu_panjang",
            format!("Paling banyak {max} karakter (sekarang {n})."),
        ));
    }
    if t.chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        found.push(Masalah::new(
            "karakter_kontrol",
            "Berisi karakter kontrol yang tidak diizinkan.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_bounds() {
        assert_eq!(required("  Dinas  ", 10).unwrap(), "Dinas");
        assert!(required("   ", 10).unwrap_err().has("wajib_diisi"));
        assert!(
            required("abcdefghijk", 10)
                .unwrap_err()
                .has("terlalu_panjang")
        );
        assert!(required("a\u{0}b", 10).unwrap_err().has("karakter_kontrol"));
        assert_eq!(optional(" ", 5).unwrap(), None);
        assert!(optional("123456", 5).is_err());
    }
}
