//! A credible SPBE architecture registry for a demo region already loaded by
//! [`crate::demo::load`]: applications, datasets, services, business processes,
//! infrastructure and security, related the way a regional estate is. Generated
//! deterministically (same region and scale, same registry), validated like any input
//! (every record through `NewItem::parse`, every relation through `check_relation`, the
//! IP plan and subdomains through their checks), and stored with the bulk writes.
//!
//! Loading is idempotent: records whose code is already stored, and relations already
//! stored, are skipped, so a second load adds nothing and a large load after a normal one
//! adds only what is missing.

mod addressing;
mod business;
mod catalogue;
mod infra;
mod names;
mod plan;
mod rng;
mod security;
mod store;

use simpul_domain::registry::Jenis;

use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use crate::registry::bulk::BulkError;
use business::Targets;
use plan::{Ctx, Plan};

/// How big a registry to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// About 150 applications and 400 datasets over the region's PDs.
    Normal,
    /// For benchmarks: 60 PDs, 3,000 applications, 30,000 datasets, ~100,000 relations.
    Large,
}

impl Scale {
    /// Parse `normal` or `large`.
    pub fn from_code(s: &str) -> Option<Self> {
        match s {
            "normal" => Some(Self::Normal),
            "large" => Some(Self::Large),
            _ => None,
        }
    }

    fn targets(self) -> Targets {
        match self {
            Self::Normal => Targets {
                apps: 150,
                data: 400,
                services: 60,
                processes: 40,
                uses: 3,
                share: 3,
                integrations: 25,
            },
            Self::Large => Targets {
                apps: 3000,
                data: 30_000,
                services: 600,
                processes: 480,
                uses: 21,
                share: 5,
                integrations: 1000,
            },
        }
    }
}

/// PDs the large scale needs at least.
pub const LARGE_PDS: usize = 60;

/// What a load did, and what the demo registry holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Region name.
    pub wilayah: String,
    /// PDs created (large scale only).
    pub pd_baru: usize,
    /// Records created by this load.
    pub rekaman_baru: usize,
    /// Relations created by this load.
    pub relasi_baru: usize,
    /// Records of the demo registry per kind (created now or before).
    pub per_jenis: Vec<(Jenis, usize)>,
    /// Relations of the demo registry.
    pub relasi: usize,
    /// Code of the heavily shared server (many applications hosted on it), for the
    /// impact-analysis benchmark.
    pub server_bersama: String,
}

impl Summary {
    /// Records of the demo registry of one kind.
    pub fn count(&self, jenis: Jenis) -> usize {
        self.per_jenis
            .iter()
            .find(|(j, _)| *j == jenis)
            .map_or(0, |(_, n)| *n)
    }

    /// Records of the demo registry in all.
    pub fn rekaman(&self) -> usize {
        self.per_jenis.iter().map(|(_, n)| n).sum()
    }
}

/// Why the demo registry could not load.
#[derive(Debug, thiserror::Error)]
pub enum DemoRegistryError {
    /// The organisation demo has not been loaded.
    #[error("load the organisation demo (demo::load) before its registry")]
    NoRegion,
    /// The database holds another region.
    #[error("this database holds region {0}, not the demo region {1}")]
    OtherRegion(String, String),
    /// A generated record or relation failed validation (a bug the tests catch).
    #[error("generated demo record is invalid: {0}")]
    Invalid(String),
    /// A bulk write was refused.
    #[error(transparent)]
    Bulk(#[from] BulkError),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Load the demo registry of `region` (a name of [`crate::demo::REGIONS`], whose
/// organisation must already be loaded) at `scale`.
pub async fn load(
    db: &Db,
    actor: &Actor,
    region: &str,
    scale: Scale,
) -> Result<Summary, DemoRegistryError> {
    let stored = crate::region::get(db)
        .await?
        .ok_or(DemoRegistryError::NoRegion)?;
    if stored.profil.as_deref() != Some(region) {
        return Err(DemoRegistryError::OtherRegion(
            stored.nama,
            region.to_owned(),
        ));
    }
    let pd_baru = if scale == Scale::Large {
        store::ensure_units(db, actor, LARGE_PDS).await?
    } else {
        0
    };
    let units = store::units(db).await?;
    let dinas = units
        .iter()
        .position(|(_, pengelola)| *pengelola)
        .unwrap_or(0);
    let mut ctx = Ctx {
        units: units.into_iter().map(|(u, _)| u).collect(),
        dinas,
        wilayah: stored.nama.clone(),
        domain: stored.domain.clone().unwrap_or_default(),
        net: stored
            .kode
            .split('.')
            .next()
            .and_then(|p| p.parse().ok())
            .unwrap_or(100),
        large: scale == Scale::Large,
        rng: rng::Rng::from_text(&format!("{region}/{scale:?}")),
    };
    let plan = generate(&mut ctx, scale);
    let items = store::validate(&plan, &ctx)?;
    let (rekaman_baru, relasi_baru) = store::save(db, actor, &plan, &items).await?;
    let mut per_jenis: Vec<(Jenis, usize)> = Jenis::ALL
        .into_iter()
        .map(|j| (j, plan.recs.iter().filter(|r| r.jenis == j).count()))
        .collect();
    per_jenis.retain(|(_, n)| *n > 0);
    Ok(Summary {
        wilayah: stored.nama,
        pd_baru,
        rekaman_baru,
        relasi_baru,
        per_jenis,
        relasi: plan.rels.len(),
        server_bersama: plan.recs[plan.shared_server].input.kode.clone(),
    })
}

fn generate(ctx: &mut Ctx, scale: Scale) -> Plan {
    let mut plan = Plan::default();
    let hosts = infra::infrastructure(&mut plan, ctx);
    business::business(&mut plan, ctx, &hosts, &scale.targets());
    security::security(&mut plan, ctx);
    plan
}
