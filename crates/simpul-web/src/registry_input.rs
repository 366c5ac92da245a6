//! Turning raw registry input (form, API, spreadsheet row) into a record to store: the
//! domain's validation plus the rules that need other records — the IP plan must not
//! overlap (000 Pasal 19), a PD subdomain must sit under the region's domain (000 Pasal 21).

use simpul_domain::FieldProblems;
use simpul_domain::ids::ItemId;
use simpul_domain::registry::domain_name::{DomainName, check_email_domain, check_subdomain};
use simpul_domain::registry::subnet::{Subnet, SubnetPlan};
use simpul_domain::registry::{ItemInput, Jenis, NewItem};
use simpul_store::registry::item::{self, ItemFilter};
use simpul_store::{Db, StoreError, pd, region};

use crate::auth::User;

/// Whether the user may change records owned by `owner` (records without an owner belong
/// to the region: only the super admin changes those).
pub fn can_edit(user: &User, owner: Option<&simpul_domain::org::PerangkatDaerah>) -> bool {
    use simpul_domain::access::{Action, Target};
    match owner {
        Some(p) => user.can_pd(Action::UbahDataPd, p),
        None => user.can(Action::UbahDataPd, Target::Region),
    }
}

/// Whether the user may record data for PD `owner` (which must exist and be active).
pub async fn owner_allowed(
    db: &Db,
    user: &User,
    owner: Option<simpul_domain::ids::PdId>,
) -> Result<bool, StoreError> {
    Ok(match owner {
        None => can_edit(user, None),
        Some(id) => match pd::get(db, id).await {
            Ok(p) => can_edit(user, Some(&p)) && !p.diarsipkan,
            Err(StoreError::NotFound) => false,
            Err(e) => return Err(e),
        },
    })
}

/// Whether the user may change this stored record.
pub async fn may_change(
    db: &Db,
    user: &User,
    it: &simpul_domain::registry::Item,
) -> Result<bool, StoreError> {
    let owner = match it.pd {
        Some(p) => Some(pd::get(db, p).await?),
        None => None,
    };
    Ok(can_edit(user, owner.as_ref()))
}

/// The other records a new one is checked against, loaded once for a form or for a whole
/// import: loading the IP plan again for every row made a large import quadratic.
#[derive(Debug, Clone, Default)]
pub struct Others {
    /// The stored IP plan (empty unless the kind is a subnet).
    subnets: SubnetPlan,
    /// The region's domain, when set and well formed (only for domain names).
    region_domain: Option<DomainName>,
}

impl Others {
    /// What records of kind `jenis` are checked against; `editing` is left out of it.
    pub async fn load(db: &Db, jenis: Jenis, editing: Option<ItemId>) -> Result<Self, StoreError> {
        let mut others = Self::default();
        match jenis {
            Jenis::Subnet => {
                let filter = ItemFilter {
                    jenis: Some(Jenis::Subnet),
                    ..ItemFilter::default()
                };
                let (stored, _) = item::list(db, &filter, 100_000, 0).await?;
                others.subnets = stored
                    .into_iter()
                    .filter(|o| Some(o.id) != editing)
                    .filter_map(|o| {
                        let net = Subnet::parse(o.atribut.get("cidr")?).ok()?;
                        Some((o.kode, net))
                    })
                    .collect();
            }
            Jenis::NamaDomain => {
                others.region_domain = region::get(db)
                    .await?
                    .and_then(|r| r.domain)
                    .and_then(|d| DomainName::parse(&d).ok());
            }
            _ => {}
        }
        Ok(others)
    }
}

/// Validate `input` as a record of kind `jenis`; `editing` is the record being changed.
pub async fn validate(
    db: &Db,
    jenis: Jenis,
    input: &ItemInput,
    editing: Option<ItemId>,
) -> Result<Result<NewItem, FieldProblems>, StoreError> {
    let new = match NewItem::parse(jenis, input) {
        Ok(n) => n,
        Err(p) => return Ok(Err(p)),
    };
    let others = Others::load(db, jenis, editing).await?;
    Ok(against(new, &others))
}

/// Validate `input` as a new record of kind `jenis` against `others`, loaded beforehand
/// with [`Others::load`] for the same kind.
pub fn validate_with(
    jenis: Jenis,
    input: &ItemInput,
    others: &Others,
) -> Result<NewItem, FieldProblems> {
    NewItem::parse(jenis, input).and_then(|new| against(new, others))
}

fn against(new: NewItem, others: &Others) -> Result<NewItem, FieldProblems> {
    let mut problems = FieldProblems::default();
    match new.jenis {
        Jenis::Subnet => {
            if let Some(cidr) = new.atribut.get("cidr").and_then(|c| Subnet::parse(c).ok())
                && let Err(m) = others.subnets.check(&cidr)
            {
                problems.add("atribut.cidr", m);
            }
        }
        Jenis::NamaDomain => {
            if let Some(parent) = &others.region_domain
                && let Some(name) = new
                    .atribut
                    .get("nama")
                    .and_then(|n| DomainName::parse(n).ok())
            {
                let checked = match new.atribut.get("jenis").map(String::as_str) {
                    Some("subdomain_pd") => check_subdomain(&name, parent),
                    Some("email_resmi") => check_email_domain(&name, parent),
                    _ => Ok(()),
                };
                if let Err(m) = checked {
                    problems.add("atribut.nama", m);
                }
            }
        }
        _ => {}
    }
    if problems.is_empty() {
        Ok(new)
    } else {
        Err(problems)
    }
}
