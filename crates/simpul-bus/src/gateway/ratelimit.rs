//! Token buckets per consumer and service. The map is bounded: keys come from
//! authenticated consumers and granted services, but a directory can still be large,
//! so when a shard is full the buckets that have refilled (idle callers, which would
//! start full anyway) are dropped first, and if none has, the shard starts over.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::Mutex;
use std::time::Instant;

use super::directory::RateLimit;

const SHARDS: usize = 16;

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// Rate limits for every consumer and service pair.
#[derive(Debug)]
pub struct Limiter {
    shards: Vec<Mutex<HashMap<String, Bucket>>>,
    per_shard: usize,
    hasher: RandomState,
}

impl Limiter {
    /// A limiter tracking at most about `max_keys` pairs.
    pub fn new(max_keys: usize) -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::new(HashMap::new())).collect(),
            per_shard: (max_keys / SHARDS).max(1),
            hasher: RandomState::new(),
        }
    }

    /// Take one token for `key` under `limit`; `Err(seconds)` says when to retry.
    pub fn check(&self, key: &str, limit: RateLimit, now: Instant) -> Result<(), u64> {
        let burst = f64::from(limit.burst.max(1));
        let rate = limit.per_second.max(0.001);
        let i = (self.hasher.hash_one(key) as usize) % SHARDS;
        let Some(shard) = self.shards.get(i) else {
            return Ok(());
        };
        let mut m = match shard.lock() {
            Ok(m) => m,
            Err(p) => p.into_inner(),
        };
        if !m.contains_key(key) && m.len() >= self.per_shard {
            m.retain(|_, b| b.tokens + now.duration_since(b.at).as_secs_f64() * rate < burst);
            if m.len() >= self.per_shard {
                m.clear();
            }
        }
        let b = m.entry(key.to_owned()).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        let refill = now.saturating_duration_since(b.at).as_secs_f64() * rate;
        b.tokens = (b.tokens + refill).min(burst);
        b.at = now;
        if b.tokens >= 1.0 {
            b.tokens -= 1.0;
            Ok(())
        } else {
            Err(((1.0 - b.tokens) / rate).ceil().max(1.0) as u64)
        }
    }

    /// Pairs tracked.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.lock().map(|m| m.len()).unwrap_or(0))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn burst_then_refill_and_bounded() {
        let l = Limiter::new(32);
        let lim = RateLimit {
            per_second: 10.0,
            burst: 3,
        };
        let t = Instant::now();
        assert!(l.check("a", lim, t).is_ok());
        assert!(l.check("a", lim, t).is_ok());
        assert!(l.check("a", lim, t).is_ok());
        assert_eq!(l.check("a", lim, t), Err(1));
        assert!(l.check("b", lim, t).is_ok());
        assert!(l.check("a", lim, t + Duration::from_millis(150)).is_ok());
        for i in 0..10_000 {
            let _ = l.check(&format!("k{i}"), lim, t);
        }
        assert!(l.len() <= 32 + SHARDS);
    }
}
