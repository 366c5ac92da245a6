//! Conformance on every backend: the bus control plane (services, consumers and their
//! credentials, grants, reviews, data elements), audited, and the gateway snapshot built
//! from it (only reviewed services, unrevoked consumers and credentials, approved
//! unexpired grants).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{assert_one_entry, backends, count, exec, head_seq, new_pd, pd_a, sys};
use simpul_domain::berkas::Sha256;
use simpul_domain::bus::{
    ElemenData, Klasifikasi, KodeLayanan, NikFields, Putusan, StatusIzin, StatusLayanan, UrlHulu,
    Versi,
};
use simpul_domain::org::JenisPd;
use simpul_store::bus::konsumen::Jenis;
use simpul_store::bus::{elemen, izin, konsumen, layanan, snapshot, tinjauan};
use simpul_store::{StoreError, pd};
use time::{Duration, OffsetDateTime};

fn isian(url: &str, k: Klasifikasi) -> layanan::Isian {
    layanan::Isian {
        nama: "Data Penduduk".into(),
        deskripsi: Some("NIK ke biodata".into()),
        url_hulu: UrlHulu::parse(url).unwrap(),
        klasifikasi: k,
        nik: NikFields::parse("nik", "", "nik, nik_kk").unwrap(),
        openapi: Some((Sha256::of(b"{}"), "openapi.json".into())),
    }
}

fn hex(s: &str) -> String {
    Sha256::of(s.as_bytes()).as_str().to_owned()
}

#[tokio::test]
async fn service_consumer_grant_and_snapshot() {
    for (b, db) in backends().await.iter() {
        let (b, db) = (*b, db);
        let owner = pd_a(db).await;
        let other = pd::create(
            db,
            &sys(),
            &new_pd("PD-B", "PD B", None, JenisPd::Dinas, None),
            false,
        )
        .await
        .unwrap();
        let kode = KodeLayanan::parse("penduduk").unwrap();
        let v1 = Versi::parse("v1").unwrap();

        // Register: a proposal, audited, not in the snapshot.
        let before = head_seq(db).await;
        let svc = layanan::create(
            db,
            &sys(),
            owner.id,
            &kode,
            &v1,
            &isian("http://127.0.0.1:9/api", Klasifikasi::Terbatas),
        )
        .await
        .unwrap();
        assert_eq!(svc.status, StatusLayanan::Usulan);
        assert_eq!(svc.key(), "PD-A/penduduk/v1");
        assert_eq!(svc.nik_response, "nik, nik_kk");
        assert_one_entry(
            b,
            db,
            before,
            "bus.layanan_didaftarkan",
            "bus_layanan",
            Some(&svc.id.to_string()),
            Some(&owner.id.to_string()),
        )
        .await;
        assert_eq!(
            snapshot(db).await.unwrap().counts().0,
            0,
            "[{b}] proposals are not routed"
        );

        // Same code and version again: conflict, nothing written.
        let n = count(db, "bus_layanan").await;
        let seq = head_seq(db).await;
        let e = layanan::create(
            db,
            &sys(),
            owner.id,
            &kode,
            &v1,
            &isian("http://x", Klasifikasi::Biasa),
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::Conflict("kode"))),
            "[{b}] {e:?}"
        );
        assert_eq!(
            (count(db, "bus_layanan").await, head_seq(db).await),
            (n, seq)
        );

        // Approve: routed.
        let before = head_seq(db).await;
        let ke = svc.status.tinjau(Putusan::Setujui).unwrap();
        let svc = layanan::putuskan(db, &sys(), svc.id, svc.status, ke, "setujui", Some("aman"))
            .await
            .unwrap();
        assert_eq!(svc.status, StatusLayanan::Aktif);
        assert_one_entry(
            b,
            db,
            before,
            "bus.layanan_diputuskan",
            "bus_layanan",
            Some(&svc.id.to_string()),
            Some(&owner.id.to_string()),
        )
        .await;
        let r = tinjauan::of(db, "layanan", svc.id).await.unwrap();
        assert_eq!(
            (r.len(), r[0].putusan.as_str(), r[0].catatan.as_deref()),
            (1, "setujui", Some("aman"))
        );
        // A second decision from the stale status conflicts.
        let again = layanan::putuskan(
            db,
            &sys(),
            svc.id,
            StatusLayanan::Usulan,
            StatusLayanan::Ditolak,
            "tolak",
            Some("x"),
        )
        .await;
        assert!(
            matches!(again, Err(StoreError::Conflict("status"))),
            "[{b}]"
        );
        let snap = snapshot(db).await.unwrap();
        let s = snap.service("PD-A", "penduduk", "v1").unwrap();
        assert!(s.active && s.classification.requires_officer());
        assert_eq!(s.nik.response, vec!["nik".to_owned(), "nik_kk".to_owned()]);

        // Consumer of the other PD, credentials by digest only.
        let ck = KodeLayanan::parse("pdb-siks").unwrap();
        let before = head_seq(db).await;
        let cons = konsumen::create(db, &sys(), other.id, &ck, "SIKS PD B", "SIKS")
            .await
            .unwrap();
        assert_one_entry(
            b,
            db,
            before,
            "bus.konsumen_didaftarkan",
            "bus_konsumen",
            Some(&cons.id.to_string()),
            Some(&other.id.to_string()),
        )
        .await;
        let key = konsumen::terbitkan(
            db,
            &sys(),
            cons.id,
            Jenis::ApiKey,
            None,
            &hex("kunci-rahasia"),
            "kunci-",
        )
        .await
        .unwrap();
        konsumen::terbitkan(
            db,
            &sys(),
            cons.id,
            Jenis::Oauth,
            Some("pdb-siks-1"),
            &hex("rahasia-oauth"),
            "rahas",
        )
        .await
        .unwrap();
        let dup = konsumen::terbitkan(
            db,
            &sys(),
            cons.id,
            Jenis::ApiKey,
            None,
            &hex("kunci-rahasia"),
            "kunci-",
        )
        .await;
        assert!(matches!(dup, Err(StoreError::Conflict(_))), "[{b}] {dup:?}");
        assert_eq!(konsumen::kredensial(db, cons.id).await.unwrap().len(), 2);
        let snap = snapshot(db).await.unwrap();
        assert_eq!(
            snap.consumer_by_key_digest(&hex("kunci-rahasia"))
                .unwrap()
                .id,
            "pdb-siks"
        );
        let (c, d) = snap.oauth_client("pdb-siks-1").unwrap();
        assert_eq!(
            (c.id.as_str(), d),
            ("pdb-siks", hex("rahasia-oauth").as_str())
        );

        // Grant: requested (not routed), approved (routed with purpose and basis).
        let until = (OffsetDateTime::now_utc() + Duration::days(30)).date();
        let before = head_seq(db).await;
        let g = izin::minta(
            db,
            &sys(),
            cons.id,
            svc.id,
            "verifikasi bansos",
            "Permensos 3/2021",
            until,
        )
        .await
        .unwrap();
        assert_one_entry(
            b,
            db,
            before,
            "bus.izin_diminta",
            "bus_izin",
            Some(&g.id.to_string()),
            Some(&other.id.to_string()),
        )
        .await;
        assert_eq!(
            (g.status, g.layanan_key.as_str()),
            (StatusIzin::Usulan, "PD-A/penduduk/v1")
        );
        assert!(
            snapshot(db)
                .await
                .unwrap()
                .grant("pdb-siks", "PD-A/penduduk/v1")
                .is_none()
        );
        let g = izin::putuskan(
            db,
            &sys(),
            g.id,
            StatusIzin::Usulan,
            StatusIzin::Aktif,
            "setujui",
            None,
        )
        .await
        .unwrap();
        let snap = snapshot(db).await.unwrap();
        let gr = snap.grant("pdb-siks", "PD-A/penduduk/v1").unwrap();
        assert!(gr.active && gr.expires == until && gr.purpose == "verifikasi bansos");
        assert_eq!(snap.version, head_seq(db).await.to_string());

        // An unknown service is a missing reference.
        let e = izin::minta(db, &sys(), cons.id, uuid::Uuid::now_v7(), "x", "y", until).await;
        assert!(matches!(e, Err(StoreError::MissingReference)), "[{b}]");

        // Expired grants, revoked credentials and consumers leave the snapshot.
        exec(
            db,
            "UPDATE bus_izin SET berlaku_sampai = '2020-01-01' WHERE status = 'aktif'",
        )
        .await;
        assert!(
            snapshot(db)
                .await
                .unwrap()
                .grant("pdb-siks", "PD-A/penduduk/v1")
                .is_none(),
            "[{b}] expired"
        );
        exec(
            db,
            &format!(
                "UPDATE bus_izin SET berlaku_sampai = '{}' WHERE status = 'aktif'",
                izin::tanggal_text(until)
            ),
        )
        .await;
        konsumen::cabut_kredensial(db, &sys(), key.id)
            .await
            .unwrap();
        let snap = snapshot(db).await.unwrap();
        assert!(
            snap.consumer_by_key_digest(&hex("kunci-rahasia")).is_none(),
            "[{b}] revoked key"
        );
        assert!(snap.oauth_client("pdb-siks-1").is_some());
        let g = izin::putuskan(
            db,
            &sys(),
            g.id,
            StatusIzin::Aktif,
            StatusIzin::Dicabut,
            "cabut",
            Some("selesai"),
        )
        .await
        .unwrap();
        assert_eq!(g.status, StatusIzin::Dicabut);
        assert!(
            snapshot(db)
                .await
                .unwrap()
                .grant("pdb-siks", "PD-A/penduduk/v1")
                .is_none()
        );
        konsumen::cabut(db, &sys(), cons.id).await.unwrap();
        assert!(
            snapshot(db).await.unwrap().consumer("pdb-siks").is_none(),
            "[{b}] revoked consumer"
        );
        let e = konsumen::terbitkan(
            db,
            &sys(),
            cons.id,
            Jenis::ApiKey,
            None,
            &hex("baru"),
            "baru",
        )
        .await;
        assert!(
            matches!(e, Err(StoreError::Conflict("status"))),
            "[{b}] no keys for revoked consumers"
        );

        // Switched off: still in the snapshot, inactive. An edit goes back to review.
        let svc = layanan::putuskan(
            db,
            &sys(),
            svc.id,
            StatusLayanan::Aktif,
            StatusLayanan::Nonaktif,
            "nonaktifkan",
            None,
        )
        .await
        .unwrap();
        assert!(
            !snapshot(db)
                .await
                .unwrap()
                .service("PD-A", "penduduk", "v1")
                .unwrap()
                .active
        );
        let svc = layanan::putuskan(
            db,
            &sys(),
            svc.id,
            StatusLayanan::Nonaktif,
            StatusLayanan::Aktif,
            "aktifkan",
            None,
        )
        .await
        .unwrap();
        let mut i = isian("http://127.0.0.1:10/api", Klasifikasi::Biasa);
        i.openapi = None;
        let edited = layanan::update(
            db,
            &sys(),
            svc.id,
            svc.status,
            svc.status.setelah_ubah(),
            &i,
        )
        .await
        .unwrap();
        assert_eq!(edited.status, StatusLayanan::Usulan);
        assert_eq!(
            edited.openapi_sha256, svc.openapi_sha256,
            "[{b}] document kept"
        );
        assert!(
            snapshot(db)
                .await
                .unwrap()
                .service("PD-A", "penduduk", "v1")
                .is_none()
        );

        // https upstreams are routed like http ones (the gateway verifies their TLS).
        let s2 = layanan::create(
            db,
            &sys(),
            owner.id,
            &kode,
            &Versi::parse("v2").unwrap(),
            &isian("https://x.go.id", Klasifikasi::Biasa),
        )
        .await
        .unwrap();
        layanan::putuskan(
            db,
            &sys(),
            s2.id,
            StatusLayanan::Usulan,
            StatusLayanan::Aktif,
            "setujui",
            None,
        )
        .await
        .unwrap();
        let snap = snapshot(db).await.unwrap();
        let routed = snap.service("PD-A", "penduduk", "v2").unwrap();
        assert_eq!(routed.upstream, "https://x.go.id", "[{b}]");
        assert!(routed.active);
        assert_eq!(layanan::list(db).await.unwrap().len(), 2);
        assert_eq!(layanan::usulan(db).await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn data_elements() {
    for (b, db) in backends().await.iter() {
        let (b, db) = (*b, db);
        let e =
            ElemenData::parse("nik", "Nomor Induk Kependudukan", "kode", "", "UU 24/2013").unwrap();
        let before = head_seq(db).await;
        let row = elemen::create(db, &sys(), &e).await.unwrap();
        assert_one_entry(
            b,
            db,
            before,
            "bus.elemen_didefinisikan",
            "bus_elemen",
            Some(&row.id.to_string()),
            None,
        )
        .await;
        let dup = elemen::create(db, &sys(), &e).await;
        assert!(matches!(dup, Err(StoreError::Conflict(_))), "[{b}]");
        let mut e2 = e.clone();
        e2.satuan = Some("digit".into());
        let row = elemen::update(db, &sys(), row.id, &e2).await.unwrap();
        assert_eq!(row.satuan.as_deref(), Some("digit"));
        assert_eq!(elemen::list(db).await.unwrap().len(), 1);
    }
}
