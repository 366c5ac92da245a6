//! Compliance pages, export, calendar feeds and API through the real server with the
//! Tanah Bumbu demo (issue 6): statuses with their articles, recording fulfilments (who
//! may, and refusals that store nothing), the XLSX export and the iCalendar feed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufReader, Cursor};

use calamine::{Reader, Xlsx};
use common::*;
use simpul_store::Actor;
use simpul_store::demo_registry::{self, Scale};
use simpul_web::WebConfig;
use time::{Date, Month, OffsetDateTime, UtcOffset};

/// Today in Tanah Bumbu (WITA), as the server counts it.
fn today() -> Date {
    OffsetDateTime::now_utc()
        .to_offset(UtcOffset::from_hms(8, 0, 0).unwrap())
        .date()
}

/// The same day `n` months earlier (day clamped to 28, which every month has).
fn months_before(d: Date, n: i32) -> Date {
    let total = d.year() * 12 + i32::from(u8::from(d.month())) - 1 - n;
    let month = Month::try_from(u8::try_from(total.rem_euclid(12) + 1).unwrap()).unwrap();
    Date::from_calendar_date(total.div_euclid(12), month, d.day().min(28)).unwrap()
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

async fn with_registry() -> TestApp {
    let app = spawn_app().await;
    demo_registry::load(&app.db, &Actor::sistem(), "tanah-bumbu", Scale::Normal)
        .await
        .unwrap();
    app
}

async fn recorded(app: &TestApp) -> usize {
    simpul_store::kepatuhan::pemenuhan::of_profil(&app.db, "tanah-bumbu")
        .await
        .unwrap()
        .len()
}

/// The API row of `kewajiban` for subject `kunci` on `per`.
async fn row(app: &TestApp, per: Date, kewajiban: &str, kunci: &str) -> serde_json::Value {
    let (status, body) = app
        .api_as(SUPER_ADMIN)
        .await
        .get(&format!("/kepatuhan?per={}", iso(per)))
        .await;
    assert_eq!(status, 200, "{body}");
    body["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kewajiban"] == kewajiban && b["subjek"] == kunci)
        .cloned()
        .expect("the row")
}

#[tokio::test]
async fn an_aplikasi_khusus_audited_13_months_ago_is_overdue_with_its_article() {
    let app = with_registry().await;
    let (_, body) = app.api_as(SUPER_ADMIN).await.get("/kepatuhan").await;
    let kunci = body["baris"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["kewajiban"] == "audit-aplikasi-khusus")
        .expect("an Aplikasi Khusus in the demo")["subjek"]
        .as_str()
        .unwrap()
        .to_owned();
    let per = today();
    let audit = months_before(per, 13);
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let r = s
        .post_multipart(
            "/kepatuhan/kewajiban/audit-aplikasi-khusus/pemenuhan",
            &[
                ("subjek", &kunci),
                ("tanggal", &iso(audit)),
                ("keterangan", "LHA Inspektorat 7/2025"),
            ],
            Some(("laporan.pdf", b"%PDF-1.4\n%demo\n")),
        )
        .await;
    assert_eq!(r.status(), 303, "{}", r.text().await.unwrap());
    assert_eq!(recorded(&app).await, 1);

    let b = row(&app, per, "audit-aplikasi-khusus", &kunci).await;
    assert_eq!(b["status"], "terlambat", "{b}");
    assert_eq!(b["terakhir"], iso(audit));
    assert_eq!(b["pasal"], "Pasal 41 ayat (3)");
    // Six months after the audit, the same application was in order.
    let b = row(&app, months_before(per, 7), "audit-aplikasi-khusus", &kunci).await;
    assert_eq!(b["status"], "terpenuhi", "{b}");

    let page = s
        .get(&format!(
            "/kepatuhan/kewajiban/audit-aplikasi-khusus?per={}",
            iso(per)
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Pasal 41 ayat (3)"), "{page}");
    assert!(page.contains("badge-danger\">Terlambat"), "{page}");
    assert!(page.contains("LHA Inspektorat 7/2025"));
}

#[tokio::test]
async fn summary_per_pd_and_bad_dates() {
    let app = with_registry().await;
    let s = app.login(AUDITOR, PASSWORD).await;
    let r = s.get("/kepatuhan").await;
    assert_eq!(r.status(), 200);
    let page = r.text().await.unwrap();
    for want in [
        "<svg",
        "Terlambat",
        "Segera jatuh tempo",
        "Pasal 41 ayat (3)",
        "Per bab",
    ] {
        assert!(page.contains(want), "{want} missing");
    }
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let page = s
        .get(&format!("/kepatuhan/pd/{bpkad}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("pencadangan-data-berkala"));
    assert!(
        page.contains("<details><summary>Pasal"),
        "every status shows its article"
    );

    let r = s.get("/kepatuhan?per=kemarin").await;
    assert_eq!(r.status(), 400);
    let page = r.text().await.unwrap();
    assert!(
        page.contains("kemarin") && page.contains("bukan tanggal"),
        "{page}"
    );
    let r = s
        .get(&format!("/kepatuhan/pd/{bpkad}?per=2026-13-40"))
        .await;
    assert_eq!(r.status(), 400);

    let api = app.api_as(AUDITOR).await;
    let (status, body) = api.get("/kepatuhan?per=2026-02-30").await;
    assert_api_error(&(status, body.clone()), 422, "validation_failed");
    let (status, body) = api.get("/kepatuhan?per=2026-06-30").await;
    assert_eq!(status, 200);
    let w = &body["wilayah"];
    let sum: u64 = [
        "terpenuhi",
        "segera_jatuh_tempo",
        "terlambat",
        "belum_pernah",
        "tidak_berlaku",
    ]
    .iter()
    .map(|k| w[k].as_u64().unwrap())
    .sum();
    assert_eq!(sum as usize, body["baris"].as_array().unwrap().len());
    assert!(
        body["baris"]
            .as_array()
            .unwrap()
            .iter()
            .all(|b| !b["pasal"].as_str().unwrap().is_empty())
    );
}

#[tokio::test]
async fn refusals_name_every_problem_and_store_nothing() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let before = (audit_len(&app.db).await, app.blob_files());
    let future = iso(today().next_day().unwrap());
    let r = s
        .post_multipart(
            "/kepatuhan/kewajiban/pencadangan-data-berkala/pemenuhan",
            &[
                ("subjek", "pd:tidak-ada"),
                ("tanggal", &future),
                ("keterangan", " "),
            ],
            Some(("bukti.pdf", b"%PDF-1.4\n")),
        )
        .await;
    assert_eq!(r.status(), 422);
    let page = r.text().await.unwrap();
    for field in ["Subjek:", "Tanggal pemenuhan:", "Keterangan:"] {
        assert!(page.contains(field), "{field} not named");
    }
    // A real subject and date, but a file that is not evidence.
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let r = s
        .post_multipart(
            "/kepatuhan/kewajiban/pencadangan-data-berkala/pemenuhan",
            &[
                ("subjek", &format!("pd:{bpkad}")),
                ("tanggal", &iso(today())),
                ("keterangan", "Cadangan bulanan"),
            ],
            Some(("program.exe", b"MZ\x90\x00\x03")),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("Bukti dukung (opsional):"));
    assert_eq!(recorded(&app).await, 0);
    assert_eq!((audit_len(&app.db).await, app.blob_files()), before);
}

async fn post(s: &Session, date: &str, kewajiban: &str, subjek: String) -> u16 {
    s.post_multipart(
        &format!("/kepatuhan/kewajiban/{kewajiban}/pemenuhan"),
        &[
            ("subjek", &subjek),
            ("tanggal", date),
            ("keterangan", "Dicatat"),
        ],
        None,
    )
    .await
    .status()
    .as_u16()
}

#[tokio::test]
async fn who_may_record_a_fulfilment() {
    let app = spawn_app().await;
    let bpkad = format!("pd:{}", pd_id(&app.db, "BPKAD").await);
    let setda = format!("pd:{}", pd_id(&app.db, "SETDA").await);
    let date = iso(today());
    let op = app.login(OPERATOR_BPKAD, PASSWORD).await;
    assert_eq!(
        post(&op, &date, "pencadangan-data-berkala", bpkad.clone()).await,
        303
    );
    assert_eq!(
        post(&op, &date, "pencadangan-data-berkala", setda.clone()).await,
        403
    );
    assert_eq!(
        post(&op, &date, "audit-infrastruktur", "infrastruktur".into()).await,
        403
    );
    let auditor = app.login(AUDITOR, PASSWORD).await;
    assert_eq!(
        post(&auditor, &date, "pencadangan-data-berkala", bpkad.clone()).await,
        403
    );
    let page = auditor
        .get("/kepatuhan/kewajiban/pencadangan-data-berkala")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        !page.contains("/pemenuhan?_csrf"),
        "no form for the auditor"
    );
    let admin = app.login(SUPER_ADMIN, PASSWORD).await;
    assert_eq!(
        post(&admin, &date, "audit-infrastruktur", "infrastruktur".into()).await,
        303
    );
    assert_eq!(recorded(&app).await, 2);
}

#[tokio::test]
async fn the_export_carries_the_articles() {
    let app = with_registry().await;
    let s = app.login(PIMPINAN, PASSWORD).await;
    let r = s.get("/kepatuhan/ekspor.xlsx?per=2026-06-30").await;
    assert_eq!(r.status(), 200);
    let bytes = r.bytes().await.unwrap().to_vec();
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = wb.worksheet_range("kepatuhan").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(ToString::to_string).collect())
        .collect();
    for col in ["pasal", "teks", "sumber", "status", "jatuh_tempo"] {
        assert!(rows[0].iter().any(|c| c == col), "{col}");
    }
    assert!(
        rows.iter()
            .any(|r| r.iter().any(|c| c == "Pasal 41 ayat (3)"))
    );
    assert!(rows.len() > 10);
}

#[tokio::test]
async fn the_calendar_feed_is_valid_icalendar_and_needs_a_credential() {
    let app = with_registry().await;
    let anon = client();
    let r = anon
        .get(format!("{}/kepatuhan/kalender.ics", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = anon
        .get(format!("{}/kepatuhan/kalender.ics?token=salah", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);

    let token = app.token_for(SUPER_ADMIN).await;
    let r = anon
        .get(format!("{}/kepatuhan/kalender.ics?token={token}", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let text = r.text().await.unwrap();
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "line of {} octets", line.len());
        assert!(!line.contains('\n'), "bare LF");
    }
    let cal = ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    assert!(!cal.events.is_empty());
    let mut uids = std::collections::HashSet::new();
    for e in &cal.events {
        let prop = |n: &str| e.properties.iter().find(|p| p.name == n).expect(n);
        assert!(
            uids.insert(prop("UID").value.clone().unwrap()),
            "UIDs unique"
        );
        assert!(prop("DTSTAMP").value.as_deref().unwrap().ends_with('Z'));
        let start = prop("DTSTART");
        assert_eq!(start.value.as_deref().unwrap().len(), 8);
        let params = start.params.clone().unwrap();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &["DATE".to_owned()])
        );
        assert!(prop("SUMMARY").value.as_deref().unwrap().contains(" – "));
        assert!(
            prop("DESCRIPTION")
                .value
                .as_deref()
                .unwrap()
                .contains("Pasal")
        );
    }
    // The operator's own feed (by token) holds every event of their PD's feed (by
    // session), with the same UIDs.
    let uids_of = |text: &str| -> std::collections::HashSet<String> {
        let cal = ical::IcalParser::new(BufReader::new(text.as_bytes()))
            .next()
            .unwrap()
            .unwrap();
        cal.events
            .iter()
            .filter_map(|e| e.properties.iter().find(|p| p.name == "UID"))
            .filter_map(|p| p.value.clone())
            .collect()
    };
    let bpkad = pd_id(&app.db, "BPKAD").await;
    let s = app.login(OPERATOR_BPKAD, PASSWORD).await;
    let r = s.get(&format!("/kepatuhan/pd/{bpkad}/kalender.ics")).await;
    assert_eq!(r.status(), 200);
    let of_pd = uids_of(&r.text().await.unwrap());
    assert!(!of_pd.is_empty());
    let token = app.token_for(OPERATOR_BPKAD).await;
    let mine = anon
        .get(format!("{}/kepatuhan/kalender.ics?token={token}", app.base))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(of_pd.is_subset(&uids_of(&mine)));
}

#[tokio::test]
async fn the_active_profile_comes_from_the_setting_or_the_region() {
    let cfg = WebConfig {
        profil: Some("tidak-ada".into()),
        ..Default::default()
    };
    let app = spawn_app_with(cfg, true).await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let page = s.get("/kepatuhan").await.text().await.unwrap();
    assert!(page.contains("Belum ada profil regulasi aktif"), "{page}");

    let cfg = WebConfig {
        profil: Some("gorontalo".into()),
        ..Default::default()
    };
    let app = spawn_app_with(cfg, true).await;
    let (_, body) = app.api_as(SUPER_ADMIN).await.get("/kepatuhan").await;
    assert_eq!(body["profil"], "gorontalo");
    let app = spawn_app().await;
    let (_, body) = app.api_as(SUPER_ADMIN).await.get("/kepatuhan").await;
    assert_eq!(body["profil"], "tanah-bumbu");
}
