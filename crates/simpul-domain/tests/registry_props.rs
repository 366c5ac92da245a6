//! Property tests for the registry: subnets, domain names, attribute values, and impact
//! analysis on random graphs checked against a naive shortest-path computation.
#![allow(clippy::unwrap_used, reason = "tests fail loudly on purpose")]

use std::collections::BTreeMap;
use std::net::Ipv4Addr;

use proptest::prelude::*;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::domain_name::DomainName;
use simpul_domain::registry::impact::{dependency, dependents};
use simpul_domain::registry::relation_rules::would_cycle;
use simpul_domain::registry::spec::{FieldKind, fields};
use simpul_domain::registry::subnet::{Subnet, check_plan};
use simpul_domain::registry::value::{canonical, fmt_date};
use simpul_domain::registry::{ItemInput, Jenis, NewItem, RelasiJenis};
use time::{Date, Duration};
use uuid::Uuid;

fn any_subnet() -> impl Strategy<Value = Subnet> {
    (any::<u32>(), 0u8..=32).prop_map(|(a, p)| Subnet::from_parts(Ipv4Addr::from(a), p))
}

/// Subnets drawn from a small space so that overlaps actually happen.
fn near_subnet() -> impl Strategy<Value = Subnet> {
    (0u32..64, 24u8..=30)
        .prop_map(|(a, p)| Subnet::from_parts(Ipv4Addr::from(0x0A3F_0000 | (a << 4)), p))
}

fn label() -> impl Strategy<Value = String> {
    "[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?"
}

fn id(n: u8) -> ItemId {
    ItemId(Uuid::from_u128(u128::from(n)))
}

fn rel() -> impl Strategy<Value = RelasiJenis> {
    proptest::sample::select(RelasiJenis::ALL.to_vec())
}

/// Shortest dependency distance from every record to `target`, by relaxation.
fn naive_depths(target: ItemId, edges: &[(ItemId, ItemId, RelasiJenis)]) -> BTreeMap<ItemId, u32> {
    let deps: Vec<_> = edges
        .iter()
        .filter_map(|(d, k, j)| dependency(*j, *d, *k))
        .collect();
    let mut dist = BTreeMap::from([(target, 0u32)]);
    loop {
        let mut changed = false;
        for (dependent, dep) in &deps {
            if let Some(&d) = dist.get(dep) {
                let cand = d + 1;
                if dist.get(dependent).is_none_or(|&x| cand < x) {
                    dist.insert(*dependent, cand);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    dist.remove(&target);
    dist
}

proptest! {
    #[test]
    fn subnet_display_round_trips(s in any_subnet()) {
        prop_assert_eq!(Subnet::parse(&s.to_string()).unwrap(), s);
    }

    #[test]
    fn subnet_host_bits_are_refused(a in any::<u32>(), p in 0u8..32) {
        let addr = Ipv4Addr::from(a);
        let net = Subnet::from_parts(addr, p);
        let parsed = Subnet::parse(&format!("{addr}/{p}"));
        if net.network() == addr {
            prop_assert_eq!(parsed.unwrap(), net);
        } else {
            let e = parsed.unwrap_err();
            prop_assert_eq!(e.0[0].kode, "subnet_bit_host");
            prop_assert!(e.0[0].pesan.contains(&net.to_string()));
        }
    }

    #[test]
    fn overlap_is_symmetric_and_means_containment(a in near_subnet(), b in near_subnet()) {
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        prop_assert_eq!(a.overlaps(&b), a.contains(b.network()) || b.contains(a.network()));
        // Prefixes of 24..=30 keep every network small enough to compare address by address.
        let shared = (0..a.size()).any(|i| {
            b.contains(Ipv4Addr::from(u32::from(a.network()) + u32::try_from(i).unwrap()))
        });
        prop_assert_eq!(shared, a.overlaps(&b));
        let plan = vec![("NET-B".to_owned(), b)];
        prop_assert_eq!(check_plan(&a, &plan).is_err(), a.overlaps(&b));
    }

    #[test]
    fn subnet_parse_never_panics(s in "\\PC{0,24}") {
        let _ = Subnet::parse(&s);
    }

    #[test]
    fn domain_names_round_trip_and_nest(labels in proptest::collection::vec(label(), 1..5), upper in any::<bool>()) {
        let parent = DomainName::parse("tanbukab.go.id").unwrap();
        let name = format!("{}.tanbukab.go.id", labels.join("."));
        let typed = if upper { name.to_uppercase() } else { name.clone() };
        let d = DomainName::parse(&typed).unwrap();
        prop_assert_eq!(d.as_str(), name.as_str());
        prop_assert_eq!(DomainName::parse(d.as_str()).unwrap(), d.clone());
        prop_assert!(d.is_under(&parent));
        prop_assert!(!parent.is_under(&d));
    }

    #[test]
    fn domain_parse_never_panics_and_errors_are_not_empty(s in "\\PC{0,40}") {
        if let Err(e) = DomainName::parse(&s) {
            prop_assert!(!e.0.is_empty());
        }
    }

    #[test]
    fn dates_in_every_accepted_form_canonicalise(days in 0i64..60_000) {
        let d = Date::from_calendar_date(1950, time::Month::January, 1).unwrap() + Duration::days(days);
        let want = fmt_date(d);
        let (y, m, dd) = (d.year(), u8::from(d.month()), d.day());
        for typed in [want.clone(), format!("{dd:02}-{m:02}-{y}"), format!("{dd}/{m}/{y}")] {
            prop_assert_eq!(canonical(FieldKind::Date, &typed).unwrap(), want.clone());
        }
    }

    #[test]
    fn parse_never_panics_on_arbitrary_attributes(
        kind in proptest::sample::select(Jenis::ALL.to_vec()),
        values in proptest::collection::vec("\\PC{0,30}", 0..12),
    ) {
        let atribut: BTreeMap<String, String> =
            fields(kind).iter().map(|f| f.name.to_owned()).zip(values).collect();
        let i = ItemInput { kode: "K-1".into(), nama: "N".into(), atribut, ..ItemInput::default() };
        match NewItem::parse(kind, &i) {
            // A valid record is a fixed point of parsing.
            Ok(it) => {
                let again = NewItem::parse(kind, &ItemInput { atribut: it.atribut.clone(), ..i }).unwrap();
                prop_assert_eq!(again, it);
            }
            Err(p) => prop_assert!(p.0.values().all(|ms| !ms.is_empty())),
        }
    }

    #[test]
    fn impact_matches_shortest_paths(
        raw in proptest::collection::vec((0u8..12, 0u8..12, rel()), 0..40),
        t in 0u8..12,
    ) {
        let edges: Vec<_> = raw.iter().map(|(a, b, j)| (id(*a), id(*b), *j)).collect();
        let target = id(t);
        let got = dependents(target, &edges);
        let want = naive_depths(target, &edges);
        // Exactly the reachable records, each once, at its shortest depth, never the target.
        let got_map: BTreeMap<_, _> = got.iter().map(|d| (d.id, d.depth)).collect();
        prop_assert_eq!(got_map.len(), got.len());
        prop_assert_eq!(&got_map, &want);
        prop_assert!(got.iter().all(|d| d.id != target));
        // Deterministic order, and `via` is a real dependency one step closer.
        prop_assert!(got.windows(2).all(|w| (w[0].depth, w[0].id) < (w[1].depth, w[1].id)));
        for d in &got {
            let via_depth = if d.via == target { 0 } else { want[&d.via] };
            prop_assert_eq!(via_depth + 1, d.depth);
            let linked = edges.iter().any(|(a, b, j)| dependency(*j, *a, *b) == Some((d.id, d.via)));
            prop_assert!(linked);
        }
    }

    #[test]
    fn would_cycle_iff_reverse_path_exists(
        raw in proptest::collection::vec((0u8..8, 0u8..8), 0..16),
        a in 0u8..8,
        b in 0u8..8,
    ) {
        let existing: Vec<_> = raw.iter().map(|(x, y)| (id(*x), id(*y))).collect();
        let as_deps: Vec<_> = existing.iter().map(|(x, y)| (*x, *y, RelasiJenis::BergantungPada)).collect();
        // Read as dependencies, the records that (transitively) depend on `a` are exactly
        // those from which `a` is reachable, so the impact walk is the oracle.
        let reach = dependents(id(a), &as_deps).iter().any(|d| d.id == id(b));
        prop_assert_eq!(would_cycle((id(a), id(b)), &existing), a == b || reach);
    }
}
