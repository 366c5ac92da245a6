//! Helpers of the planning document tests: the Dinas administrator of the demo, sample
//! files, dates around today, and what a refused request must leave unchanged.

#![allow(dead_code, clippy::unwrap_used)]

use simpul_domain::ids::DokumenPerencanaanId;
use simpul_store::perencanaan::{self, reviu};

use crate::common::{Session, TestApp, audit_len, location};

/// Administrator of DISKOMINFO, the Dinas of the Tanah Bumbu demo.
pub const ADMIN_DINAS: &str = "199504292018082007";

/// A document file, first version.
pub const PDF_V1: &[u8] = b"%PDF-1.7\nArsitektur SPBE naskah\n%%EOF";
/// The same document, adopted.
pub const PDF_V2: &[u8] = b"%PDF-1.7\nArsitektur SPBE ditetapkan\n%%EOF";
/// A review report.
pub const REPORT: &[u8] = b"%PDF-1.7\nLaporan reviu paruh waktu\n%%EOF";

/// Today in WIB (the test server's zone) plus `offset` days, as `YYYY-MM-DD`.
pub fn day(offset: i64) -> String {
    // The server's "today" is the region's (WIB by default), not UTC's: from 17:00 UTC
    // on they differ, and "tomorrow" must be tomorrow in WIB to be in the future.
    let wib = time::UtcOffset::from_hms(7, 0, 0).unwrap();
    let d = time::OffsetDateTime::now_utc().to_offset(wib).date() + time::Duration::days(offset);
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// The fields of a valid Arsitektur SPBE in force.
pub fn arsitektur<'a>(judul: &'a str, awal: &'a str, akhir: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("jenis", "arsitektur"),
        ("judul", judul),
        ("periode_awal", awal),
        ("periode_akhir", akhir),
        (
            "nomor_penetapan",
            "Peraturan Bupati Tanah Bumbu Nomor 12 Tahun 2025",
        ),
        ("tanggal_penetapan", "2025-03-12"),
        ("status", "berlaku"),
        ("catatan_berkas", "naskah yang ditetapkan"),
    ]
}

/// What a refused request must leave unchanged: audit entries, documents, reviews, file
/// rows and files in the blob store.
pub async fn stored(app: &TestApp) -> (i64, usize, usize, usize) {
    let docs = perencanaan::list(&app.db).await.unwrap();
    let mut reviews = 0;
    for d in &docs {
        reviews += reviu::of_dokumen(&app.db, d.id).await.unwrap().len();
    }
    let files = simpul_store::berkas::digests(&app.db).await.unwrap().len();
    (
        audit_len(&app.db).await,
        docs.len() + reviews,
        files,
        app.blob_files(),
    )
}

/// The document id in a redirect to its page.
pub fn id_from(r: &reqwest::Response) -> DokumenPerencanaanId {
    let loc = location(r);
    let rest = loc.strip_prefix("/perencanaan/").unwrap();
    rest.split('?').next().unwrap().parse().unwrap()
}

/// A page that must answer 200.
pub async fn page(s: &Session, path: &str) -> String {
    let r = s.get(path).await;
    assert_eq!(r.status().as_u16(), 200, "{path}");
    r.text().await.unwrap()
}
