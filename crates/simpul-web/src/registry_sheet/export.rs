//! Exports: XLSX (one sheet per kind) and CSV (UTF-8 with BOM, safe against formula
//! injection), with the template's columns so an export imports back unchanged.

use rust_xlsxwriter::{Workbook, XlsxError};
use simpul_domain::registry::spec::FieldKind;
use simpul_domain::registry::{Item, Jenis};

use super::template::{col_num, header_format, row_num};
use super::{Column, PdIndex, columns, row_of};

/// An XLSX workbook with one sheet per `(kind, records)`, named after the kind's code.
pub fn xlsx(sheets: &[(Jenis, Vec<Item>)], pds: &PdIndex) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = header_format();
    for (jenis, items) in sheets {
        let cols = columns(*jenis);
        let ws = wb.add_worksheet();
        ws.set_name(jenis.code())?;
        for (c, col) in cols.iter().enumerate() {
            ws.write_string_with_format(0, col_num(c), col.name, &head)?;
            ws.set_column_width(col_num(c), if col.name == "deskripsi" { 40 } else { 20 })?;
        }
        ws.set_freeze_panes(1, 0)?;
        for (r, item) in items.iter().enumerate() {
            let row = row_num(r + 1);
            for (c, text) in row_of(item, &cols, pds).iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                match number(&cols[c], text) {
                    Some(n) => ws.write_number(row, col_num(c), n)?,
                    // Strings stay strings: a value starting with `=` is never a formula.
                    None => ws.write_string(row, col_num(c), text)?,
                };
            }
        }
    }
    wb.save_to_buffer()
}

/// Whole numbers and years are written as numbers so spreadsheet programs can sum them.
fn number(col: &Column, text: &str) -> Option<f64> {
    match col.spec.map(|s| s.kind) {
        Some(FieldKind::Integer { .. } | FieldKind::Year) => {
            text.parse::<i32>().ok().map(f64::from)
        }
        _ => None,
    }
}

/// A CSV file of one kind: UTF-8 with a byte order mark (so Excel reads it as UTF-8),
/// comma separated, CRLF line ends.
pub fn csv(jenis: Jenis, items: &[Item], pds: &PdIndex) -> Vec<u8> {
    let cols = columns(jenis);
    let mut out = String::from("\u{feff}");
    let header: Vec<&str> = cols.iter().map(|c| c.name).collect();
    push_line(&mut out, header.iter().copied());
    for item in items {
        let row = row_of(item, &cols, pds);
        push_line(&mut out, row.iter().map(String::as_str));
    }
    out.into_bytes()
}

fn push_line<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, c) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(c));
    }
    out.push_str("\r\n");
}

/// One CSV cell: a leading `=`, `+`, `-`, `@`, tab or CR gets a `'` so a spreadsheet
/// program shows it as text instead of running it (OWASP "CSV injection"); quoted when it
/// holds a separator, quote or line break.
pub fn csv_cell(v: &str) -> String {
    let guarded = if v.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{v}")
    } else {
        v.to_owned()
    };
    if guarded.contains([',', ';', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_guarded_and_quoted() {
        assert_eq!(csv_cell("biasa"), "biasa");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+62"), "'+62");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("dua\nbaris"), "\"dua\nbaris\"");
    }
}
