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
}
