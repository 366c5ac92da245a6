//! Conformance on every backend: files in the content-addressed blob store, documents of
//! registry records and LAN diagrams per PD per year, as versions that are never replaced.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;

use common::{assert_one_entry, backends, count, head_seq, pd_a, sys};
use simpul_domain::berkas::{JenisBerkas, JenisDokumen, NamaBerkas, Sha256};
use simpul_domain::registry::{Jenis, NewItem};
use simpul_store::berkas::{self, Unggahan};
use simpul_store::blob::{BlobState, BlobStore};
use simpul_store::registry::{item, lampiran};
use simpul_store::{StoreError, diagram_lan, pd};

fn temp_store() -> (BlobStore, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("simpul-blob-{}", uuid::Uuid::now_v7()));
    (BlobStore::open(&dir).unwrap(), dir)
}

async fn upload(store: &BlobStore, name: &str, bytes: &[u8]) -> Unggahan {
    let jenis = JenisBerkas::detect(name, bytes).unwrap();
    Unggahan {
        sha256: store.put(bytes.to_vec()).await.unwrap(),
        ukuran: bytes.len() as i64,
        jenis,
        nama: NamaBerkas::parse(name).unwrap(),
    }
}

#[tokio::test]
async fn blob_store_writes_once_and_detects_tampering() {
    let (store, dir) = temp_store();
    let a = store.put(b"%PDF-1.7 satu".to_vec()).await.unwrap();
    assert_eq!(a, Sha256::of(b"%PDF-1.7 satu"));
    // Same bytes again: same key, still one file.
    assert_eq!(store.put(b"%PDF-1.7 satu".to_vec()).await.unwrap(), a);
    assert_eq!(store.read(&a).await.unwrap(), b"%PDF-1.7 satu");
    assert_eq!(store.check(&a).await.unwrap(), BlobState::Utuh);
    let missing = Sha256::of(b"tidak ada");
    assert_eq!(store.check(&missing).await.unwrap(), BlobState::Hilang);
    assert!(matches!(
        store.read(&missing).await,
        Err(StoreError::NotFound)
    ));

    // Alter the stored file behind the store's back: reads refuse it, and a new upload
    // of the original bytes does not silently overwrite the evidence of tampering.
    let h = a.as_str();
    let path = dir.join(&h[..2]).join(&h[2..4]).join(h);
    std::fs::write(&path, b"%PDF-1.7 palsu").unwrap();
    assert_eq!(store.check(&a).await.unwrap(), BlobState::Berubah);
    assert!(matches!(store.read(&a).await, Err(StoreError::Corrupt(_))));
    assert!(matches!(
        store.put(b"%PDF-1.7 satu".to_vec()).await,
        Err(StoreError::Corrupt(_))
    ));
    assert_eq!(std::fs::read(&path).unwrap(), b"%PDF-1.7 palsu");
    // No temporary files are left behind.
    assert_eq!(std::fs::read_dir(dir.join("tmp")).unwrap().count(), 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn documents_of_records_are_versioned_and_audited() {
    let (store, dir) = temp_store();
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let new = NewItem {
            jenis: Jenis::ProsesBisnis,
            kode: "PB-1".into(),
            nama: "Penggajian".into(),
            deskripsi: None,
            pd: Some(a.id),
            status: None,
            atribut: BTreeMap::new(),
        };
        let it = item::create(db, &sys(), &new).await.unwrap();
        let seq = head_seq(db).await;
        let u1 = upload(&store, "SOP Gaji.pdf", b"%PDF-1.7 v1").await;
        let v1 = lampiran::add(db, &sys(), &it, JenisDokumen::Sop, "SOP 01/2026", &u1)
            .await
            .unwrap();
        let seq = assert_one_entry(
            name,
            db,
            seq,
            "arsitektur.dokumen_diunggah",
            "arsitektur",
            Some(&it.id.to_string()),
            Some(&a.id.to_string()),
        )
        .await;
        let u2 = upload(&store, "SOP Gaji rev.pdf", b"%PDF-1.7 v2").await;
        let v2 = lampiran::add(
            db,
            &sys(),
            &it,
            JenisDokumen::Sop,
            "SOP 01/2026 rev. 1",
            &u2,
        )
        .await
        .unwrap();
        let other = lampiran::add(db, &sys(), &it, JenisDokumen::HasilReviu, "Reviu Juni", &u1)
            .await
            .unwrap();
        assert_eq!(
            (v1.versi, v2.versi, other.versi),
            (1, 2, 1),
            "[{name}] versions per kind"
        );
        assert_eq!(head_seq(db).await, seq + 2, "[{name}] one entry per upload");
        let all = lampiran::of_item(db, it.id).await.unwrap();
        let order: Vec<_> = all.iter().map(|l| (l.jenis.code(), l.versi)).collect();
        assert_eq!(
            order,
            [("hasil_reviu", 1), ("sop", 2), ("sop", 1)],
            "[{name}]"
        );
        let got = lampiran::get(db, v1.id).await.unwrap();
        assert_eq!(got.berkas.sha256, u1.sha256, "[{name}] first version kept");
        assert_eq!(got.berkas.nama, "SOP Gaji.pdf");
        assert_eq!(got.berkas.jenis, JenisBerkas::Pdf);
        assert_eq!(got.berkas.diunggah_oleh, "sistem");

        // An archived record takes no new document, and nothing is stored.
        item::set_archived(db, &sys(), it.id, true).await.unwrap();
        let (files, seq) = (count(db, "berkas").await, head_seq(db).await);
        let err = lampiran::add(db, &sys(), &it, JenisDokumen::Sop, "x", &u1).await;
        assert!(
            matches!(err, Err(StoreError::MissingReference)),
            "[{name}] {err:?}"
        );
        assert_eq!(
            (count(db, "berkas").await, head_seq(db).await),
            (files, seq),
            "[{name}]"
        );
        assert_eq!(
            berkas::digests(db).await.unwrap().len(),
            2,
            "[{name}] distinct digests"
        );
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn lan_diagrams_per_pd_per_year() {
    let (store, dir) = temp_store();
    let b = backends().await;
    for (name, db) in b.iter() {
        let a = pd_a(db).await;
        let png = b"\x89PNG\r\n\x1a\nlan-2025";
        let u = upload(&store, "lan.png", png).await;
        let seq = head_seq(db).await;
        let d25 = diagram_lan::add(db, &sys(), a.id, 2025, None, &u)
            .await
            .unwrap();
        assert_one_entry(
            name,
            db,
            seq,
            "pd.diagram_lan_diunggah",
            "pd",
            Some(&a.id.to_string()),
            Some(&a.id.to_string()),
        )
        .await;
        let u2 = upload(&store, "lan-baru.drawio", b"<mxfile>2026</mxfile>").await;
        let d26a = diagram_lan::add(db, &sys(), a.id, 2026, Some("awal"), &u)
            .await
            .unwrap();
        let d26b = diagram_lan::add(db, &sys(), a.id, 2026, Some("ruang server pindah"), &u2)
            .await
            .unwrap();
        assert_eq!((d25.versi, d26a.versi, d26b.versi), (1, 1, 2), "[{name}]");
        let hist: Vec<_> = diagram_lan::of_pd(db, a.id)
            .await
            .unwrap()
            .iter()
            .map(|d| (d.tahun, d.versi))
            .collect();
        assert_eq!(
            hist,
            [(2026, 2), (2026, 1), (2025, 1)],
            "[{name}] newest first"
        );
        let latest = diagram_lan::latest_of_year(db, 2026).await.unwrap();
        assert_eq!(latest.len(), 1, "[{name}]");
        assert_eq!(
            latest[0].id, d26b.id,
            "[{name}] the latest version is in force"
        );
        assert_eq!(latest[0].catatan.as_deref(), Some("ruang server pindah"));
        assert!(
            diagram_lan::latest_of_year(db, 2024)
                .await
                .unwrap()
                .is_empty()
        );

        // An archived PD and a year out of range are refused with nothing stored.
        let files = count(db, "berkas").await;
        let bad_year = diagram_lan::add(db, &sys(), a.id, 1999, None, &u).await;
        assert!(bad_year.is_err(), "[{name}] year 1999");
        pd::set_archived(db, &sys(), a.id, true).await.unwrap();
        let archived = diagram_lan::add(db, &sys(), a.id, 2026, None, &u).await;
        assert!(
            matches!(archived, Err(StoreError::MissingReference)),
            "[{name}] {archived:?}"
        );
        assert_eq!(count(db, "berkas").await, files, "[{name}] nothing stored");
    }
    let _ = std::fs::remove_dir_all(dir);
}
