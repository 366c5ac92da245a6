//! Where the demo registry meets the database: extra PDs for the large scale, the PDs
//! as generator units, validation of the generated plan, and the idempotent bulk save.

use std::collections::{HashMap, HashSet};

use simpul_domain::ids::ItemId;
use simpul_domain::org::{JenisPd, KodePd, NewPd};
use simpul_domain::registry::domain_name::{DomainName, check_subdomain};
use simpul_domain::registry::relation_rules::check_relation;
use simpul_domain::registry::subnet::{Subnet, check_plan};
use simpul_domain::registry::{NewItem, RelasiJenis};
use uuid::Uuid;

use super::DemoRegistryError;
use super::names;
use super::plan::{Plan, Unit};
use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use crate::registry::bulk;
use crate::{on_db, pd};

/// Units added for the large scale: (code, name, role of the parent PD).
const EXTRA: &[(&str, &str, &str)] = &[
    ("UPTD_IFK", "UPTD Instalasi Farmasi Kabupaten", "kesehatan"),
    (
        "UPTD_LABKES",
        "UPTD Laboratorium Kesehatan Daerah",
        "kesehatan",
    ),
    ("UPTD_PSC", "UPTD Public Safety Center 119", "kesehatan"),
    ("UPTD_SAMPAH", "UPTD Pengelolaan Sampah", "lingkungan"),
    (
        "UPTD_PKB",
        "UPTD Pengujian Kendaraan Bermotor",
        "perhubungan",
    ),
    ("UPTD_TERMINAL", "UPTD Terminal Penumpang", "perhubungan"),
    ("UPTD_ALAT_BERAT", "UPTD Peralatan dan Perbengkelan", "pu"),
    (
        "UPTD_AIR_LIMBAH",
        "UPTD Pengelolaan Air Limbah Domestik",
        "pu",
    ),
    ("UPTD_PPA", "UPTD Perlindungan Perempuan dan Anak", "sosial"),
    ("UPTD_PANTI", "UPTD Panti Sosial Lanjut Usia", "sosial"),
    ("UPTD_PUSDATIN", "UPTD Pengelolaan Pusat Data", "kominfo"),
    (
        "UPTD_RADIO",
        "UPTD Radio Siaran Pemerintah Daerah",
        "kominfo",
    ),
    ("UPTD_PERPUS", "UPTD Perpustakaan Keliling", "arsip"),
];
const WILAYAH: &[&str] = &["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// Every unit the large scale may add, in the order it adds them: (code, name, role of
/// the parent PD).
fn candidates() -> Vec<(String, String, &'static str)> {
    let mut out: Vec<(String, String, &str)> = EXTRA
        .iter()
        .map(|(k, n, r)| ((*k).to_owned(), (*n).to_owned(), *r))
        .collect();
    for (i, w) in WILAYAH.iter().enumerate() {
        let n = i + 1;
        out.push((
            format!("UPTD_PKM_W{n:02}"),
            format!("UPTD Puskesmas Wilayah {w}"),
            "kesehatan",
        ));
        out.push((
            format!("UPTD_SATDIK_W{n:02}"),
            format!("UPTD Satuan Pendidikan Wilayah {w}"),
            "pendidikan",
        ));
        out.push((
            format!("UPTD_PAJAK_W{n:02}"),
            format!("UPTD Pelayanan Pajak Daerah Wilayah {w}"),
            "pendapatan",
        ));
    }
    out
}

/// Create generated UPTs until the region has `want` active PDs; returns how many.
pub(super) async fn ensure_units(db: &Db, actor: &Actor, want: usize) -> Result<usize, StoreError> {
    let mut existing = pd::list(db, &pd::PdFilter::default()).await?;
    let mut made = 0;
    for (kode, nama, parent_role) in candidates() {
        if existing.len() >= want {
            break;
        }
        if existing.iter().any(|p| p.kode.as_str() == kode) {
            continue;
        }
        let parent = existing
            .iter()
            .find(|p| names::role(p.jenis, &p.nama) == parent_role && p.jenis != JenisPd::Upt)
            .or_else(|| existing.iter().find(|p| p.pengelola_spbe))
            .map(|p| p.id);
        let new = NewPd {
            kode: KodePd::parse(&kode).map_err(|e| StoreError::Corrupt(e.to_string()))?,
            nama,
            singkatan: None,
            jenis: JenisPd::Upt,
            induk: parent,
        };
        existing.push(pd::create(db, actor, &new, false).await?);
        made += 1;
    }
    Ok(made)
}

/// The active PDs as generator units, with whether each manages SPBE: the region's own
/// PDs by code, then the generated ones in the order they were added (so adding them
/// never moves an existing PD's subnet).
pub(super) async fn units(db: &Db) -> Result<Vec<(Unit, bool)>, StoreError> {
    let mut all = pd::list(db, &pd::PdFilter::default()).await?;
    let order: Vec<String> = candidates().into_iter().map(|(k, _, _)| k).collect();
    all.sort_by_key(|p| {
        let rank = order.iter().position(|k| k == p.kode.as_str());
        (rank.is_some(), rank, p.kode.as_str().to_owned())
    });
    Ok(all
        .into_iter()
        .map(|p| {
            let singkat = match p.jenis {
                JenisPd::Kecamatan | JenisPd::Kelurahan => p.nama.clone(),
                _ => p.singkatan.clone().unwrap_or_else(|| p.nama.clone()),
            };
            let unit = Unit {
                id: p.id,
                kode: p.kode.as_str().to_owned(),
                role: names::role(p.jenis, &p.nama),
                singkat,
                jenis: p.jenis,
            };
            (unit, p.pengelola_spbe)
        })
        .collect())
}

/// Every record through `NewItem::parse`, the IP plan and the subdomains through their
/// checks, every relation through `check_relation`.
pub(super) fn validate(plan: &Plan, ctx: &super::Ctx) -> Result<Vec<NewItem>, DemoRegistryError> {
    let bad = |what: String| DemoRegistryError::Invalid(what);
    let region =
        DomainName::parse(&ctx.domain).map_err(|e| bad(format!("domain {}: {e:?}", ctx.domain)))?;
    let mut items = Vec::with_capacity(plan.recs.len());
    let mut subnets: Vec<(String, Subnet)> = Vec::new();
    for r in &plan.recs {
        let n = NewItem::parse(r.jenis, &r.input).map_err(|p| {
            let msgs: Vec<String> =
                p.0.iter()
                    .flat_map(|(f, ms)| ms.iter().map(move |m| format!("{f}: {}", m.pesan)))
                    .collect();
            bad(format!(
                "{} {}: {}",
                r.jenis.code(),
                r.input.kode,
                msgs.join("; ")
            ))
        })?;
        if let Some(net) = n.atribut.get("cidr").and_then(|c| Subnet::parse(c).ok()) {
            check_plan(&net, &subnets).map_err(|m| bad(format!("{}: {m:?}", n.kode)))?;
            subnets.push((n.kode.clone(), net));
        }
        if n.atribut.get("jenis").map(String::as_str) == Some("subdomain_pd") {
            let name = n
                .atribut
                .get("nama")
                .and_then(|d| DomainName::parse(d).ok());
            name.map_or(Err(()), |d| check_subdomain(&d, &region).map_err(|_| ()))
                .map_err(|()| bad(format!("{}: subdomain outside {region}", n.kode)))?;
        }
        items.push(n);
    }
    for (a, b, j) in &plan.rels {
        check_relation(*j, plan.recs[*a].jenis, plan.recs[*b].jenis).map_err(|m| {
            bad(format!(
                "{} -> {}: {m:?}",
                plan.recs[*a].input.kode, plan.recs[*b].input.kode
            ))
        })?;
    }
    Ok(items)
}

/// Store what is not stored yet: records by (kind, code), relations by their ends and
/// kind. Returns (records created, relations created).
pub(super) async fn save(
    db: &Db,
    actor: &Actor,
    plan: &Plan,
    items: &[NewItem],
) -> Result<(usize, usize), DemoRegistryError> {
    let rows: Vec<(Uuid, String, String)> =
        on_db!(db, p => sqlx::query_as("SELECT id, jenis, kode FROM arsitektur").fetch_all(p).await)
            .map_err(StoreError::from)?;
    let stored: HashMap<(String, String), ItemId> = rows
        .into_iter()
        .map(|(id, j, k)| ((j, k), ItemId(id)))
        .collect();
    let key = |n: &NewItem| (n.jenis.code().to_owned(), n.kode.clone());
    let fresh: Vec<NewItem> = items
        .iter()
        .filter(|n| !stored.contains_key(&key(n)))
        .cloned()
        .collect();
    let created = bulk::create_many(db, actor, &fresh).await?;
    let mut ids: HashMap<(String, String), ItemId> = stored;
    for it in &created {
        ids.insert((it.jenis.code().to_owned(), it.kode.clone()), it.id);
    }
    let id_of = |i: usize| items.get(i).and_then(|n| ids.get(&key(n)).copied());

    let rows: Vec<(Uuid, Uuid, String)> =
        on_db!(db, p => sqlx::query_as("SELECT dari, ke, jenis FROM relasi").fetch_all(p).await)
            .map_err(StoreError::from)?;
    let mut have: HashSet<(Uuid, Uuid, String)> = rows.into_iter().collect();
    let mut rels = Vec::new();
    for (a, b, j) in &plan.rels {
        let (Some(dari), Some(ke)) = (id_of(*a), id_of(*b)) else {
            return Err(DemoRegistryError::Invalid(format!(
                "relation end {a} or {b} not stored"
            )));
        };
        let code = j.code().to_owned();
        let reverse =
            *j == RelasiJenis::TerintegrasiDengan && have.contains(&(ke.0, dari.0, code.clone()));
        if reverse || !have.insert((dari.0, ke.0, code)) {
            continue;
        }
        rels.push((dari, ke, *j));
    }
    let added = bulk::add_relations(db, actor, &rels).await?;
    Ok((created.len(), added))
}
