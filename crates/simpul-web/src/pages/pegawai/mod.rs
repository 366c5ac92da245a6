//! Pages for staff: list, detail with roles, create, edit, password reset, grant/revoke.

mod detail;
mod form;
mod list;
mod roles;

pub use detail::detail;
pub use form::{create, edit_form, new_form, update};
pub use list::list;
pub use roles::{grant, reset_password, revoke};

use simpul_domain::Masalahs;
use simpul_domain::access::Action;
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_store::pd::{self, PdFilter};

use crate::auth::{User, password};
use crate::error::PageError;
use crate::state::AppState;

/// The PDs whose staff the user may see or manage, for filters and forms.
pub async fn pds_where(
    st: &AppState,
    user: &User,
    action: Action,
) -> Result<Vec<PerangkatDaerah>, PageError> {
    let all = pd::list(&st.db, &PdFilter::default()).await?;
    Ok(all.into_iter().filter(|p| user.can_pd(action, p)).collect())
}

/// Whether a user may place staff in a PD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Yes.
    Allowed,
    /// No such PD.
    Unknown,
    /// The PD is archived and accepts no new staff.
    Archived,
    /// The user does not manage that PD's staff.
    Forbidden,
}

impl Placement {
    /// The field problem shown for a refusal.
    pub fn problem(self) -> Masalahs {
        match self {
            Self::Allowed => Masalahs(Vec::new()),
            Self::Unknown => Masalahs::one("pd_tidak_dikenal", "PD tidak dikenal."),
            Self::Archived => Masalahs::one(
                "pd_diarsipkan",
                "PD ini diarsipkan dan tidak menerima pegawai.",
            ),
            Self::Forbidden => Masalahs::one(
                "pd_tidak_boleh",
                "Anda tidak berwenang menambah atau memindahkan pegawai ke PD ini.",
            ),
        }
    }
}

/// Decide whether `user` may put staff into PD `pd_id` (pages and API alike).
pub async fn placement(
    st: &AppState,
    user: &User,
    pd_id: PdId,
) -> Result<Placement, simpul_store::StoreError> {
    let p = match pd::get(&st.db, pd_id).await {
        Ok(p) => p,
        Err(simpul_store::StoreError::NotFound) => return Ok(Placement::Unknown),
        Err(e) => return Err(e),
    };
    Ok(if !user.can_pd(Action::KelolaPegawai, &p) {
        Placement::Forbidden
    } else if p.diarsipkan {
        Placement::Archived
    } else {
        Placement::Allowed
    })
}

/// Hash off the async threads: Argon2 is deliberately slow.
pub async fn hash_blocking(sandi: String) -> Result<String, PageError> {
    tokio::task::spawn_blocking(move || password::hash(&sandi))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))
}
