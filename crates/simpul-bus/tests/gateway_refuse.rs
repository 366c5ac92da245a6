//! Every bad input gets its problem+json code and is in the evidence log as refused or
//! failed; the log verifies afterwards; the rate limit bites.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use gw::*;
use simpul_bus::evidence::Hasil;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_bad_input_has_its_code_and_its_evidence() {
    let bus = Bus::start("tolak").await;
    let url = |p: &str| format!("{}{p}", bus.base);
    let h = &bus.http;
    // (request, status, code, failed rather than refused)
    let cases: Vec<(reqwest::RequestBuilder, u16, &str, bool)> = vec![
        (
            bus.get("/DINKES/tidakada/v1/x"),
            404,
            "layanan_tidak_dikenal",
            false,
        ),
        (
            bus.get("/DINKES/echo/v9/x"),
            404,
            "layanan_tidak_dikenal",
            false,
        ),
        (
            h.get(url("/DINKES/echo/v1/x")).header("x-api-key", "salah"),
            401,
            "konsumen_tidak_dikenal",
            false,
        ),
        (
            h.get(url("/DINKES/echo/v1/x")),
            401,
            "konsumen_tidak_dikenal",
            false,
        ),
        (
            h.get(url("/DINKES/echo/v1/x")).bearer_auth("bukan.token"),
            401,
            "konsumen_tidak_dikenal",
            false,
        ),
        (
            h.get(url("/DINKES/echo/v1/x"))
                .header("x-api-key", KEY_REVOKED),
            403,
            "kredensial_dicabut",
            false,
        ),
        (
            h.get(url("/DINKES/echo/v1/x"))
                .header("x-api-key", KEY_EXPIRED),
            403,
            "izin_kedaluwarsa",
            false,
        ),
        (
            h.get(url("/DINKES/kecil/v1/x"))
                .header("x-api-key", KEY_EXPIRED),
            403,
            "izin_tidak_ada",
            false,
        ),
        (
            bus.get("/DINKES/nonaktif/v1/x"),
            503,
            "layanan_nonaktif",
            false,
        ),
        (
            bus.get("/DUKCAPIL/penduduk/v1/x?nik=6310014501900001"),
            400,
            "petugas_wajib",
            false,
        ),
        (
            bus.get("/DUKCAPIL/penduduk/v1/x")
                .header("x-simpul-user-id", "12345"),
            400,
            "petugas_tidak_valid",
            false,
        ),
        (
            bus.post("/DINKES/kecil/v1/x").body(vec![b'a'; 2048]),
            413,
            "badan_terlalu_besar",
            false,
        ),
        (bus.get("/a/b"), 400, "jalur_tidak_valid", false),
        (
            bus.get("/DINKES/ec%20ho/v1/x"),
            400,
            "jalur_tidak_valid",
            false,
        ),
        (
            bus.get("/DINKES/mati/v1/x"),
            502,
            "hulu_tidak_tersedia",
            true,
        ),
        (bus.get("/DINKES/echo/v1/lambat"), 504, "hulu_timeout", true),
        (bus.get("/DINKES/rusak/v1/x"), 502, "hulu_rusak", true),
        (
            bus.get("/DINKES/kecil/v1/besar"),
            502,
            "tanggapan_terlalu_besar",
            true,
        ),
    ];
    let mut seen = Vec::new();
    for (req, status, code, failed) in cases {
        let (s, c, id) = problem(req.send().await.unwrap()).await;
        assert_eq!((s, c.as_str()), (status, code));
        seen.push((id, status, code, failed));
    }
    // The gateway still serves after all that.
    let ok = bus.get("/DINKES/echo/v1/x").send().await.unwrap();
    assert_eq!(ok.status(), 200);

    let nik = bus.nik.clone();
    let (entries, raw) = bus.finish().await; // verifies the log
    assert_eq!(entries.len(), seen.len() + 1);
    for (id, status, code, failed) in seen {
        let e = by_id(&entries, &id);
        let want = if failed {
            Hasil::Gagal {
                http: status,
                kode: code.into(),
            }
        } else {
            Hasil::Ditolak {
                http: status,
                kode: code.into(),
            }
        };
        assert_eq!(e.hasil, want, "{code}");
        assert!(e.ukuran.tanggapan > 0);
        if code == "konsumen_tidak_dikenal" {
            assert_eq!(e.konsumen, "-");
        }
        if code == "hulu_timeout" {
            assert!(e.durasi.hulu_us.unwrap() >= 900_000);
        }
    }
    // A refused call's NIK is not hashed (the body was never read), nor in the log.
    assert!(!raw.contains("6310014501900001"));
    assert!(
        entries
            .iter()
            .all(|e| !e.nik.contains(&nik.hash("6310014501900001")))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_per_consumer_and_service() {
    let bus = Bus::start("laju").await;
    let mut codes = Vec::new();
    for _ in 0..5 {
        let r = bus.get("/DINKES/laju/v1/x").send().await.unwrap();
        codes.push(r.status().as_u16());
        if r.status() == 429 {
            assert_eq!(r.headers()["retry-after"], "2");
            assert_eq!(problem(r).await.1, "batas_laju");
        }
    }
    assert_eq!(codes, [200, 200, 200, 429, 429]);
    // Another service of the same consumer is not affected.
    assert_eq!(
        bus.get("/DINKES/echo/v1/x").send().await.unwrap().status(),
        200
    );
    let (entries, _) = bus.finish().await;
    let limited = entries
        .iter()
        .filter(|e| matches!(&e.hasil, Hasil::Ditolak { kode, .. } if kode == "batas_laju"))
        .count();
    assert_eq!(limited, 2);
}
