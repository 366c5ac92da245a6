//! Metric names and the Prometheus recorder. Names are stable (dashboards use them):
//!
//! * `simpul_bus_permintaan_total{layanan,hasil,kode}`: exchanges by service and outcome
//!   (`diteruskan`, `ditolak`, `gagal`; `kode` is the problem code or the HTTP status);
//! * `simpul_bus_galat_total{layanan,kode}`: refusals and failures;
//! * `simpul_bus_durasi_detik{layanan}` and `simpul_bus_hulu_durasi_detik{layanan}`:
//!   total and upstream latency histograms;
//! * `simpul_bus_snapshot_umur_detik`, `simpul_bus_snapshot_gagal_total`,
//!   `simpul_bus_snapshot_dimuat_total`: directory freshness;
//! * `simpul_bus_bukti_antrean`: evidence entries waiting for the writer;
//!   `simpul_bus_bukti_gagal_total`: appends that failed;
//! * `simpul_bus_hulu_sehat{layanan}`: 1 if the last health check got an HTTP answer
//!   below 500, else 0.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use metrics::{Counter, Histogram, counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

const BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The process-wide recorder, installed on first use if nobody else installed one.
/// `simpul serve` passes the web's handle instead (one recorder renders both).
pub fn default_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let b = PrometheusBuilder::new();
            let b = match b.set_buckets_for_metric(Matcher::Prefix("simpul_bus_".into()), BUCKETS) {
                Ok(b) => b,
                Err(_) => PrometheusBuilder::new(),
            };
            let recorder = b.build_recorder();
            let handle = recorder.handle();
            // Fails only if another recorder is installed; then this one renders nothing
            // of ours and the embedding program should pass its own handle.
            let _ = metrics::set_global_recorder(recorder);
            handle
        })
        .clone()
}

/// One exchange's outcome.
pub fn exchange(layanan: &str, hasil: &'static str, kode: &str, total_s: f64, hulu_s: Option<f64>) {
    HANDLES.with(|cache| {
        let mut cache = cache.borrow_mut();
        let Cache { buf, map } = &mut *cache;
        buf.clear();
        for part in [layanan, hasil, kode] {
            buf.push_str(part);
            buf.push('\u{0}');
        }
        if !map.contains_key(buf.as_str()) {
            if map.len() >= CACHE_MAX {
                map.clear();
            }
            map.insert(buf.clone(), Handles::new(layanan, hasil, kode));
        }
        if let Some(h) = map.get(buf.as_str()) {
            h.permintaan.increment(1);
            if let Some(g) = &h.galat {
                g.increment(1);
            }
            h.durasi.record(total_s);
            if let Some(s) = hulu_s {
                h.hulu.record(s);
            }
        }
    });
}

/// Most label combinations a serving thread keeps handles for: services × outcomes ×
/// codes stays far below this; the bound only stops a pathological directory.
const CACHE_MAX: usize = 10_000;

/// The metric handles of one (service, outcome, code), looked up once per serving
/// thread instead of per exchange (building label sets and finding them in the
/// registry allocated and hashed on every call).
struct Handles {
    permintaan: Counter,
    galat: Option<Counter>,
    durasi: Histogram,
    hulu: Histogram,
}

impl Handles {
    fn new(layanan: &str, hasil: &'static str, kode: &str) -> Self {
        let (l, k) = (layanan.to_owned(), kode.to_owned());
        Self {
            permintaan: counter!("simpul_bus_permintaan_total", "layanan" => l.clone(), "hasil" => hasil, "kode" => k.clone()),
            galat: (hasil != "diteruskan")
                .then(|| counter!("simpul_bus_galat_total", "layanan" => l.clone(), "kode" => k)),
            durasi: histogram!("simpul_bus_durasi_detik", "layanan" => l.clone()),
            hulu: histogram!("simpul_bus_hulu_durasi_detik", "layanan" => l),
        }
    }
}

#[derive(Default)]
struct Cache {
    /// The key being looked up, reused so a lookup allocates nothing.
    buf: String,
    map: HashMap<String, Handles>,
}

thread_local! {
    static HANDLES: RefCell<Cache> = RefCell::new(Cache::default());
}

/// A snapshot was loaded.
pub fn snapshot_loaded() {
    counter!("simpul_bus_snapshot_dimuat_total").increment(1);
    gauge!("simpul_bus_snapshot_umur_detik").set(0.0);
}

/// A snapshot load failed.
pub fn snapshot_failed() {
    counter!("simpul_bus_snapshot_gagal_total").increment(1);
}

/// Periodic gauges.
pub fn tick(snapshot_age_s: f64, queue: usize) {
    gauge!("simpul_bus_snapshot_umur_detik").set(snapshot_age_s);
    gauge!("simpul_bus_bukti_antrean").set(queue as f64);
}

/// An evidence append failed.
pub fn evidence_failed() {
    counter!("simpul_bus_bukti_gagal_total").increment(1);
}

/// A health check's result.
pub fn health(layanan: &str, up: bool) {
    gauge!("simpul_bus_hulu_sehat", "layanan" => layanan.to_owned()).set(if up {
        1.0
    } else {
        0.0
    });
}
