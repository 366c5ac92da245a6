//! The SPBE architecture registry (requirements ARC-1..8): records of the six domains and
//! the relations between them.
//!
//! One record type serves every kind ([`Jenis`]): the fields all kinds share are columns
//! (code, name, owner PD, status), and the fields particular to a kind are attributes,
//! described by that kind's field specification ([`spec`]) and validated against it. Forms,
//! the API, spreadsheet templates and exports are all driven by the same specification, so
//! adding a field to a kind is one change in one place.

pub mod domain_name;
pub mod impact;
pub mod kind;
pub mod parse;
pub mod relation;
pub mod relation_rules;
pub mod spec;
pub mod subnet;
pub mod value;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{ItemId, PdId};

pub use kind::{Domain, Jenis};
pub use relation::{Relasi, RelasiJenis};

/// A stored registry record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Id.
    pub id: ItemId,
    /// Kind (which also fixes the domain).
    pub jenis: Jenis,
    /// Code, unique within the kind (e.g. `APP-0001`).
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Free description.
    pub deskripsi: Option<String>,
    /// Owner PD.
    pub pd: Option<PdId>,
    /// Lifecycle status, from the kind's list.
    pub status: Option<String>,
    /// Kind-specific attributes, canonical text per the kind's specification.
    pub atribut: BTreeMap<String, String>,
    /// Archived records stay for history; no new relation may point to them.
    pub diarsipkan: bool,
}

/// Raw input for a record (form, API, spreadsheet row), before validation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ItemInput {
    /// Code.
    #[serde(default)]
    pub kode: String,
    /// Name.
    #[serde(default)]
    pub nama: String,
    /// Description.
    #[serde(default)]
    pub deskripsi: String,
    /// Owner PD id.
    #[serde(default)]
    pub pd: Option<PdId>,
    /// Status code.
    #[serde(default)]
    pub status: String,
    /// Attributes as typed.
    #[serde(default)]
    pub atribut: BTreeMap<String, String>,
}

/// A validated record to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewItem {
    /// Kind.
    pub jenis: Jenis,
    /// Code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Description.
    pub deskripsi: Option<String>,
    /// Owner PD.
    pub pd: Option<PdId>,
    /// Status.
    pub status: Option<String>,
    /// Attributes, canonical.
    pub atribut: BTreeMap<String, String>,
}
