//! The evaluation periods' API through the real server: a period from opening to the
//! approved result with the national comparison, and every bad input refused with its
//! code and nothing stored.

#![allow(clippy::unwrap_used)]

mod common;
mod evaluation_support;

use common::*;
use evaluation_support::*;
use serde_json::json;

fn lampiran_level(detail: &serde_json::Value, nomor: u64, level: u64) -> Vec<String> {
    detail["indikator"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["nomor"] == nomor)
        .unwrap()["bukti"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["level"] == level)
        .map(|b| b["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_period_goes_from_opening_to_approval_with_the_national_result() {
    let app = spawn_app().await;
    let koord = app.api_as(KOORDINATOR).await;
    let (bappeda, bpkad, setda, _, asesor, _) = ids(&app).await;
    let id = buka(&koord, 2021, "spbe-2020").await;
    let p = format!("/evaluation/periods/{id}");

    let (s, list) = koord.get("/evaluation/periods").await;
    assert_eq!(s, 200);
    let mine = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap();
    assert_eq!(mine["status"], "pengisian");
    assert_eq!(mine["kemajuan"]["indikator"], 47);
    assert_eq!(mine["indeks"]["final"], false);

    let r = koord
        .put(
            &format!("{p}/indicators/11/pds"),
            json!({"pd": [{"pd": bappeda, "utama": true}, {"pd": bpkad}]}),
        )
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["pj"].as_array().unwrap().len(), 2);
    assert_eq!(r.1["pj"][0]["utama"], true);
    let r = koord
        .put(
            &format!("{p}/indicators/12/pds"),
            json!({"pd": [{"pd": bappeda, "utama": true}]}),
        )
        .await;
    assert_eq!(r.0, 200);
    let r = koord
        .put(&format!("{p}/assessors/{asesor}"), json!({"pd": [bappeda]}))
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["tim_asesor"].as_array().unwrap().len(), 1);

    // The operator of a sharing PD fills in and attaches a file and a link.
    let op = app.api_as(OPERATOR_BPKAD).await;
    let r = op
        .put(
            &format!("{p}/indicators/11"),
            json!({"level": 3, "justifikasi": "Arsitektur SPBE ditetapkan dan dipakai semua PD."}),
        )
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["level"], 3);
    let blobs = app.blob_files();
    let r = op
        .post_multipart(
            &format!("{p}/indicators/11/evidence"),
            &[("level", "1"), ("judul", "Perbup Arsitektur SPBE")],
            Some(("perbup.pdf", PDF)),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    assert_eq!(r.1["bukti"]["jenis"], "berkas");
    assert_eq!(r.1["status"], "belum_dinilai");
    assert_eq!(app.blob_files(), blobs + 1);
    let berkas = r.1["bukti"]["id"].as_str().unwrap().to_owned();
    let r = op
        .post(
            &format!("{p}/indicators/11/evidence"),
            json!({"level": 2, "jenis": "tautan", "judul": "Portal arsitektur", "url": "https://tanbukab.go.id/arsitektur"}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    // The same file item reused for level 3.
    let r = op
        .post(
            &format!("{p}/indicators/11/evidence"),
            json!({"level": 3, "bukti": berkas}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    let dl = op
        .raw_get(&format!("/evaluation/evidence/{berkas}/file"))
        .await;
    assert_eq!(dl.status(), 200);
    assert_eq!(dl.bytes().await.unwrap().as_ref(), PDF);

    // Only the lead PD's administrator consolidates.
    let r = op
        .post(&format!("{p}/indicators/11/consolidate"), json!({}))
        .await;
    let f = assert_api_error(&r, 403, "forbidden");
    assert_eq!(field_codes(&f, "alur"), ["tidak_berwenang"]);
    let admin = app.api_as(ADMIN_BAPPEDA).await;
    let r = admin
        .post(&format!("{p}/indicators/11/consolidate"), json!({}))
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["status"], "dikonsolidasi");

    // Indicator 12 claims level 2 with evidence on level 1 only.
    let r = admin
        .put(&format!("{p}/indicators/12"), json!({"level": "2"}))
        .await;
    assert_eq!(r.0, 200);
    let r = admin
        .post(
            &format!("{p}/indicators/12/evidence"),
            json!({"level": 1, "jenis": "tautan", "judul": "Peta Rencana", "url": "https://tanbukab.go.id/peta"}),
        )
        .await;
    assert_eq!(r.0, 201);
    let r = admin
        .post(&format!("{p}/indicators/12/consolidate"), json!({}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["bukti_dukung_kurang"]);
    assert!(r.1["message"].as_str().unwrap().contains("level 2"));
    let r = admin
        .post(
            &format!("{p}/indicators/12/evidence"),
            json!({"level": 2, "jenis": "tautan", "judul": "Reviu Peta Rencana", "url": "https://tanbukab.go.id/peta/reviu"}),
        )
        .await;
    assert_eq!(r.0, 201);

    // Submission names what is not consolidated.
    let r = koord.post(&format!("{p}/submit"), json!({})).await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["indikator_belum_dikonsolidasi"]);
    assert!(r.1["message"].as_str().unwrap().contains("nomor 1, 2,"));
    let r = admin
        .post(&format!("{p}/indicators/12/consolidate"), json!({}))
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    siapkan_lain(&app, &id, &[11, 12], 2, setda.parse().unwrap()).await;
    let r = koord.post(&format!("{p}/submit"), json!({})).await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["status"], "diajukan");

    // The assessor of BAPPEDA's team reviews 11 and 12.
    let ases = app.api_as(ASESOR).await;
    let detail = koord.get(&p).await.1;
    let review = |l: &str| format!("{p}/evidence/{l}/review");
    let l1 = &lampiran_level(&detail, 11, 1)[0];
    let l2 = &lampiran_level(&detail, 11, 2)[0];
    let l3 = &lampiran_level(&detail, 11, 3)[0];
    let r = ases.post(&review(l1), json!({"status": "diterima"})).await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["status"], "diterima");
    let r = ases.post(&review(l2), json!({"status": "revisi"})).await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "komentar"), ["komentar_wajib"]);
    let r = ases
        .post(&review(l2), json!({"status": "ditolak", "komentar": "x"}))
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "status"),
        ["putusan_tidak_dikenal"]
    );
    let r = ases
        .post(
            &review(l2),
            json!({"status": "revisi", "komentar": "Tautan tidak menunjukkan penetapan."}),
        )
        .await;
    assert_eq!(r.0, 200);
    assert_eq!(r.1["status"], "revisi");
    assert_eq!(
        ases.post(&review(l3), json!({"status": "diterima"}))
            .await
            .0,
        200
    );
    for l in lampiran_level(&detail, 12, 1)
        .iter()
        .chain(&lampiran_level(&detail, 12, 2))
    {
        assert_eq!(
            ases.post(&review(l), json!({"status": "diterima"})).await.0,
            200
        );
    }

    // Approval waits for every verdict.
    let r = koord.post(&format!("{p}/approve"), json!({})).await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["bukti_belum_dinilai"]);
    terima_lain(&app, &id, &[11, 12]).await;
    let r = koord.post(&format!("{p}/approve"), json!({})).await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["status"], "disetujui");
    assert_eq!(r.1["indeks"]["final"], true);
    let ind = |v: &serde_json::Value, n: u64| {
        v["indikator"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["nomor"] == n)
            .unwrap()
            .clone()
    };
    // Level 3 claimed, level 2 sent back: levels are cumulative, so the final level is 1.
    assert_eq!(ind(&r.1, 11)["level_akhir"], 1);
    assert_eq!(ind(&r.1, 12)["level_akhir"], 2);
    // 45 indicators at 2, indicator 11 (weight 2,50) at 1: 2 - 0,025 = 1,975 -> 1,98.
    assert_eq!(r.1["indeks"]["nilai"], "1.98");
    assert_eq!(r.1["indeks"]["predikat"], "Cukup");

    // Nothing moves after approval.
    let r = op
        .put(&format!("{p}/indicators/11"), json!({"level": 4}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["tahap_tidak_sesuai"]);

    // The national result, compared indicator by indicator.
    let r = koord
        .put(&format!("{p}/national"), json!({"nilai": {"11": 6}}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "nasional_11"), ["level_di_luar_rentang"]);
    let r = koord
        .put(
            &format!("{p}/national"),
            json!({"nilai": {"11": 2, "12": "2"}}),
        )
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(ind(&r.1, 11)["nasional"], "2.00");
    let r = op
        .put(&format!("{p}/national"), json!({"nilai": {"11": 3}}))
        .await;
    assert_api_error(&r, 403, "forbidden");
}

#[tokio::test]
async fn bad_input_is_refused_with_its_code_and_stores_nothing() {
    let app = spawn_app().await;
    let koord = app.api_as(KOORDINATOR).await;
    let (bappeda, bpkad, _, _, _, _) = ids(&app).await;
    let id = buka(&koord, 2022, "spbe-2020").await;
    let p = format!("/evaluation/periods/{id}");

    // Opening: a duplicate, a model that does not apply to the year, an unknown model.
    let r = koord
        .post(
            "/evaluation/periods",
            json!({"tahun": 2022, "model": "spbe-2020"}),
        )
        .await;
    let f = assert_api_error(&r, 409, "conflict");
    assert_eq!(field_codes(&f, "tahun"), ["periode_sudah_ada"]);
    let r = koord
        .post(
            "/evaluation/periods",
            json!({"tahun": 2030, "model": "spbe-2020"}),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "tahun"), ["model_tidak_berlaku"]);
    let r = koord
        .post(
            "/evaluation/periods",
            json!({"tahun": "dua ribu", "model": "spbe-1999"}),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "tahun"), ["tahun_tidak_valid"]);
    assert_eq!(field_codes(&f, "model"), ["model_tidak_dikenal"]);
    let r = app
        .api_as(ADMIN_BAPPEDA)
        .await
        .post(
            "/evaluation/periods",
            json!({"tahun": 2023, "model": "spbe-2020"}),
        )
        .await;
    assert_api_error(&r, 403, "forbidden");

    // Responsible PDs: exactly one lead.
    let r = koord
        .put(
            &format!("{p}/indicators/11/pds"),
            json!({"pd": [{"pd": bappeda, "utama": true}, {"pd": bpkad, "utama": true}]}),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "utama"), ["pd_utama_satu"]);
    let dinkes_admin = pegawai_id(&app.db, ADMIN_DINKES).await;
    let r = koord
        .put(
            &format!("{p}/assessors/{dinkes_admin}"),
            json!({"pd": [bappeda]}),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "pegawai"), ["bukan_asesor"]);
    let r = koord
        .put(
            &format!("{p}/indicators/11/pds"),
            json!({"pd": [{"pd": bappeda, "utama": true}, {"pd": bpkad}]}),
        )
        .await;
    assert_eq!(r.0, 200);

    let op = app.api_as(OPERATOR_BPKAD).await;
    let dk = app.api_as(ADMIN_DINKES).await;
    let admin = app.api_as(ADMIN_BAPPEDA).await;
    // Taken after the tokens are made: making one is audited too.
    let audit = audit_len(&app.db).await;
    for (level, code) in [
        (json!(0), "level_di_luar_rentang"),
        (json!(6), "level_di_luar_rentang"),
        (json!("3,5"), "nilai_desimal_bukan_eksternal"),
        (json!(""), "nilai_kosong"),
    ] {
        let r = op
            .put(&format!("{p}/indicators/11"), json!({"level": level}))
            .await;
        let f = assert_api_error(&r, 422, "validation_failed");
        assert_eq!(field_codes(&f, "level"), [code], "{level}");
    }
    let r = op
        .put(&format!("{p}/indicators/99"), json!({"level": 2}))
        .await;
    assert_api_error(&r, 404, "not_found");
    let r = op
        .post(
            &format!("{p}/indicators/48/evidence"),
            json!({"level": 1, "jenis": "tautan", "judul": "x", "url": "https://x.go.id"}),
        )
        .await;
    assert_api_error(&r, 404, "not_found");
    assert_eq!(indikator_tersimpan(&app, &id, 11).await.level, None);

    // Evidence: forbidden type, too large, bad level, bad link, unknown reference.
    let blobs = app.blob_files();
    let ev = format!("{p}/indicators/11/evidence");
    let r = op
        .post_multipart(
            &ev,
            &[("level", "1"), ("judul", "Program")],
            Some(("program.exe", b"MZ\x90\x00rest")),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "berkas"), ["berkas_jenis"]);
    let r = op
        .post_multipart(
            &ev,
            &[("level", "1"), ("judul", "Palsu")],
            Some(("palsu.pdf", b"bukan pdf")),
        )
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "berkas"),
        ["berkas_isi"]
    );
    let mut big = b"%PDF-1.4\n".to_vec();
    big.resize(simpul_domain::berkas::MAX_BYTES + 1, b'a');
    let r = op
        .post_multipart(
            &ev,
            &[("level", "1"), ("judul", "Besar")],
            Some(("besar.pdf", &big)),
        )
        .await;
    assert!(matches!(r.0, 413 | 422), "{}", r.0);
    assert_eq!(
        field_codes(&r.1["fields"], "berkas"),
        ["berkas_terlalu_besar"]
    );
    let r = op
        .post_multipart(
            &ev,
            &[("level", "0"), ("judul", "SK")],
            Some(("sk.pdf", PDF)),
        )
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "level"),
        ["level_di_luar_rentang"]
    );
    let r = op
        .post(
            &ev,
            json!({"level": 2, "jenis": "tautan", "judul": "", "url": "ftp://x"}),
        )
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "judul"), ["judul_kosong"]);
    assert_eq!(field_codes(&f, "url"), ["tautan_tidak_valid"]);
    let r = op
        .post(
            &ev,
            json!({"level": 2, "jenis": "registri", "rujukan": uuid::Uuid::now_v7().to_string()}),
        )
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "rujukan"),
        ["rujukan_tidak_dikenal"]
    );
    let r = op
        .post(
            &ev,
            json!({"level": 2, "bukti": uuid::Uuid::now_v7().to_string()}),
        )
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "bukti"),
        ["bukti_tidak_dikenal"]
    );
    // A PD that is not responsible may not attach.
    let r = dk
        .post(
            &ev,
            json!({"level": 1, "jenis": "tautan", "judul": "x", "url": "https://x.go.id"}),
        )
        .await;
    let f = assert_api_error(&r, 403, "forbidden");
    assert_eq!(field_codes(&f, "alur"), ["tidak_berwenang"]);
    assert_eq!(app.blob_files(), blobs);
    assert_eq!(jumlah_lampiran(&app, &id).await, 0);
    assert_eq!(audit_len(&app.db).await, audit);

    // Consolidating without a level; submitting and approving out of turn.
    let r = admin
        .post(&format!("{p}/indicators/11/consolidate"), json!({}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["level_kosong"]);
    let r = koord.post(&format!("{p}/approve"), json!({})).await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "alur"), ["tahap_tidak_sesuai"]);
    let r = koord
        .put(&format!("{p}/target"), json!({"target": "5,5"}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "target"), ["target_di_luar_rentang"]);
    let r = koord
        .put(&format!("{p}/target"), json!({"target": "3,50"}))
        .await;
    assert_eq!(r.0, 200);
    assert_eq!(r.1["target"], "3.50");
    assert_eq!(audit_len(&app.db).await, audit + 1);
}

#[tokio::test]
async fn external_values_and_evidence_reused_through_the_crosswalk() {
    let app = spawn_app().await;
    let koord = app.api_as(KOORDINATOR).await;
    let (bappeda, bpkad, setda, dinkes, _, _) = ids(&app).await;
    // A spbe-2020 year whose indicator 11 carries BPKAD's decree.
    let lama = buka(&koord, 2019, "spbe-2020").await;
    let lp = format!("/evaluation/periods/{lama}");
    koord
        .put(
            &format!("{lp}/indicators/11/pds"),
            json!({"pd": [{"pd": bappeda, "utama": true}, {"pd": bpkad}]}),
        )
        .await;
    let op = app.api_as(OPERATOR_BPKAD).await;
    let r = op
        .post(
            &format!("{lp}/indicators/11/evidence"),
            json!({"level": 1, "jenis": "tautan", "judul": "Perbup Arsitektur SPBE", "url": "https://jdih.tanbukab.go.id/perbup-arsitektur"}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    let decree = r.1["bukti"]["id"].as_str().unwrap().to_owned();
    siapkan_lain(&app, &lama, &[11], 1, setda.parse().unwrap()).await;
    let setda_item = simpul_store::evaluasi::bukti::of_periode(&app.db, lama.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.nomor == 1)
        .unwrap()
        .bukti
        .id
        .to_string();

    // pemdi-2026: indicator 15 (business process integration) is led by DINKES.
    let baru = buka(&koord, 2027, "pemdi-2026").await;
    let bp = format!("/evaluation/periods/{baru}");
    for n in [5, 15] {
        let r = koord
            .put(
                &format!("{bp}/indicators/{n}/pds"),
                json!({"pd": [{"pd": dinkes, "utama": true}]}),
            )
            .await;
        assert_eq!(r.0, 200);
    }
    let dk = app.api_as(ADMIN_DINKES).await;
    // The crosswalk maps spbe-2020's 11 to pemdi-2026's 15: BPKAD's item may be reused.
    let r = dk
        .post(
            &format!("{bp}/indicators/15/evidence"),
            json!({"level": 1, "bukti": decree}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    // SETDA's item for spbe-2020's 1 is not mapped to 15.
    let r = dk
        .post(
            &format!("{bp}/indicators/15/evidence"),
            json!({"level": 1, "bukti": setda_item}),
        )
        .await;
    assert_api_error(&r, 403, "forbidden");

    // A planning document as evidence, titled after the document when no title is given.
    let dinas = app.api_as("199504292018082007").await;
    let r = dinas
        .post(
            "/perencanaan",
            json!({"jenis": "peta_rencana", "judul": "Peta Rencana SPBE 2025-2029", "periode_awal": 2025, "periode_akhir": "2029"}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    let dok = r.1["id"].as_str().unwrap().to_owned();
    let r = dk
        .post(
            &format!("{bp}/indicators/15/evidence"),
            json!({"level": 2, "jenis": "perencanaan", "rujukan": dok}),
        )
        .await;
    assert_eq!(r.0, 201, "{}", r.1);
    assert_eq!(r.1["bukti"]["judul"], "Peta Rencana SPBE 2025-2029");
    assert_eq!(r.1["bukti"]["rujukan"], dok.as_str());

    // Indicator 5 takes the value another agency published.
    let r = dk
        .put(&format!("{bp}/indicators/5"), json!({"level": 3}))
        .await;
    let f = assert_api_error(&r, 422, "validation_failed");
    assert_eq!(field_codes(&f, "nilai"), ["nilai_kosong"]);
    assert_eq!(field_codes(&f, "tanggal"), ["tanggal_tidak_valid"]);
    let r = dk
        .put(
            &format!("{bp}/indicators/5"),
            json!({"nilai": "3,455", "sumber": "SDI", "tanggal": "2027-09-30"}),
        )
        .await;
    assert_eq!(
        field_codes(&assert_api_error(&r, 422, "validation_failed"), "nilai"),
        ["lebih_dua_desimal"]
    );
    let r = dk
        .put(
            &format!("{bp}/indicators/5"),
            json!({"nilai": 3.45, "sumber": "Nilai Satu Data Indonesia", "tanggal": "2027-09-30"}),
        )
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
    assert_eq!(r.1["nilai_eksternal"], "3.45");
    assert_eq!(r.1["tanggal_sumber"], "2027-09-30");
    // An external indicator is consolidated on its value, without evidence.
    let r = dk
        .post(&format!("{bp}/indicators/5/consolidate"), json!({}))
        .await;
    assert_eq!(r.0, 200, "{}", r.1);
}
