//! Shared digit handling for the number-shaped identifiers.

/// Digits of `input` with separators (whitespace, dots, hyphens) removed, plus the
/// distinct characters that are neither (for the error message).
pub(crate) fn normalise(input: &str) -> (String, Vec<char>) {
    let mut digits = String::with_capacity(input.len());
    let mut bad = Vec::new();
    for c in input.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !is_separator(c) && !bad.contains(&c) {
            bad.push(c);
        }
    }
    (digits, bad)
}

/// People paste numbers from documents, so typographic hyphens count as separators.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '\u{2010}'..='\u{2014}')
}

/// The value of a short run of ASCII digits (callers pass checked digits; anything
/// else counts as 0, which every caller treats as invalid).
pub(crate) fn num(s: &str) -> u32 {
    s.bytes()
        .try_fold(0u32, |acc, b| {
            if b.is_ascii_digit() {
                acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
            } else {
                None
            }
        })
        .unwrap_or(0)
}

/// A short, printable list of offending characters for messages.
pub(crate) fn show_bad(bad: &[char]) -> String {
    bad.iter()
        .take(5)
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                format!("\"{c}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_separators_and_collects_bad_characters() {
        assert_eq!(
            normalise("1986.09-26 2015\u{2013}05"),
            ("198609262015 05".replace(' ', ""), vec![])
        );
        assert_eq!(normalise("12a3ab"), ("123".to_owned(), vec!['a', 'b']));
        assert_eq!(normalise("٣"), (String::new(), vec!['٣']));
        assert_eq!(num("0042"), 42);
        assert_eq!(num("4x"), 0);
        assert_eq!(num("99999999999"), 0);
        assert_eq!(show_bad(&['a', '\u{0}']), "\"a\", \\u{0}");
    }
}
