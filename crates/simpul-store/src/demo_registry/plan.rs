//! The generated registry before it is stored: raw record input (validated later by
//! `NewItem::parse`, like any form or spreadsheet row) and relations by position.

use std::collections::{BTreeMap, HashSet};

use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_domain::registry::{ItemInput, Jenis, RelasiJenis};

use super::rng::Rng;

/// One PD as the generator sees it.
pub(super) struct Unit {
    pub id: PdId,
    pub kode: String,
    /// Short name for record names ("Dinkes", "Kecamatan Batulicin").
    pub singkat: String,
    pub jenis: JenisPd,
    /// Which name pools fit it (see `names::role`).
    pub role: &'static str,
}

impl Unit {
    /// DNS label for its subdomain.
    pub fn label(&self) -> String {
        self.kode.to_lowercase().replace('_', "-")
    }
}

/// Everything the generator needs to know.
pub(super) struct Ctx {
    pub units: Vec<Unit>,
    /// Index of the SPBE manager (the Dinas) in `units`.
    pub dinas: usize,
    pub wilayah: String,
    pub domain: String,
    /// Second octet of the region's private address block `10.<net>.0.0/16`.
    pub net: u8,
    pub large: bool,
    pub rng: Rng,
}

impl Ctx {
    /// The id of unit `u`, as a record's owner.
    pub fn pd(&self, u: usize) -> Option<PdId> {
        self.units.get(u).map(|x| x.id)
    }

    /// The first unit with this role, else the Dinas.
    pub fn unit_of(&self, role: &str) -> usize {
        self.units
            .iter()
            .position(|u| u.role == role)
            .unwrap_or(self.dinas)
    }
}

/// One record to create.
pub(super) struct Rec {
    pub jenis: Jenis,
    pub input: ItemInput,
}

/// The generated registry.
#[derive(Default)]
pub(super) struct Plan {
    pub recs: Vec<Rec>,
    pub rels: Vec<(usize, usize, RelasiJenis)>,
    seen: HashSet<(usize, usize, RelasiJenis)>,
    /// Index of the heavily shared server.
    pub shared_server: usize,
    /// Per-PD counters for codes such as `APL-DINKES-003`.
    counters: BTreeMap<(Jenis, String), usize>,
}

impl Plan {
    /// Add a record; returns its index.
    pub fn add(
        &mut self,
        jenis: Jenis,
        kode: String,
        nama: String,
        pd: Option<PdId>,
        status: &str,
        atribut: Vec<(&str, String)>,
    ) -> usize {
        let input = ItemInput {
            kode,
            nama,
            deskripsi: String::new(),
            pd,
            status: status.to_owned(),
            atribut: atribut
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect(),
        };
        self.recs.push(Rec { jenis, input });
        self.recs.len() - 1
    }

    /// The next code `<prefix>-<PD>-<n>` of this kind for unit `u`, `width` digits.
    pub fn next_code(
        &mut self,
        jenis: Jenis,
        prefix: &str,
        ctx: &Ctx,
        u: usize,
        width: usize,
    ) -> String {
        let kode = &ctx.units[u].kode;
        let n = self.counters.entry((jenis, kode.clone())).or_default();
        *n += 1;
        format!("{prefix}-{kode}-{:0width$}", *n)
    }

    /// Relate record `a` to `b`; a repeat (or, for integration, the reverse) is ignored.
    pub fn relate(&mut self, a: usize, b: usize, j: RelasiJenis) {
        if a == b
            || self.seen.contains(&(a, b, j))
            || (j == RelasiJenis::TerintegrasiDengan && self.seen.contains(&(b, a, j)))
        {
            return;
        }
        self.seen.insert((a, b, j));
        self.rels.push((a, b, j));
    }
}
