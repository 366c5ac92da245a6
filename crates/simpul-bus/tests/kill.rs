//! Kill the writing process mid-stream (SIGKILL, no shutdown): every entry it had
//! acknowledged is in the log, the log reopens, and then verifies.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use simpul_bus::evidence::{EvidenceLog, Isi, JenisMasalah, Pembaca, VerifyError, verify};

const ENV: &str = "SIMPUL_BUS_KILL_DIR";

/// The child: four tasks appending for ever, printing each acknowledgement.
#[test]
#[ignore = "the child process of acknowledged_entries_survive_a_kill"]
fn child_writer() {
    let Ok(dir) = std::env::var(ENV) else { return };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let mut c = cfg(std::path::Path::new(&dir));
        c.segment_max_bytes = 64 * 1024;
        let log = EvidenceLog::open(c).unwrap();
        let mut tasks = Vec::new();
        for w in 0..4u64 {
            let log = log.clone();
            tasks.push(tokio::spawn(async move {
                for i in 0.. {
                    let n = w * 1_000_000 + i;
                    let d = log.append(contoh(n)).await.unwrap();
                    let mut out = std::io::stdout().lock();
                    writeln!(out, "ack {} {}", d.seq, contoh(n).id_permintaan).unwrap();
                    out.flush().unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
    });
}

#[test]
fn acknowledged_entries_survive_a_kill() {
    let t = Tmp::new("bunuh");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_writer", "--ignored", "--nocapture"])
        .env(ENV, t.bukti())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut acked: HashMap<u64, String> = HashMap::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    while acked.len() < 3000 {
        assert!(
            Instant::now() < deadline,
            "child too slow: {} acks",
            acked.len()
        );
        let Some(Ok(l)) = lines.next() else {
            panic!("child ended early")
        };
        if let Some(rest) = l.strip_prefix("ack ") {
            let (seq, id) = rest.split_once(' ').unwrap();
            acked.insert(seq.parse().unwrap(), id.to_owned());
        }
    }
    child.kill().unwrap();
    // Acknowledgements printed before the kill but not yet read count too.
    for l in lines.map_while(Result::ok) {
        if let Some((seq, id)) = l.strip_prefix("ack ").and_then(|r| r.split_once(' ')) {
            acked.insert(seq.parse().unwrap(), id.to_owned());
        }
    }
    child.wait().unwrap();
    let dir = t.bukti();

    // Killed: no closing checkpoint; at most a partial last line.
    match verify(&dir) {
        Ok(lap) => assert!(!lap.berhenti_bersih),
        Err(VerifyError::Rusak(r)) => assert_eq!(r.masalah.jenis, JenisMasalah::Terpotong),
        Err(e) => panic!("{e}"),
    }
    // Reopened (and closed), it verifies.
    tulis(cfg(&dir), 0);
    let lap = verify(&dir).unwrap();
    assert!(lap.berhenti_bersih);
    assert!(lap.pertukaran >= acked.len() as u64);

    let mut found = 0;
    for r in Pembaca::open(&dir, 1).unwrap() {
        let r = r.unwrap();
        if let (Isi::Pertukaran(p), Some(id)) = (&r.isi, acked.get(&r.seq)) {
            assert_eq!(&p.id_permintaan, id, "entry {}", r.seq);
            found += 1;
        }
    }
    assert_eq!(found, acked.len(), "acknowledged entries missing");
}
