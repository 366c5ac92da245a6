//! Conformance on every backend: compliance gathered from a small hand-built region (PDs,
//! applications, a business process, LAN diagrams, planning documents and their reviews,
//! fulfilments recorded by hand) and evaluated on the Tanah Bumbu and Pasuruan profiles;
//! refused fulfilments store nothing, accepted ones are audited and listed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod compliance_fixtures;

use common::{assert_one_entry, backends, count, head_seq, sys};
use compliance_fixtures::{file, fulfilment, profil, record, region, row, today};
use simpul_domain::compliance::engine::{
    Rekap, SEGERA_HARI, evaluate, kunci_dokumen, kunci_item, kunci_pd,
};
use simpul_domain::compliance::{AlasanTidakBerlaku, Status};
use simpul_domain::plan::JenisDokumenPerencanaan;
use simpul_domain::registry::Jenis;
use simpul_store::kepatuhan::{self, CatatError, pemenuhan};
use time::Duration;

#[tokio::test]
async fn compliance_is_gathered_and_evaluated() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let tb = profil("tanah-bumbu");
        let today = today(&tb);
        let r = region(db, today).await;
        let app = kunci_item(r.khusus.id);
        let (pd_a, dinas) = (kunci_pd(r.pd_a.id), kunci_pd(r.dinas.id));
        let audited = today - Duration::days(396);
        kepatuhan::catat(
            db,
            &sys(),
            &tb,
            &fulfilment("audit-aplikasi-khusus", &app, audited),
            today,
            None,
        )
        .await
        .unwrap();

        let input = kepatuhan::gather(db, &tb, today).await.unwrap();
        let rows = evaluate(&tb, &input, today, SEGERA_HARI);
        // 2 planning documents, 3 obligations per PD, 3 on the infrastructure, 2 per
        // Aplikasi Khusus (the Aplikasi Umum has none in Tanah Bumbu).
        assert_eq!(rows.len(), 2 + 3 * 2 + 3 + 2, "[{name}]");
        let audit = row(&rows, "audit-aplikasi-khusus", &app);
        assert_eq!(
            audit.penilaian.status,
            Status::Terlambat,
            "[{name}] 13 months, yearly"
        );
        assert_eq!(audit.penilaian.terakhir, Some(audited), "[{name}]");
        assert_eq!(audit.kutipan.pasal, "Pasal 41 ayat (3)", "[{name}]");
        assert_eq!(audit.subjek.pd, Some(r.pd_a.id), "[{name}]");
        let st = |k: &str, s: &str| row(&rows, k, s).penilaian.status;
        assert_eq!(
            st("diagram-lan-tahunan", &pd_a),
            Status::Terpenuhi,
            "[{name}]"
        );
        assert_eq!(
            st("perubahan-lan", &pd_a),
            Status::Terpenuhi,
            "[{name}] v2 is change and report"
        );
        assert_eq!(
            st("diagram-lan-tahunan", &dinas),
            Status::BelumPernah,
            "[{name}]"
        );
        assert_eq!(
            st("perubahan-lan", &dinas),
            Status::TidakBerlaku(AlasanTidakBerlaku::BelumAdaPeristiwa),
            "[{name}]"
        );
        // A review is no monitoring and evaluation; the draft Peta Rencana is missing.
        let arsitektur = kunci_dokumen(JenisDokumenPerencanaan::Arsitektur);
        assert_eq!(
            st("arsitektur-monev-tahunan", &arsitektur),
            Status::Terlambat,
            "[{name}]"
        );
        let peta = row(
            &rows,
            "peta-rencana-monev-tahunan",
            &kunci_dokumen(JenisDokumenPerencanaan::PetaRencana),
        );
        assert!(
            !peta.subjek.ada && peta.penilaian.status == Status::Terlambat,
            "[{name}]"
        );
        let rekap = Rekap::dari(&tb, &rows);
        assert_eq!(rekap.wilayah.total(), rows.len(), "[{name}]");
        assert_eq!(
            rekap.per_pd.get(&Some(r.pd_a.id)).map(|h| h.total()),
            Some(3 + 2),
            "[{name}]"
        );

        // Pasuruan audits every 2 years; its fulfilments are its own.
        let ps = profil("pasuruan");
        let input = kepatuhan::gather(db, &ps, today).await.unwrap();
        let rows = evaluate(&ps, &input, today, SEGERA_HARI);
        let before = row(&rows, "audit-aplikasi-khusus", &app).penilaian.status;
        assert_eq!(
            before,
            Status::BelumPernah,
            "[{name}] Tanah Bumbu's record is not Pasuruan's"
        );
        kepatuhan::catat(
            db,
            &sys(),
            &ps,
            &fulfilment("audit-aplikasi-khusus", &app, audited),
            today,
            None,
        )
        .await
        .unwrap();
        let input = kepatuhan::gather(db, &ps, today).await.unwrap();
        let rows = evaluate(&ps, &input, today, SEGERA_HARI);
        let st = |k: &str, s: &str| row(&rows, k, s).penilaian.status;
        assert_eq!(
            st("audit-aplikasi-khusus", &app),
            Status::Terpenuhi,
            "[{name}] 13 months, 2-yearly"
        );
        let induk = kunci_dokumen(JenisDokumenPerencanaan::RencanaInduk);
        assert_eq!(
            st("rencana-induk-penetapan", &induk),
            Status::Terpenuhi,
            "[{name}] decree"
        );
        assert_eq!(
            st("arsitektur-reviu", &arsitektur),
            Status::Terpenuhi,
            "[{name}] mid-term review"
        );
        let pb = row(&rows, "proses-bisnis-reviu", &kunci_item(r.proses.id));
        assert_eq!(
            pb.penilaian.kemajuan.map(|k| k.selesai),
            Some(2),
            "[{name}] date and document"
        );
    }
}

#[tokio::test]
async fn refused_fulfilments_store_nothing() {
    let b = backends().await;
    for (name, db) in b.iter() {
        let tb = profil("tanah-bumbu");
        let today = today(&tb);
        let a = common::pd_a(db).await;
        let app = kunci_item(
            record(
                db,
                Jenis::Aplikasi,
                "APP-1",
                a.id,
                &[("jenis", "khusus".into())],
            )
            .await
            .id,
        );
        let evidence = file("audit.pdf", b"%PDF-1.7 audit");
        let seq = head_seq(db).await;
        let refused = [
            (
                fulfilment("audit-aplikasi-khusus", &app, today + Duration::days(1)),
                "tanggal",
                "tanggal_masa_depan",
            ),
            (
                fulfilment("audit-kucing", &app, today),
                "kewajiban",
                "kewajiban_tidak_dikenal",
            ),
            (
                fulfilment("audit-aplikasi-khusus", "item:tidak-ada", today),
                "subjek",
                "subjek_tidak_dikenal",
            ),
            (
                fulfilment("audit-aplikasi-khusus", &kunci_pd(a.id), today),
                "subjek",
                "subjek_tidak_dikenal",
            ),
        ];
        for (input, field, kode) in refused {
            match kepatuhan::catat(db, &sys(), &tb, &input, today, Some(&evidence)).await {
                Err(CatatError::TidakValid(p)) => {
                    let codes: Vec<_> =
                        p.0.get(field)
                            .into_iter()
                            .flatten()
                            .map(|m| m.kode)
                            .collect();
                    assert_eq!(codes, [kode], "[{name}] {input:?}");
                }
                other => panic!("[{name}] {input:?} accepted: {other:?}"),
            }
        }
        assert_eq!(count(db, "pemenuhan").await, 0, "[{name}]");
        assert_eq!(count(db, "berkas").await, 0, "[{name}]");
        assert_eq!(head_seq(db).await, seq, "[{name}] no audit entry");

        let ok = kepatuhan::catat(
            db,
            &sys(),
            &tb,
            &fulfilment("audit-aplikasi-khusus", &app, today),
            today,
            Some(&evidence),
        )
        .await
        .unwrap();
        let pd = a.id.to_string();
        assert_one_entry(
            name,
            db,
            seq,
            "kepatuhan.pemenuhan_dicatat",
            "pemenuhan",
            Some(&ok.id.to_string()),
            Some(&pd),
        )
        .await;
        assert_eq!(
            ok.berkas.as_ref().map(|f| f.nama.as_str()),
            Some("audit.pdf"),
            "[{name}]"
        );
        assert_eq!(
            (ok.tanggal, ok.dicatat_oleh.as_str()),
            (today, "sistem"),
            "[{name}]"
        );
        let ids =
            |v: Vec<pemenuhan::CatatanPemenuhan>| v.into_iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(
            ids(pemenuhan::of_profil(db, "tanah-bumbu").await.unwrap()),
            [ok.id],
            "[{name}]"
        );
        assert_eq!(
            ids(pemenuhan::of_subjek(db, "tanah-bumbu", &app).await.unwrap()),
            [ok.id],
            "[{name}]"
        );
        assert_eq!(
            ids(
                pemenuhan::of_kewajiban(db, "tanah-bumbu", "audit-aplikasi-khusus")
                    .await
                    .unwrap()
            ),
            [ok.id]
        );
        assert!(
            pemenuhan::of_profil(db, "pasuruan")
                .await
                .unwrap()
                .is_empty(),
            "[{name}]"
        );
    }
}
