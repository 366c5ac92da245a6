//! The evaluation models the web edge serves: the shipped ones, parsed once at start-up,
//! and each with the region's reworded criteria applied when a page asks for it.

use std::sync::Arc;

use simpul_domain::evaluation::{Crosswalk, Level, Model, shipped_crosswalks, shipped_models};
use simpul_store::Db;
use simpul_store::evaluasi::kriteria;

use crate::error::PageError;

/// The shipped models and crosswalks.
#[derive(Debug, Clone, Default)]
pub struct ModelSet {
    models: Arc<Vec<Model>>,
    crosswalks: Arc<Vec<Crosswalk>>,
}

impl ModelSet {
    /// Parse the shipped files. They are compiled in and tested, so a failure is a bug:
    /// it is logged and the evaluation pages show no models rather than the server
    /// refusing to start.
    pub fn shipped() -> Self {
        let models = match shipped_models() {
            Ok(m) => m,
            Err(e) => {
                tracing::error!("shipped evaluation models do not load: {e}");
                Vec::new()
            }
        };
        let crosswalks = match shipped_crosswalks(&models) {
            Ok(c) => c,
            Err(e) => {
                tracing::error!("shipped crosswalks do not load: {e}");
                Vec::new()
            }
        };
        Self {
            models: Arc::new(models),
            crosswalks: Arc::new(crosswalks),
        }
    }

    /// Every model, oldest first.
    pub fn all(&self) -> &[Model] {
        &self.models
    }

    /// The model with code `kode`, as shipped.
    pub fn get(&self, kode: &str) -> Option<&Model> {
        self.models.iter().find(|m| m.kode() == kode)
    }

    /// The crosswalk from `dari` to `ke`, if one is shipped.
    pub fn crosswalk(&self, dari: &str, ke: &str) -> Option<&Crosswalk> {
        self.crosswalks
            .iter()
            .find(|c| c.dari == dari && c.ke == ke)
    }

    /// The model with code `kode` with the region's wording of criteria applied; a
    /// missing model is a 404.
    pub async fn with_region_wording(&self, db: &Db, kode: &str) -> Result<Model, PageError> {
        let mut model = self.get(kode).cloned().ok_or(PageError::NotFound)?;
        for k in kriteria::of_model(db, kode).await? {
            if let Some(level) = Level::new(k.level) {
                // A stored text for an indicator the model lacks is ignored, not fatal.
                let _ = model.ganti_kriteria(k.nomor, level, &k.teks);
            }
        }
        Ok(model)
    }
}
