//! The permission rules. Every web and API handler asks here; nothing else decides.
//!
//! A role held in a PD covers that PD and its child units (UPT, kelurahan), so that the
//! administrator of a Dinas also looks after its UPTs. Region-wide roles (super_admin,
//! tim_koordinasi, asesor_internal, auditor, pimpinan) read across PDs; only super_admin
//! changes the region's structure.

use crate::access::role::{Grant, Role};
use crate::ids::PdId;

/// Something a user wants to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// See the list and details of PDs.
    LihatPd,
    /// Create, edit or archive a PD.
    KelolaPd,
    /// See staff of the target PD.
    LihatPegawai,
    /// Create or edit staff of the target PD.
    KelolaPegawai,
    /// Grant or revoke this role in the target PD.
    KelolaPeran(Role),
    /// Read the audit trail (of the target PD, or all of it for a region target).
    LihatJejakAudit,
    /// Read the coordination team.
    LihatTimKoordinasi,
    /// Change the coordination team.
    KelolaTimKoordinasi,
    /// Change the records a PD owns (registry entries, evidence).
    UbahDataPd,
    /// Record and change the region's planning documents (Rencana Induk, Arsitektur,
    /// Peta Rencana, internal policies) and their reviews. Asked with the Dinas as the
    /// target: the Dinas drafts and keeps them (001 Lampiran B; 003 Pasal 7), so its
    /// administrators and the super admin may change them.
    KelolaPerencanaan,
    /// Run the region's self-evaluation: open periods, assign indicators to PDs and
    /// PDs to assessors, submit, approve, enter the national result, reword criteria.
    /// The coordination team runs the exercise (000 Pasal 43), with the Dinas.
    KelolaEvaluasi,
    /// Consolidate the evaluation answers of an indicator the target PD leads.
    KonsolidasiEvaluasi,
    /// Review evidence of an indicator the target PD leads. Only the role is decided
    /// here: whether the PD is in the assessor's team for the period is decided by
    /// `evaluation::alur`, which knows the assignment.
    NilaiEvaluasi,
    /// Register and edit the target PD's bus services, its consumers (applications and
    /// their credentials) and its grant requests: its administrators.
    KelolaBus,
    /// Review bus services and grants (000 Pasal 22(4)(c)), switch services off, revoke
    /// grants and credentials, define data elements. Asked with the Dinas as the target
    /// (`bus::siapa`): its administrators and the super admin.
    TinjauBus,
    /// Read the exchanges the bus recorded (metadata, never bodies): of the target PD's
    /// consumers or services for its administrators; region-wide for the Dinas (as
    /// reviewer), auditors and the data-protection officer.
    LihatPertukaranBus,
    /// Look up, by a resident's NIK, which exchanges carried it (the personal-data
    /// ledger): the data-protection officer, region-wide.
    LacakNik,
}

/// What the action is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The region as a whole.
    Region,
    /// One PD, with its parent if it is a unit under another PD.
    Pd {
        /// The PD.
        pd: PdId,
        /// Its parent PD.
        induk: Option<PdId>,
    },
}

/// Whether a user holding `grants` may perform `action` on `target`.
pub fn permits(grants: &[Grant], action: Action, target: Target) -> bool {
    grants.iter().any(|g| grant_permits(g, action, target))
}

fn grant_permits(g: &Grant, action: Action, target: Target) -> bool {
    let own = match target {
        Target::Region => false,
        Target::Pd { pd, induk } => g.pd == pd || induk == Some(g.pd),
    };
    let reader = matches!(
        g.role,
        Role::TimKoordinasi | Role::AsesorInternal | Role::Auditor | Role::Pimpinan
    );
    match (g.role, action) {
        (Role::SuperAdmin, _) => true,
        (_, Action::LihatPd | Action::LihatTimKoordinasi) => true,
        (_, Action::LihatPegawai) => reader || own,
        (Role::AdminPd, Action::KelolaPegawai | Action::UbahDataPd) => own,
        (Role::AdminPd, Action::KelolaPeran(Role::AdminPd | Role::OperatorPd)) => own,
        (Role::AdminPd, Action::LihatJejakAudit) => own,
        (Role::AdminPd, Action::KelolaPerencanaan) => own,
        (Role::AdminPd, Action::KonsolidasiEvaluasi) => own,
        (Role::AdminPd, Action::KelolaBus | Action::TinjauBus) => own,
        (Role::AdminPd, Action::LihatPertukaranBus) => own,
        (Role::Auditor | Role::PelindunganData, Action::LihatPertukaranBus) => true,
        (Role::PelindunganData, Action::LacakNik) => true,
        (Role::OperatorPd, Action::UbahDataPd) => own,
        (Role::TimKoordinasi, Action::KelolaEvaluasi) => true,
        (Role::AsesorInternal, Action::NilaiEvaluasi) => true,
        (Role::Auditor | Role::Pimpinan, Action::LihatJejakAudit) => true,
        _ => false,
    }
}
