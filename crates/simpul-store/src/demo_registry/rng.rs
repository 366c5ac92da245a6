//! A tiny deterministic generator (SplitMix64): the same region and scale always give
//! the same registry, without a dependency on `rand`.

/// SplitMix64 state.
pub(super) struct Rng(u64);

impl Rng {
    /// Seeded from text (FNV-1a of its bytes), so each region gets its own sequence.
    pub(super) fn from_text(seed: &str) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in seed.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Self(h)
    }

    /// The next 64 random bits.
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        usize::try_from(self.next() % n as u64).unwrap_or(0)
    }

    /// True with probability `pct` percent.
    pub(super) fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }

    /// One element of a non-empty slice.
    pub(super) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_in_range() {
        let mut a = Rng::from_text("tanah-bumbu");
        let mut b = Rng::from_text("tanah-bumbu");
        for _ in 0..100 {
            assert_eq!(a.next(), b.next());
            assert!(a.below(7) < 7);
            b.below(7);
        }
        assert_ne!(
            Rng::from_text("jambi").next(),
            Rng::from_text("gorontalo").next()
        );
    }
}
