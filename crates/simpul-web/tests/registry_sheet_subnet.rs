//! Importing the IP plan (000 Pasal 19): rows are checked against the stored plan and
//! against the rows above them in the same file, and a large plan imports in one go.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod registry_sheet_util;

use std::net::Ipv4Addr;
use std::time::Instant;

use common::{PASSWORD, SUPER_ADMIN, Session, audit_len, spawn_app};
use registry_sheet_util::{download, report, row, sheets, upload, xlsx};
use simpul_domain::registry::Jenis;
use simpul_store::registry::item::{self, ItemFilter};

/// How many subnet records are stored.
async fn plan(db: &simpul_store::Db) -> i64 {
    let f = ItemFilter {
        jenis: Some(Jenis::Subnet),
        ..ItemFilter::default()
    };
    item::count(db, &f).await.unwrap()
}

async fn header(s: &Session) -> Vec<String> {
    sheets(&download(s, "/arsitektur/subnet/templat.xlsx").await)[0].1[0].clone()
}

fn net(header: &[String], kode: &str, cidr: &str) -> Vec<String> {
    row(
        header,
        &[
            ("kode", kode),
            ("nama", "LAN"),
            ("pd", "DINKES"),
            ("cidr", cidr),
        ],
    )
}

#[tokio::test]
async fn overlaps_inside_the_file_and_with_the_plan_name_both_subnets() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let h = header(&s).await;
    let (stored_kode, stored_cidr) = ("NET-ADA", "172.16.9.0/24");
    let first = vec![h.clone(), net(&h, stored_kode, stored_cidr)];
    let (status, page) = upload(&s, "subnet", "ada.xlsx", &xlsx("subnet", &first)).await;
    assert_eq!(status, 200, "{page}");
    let before = plan(&app.db).await;
    let rows = vec![
        h.clone(),
        net(&h, "IMP-A", "172.16.0.0/24"),
        net(&h, "IMP-B", "172.16.0.128/25"),
        net(&h, "IMP-C", "172.16.1.0/24"),
        net(&h, "IMP-D", stored_cidr),
        net(&h, "IMP-E", "172.16.2.5/24"),
        net(&h, "IMP-F", "172.16.0.0/16"),
    ];
    let audit = audit_len(&app.db).await;
    let (status, page) = upload(&s, "subnet", "ip.xlsx", &xlsx("subnet", &rows)).await;
    assert_eq!(status, 422, "{page}");
    assert!(page.contains("tidak ada yang disimpan"), "{page}");
    let r = report(&page);
    let at = |n: &str| -> Vec<String> {
        r.iter()
            .filter(|c| c[1] == n)
            .map(|c| c[3].clone())
            .collect()
    };
    assert!(r.iter().all(|c| c[2].starts_with("cidr")), "{r:?}");
    // Row 3 lies inside row 2: both subnets and the other row's code are named.
    let b = at("3");
    assert_eq!(b.len(), 1, "{r:?}");
    assert!(
        b[0].contains("172.16.0.128/25")
            && b[0].contains("172.16.0.0/24")
            && b[0].contains("IMP-A di baris 2")
            && b[0].contains("di berkas ini"),
        "{b:?}"
    );
    // Row 5 repeats a stored subnet: named with its record's code.
    let d = at("5");
    assert_eq!(d.len(), 1, "{r:?}");
    assert!(
        d[0].contains(stored_cidr) && d[0].contains(stored_kode) && d[0].contains("sama dengan"),
        "{d:?}"
    );
    assert!(!d[0].contains("di berkas ini"), "{d:?}");
    // Row 6 is malformed: the network it should be is suggested.
    assert!(at("6").iter().any(|m| m.contains("172.16.2.0/24")), "{r:?}");
    // Row 7 covers the stored subnet and rows 2 to 5 (row 5 named though refused itself).
    let f = at("7");
    assert_eq!(f.len(), 5, "{r:?}");
    for kode in [stored_kode, "IMP-A", "IMP-B", "IMP-C", "IMP-D di baris 5"] {
        assert!(
            f.iter().any(|m| m.contains(kode) && m.contains("mencakup")),
            "{f:?}"
        );
    }
    assert_eq!(at("2"), Vec::<String>::new());
    assert_eq!(at("4"), Vec::<String>::new());
    assert_eq!(plan(&app.db).await, before);
    assert_eq!(audit_len(&app.db).await, audit);
}

/// `count` consecutive /28 networks from `start`, as rows coded `prefix-NNNNN`.
fn slash28s(h: &[String], prefix: &str, start: Ipv4Addr, count: u32) -> Vec<Vec<String>> {
    let mut rows = vec![h.to_vec()];
    for i in 0..count {
        let cidr = format!("{}/28", Ipv4Addr::from(u32::from(start) + i * 16));
        rows.push(net(h, &format!("{prefix}-{i:05}"), &cidr));
    }
    rows
}

#[tokio::test]
async fn five_thousand_subnets_import_twice_into_a_growing_plan() {
    let app = spawn_app().await;
    let s = app.login(SUPER_ADMIN, PASSWORD).await;
    let h = header(&s).await;
    let before = plan(&app.db).await;
    // The second file lands on a plan already holding the first one's 5,000 subnets.
    for (n, (prefix, start)) in [
        ("BESAR", Ipv4Addr::new(172, 16, 0, 0)),
        ("LAGI", Ipv4Addr::new(172, 20, 0, 0)),
    ]
    .into_iter()
    .enumerate()
    {
        let bytes = xlsx("subnet", &slash28s(&h, prefix, start, 5_000));
        let t = Instant::now();
        let (status, page) = upload(&s, "subnet", "ip-besar.xlsx", &bytes).await;
        println!(
            "5.000 subnet /28 (impor ke-{}) dalam {:?}",
            n + 1,
            t.elapsed()
        );
        assert_eq!(status, 200, "{}", &page[..page.len().min(2000)]);
        assert!(page.contains("5.000 catatan disimpan"), "{n}");
    }
    assert_eq!(plan(&app.db).await, before + 10_000);

    // One more row overlapping the stored plan is still caught against 10,000 subnets.
    let rows = vec![
        h.clone(),
        net(&h, "SATU-LAGI", "172.20.78.0/24"),
        net(&h, "SATU-BEBAS", "172.30.0.0/24"),
    ];
    let (status, page) = upload(&s, "subnet", "ip.xlsx", &xlsx("subnet", &rows)).await;
    assert_eq!(status, 422, "{page}");
    let r = report(&page);
    assert_eq!(r.len(), 16, "{r:?}");
    assert!(
        r.iter().all(|c| c[1] == "2" && c[3].contains("mencakup")),
        "{r:?}"
    );
    assert!(
        r[0][3].contains("LAGI-01248") && r[0][3].contains("172.20.78.0/28"),
        "{r:?}"
    );
    assert_eq!(plan(&app.db).await, before + 10_000);
}
