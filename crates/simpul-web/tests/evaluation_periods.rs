//! The evaluation period pages through the real server, without JavaScript: the
//! coordinator opens a period and assigns PDs and an assessor, a PD operator fills in
//! and attaches a file and a link, the lead PD's administrator consolidates, the
//! coordinator submits, the assessor accepts and sends back, approval fixes the final
//! levels and the index, the national result is compared. Every refusal shows the
//! domain's words with 403 or 422 and stores nothing.

#![allow(clippy::unwrap_used)]

mod common;
mod evaluation_support;

use common::*;
use evaluation_support::*;
use simpul_domain::evaluation::{Level, shipped_models};
use simpul_store::evaluasi::{bukti, pj};

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap()
}

/// The attachment ids of `nomor` at `level`.
async fn lampiran(app: &TestApp, id: &str, nomor: u32, level: u8) -> Vec<String> {
    bukti::of_periode(&app.db, id.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .filter(|l| l.nomor == nomor && l.level == level)
        .map(|l| l.id.to_string())
        .collect()
}

#[tokio::test]
async fn a_period_goes_from_draft_to_approved_result_in_the_browser() {
    let app = spawn_app().await;
    let (bappeda, bpkad, setda, _, asesor, _) = ids(&app).await;
    let koord = app.login(KOORDINATOR, PASSWORD).await;
    let landing = text(koord.get("/evaluasi").await).await;
    for link in [
        "/evaluasi/kalkulator",
        "/evaluasi/model",
        "/evaluasi/dasbor",
        "action=\"/evaluasi\"",
    ] {
        assert!(landing.contains(link), "{link}");
    }

    // Opening, and the same year and model again.
    let r = koord
        .post_form("/evaluasi", &[("tahun", "2021"), ("model", "spbe-2020")])
        .await;
    assert_eq!(r.status(), 303);
    let to = location(&r);
    assert!(to.ends_with("?pesan=evp-dibuka"), "{to}");
    let id = to
        .trim_start_matches("/evaluasi/periode/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let p = format!("/evaluasi/periode/{id}");
    let r = koord
        .post_form("/evaluasi", &[("tahun", "2021"), ("model", "spbe-2020")])
        .await;
    assert_eq!(r.status(), 409);
    assert!(text(r).await.contains("sudah dibuka"));
    let r = koord
        .post_form("/evaluasi", &[("tahun", "2027"), ("model", "spbe-2020")])
        .await;
    assert_eq!(r.status(), 422);
    assert!(
        text(r)
            .await
            .contains("berlaku untuk tahun indeks 2018 sampai 2025")
    );
    assert!(text(koord.get("/evaluasi").await).await.contains("0 / 47"));

    // Responsible PDs: aspect A2 to BAPPEDA, then BPKAD shares indicator 11.
    let r = koord
        .post_form(
            &format!("{p}/pj-aspek"),
            &[("aspek", "A2"), ("pd", &bappeda), ("peran", "utama")],
        )
        .await;
    assert_eq!(r.status(), 303);
    let i11 = format!("{p}/indikator/11");
    let i12 = format!("{p}/indikator/12");
    let r = koord
        .post_form(
            &format!("{i11}/pj"),
            &[("pd", &bappeda), ("pd", &bpkad), ("utama", &bappeda)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let pjs = pj::of_periode(&app.db, id.parse().unwrap()).await.unwrap();
    let of = |n: u32| -> Vec<(String, bool)> {
        pjs.iter()
            .filter(|x| x.nomor == n)
            .map(|x| (x.pd.to_string(), x.utama))
            .collect()
    };
    assert_eq!(of(11).len(), 2);
    assert!(of(11).contains(&(bappeda.clone(), true)));
    assert_eq!(of(12), [(bappeda.clone(), true)]);
    assert!(of(1).is_empty());
    let r = koord
        .post_form(
            &format!("{p}/asesor"),
            &[("pegawai", &asesor), ("pd", &bappeda)],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = text(koord.get(&p).await).await;
    assert!(page.contains("Belum ada PD"));
    assert!(
        page.contains("Norhidayat Saputra"),
        "the assessor team is listed"
    );

    // A PD operator fills in 11: the level must be 1 to 5.
    let op = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let page = text(op.get(&i11).await).await;
    let models = shipped_models().unwrap();
    let spbe = models.iter().find(|m| m.kode() == "spbe-2020").unwrap();
    let kriteria = spbe
        .indikator_nomor(11)
        .unwrap()
        .kriteria_level(Level::SATU);
    let awal: String = kriteria
        .split(['"', '\'', '&', '<', '>'])
        .next()
        .unwrap()
        .chars()
        .take(40)
        .collect();
    assert!(page.contains(&awal), "level 1 criteria shown");
    assert!(page.contains(&format!("action=\"{i11}/isi\"")));
    for bad in ["0", "6"] {
        let r = op.post_form(&format!("{i11}/isi"), &[("level", bad)]).await;
        assert_eq!(r.status(), 422);
        assert!(text(r).await.contains("di luar rentang"));
    }
    assert_eq!(indikator_tersimpan(&app, &id, 11).await.level, None);
    let r = op
        .post_form(
            &format!("{i11}/isi"),
            &[
                ("level", "3"),
                ("justifikasi", "Arsitektur ditetapkan dengan Perbup."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    let page = text(op.get(&i11).await).await;
    assert!(page.contains("Level 1: belum ada bukti dukung."));

    // A file and a link; a forbidden type stores nothing.
    let blobs = app.blob_files();
    let r = op
        .post_multipart(
            &format!("{i11}/bukti"),
            &[
                ("jenis", "berkas"),
                ("level", "1"),
                ("judul", "Perbup Arsitektur SPBE"),
            ],
            Some(("perbup.pdf", PDF)),
        )
        .await;
    assert_eq!(r.status(), 303, "{}", text(r).await);
    assert_eq!(app.blob_files(), blobs + 1);
    let r = op
        .post_multipart(
            &format!("{i11}/bukti"),
            &[("jenis", "berkas"), ("level", "2"), ("judul", "Program")],
            Some(("program.exe", b"MZ\x90\x00")),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("Jenis berkas tidak diterima"));
    assert_eq!(app.blob_files(), blobs + 1);
    assert_eq!(jumlah_lampiran(&app, &id).await, 1);
    let r = op
        .post_multipart(
            &format!("{i11}/bukti"),
            &[
                ("jenis", "tautan"),
                ("level", "2"),
                ("judul", "Portal arsitektur"),
                ("url", "https://tanbukab.go.id/arsitektur"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status(), 303);
    let item = bukti::of_periode(&app.db, id.parse().unwrap())
        .await
        .unwrap()[0]
        .bukti
        .id
        .to_string();
    let r = op
        .post_multipart(
            &format!("{i11}/bukti"),
            &[("jenis", "pakai"), ("level", "3"), ("bukti", &item)],
            None,
        )
        .await;
    assert_eq!(r.status(), 303);
    let dl = op.get(&format!("/evaluasi/bukti/{item}/berkas")).await;
    assert_eq!(dl.status(), 200);
    assert_eq!(dl.bytes().await.unwrap().as_ref(), PDF);

    // Another PD may not fill in; only the lead PD's administrator consolidates.
    let dinkes = app.login(ADMIN_DINKES, PASSWORD).await;
    let r = dinkes
        .post_form(&format!("{i11}/isi"), &[("level", "5")])
        .await;
    assert_eq!(r.status(), 403);
    assert!(
        text(r)
            .await
            .contains("Hanya admin atau operator PD penanggung jawab")
    );
    let r = op.post_form(&format!("{i11}/konsolidasi"), &[]).await;
    assert_eq!(r.status(), 403);
    let admin = app.login(ADMIN_BAPPEDA, PASSWORD).await;
    let r = admin
        .post_form(&format!("{i12}/isi"), &[("level", "2")])
        .await;
    assert_eq!(r.status(), 303);
    let r = admin
        .post_multipart(
            &format!("{i12}/bukti"),
            &[
                ("jenis", "tautan"),
                ("level", "1"),
                ("judul", "Peta Rencana"),
                ("url", "https://tanbukab.go.id/peta"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status(), 303);
    let r = admin.post_form(&format!("{i12}/konsolidasi"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(
        text(r)
            .await
            .contains("belum ada bukti dukung untuk level 2")
    );
    let r = admin.post_form(&format!("{i11}/konsolidasi"), &[]).await;
    assert_eq!(r.status(), 303);

    // Submission names the unconsolidated indicators.
    let r = koord.post_form(&format!("{p}/ajukan"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("belum dikonsolidasikan"));
    let r = admin
        .post_multipart(
            &format!("{i12}/bukti"),
            &[
                ("jenis", "tautan"),
                ("level", "2"),
                ("judul", "Reviu Peta Rencana"),
                ("url", "https://tanbukab.go.id/peta/reviu"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        admin
            .post_form(&format!("{i12}/konsolidasi"), &[])
            .await
            .status(),
        303
    );
    siapkan_lain(&app, &id, &[11, 12], 2, setda.parse().unwrap()).await;
    assert_eq!(
        koord.post_form(&format!("{p}/ajukan"), &[]).await.status(),
        303
    );
    assert!(
        text(koord.get(&p).await)
            .await
            .contains("Diajukan, dalam penilaian")
    );

    // The assessor reviews BAPPEDA's indicators, not SETDA's.
    let ases = app.login(ASESOR, PASSWORD).await;
    let page = text(ases.get(&i11).await).await;
    assert!(page.contains("/nilai\""), "review forms are shown");
    let nilai = |l: &str| format!("{p}/lampiran/{l}/nilai");
    let l1 = &lampiran(&app, &id, 11, 1).await[0];
    let l2 = &lampiran(&app, &id, 11, 2).await[0];
    let l3 = &lampiran(&app, &id, 11, 3).await[0];
    assert_eq!(
        ases.post_form(&nilai(l1), &[("status", "diterima")])
            .await
            .status(),
        303
    );
    let r = ases.post_form(&nilai(l2), &[("status", "revisi")]).await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("Tuliskan apa yang perlu diperbaiki"));
    let r = ases
        .post_form(
            &nilai(l2),
            &[
                ("status", "revisi"),
                ("komentar", "Tautan tidak menunjukkan penetapan."),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        ases.post_form(&nilai(l3), &[("status", "diterima")])
            .await
            .status(),
        303
    );
    for l in [
        lampiran(&app, &id, 12, 1).await,
        lampiran(&app, &id, 12, 2).await,
    ]
    .concat()
    {
        assert_eq!(
            ases.post_form(&nilai(&l), &[("status", "diterima")])
                .await
                .status(),
            303
        );
    }
    let setda_item = &lampiran(&app, &id, 1, 1).await[0];
    let r = ases
        .post_form(&nilai(setda_item), &[("status", "diterima")])
        .await;
    assert_eq!(r.status(), 403);
    assert!(text(r).await.contains("tidak termasuk tim penilaian Anda"));
    let page = text(op.get(&i11).await).await;
    assert!(page.contains("Tautan tidak menunjukkan penetapan."));
    assert!(page.contains("Level 2: belum semua bukti dukung diterima asesor."));

    // Approval waits for every verdict, then fixes the final levels and the index.
    let r = koord.post_form(&format!("{p}/setujui"), &[]).await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("belum dinilai asesor"));
    terima_lain(&app, &id, &[11, 12]).await;
    assert_eq!(
        koord.post_form(&format!("{p}/setujui"), &[]).await.status(),
        303
    );
    assert_eq!(
        indikator_tersimpan(&app, &id, 11).await.level_akhir,
        Some(1)
    );
    assert_eq!(
        indikator_tersimpan(&app, &id, 12).await.level_akhir,
        Some(2)
    );
    let page = text(koord.get(&p).await).await;
    assert!(page.contains("1,98"), "index shown the Indonesian way");
    assert!(page.contains("Cukup"));
    assert!(page.contains("Indeks akhir"));

    // The national result, with the difference highlighted.
    let r = koord
        .post_form(&format!("{p}/nasional"), &[("nasional_11", "7")])
        .await;
    assert_eq!(r.status(), 422);
    let r = koord
        .post_form(
            &format!("{p}/nasional"),
            &[("nasional_11", "2"), ("nasional_12", "2")],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(indikator_tersimpan(&app, &id, 11).await.nasional, Some(200));
    let page = text(koord.get(&p).await).await;
    assert!(
        page.contains("badge badge-warn\">+1,00"),
        "difference highlighted"
    );
    assert!(text(koord.get("/evaluasi").await).await.contains("1,98"));
    // After approval nothing moves.
    let r = op.post_form(&format!("{i11}/isi"), &[("level", "4")]).await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("sudah disetujui"));
}

#[tokio::test]
async fn an_external_indicator_and_the_crosswalk_suggestions_on_the_page() {
    let app = spawn_app().await;
    let (bappeda, bpkad, _, dinkes, _, _) = ids(&app).await;
    let koord_api = app.api_as(KOORDINATOR).await;
    let lama = buka(&koord_api, 2020, "spbe-2020").await;
    let lp = format!("/evaluasi/periode/{lama}/indikator/11");
    let koord = app.login(KOORDINATOR, PASSWORD).await;
    let r = koord
        .post_form(&format!("{lp}/pj"), &[("pd", &bpkad), ("utama", &bappeda)])
        .await;
    assert_eq!(r.status(), 303);
    let op = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let r = op
        .post_multipart(
            &format!("{lp}/bukti"),
            &[
                ("jenis", "tautan"),
                ("level", "1"),
                ("judul", "Perbup Arsitektur SPBE 2024"),
                ("url", "https://jdih.tanbukab.go.id/arsitektur"),
            ],
            None,
        )
        .await;
    assert_eq!(r.status(), 303);

    let baru = buka(&koord_api, 2028, "pemdi-2026").await;
    let bp = format!("/evaluasi/periode/{baru}");
    for n in ["5", "15"] {
        let r = koord
            .post_form(&format!("{bp}/indikator/{n}/pj"), &[("utama", &dinkes)])
            .await;
        assert_eq!(r.status(), 303);
    }
    let dk = app.login(ADMIN_DINKES, PASSWORD).await;
    let page = text(dk.get(&format!("{bp}/indikator/15")).await).await;
    assert!(page.contains("Bukti dari model sebelumnya"));
    assert!(page.contains("Perbup Arsitektur SPBE 2024 — spbe-2020 2020, indikator 11"));

    let i5 = format!("{bp}/indikator/5");
    let page = text(dk.get(&i5).await).await;
    assert!(
        page.contains("name=\"nilai\""),
        "an external indicator asks for its value"
    );
    assert!(!page.contains("id=\"f-level\""), "not for a level");
    let r = dk
        .post_form(
            &format!("{i5}/isi"),
            &[
                ("nilai", "5,01"),
                ("sumber", "SDI"),
                ("tanggal", "2028-09-30"),
            ],
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(text(r).await.contains("di luar rentang 1,00 sampai 5,00"));
    let r = dk
        .post_form(
            &format!("{i5}/isi"),
            &[
                ("nilai", "3,45"),
                ("sumber", "Nilai Satu Data Indonesia"),
                ("tanggal", "2028-09-30"),
            ],
        )
        .await;
    assert_eq!(r.status(), 303);
    assert_eq!(
        indikator_tersimpan(&app, &baru, 5).await.nilai_eksternal,
        Some(345)
    );
    let page = text(dk.get(&i5).await).await;
    assert!(page.contains("3,45"));
}
