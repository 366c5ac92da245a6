//! A small cache of derived views that stay valid until the next change anywhere: each
//! value is stored with the audit trail's head number, and a lookup with another number
//! misses. The impact analysis of a heavily shared server walks hundreds of records and
//! draws a large graph; officials open it far more often than the registry changes.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// Values keyed by `K`, valid for one audit head number.
pub struct VersionedCache<K, V> {
    map: Mutex<HashMap<K, (i64, Arc<V>)>>,
    capacity: usize,
}

impl<K: Eq + Hash, V> VersionedCache<K, V> {
    /// A cache of at most `capacity` values.
    pub fn new(capacity: usize) -> Self {
        Self {
            map: Mutex::new(HashMap::new()),
            capacity,
        }
    }

    /// The value for `key` computed at head `seq`, if any.
    pub fn get(&self, key: &K, seq: i64) -> Option<Arc<V>> {
        let map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        map.get(key)
            .filter(|(s, _)| *s == seq)
            .map(|(_, v)| Arc::clone(v))
    }

    /// Remember `value` for `key` at head `seq`.
    pub fn put(&self, key: K, seq: i64, value: V) -> Arc<V> {
        let value = Arc::new(value);
        let mut map = self.map.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= self.capacity {
            // Values of older heads are useless; if all are current, start over.
            map.retain(|_, (s, _)| *s == seq);
            if map.len() >= self.capacity {
                map.clear();
            }
        }
        map.insert(key, (seq, Arc::clone(&value)));
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_head_misses_and_capacity_is_bounded() {
        let c: VersionedCache<u32, String> = VersionedCache::new(2);
        c.put(1, 10, "a".into());
        assert_eq!(c.get(&1, 10).as_deref().map(String::as_str), Some("a"));
        assert!(c.get(&1, 11).is_none(), "any change invalidates");
        c.put(2, 11, "b".into());
        c.put(3, 11, "c".into());
        assert!(c.get(&1, 10).is_none(), "stale entries are dropped first");
        assert!(c.get(&2, 11).is_some() && c.get(&3, 11).is_some());
        c.put(4, 11, "d".into());
        assert!(c.map.lock().unwrap().len() <= 2);
    }
}
