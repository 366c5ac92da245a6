//! Conformance on every backend: the evidence log indexed into the database (real logs
//! written by `EvidenceLog` in a temp folder): idempotent, resumes from the cursor
//! across segments and reopenings, skips notes and checkpoints, waits for a partial
//! last line, refuses a log that no longer holds what was indexed; search filters and
//! scope, the NIK ledger, the dashboard's aggregates and the lookup's audit entry.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use common::{assert_one_entry, backends, head_seq, new_pd, pd_a, sys};
use simpul_bus::Hash256;
use simpul_bus::evidence::{
    Durasi, EvidenceConfig, EvidenceLog, Hasil, Layanan, Pertukaran, SidikBadan, Ukuran,
};
use simpul_bus::nik::KunciNik;
use simpul_domain::bus::KodeLayanan;
use simpul_domain::ids::PdId;
use simpul_domain::org::JenisPd;
use simpul_store::bus::indeks::{self, IndeksError};
use simpul_store::bus::pertukaran::{self, Lingkup, Saring};
use simpul_store::bus::{konsumen, pantau};
use simpul_store::{Db, pd};
use time::{Duration, OffsetDateTime};

const NIK_A: &str = "6310014501900001";
const NIK_B: &str = "6310014501900002";

fn kunci() -> KunciNik {
    KunciNik::from_bytes([42; 32])
}

fn entri(i: u64, hasil: Hasil, petugas: &str, nik: &[&str], waktu: OffsetDateTime) -> Pertukaran {
    Pertukaran {
        id_permintaan: format!("req-{i}"),
        waktu,
        konsumen: "siks".into(),
        layanan: Layanan {
            pd: "PD-A".into(),
            kode: "penduduk".into(),
            versi: "v1".into(),
        },
        petugas: Some(petugas.into()),
        // Long enough that a few lines fill a small segment.
        tujuan: Some(format!("verifikasi bansos {}", "x".repeat(1500))),
        hasil,
        durasi: Durasi {
            total_us: 700 + i * 3000,
            hulu_us: Some(500),
        },
        ukuran: Ukuran {
            permintaan: 10,
            tanggapan: 200 + i,
        },
        sha256: SidikBadan {
            permintaan: Hash256::of(format!("q{i}").as_bytes()),
            tanggapan: Hash256::of(format!("r{i}").as_bytes()),
        },
        nik: nik.iter().map(|n| kunci().hash(n)).collect(),
    }
}

fn tmp() -> PathBuf {
    std::env::temp_dir().join(format!("simpul-indeks-{}", uuid::Uuid::now_v7().simple()))
}

/// Append `entries` to the log in `dir` (opening or reopening it) and close it cleanly.
async fn tulis_log(dir: &Path, entries: Vec<Pertukaran>, seg_max: u64) -> u64 {
    let mut cfg = EvidenceConfig::new(dir);
    cfg.segment_max_bytes = seg_max;
    let log = EvidenceLog::open(cfg).unwrap();
    for e in entries {
        log.append(e).await.unwrap();
    }
    log.shutdown().await.unwrap();
    log.written_seq()
}

/// PD-A owns the service, PD-B's consumer `siks` calls it; PD-C is unrelated.
async fn setup(db: &Db) -> (PdId, PdId, PdId) {
    let a = pd_a(db).await.id;
    let mk = |k: &'static str| new_pd(k, k, None, JenisPd::Dinas, None);
    let b = pd::create(db, &sys(), &mk("PD-B"), false).await.unwrap().id;
    let c = pd::create(db, &sys(), &mk("PD-C"), false).await.unwrap().id;
    let kode = KodeLayanan::parse("siks").unwrap();
    konsumen::create(db, &sys(), b, &kode, "SIKS PD B", "SIKS")
        .await
        .unwrap();
    (a, b, c)
}

fn ok() -> Hasil {
    Hasil::Diteruskan { http: 200 }
}

fn tolak() -> Hasil {
    Hasil::Ditolak {
        http: 403,
        kode: "izin_tidak_ada".into(),
    }
}

fn gagal() -> Hasil {
    Hasil::Gagal {
        http: 502,
        kode: "hulu_gagal".into(),
    }
}

#[tokio::test]
async fn indexes_resumes_and_searches() {
    for (b, db) in backends().await.iter() {
        let (b, db) = (*b, db);
        let (pa, pb, pc) = setup(db).await;
        let dir = tmp();
        let t0 = OffsetDateTime::now_utc() - Duration::hours(3);
        // Small segments: the log rolls, so resuming crosses segment boundaries.
        let first = vec![
            entri(1, ok(), "111", &[NIK_A, NIK_B], t0),
            entri(2, tolak(), "222", &[], t0 + Duration::minutes(1)),
            entri(3, gagal(), "111", &[NIK_B], t0 + Duration::hours(2)),
        ];
        let written = tulis_log(&dir, first, 4096).await;
        assert_eq!(indeks::indeks_sekali(db, &dir).await.unwrap(), 3, "[{b}]");
        assert_eq!(
            indeks::indeks_sekali(db, &dir).await.unwrap(),
            0,
            "[{b}] idempotent"
        );
        let k = indeks::kursor(db).await.unwrap();
        assert_eq!(
            k.seq,
            i64::try_from(written).unwrap(),
            "[{b}] notes and checkpoints advance the cursor"
        );
        assert!(k.masalah.is_none());

        // Reopened (a note and a checkpoint), two more: only those are added.
        let more = vec![
            entri(4, ok(), "333", &[NIK_A], t0 + Duration::hours(2)),
            entri(5, ok(), "333", &[], t0 + Duration::hours(2)),
        ];
        tulis_log(&dir, more, 4096).await;
        assert_eq!(
            indeks::indeks_sekali(db, &dir).await.unwrap(),
            2,
            "[{b}] resumes"
        );
        let segs = simpul_bus::evidence::segment::daftar(&dir).unwrap().len();
        assert!(segs >= 3, "[{b}] several segments: {segs}");

        let semua = |s: Saring| Saring {
            lingkup: Lingkup::Semua,
            ..s
        };
        let n = |s: Saring| async move { pertukaran::cari(db, &s, 1).await.unwrap().1 };
        assert_eq!(n(semua(Saring::default())).await, 5, "[{b}]");
        assert_eq!(n(Saring::default()).await, 0, "[{b}] no scope sees nothing");
        let row = pertukaran::cari(db, &semua(Saring::default()), 1)
            .await
            .unwrap()
            .0;
        assert_eq!(
            row[0].seq,
            k.seq + 4,
            "[{b}] newest first, after note+checkpoint"
        );
        let r3 = &row[2];
        assert_eq!(r3.id_permintaan, "req-3");
        assert_eq!(r3.konsumen_pd_id, Some(pb.0), "[{b}] consumer PD resolved");
        assert_eq!(r3.konsumen_nama.as_deref(), Some("SIKS PD B"));
        assert_eq!(r3.layanan_pd_id, Some(pa.0), "[{b}] service PD resolved");
        assert_eq!(r3.layanan_key(), "PD-A/penduduk/v1");
        assert_eq!((r3.status.as_str(), r3.http), ("gagal", 502));
        assert_eq!(r3.kode_masalah.as_deref(), Some("hulu_gagal"));
        assert_eq!(r3.sha256_tanggapan, Hash256::of(b"r3").to_hex());
        assert!(r3.segmen >= 1 && r3.baris >= 1);
        let one = pertukaran::get(db, r3.seq).await.unwrap();
        assert_eq!(one.hash, r3.hash);
        assert_eq!(
            pertukaran::nik_of(db, r3.seq).await.unwrap(),
            vec![kunci().hash(NIK_B).to_hex()]
        );

        // Filters.
        let f = |f: fn(&mut Saring)| {
            let mut s = semua(Saring::default());
            f(&mut s);
            s
        };
        assert_eq!(n(f(|s| s.petugas = Some("111".into()))).await, 2, "[{b}]");
        assert_eq!(
            n(f(|s| s.status = Some("ditolak".into()))).await,
            1,
            "[{b}]"
        );
        assert_eq!(
            n(f(|s| s.kode = Some("hulu_gagal".into()))).await,
            1,
            "[{b}]"
        );
        assert_eq!(
            n(f(|s| s.layanan = Some("penduduk".into()))).await,
            5,
            "[{b}]"
        );
        assert_eq!(n(f(|s| s.layanan = Some("lain".into()))).await, 0, "[{b}]");
        assert_eq!(n(f(|s| s.konsumen = Some("siks".into()))).await, 5, "[{b}]");
        let mut s = semua(Saring::default());
        s.dari = Some(t0 + Duration::hours(1));
        assert_eq!(n(s.clone()).await, 3, "[{b}] from");
        s.sampai = Some(t0 + Duration::hours(2));
        assert_eq!(n(s).await, 0, "[{b}] until is exclusive");
        let mut s = semua(Saring::default());
        s.pd = Some(pc);
        assert_eq!(n(s.clone()).await, 0, "[{b}] unrelated PD");
        s.pd = Some(pa);
        assert_eq!(n(s).await, 5, "[{b}] service PD");
        // Scope: the consumer's PD and the owner's PD see them, another PD does not.
        for (pds, want) in [
            (vec![pb], 5),
            (vec![pa], 5),
            (vec![pc], 0),
            (vec![pc, pb], 5),
        ] {
            let s = Saring {
                lingkup: Lingkup::Pd(pds),
                ..Saring::default()
            };
            assert_eq!(n(s).await, want, "[{b}] scope");
        }

        // The NIK ledger.
        let seqs = |v: Vec<pertukaran::Pertukaran>| {
            v.iter()
                .map(|p| p.id_permintaan.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            seqs(pertukaran::per_nik(db, kunci().hash(NIK_A)).await.unwrap()),
            ["req-4", "req-1"],
            "[{b}]"
        );
        assert_eq!(
            seqs(pertukaran::per_nik(db, kunci().hash(NIK_B)).await.unwrap()),
            ["req-3", "req-1"],
            "[{b}]"
        );
        let other = KunciNik::from_bytes([1; 32]).hash(NIK_A);
        assert!(
            pertukaran::per_nik(db, other).await.unwrap().is_empty(),
            "[{b}] another key's hash"
        );
        let before = head_seq(db).await;
        let h = kunci().hash(NIK_A);
        pertukaran::catat_lacak_nik(db, &simpul_store::Actor("199001012020011001".into()), h, 2)
            .await
            .unwrap();
        assert_one_entry(
            b,
            db,
            before,
            "bus.nik_dilacak",
            "bus_nik",
            Some(&h.to_hex()),
            None,
        )
        .await;

        // Aggregates.
        let (d, u) = (
            pertukaran::mikro(t0 - Duration::hours(1)),
            pertukaran::mikro(t0 + Duration::hours(3)),
        );
        let per = pantau::per_layanan(db, &Lingkup::Semua, d, u)
            .await
            .unwrap();
        assert_eq!(per.len(), 1, "[{b}]");
        assert_eq!(
            (per[0].jumlah, per[0].ditolak, per[0].gagal),
            (5, 1, 1),
            "[{b}]"
        );
        assert_eq!(
            per[0].terakhir_gagal_us,
            Some(pertukaran::mikro(t0 + Duration::hours(2)))
        );
        let jam = pantau::per_jam(db, &Lingkup::Semua, d, u).await.unwrap();
        assert_eq!(jam.iter().map(|j| j.jumlah).sum::<i64>(), 5, "[{b}]");
        assert_eq!(jam.iter().map(|j| j.bermasalah).sum::<i64>(), 2, "[{b}]");
        assert!(jam.iter().all(|j| j.jam_us % 3_600_000_000 == 0));
        let h = pantau::histogram(db, &Lingkup::Semua, d, u).await.unwrap();
        assert_eq!(h.len(), pantau::BATAS_LATENSI_MS.len() + 1);
        assert_eq!(h.iter().sum::<i64>(), 5, "[{b}]");
        assert_eq!(h[0], 0, "[{b}] 0.7 ms is under 1 ms, but i=1 adds 3 ms");
        let m = pantau::per_masalah(db, &Lingkup::Semua, d, u)
            .await
            .unwrap();
        assert_eq!(m.len(), 2, "[{b}]");
        let scoped = pantau::per_layanan(db, &Lingkup::Pd(vec![pc]), d, u)
            .await
            .unwrap();
        assert!(scoped.is_empty(), "[{b}] aggregates respect the scope");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn partial_last_line_waits_and_replaced_log_is_reported() {
    for (b, db) in backends().await.iter() {
        let (b, db) = (*b, db);
        setup(db).await;
        let dir = tmp();
        let t0 = OffsetDateTime::now_utc();
        tulis_log(&dir, vec![entri(1, ok(), "1", &[NIK_A], t0)], 1 << 20).await;
        // A crash mid-write: a partial line at the end of the last segment.
        let seg = simpul_bus::evidence::segment::daftar(&dir)
            .unwrap()
            .last()
            .unwrap()
            .1
            .clone();
        let mut f = std::fs::OpenOptions::new().append(true).open(&seg).unwrap();
        f.write_all(br#"{"seq":99,"prev":"00"#).unwrap();
        drop(f);
        assert_eq!(indeks::indeks_sekali(db, &dir).await.unwrap(), 1, "[{b}]");
        assert_eq!(indeks::indeks_sekali(db, &dir).await.unwrap(), 0, "[{b}]");
        // The writer reopens (recording the partial line) and goes on.
        tulis_log(&dir, vec![entri(2, ok(), "1", &[], t0)], 1 << 20).await;
        assert_eq!(
            indeks::indeks_sekali(db, &dir).await.unwrap(),
            1,
            "[{b}] after the torn line"
        );
        let k = indeks::kursor(db).await.unwrap();

        // Another log in its place (restored, rewritten): reported, nothing indexed.
        let _ = std::fs::remove_dir_all(&dir);
        tulis_log(
            &dir,
            vec![entri(7, ok(), "1", &[], t0), entri(8, ok(), "1", &[], t0)],
            1 << 20,
        )
        .await;
        let e = indeks::indeks_sekali(db, &dir).await.unwrap_err();
        assert!(matches!(e, IndeksError::LogBerbeda(_)), "[{b}] {e}");
        let after = indeks::kursor(db).await.unwrap();
        assert_eq!(after.seq, k.seq, "[{b}] cursor kept");
        let m = after.masalah.unwrap_or_default();
        assert!(m.contains(&format!("entri ke-{}", k.seq)), "[{b}] {m}");
        let all = Saring {
            lingkup: Lingkup::Semua,
            ..Saring::default()
        };
        assert_eq!(
            pertukaran::cari(db, &all, 1).await.unwrap().1,
            2,
            "[{b}] nothing re-indexed"
        );
        // Emptied folder: also reported.
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        assert!(
            matches!(
                indeks::indeks_sekali(db, &dir).await,
                Err(IndeksError::LogBerbeda(_))
            ),
            "[{b}]"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[tokio::test]
async fn indexer_task_follows_the_log_and_drains_on_shutdown() {
    for (b, db) in backends().await.iter() {
        let (b, db) = (*b, db);
        setup(db).await;
        let dir = tmp();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = indeks::spawn(
            db.clone(),
            dir.clone(),
            std::time::Duration::from_millis(50),
            async {
                let _ = rx.await;
            },
        );
        let t0 = OffsetDateTime::now_utc();
        tulis_log(
            &dir,
            vec![entri(1, ok(), "1", &[], t0), entri(2, ok(), "1", &[], t0)],
            1 << 20,
        )
        .await;
        let all = Saring {
            lingkup: Lingkup::Semua,
            ..Saring::default()
        };
        let mut seen = 0;
        for _ in 0..100 {
            seen = pertukaran::cari(db, &all, 1).await.unwrap().1;
            if seen == 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert_eq!(seen, 2, "[{b}] indexed in the background");
        tulis_log(&dir, vec![entri(3, ok(), "1", &[], t0)], 1 << 20).await;
        let _ = tx.send(());
        task.await.unwrap();
        assert_eq!(
            pertukaran::cari(db, &all, 1).await.unwrap().1,
            3,
            "[{b}] drained on shutdown"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
