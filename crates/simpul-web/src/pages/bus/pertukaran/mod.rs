//! What the gateway recorded, from the evidence index (`simpul_store::bus::pertukaran`):
//! the exchanges searched and shown one by one ([`cari`]), the personal-data ledger
//! looked up by NIK ([`nik`]), the monitoring dashboard ([`pantau`]) and the published
//! checkpoint key (`/bus/kunci-publik`, public: verifiers need it without an account).
//!
//! Who sees which exchange is the domain's rule
//! (`simpul_domain::bus::siapa::boleh_lihat_pertukaran`); [`akses`] turns it into the
//! store's query scope, so a list never holds a row its reader may not open.

mod cari;
mod grafik;
mod nik;
mod pantau;

use std::collections::HashMap;

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use simpul_domain::access::Target;
use simpul_domain::bus::siapa::{boleh_lihat_pertukaran, lihat_semua_pertukaran};
use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_store::bus::pertukaran::{Lingkup, Pertukaran};
use simpul_store::pd::{self, PdFilter};
use time::{OffsetDateTime, UtcOffset};

use crate::auth::User;
use crate::auth::current::target_of;
use crate::error::PageError;
use crate::format_id::{desimal, tanggal_waktu_detik};
use crate::i18n::Lang;
use crate::state::AppState;

/// The routes of these pages.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/bus/pertukaran", get(cari::list))
        .route("/bus/pertukaran/{seq}", get(cari::detail))
        .route("/bus/nik", get(nik::form).post(nik::lookup))
        .route("/bus/pantau", get(pantau::show))
        .route("/bus/kunci-publik", get(kunci_publik))
}

/// `GET /bus/kunci-publik`: the checkpoint public key, 64 hex characters (public).
async fn kunci_publik(State(st): State<AppState>) -> Response {
    match &st.bus {
        Some(b) => (
            StatusCode::OK,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n", b.kunci_publik),
        )
            .into_response(),
        None => PageError::NotFound.into_response(),
    }
}

/// What a user may see of the exchanges, and the PDs by id (for names and targets).
pub struct Akses {
    /// The store's query scope.
    pub lingkup: Lingkup,
    /// The Dinas (`pengelola_spbe`), as the rule needs it.
    pub dinas: Option<Target>,
    /// Every PD, archived ones too (old exchanges name them).
    pub pds: HashMap<PdId, PerangkatDaerah>,
}

impl Akses {
    /// May the user open this exchange? The domain's rule, row by row.
    pub fn boleh(&self, user: &User, p: &Pertukaran) -> bool {
        let t = |id: Option<uuid::Uuid>| id.and_then(|u| self.pds.get(&PdId(u))).map(target_of);
        boleh_lihat_pertukaran(
            &user.grants,
            self.dinas,
            t(p.konsumen_pd_id),
            t(p.layanan_pd_id),
        )
    }

    /// The PDs the user may filter by, by name.
    pub fn pilihan_pd(&self) -> Vec<&PerangkatDaerah> {
        let mut v: Vec<&PerangkatDaerah> = match &self.lingkup {
            Lingkup::Semua => self.pds.values().collect(),
            Lingkup::Pd(ids) => ids.iter().filter_map(|i| self.pds.get(i)).collect(),
        };
        v.sort_by(|a, b| a.nama.cmp(&b.nama));
        v
    }
}

/// The user's access to exchanges; `None` when they may see none (a 403).
pub async fn akses(st: &AppState, user: &User) -> Result<Option<Akses>, PageError> {
    let dinas = pd::pengelola(&st.db).await?.map(|d| target_of(&d));
    let all = pd::list(
        &st.db,
        &PdFilter {
            termasuk_arsip: true,
            ..PdFilter::default()
        },
    )
    .await?;
    let lingkup = if lihat_semua_pertukaran(&user.grants, dinas) {
        Lingkup::Semua
    } else {
        // A PD is in scope when an exchange of its consumer would be visible: the same
        // rule as `Akses::boleh`, asked once per PD.
        let ids: Vec<PdId> = all
            .iter()
            .filter(|p| boleh_lihat_pertukaran(&user.grants, dinas, Some(target_of(p)), None))
            .map(|p| p.id)
            .collect();
        if ids.is_empty() {
            return Ok(None);
        }
        Lingkup::Pd(ids)
    };
    Ok(Some(Akses {
        lingkup,
        dinas,
        pds: all.into_iter().map(|p| (p.id, p)).collect(),
    }))
}

/// A time from the index (unix µs) in the region's zone, to the second, the Indonesian
/// way: `5 Maret 2026 14.03.27 WITA`.
pub fn waktu(us: i64, offset: UtcOffset) -> String {
    match OffsetDateTime::from_unix_timestamp_nanos(i128::from(us) * 1000) {
        Ok(t) => tanggal_waktu_detik(t, offset),
        Err(_) => us.to_string(),
    }
}

/// Microseconds as milliseconds with one decimal: `12,3 ms`.
pub fn ms(us: i64) -> String {
    format!("{} ms", desimal(us as f64 / 1000.0, 1))
}

/// An exchange as a table row shows it.
pub struct Baris {
    /// Sequence number (the detail page's id).
    pub seq: i64,
    /// When, local.
    pub waktu: String,
    /// `PD/kode/versi`.
    pub layanan: String,
    /// Consumer name (or code, when unknown).
    pub konsumen: String,
    /// Consumer's PD code.
    pub konsumen_pd: String,
    /// Officer NIP.
    pub petugas: String,
    /// Purpose.
    pub tujuan: String,
    /// Outcome, translated.
    pub status: String,
    /// The outcome's badge class.
    pub badge: &'static str,
    /// HTTP status.
    pub http: i32,
    /// Problem code.
    pub kode: String,
    /// Total time.
    pub durasi: String,
}

/// The rows of `list`, in `lang`, times in `offset`.
pub fn baris(list: &[Pertukaran], lang: Lang, offset: UtcOffset) -> Vec<Baris> {
    list.iter()
        .map(|p| Baris {
            seq: p.seq,
            waktu: waktu(p.waktu_us, offset),
            layanan: p.layanan_key(),
            konsumen: p
                .konsumen_nama
                .clone()
                .unwrap_or_else(|| p.konsumen.clone()),
            konsumen_pd: p.konsumen_pd.clone().unwrap_or_default(),
            petugas: p.petugas.clone().unwrap_or_default(),
            tujuan: p.tujuan.clone().unwrap_or_default(),
            status: lang.t(&format!("bp-status-{}", p.status)),
            badge: match p.status.as_str() {
                "diteruskan" => "badge-ok",
                "ditolak" => "badge-warn",
                _ => "badge-danger",
            },
            http: p.http,
            kode: p.kode_masalah.clone().unwrap_or_default(),
            durasi: ms(p.total_us),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_durations_the_indonesian_way() {
        let wita = UtcOffset::from_hms(8, 0, 0).unwrap_or(UtcOffset::UTC);
        // 2026-03-05 06:03:27.5 UTC
        let us = 1_772_690_607_500_000;
        assert_eq!(waktu(us, wita), "5 Maret 2026 14.03.27 WITA");
        assert_eq!(ms(12_345), "12,3 ms");
        assert_eq!(ms(1_234_567), "1.234,6 ms");
    }
}
