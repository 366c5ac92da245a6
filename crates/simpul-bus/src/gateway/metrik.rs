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

use std::sync::OnceLock;

use metrics::{counter, gauge, histogram};
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
    counter!("simpul_bus_permintaan_total", "layanan" => layanan.to_owned(), "hasil" => hasil, "kode" => kode.to_owned()).increment(1);
    if hasil != "diteruskan" {
        counter!("simpul_bus_galat_total", "layanan" => layanan.to_owned(), "kode" => kode.to_owned()).increment(1);
    }
    histogram!("simpul_bus_durasi_detik", "layanan" => layanan.to_owned()).record(total_s);
    if let Some(h) = hulu_s {
        histogram!("simpul_bus_hulu_durasi_detik", "layanan" => layanan.to_owned()).record(h);
    }
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
