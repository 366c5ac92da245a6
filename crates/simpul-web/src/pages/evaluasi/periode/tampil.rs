//! Small display helpers shared by the period pages: refusals shown on a page, status
//! badges and labels.

use axum::http::StatusCode;
use simpul_domain::evaluation::StatusBukti;
use simpul_domain::evaluation::alur::{StatusIndikator, StatusPeriode};

use super::tolak::Tolak;
use crate::i18n::Lang;
use crate::pages::FormErrors;

/// Every field a period form may report, with its label's text key, in form order.
pub const KOLOM: &[(&str, &str)] = &[
    ("alur", "evp-label-alur"),
    ("tahun", "evp-label-tahun"),
    ("model", "evp-label-model"),
    ("level", "evp-label-level"),
    ("nilai", "evp-label-nilai"),
    ("sumber", "evp-label-sumber"),
    ("tanggal", "evp-label-tanggal"),
    ("nama_layanan", "evp-label-nama-layanan"),
    ("justifikasi", "evp-label-justifikasi"),
    ("jenis", "evp-label-jenis"),
    ("judul", "evp-label-judul"),
    ("url", "evp-label-url"),
    ("rujukan", "evp-label-rujukan"),
    ("bukti", "evp-label-bukti"),
    ("berkas", "evp-label-berkas"),
    ("status", "evp-label-putusan"),
    ("komentar", "evp-label-komentar"),
    ("aspek", "evp-label-aspek"),
    ("pd", "evp-label-pd"),
    ("utama", "evp-label-utama"),
    ("pegawai", "evp-label-asesor"),
    ("target", "evp-label-target"),
];

/// A refusal to show on the page it came from: its status and messages.
pub struct Galat {
    /// Status of the answer.
    pub status: StatusCode,
    /// Messages per field.
    pub errors: FormErrors,
}

impl Galat {
    /// No refusal: a plain page.
    pub fn tidak_ada() -> Self {
        Self {
            status: StatusCode::OK,
            errors: FormErrors::default(),
        }
    }

    /// The refusal `t` in `lang`.
    pub fn dari(t: &Tolak, lang: Lang) -> Self {
        Self {
            status: t.status(),
            errors: FormErrors::from_problems(&t.masalah(), lang, KOLOM),
        }
    }
}

/// Badge class of a period status.
pub fn badge_periode(s: StatusPeriode) -> &'static str {
    match s {
        StatusPeriode::Pengisian => "badge-warn",
        StatusPeriode::Diajukan => "badge-muted",
        StatusPeriode::Disetujui => "badge-ok",
    }
}

/// Badge class of an indicator status.
pub fn badge_indikator(s: StatusIndikator) -> &'static str {
    match s {
        StatusIndikator::Draf => "badge-warn",
        StatusIndikator::Dikonsolidasi => "badge-ok",
    }
}

/// Badge class of a verdict.
pub fn badge_bukti(s: StatusBukti) -> &'static str {
    match s {
        StatusBukti::Diterima => "badge-ok",
        StatusBukti::Revisi => "badge-danger",
        StatusBukti::BelumDinilai => "badge-muted",
    }
}

/// Label of a period status in `lang`.
pub fn label_periode(lang: Lang, s: StatusPeriode) -> String {
    lang.t(&format!("evp-status-{}", s.code()))
}

/// Label of an indicator status in `lang`.
pub fn label_indikator(lang: Lang, s: StatusIndikator) -> String {
    lang.t(&format!("evp-status-{}", s.code()))
}

/// Label of a verdict in `lang`.
pub fn label_bukti(lang: Lang, s: StatusBukti) -> String {
    lang.t(&format!("evp-bukti-{}", s.kode().replace('_', "-")))
}
