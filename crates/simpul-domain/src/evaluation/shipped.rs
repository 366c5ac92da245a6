//! The models and crosswalk Simpul ships, compiled in, so a fresh installation can
//! evaluate without files beside the binary.

use super::crosswalk::Crosswalk;
use super::error::ModelErrors;
use super::model::Model;

/// (file name, TOML text) of every shipped model, oldest first.
pub const SHIPPED_MODELS: &[(&str, &str)] = &[
    (
        "spbe-2020.toml",
        include_str!("../../../../models/spbe-2020.toml"),
    ),
    (
        "pemdi-2026.toml",
        include_str!("../../../../models/pemdi-2026.toml"),
    ),
];

/// (file name, TOML text) of every shipped crosswalk.
pub const SHIPPED_CROSSWALKS: &[(&str, &str)] = &[(
    "crosswalk/spbe-2020_pemdi-2026.toml",
    include_str!("../../../../models/crosswalk/spbe-2020_pemdi-2026.toml"),
)];

/// Every shipped model, loaded; parse once and keep them (they never change at run
/// time).
pub fn shipped_models() -> Result<Vec<Model>, ModelErrors> {
    SHIPPED_MODELS
        .iter()
        .map(|(nama, teks)| Model::load(nama, teks))
        .collect()
}

/// Every shipped crosswalk, validated against `models` (normally [`shipped_models`]).
pub fn shipped_crosswalks(models: &[Model]) -> Result<Vec<Crosswalk>, ModelErrors> {
    SHIPPED_CROSSWALKS
        .iter()
        .map(|(nama, teks)| Crosswalk::load(nama, teks, models))
        .collect()
}
