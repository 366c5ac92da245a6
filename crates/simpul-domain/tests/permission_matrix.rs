//! The permission matrix: role × (own PD, child unit, other PD, region) × action, written
//! out in full so that any change to the rules shows up here as a failing row.

use simpul_domain::access::{Action, Grant, Role, Target, permits};
use simpul_domain::ids::PdId;
use uuid::Uuid;

fn pd(n: u128) -> PdId {
    PdId::from_uuid(Uuid::from_u128(n))
}

const OWN: u128 = 1;
const OTHER: u128 = 2;

fn targets() -> [(&'static str, Target); 4] {
    [
        (
            "own",
            Target::Pd {
                pd: pd(OWN),
                induk: None,
            },
        ),
        (
            "child",
            Target::Pd {
                pd: pd(3),
                induk: Some(pd(OWN)),
            },
        ),
        (
            "other",
            Target::Pd {
                pd: pd(OTHER),
                induk: None,
            },
        ),
        ("region", Target::Region),
    ]
}

fn actions() -> Vec<(&'static str, Action)> {
    vec![
        ("LihatPd", Action::LihatPd),
        ("KelolaPd", Action::KelolaPd),
        ("LihatPegawai", Action::LihatPegawai),
        ("KelolaPegawai", Action::KelolaPegawai),
        ("Peran:super_admin", Action::KelolaPeran(Role::SuperAdmin)),
        ("Peran:admin_pd", Action::KelolaPeran(Role::AdminPd)),
        ("Peran:operator_pd", Action::KelolaPeran(Role::OperatorPd)),
        ("Peran:auditor", Action::KelolaPeran(Role::Auditor)),
        ("LihatJejakAudit", Action::LihatJejakAudit),
        ("LihatTimKoordinasi", Action::LihatTimKoordinasi),
        ("KelolaTimKoordinasi", Action::KelolaTimKoordinasi),
        ("UbahDataPd", Action::UbahDataPd),
        ("KelolaPerencanaan", Action::KelolaPerencanaan),
        ("KelolaEvaluasi", Action::KelolaEvaluasi),
        ("KonsolidasiEvaluasi", Action::KonsolidasiEvaluasi),
        ("NilaiEvaluasi", Action::NilaiEvaluasi),
        ("KelolaBus", Action::KelolaBus),
        ("TinjauBus", Action::TinjauBus),
        ("LihatPertukaranBus", Action::LihatPertukaranBus),
        ("LacakNik", Action::LacakNik),
    ]
}

/// Expected answers: for each role and action, four letters for own / child / other /
/// region: `Y` allowed, `-` refused.
const MATRIX: &[(&str, &[(&str, &str)])] = &[
    (
        "super_admin",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "YYYY"),
            ("LihatPegawai", "YYYY"),
            ("KelolaPegawai", "YYYY"),
            ("Peran:super_admin", "YYYY"),
            ("Peran:admin_pd", "YYYY"),
            ("Peran:operator_pd", "YYYY"),
            ("Peran:auditor", "YYYY"),
            ("LihatJejakAudit", "YYYY"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "YYYY"),
            ("UbahDataPd", "YYYY"),
            ("KelolaPerencanaan", "YYYY"),
            ("KelolaEvaluasi", "YYYY"),
            ("KonsolidasiEvaluasi", "YYYY"),
            ("NilaiEvaluasi", "YYYY"),
            ("KelolaBus", "YYYY"),
            ("TinjauBus", "YYYY"),
            ("LihatPertukaranBus", "YYYY"),
            ("LacakNik", "YYYY"),
        ],
    ),
    (
        "admin_pd",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YY--"),
            ("KelolaPegawai", "YY--"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "YY--"),
            ("Peran:operator_pd", "YY--"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "YY--"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "YY--"),
            ("KelolaPerencanaan", "YY--"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "YY--"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "YY--"),
            ("TinjauBus", "YY--"),
            ("LihatPertukaranBus", "YY--"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "operator_pd",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YY--"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "----"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "YY--"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "----"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "tim_koordinasi",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YYYY"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "----"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "----"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "YYYY"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "----"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "asesor_internal",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YYYY"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "----"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "----"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "YYYY"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "----"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "auditor",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YYYY"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "YYYY"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "----"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "YYYY"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "pimpinan",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YYYY"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "YYYY"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "----"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "----"),
            ("LacakNik", "----"),
        ],
    ),
    (
        "pelindungan_data",
        &[
            ("LihatPd", "YYYY"),
            ("KelolaPd", "----"),
            ("LihatPegawai", "YY--"),
            ("KelolaPegawai", "----"),
            ("Peran:super_admin", "----"),
            ("Peran:admin_pd", "----"),
            ("Peran:operator_pd", "----"),
            ("Peran:auditor", "----"),
            ("LihatJejakAudit", "----"),
            ("LihatTimKoordinasi", "YYYY"),
            ("KelolaTimKoordinasi", "----"),
            ("UbahDataPd", "----"),
            ("KelolaPerencanaan", "----"),
            ("KelolaEvaluasi", "----"),
            ("KonsolidasiEvaluasi", "----"),
            ("NilaiEvaluasi", "----"),
            ("KelolaBus", "----"),
            ("TinjauBus", "----"),
            ("LihatPertukaranBus", "YYYY"),
            ("LacakNik", "YYYY"),
        ],
    ),
];

#[test]
fn matrix_covers_every_role_and_action() {
    assert_eq!(MATRIX.len(), Role::ALL.len());
    for (_, rows) in MATRIX {
        assert_eq!(rows.len(), actions().len());
    }
}

#[test]
fn every_cell_of_the_matrix_holds() {
    let mut wrong = Vec::new();
    for (role_code, rows) in MATRIX {
        let role = Role::parse(role_code).unwrap();
        let grants = [Grant { role, pd: pd(OWN) }];
        for (action_name, expected) in *rows {
            let action = actions()
                .into_iter()
                .find(|(n, _)| n == action_name)
                .unwrap()
                .1;
            for ((target_name, target), want) in targets().into_iter().zip(expected.chars()) {
                let got = permits(&grants, action, target);
                if got != (want == 'Y') {
                    wrong.push(format!(
                        "{role_code} {action_name} {target_name}: got {got}"
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "matrix cells differ:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_grants_permit_nothing() {
    for (_, action) in actions() {
        for (_, target) in targets() {
            assert!(!permits(&[], action, target));
        }
    }
}

#[test]
fn grants_combine_across_pds() {
    let grants = [
        Grant {
            role: Role::OperatorPd,
            pd: pd(OWN),
        },
        Grant {
            role: Role::AdminPd,
            pd: pd(OTHER),
        },
    ];
    let other = Target::Pd {
        pd: pd(OTHER),
        induk: None,
    };
    let own = Target::Pd {
        pd: pd(OWN),
        induk: None,
    };
    assert!(permits(&grants, Action::KelolaPegawai, other));
    assert!(!permits(&grants, Action::KelolaPegawai, own));
}
