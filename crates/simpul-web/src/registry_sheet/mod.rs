//! Spreadsheets of the architecture registry (issue 3, item 5): the per-kind template,
//! exports to XLSX and CSV, and the import that checks every row before storing any.
//!
//! Every sheet of one kind has the same columns — `kode`, `nama`, `pd` (the PD's code),
//! `status`, the kind's attributes, `deskripsi` — taken from the kind's field
//! specification, so the template, the export and the import cannot drift apart.

pub mod check;
pub mod csv;
pub mod export;
pub mod read;
pub mod template;
pub mod upload;
pub mod zip_guard;

use std::collections::HashMap;

use simpul_domain::ids::PdId;
use simpul_domain::org::PerangkatDaerah;
use simpul_domain::registry::spec::{FieldKind, FieldSpec, fields, statuses};
use simpul_domain::registry::{Item, Jenis};

/// Most data rows one import accepts; larger files are refused before any check.
pub const MAX_ROWS: usize = 20_000;

/// Largest upload accepted on the import route (the rest of the app keeps its own limit).
pub const MAX_UPLOAD: usize = 20 * 1024 * 1024;

/// Name of the sheet that explains the columns.
pub const PETUNJUK: &str = "Petunjuk";

/// One column of a kind's sheet.
#[derive(Debug, Clone)]
pub struct Column {
    /// Header text (stable name).
    pub name: &'static str,
    /// Label in Bahasa Indonesia (the template's second row).
    pub label: String,
    /// What to write, allowed values and format, in Bahasa Indonesia.
    pub help: String,
    /// Whether a row must fill it.
    pub required: bool,
    /// The attribute's specification (`None` for the shared columns).
    pub spec: Option<&'static FieldSpec>,
}

/// The columns of a kind's sheet, in order.
pub fn columns(jenis: Jenis) -> Vec<Column> {
    let status: Vec<&str> = statuses(jenis).iter().map(|(c, _)| *c).collect();
    let mut out = vec![
        shared(
            "kode",
            "Kode",
            true,
            "Kode unik dalam jenis ini: huruf besar, angka, titik, tanda hubung atau garis bawah; 2-40 karakter, misalnya APL-0001.",
        ),
        shared(
            "nama",
            "Nama",
            true,
            "Nama catatan, paling banyak 200 karakter.",
        ),
        shared(
            "pd",
            "Kode PD pemilik",
            false,
            "Kode Perangkat Daerah pemilik, misalnya DINKES (lihat lembar Pilihan). Kosong berarti milik pemerintah daerah.",
        ),
        Column {
            name: "status",
            label: "Status".into(),
            help: format!("Boleh kosong. Pilihan: {}.", status.join(", ")),
            required: false,
            spec: None,
        },
    ];
    out.extend(fields(jenis).iter().map(|f| Column {
        name: f.name,
        label: f.label.to_owned(),
        help: format!("{} {}", f.help, format_hint(f.kind)),
        required: f.required,
        spec: Some(f),
    }));
    out.push(shared(
        "deskripsi",
        "Deskripsi",
        false,
        "Keterangan bebas, paling banyak 2.000 karakter.",
    ));
    out
}

fn shared(name: &'static str, label: &str, required: bool, help: &str) -> Column {
    Column {
        name,
        label: label.to_owned(),
        help: help.to_owned(),
        required,
        spec: None,
    }
}

/// How a value of `kind` is written in a cell.
pub fn format_hint(kind: FieldKind) -> String {
    match kind {
        FieldKind::Text { max } => format!("Teks, paling banyak {max} karakter."),
        FieldKind::LongText => "Teks panjang, paling banyak 5.000 karakter.".into(),
        FieldKind::Choice(opts) => {
            let codes: Vec<&str> = opts.iter().map(|(c, _)| *c).collect();
            format!("Pilihan (kode atau labelnya): {}.", codes.join(", "))
        }
        FieldKind::Date => "Tanggal HH-BB-TTTT atau TTTT-BB-HH, misalnya 17-08-2026.".into(),
        FieldKind::Year => "Tahun empat angka, misalnya 2026.".into(),
        FieldKind::Integer { min, max } => format!("Bilangan bulat {min} sampai {max}."),
        FieldKind::Url => "Alamat web diawali http:// atau https://.".into(),
        FieldKind::Email => "Alamat surel, misalnya admin@dinkes.go.id.".into(),
        FieldKind::Bool => "ya atau tidak.".into(),
        FieldKind::Subnet => "Jaringan IPv4 CIDR, misalnya 10.10.1.0/24.".into(),
        FieldKind::DomainName => "Nama domain, misalnya dinkes.tanbukab.go.id.".into(),
        FieldKind::PdRef => "Kode PD, misalnya DISKOMINFO.".into(),
    }
}

/// The region's PDs by id and by code (archived ones included, so old records export).
#[derive(Debug, Clone, Default)]
pub struct PdIndex {
    by_id: HashMap<PdId, usize>,
    by_code: HashMap<String, usize>,
    all: Vec<PerangkatDaerah>,
}

impl PdIndex {
    /// Index these PDs.
    pub fn new(all: Vec<PerangkatDaerah>) -> Self {
        let by_id = all.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        let by_code = all
            .iter()
            .enumerate()
            .map(|(i, p)| (p.kode.as_str().to_uppercase(), i))
            .collect();
        Self {
            by_id,
            by_code,
            all,
        }
    }

    /// The code of a PD (empty when unknown).
    pub fn code_of(&self, id: PdId) -> &str {
        self.by_id
            .get(&id)
            .map_or("", |&i| self.all[i].kode.as_str())
    }

    /// A PD by code (any case) or by id.
    pub fn find(&self, code: &str) -> Option<&PerangkatDaerah> {
        let t = code.trim();
        self.by_code
            .get(&t.to_uppercase())
            .or_else(|| t.parse::<PdId>().ok().and_then(|id| self.by_id.get(&id)))
            .map(|&i| &self.all[i])
    }

    /// Codes of the PDs still in use, for the template's list.
    pub fn active_codes(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .all
            .iter()
            .filter(|p| !p.diarsipkan)
            .map(|p| p.kode.as_str())
            .collect();
        v.sort_unstable();
        v
    }
}

/// A record as the cells of its row, in [`columns`] order; PDs by code.
pub fn row_of(item: &Item, cols: &[Column], pds: &PdIndex) -> Vec<String> {
    cols.iter()
        .map(|c| match (c.name, c.spec) {
            ("kode", None) => item.kode.clone(),
            ("nama", None) => item.nama.clone(),
            ("pd", None) => item
                .pd
                .map(|p| pds.code_of(p).to_owned())
                .unwrap_or_default(),
            ("status", None) => item.status.clone().unwrap_or_default(),
            ("deskripsi", None) => item.deskripsi.clone().unwrap_or_default(),
            (_, Some(spec)) => {
                let v = item.atribut.get(spec.name).cloned().unwrap_or_default();
                match (spec.kind, v.parse::<PdId>()) {
                    (FieldKind::PdRef, Ok(id)) => pds.code_of(id).to_owned(),
                    _ => v,
                }
            }
            _ => String::new(),
        })
        .collect()
}

/// Spreadsheet column letters: 0 → `A`, 26 → `AA`.
pub fn col_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// One problem of an import, located as the user sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Sheet name (`CSV` for a CSV file).
    pub sheet: String,
    /// Row number as shown by the spreadsheet program (`None` for the whole file).
    pub row: Option<u32>,
    /// Column: header name and letter, e.g. `status (D)`; empty for a whole row or file.
    pub column: String,
    /// Reason in Bahasa Indonesia.
    pub reason: String,
}

impl Problem {
    /// A problem of the whole file.
    pub fn file(sheet: &str, reason: impl Into<String>) -> Self {
        Self {
            sheet: sheet.to_owned(),
            row: None,
            column: String::new(),
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_columns() {
        assert_eq!(col_letter(0), "A");
        assert_eq!(col_letter(25), "Z");
        assert_eq!(col_letter(26), "AA");
        assert_eq!(col_letter(27), "AB");
        assert_eq!(col_letter(701), "ZZ");
        assert_eq!(col_letter(702), "AAA");
        for j in Jenis::ALL {
            let c = columns(j);
            assert_eq!(c[0].name, "kode");
            assert_eq!(c[2].name, "pd");
            assert_eq!(c.last().map(|c| c.name), Some("deskripsi"));
        }
    }
}
