//! IPv4 subnets of the region's IP address plan. The Dinas numbers every PD network
//! (000 Pasal 19), so a new subnet must be well formed and must not overlap another.

use std::collections::BTreeMap;
use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

use crate::problem::{Masalah, Masalahs};

/// An IPv4 network in CIDR form with no host bits set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subnet {
    network: Ipv4Addr,
    prefix: u8,
}

impl Subnet {
    /// Parse `a.b.c.d/p`; host bits set is refused with the network address it should be.
    pub fn parse(input: &str) -> Result<Self, Masalahs> {
        let t = input.trim();
        let Some((addr, prefix)) = t.split_once('/') else {
            return Err(Masalahs::one(
                "subnet_format",
                format!(
                    "\"{t}\" bukan subnet; tulis alamat jaringan dan prefiks, misalnya 10.63.1.0/24."
                ),
            ));
        };
        let mut found = Vec::new();
        let addr = addr.trim().parse::<Ipv4Addr>().ok();
        if addr.is_none() {
            found.push(Masalah::new(
                "subnet_format",
                "Alamat jaringan harus empat angka 0-255 dipisah titik, misalnya 10.63.1.0.",
            ));
        }
        let prefix = prefix
            .trim()
            .parse::<u8>()
            .ok()
            .filter(|p| *p <= 32 && !prefix.trim().starts_with('+'));
        if prefix.is_none() {
            found.push(Masalah::new(
                "subnet_prefix",
                "Prefiks harus bilangan 0 sampai 32.",
            ));
        }
        let (Some(addr), Some(prefix)) = (addr, prefix) else {
            return Err(Masalahs(found));
        };
        let s = Self::from_parts(addr, prefix);
        if s.network != addr {
            return Err(Masalahs::one(
                "subnet_bit_host",
                format!(
                    "{addr}/{prefix} bukan alamat jaringan: bagian host harus nol. Maksudnya {s}?"
                ),
            ));
        }
        Ok(s)
    }

    /// The network containing `addr` with this prefix (host bits cleared); `prefix` is
    /// capped at 32.
    pub fn from_parts(addr: Ipv4Addr, prefix: u8) -> Self {
        let prefix = prefix.min(32);
        Self {
            network: Ipv4Addr::from(u32::from(addr) & mask(prefix)),
            prefix,
        }
    }

    /// The network address.
    pub fn network(&self) -> Ipv4Addr {
        self.network
    }

    /// The prefix length.
    pub fn prefix(&self) -> u8 {
        self.prefix
    }

    /// The last address of the network.
    pub fn broadcast(&self) -> Ipv4Addr {
        Ipv4Addr::from(u32::from(self.network) | !mask(self.prefix))
    }

    /// Number of addresses in the network.
    pub fn size(&self) -> u64 {
        1u64 << (32 - u32::from(self.prefix))
    }

    /// Whether `addr` lies in this network.
    pub fn contains(&self, addr: Ipv4Addr) -> bool {
        u32::from(addr) & mask(self.prefix) == u32::from(self.network)
    }

    /// Whether the two networks share any address. CIDR blocks are either nested or
    /// disjoint, so this is "one contains the other's network address".
    pub fn overlaps(&self, other: &Subnet) -> bool {
        let p = self.prefix.min(other.prefix);
        u32::from(self.network) & mask(p) == u32::from(other.network) & mask(p)
    }
}

/// The netmask of a prefix as a number (`/0` is all zeros, where a plain shift overflows).
fn mask(prefix: u8) -> u32 {
    match prefix {
        0 => 0,
        p => u32::MAX << (32 - u32::from(p.min(32))),
    }
}

impl fmt::Display for Subnet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

impl FromStr for Subnet {
    type Err = Masalahs;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Refuse `new` when it overlaps any subnet of the plan, naming every conflicting one by
/// its record code and CIDR (000 Pasal 19).
pub fn check_plan(new: &Subnet, existing: &[(String, Subnet)]) -> Result<(), Masalahs> {
    let found = existing
        .iter()
        .filter(|(_, s)| s.overlaps(new))
        .map(|(kode, s)| overlap(new, s, kode))
        .collect();
    Masalahs::into_result(found)
}

/// The problem of `new` overlapping `s` of record `kode`.
fn overlap(new: &Subnet, s: &Subnet, kode: &str) -> Masalah {
    // Overlapping blocks are nested: the one with the longer prefix is the inner one
    // (sharing the network address does not make `new` the inner one).
    let how = if s == new {
        "sama dengan"
    } else if s.prefix < new.prefix {
        "berada di dalam"
    } else {
        "mencakup"
    };
    Masalah::new(
        "subnet_tumpang_tindih",
        format!("Subnet {new} {how} subnet {s} milik {kode}."),
    )
}

/// An IP plan indexed for checking many subnets in a row (a spreadsheet import), where
/// [`check_plan`] over a list would make the import quadratic. CIDR blocks are nested or
/// disjoint, so a subnet overlapping `new` either has its network inside `new` (a range
/// of the ordered map) or contains `new` (one lookup per shorter prefix).
#[derive(Debug, Clone, Default)]
pub struct SubnetPlan {
    /// (network, prefix) → (insertion order, record code): several records may share one
    /// CIDR (a plan stored before the rule, the rows of a file being checked).
    by_net: BTreeMap<(u32, u8), Vec<(usize, String)>>,
    len: usize,
}

impl SubnetPlan {
    /// Add subnet `net` of record `kode`.
    pub fn insert(&mut self, kode: String, net: Subnet) {
        let key = (u32::from(net.network), net.prefix);
        self.by_net.entry(key).or_default().push((self.len, kode));
        self.len += 1;
    }

    /// What [`check_plan`] says of `new` against this plan's subnets in insertion order.
    pub fn check(&self, new: &Subnet) -> Result<(), Masalahs> {
        let start = u32::from(new.network);
        let end = u32::from(new.broadcast());
        let inside = self.by_net.range((start, 0)..=(end, 32));
        // Containing blocks whose network is `start` itself are already in the range.
        let around = (0..new.prefix)
            .map(|p| (start & mask(p), p))
            .filter(|(n, _)| *n != start)
            .filter_map(|k| self.by_net.get_key_value(&k));
        let mut found: Vec<(usize, Masalah)> = inside
            .chain(around)
            .flat_map(|(&(n, p), codes)| {
                let s = Subnet {
                    network: Ipv4Addr::from(n),
                    prefix: p,
                };
                codes
                    .iter()
                    .map(move |(i, kode)| (*i, overlap(new, &s, kode)))
            })
            .collect();
        found.sort_by_key(|(i, _)| *i);
        Masalahs::into_result(found.into_iter().map(|(_, m)| m).collect())
    }
}

impl FromIterator<(String, Subnet)> for SubnetPlan {
    fn from_iter<I: IntoIterator<Item = (String, Subnet)>>(iter: I) -> Self {
        let mut plan = Self::default();
        for (kode, net) in iter {
            plan.insert(kode, net);
        }
        plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(x: &str) -> Subnet {
        Subnet::parse(x).unwrap()
    }

    #[test]
    fn parses_and_displays() {
        assert_eq!(s(" 10.63.1.0/24 ").to_string(), "10.63.1.0/24");
        assert_eq!(s("0.0.0.0/0").size(), 1 << 32);
        assert_eq!(s("10.63.1.7/32").broadcast(), Ipv4Addr::new(10, 63, 1, 7));
        assert_eq!(s("10.63.1.0/24").broadcast(), Ipv4Addr::new(10, 63, 1, 255));
        assert_eq!("192.168.0.0/16".parse::<Subnet>().unwrap().prefix(), 16);
    }

    #[test]
    fn refuses_malformed_with_codes() {
        let e = Subnet::parse("10.63.1.0").unwrap_err();
        assert_eq!(e.0[0].kode, "subnet_format");
        let e = Subnet::parse("10.63.1/24").unwrap_err();
        assert_eq!(e.0[0].kode, "subnet_format");
        let e = Subnet::parse("10.63.1.0/33").unwrap_err();
        assert_eq!(e.0[0].kode, "subnet_prefix");
        let e = Subnet::parse("300.1.1.0/x").unwrap_err();
        let codes: Vec<_> = e.0.iter().map(|m| m.kode).collect();
        assert_eq!(codes, ["subnet_format", "subnet_prefix"]);
        assert!(Subnet::parse("10.0.0.0/+8").is_err());
    }

    #[test]
    fn host_bits_name_the_network() {
        let e = Subnet::parse("10.63.1.5/24").unwrap_err();
        assert_eq!(e.0[0].kode, "subnet_bit_host");
        assert!(e.0[0].pesan.contains("10.63.1.0/24"), "{}", e.0[0].pesan);
    }

    #[test]
    fn overlap_and_plan() {
        assert!(s("10.0.0.0/8").overlaps(&s("10.63.1.0/24")));
        assert!(s("10.63.1.0/24").overlaps(&s("10.0.0.0/8")));
        assert!(!s("10.63.1.0/24").overlaps(&s("10.63.2.0/24")));
        let plan = vec![
            ("NET-DINKES".to_owned(), s("10.63.1.0/24")),
            ("NET-DISDIK".to_owned(), s("10.63.2.0/24")),
            ("NET-ALL".to_owned(), s("10.63.0.0/16")),
        ];
        assert!(check_plan(&s("10.64.0.0/24"), &plan).is_ok());
        let e = check_plan(&s("10.63.1.128/25"), &plan).unwrap_err();
        assert_eq!(e.0.len(), 2);
        assert!(e.0.iter().all(|m| m.kode == "subnet_tumpang_tindih"));
        assert!(e.0[0].pesan.contains("NET-DINKES") && e.0[0].pesan.contains("10.63.1.0/24"));
        let e = check_plan(&s("10.63.2.0/24"), &plan).unwrap_err();
        assert!(e.0[0].pesan.contains("sama dengan"));
        let e = check_plan(&s("10.63.2.0/23"), &plan[1..2]).unwrap_err();
        assert!(
            e.0[0].pesan.contains("10.63.2.0/23 mencakup"),
            "{}",
            e.0[0].pesan
        );
    }

    #[test]
    fn the_index_says_what_the_list_says() {
        // A deterministic mix of nested, equal and disjoint blocks around 10.0.0.0/8.
        let mut seed = 0x2545_f491_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        let mut list: Vec<(String, Subnet)> = Vec::new();
        let mut plan = SubnetPlan::default();
        for i in 0..3000 {
            let prefix = (next() % 25) as u8 + 8;
            let addr = Ipv4Addr::from(0x0a00_0000 | (next() & 0x00ff_ffff));
            let new = Subnet::from_parts(addr, prefix);
            let want = check_plan(&new, &list).map_err(|e| e.0);
            assert_eq!(plan.check(&new).map_err(|e| e.0), want, "{new}");
            list.push((format!("NET-{i}"), new));
            plan.insert(format!("NET-{i}"), new);
        }
        let whole: SubnetPlan = list.iter().cloned().collect();
        assert_eq!(
            whole.check(&s("0.0.0.0/0")).map_err(|e| e.0.len()),
            Err(3000)
        );
    }
}
