//! Demo regions: the five seed regions with their agencies, staff, roles and coordination
//! team, loaded from the TOML files under `demo/`. Loading is idempotent: what exists
//! (by PD code, NIP, grant, membership) is left alone, so a second load adds nothing.

use serde::Deserialize;
use simpul_domain::access::{Grant, Role};
use simpul_domain::ident::{Email, Nip};
use simpul_domain::ids::PdId;
use simpul_domain::org::{
    Bidang, JenisPd, Kedudukan, KodePd, NewPd, NewPegawai, Region, TingkatDaerah,
};
use time::Date;

use crate::audit::Actor;
use crate::db::Db;
use crate::error::StoreError;
use crate::{pd, pegawai, peran, region, tim};

/// The demo regions shipped, by name.
pub const REGIONS: &[(&str, &str)] = &[
    ("tanah-bumbu", include_str!("../demo/tanah-bumbu.toml")),
    ("gorontalo", include_str!("../demo/gorontalo.toml")),
    ("tanah-laut", include_str!("../demo/tanah-laut.toml")),
    ("pasuruan", include_str!("../demo/pasuruan.toml")),
    ("jambi", include_str!("../demo/jambi.toml")),
];

/// The password of every demo login; printed on start, never for production.
pub const DEMO_PASSWORD: &str = "simpul-demo-2026";

#[derive(Debug, Deserialize)]
struct DemoFile {
    wilayah: DemoWilayah,
    pd: Vec<DemoPd>,
    pegawai: Vec<DemoPegawai>,
    #[serde(default)]
    tim_koordinasi: Vec<DemoTim>,
}

#[derive(Debug, Deserialize)]
struct DemoWilayah {
    kode: String,
    nama: String,
    tingkat: String,
    domain: String,
    profil: String,
}

#[derive(Debug, Deserialize)]
struct DemoPd {
    kode: String,
    nama: String,
    singkatan: Option<String>,
    jenis: String,
    induk: Option<String>,
    #[serde(default)]
    pengelola_spbe: bool,
}

#[derive(Debug, Deserialize)]
struct DemoPegawai {
    nip: String,
    nama: String,
    jabatan: Option<String>,
    pd: String,
    #[serde(default)]
    peran: Vec<String>,
    #[serde(default)]
    login: bool,
}

#[derive(Debug, Deserialize)]
struct DemoTim {
    nip: String,
    kedudukan: String,
    bidang: Option<String>,
}

/// A demo login to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    /// Roles held.
    pub peran: Vec<String>,
    /// NIP to log in with.
    pub nip: String,
    /// Name.
    pub nama: String,
    /// PD code.
    pub pd: String,
}

/// What a load did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoSummary {
    /// Region name.
    pub wilayah: String,
    /// PDs created by this load.
    pub pd_baru: usize,
    /// Staff created by this load.
    pub pegawai_baru: usize,
    /// Grants created by this load.
    pub peran_baru: usize,
    /// The demo logins (all of them, new or not).
    pub logins: Vec<DemoLogin>,
}

/// Why a demo could not load.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// No such demo region.
    #[error(
        "unknown demo region {0:?}; choose one of: tanah-bumbu, gorontalo, tanah-laut, pasuruan, jambi"
    )]
    Unknown(String),
    /// The shipped file is wrong (a test catches this before release).
    #[error("demo file {0}: {1}")]
    Invalid(String, String),
    /// The database already serves another region.
    #[error("this database already holds region {0}; use a fresh data directory for another demo")]
    OtherRegion(String),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Load demo region `name` into `db`. `password_hash` is the hash of [`DEMO_PASSWORD`]
/// (hashing belongs to the web layer); `today` bounds the NIPs' service dates.
pub async fn load(
    db: &Db,
    name: &str,
    password_hash: &str,
    today: Date,
) -> Result<DemoSummary, DemoError> {
    let text = REGIONS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .ok_or_else(|| DemoError::Unknown(name.to_owned()))?;
    let bad = |what: String| DemoError::Invalid(name.to_owned(), what);
    let file: DemoFile = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    let actor = Actor::sistem();
    let mut summary = DemoSummary {
        wilayah: file.wilayah.nama.clone(),
        ..DemoSummary::default()
    };

    let w = &file.wilayah;
    let tingkat = TingkatDaerah::from_code(&w.tingkat)
        .ok_or_else(|| bad(format!("tingkat {:?}", w.tingkat)))?;
    match region::get(db).await? {
        Some(r) if r.kode != w.kode => return Err(DemoError::OtherRegion(r.nama)),
        Some(_) => {}
        None => {
            let r = Region {
                kode: w.kode.clone(),
                nama: w.nama.clone(),
                tingkat,
                domain: Some(w.domain.clone()),
                profil: Some(w.profil.clone()),
            };
            region::set(db, &actor, &r).await?;
        }
    }

    // Parents before children: a UPT names its parent by code.
    let mut pending: Vec<&DemoPd> = file.pd.iter().collect();
    while !pending.is_empty() {
        let before = pending.len();
        let mut next = Vec::new();
        for p in pending {
            let induk = match &p.induk {
                None => None,
                Some(k) => match pd::by_kode(db, k).await {
                    Ok(parent) => Some(parent.id),
                    Err(StoreError::NotFound) => {
                        next.push(p);
                        continue;
                    }
                    Err(e) => return Err(e.into()),
                },
            };
            if ensure_pd(db, &actor, p, induk).await.map_err(|e| match e {
                DemoError::Invalid(_, m) => bad(m),
                other => other,
            })? {
                summary.pd_baru += 1;
            }
        }
        if next.len() == before {
            return Err(bad(format!("unknown parent PD for {}", next[0].kode)));
        }
        pending = next;
    }

    for s in &file.pegawai {
        let (id, created) = ensure_pegawai(db, &actor, s, password_hash, today)
            .await
            .map_err(|e| match e {
                DemoError::Invalid(_, m) => bad(m),
                other => other,
            })?;
        summary.pegawai_baru += usize::from(created);
        let held = peran::of(db, id).await?;
        let pd_id = pd::by_kode(db, &s.pd).await?.id;
        for code in &s.peran {
            let role = Role::parse(code).map_err(|e| bad(e.to_string()))?;
            if !held
                .iter()
                .any(|g| g.grant.role == role && g.grant.pd == pd_id)
            {
                peran::grant(db, &actor, id, Grant { role, pd: pd_id }).await?;
                summary.peran_baru += 1;
            }
        }
        if s.login {
            summary.logins.push(DemoLogin {
                peran: s.peran.clone(),
                nip: s.nip.clone(),
                nama: s.nama.clone(),
                pd: s.pd.clone(),
            });
        }
    }

    let members = tim::list(db).await?;
    for t in &file.tim_koordinasi {
        let who = pegawai::by_nip(db, &t.nip).await?;
        let kedudukan = Kedudukan::from_code(&t.kedudukan)
            .ok_or_else(|| bad(format!("kedudukan {:?}", t.kedudukan)))?;
        let bidang = t
            .bidang
            .as_deref()
            .map(|b| Bidang::from_code(b).ok_or_else(|| bad(format!("bidang {b:?}"))))
            .transpose()?;
        if !members
            .iter()
            .any(|m| m.pegawai == who.id && m.kedudukan == kedudukan && m.bidang == bidang)
        {
            tim::add(db, &actor, who.id, kedudukan, bidang).await?;
        }
    }
    Ok(summary)
}

async fn ensure_pd(
    db: &Db,
    actor: &Actor,
    p: &DemoPd,
    induk: Option<PdId>,
) -> Result<bool, DemoError> {
    match pd::by_kode(db, &p.kode).await {
        Ok(_) => return Ok(false),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    let invalid = |m: String| DemoError::Invalid(String::new(), format!("pd {}: {m}", p.kode));
    let new = NewPd {
        kode: KodePd::parse(&p.kode).map_err(|e| invalid(e.to_string()))?,
        nama: p.nama.clone(),
        singkatan: p.singkatan.clone(),
        jenis: JenisPd::from_code(&p.jenis)
            .ok_or_else(|| invalid(format!("jenis {:?}", p.jenis)))?,
        induk,
    };
    pd::create(db, actor, &new, p.pengelola_spbe).await?;
    Ok(true)
}

async fn ensure_pegawai(
    db: &Db,
    actor: &Actor,
    s: &DemoPegawai,
    password_hash: &str,
    today: Date,
) -> Result<(simpul_domain::ids::PegawaiId, bool), DemoError> {
    let invalid = |m: String| DemoError::Invalid(String::new(), format!("pegawai {}: {m}", s.nip));
    let nip = Nip::parse(&s.nip, today).map_err(|e| invalid(e.to_string()))?;
    match pegawai::by_nip(db, nip.as_str()).await {
        Ok(p) => return Ok((p.id, false)),
        Err(StoreError::NotFound) => {}
        Err(e) => return Err(e.into()),
    }
    let pd_id = pd::by_kode(db, &s.pd)
        .await
        .map_err(|_| invalid(format!("unknown pd {}", s.pd)))?
        .id;
    let new = NewPegawai {
        nip,
        nama: s.nama.clone(),
        jabatan: s.jabatan.clone(),
        email: None::<Email>,
        pd: pd_id,
    };
    let hash = s.login.then_some(password_hash);
    let p = pegawai::create(db, actor, &new, hash).await?;
    Ok((p.id, true))
}
