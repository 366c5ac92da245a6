//! Helpers of the spreadsheet tests: building workbooks, uploading them the way the
//! no-JavaScript form does, and reading downloaded files and report pages.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Reader, Xlsx};

use crate::common::Session;

/// Upload `bytes` as `file_name` to the import of `jenis`: multipart body, CSRF token in
/// the form action's query string, same-origin Origin. Returns status and page.
pub async fn upload(s: &Session, jenis: &str, file_name: &str, bytes: &[u8]) -> (u16, String) {
    let resp = s
        .post_multipart(
            &format!("/arsitektur/{jenis}/impor"),
            &[],
            Some((file_name, bytes)),
        )
        .await;
    let status = resp.status().as_u16();
    (status, resp.text().await.unwrap())
}

/// GET a file; its bytes (asserting 200).
pub async fn download(s: &Session, path: &str) -> Vec<u8> {
    let resp = s.get(path).await;
    assert_eq!(resp.status().as_u16(), 200, "{path}");
    resp.bytes().await.unwrap().to_vec()
}

/// A workbook with one sheet `name`: `rows` as strings from row 1.
pub fn xlsx(name: &str, rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name(name).unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, v).unwrap();
            }
        }
    }
    wb.save_to_buffer().unwrap()
}

/// Every sheet of a workbook as rows of text.
pub fn sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).unwrap();
            let rows = range
                .rows()
                .map(|r| r.iter().map(ToString::to_string).collect())
                .collect();
            (n, rows)
        })
        .collect()
}

/// A row in the order of `header`, from values by column name.
pub fn row(header: &[String], values: &[(&str, &str)]) -> Vec<String> {
    let m: BTreeMap<&str, &str> = values.iter().copied().collect();
    header
        .iter()
        .map(|h| m.get(h.as_str()).copied().unwrap_or("").to_owned())
        .collect()
}

/// A valid `data` record.
pub fn data_values<'a>(kode: &'a str, pd: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("kode", kode),
        ("nama", "Basis data kepegawaian"),
        ("pd", pd),
        ("status", "aktif"),
        ("jenis_data", "Basis data"),
        ("klasifikasi", "dikecualikan"),
        ("periode_backup", "harian"),
        ("wali_data", "DISKOMINFO"),
        ("data_induk", "ya"),
        ("deskripsi", "=SUM(1;2) bukan rumus"),
    ]
}

/// The rows of the import report's table: (sheet, row, column, reason).
pub fn report(html: &str) -> Vec<[String; 4]> {
    let Some(body) = html.split("<tbody>").nth(1) else {
        return Vec::new();
    };
    let body = body.split("</tbody>").next().unwrap();
    body.split("<tr>")
        .skip(1)
        .map(|tr| {
            let cells: Vec<String> = tr
                .split("<td")
                .skip(1)
                .map(|td| {
                    let inner = td.split_once('>').unwrap().1;
                    inner.split("</td>").next().unwrap().to_owned()
                })
                .collect();
            [
                cells[0].clone(),
                cells[1].clone(),
                cells[2].clone(),
                cells[3].clone(),
            ]
        })
        .collect()
}

/// Records of a kind whose code or name contains `q`.
pub async fn count(db: &simpul_store::Db, jenis: &str, q: &str) -> i64 {
    let f = simpul_store::registry::item::ItemFilter {
        jenis: simpul_domain::registry::Jenis::from_code(jenis),
        q: Some(q.to_owned()),
        ..Default::default()
    };
    simpul_store::registry::item::list(db, &f, 1, 0)
        .await
        .unwrap()
        .1
}
