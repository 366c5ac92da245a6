//! The demo files: most PDs have this year's LAN diagram (some with last year's change
//! history), some business processes an SOP; every file is in the blob store under its
//! digest; loading twice adds nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{TODAY, count, sqlite_only, sys};
use simpul_store::blob::BlobStore;
use simpul_store::demo_registry::{self, Scale};
use simpul_store::{berkas, demo, demo_files, diagram_lan, pd};

const HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$ZGVtb2RlbW9kZW1vZGVtb2RlbW9kZW1vZGVtb2RlbW8";

#[tokio::test]
async fn demo_files_load_once_and_verify() {
    let b = sqlite_only().await;
    let db = &b[0].1;
    let dir = std::env::temp_dir().join(format!("simpul-demo-files-{}", uuid::Uuid::now_v7()));
    let blobs = BlobStore::open(&dir).unwrap();
    demo::load(db, "gorontalo", HASH, TODAY).await.unwrap();
    demo_registry::load(db, &sys(), "gorontalo", Scale::Normal)
        .await
        .unwrap();
    let year = TODAY.year();
    let first = demo_files::load(db, &blobs, year).await.unwrap();
    let pds = pd::list(db, &pd::PdFilter::default()).await.unwrap().len();
    let with = diagram_lan::latest_of_year(db, year).await.unwrap().len();
    assert!(
        with * 4 >= pds * 2 && with < pds,
        "most but not all PDs: {with} of {pds}"
    );
    assert!(
        !diagram_lan::latest_of_year(db, year - 1)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(first.sop_baru, 24);
    assert_eq!(count(db, "lampiran").await, 24);

    // The plans, seven of the ten policies (F, G and I missing), the architecture's review.
    assert_eq!(first.perencanaan_baru, 10);
    assert_eq!(count(db, "reviu_perencanaan").await, 1);
    let plans = simpul_store::perencanaan::list(db).await.unwrap();
    let induk = plans
        .iter()
        .find(|d| d.jenis == simpul_domain::plan::JenisDokumenPerencanaan::RencanaInduk)
        .unwrap();
    assert_eq!(
        induk.periode.map(|p| p.panjang()),
        Some(20),
        "Gorontalo plans for 20 years (001 Pasal 1 angka 10)"
    );

    let again = demo_files::load(db, &blobs, year).await.unwrap();
    assert_eq!(
        (again.diagram_baru, again.sop_baru, again.perencanaan_baru),
        (0, 0, 0)
    );
    let check = berkas::verify(db, &blobs).await.unwrap();
    assert!(check.rusak.is_empty(), "{:?}", check.rusak);
    assert_eq!(
        check.diperiksa,
        first.diagram_baru + first.sop_baru + first.berkas_perencanaan,
        "every file distinct"
    );
    let _ = std::fs::remove_dir_all(dir);
}
