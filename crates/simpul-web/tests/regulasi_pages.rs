//! The regulation pages: the five profiles, one profile with its articles, and the
//! comparison that shows where the regions differ.

#![allow(clippy::unwrap_used)]

mod common;

use common::*;

#[tokio::test]
async fn officials_read_and_compare_the_regulations() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let list = s.get("/regulasi").await.text().await.unwrap();
    for wilayah in [
        "Kabupaten Tanah Bumbu",
        "Kota Gorontalo",
        "Kabupaten Tanah Laut",
        "Kabupaten Pasuruan",
        "Provinsi Jambi",
    ] {
        assert!(list.contains(wilayah), "{wilayah}");
    }
    let tb = s.get("/regulasi/tanah-bumbu").await.text().await.unwrap();
    assert!(tb.contains("Pasal 20 ayat (1)"));
    assert!(
        tb.contains("paling sedikit 1 (satu) kali dalam setahun"),
        "the article's words"
    );
    assert!(tb.contains("setiap 12 bulan"));
    assert_eq!(s.get("/regulasi/atlantis").await.status().as_u16(), 404);

    let all = s.get("/regulasi/banding").await.text().await.unwrap();
    let only = s
        .get("/regulasi/banding?beda=1")
        .await
        .text()
        .await
        .unwrap();
    let rows = |html: &str| html.matches("<th scope=\"row\">").count();
    assert!(
        rows(&only) > 0 && rows(&only) <= rows(&all),
        "{} of {}",
        rows(&only),
        rows(&all)
    );
    assert!(
        only.contains("audit-aplikasi-khusus"),
        "audit intervals differ between regions"
    );
    assert!(
        only.contains("Tidak diatur"),
        "some regions lack some obligations"
    );
    // Anonymous visitors are sent to log in.
    let r = client()
        .get(format!("{}/regulasi/banding", app.base))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status().as_u16(), 200);
}
