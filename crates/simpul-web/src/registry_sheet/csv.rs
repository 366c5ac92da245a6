//! CSV as exported by us or by a spreadsheet program: UTF-8 (the caller strips the BOM),
//! comma or semicolon separated (Excel in the Indonesian locale writes `;`), quoted
//! cells with doubled quotes and line breaks, the export's formula guard undone.

use super::Problem;
use super::read::{Rows, Table};

/// The rows of a CSV text; refused past the row cap.
pub fn parse(text: &str) -> Result<Table, Vec<Problem>> {
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Rows {
        t: Table {
            sheet: "CSV".into(),
            ..Table::default()
        },
    };
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let (mut quoted, mut number) = (false, 1u32);
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => cell.push(ch),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, c) if c == sep => record.push(unguard(std::mem::take(&mut cell))),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                record.push(unguard(std::mem::take(&mut cell)));
                rows.push(number, std::mem::take(&mut record))?;
                number += 1;
            }
            (false, _) => cell.push(ch),
        }
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(unguard(cell));
        rows.push(number, record)?;
    }
    Ok(rows.t)
}

/// Undo the export's guard against formula injection (`'=…` back to `=…`).
fn unguard(v: String) -> String {
    match v.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_separators_and_guards() {
        let t = parse("kode;nama\r\nA1;\"x; \"\"y\"\"\nz\"\r\n\r\nB2;'-1\n").unwrap();
        assert_eq!(t.header, vec!["kode", "nama"]);
        assert_eq!(t.rows[0], (2, vec!["A1".into(), "x; \"y\"\nz".into()]));
        assert_eq!(t.rows[1], (4, vec!["B2".into(), "-1".into()]));
    }
}
