//! Imports that must be refused as a whole (not a spreadsheet, wrong header, merged
//! cells, too many rows, too large, zip bombs), and the 10,000-row import.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod registry_sheet_util;

use std::io::{Cursor, Write};
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

/// The `data` template with one valid row, its `xl/sharedStrings.xml` replaced and parts
/// added: (name, how many spaces it really inflates to, the size its headers declare).
async fn bomb(s: &common::Session, parts: &[(&str, usize, Option<u32>)]) -> Vec<u8> {
    let header = sheets(&download(s, "/arsitektur/data/templat.xlsx").await)[0].1[0].clone();
    let rows = vec![
        header.clone(),
        row(&header, &data_values("BOM-1", "DINKES")),
    ];
    let base = xlsx("data", &rows);
    let mut src = zip::ZipArchive::new(Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let entry = src.by_index_raw(i).unwrap();
        if parts
            .iter()
            .all(|(name, _, _)| entry.name().unwrap() != *name)
        {
            out.raw_copy_file(entry).unwrap();
        }
    }
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let chunk = vec![b' '; 1024 * 1024];
    for (name, inflated, _) in parts {
        out.start_file(*name, deflated).unwrap();
        let mut left = *inflated;
        while left > 0 {
            let n = left.min(chunk.len());
            out.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
    }
    let mut bytes = out.finish().unwrap().into_inner();
    for (name, _, declared) in parts {
        if let Some(size) = declared {
            declare(&mut bytes, name, *size);
        }
    }
    bytes
}

/// Write `size` as the inflated size of entry `name` in its local and central headers.
fn declare(zip: &mut [u8], name: &str, size: u32) {
    let n = name.as_bytes();
    for (sig, name_at, size_at) in [(b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)] {
        let at = (0..zip.len() - name_at - n.len())
            .find(|&i| zip[i..].starts_with(sig) && zip[i + name_at..].starts_with(n))
            .unwrap();
        zip[at + size_at..at + size_at + 4].copy_from_slice(&size.to_le_bytes());
    }
}

/// Upload `bytes`: refused with `why`, and nothing stored. Returns the page.
async fn refused(app: &common::TestApp, s: &common::Session, bytes: &[u8], why: &str) -> String {
    assert!(
        bytes.len() < 1024 * 1024,
        "the test file itself stays small"
    );
    let before = audit_len(&app.db).await;
    let (status, page) = upload(s, "data", "bom.xlsx", bytes).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains(why), "{why}: {page}");
    assert!(page.contains("tidak ada yang disimpan"), "{page}");
    assert_eq!(count(&app.db, "data", "BOM-").await, 0);
    assert_eq!(audit_len(&app.db).await, before);
    page
}

#[tokio::test]
async fn parts_declaring_gigabytes_are_refused_before_inflating() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let gib3 = 3 * 1024 * 1024 * 1024;
    let one = bomb(&s, &[("xl/sharedStrings.xml", 1024, Some(gib3))]).await;
    refused(
        &app,
        &s,
        &one,
        "mengembang menjadi 3.072 MiB saat dibuka; batasnya 200 MiB",
    )
    .await;
    // Parts under the limit one by one are added up.
    let mib90 = 90 * 1024 * 1024;
    let three = bomb(
        &s,
        &[
            ("xl/sharedStrings.xml", 1024, Some(mib90)),
            ("xl/media/a.bin", 1024, Some(mib90)),
            ("xl/media/b.bin", 1024, Some(mib90)),
        ],
    )
    .await;
    refused(&app, &s, &three, "mengembang menjadi 270 MiB").await;
    // The same workbook without the bomb imports.
    let fine = bomb(&s, &[]).await;
    let (status, page) = upload(&s, "data", "biasa.xlsx", &fine).await;
    assert_eq!(status, 200, "{page}");
    assert_eq!(count(&app.db, "data", "BOM-").await, 1);
}

#[tokio::test]
async fn a_part_compressed_beyond_reason_is_refused() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    // 64 MiB of spaces deflate to some 64 KiB: under the total, far over the ratio.
    let bytes = bomb(&s, &[("xl/sharedStrings.xml", 64 * 1024 * 1024, None)]).await;
    let page = refused(&app, &s, &bytes, "termampatkan secara tidak wajar").await;
    assert!(
        page.contains("sharedStrings.xml") && page.contains("bom zip"),
        "{page}"
    );
}

#[tokio::test]
async fn a_part_inflating_past_its_declared_size_is_cut_off() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    // Declares 1 KiB (nothing to refuse in the directory), inflates to 64 MiB: reading
    // stops past the declared size and the file is reported unreadable.
    let bytes = bomb(
        &s,
        &[("xl/sharedStrings.xml", 64 * 1024 * 1024, Some(1024))],
    )
    .await;
    refused(&app, &s, &bytes, "rusak atau bukan lembar kerja").await;
}
