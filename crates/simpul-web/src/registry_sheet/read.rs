//! Reading an uploaded file into rows of text: XLSX streamed cell by cell (so a huge
//! sheet is refused at the row cap without being held in memory) or CSV (UTF-8, comma or
//! semicolon). Everything here is CPU work; callers run it on a blocking thread. XLSX
//! files pass [`zip_guard`] first, so a zip bomb is refused before it is inflated.

use std::io::Cursor;

use calamine::{DataRef, Reader, Xlsx};
use simpul_domain::registry::Jenis;
use time::{Date, Duration, Month};

use super::template::PILIHAN;
use super::{MAX_ROWS, PETUNJUK, Problem, col_letter, zip_guard};

/// The rows of the sheet to import.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Sheet name (`CSV` for a CSV file).
    pub sheet: String,
    /// Row number of the header.
    pub header_row: u32,
    /// Header cells, trimmed.
    pub header: Vec<String>,
    /// Non-empty data rows: (row number as shown, cells).
    pub rows: Vec<(u32, Vec<String>)>,
    /// Cell-level problems met while reading (Excel error values, data without header).
    pub problems: Vec<Problem>,
}

/// Read `bytes` (named `file_name` by the browser) as the sheet of `jenis`; a file that
/// cannot be imported at all is refused with its reasons.
pub fn read(bytes: &[u8], file_name: &str, jenis: Jenis) -> Result<Table, Vec<Problem>> {
    let name = file_name.to_lowercase();
    let refuse = |why: &str| vec![Problem::file(file_name, why)];
    let text_start = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if text_start.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse("Berkas kosong."));
    }
    let mut t = if bytes.starts_with(b"PK\x03\x04") {
        xlsx(bytes, jenis)?
    } else if bytes.starts_with(b"\xd0\xcf\x11\xe0") {
        return Err(refuse(
            "Format .xls (Excel 97-2003) tidak didukung; simpan sebagai .xlsx lalu unggah lagi.",
        ));
    } else if name.ends_with(".csv") || name.ends_with(".txt") {
        let Ok(text) = std::str::from_utf8(text_start) else {
            return Err(refuse(
                "Berkas CSV harus berenkode UTF-8 (di Excel: Simpan Sebagai → \"CSV UTF-8\").",
            ));
        };
        super::csv::parse(text)?
    } else {
        return Err(refuse(
            "Berkas ini bukan lembar kerja. Unggah berkas .xlsx (dari templat) atau .csv.",
        ));
    };
    // The template's second row holds labels, not data.
    let at = |row: &[String], col: &str| {
        t.header
            .iter()
            .position(|h| h.eq_ignore_ascii_case(col))
            .and_then(|i| row.get(i))
            .map(|s| s.trim().to_lowercase())
    };
    if let Some((_, first)) = t.rows.first()
        && matches!(at(first, "kode").as_deref(), Some("kode" | "kode (wajib)"))
        && matches!(at(first, "nama").as_deref(), Some("nama" | "nama (wajib)"))
    {
        t.rows.remove(0);
    }
    if t.header.is_empty() {
        return Err(vec![Problem::file(&t.sheet, "Lembar ini kosong.")]);
    }
    if t.rows.is_empty() {
        return Err(vec![Problem::file(
            &t.sheet,
            "Lembar ini tidak memuat baris data (hanya judul kolom).",
        )]);
    }
    Ok(t)
}

/// Collects rows: the first non-empty one is the header; refuses past the row cap.
pub(super) struct Rows {
    pub(super) t: Table,
}

impl Rows {
    pub(super) fn push(&mut self, number: u32, cells: Vec<String>) -> Result<(), Vec<Problem>> {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return Ok(());
        }
        if self.t.header.is_empty() {
            self.t.header_row = number;
            self.t.header = cells.iter().map(|c| c.trim().to_owned()).collect();
            return Ok(());
        }
        // One extra row for the template's label row.
        if self.t.rows.len() > MAX_ROWS {
            return Err(vec![Problem::file(
                &self.t.sheet,
                format!(
                    "Berkas memuat lebih dari {} baris data; batasnya {} baris per impor. Bagi menjadi beberapa berkas.",
                    crate::format_id::angka(MAX_ROWS as i64),
                    crate::format_id::angka(MAX_ROWS as i64)
                ),
            )]);
        }
        for (i, c) in cells.iter().enumerate().skip(self.t.header.len()) {
            if !c.trim().is_empty() {
                self.t.problems.push(Problem {
                    sheet: self.t.sheet.clone(),
                    row: Some(number),
                    column: col_letter(i),
                    reason: "Ada isian di kolom tanpa judul; hapus isian itu atau beri judul kolom yang dikenal.".into(),
                });
            }
        }
        self.t.rows.push((number, cells));
        Ok(())
    }
}

fn xlsx(bytes: &[u8], jenis: Jenis) -> Result<Table, Vec<Problem>> {
    // Before calamine inflates anything: it holds the shared strings wholly in memory.
    if let Err(refusal) = zip_guard::check(bytes) {
        tracing::info!(?refusal, "xlsx upload refused before inflating");
        return Err(vec![Problem::file("", refusal.reason())]);
    }
    let bad = |e: calamine::XlsxError| {
        tracing::info!(error = %e, "unreadable xlsx upload");
        vec![Problem::file("", zip_guard::UNREADABLE)]
    };
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(bad)?;
    let names = wb.sheet_names();
    let Some(sheet) = names
        .iter()
        .find(|n| *n == jenis.code())
        .or_else(|| names.iter().find(|n| *n != PETUNJUK && *n != PILIHAN))
        .cloned()
    else {
        return Err(vec![Problem::file("", "Berkas tidak memuat lembar data.")]);
    };
    let merged = wb.merge_cells_by_sheet_name(&sheet).map_err(bad)?;
    if !merged.is_empty() {
        return Err(merged
            .iter()
            .map(|d| Problem {
                sheet: sheet.clone(),
                row: Some(d.start.0 + 1),
                column: format!(
                    "{}{}:{}{}",
                    col_letter(d.start.1 as usize),
                    d.start.0 + 1,
                    col_letter(d.end.1 as usize),
                    d.end.0 + 1
                ),
                reason: "Sel gabungan (merge) tidak didukung; pisahkan sel lalu unggah lagi."
                    .into(),
            })
            .collect());
    }
    let mut rows = Rows {
        t: Table {
            sheet: sheet.clone(),
            ..Table::default()
        },
    };
    let mut reader = wb.worksheet_cells_reader(&sheet).map_err(bad)?;
    let mut current: Option<(u32, Vec<String>)> = None;
    while let Some(cell) = reader.next_cell().map_err(bad)? {
        let (r, c) = cell.get_position();
        if current.as_ref().is_some_and(|(n, _)| *n != r + 1)
            && let Some((n, cells)) = current.take()
        {
            rows.push(n, cells)?;
        }
        let (_, cells) = current.get_or_insert_with(|| (r + 1, Vec::new()));
        // Stray values far to the right are reported, not allocated for.
        let c = (c as usize).min(1000);
        let text = match cell_text(cell.get_value()) {
            Ok(t) => t,
            Err(why) => {
                rows.t.problems.push(Problem {
                    sheet: sheet.clone(),
                    row: Some(r + 1),
                    column: col_letter(c),
                    reason: why,
                });
                String::new()
            }
        };
        if cells.len() <= c {
            cells.resize(c + 1, String::new());
        }
        cells[c] = text;
    }
    if let Some((n, cells)) = current {
        rows.push(n, cells)?;
    }
    Ok(rows.t)
}

/// A cell as text the domain parsers read: whole numbers without `.0`, dates as
/// `YYYY-MM-DD`, booleans as `ya`/`tidak`.
fn cell_text(v: &DataRef<'_>) -> Result<String, String> {
    Ok(match v {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "ya" } else { "tidak" }.to_owned(),
        DataRef::DateTime(d) if d.is_datetime() => excel_date(d.as_f64())
            .map(simpul_domain::registry::value::fmt_date)
            .unwrap_or_else(|| number_text(d.as_f64())),
        DataRef::DateTime(d) => number_text(d.as_f64()),
        DataRef::DateTimeIso(s) => s.get(..10).unwrap_or(s).to_owned(),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => return Err(format!("Sel berisi galat rumus Excel ({e}).")),
    })
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// An Excel serial date (1900 system) as a date; the time of day is dropped.
fn excel_date(serial: f64) -> Option<Date> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let base = Date::from_calendar_date(1899, Month::December, 30).ok()?;
    base.checked_add(Duration::days(serial.trunc() as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_and_numbers() {
        assert_eq!(
            excel_date(46251.0).map(|d| d.to_string()),
            Some("2026-08-17".into())
        );
        assert_eq!(number_text(2026.0), "2026");
        assert_eq!(number_text(12.5), "12.5");
    }
}
