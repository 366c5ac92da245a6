//! Shared setup of the evaluation period tests: the cast of the Tanah Bumbu demo (with
//! `common`'s SUPER_ADMIN, OPERATOR_BPKAD of BPKAD sharing the indicators under test, and
//! PIMPINAN), and
//! bulk preparation of the indicators a test does not walk through the server itself
//! (done with the store, as the demo loader does).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use simpul_domain::evaluation::StatusBukti;
use simpul_domain::evaluation::alur::StatusIndikator;
use simpul_domain::evaluation::bukti::{BuktiBaru, JenisBukti};
use simpul_domain::ids::{PdId, PeriodeEvaluasiId};
use simpul_store::Actor;
use simpul_store::evaluasi::bukti::{self, ItemBaru};
use simpul_store::evaluasi::indikator::{self, Isian};
use simpul_store::evaluasi::pj;

use crate::common::{Api, TestApp, pd_id, pegawai_id};

/// Coordinator (tim_koordinasi, SETDA).
pub const KOORDINATOR: &str = "196804081991011255";
/// Administrator of BAPPEDA: leads the indicators under test.
pub const ADMIN_BAPPEDA: &str = "199606222023082013";
/// Administrator of DINKES: not responsible for anything.
pub const ADMIN_DINKES: &str = "199501202022072086";
/// Internal assessor (Inspektorat), put on BAPPEDA's team.
pub const ASESOR: &str = "198411012009121151";
/// Another internal assessor, on no team of the tests (API token only).
pub const ASESOR_LAIN: &str = "198501082007011017";
/// The PDF the tests upload.
pub const PDF: &[u8] = b"%PDF-1.4\n% SK Arsitektur SPBE\n%%EOF\n";

/// Open a period through the API as the coordinator; its id.
pub async fn buka(api: &Api, tahun: i32, model: &str) -> String {
    let r = api
        .post(
            "/evaluation/periods",
            serde_json::json!({"tahun": tahun, "model": model}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    r.1["id"].as_str().unwrap().to_owned()
}

/// Let the indicators of `periode` other than `kecuali` be led by `pd`, answered at
/// `level` with a link on every level up to it, and consolidated.
pub async fn siapkan_lain(app: &TestApp, periode: &str, kecuali: &[u32], level: u8, pd: PdId) {
    let id: PeriodeEvaluasiId = periode.parse().unwrap();
    let actor = Actor::sistem();
    for i in indikator::of_periode(&app.db, id).await.unwrap() {
        if kecuali.contains(&i.nomor) {
            continue;
        }
        pj::set(&app.db, &actor, id, i.nomor, &[(pd, true)])
            .await
            .unwrap();
        let isian = Isian {
            level: Some(level),
            nama_layanan: Some("Layanan Perizinan".into()),
            ..Isian::default()
        };
        indikator::isi(&app.db, &actor, id, i.nomor, None, &isian)
            .await
            .unwrap();
        for l in 1..=level {
            let url = format!("https://tanbukab.go.id/bukti/{}/{l}", i.nomor);
            let isi = BuktiBaru::parse(JenisBukti::Tautan, "Bukti uji", Some(&url)).unwrap();
            let item = ItemBaru {
                jenis: JenisBukti::Tautan,
                isi: &isi,
                rujukan: None,
                pd: Some(pd),
                berkas: None,
            };
            bukti::lampirkan_baru(&app.db, &actor, id, i.nomor, l, &item)
                .await
                .unwrap();
        }
        indikator::set_status(
            &app.db,
            &actor,
            id,
            i.nomor,
            StatusIndikator::Draf,
            StatusIndikator::Dikonsolidasi,
        )
        .await
        .unwrap();
    }
}

/// Accept every evidence item of `periode` outside the indicators `kecuali`.
pub async fn terima_lain(app: &TestApp, periode: &str, kecuali: &[u32]) {
    let id: PeriodeEvaluasiId = periode.parse().unwrap();
    for l in bukti::of_periode(&app.db, id).await.unwrap() {
        if !kecuali.contains(&l.nomor) {
            bukti::nilai(&app.db, &Actor::sistem(), l.id, StatusBukti::Diterima, None)
                .await
                .unwrap();
        }
    }
}

/// The evidence attachments of `periode` (to prove that a refusal added none).
pub async fn jumlah_lampiran(app: &TestApp, periode: &str) -> usize {
    bukti::of_periode(&app.db, periode.parse().unwrap())
        .await
        .unwrap()
        .len()
}

/// One indicator as stored.
pub async fn indikator_tersimpan(
    app: &TestApp,
    periode: &str,
    nomor: u32,
) -> simpul_store::evaluasi::indikator::IndikatorPeriode {
    indikator::get(&app.db, periode.parse().unwrap(), nomor)
        .await
        .unwrap()
}

/// Ids of the PDs and staff the tests use: (BAPPEDA, BPKAD, SETDA, DINKES, assessor,
/// other assessor).
pub async fn ids(app: &TestApp) -> (String, String, String, String, String, String) {
    (
        pd_id(&app.db, "BAPPEDA").await.to_string(),
        pd_id(&app.db, "BPKAD").await.to_string(),
        pd_id(&app.db, "SETDA").await.to_string(),
        pd_id(&app.db, "DINKES").await.to_string(),
        pegawai_id(&app.db, ASESOR).await.to_string(),
        pegawai_id(&app.db, ASESOR_LAIN).await.to_string(),
    )
}
