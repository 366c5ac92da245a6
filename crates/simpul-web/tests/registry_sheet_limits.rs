//! Imports that must be refused as a whole (not a spreadsheet, wrong header, merged
//! cells, too many rows, too large), and the 10,000-row import.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod registry_sheet_util;

use std::time::Instant;

use common::{PASSWORD, SUPER_ADMIN, audit_len, spawn_app};
use registry_sheet_util::{count, data_values, download, report, row, sheets, upload, xlsx};

#[tokio::test]
async fn files_that_are_not_spreadsheets_are_refused() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "laporan.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "bukan lembar kerja",
        ),
        (
            "palsu.xlsx",
            b"PK\x03\x04bukan zip sungguhan",
            "rusak atau bukan lembar kerja",
        ),
        (
            "lama.xls",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1isi",
            "Excel 97-2003",
        ),
        ("kosong.xlsx", b"", "Berkas kosong"),
        ("ansi.csv", b"kode,nama\nA1,Caf\xe9\n", "UTF-8"),
    ];
    for (name, bytes, why) in cases {
        let (status, page) = upload(&s, "data", name, bytes).await;
        assert_eq!(status, 422, "{name}");
        assert!(page.contains(why), "{name}: {page}");
        assert!(page.contains("tidak ada yang disimpan"));
    }
}

#[tokio::test]
async fn wrong_headers_and_merged_cells_are_refused() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let rows = vec![
        vec!["kode".into(), "nama".into(), "warna".into(), "nama".into()],
        vec!["X-1".into(), "Satu".into(), "merah".into(), "Dua".into()],
    ];
    let (status, page) = upload(&s, "data", "kolom.xlsx", &xlsx("data", &rows)).await;
    assert_eq!(status, 422);
    let r = report(&page);
    let text = format!("{r:?}");
    assert!(
        text.contains("warna (C)") && text.contains("tidak dikenal"),
        "{text}"
    );
    assert!(
        text.contains("nama (D)") && text.contains("lebih dari sekali"),
        "{text}"
    );
    assert!(
        text.contains("jenis_data") && text.contains("klasifikasi"),
        "{text}"
    );
    assert!(r.iter().all(|c| c[1] == "1"), "{r:?}");

    let header = sheets(&download(&s, "/arsitektur/data/templat.xlsx").await)[0].1[0].clone();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("data").unwrap();
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    ws.merge_range(1, 0, 2, 1, "Gabung", &rust_xlsxwriter::Format::new())
        .unwrap();
    let (status, page) = upload(&s, "data", "gabung.xlsx", &wb.save_to_buffer().unwrap()).await;
    assert_eq!(status, 422);
    let r = report(&page);
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0][1..3], ["2".to_owned(), "A2:B3".into()]);
    assert!(r[0][3].contains("Sel gabungan"));
}

#[tokio::test]
async fn a_hundred_thousand_rows_are_refused_quickly() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("data").unwrap();
    ws.write_string(0, 0, "kode").unwrap();
    ws.write_string(0, 1, "nama").unwrap();
    for r in 1..=100_000u32 {
        ws.write_string(r, 0, format!("B-{r}")).unwrap();
        ws.write_string(r, 1, "Baris").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let before = audit_len(&app.db).await;
    let t = Instant::now();
    let (status, page) = upload(&s, "data", "besar.xlsx", &bytes).await;
    println!(
        "100.000 baris ({} KiB) ditolak dalam {:?}",
        bytes.len() / 1024,
        t.elapsed()
    );
    assert_eq!(status, 422);
    assert!(page.contains("lebih dari 20.000 baris"), "{page}");
    assert_eq!(audit_len(&app.db).await, before);
}

#[tokio::test]
async fn a_file_over_the_upload_limit_is_refused() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    // Over the app's default 1 MiB but under the import's 20 MiB: accepted as a CSV.
    let mut csv = String::from("kode,nama,jenis_data,klasifikasi,deskripsi\n");
    let filler = "x".repeat(1900);
    for i in 0..800 {
        csv.push_str(&format!(
            "BSR-{i},Data {i},berkas_digital,publik,{filler}\n"
        ));
    }
    assert!(csv.len() > 1024 * 1024);
    let (status, page) = upload(&s, "data", "sedang.csv", csv.as_bytes()).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(count(&app.db, "data", "BSR-").await, 800);

    let big = vec![b'a'; 21 * 1024 * 1024];
    let (status, page) = upload(&s, "data", "raksasa.csv", &big).await;
    assert_eq!(status, 413);
    assert!(page.contains("Berkas terlalu besar"), "{page}");
}

#[tokio::test]
async fn ten_thousand_rows_import_in_one_go() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let header = sheets(&download(&s, "/arsitektur/data/templat.xlsx").await)[0].1[0].clone();
    let pds = ["DINKES", "BPKAD", "DISDIK", "DISKOMINFO", "BAPPEDA"];
    let mut rows = vec![header.clone()];
    for i in 0..10_000 {
        let kode = format!("MASSAL-{i:05}");
        rows.push(row(&header, &data_values(&kode, pds[i % pds.len()])));
    }
    let bytes = xlsx("data", &rows);
    let t = Instant::now();
    let (status, page) = upload(&s, "data", "massal.xlsx", &bytes).await;
    let took = t.elapsed();
    println!(
        "10.000 baris ({} KiB) diimpor dalam {took:?}",
        bytes.len() / 1024
    );
    assert_eq!(status, 200, "{}", &page[..page.len().min(2000)]);
    assert!(page.contains("10.000 catatan disimpan"));
    assert_eq!(count(&app.db, "data", "MASSAL-").await, 10_000);
}
