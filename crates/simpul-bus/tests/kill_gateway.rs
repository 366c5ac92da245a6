//! Kill the gateway process mid-stream (SIGKILL, no shutdown) while consumers call it:
//! every exchange a consumer got an answer for — forwarded or refused — is in the
//! evidence log, and the log, reopened, verifies. This is the guarantee behind
//! "evidence before the answer": an answer nobody can prove later is never sent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod gw;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use simpul_bus::evidence::{
    EvidenceConfig, EvidenceLog, Isi, JenisMasalah, Pembaca, VerifyError, verify,
};
use simpul_bus::gateway::{Gateway, GatewayConfig, MemorySource, RateLimit};
use simpul_bus::nik::KunciNik;

const ENV: &str = "SIMPUL_BUS_KILL_GW_DIR";

/// Answers the parent counts before it kills the child.
const BEFORE_KILL: usize = 400;

fn evidence_cfg(dir: &std::path::Path) -> EvidenceConfig {
    let mut c = EvidenceConfig::new(dir);
    c.checkpoint_every = 50;
    c.segment_max_bytes = 64 * 1024;
    c
}

/// The child: a real upstream and a gateway over the test directory, on a free port
/// it prints, serving until killed.
#[test]
#[ignore = "the child process of answered_exchanges_survive_a_kill_of_the_gateway"]
fn child_gateway() {
    let Ok(dir) = std::env::var(ENV) else { return };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async move {
        let (up, g, d) = (gw::upstream().await, gw::garbage().await, gw::down().await);
        let src = Arc::new(MemorySource::new(gw::directory(up, g, d)));
        let log = EvidenceLog::open(evidence_cfg(std::path::Path::new(&dir))).unwrap();
        // No rate limit to speak of: this test is about evidence, not fairness.
        let cfg = GatewayConfig {
            default_rate_limit: RateLimit {
                per_second: 1e9,
                burst: 1_000_000,
            },
            ..GatewayConfig::default()
        };
        let gateway = Gateway::builder(cfg, src, log, KunciNik::from_bytes([9; 32]))
            .build()
            .await
            .unwrap();
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("port {}", l.local_addr().unwrap().port());
        gateway
            .serve(l, std::future::pending::<()>())
            .await
            .unwrap();
    });
}

#[test]
fn answered_exchanges_survive_a_kill_of_the_gateway() {
    let t = gw::Tmp::new("bunuh-gw");
    let dir = t.0.join("bukti");
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_gateway", "--ignored", "--nocapture"])
        .env(ENV, &dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port: u16 = loop {
        let l = lines.next().expect("child ended early").unwrap();
        if let Some(p) = l.strip_prefix("port ") {
            break p.trim().parse().unwrap();
        }
    };

    // Eight consumers call in a loop: forwarded calls and, every fourth, a refusal
    // (unknown key). Each answer's request id is noted the moment it arrives.
    let answered = Arc::new(Mutex::new(HashSet::<String>::new()));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let http = reqwest::Client::new();
        let mut tasks = Vec::new();
        for w in 0..8u32 {
            let (http, answered) = (http.clone(), Arc::clone(&answered));
            tasks.push(tokio::spawn(async move {
                for i in 0u32.. {
                    let id = format!("bunuh-{w}-{i}");
                    let key = if i % 4 == 3 { "kunci-palsu" } else { gw::KEY };
                    let r = http
                        .get(format!("http://127.0.0.1:{port}/DINKES/echo/v1/x"))
                        .header("x-api-key", key)
                        .header("x-request-id", &id)
                        .send()
                        .await;
                    // After the kill, calls fail: this consumer is done.
                    let Ok(r) = r else { return };
                    let expected = if i % 4 == 3 { 401 } else { 200 };
                    assert_eq!(r.status().as_u16(), expected, "{id}");
                    answered.lock().unwrap().insert(id);
                }
            }));
        }
        let deadline = Instant::now() + Duration::from_secs(60);
        while answered.lock().unwrap().len() < BEFORE_KILL {
            assert!(Instant::now() < deadline, "gateway too slow");
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        child.kill().unwrap();
        for t in tasks {
            t.await.unwrap();
        }
    });
    child.wait().unwrap();
    let answered = answered.lock().unwrap().clone();
    assert!(answered.len() >= BEFORE_KILL);

    // Killed: no closing checkpoint, at most a partial last line.
    match verify(&dir) {
        Ok(lap) => assert!(!lap.berhenti_bersih),
        Err(VerifyError::Rusak(r)) => assert_eq!(r.masalah.jenis, JenisMasalah::Terpotong),
        Err(e) => panic!("{e}"),
    }
    // Reopened and closed, it verifies, and holds every answered exchange.
    rt.block_on(async {
        let log = EvidenceLog::open(evidence_cfg(&dir)).unwrap();
        log.shutdown().await.unwrap();
    });
    let lap = verify(&dir).unwrap();
    assert!(lap.berhenti_bersih);
    let logged: HashSet<String> = Pembaca::open(&dir, 1)
        .unwrap()
        .filter_map(|r| match r.unwrap().isi {
            Isi::Pertukaran(p) => Some(p.id_permintaan),
            _ => None,
        })
        .collect();
    let missing: Vec<_> = answered.difference(&logged).collect();
    assert!(
        missing.is_empty(),
        "{} answered exchanges missing from the log, e.g. {:?}",
        missing.len(),
        missing.iter().take(3).collect::<Vec<_>>()
    );
    // Refusals were answered and logged too, not only forwarded calls.
    assert!(answered.iter().any(|id| id.ends_with("-3")));
}
