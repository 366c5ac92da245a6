//! The service bus pages (BUS-1..5), under `/bus`: the control plane — directory of
//! services with their OpenAPI documents, consumers and their credentials, grants, data
//! elements and the Dinas' review queue ([`kendali`]) — and what the gateway recorded:
//! the exchanges searched from the evidence index, the NIK lookup of the personal-data
//! ledger and the monitoring dashboard ([`pertukaran`]). Each module owns its routes.

use axum::Router;
use simpul_domain::access::{Action, Target};

use crate::auth::User;
use crate::state::AppState;

pub mod kendali;
pub mod pertukaran;

/// Every route of the bus pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(kendali::routes())
        .merge(pertukaran::routes())
}

/// One tab of the bus pages' sub-navigation.
#[derive(Debug, Clone)]
pub struct Tab {
    /// Fluent key of its label.
    pub key: &'static str,
    /// Where it leads.
    pub href: &'static str,
    /// Is it the page being shown?
    pub aktif: bool,
}

/// The bus pages' sub-navigation for `user`, with `aktif` (an href) marked: tabs
/// whose page would refuse the user are left out. Rendered by `_bus_tabs.html`.
pub async fn tabs(st: &AppState, user: &User, aktif: &str) -> Vec<Tab> {
    let mut t = vec![
        ("bus-tab-direktori", "/bus"),
        ("bus-tab-konsumen", "/bus/konsumen"),
        ("bus-tab-izin", "/bus/izin"),
        ("bus-tab-elemen", "/bus/elemen"),
    ];
    // The review queue is the Dinas' (asked with the Dinas as target); a database
    // error only hides the tab, the page itself still decides.
    if crate::api::bus::boleh_tinjau(st, user)
        .await
        .unwrap_or(false)
    {
        t.push(("bus-tab-tinjauan", "/bus/tinjauan"));
    }
    // Like the audit trail's menu entry: region-wide, or for a PD the user holds a role in.
    let pertukaran = user.can(Action::LihatPertukaranBus, Target::Region)
        || user.grants.iter().any(|g| {
            user.can(
                Action::LihatPertukaranBus,
                Target::Pd {
                    pd: g.pd,
                    induk: None,
                },
            )
        });
    if pertukaran {
        t.push(("bus-tab-pertukaran", "/bus/pertukaran"));
        t.push(("bus-tab-pantau", "/bus/pantau"));
    }
    if user.can(Action::LacakNik, Target::Region) {
        t.push(("bus-tab-nik", "/bus/nik"));
    }
    t.into_iter()
        .map(|(key, href)| Tab {
            key,
            href,
            aktif: href == aktif,
        })
        .collect()
}
