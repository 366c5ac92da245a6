//! Exact non-negative fractions. An evaluation index is published with two decimals and
//! predicate bands start at exact values (4,20 is "Memuaskan", 4,19 is not), so the index
//! is computed as a fraction of integers and rounded only when shown: floating point
//! could put an index that is exactly on a band's edge just below it.

use std::cmp::Ordering;
use std::fmt;

/// A non-negative fraction `pembilang / penyebut`, always in lowest terms with a
/// positive denominator, so that equal values are equal structs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pecahan {
    pembilang: u128,
    penyebut: u128,
}

impl Default for Pecahan {
    fn default() -> Self {
        Self::NOL
    }
}

const fn fpb(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        let r = a % b;
        a = b;
        b = r;
    }
    a
}

impl Pecahan {
    /// Zero.
    pub const NOL: Pecahan = Pecahan {
        pembilang: 0,
        penyebut: 1,
    };

    /// `pembilang / penyebut` in lowest terms; `None` when the denominator is zero.
    pub const fn new(pembilang: u128, penyebut: u128) -> Option<Self> {
        if penyebut == 0 {
            return None;
        }
        let g = fpb(pembilang, penyebut);
        Some(Self {
            pembilang: pembilang / g,
            penyebut: penyebut / g,
        })
    }

    /// The whole number `n`.
    pub const fn bulat(n: u128) -> Self {
        Self {
            pembilang: n,
            penyebut: 1,
        }
    }

    /// The numerator, in lowest terms.
    pub const fn pembilang(&self) -> u128 {
        self.pembilang
    }

    /// The denominator, in lowest terms (never zero).
    pub const fn penyebut(&self) -> u128 {
        self.penyebut
    }

    /// Rounded to two decimals, half away from zero: (whole part, hundredths 0..=99).
    /// Computed without overflow for every fraction.
    pub fn dibulatkan(&self) -> (u128, u8) {
        let (q, p) = (self.penyebut, self.pembilang);
        let utuh = p / q;
        // 100 × r = ratusan × q + sisa, by adding r modulo q a hundred times, so that
        // no product of two large numbers is ever formed.
        let r = p % q;
        let (mut ratusan, mut sisa) = (0u8, 0u128);
        for _ in 0..100 {
            if sisa >= q - r {
                sisa -= q - r;
                ratusan += 1;
            } else {
                sisa += r;
            }
        }
        // Half away from zero: round up when the rest is at least half of q.
        if sisa >= q - sisa {
            ratusan += 1;
        }
        if ratusan == 100 {
            (utuh.saturating_add(1), 0)
        } else {
            (utuh, ratusan)
        }
    }

    /// Indonesian form rounded to two decimals: `3,22`, `1.234,50`.
    pub fn teks(&self) -> String {
        let (utuh, ratusan) = self.dibulatkan();
        format!("{},{ratusan:02}", kelompok_ribuan(utuh))
    }

    /// Plain decimal form rounded to two decimals, for the API and CSV: `3.22`.
    pub fn desimal(&self) -> String {
        let (utuh, ratusan) = self.dibulatkan();
        format!("{utuh}.{ratusan:02}")
    }

    /// Nearest `f64`, for drawing charts only; never compare or store it.
    pub fn perkiraan(&self) -> f64 {
        // u128 → f64 rounds; precision beyond what a chart can show is not needed.
        let (p, q) = (self.pembilang as f64, self.penyebut as f64);
        p / q
    }
}

/// `1234567` → `1.234.567` (Indonesian thousands separator).
fn kelompok_ribuan(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

impl Ord for Pecahan {
    /// Compares by continued fractions, so no cross product can overflow.
    fn cmp(&self, other: &Self) -> Ordering {
        let (mut a, mut b, mut c, mut d) = (
            self.pembilang,
            self.penyebut,
            other.pembilang,
            other.penyebut,
        );
        // Invariant: the answer is cmp(a/b, c/d) when `terbalik` is false, reversed else.
        let mut terbalik = false;
        loop {
            let (qa, qc) = (a / b, c / d);
            if qa != qc {
                let o = qa.cmp(&qc);
                return if terbalik { o.reverse() } else { o };
            }
            let (ra, rc) = (a % b, c % d);
            match (ra == 0, rc == 0) {
                (true, true) => return Ordering::Equal,
                (true, false) => {
                    return if terbalik {
                        Ordering::Greater
                    } else {
                        Ordering::Less
                    };
                }
                (false, true) => {
                    return if terbalik {
                        Ordering::Less
                    } else {
                        Ordering::Greater
                    };
                }
                // ra/b vs rc/d is the reverse of b/ra vs d/rc.
                (false, false) => {
                    (a, b, c, d) = (b, ra, d, rc);
                    terbalik = !terbalik;
                }
            }
        }
    }
}

impl PartialOrd for Pecahan {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Pecahan {
    /// The Indonesian form with two decimals, as the UI shows an index (`3,22`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.teks())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn p(a: u128, b: u128) -> Pecahan {
        Pecahan::new(a, b).unwrap()
    }

    #[test]
    fn normalised_and_zero_denominator_refused() {
        assert_eq!(p(6, 4), p(3, 2));
        assert_eq!((p(6, 4).pembilang(), p(6, 4).penyebut()), (3, 2));
        assert_eq!(p(0, 7), Pecahan::NOL);
        assert!(Pecahan::new(1, 0).is_none());
    }

    #[test]
    fn published_examples() {
        assert_eq!(p(322, 100).teks(), "3,22");
        assert_eq!(p(322, 100).desimal(), "3.22");
        assert_eq!(p(3225, 1000).teks(), "3,23", "half away from zero");
        assert_eq!(p(32249, 10000).teks(), "3,22");
        assert_eq!(
            p(1999, 400).teks(),
            "5,00",
            "4,9975 carries into the whole part"
        );
        assert_eq!(Pecahan::bulat(1234).teks(), "1.234,00");
        assert_eq!(Pecahan::bulat(1234).desimal(), "1234.00");
        assert_eq!(p(1, 3).to_string(), "0,33");
        assert_eq!(Pecahan::bulat(u128::MAX).dibulatkan(), (u128::MAX, 0));
        assert_eq!(p(u128::MAX, u128::MAX - 1).dibulatkan(), (1, 0));
    }

    #[test]
    fn ordering_on_edges() {
        assert!(p(21, 5) == p(420, 100));
        assert!(p(419, 100) < p(21, 5));
        assert!(p(1, 3) < p(1, 2));
        assert!(p(u128::MAX, u128::MAX - 1) > Pecahan::bulat(1));
        assert!(p(u128::MAX - 1, u128::MAX) < Pecahan::bulat(1));
        assert!(p(u128::MAX - 2, u128::MAX - 1) < p(u128::MAX - 1, u128::MAX));
    }

    /// Reference rounding in plain integers, for fractions small enough not to overflow.
    fn reference(a: u128, b: u128) -> (u128, u8) {
        let h = (200 * a + b) / (2 * b);
        (h / 100, u8::try_from(h % 100).unwrap())
    }

    proptest! {
        #[test]
        fn rounding_matches_reference(a in 0u128..10_000_000_000, b in 1u128..10_000_000_000) {
            prop_assert_eq!(p(a, b).dibulatkan(), reference(a, b));
        }

        #[test]
        fn exact_halves_round_up(h in 0u128..10_000_000, k in 1u128..1000) {
            // (2h + 1) / 200 is h/100 + 0,005 exactly, also when not in lowest terms.
            let x = p((2 * h + 1) * k, 200 * k);
            prop_assert_eq!(x.dibulatkan(), ((h + 1) / 100, u8::try_from((h + 1) % 100).unwrap()));
        }

        #[test]
        fn both_forms_agree(a in 0u128..1_000_000_000, b in 1u128..1_000_000) {
            let x = p(a, b);
            let (utuh, ratusan) = x.dibulatkan();
            prop_assert_eq!(x.desimal(), format!("{utuh}.{ratusan:02}"));
            prop_assert_eq!(x.teks().replace('.', "").replace(',', "."), x.desimal());
        }

        #[test]
        fn whole_numbers_show_two_zeros(n in 0u128..1000) {
            prop_assert_eq!(Pecahan::bulat(n).teks(), format!("{n},00"));
            prop_assert_eq!(Pecahan::bulat(n).desimal(), format!("{n}.00"));
        }

        #[test]
        fn ordering_agrees_with_f64_when_well_apart(
            a in 0u128..1_000_000, b in 1u128..1_000_000, c in 0u128..1_000_000, d in 1u128..1_000_000,
        ) {
            let (x, y) = (a as f64 / b as f64, c as f64 / d as f64);
            prop_assume!((x - y).abs() > 1e-6 * x.max(y).max(1.0));
            prop_assert_eq!(p(a, b).cmp(&p(c, d)), x.partial_cmp(&y).unwrap());
        }

        #[test]
        fn ordering_is_exact_by_cross_product(
            a in 0u128..1u128 << 60, b in 1u128..1u128 << 60, c in 0u128..1u128 << 60, d in 1u128..1u128 << 60,
        ) {
            prop_assert_eq!(p(a, b).cmp(&p(c, d)), (a * d).cmp(&(c * b)));
        }
    }
}
