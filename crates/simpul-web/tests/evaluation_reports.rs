//! The evaluation's reports through the real server (issue 4, items 6 and 7): the
//! dashboard with the index, the radar of aspects and the history of approved years;
//! the printable report with its approval; the XLSX export with its numbers and native
//! radar chart; unknown periods and anonymous visitors.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use calamine::{Data, Reader, Xlsx};
use common::*;
use simpul_domain::evaluation::{Hasil, Level, Model, Nilai, Pecahan, hitung, shipped_models};
use simpul_domain::ids::PeriodeEvaluasiId;
use simpul_store::Actor;
use simpul_store::evaluasi::indikator::{self, Isian};
use simpul_store::evaluasi::periode;

fn model(kode: &str) -> Model {
    shipped_models()
        .unwrap()
        .into_iter()
        .find(|m| m.kode() == kode)
        .unwrap()
}

/// The final level the test gives indicator `n` in year `tahun`: varied, so aspects
/// differ and the index has decimals.
fn akhir(n: u32, tahun: i32) -> u8 {
    u8::try_from((n * 7 + u32::try_from(tahun).unwrap()) % 5 + 1).unwrap()
}

/// The self-assessed level: one above the final one (assessors sent some back).
fn mandiri(n: u32, tahun: i32) -> u8 {
    (akhir(n, tahun) + 1).min(5)
}

/// Open a period of `kode` for `tahun` and fill in every self-assessed indicator;
/// external ones get a published value of 3,45.
async fn isi_periode(app: &TestApp, kode: &str, tahun: i32) -> PeriodeEvaluasiId {
    let m = model(kode);
    let nomor: Vec<u32> = m.indikator().iter().map(|i| i.nomor).collect();
    let actor = Actor(SUPER_ADMIN.into());
    let p = periode::create(&app.db, &actor, tahun, kode, &nomor)
        .await
        .unwrap();
    for ind in m.indikator() {
        let isian = if ind.eksternal {
            Isian {
                nilai_eksternal: Some(345),
                sumber_eksternal: Some("Indeks dari instansi lain".into()),
                tanggal_sumber: Some(format!("{tahun}-06-30")),
                ..Isian::default()
            }
        } else {
            Isian {
                level: Some(mandiri(ind.nomor, tahun)),
                justifikasi: Some(format!("Justifikasi indikator {} <b>tebal</b>", ind.nomor)),
                ..Isian::default()
            }
        };
        indikator::isi(&app.db, &actor, p.id, ind.nomor, None, &isian)
            .await
            .unwrap();
    }
    p.id
}

/// Submit and approve a filled-in period with the final levels of [`akhir`].
async fn setujui(app: &TestApp, kode: &str, tahun: i32, id: PeriodeEvaluasiId) {
    let m = model(kode);
    let actor = Actor(SUPER_ADMIN.into());
    periode::ajukan(&app.db, &actor, id).await.unwrap();
    let levels: Vec<(u32, u8)> = m
        .indikator()
        .iter()
        .filter(|i| !i.eksternal)
        .map(|i| (i.nomor, akhir(i.nomor, tahun)))
        .collect();
    periode::setujui(&app.db, &actor, id, &levels, "x")
        .await
        .unwrap();
}

/// The index of a period with the final levels, as the domain computes it.
fn hasil_akhir(kode: &str, tahun: i32) -> Hasil {
    let m = model(kode);
    let nilai: BTreeMap<u32, Nilai> = m
        .indikator()
        .iter()
        .map(|i| {
            let v = if i.eksternal {
                Nilai::Eksternal(simpul_domain::evaluation::NilaiEksternal::new(345).unwrap())
            } else {
                Nilai::Level(Level::new(akhir(i.nomor, tahun)).unwrap())
            };
            (i.nomor, v)
        })
        .collect();
    hitung(&m, &nilai)
}

/// The `<svg class="chart-svg chart-radar" ...>...</svg>` of a page.
fn radar_svg(html: &str) -> &str {
    let start = html
        .find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-radar\"")
        .expect("a radar chart");
    let end = html[start..].find("</svg>").unwrap() + start + "</svg>".len();
    &html[start..end]
}

/// Two approved spbe-2020 years (2020 with a target and national results, 2021) and
/// one in progress (2022).
async fn tiga_tahun(app: &TestApp) -> [PeriodeEvaluasiId; 3] {
    let a = isi_periode(app, "spbe-2020", 2020).await;
    setujui(app, "spbe-2020", 2020, a).await;
    let b = isi_periode(app, "spbe-2020", 2021).await;
    setujui(app, "spbe-2020", 2021, b).await;
    let actor = Actor(SUPER_ADMIN.into());
    periode::set_target(&app.db, &actor, b, Some(350))
        .await
        .unwrap();
    indikator::set_nasional(&app.db, &actor, b, &[(1, Some(300)), (11, Some(250))])
        .await
        .unwrap();
    let c = isi_periode(app, "spbe-2020", 2022).await;
    [a, b, c]
}

#[tokio::test]
async fn the_dashboard_shows_the_index_radar_history_and_next_steps() {
    let app = spawn_app().await;
    let [_, b, c] = tiga_tahun(&app).await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;

    let r = s.get(&format!("/evaluasi/dasbor?periode={b}")).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let h = hasil_akhir("spbe-2020", 2021);
    let indeks = h.indeks.teks();
    assert!(indeks.contains(','), "{indeks}");
    assert!(
        html.contains(&format!(
            "<span class=\"stat-value indeks\">{indeks}</span>"
        )),
        "{indeks}"
    );
    assert!(html.contains("baru dimasukkan untuk 2 dari 47 indikator"));
    assert!(html.contains(&h.predikat.nama));
    assert!(html.contains("level akhir"));
    // One axis per aspect, with the actual, the target and the national series.
    let svg = radar_svg(&html);
    assert_eq!(svg.matches("<line class=\"axis\"").count(), 8);
    assert_eq!(svg.matches("<polygon class=\"series\"").count(), 3);
    assert!(svg.contains(">Realisasi</text>") && svg.contains(">Target 3,50</text>"));
    assert!(svg.contains(">Nasional</text>"));
    assert!(svg.contains("role=\"img\""));
    // Target vs actual.
    assert!(html.contains("3,50"));
    let target_met = h.indeks >= Pecahan::new(350, 100).unwrap();
    let badge = if target_met {
        "Target tercapai"
    } else {
        "Target belum tercapai"
    };
    assert!(html.contains(badge), "{badge}");
    // History: each approved year, not the one in progress.
    let history = &html[html.find("id=\"riwayat\"").unwrap()..];
    assert!(history.contains("class=\"chart-svg chart-line\""));
    assert!(history.contains("<td>2020</td>") && history.contains("<td>2021</td>"));
    assert!(!history.contains("<td>2022</td>"));
    assert!(history.contains(&hasil_akhir("spbe-2020", 2020).indeks.teks()));
    // What to do next, and links to the period and its reports.
    assert!(html.contains("id=\"saran\"") && html.contains("class=\"saran\""));
    assert!(html.contains(&format!("href=\"/evaluasi/periode/{b}\"")));
    assert!(html.contains(&format!("href=\"/evaluasi/periode/{b}/laporan\"")));
    assert!(html.contains(&format!("href=\"/evaluasi/periode/{b}/ekspor.xlsx\"")));

    // A period in progress counts the self-assessed levels and says so.
    let html = s
        .get(&format!("/evaluasi/dasbor?periode={c}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("penilaian mandiri"));
    assert_eq!(
        radar_svg(&html)
            .matches("<polygon class=\"series\"")
            .count(),
        1
    );

    // Without a choice, the latest period is shown.
    let r = s.get("/evaluasi/dasbor").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    assert!(html.contains("class=\"chart-svg chart-radar\""));
    assert!(html.contains(" selected>"));
}

#[tokio::test]
async fn a_pemdi_period_has_seven_axes() {
    let app = spawn_app().await;
    let id = isi_periode(&app, "pemdi-2026", 2027).await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let html = s
        .get(&format!("/evaluasi/dasbor?periode={id}"))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(radar_svg(&html).matches("<line class=\"axis\"").count(), 7);
    assert!(html.contains("Model ini masih sementara"));
}

#[tokio::test]
async fn the_printable_report_has_the_approval_and_every_indicator() {
    let app = spawn_app().await;
    let [_, b, c] = tiga_tahun(&app).await;
    let s = app.login(PIMPINAN, PASSWORD).await;
    let r = s.get(&format!("/evaluasi/periode/{b}/laporan")).await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    let approver = simpul_store::pegawai::by_nip(&app.db, SUPER_ADMIN)
        .await
        .unwrap()
        .nama;
    assert!(html.contains(&format!("{approver} (NIP {SUPER_ADMIN})")));
    assert!(html.contains("Tanggal persetujuan"));
    assert!(!html.contains("Belum disetujui"));
    assert!(html.contains(model("spbe-2020").dasar_hukum()));
    assert!(html.contains("Kabupaten Tanah Bumbu") || html.contains("Tanah Bumbu"));
    assert!(html.contains("Disampaikan kepada Bupati"));
    let h = hasil_akhir("spbe-2020", 2021);
    assert!(html.contains(&h.indeks.teks()) && html.contains(&h.predikat.nama));
    assert!(html.contains("class=\"chart-svg chart-radar\""));
    assert_eq!(html.matches("<tr class=\"indikator\">").count(), 47);
    assert_eq!(html.matches("<tr class=\"aspek\">").count(), 8);
    // Justifications are escaped, and the national result is shown where entered.
    assert!(
        html.contains("Justifikasi indikator 1 &lt;b&gt;tebal&lt;/b&gt;")
            || html.contains("Justifikasi indikator 1 &#60;b&#62;tebal")
    );
    assert!(!html.contains("<b>tebal</b>"));
    let row11 = html.split("<tr class=\"indikator\">").nth(11).unwrap();
    assert!(row11.contains("<td>2,50</td>"), "{row11}");
    assert!(html.contains("id=\"saran\""));

    // A period not approved yet says so.
    let html = s
        .get(&format!("/evaluasi/periode/{c}/laporan"))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Belum disetujui"));
}

#[tokio::test]
async fn the_xlsx_holds_the_numbers_and_a_native_radar_chart() {
    let app = spawn_app().await;
    let [_, b, _] = tiga_tahun(&app).await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let r = s.get(&format!("/evaluasi/periode/{b}/ekspor.xlsx")).await;
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("evaluasi-2021-spbe-2020.xlsx")
    );
    let bytes = r.bytes().await.unwrap().to_vec();

    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let mut chart = String::new();
    zip.by_name("xl/charts/chart1.xml")
        .expect("a chart part")
        .read_to_string(&mut chart)
        .unwrap();
    assert!(chart.contains("radarChart"), "{chart}");
    // Actual, target and national series.
    assert_eq!(chart.matches("<c:ser>").count(), 3);

    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let num = |d: &Data| match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    };
    let m = model("spbe-2020");
    let ind = wb.worksheet_range("indikator").unwrap();
    let head: Vec<String> = ind
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        head,
        [
            "nomor", "nama", "aspek", "bobot", "mandiri", "akhir", "nasional"
        ]
    );
    assert_eq!(ind.height(), 48);
    let row1 = ind.rows().nth(1).unwrap();
    assert_eq!(num(&row1[0]), 1.0);
    assert_eq!(row1[1].to_string(), m.indikator()[0].nama);
    assert_eq!(row1[2].to_string(), "A1");
    assert!((num(&row1[3]) - 1.3).abs() < 1e-9);
    assert_eq!(num(&row1[4]), f64::from(mandiri(1, 2021)));
    assert_eq!(num(&row1[5]), f64::from(akhir(1, 2021)));
    assert_eq!(num(&row1[6]), 3.0);
    let row11 = ind.rows().nth(11).unwrap();
    assert_eq!(num(&row11[6]), 2.5);
    let row2 = ind.rows().nth(2).unwrap();
    assert!(matches!(row2[6], Data::Empty), "no national value for 2");

    let h = hasil_akhir("spbe-2020", 2021);
    let asp = wb.worksheet_range("aspek").unwrap();
    assert_eq!(asp.height(), 9);
    for (row, a) in asp.rows().skip(1).zip(m.aspek()) {
        assert_eq!(row[0].to_string(), a.kode);
        let expected: f64 = h.indeks_aspek(&a.kode).unwrap().desimal().parse().unwrap();
        assert!((num(&row[3]) - expected).abs() < 1e-9, "{}", a.kode);
        assert!((num(&row[4]) - 3.5).abs() < 1e-9, "target");
    }
    let sum = wb.worksheet_range("ringkasan").unwrap();
    let expected: f64 = h.indeks.desimal().parse().unwrap();
    assert!(
        sum.rows()
            .any(|r| r[0] == "Indeks SPBE" && (num(&r[1]) - expected).abs() < 1e-9)
    );
}

#[tokio::test]
async fn unknown_periods_are_404_and_reports_change_nothing() {
    let app = spawn_app().await;
    let [a, ..] = tiga_tahun(&app).await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let before = audit_len(&app.db).await;
    let unknown = PeriodeEvaluasiId(uuid::Uuid::now_v7());
    for path in [
        format!("/evaluasi/dasbor?periode={unknown}"),
        "/evaluasi/dasbor?periode=bukan-id".to_owned(),
        format!("/evaluasi/periode/{unknown}/laporan"),
        "/evaluasi/periode/bukan-id/laporan".to_owned(),
        format!("/evaluasi/periode/{unknown}/ekspor.xlsx"),
        "/evaluasi/periode/123/ekspor.xlsx".to_owned(),
    ] {
        assert_eq!(s.get(&path).await.status(), 404, "{path}");
    }
    for path in [
        format!("/evaluasi/dasbor?periode={a}"),
        format!("/evaluasi/periode/{a}/laporan"),
        format!("/evaluasi/periode/{a}/ekspor.xlsx"),
    ] {
        assert_eq!(s.get(&path).await.status(), 200, "{path}");
    }
    assert_eq!(audit_len(&app.db).await, before, "reports write nothing");
}

#[tokio::test]
async fn anonymous_visitors_are_sent_to_login() {
    let app = spawn_app().await;
    let [a, ..] = tiga_tahun(&app).await;
    let anon = client();
    for path in [
        "/evaluasi/dasbor".to_owned(),
        format!("/evaluasi/periode/{a}/laporan"),
        format!("/evaluasi/periode/{a}/ekspor.xlsx"),
    ] {
        let r = anon
            .get(format!("{}{path}", app.base))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303, "{path}");
        assert!(location(&r).starts_with("/masuk"), "{path}");
    }
}

#[tokio::test]
async fn without_periods_the_dashboard_says_how_to_start() {
    let app = spawn_app().await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let none = periode::list(&app.db).await.unwrap().is_empty();
    let r = s.get("/evaluasi/dasbor").await;
    assert_eq!(r.status(), 200);
    let html = r.text().await.unwrap();
    if none {
        assert!(html.contains("Belum ada periode evaluasi."));
        assert!(html.contains("Belum ada periode yang disetujui."));
    } else {
        // The demo has periods of its own: the latest is shown.
        assert!(html.contains("class=\"chart-svg chart-radar\""));
    }
}
