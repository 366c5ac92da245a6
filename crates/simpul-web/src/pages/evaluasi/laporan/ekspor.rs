//! `/evaluasi/periode/{id}/ekspor.xlsx`: a period's result as a workbook — a summary,
//! the aspects with their index and a native Excel radar chart over them, and the
//! indicators with every value. Numbers are numbers (rounded as published), so the
//! region can compute with them; texts are written as strings, never formulas.

use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use rust_xlsxwriter::{Chart, ChartType, Format, Workbook, Worksheet, XlsxError};
use simpul_domain::evaluation::Pecahan;
use simpul_domain::ids::PeriodeEvaluasiId;
use simpul_store::region;

use super::data::{Laporan, Sumber};
use crate::auth::PageUser;
use crate::error::PageError;
use crate::extract::PagePath;
use crate::i18n::Lang;
use crate::state::AppState;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Column headers of the indicator sheet.
pub const KOLOM_INDIKATOR: [&str; 7] = [
    "nomor", "nama", "aspek", "bobot", "mandiri", "akhir", "nasional",
];

/// An exact value rounded to two decimals, as a spreadsheet number.
fn angka(p: &Pecahan) -> f64 {
    // "3.22" always parses; the fallback is never reached.
    p.desimal().parse().unwrap_or(f64::NAN)
}

/// Hundredths as stored (345) as a number (3.45).
fn ratusan(v: i32) -> f64 {
    f64::from(v) / 100.0
}

/// What the workbook holds, owned, so it can be built off the async threads.
pub struct Isi {
    /// The period's figures.
    pub laporan: Laporan,
    /// Region name.
    pub wilayah: String,
    /// UI language, for labels.
    pub lang: Lang,
}

fn ringkasan(ws: &mut Worksheet, isi: &Isi, head: &Format, dua: &Format) -> Result<(), XlsxError> {
    let l = &isi.laporan;
    let t = |k: &str| isi.lang.t(k);
    ws.set_name("ringkasan")?;
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 60)?;
    let sumber = match l.sumber {
        Sumber::Akhir => t("laporan-sumber-akhir"),
        Sumber::Mandiri => t("laporan-sumber-mandiri"),
    };
    let teks: [(String, String); 6] = [
        (t("laporan-wilayah"), isi.wilayah.clone()),
        (t("laporan-tahun"), l.periode.tahun.to_string()),
        (
            t("laporan-model"),
            format!("{} ({})", l.model.nama(), l.model.kode()),
        ),
        (t("laporan-dasar-hukum"), l.model.dasar_hukum().to_owned()),
        (t("laporan-status"), l.periode.status.label().to_owned()),
        (t("laporan-sumber"), sumber),
    ];
    let mut r = 0u32;
    for (k, v) in teks {
        ws.write_string_with_format(r, 0, k, head)?;
        ws.write_string(r, 1, v)?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, l.model.nama_indeks(), head)?;
    ws.write_number_with_format(r, 1, angka(&l.hasil.indeks), dua)?;
    ws.write_string_with_format(r + 1, 0, t("laporan-predikat"), head)?;
    ws.write_string(r + 1, 1, &l.hasil.predikat.nama)?;
    r += 2;
    if let Some(target) = &l.target {
        ws.write_string_with_format(r, 0, t("laporan-target"), head)?;
        ws.write_number_with_format(r, 1, angka(target), dua)?;
        r += 1;
    }
    if let Some(n) = &l.nasional {
        ws.write_string_with_format(r, 0, t("laporan-nasional"), head)?;
        ws.write_number_with_format(r, 1, angka(&n.indeks), dua)?;
        r += 1;
    }
    if let Some(d) = &l.periode.disetujui {
        ws.write_string_with_format(r, 0, t("laporan-disetujui"), head)?;
        ws.write_string(r, 1, d)?;
    }
    Ok(())
}

/// The aspect sheet and its radar chart.
fn aspek(ws: &mut Worksheet, isi: &Isi, head: &Format, dua: &Format) -> Result<(), XlsxError> {
    let l = &isi.laporan;
    let t = |k: &str| isi.lang.t(k);
    ws.set_name("aspek")?;
    let mut kolom = vec![
        "kode".to_owned(),
        "nama".to_owned(),
        "bobot".to_owned(),
        t("laporan-seri-realisasi"),
    ];
    if l.target.is_some() {
        kolom.push(t("laporan-target"));
    }
    if l.nasional.is_some() {
        kolom.push(t("laporan-seri-nasional"));
    }
    for (c, name) in (0u16..).zip(&kolom) {
        ws.write_string_with_format(0, c, name, head)?;
        ws.set_column_width(c, if c == 1 { 48 } else { 14 })?;
    }
    let n = u32::try_from(l.model.aspek().len()).unwrap_or(u32::MAX);
    for (r, a) in (1u32..).zip(l.model.aspek()) {
        ws.write_string(r, 0, &a.kode)?;
        ws.write_string(r, 1, &a.nama)?;
        ws.write_number_with_format(r, 2, angka(&a.bobot.pecahan()), dua)?;
        let mut c = 3u16;
        if let Some(v) = l.hasil.indeks_aspek(&a.kode) {
            ws.write_number_with_format(r, c, angka(&v), dua)?;
        }
        if let Some(target) = &l.target {
            c += 1;
            ws.write_number_with_format(r, c, angka(target), dua)?;
        }
        if let Some(v) = l.nasional.as_ref().and_then(|h| h.indeks_aspek(&a.kode)) {
            c += 1;
            ws.write_number_with_format(r, c, angka(&v), dua)?;
        }
    }
    let mut chart = Chart::new(ChartType::Radar);
    for c in 3..u16::try_from(kolom.len()).unwrap_or(4) {
        chart
            .add_series()
            .set_categories(("aspek", 1, 1, n, 1))
            .set_values(("aspek", 1, c, n, c))
            .set_name(("aspek", 0, c));
    }
    let judul = format!(
        "{} {} {}",
        l.model.nama_indeks(),
        t("laporan-per-aspek"),
        l.periode.tahun
    );
    chart.title().set_name(judul.as_str());
    chart.y_axis().set_min(0).set_max(5).set_major_unit(1);
    chart.set_width(640).set_height(420);
    let col = u16::try_from(kolom.len() + 1).unwrap_or(8);
    ws.insert_chart(1, col, &chart)?;
    Ok(())
}

fn indikator(ws: &mut Worksheet, isi: &Isi, head: &Format, dua: &Format) -> Result<(), XlsxError> {
    let l = &isi.laporan;
    ws.set_name("indikator")?;
    for (c, name) in (0u16..).zip(KOLOM_INDIKATOR) {
        ws.write_string_with_format(0, c, name, head)?;
        ws.set_column_width(c, if name == "nama" { 56 } else { 11 })?;
    }
    ws.set_freeze_panes(1, 0)?;
    for (r, ind) in (1u32..).zip(l.model.indikator()) {
        let row = l.indikator.iter().find(|i| i.nomor == ind.nomor);
        ws.write_number(r, 0, f64::from(ind.nomor))?;
        ws.write_string(r, 1, &ind.nama)?;
        ws.write_string(r, 2, &ind.aspek)?;
        ws.write_number_with_format(r, 3, angka(&ind.bobot.pecahan()), dua)?;
        let Some(row) = row else { continue };
        let mandiri = if ind.eksternal {
            row.nilai_eksternal.map(ratusan)
        } else {
            row.level.map(f64::from)
        };
        if let Some(v) = mandiri {
            ws.write_number(r, 4, v)?;
        }
        if let Some(v) = row.level_akhir {
            ws.write_number(r, 5, f64::from(v))?;
        }
        if let Some(v) = row.nasional {
            ws.write_number(r, 6, ratusan(v))?;
        }
    }
    Ok(())
}

/// The workbook: sheets `ringkasan`, `aspek` (with the radar chart) and `indikator`.
pub fn xlsx(isi: &Isi) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let head = Format::new().set_bold();
    let dua = Format::new().set_num_format("0.00");
    ringkasan(wb.add_worksheet(), isi, &head, &dua)?;
    aspek(wb.add_worksheet(), isi, &head, &dua)?;
    indikator(wb.add_worksheet(), isi, &head, &dua)?;
    wb.save_to_buffer()
}

/// `GET /evaluasi/periode/{id}/ekspor.xlsx`.
pub async fn unduh(
    State(st): State<AppState>,
    PageUser(_user, lang): PageUser,
    PagePath(id): PagePath<PeriodeEvaluasiId>,
) -> Result<Response, PageError> {
    let laporan = super::data::muat(&st, id).await?;
    let wilayah = region::get(&st.db)
        .await?
        .map(|r| r.nama)
        .unwrap_or_default();
    let file = format!(
        "evaluasi-{}-{}.xlsx",
        laporan.periode.tahun, laporan.periode.model
    );
    let isi = Isi {
        laporan,
        wilayah,
        lang,
    };
    let bytes = tokio::task::spawn_blocking(move || xlsx(&isi))
        .await
        .map_err(|e| PageError::Internal(e.to_string()))?
        .map_err(|e| PageError::Internal(e.to_string()))?;
    Ok((
        [
            (header::CONTENT_TYPE, XLSX.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        Body::from(bytes),
    )
        .into_response())
}
