//! `GET /bus/pantau`: the monitoring dashboard, from the evidence index, within what
//! the user may see: exchanges per hour (last 24 hours or 7 days), per service with the
//! share refused or failed and when its upstream last answered, a latency histogram,
//! refusals and failures by problem code; the upstream health the in-process gateway's
//! background check reports (`BusWeb::kesehatan`); the indexer's
//! state; a link to the gateway's `/metrics`.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use simpul_store::bus::pantau::{self as agregat, BATAS_LATENSI_MS};
use simpul_store::bus::{indeks, pertukaran::mikro};
use time::{Duration, OffsetDateTime};

use super::grafik::{Kolom, kolom};
use super::{akses, ms, waktu};
use crate::auth::PageUser;
use crate::chart::{BarOptions, bar_horizontal};
use crate::error::PageError;
use crate::format_id::{angka, persen};
use crate::pages::bus::{Tab, tabs};
use crate::pages::{Ctx, region_name, render};
use crate::state::AppState;

const JAM_US: i64 = 3_600_000_000;

/// `?rentang=24j` (default) or `7h`.
#[derive(Debug, Default, Deserialize)]
pub struct Q {
    #[serde(default)]
    rentang: String,
}

struct LayananBaris {
    key: String,
    jumlah: String,
    bermasalah: String,
    rata: String,
    terakhir: String,
    terakhir_diteruskan: String,
    sehat: Option<bool>,
}

#[derive(Template)]
#[template(path = "bus_pantau.html")]
struct Page {
    ctx: Ctx,
    tabs: Vec<Tab>,
    tujuh_hari: bool,
    total: String,
    bermasalah: String,
    grafik_jam: String,
    grafik_layanan: String,
    grafik_latensi: String,
    grafik_masalah: String,
    layanan: Vec<LayananBaris>,
    kesehatan: Vec<(String, bool)>,
    metrics_url: Option<String>,
    indeks_seq: i64,
    indeks_diubah: String,
    indeks_masalah: Option<String>,
}

fn latensi_label(i: usize) -> String {
    let b = BATAS_LATENSI_MS;
    let f = |ms: i64| {
        if ms >= 1000 {
            format!("{} s", ms / 1000)
        } else {
            format!("{ms} ms")
        }
    };
    match (i.checked_sub(1).and_then(|j| b.get(j)), b.get(i)) {
        (None, Some(hi)) => format!("< {}", f(*hi)),
        (Some(lo), Some(hi)) => format!("{}–{}", f(*lo), f(*hi)),
        (Some(lo), None) => format!("≥ {}", f(*lo)),
        (None, None) => String::new(),
    }
}

/// `GET /bus/pantau`.
pub async fn show(
    State(st): State<AppState>,
    PageUser(user, lang): PageUser,
    Query(q): Query<Q>,
) -> Result<Response, PageError> {
    let Some(a) = akses(&st, &user).await? else {
        return Err(PageError::Forbidden);
    };
    let tujuh_hari = q.rentang == "7h";
    let jam = if tujuh_hari { 7 * 24 } else { 24 };
    let offset = st.cfg.utc_offset;
    let now = mikro(OffsetDateTime::now_utc());
    let sampai = (now / JAM_US + 1) * JAM_US;
    let dari = sampai - jam * JAM_US;
    let l = &a.lingkup;
    let per_jam = agregat::per_jam(&st.db, l, dari, sampai).await?;
    let per_layanan = agregat::per_layanan(&st.db, l, dari, sampai).await?;
    let ember = agregat::histogram(&st.db, l, dari, sampai).await?;
    let masalah = agregat::per_masalah(&st.db, l, dari, sampai).await?;

    // Every hour of the range, empty ones too, labelled in the region's zone.
    let by_hour: HashMap<i64, (i64, i64)> = per_jam
        .iter()
        .map(|h| (h.jam_us, (h.jumlah, h.bermasalah)))
        .collect();
    let cols: Vec<Kolom> = (0..jam)
        .map(|i| {
            let t = dari + i * JAM_US;
            let (n, bad) = by_hour.get(&t).copied().unwrap_or((0, 0));
            let local = OffsetDateTime::UNIX_EPOCH.to_offset(offset) + Duration::microseconds(t);
            let label = match (tujuh_hari, local.hour()) {
                (false, h) if h % 3 == 0 => format!("{h:02}"),
                (true, 0) => format!("{}/{}", local.day(), u8::from(local.month())),
                _ => String::new(),
            };
            Kolom {
                label,
                judul: format!(
                    "{}: {} ({} {})",
                    waktu(t, offset),
                    angka(n),
                    angka(bad),
                    lang.t("bp-bermasalah")
                ),
                nilai: n,
                bagian: bad,
            }
        })
        .collect();
    let total: i64 = per_jam.iter().map(|h| h.jumlah).sum();
    let bad: i64 = per_jam.iter().map(|h| h.bermasalah).sum();
    let legenda_t = lang.t("bp-pertukaran");
    let legenda_b = lang.t("bp-bermasalah");
    let grafik_jam = kolom(&lang.t("bp-grafik-jam"), &cols, (&legenda_t, &legenda_b));

    let ember_cols: Vec<Kolom> = ember
        .iter()
        .enumerate()
        .map(|(i, n)| Kolom {
            label: latensi_label(i),
            judul: format!("{}: {}", latensi_label(i), angka(*n)),
            nilai: *n,
            bagian: 0,
        })
        .collect();
    let grafik_latensi = kolom(&lang.t("bp-grafik-latensi"), &ember_cols, (&legenda_t, ""));

    let rate = |bad: i64, n: i64| {
        if n > 0 {
            bad as f64 * 100.0 / n as f64
        } else {
            0.0
        }
    };
    let bars: Vec<(String, f64)> = per_layanan
        .iter()
        .map(|p| {
            let label = format!(
                "{}/{}/{} ({} {})",
                p.pd,
                p.kode,
                p.versi,
                persen(rate(p.ditolak + p.gagal, p.jumlah), 1),
                lang.t("bp-bermasalah")
            );
            (label, p.jumlah as f64)
        })
        .collect();
    let opts = BarOptions {
        label_width: 300,
        decimals: 0,
        ..BarOptions::default()
    };
    let grafik_layanan = bar_horizontal(&lang.t("bp-grafik-layanan"), &bars, &opts);
    let mbars: Vec<(String, f64)> = masalah
        .iter()
        .map(|m| {
            let status = lang.t(&format!("bp-status-{}", m.status));
            (format!("{status}: {}", m.kode), m.jumlah as f64)
        })
        .collect();
    let grafik_masalah = bar_horizontal(&lang.t("bp-grafik-masalah"), &mbars, &opts);

    // The in-process gateway's latest checks; none when the bus runs elsewhere.
    let sehat: HashMap<String, bool> = st
        .bus
        .as_ref()
        .and_then(|b| b.kesehatan.as_ref())
        .map(|k| k.semua())
        .unwrap_or_default();
    let kosong = || "—".to_owned();
    let layanan = per_layanan
        .iter()
        .map(|p| {
            let key = format!("{}/{}/{}", p.pd, p.kode, p.versi);
            LayananBaris {
                sehat: sehat.get(&key).copied(),
                key,
                jumlah: angka(p.jumlah),
                bermasalah: persen(rate(p.ditolak + p.gagal, p.jumlah), 1),
                rata: ms(p.rata_us),
                terakhir: waktu(p.terakhir_us, offset),
                terakhir_diteruskan: p
                    .terakhir_diteruskan_us
                    .map_or_else(kosong, |t| waktu(t, offset)),
            }
        })
        .collect();
    let mut kesehatan: Vec<(String, bool)> = sehat.into_iter().collect();
    kesehatan.sort();
    let k = indeks::kursor(&st.db).await?;
    let page = Page {
        ctx: Ctx::new(&user, lang, region_name(&st).await, "bus", None),
        tabs: tabs(&st, &user, "/bus/pantau").await,
        tujuh_hari,
        total: angka(total),
        bermasalah: persen(rate(bad, total), 1),
        grafik_jam,
        grafik_layanan,
        grafik_latensi,
        grafik_masalah,
        layanan,
        kesehatan,
        metrics_url: st.bus.as_ref().and_then(|b| b.metrics_url.clone()),
        indeks_seq: k.seq,
        indeks_diubah: crate::format_id::waktu_tersimpan(&k.diubah, offset),
        indeks_masalah: k.masalah,
    };
    Ok(render(StatusCode::OK, &page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_labels() {
        assert_eq!(latensi_label(0), "< 1 ms");
        assert_eq!(latensi_label(1), "1 ms–5 ms");
        assert_eq!(latensi_label(6), "500 ms–1 s");
        assert_eq!(latensi_label(7), "≥ 1 s");
    }
}
