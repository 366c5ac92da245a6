//! `simpul verify-evidence DIR` on a log written by simpul-bus: intact, then tampered
//! with; the exit code and the Bahasa Indonesia message must say which entry.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{Out, TempDir, sim};
use simpul_bus::Hash256;
use simpul_bus::evidence::{Durasi, Hasil, Layanan, SidikBadan, Ukuran};
use simpul_bus::evidence::{EvidenceConfig, EvidenceLog, Pertukaran, segment};

fn pertukaran(i: u64) -> Pertukaran {
    Pertukaran {
        id_permintaan: format!("req-{i}"),
        waktu: time::OffsetDateTime::from_unix_timestamp(1_790_000_000 + i as i64).unwrap(),
        konsumen: "bkpsdm.simpeg".into(),
        layanan: Layanan {
            pd: "DISDUKCAPIL".into(),
            kode: "data-penduduk".into(),
            versi: "v2".into(),
        },
        petugas: Some("198609262015051001".into()),
        tujuan: Some("verifikasi data pegawai".into()),
        hasil: if i.is_multiple_of(7) {
            Hasil::Ditolak {
                http: 403,
                kode: "izin_kedaluwarsa".into(),
            }
        } else {
            Hasil::Diteruskan { http: 200 }
        },
        durasi: Durasi {
            total_us: 900,
            hulu_us: Some(700),
        },
        ukuran: Ukuran {
            permintaan: 0,
            tanggapan: 512,
        },
        sha256: SidikBadan {
            permintaan: Hash256::of(b""),
            tanggapan: Hash256::of(format!("{i}").as_bytes()),
        },
        nik: vec![],
    }
}

/// A log of 1,200 exchanges in `dir/bukti`, checkpointed every 100, in 64 KiB segments.
fn log(dir: &TempDir) -> PathBuf {
    log_in(dir, "bukti")
}

fn log_in(dir: &TempDir, name: &str) -> PathBuf {
    let bukti = dir.path().join(name);
    let mut c = EvidenceConfig::new(&bukti);
    c.checkpoint_every = 100;
    c.segment_max_bytes = 64 * 1024;
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let log = EvidenceLog::open(c).unwrap();
            for i in 1..=1200 {
                log.append(pertukaran(i)).await.unwrap();
            }
            log.shutdown().await.unwrap();
        });
    bukti
}

fn verify(dir: &TempDir, bukti: &Path, extra: &[&str]) -> Out {
    let mut args = vec!["verify-evidence", bukti.to_str().unwrap()];
    args.extend_from_slice(extra);
    sim(dir, &args)
}

#[test]
fn an_intact_log_verifies() {
    let dir = TempDir::new("bukti-utuh");
    let bukti = log(&dir);
    let out = verify(&dir, &bukti, &[]).ok();
    // 1 note + 1 opening checkpoint + 1,200 exchanges + 12 periodic + 1 closing.
    assert!(
        out.stdout.contains(
            "Log bukti utuh: 1.215 entri, 14 checkpoint bertanda tangan sah (1.200 pertukaran,"
        ),
        "{out:#?}"
    );
    assert!(
        out.stdout
            .contains("Catatan: kunci publik dibaca dari folder yang sama")
    );
    assert!(!out.stdout.contains("Peringatan"), "{out:#?}");

    // With the published key given, by value and by file, there is no such caveat.
    let key = std::fs::read_to_string(bukti.join("kunci-checkpoint.pub")).unwrap();
    let out = verify(&dir, &bukti, &["--kunci-publik", key.trim()]).ok();
    assert!(!out.stdout.contains("Catatan: kunci publik"), "{out:#?}");
    let key_file = dir.path().join("diterbitkan.pub");
    std::fs::write(&key_file, &key).unwrap();
    verify(
        &dir,
        &bukti,
        &["--kunci-publik", key_file.to_str().unwrap()],
    )
    .ok();
}

#[test]
fn an_altered_entry_is_named() {
    let dir = TempDir::new("bukti-ubah");
    let bukti = log(&dir);
    let path = bukti.join(segment::nama(2));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let i = lines
        .iter()
        .position(|l| l.contains("\"jenis\":\"pertukaran\""))
        .unwrap();
    let seq: serde_json::Value = serde_json::from_str(&lines[i]).unwrap();
    let seq = seq["seq"].as_u64().unwrap();
    lines[i] = lines[i].replace("bkpsdm.simpeg", "bkpsdm.simpeX");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();

    let out = verify(&dir, &bukti, &[]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    let want = format!(
        "LOG BUKTI RUSAK: Entri ke-{seq} (segmen-000002.log baris {}) telah diubah",
        i + 1
    );
    assert!(out.stderr.contains(&want), "{want}\n{out:#?}");
    assert!(!out.stdout.contains("Log bukti utuh"), "{out:#?}");
}

#[test]
fn a_missing_segment_and_a_foreign_key_are_named() {
    let dir = TempDir::new("bukti-hilang");
    let bukti = log(&dir);
    // Checked against another installation's key, the first checkpoint fails.
    let other = log_in(&dir, "lain").join("kunci-checkpoint.pub");
    let out = verify(&dir, &bukti, &["--kunci-publik", other.to_str().unwrap()]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(
        out.stderr.contains(
            "Checkpoint entri ke-2 (segmen-000001.log baris 2) bertanda tangan tidak sah"
        ),
        "{out:#?}"
    );
    std::fs::remove_file(bukti.join(segment::nama(2))).unwrap();
    let out = verify(&dir, &bukti, &[]);
    assert_eq!(out.code, Some(1), "{out:#?}");
    assert!(out.stderr.contains("Log terpotong"), "{out:#?}");
    assert!(out.stderr.contains("segmen-000002.log hilang"), "{out:#?}");
}

#[test]
fn a_folder_without_a_log_is_an_error() {
    let dir = TempDir::new("bukti-kosong");
    let out = verify(&dir, dir.path(), &[]);
    assert_eq!(out.code, Some(2), "{out:#?}");
    assert!(out.stderr.contains("kunci-checkpoint.pub"), "{out:#?}");
}
