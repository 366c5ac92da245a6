//! Property: for any sequence of exchanges, checkpoint interval, segment size and
//! restart point, the written log verifies with the right counts; and changing any
//! single byte of any line is detected.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use proptest::prelude::*;
use proptest::sample::Index;
use simpul_bus::evidence::{EvidenceLog, VerifyError, segment, verify};

/// Lines written by one session of `m` exchanges checkpointed every `every`.
fn lines_of_session(m: u64, every: u64) -> (u64, u64) {
    let checkpoints = 1 + m / every + 1;
    (1 + m + checkpoints, checkpoints)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn written_logs_verify_and_any_changed_byte_is_caught(
        seeds in proptest::collection::vec(0u64..1000, 0..40),
        every in 1u64..8,
        seg_kb in 4u64..10,
        restart in proptest::option::of(any::<Index>()),
        line in any::<Index>(),
        at in any::<Index>(),
        delta in 1u8..=255,
    ) {
        let t = Tmp::new("prop");
        let dir = t.bukti();
        let mut c = cfg(&dir);
        c.checkpoint_every = every;
        c.segment_max_bytes = seg_kb * 1024;
        let cut = restart.map(|i| i.index(seeds.len() + 1));
        rt().block_on(async {
            let mut log = EvidenceLog::open(c.clone()).unwrap();
            for (k, s) in seeds.iter().enumerate() {
                if cut == Some(k) {
                    log.shutdown().await.unwrap();
                    log = EvidenceLog::open(c.clone()).unwrap();
                }
                log.append(contoh(*s)).await.unwrap();
            }
            log.shutdown().await.unwrap();
        });

        let n = seeds.len() as u64;
        let sessions = match cut {
            Some(k) if (k as u64) < n => vec![k as u64, n - k as u64],
            _ => vec![n],
        };
        let (mut entri, mut cps) = (0, 0);
        for m in &sessions {
            let (e, c) = lines_of_session(*m, every);
            entri += e;
            cps += c;
        }
        let lap = verify(&dir).unwrap();
        prop_assert_eq!(lap.pertukaran, n);
        prop_assert_eq!(lap.entri, entri);
        prop_assert_eq!(lap.checkpoint, cps);
        prop_assert_eq!(lap.catatan, sessions.len() as u64);
        prop_assert!(lap.berhenti_bersih);

        // Change one byte of one line (its newline included).
        let mut all = Vec::new();
        for (_, p) in segment::daftar(&dir).unwrap() {
            for (i, l) in baris(&p).iter().enumerate() {
                all.push((p.clone(), i, l.len()));
            }
        }
        let (path, i, len) = all[line.index(all.len())].clone();
        let mut lines = baris(&path);
        let pos = at.index(len);
        lines[i][pos] = lines[i][pos].wrapping_add(delta);
        tulis_baris(&path, &lines);
        prop_assert!(
            matches!(verify(&dir), Err(VerifyError::Rusak(_))),
            "undetected change at {}:{} byte {}", path.display(), i + 1, pos
        );
    }
}
