//! Who may act on the bus directory, as questions to `access::permits`: the owning
//! PD's administrator manages its services, consumers and grant requests
//! (`Action::KelolaBus` on that PD); the Dinas reviews, switches off and revokes
//! (`Action::TinjauBus` asked with the Dinas — the `pengelola_spbe` PD — as target,
//! so its administrators and the super admin may).

use crate::access::{Action, Grant, Target, permits};

/// May these grants manage the bus entries of the PD `target`?
pub fn boleh_kelola(grants: &[Grant], target: Target) -> bool {
    permits(grants, Action::KelolaBus, target)
}

/// May these grants review? `dinas` is the `pengelola_spbe` PD; without one marked,
/// only a region-wide grant (super admin) may.
pub fn boleh_tinjau(grants: &[Grant], dinas: Option<Target>) -> bool {
    permits(grants, Action::TinjauBus, dinas.unwrap_or(Target::Region))
}

/// May these grants see an exchange whose consumer belongs to `pd_konsumen` and whose
/// service to `pd_layanan` (either unknown when the log names a code no longer in the
/// directory)? Region-wide readers (auditor, data-protection officer, super admin) and
/// the Dinas as reviewer see every exchange; a PD's administrator sees those where its
/// PD (or a unit under it) is the consumer or the owner.
pub fn boleh_lihat_pertukaran(
    grants: &[Grant],
    dinas: Option<Target>,
    pd_konsumen: Option<Target>,
    pd_layanan: Option<Target>,
) -> bool {
    lihat_semua_pertukaran(grants, dinas)
        || [pd_konsumen, pd_layanan]
            .into_iter()
            .flatten()
            .any(|t| permits(grants, Action::LihatPertukaranBus, t))
}

/// May these grants see every exchange (so a search needs no PD scope)?
pub fn lihat_semua_pertukaran(grants: &[Grant], dinas: Option<Target>) -> bool {
    permits(grants, Action::LihatPertukaranBus, Target::Region) || boleh_tinjau(grants, dinas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::Role;
    use crate::ids::PdId;
    use uuid::Uuid;

    fn pd(n: u128) -> PdId {
        PdId::from_uuid(Uuid::from_u128(n))
    }

    fn t(n: u128) -> Target {
        Target::Pd {
            pd: pd(n),
            induk: None,
        }
    }

    #[test]
    fn owners_manage_and_dinas_reviews() {
        let admin_a = [Grant {
            role: Role::AdminPd,
            pd: pd(1),
        }];
        let admin_dinas = [Grant {
            role: Role::AdminPd,
            pd: pd(9),
        }];
        let operator_dinas = [Grant {
            role: Role::OperatorPd,
            pd: pd(9),
        }];
        let sa = [Grant {
            role: Role::SuperAdmin,
            pd: pd(9),
        }];
        assert!(boleh_kelola(&admin_a, t(1)));
        assert!(!boleh_kelola(&admin_a, t(2)));
        assert!(!boleh_kelola(&operator_dinas, t(9)));
        assert!(!boleh_tinjau(&admin_a, Some(t(9))));
        assert!(boleh_tinjau(&admin_dinas, Some(t(9))));
        assert!(!boleh_tinjau(&operator_dinas, Some(t(9))));
        assert!(!boleh_tinjau(&admin_dinas, None));
        assert!(boleh_tinjau(&sa, None));
        assert!(boleh_tinjau(&sa, Some(t(9))));
    }

    #[test]
    fn who_sees_exchanges() {
        let g = |role, n| [Grant { role, pd: pd(n) }];
        let dinas = Some(t(9));
        let see = |gr: &[Grant], k: Option<Target>, l: Option<Target>| {
            boleh_lihat_pertukaran(gr, dinas, k, l)
        };
        // Consumer of PD 1 calling a service of PD 2.
        let (k, l) = (Some(t(1)), Some(t(2)));
        assert!(see(&g(Role::AdminPd, 1), k, l), "consumer's PD");
        assert!(see(&g(Role::AdminPd, 2), k, l), "owner's PD");
        assert!(!see(&g(Role::AdminPd, 3), k, l), "unrelated PD");
        assert!(!see(&g(Role::AdminPd, 3), None, None), "unknown PDs");
        assert!(see(&g(Role::AdminPd, 9), k, l), "the Dinas reviews");
        assert!(see(&g(Role::Auditor, 3), k, l));
        assert!(see(&g(Role::PelindunganData, 3), None, None));
        assert!(see(&g(Role::SuperAdmin, 3), k, l));
        assert!(!see(&g(Role::OperatorPd, 1), k, l), "operators do not");
        assert!(!see(&g(Role::Pimpinan, 1), k, l));
        assert!(!see(&g(Role::TimKoordinasi, 1), k, l));
        // A unit under PD 1 is its administrator's too.
        let unit = Some(Target::Pd {
            pd: pd(5),
            induk: Some(pd(1)),
        });
        assert!(see(&g(Role::AdminPd, 1), unit, l));
        assert!(lihat_semua_pertukaran(&g(Role::Auditor, 3), dinas));
        assert!(!lihat_semua_pertukaran(&g(Role::AdminPd, 1), dinas));
        assert!(!lihat_semua_pertukaran(&g(Role::AdminPd, 9), None));
    }
}
