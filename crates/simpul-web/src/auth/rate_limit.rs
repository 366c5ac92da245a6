//! Login rate limit: after too many failures for one NIP or from one address within a
//! window, further attempts are refused until the window passes. Kept in memory: a
//! restart forgets it, which costs an attacker a restart they cannot cause.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Limits per key.
#[derive(Debug)]
pub struct LoginLimiter {
    window: Duration,
    per_nip: u32,
    per_ip: u32,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl LoginLimiter {
    /// `per_nip` failures per NIP and `per_ip` per address within `window`.
    pub fn new(window: Duration, per_nip: u32, per_ip: u32) -> Self {
        Self {
            window,
            per_nip,
            per_ip,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// `Some(wait)` when this attempt must be refused.
    pub fn check(&self, nip: &str, ip: &str, now: Instant) -> Option<Duration> {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let mut wait = None;
        for (key, limit) in [
            (format!("nip:{nip}"), self.per_nip),
            (format!("ip:{ip}"), self.per_ip),
        ] {
            if let Some(v) = map.get_mut(&key) {
                v.retain(|t| now.duration_since(*t) < self.window);
                if v.len() >= limit as usize {
                    let oldest = v.iter().min().copied().unwrap_or(now);
                    let w = self.window.saturating_sub(now.duration_since(oldest));
                    wait = Some(wait.map_or(w, |x: Duration| x.max(w)));
                }
            }
        }
        wait
    }

    /// Record a failed attempt.
    pub fn fail(&self, nip: &str, ip: &str, now: Instant) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 100_000 {
            // Bound memory under a spray of distinct keys: drop what has expired.
            map.retain(|_, v| v.iter().any(|t| now.duration_since(*t) < self.window));
        }
        map.entry(format!("nip:{nip}")).or_default().push(now);
        map.entry(format!("ip:{ip}")).or_default().push(now);
    }

    /// A successful login clears the NIP's failures.
    pub fn succeed(&self, nip: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("nip:{nip}"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_limit_and_unlocks_after_window() {
        let l = LoginLimiter::new(Duration::from_secs(60), 3, 10);
        let t0 = Instant::now();
        for _ in 0..3 {
            assert!(l.check("n", "ip", t0).is_none());
            l.fail("n", "ip", t0);
        }
        let wait = l.check("n", "ip", t0 + Duration::from_secs(10)).unwrap();
        assert_eq!(wait, Duration::from_secs(50));
        assert!(l.check("other", "ip2", t0).is_none());
        assert!(l.check("n", "ip", t0 + Duration::from_secs(61)).is_none());
    }

    #[test]
    fn address_limit_spans_nips() {
        let l = LoginLimiter::new(Duration::from_secs(60), 100, 2);
        let t0 = Instant::now();
        l.fail("a", "ip", t0);
        l.fail("b", "ip", t0);
        assert!(l.check("c", "ip", t0).is_some());
    }
}
