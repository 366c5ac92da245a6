//! The downloadable XLSX template of one kind: the data sheet (header of column names, a
//! row of Indonesian labels, drop-down lists for choices), a "Petunjuk" sheet explaining
//! every column, and a "Pilihan" sheet holding the lists the drop-downs read.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use simpul_domain::registry::Jenis;
use simpul_domain::registry::spec::{FieldKind, statuses};

use super::{Column, MAX_ROWS, PETUNJUK, col_letter, columns, format_hint};

/// Name of the sheet with the drop-down lists.
pub const PILIHAN: &str = "Pilihan";

/// Header format shared with the exports.
pub fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_background_color("#DDEBF7")
        .set_border(FormatBorder::Thin)
}

/// The template of `jenis`; `pd_codes` fill the list of owner PDs.
pub fn template(jenis: Jenis, pd_codes: &[&str]) -> Result<Vec<u8>, XlsxError> {
    let cols = columns(jenis);
    let mut wb = Workbook::new();
    let head = header_format();
    let label = Format::new()
        .set_italic()
        .set_font_color("#555555")
        .set_text_wrap();

    // Lists first, so the data sheet's validations can point at them.
    let mut lists = Worksheet::new();
    lists.set_name(PILIHAN)?;
    let mut refs: Vec<(usize, String)> = Vec::new();
    let mut list_col: u16 = 0;
    for (i, c) in cols.iter().enumerate() {
        let values: Vec<String> = match list_of(jenis, c, pd_codes) {
            Some(v) if !v.is_empty() => v,
            _ => continue,
        };
        lists.write_string_with_format(0, list_col, c.name, &head)?;
        for (r, v) in values.iter().enumerate() {
            lists.write_string(row_num(r + 1), list_col, v)?;
        }
        let letter = col_letter(usize::from(list_col));
        refs.push((
            i,
            format!("={PILIHAN}!${letter}$2:${letter}${}", values.len() + 1),
        ));
        lists.set_column_width(list_col, 24)?;
        list_col += 1;
    }

    let mut data = Worksheet::new();
    data.set_name(jenis.code())?;
    for (i, c) in cols.iter().enumerate() {
        let col = col_num(i);
        data.write_string_with_format(0, col, c.name, &head)?;
        let text = if c.required {
            format!("{} (wajib)", c.label)
        } else {
            c.label.clone()
        };
        data.write_string_with_format(1, col, &text, &label)?;
        data.set_column_width(col, if c.name == "deskripsi" { 40 } else { 22 })?;
    }
    data.set_row_height(1, 30)?;
    data.set_freeze_panes(2, 0)?;
    let last_row = row_num(MAX_ROWS + 1);
    for (i, formula) in refs {
        let c = &cols[i];
        let v = DataValidation::new()
            .allow_list_formula(Formula::new(formula))
            .ignore_blank(true)
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Nilai di luar daftar")?
            .set_error_message(format!(
                "Nilai kolom {} sebaiknya dipilih dari daftar (lembar {PILIHAN}).",
                c.name
            ))?;
        data.add_data_validation(2, col_num(i), last_row, col_num(i), &v)?;
    }

    let mut help = Worksheet::new();
    help.set_name(PETUNJUK)?;
    write_help(&mut help, jenis, &cols, &head)?;

    wb.push_worksheet(data);
    wb.push_worksheet(help);
    wb.push_worksheet(lists);
    wb.save_to_buffer()
}

/// The allowed values of a column, if it has a fixed list.
fn list_of(jenis: Jenis, c: &Column, pd_codes: &[&str]) -> Option<Vec<String>> {
    let own = |v: &[(&str, &str)]| v.iter().map(|(c, _)| (*c).to_owned()).collect();
    match (c.name, c.spec.map(|s| s.kind)) {
        ("pd", None) => Some(pd_codes.iter().map(|s| (*s).to_owned()).collect()),
        ("status", None) => Some(own(statuses(jenis))),
        (_, Some(FieldKind::Choice(opts))) => Some(own(opts)),
        (_, Some(FieldKind::Bool)) => Some(vec!["ya".into(), "tidak".into()]),
        (_, Some(FieldKind::PdRef)) => Some(pd_codes.iter().map(|s| (*s).to_owned()).collect()),
        _ => None,
    }
}

fn write_help(
    ws: &mut Worksheet,
    jenis: Jenis,
    cols: &[Column],
    head: &Format,
) -> Result<(), XlsxError> {
    let wrap = Format::new().set_text_wrap();
    let intro = [
        format!(
            "Templat impor jenis \"{}\". Isi lembar \"{}\" mulai baris 3; baris 1 (nama kolom) jangan diubah, baris 2 (keterangan) boleh dibiarkan.",
            jenis.code(),
            jenis.code()
        ),
        "Semua baris diperiksa lebih dulu. Bila ada satu masalah saja, tidak ada yang disimpan dan laporan menyebut lembar, baris, kolom dan alasannya.".into(),
        format!("Paling banyak {MAX_ROWS} baris data per berkas. Jangan menggabungkan sel (merge). Berkas boleh .xlsx atau .csv (UTF-8)."),
        "Tanggal: HH-BB-TTTT atau TTTT-BB-HH (misalnya 17-08-2026 atau 2026-08-17). Ya/tidak: tulis ya atau tidak. Pilihan: kode atau labelnya.".into(),
    ];
    for (r, t) in intro.iter().enumerate() {
        ws.write_string(row_num(r), 0, t)?;
    }
    let top = row_num(intro.len() + 1);
    for (c, h) in [
        "Kolom",
        "Keterangan",
        "Wajib",
        "Format dan nilai yang boleh",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string_with_format(top, col_num(c), *h, head)?;
    }
    for (i, c) in cols.iter().enumerate() {
        let r = top + row_num(i + 1);
        ws.write_string(r, 0, c.name)?;
        ws.write_string(r, 1, &c.label)?;
        ws.write_string(r, 2, if c.required { "ya" } else { "tidak" })?;
        let detail = match c.spec.map(|s| s.kind) {
            Some(FieldKind::Choice(opts)) => {
                let pairs: Vec<String> = opts.iter().map(|(k, l)| format!("{k} = {l}")).collect();
                format!("{} Pilihan: {}.", c.help, pairs.join("; "))
            }
            Some(k) if c.help.is_empty() => format_hint(k),
            _ => c.help.clone(),
        };
        ws.write_string_with_format(r, 3, &detail, &wrap)?;
    }
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 32)?;
    ws.set_column_width(2, 8)?;
    ws.set_column_width(3, 90)?;
    Ok(())
}

/// A row index for rust_xlsxwriter (our sheets stay far below its limit).
pub fn row_num(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A column index for rust_xlsxwriter.
pub fn col_num(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
