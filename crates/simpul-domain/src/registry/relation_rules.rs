//! Which relations may join which kinds, and which relation kinds must stay acyclic.
//!
//! The table keeps the graph meaningful for impact analysis (ARC-8): "hosted on" ends at
//! infrastructure, "delivers" ends at a service, and so on. Generic dependency
//! (`bergantung_pada`) is deliberately open: real estates have dependencies no table
//! foresees (a server on a network link, an application on a domain name).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::{Item, Jenis, RelasiJenis};
use crate::ids::ItemId;
use crate::problem::{Masalah, Masalahs};

use Jenis as J;

/// Allowed `(dari, ke)` kinds per relation kind; `None` means any pair.
fn allowed(jenis: RelasiJenis) -> Option<&'static [(Jenis, &'static [Jenis])]> {
    const HOSTS: &[Jenis] = &[J::Server, J::PusatData];
    match jenis {
        RelasiJenis::DihostingDi => Some(&[
            (J::Aplikasi, HOSTS),
            (J::Data, HOSTS),
            (J::SitusWeb, HOSTS),
            (J::Server, &[J::PusatData]),
        ]),
        // A PD website delivers the information service of its PD, like an application.
        RelasiJenis::Menyediakan => {
            Some(&[(J::Aplikasi, &[J::Layanan]), (J::SitusWeb, &[J::Layanan])])
        }
        RelasiJenis::Menggunakan => Some(&[
            (J::ProsesBisnis, &[J::Layanan, J::Aplikasi, J::Data]),
            (J::Layanan, &[J::Aplikasi, J::Data]),
            (J::Aplikasi, &[J::Data]),
        ]),
        RelasiJenis::BergantungPada => None,
        RelasiJenis::TerintegrasiDengan => Some(&[
            (J::Aplikasi, &[J::Aplikasi, J::Layanan]),
            (J::Layanan, &[J::Aplikasi]),
        ]),
    }
}

/// The kinds a relation of `jenis` may point to from a record of kind `dari` (for forms).
pub fn allowed_targets(jenis: RelasiJenis, dari: Jenis) -> Vec<Jenis> {
    match allowed(jenis) {
        None => Jenis::ALL.to_vec(),
        Some(table) => table
            .iter()
            .filter(|(d, _)| *d == dari)
            .flat_map(|(_, ke)| ke.iter().copied())
            .collect(),
    }
}

/// Whether a relation of `jenis` may join a `dari` record to a `ke` record.
pub fn check_relation(jenis: RelasiJenis, dari: Jenis, ke: Jenis) -> Result<(), Masalahs> {
    let targets = allowed_targets(jenis, dari);
    if targets.contains(&ke) {
        return Ok(());
    }
    let rel = jenis.code().replace('_', " ");
    let pesan = if targets.is_empty() {
        format!(
            "Rekaman jenis {} tidak dapat memiliki relasi \"{rel}\".",
            dari.code()
        )
    } else {
        let names: Vec<&str> = targets.iter().map(|j| j.code()).collect();
        format!(
            "Relasi \"{rel}\" dari {} hanya boleh ke: {} (bukan {}).",
            dari.code(),
            names.join(", "),
            ke.code()
        )
    };
    Err(Masalahs::one("relasi_tidak_diizinkan", pesan))
}

/// Everything that can be checked on the two stored records of a new relation: not the
/// same record, neither archived, and the kinds allowed by the table. All problems at once.
pub fn check_endpoints(jenis: RelasiJenis, dari: &Item, ke: &Item) -> Result<(), Masalahs> {
    let mut found = Vec::new();
    if dari.id == ke.id {
        found.push(Masalah::new(
            "relasi_diri_sendiri",
            "Rekaman tidak dapat berelasi dengan dirinya sendiri.",
        ));
    }
    let ends = if dari.id == ke.id {
        vec![dari]
    } else {
        vec![dari, ke]
    };
    for it in ends.into_iter().filter(|it| it.diarsipkan) {
        found.push(Masalah::new(
            "relasi_ke_arsip",
            format!(
                "{} ({}) sudah diarsipkan; relasi baru tidak dapat dibuat.",
                it.nama, it.kode
            ),
        ));
    }
    if let Err(m) = check_relation(jenis, dari.jenis, ke.jenis) {
        found.extend(m.0);
    }
    Masalahs::into_result(found)
}

/// Whether relations of this kind must never form a cycle. Integration is mutual by
/// nature; the others express dependency, where a cycle is a modelling error.
pub fn forbids_cycles(jenis: RelasiJenis) -> bool {
    !matches!(jenis, RelasiJenis::TerintegrasiDengan)
}

/// Whether adding `new = (dari, ke)` to `existing` (edges of the same relation kind)
/// closes a cycle, i.e. `dari == ke` or `ke` already reaches `dari`.
pub fn would_cycle(new: (ItemId, ItemId), existing: &[(ItemId, ItemId)]) -> bool {
    let (dari, ke) = new;
    if dari == ke {
        return true;
    }
    let mut next: BTreeMap<ItemId, Vec<ItemId>> = BTreeMap::new();
    for (a, b) in existing {
        next.entry(*a).or_default().push(*b);
    }
    let mut seen = BTreeSet::from([ke]);
    let mut queue = VecDeque::from([ke]);
    while let Some(n) = queue.pop_front() {
        for m in next.get(&n).into_iter().flatten() {
            if *m == dari {
                return true;
            }
            if seen.insert(*m) {
                queue.push_back(*m);
            }
        }
    }
    false
}

/// Refuse a relation to itself, and one that closes a cycle where `jenis` forbids them.
pub fn check_cycle(
    jenis: RelasiJenis,
    new: (ItemId, ItemId),
    existing: &[(ItemId, ItemId)],
) -> Result<(), Masalahs> {
    if new.0 == new.1 {
        return Err(Masalahs::one(
            "relasi_diri_sendiri",
            "Rekaman tidak dapat berelasi dengan dirinya sendiri.",
        ));
    }
    if forbids_cycles(jenis) && would_cycle(new, existing) {
        return Err(Masalahs::one(
            "relasi_siklus",
            format!(
                "Relasi \"{}\" ini membentuk lingkaran: rekaman tujuan sudah bergantung pada rekaman asal.",
                jenis.code().replace('_', " ")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn id(n: u128) -> ItemId {
        ItemId(Uuid::from_u128(n))
    }

    #[test]
    fn table() {
        use RelasiJenis as R;
        assert!(check_relation(R::DihostingDi, J::Aplikasi, J::Server).is_ok());
        assert!(check_relation(R::DihostingDi, J::Server, J::PusatData).is_ok());
        assert!(check_relation(R::Menyediakan, J::Aplikasi, J::Layanan).is_ok());
        assert!(check_relation(R::Menggunakan, J::ProsesBisnis, J::Data).is_ok());
        assert!(check_relation(R::BergantungPada, J::Server, J::Jaringan).is_ok());
        assert!(check_relation(R::TerintegrasiDengan, J::Layanan, J::Aplikasi).is_ok());
        let e = check_relation(R::DihostingDi, J::Server, J::Aplikasi).unwrap_err();
        assert_eq!(e.0[0].kode, "relasi_tidak_diizinkan");
        assert!(e.0[0].pesan.contains("pusat_data"), "{}", e.0[0].pesan);
        let e = check_relation(R::Menyediakan, J::Layanan, J::Aplikasi).unwrap_err();
        assert!(e.0[0].pesan.contains("tidak dapat"), "{}", e.0[0].pesan);
        assert!(check_relation(R::Menggunakan, J::Data, J::Aplikasi).is_err());
        assert_eq!(
            allowed_targets(R::BergantungPada, J::Subnet).len(),
            Jenis::ALL.len()
        );
    }

    fn item(n: u128, jenis: Jenis, diarsipkan: bool) -> Item {
        Item {
            id: id(n),
            jenis,
            kode: format!("K-{n}"),
            nama: format!("Rekaman {n}"),
            deskripsi: None,
            pd: None,
            status: None,
            atribut: Default::default(),
            diarsipkan,
        }
    }

    #[test]
    fn endpoints() {
        let app = item(1, J::Aplikasi, false);
        let srv = item(2, J::Server, false);
        let old = item(3, J::Server, true);
        assert!(check_endpoints(RelasiJenis::DihostingDi, &app, &srv).is_ok());
        let e = check_endpoints(RelasiJenis::DihostingDi, &app, &old).unwrap_err();
        assert_eq!(e.0[0].kode, "relasi_ke_arsip");
        assert!(e.0[0].pesan.contains("K-3"));
        let e = check_endpoints(RelasiJenis::DihostingDi, &old, &old).unwrap_err();
        let codes: Vec<_> = e.0.iter().map(|m| m.kode).collect();
        assert_eq!(
            codes,
            [
                "relasi_diri_sendiri",
                "relasi_ke_arsip",
                "relasi_tidak_diizinkan"
            ]
        );
    }

    #[test]
    fn cycles() {
        assert!(forbids_cycles(RelasiJenis::DihostingDi));
        assert!(!forbids_cycles(RelasiJenis::TerintegrasiDengan));
        let chain = [(id(1), id(2)), (id(2), id(3))];
        assert!(would_cycle((id(3), id(1)), &chain));
        assert!(would_cycle((id(4), id(4)), &[]));
        assert!(!would_cycle((id(1), id(3)), &chain));
        assert!(!would_cycle((id(4), id(1)), &chain));
        let e = check_cycle(RelasiJenis::BergantungPada, (id(3), id(1)), &chain).unwrap_err();
        assert_eq!(e.0[0].kode, "relasi_siklus");
        assert!(check_cycle(RelasiJenis::TerintegrasiDengan, (id(3), id(1)), &chain).is_ok());
        let e = check_cycle(RelasiJenis::TerintegrasiDengan, (id(1), id(1)), &[]).unwrap_err();
        assert_eq!(e.0[0].kode, "relasi_diri_sendiri");
    }
}
