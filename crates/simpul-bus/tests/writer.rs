//! The writer: reopening continues the chain, a crash's partial line is recorded
//! rather than dropped, keys are private and stable, NIKs never reach the files,
//! concurrent appends all land, and closing works however the handles go away.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use common::*;
use simpul_bus::evidence::{
    AppendError, EvidenceLog, Isi, OpenError, Pembaca, Peristiwa, segment, verify,
};

#[test]
fn reopening_continues_the_chain() {
    let t = Tmp::new("buka-lagi");
    let dir = t.bukti();
    tulis(cfg(&dir), 12);
    let before = verify(&dir).unwrap();
    tulis(cfg(&dir), 7);
    let lap = verify(&dir).unwrap();
    assert_eq!(lap.pertukaran, 19);
    assert_eq!(lap.catatan, 2);
    assert!(lap.berhenti_bersih);
    assert!(lap.seq_terakhir > before.seq_terakhir);
    assert_eq!(lap.kunci, before.kunci);
    let notes: Vec<_> = Pembaca::open(&dir, 1)
        .unwrap()
        .filter_map(|r| match r.unwrap().isi {
            Isi::Catatan(c) => Some(c),
            _ => None,
        })
        .collect();
    assert_eq!(notes[0].peristiwa, Peristiwa::Dimulai);
    assert_eq!(notes[1].peristiwa, Peristiwa::DibukaKembali);
    assert_eq!(notes[1].berhenti_bersih, Some(true));
    assert!(notes[1].terpotong.is_empty());
}

#[test]
fn a_partial_line_from_a_crash_is_kept_and_recorded() {
    let t = Tmp::new("robek");
    let dir = t.bukti();
    tulis(cfg(&dir), 14);
    // A crash mid-write: the last line half written (and no closing checkpoint).
    let last = segment::daftar(&dir).unwrap().last().unwrap().0;
    let path = seg(&dir, last);
    let mut lines = baris(&path);
    let torn = lines.pop().unwrap();
    let torn = torn[..torn.len() / 2].to_vec();
    lines.push(torn.clone());
    tulis_baris(&path, &lines);
    assert_eq!(
        masalah(&dir).jenis,
        simpul_bus::evidence::JenisMasalah::Terpotong
    );

    tulis(cfg(&dir), 3);
    // The partial line is still there, byte for byte, and the next segment says so.
    assert!(std::fs::read(&path).unwrap().ends_with(&torn));
    let lap = verify(&dir).unwrap();
    assert_eq!(lap.baris_terpotong_tercatat, 1);
    assert_eq!(lap.pertukaran, 17);
    let first_new = baris(&seg(&dir, last + 1));
    let note = json(&first_new[0]);
    assert_eq!(note["peristiwa"], "dibuka_kembali");
    assert_eq!(note["berhenti_bersih"], false);
    assert_eq!(note["terpotong"][0]["segmen"], segment::nama(last));
    assert_eq!(note["terpotong"][0]["panjang"], torn.len() as u64);

    // Changing the recorded partial line is caught.
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    bytes[n - 3] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(
        masalah(&dir).jenis,
        simpul_bus::evidence::JenisMasalah::Terpotong
    );
}

#[test]
fn a_crash_before_anything_complete_still_opens() {
    let t = Tmp::new("kosong");
    let dir = t.bukti();
    tulis(cfg(&dir), 0);
    // Only a partial line in the first segment, as if the very first write was torn.
    let p = seg(&dir, 1);
    let first = baris(&p)[0].clone();
    std::fs::write(&p, &first[..20]).unwrap();
    tulis(cfg(&dir), 2);
    let lap = verify(&dir).unwrap();
    assert_eq!((lap.pertukaran, lap.baris_terpotong_tercatat), (2, 1));
}

#[test]
fn a_broken_last_segment_is_refused_on_open() {
    let t = Tmp::new("tolak");
    let dir = t.bukti();
    tulis(cfg(&dir), 3);
    let p = seg(&dir, 1);
    let mut lines = baris(&p);
    lines.remove(3);
    tulis_baris(&p, &lines);
    match EvidenceLog::open(cfg(&dir)) {
        Err(OpenError::Rusak { segmen, baris, .. }) => {
            assert_eq!((segmen.as_str(), baris), ("segmen-000001.log", 4));
        }
        other => panic!("expected Rusak, got {other:?}"),
    }
}

#[test]
fn keys_are_private_published_and_never_replaced() {
    let t = Tmp::new("kunci");
    let dir = t.bukti();
    let k = rt().block_on(async {
        let log = EvidenceLog::open(cfg(&dir)).unwrap();
        let k = log.public_key();
        log.shutdown().await.unwrap();
        k
    });
    let published = std::fs::read_to_string(dir.join("kunci-checkpoint.pub")).unwrap();
    assert_eq!(published.trim(), k.to_hex());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("kunci-checkpoint.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // A missing signing key beside an existing log is an error, not a new key.
    std::fs::rename(dir.join("kunci-checkpoint.key"), t.0.join("simpan.key")).unwrap();
    assert!(matches!(
        EvidenceLog::open(cfg(&dir)),
        Err(OpenError::Kunci(_))
    ));
    std::fs::rename(t.0.join("simpan.key"), dir.join("kunci-checkpoint.key")).unwrap();
    // A public key file naming another key is refused too.
    std::fs::write(dir.join("kunci-checkpoint.pub"), "00".repeat(32)).unwrap();
    assert!(matches!(
        EvidenceLog::open(cfg(&dir)),
        Err(OpenError::Kunci(_))
    ));
}

#[test]
fn the_signing_key_can_live_outside_the_evidence_folder() {
    let t = Tmp::new("kunci-luar");
    let dir = t.bukti();
    let mut c = cfg(&dir);
    c.key_file = Some(t.0.join("rahasia.key"));
    tulis(c, 3);
    assert!(!dir.join("kunci-checkpoint.key").exists());
    assert!(t.0.join("rahasia.key").exists());
    assert_eq!(verify(&dir).unwrap().pertukaran, 3);
}

#[test]
fn no_nik_reaches_the_files() {
    let t = Tmp::new("nik");
    let dir = log_contoh(&t, 30);
    let hash = simpul_bus::nik::KunciNik::from_bytes([9; 32])
        .hash(NIK)
        .to_hex();
    let mut found_hash = false;
    for (_, p) in segment::daftar(&dir).unwrap() {
        let text = std::fs::read_to_string(p).unwrap();
        assert!(!text.contains(NIK));
        found_hash |= text.contains(&hash);
    }
    assert!(found_hash);
}

#[test]
fn concurrent_appends_all_land_in_order_of_their_numbers() {
    let t = Tmp::new("serentak");
    let dir = t.bukti();
    let mut c = cfg(&dir);
    c.segment_max_bytes = 256 * 1024;
    c.checkpoint_every = 100;
    c.queue_capacity = 64;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    let seqs = rt.block_on(async {
        let log = EvidenceLog::open(c).unwrap();
        let mut tasks = Vec::new();
        for w in 0..8u64 {
            let log = log.clone();
            tasks.push(tokio::spawn(async move {
                let mut out = Vec::new();
                for i in 0..250u64 {
                    let d = log.append(contoh(w * 1000 + i)).await.unwrap();
                    assert!(log.written_seq() >= d.seq);
                    out.push((d.seq, w * 1000 + i));
                }
                out
            }));
        }
        let mut all = Vec::new();
        for t in tasks {
            all.extend(t.await.unwrap());
        }
        log.shutdown().await.unwrap();
        assert!(matches!(
            log.append(contoh(1)).await,
            Err(AppendError::Ditutup)
        ));
        assert_eq!(log.durable_seq(), log.written_seq());
        assert_eq!(log.queue_len(), 0);
        all
    });
    assert_eq!(seqs.len(), 2000);
    let lap = verify(&dir).unwrap();
    assert_eq!(lap.pertukaran, 2000);
    assert_eq!(lap.checkpoint, 1 + 20 + 1);
    // Every acknowledged sequence number holds the exchange it was given for.
    let by_seq: std::collections::HashMap<u64, u64> = seqs.into_iter().collect();
    let mut n = 0;
    for r in Pembaca::open(&dir, 1).unwrap() {
        let r = r.unwrap();
        if let Isi::Pertukaran(p) = r.isi {
            assert_eq!(p, contoh(by_seq[&r.seq]));
            n += 1;
        }
    }
    assert_eq!(n, 2000);
}

#[test]
fn dropping_every_handle_closes_the_log_cleanly() {
    let t = Tmp::new("lepas");
    let dir = t.bukti();
    rt().block_on(async {
        let log = EvidenceLog::open(cfg(&dir)).unwrap();
        for i in 0..5 {
            log.append(contoh(i)).await.unwrap();
        }
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if verify(&dir).is_ok_and(|l| l.berhenti_bersih) {
            break;
        }
        assert!(Instant::now() < deadline, "no closing checkpoint");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_timed_checkpoint_signs_a_quiet_tail() {
    let t = Tmp::new("waktu");
    let dir = t.bukti();
    let mut c = cfg(&dir);
    c.checkpoint_interval = Duration::from_millis(100);
    c.fsync_interval = Duration::from_millis(20);
    rt().block_on(async {
        let log = EvidenceLog::open(c).unwrap();
        let last = log.append(contoh(1)).await.unwrap().seq;
        let deadline = Instant::now() + Duration::from_secs(20);
        while log.written_seq() == last || log.durable_seq() < log.written_seq() {
            assert!(Instant::now() < deadline, "no timed checkpoint");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        // The log is still open: the timed checkpoint is its last line.
        let lap = verify(&dir).unwrap();
        assert_eq!(lap.ekor_tanpa_checkpoint, 0);
        assert!(!lap.berhenti_bersih);
        log.shutdown().await.unwrap();
    });
}

#[test]
fn the_reader_starts_where_it_is_told() {
    let t = Tmp::new("baca");
    let dir = log_contoh(&t, 40);
    let all: Vec<_> = Pembaca::open(&dir, 1)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(all.len() as u64, verify(&dir).unwrap().entri);
    assert!(all.windows(2).all(|w| w[1].seq == w[0].seq + 1));
    let from: Vec<_> = Pembaca::open(&dir, 30)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(from[0].seq, 30);
    assert_eq!(from, all[29..]);
}
