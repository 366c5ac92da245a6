//! Spreadsheet template, export and import of the registry, through the real server.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod registry_sheet_util;

use common::{OPERATOR_BPKAD, PASSWORD, SUPER_ADMIN, audit_len, spawn_app};
use registry_sheet_util::{count, data_values, download, report, row, sheets, upload, xlsx};

#[tokio::test]
async fn template_downloads_and_imports_once_filled() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let resp = s.get("/arsitektur/data/templat.xlsx").await;
    assert_eq!(resp.status().as_u16(), 200);
    let ct = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(ct.contains("spreadsheetml"), "{ct}");
    let book = sheets(&resp.bytes().await.unwrap());
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["data", "Petunjuk", "Pilihan"]);
    let rows = &book[0].1;
    let header = rows[0].clone();
    assert_eq!(&header[..4], ["kode", "nama", "pd", "status"]);
    assert_eq!(header.last().unwrap(), "deskripsi");
    assert!(header.contains(&"klasifikasi".to_owned()));
    assert_eq!(rows[1][0], "Kode (wajib)");
    let petunjuk = format!("{:?}", book[1].1);
    assert!(petunjuk.contains("HH-BB-TTTT") && petunjuk.contains("ya atau tidak"));
    assert!(petunjuk.contains("dikecualikan = Informasi yang dikecualikan"));
    assert!(book[2].1.iter().any(|r| r.contains(&"DINKES".to_owned())));

    // The user fills rows 3 and 4 below the template's two rows.
    let mut filled = vec![header.clone(), rows[1].clone()];
    filled.push(row(&header, &data_values("UJI-DATA-1", "DINKES")));
    filled.push(row(&header, &data_values("uji-data-2", "bpkad")));
    let form = s.get("/arsitektur/data/impor").await.text().await.unwrap();
    assert!(form.contains("enctype=\"multipart/form-data\""));
    assert!(form.contains(&format!("/arsitektur/data/impor?_csrf={}", s.csrf)));
    let (status, page) = upload(&s, "data", "templat-data.xlsx", &xlsx("data", &filled)).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("2 catatan disimpan"), "{page}");
    let it = simpul_store::registry::item::by_kode(
        &app.db,
        simpul_domain::registry::Jenis::Data,
        "UJI-DATA-2",
    )
    .await
    .unwrap();
    assert_eq!(it.atribut["jenis_data"], "basis_data");
    assert_eq!(it.atribut["data_induk"], "ya");
    assert_eq!(it.pd, Some(common::pd_id(&app.db, "BPKAD").await));
    assert_eq!(it.deskripsi.as_deref(), Some("=SUM(1;2) bukan rumus"));
}

#[tokio::test]
async fn export_then_import_into_a_fresh_app_gives_the_same_registry() {
    let first = spawn_app().await;
    let s = first.login(SUPER_ADMIN, PASSWORD).await;
    let header = sheets(&download(&s, "/arsitektur/data/templat.xlsx").await)[0].1[0].clone();
    let mut rows = vec![header.clone()];
    for (i, pd) in ["DINKES", "BPKAD", "DISDIK", ""].iter().enumerate() {
        let kode = format!("RT-{i}");
        let mut v = data_values(&kode, pd);
        v.push(("distribusi", "+62 Bappeda, \"Dinkes\"; lainnya"));
        rows.push(row(&header, &v));
    }
    let (status, page) = upload(&s, "data", "awal.xlsx", &xlsx("data", &rows)).await;
    assert_eq!(status, 200, "{page}");
    let xlsx_export = download(&s, "/arsitektur/data/ekspor.xlsx?q=RT-").await;
    let csv_export = download(&s, "/arsitektur/data/ekspor.csv?q=RT-").await;
    assert!(csv_export.starts_with("\u{feff}kode,nama,pd,status,".as_bytes()));
    let csv_text = String::from_utf8(csv_export.clone()).unwrap();
    assert!(
        csv_text.contains(",\"'=SUM(1;2) bukan rumus\""),
        "{csv_text}"
    );
    assert!(
        csv_text.contains("\"'+62 Bappeda, \"\"Dinkes\"\"; lainnya\""),
        "{csv_text}"
    );
    assert_eq!(csv_text.lines().count(), 5);

    // The export filters like the list page.
    let dinkes = download(&s, "/arsitektur/data/ekspor.csv?q=RT-&pd=DINKES").await;
    assert_eq!(String::from_utf8(dinkes).unwrap().lines().count(), 2);

    for (file, bytes) in [("ekspor.xlsx", &xlsx_export), ("ekspor.csv", &csv_export)] {
        let fresh = spawn_app().await;
        let t = fresh.login(SUPER_ADMIN, PASSWORD).await;
        let (status, page) = upload(&t, "data", file, bytes).await;
        assert_eq!(status, 200, "{file}: {page}");
        let again = download(&t, "/arsitektur/data/ekspor.csv?q=RT-").await;
        assert_eq!(
            String::from_utf8(again).unwrap(),
            csv_text,
            "{file} round trip"
        );
    }

    // The whole registry: one sheet per kind.
    let all = sheets(&download(&s, "/arsitektur/ekspor.xlsx").await);
    assert_eq!(all.len(), 13);
    let data = all.iter().find(|(n, _)| n == "data").unwrap();
    assert!(data.1.iter().any(|r| r[0] == "RT-3"));
}

#[tokio::test]
async fn every_bad_row_is_reported_and_nothing_is_stored() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let header = sheets(&download(&s, "/arsitektur/data/templat.xlsx").await)[0].1[0].clone();
    let mut bad_class = data_values("ERR-2", "DINKES");
    bad_class[5] = ("klasifikasi", "rahasia");
    let unknown_pd = data_values("ERR-3", "TIDAKADA");
    let rows = vec![
        header.clone(),
        row(&header, &data_values("ERR-1", "DINKES")),
        row(&header, &bad_class),
        row(&header, &unknown_pd),
        row(&header, &data_values("ERR-1", "BPKAD")),
        row(&header, &data_values("ERR-5", "DISDIK")),
    ];
    let before = audit_len(&app.db).await;
    let (status, page) = upload(&s, "data", "salah.xlsx", &xlsx("data", &rows)).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("tidak ada yang disimpan"), "{page}");
    let r = report(&page);
    assert_eq!(r.len(), 3, "{r:?}");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let letter = |name: &str| char::from(b'A' + col(name) as u8).to_string();
    assert_eq!(
        r[0][..3],
        [
            "data".to_owned(),
            "3".into(),
            format!("klasifikasi ({})", letter("klasifikasi"))
        ]
    );
    assert!(r[0][3].contains("rahasia"), "{:?}", r[0]);
    assert_eq!(r[1][..3], ["data".to_owned(), "4".into(), "pd (C)".into()]);
    assert!(r[1][3].contains("TIDAKADA") && r[1][3].contains("tidak terdaftar"));
    assert_eq!(
        r[2][..3],
        ["data".to_owned(), "5".into(), "kode (A)".into()]
    );
    assert!(r[2][3].contains("baris 2"), "{:?}", r[2]);
    assert_eq!(count(&app.db, "data", "ERR-").await, 0);
    assert_eq!(audit_len(&app.db).await, before);
}

#[tokio::test]
async fn text_in_a_number_field_and_other_pds_are_refused() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let header = sheets(&download(&s, "/arsitektur/jaringan/templat.xlsx").await)[0].1[0].clone();
    let rows = vec![
        header.clone(),
        row(
            &header,
            &[
                ("kode", "NET-1"),
                ("nama", "Intra"),
                ("pd", "BPKAD"),
                ("jenis", "intra"),
                ("bandwidth_mbps", "seratus"),
            ],
        ),
        row(
            &header,
            &[
                ("kode", "NET-2"),
                ("nama", "Intra"),
                ("pd", "DINKES"),
                ("jenis", "intra"),
                ("bandwidth_mbps", "1.000"),
            ],
        ),
        row(
            &header,
            &[
                ("kode", "NET-3"),
                ("nama", "Intra"),
                ("pd", ""),
                ("jenis", "intra"),
            ],
        ),
    ];
    let (status, page) = upload(&s, "jaringan", "jar.xlsx", &xlsx("jaringan", &rows)).await;
    assert_eq!(status, 422, "{page}");
    let r = report(&page);
    assert_eq!(r.len(), 3, "{r:?}");
    assert!(r[0][2].starts_with("bandwidth_mbps") && r[0][3].contains("bukan bilangan bulat"));
    assert!(r[1][2].starts_with("pd") && r[1][3].contains("tidak berwenang"));
    assert!(r[2][2].starts_with("pd") && r[2][3].contains("Wajib diisi"));
    assert_eq!(count(&app.db, "jaringan", "NET-").await, 0);
}
