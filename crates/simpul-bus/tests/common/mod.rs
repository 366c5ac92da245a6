//! Helpers for the evidence log tests: temporary folders, sample exchanges, writing a
//! log, and an attacker who edits lines and recomputes the hash chain.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::Value;
use sha2::{Digest, Sha256};
use simpul_bus::Hash256;
use simpul_bus::evidence::{
    Durasi, EvidenceConfig, EvidenceLog, Hasil, JenisMasalah, Layanan, Masalah, Pertukaran,
    SidikBadan, Ukuran, VerifyError, segment, verify,
};
use simpul_bus::nik::KunciNik;

/// A NIK that must never appear in a log.
pub const NIK: &str = "6310014501900001";

/// A folder under the temp dir, removed on drop.
pub struct Tmp(pub PathBuf);

impl Tmp {
    pub fn new(tag: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "simpul-bus-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Self(p)
    }
    /// The evidence folder inside.
    pub fn bukti(&self) -> PathBuf {
        self.0.join("bukti")
    }
}

impl Drop for Tmp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Settings for tests: small segments, a checkpoint every 10 exchanges, no timed
/// checkpoints (so counts do not depend on the machine's speed).
pub fn cfg(dir: &Path) -> EvidenceConfig {
    let mut c = EvidenceConfig::new(dir);
    c.checkpoint_every = 10;
    c.checkpoint_interval = Duration::from_secs(3600);
    c.fsync_interval = Duration::from_millis(50);
    c.segment_max_bytes = 8 * 1024;
    c
}

/// The `i`-th sample exchange: refusals, failures, officers and NIKs by turns.
pub fn contoh(i: u64) -> Pertukaran {
    let kunci = KunciNik::from_bytes([9; 32]);
    let hasil = match i % 5 {
        3 => Hasil::Ditolak {
            http: 403,
            kode: "izin_tidak_ada".into(),
        },
        4 => Hasil::Gagal {
            http: 504,
            kode: "hulu_lambat".into(),
        },
        _ => Hasil::Diteruskan { http: 200 },
    };
    Pertukaran {
        id_permintaan: format!("01JH{i:08}"),
        waktu: time::OffsetDateTime::from_unix_timestamp(1_790_000_000 + i as i64).unwrap(),
        konsumen: "disdukcapil.siak".into(),
        layanan: Layanan {
            pd: "DINSOS".into(),
            kode: "penerima-bansos".into(),
            versi: "v1".into(),
        },
        petugas: i.is_multiple_of(2).then(|| "198609262015051001".into()),
        tujuan: Some(format!("verifikasi penerima ke-{i} \"kutip\" é")),
        durasi: Durasi {
            total_us: 1000 + i,
            hulu_us: matches!(hasil, Hasil::Ditolak { .. })
                .then_some(0)
                .or(Some(800 + i)),
        },
        hasil,
        ukuran: Ukuran {
            permintaan: i * 10,
            tanggapan: i * 100,
        },
        sha256: SidikBadan {
            permintaan: Hash256::of(format!("req{i}").as_bytes()),
            tanggapan: Hash256::of(format!("res{i}").as_bytes()),
        },
        nik: if i.is_multiple_of(3) {
            vec![kunci.hash(NIK)]
        } else {
            vec![]
        },
    }
}

/// A current-thread runtime for one test.
pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

/// Write `n` sample exchanges into a log with settings `c`, and shut it down.
pub fn tulis(c: EvidenceConfig, n: u64) {
    rt().block_on(async {
        let log = EvidenceLog::open(c).unwrap();
        for i in 1..=n {
            log.append(contoh(i)).await.unwrap();
        }
        log.shutdown().await.unwrap();
    });
}

/// A log of `n` exchanges in `t.bukti()` with the test settings.
pub fn log_contoh(t: &Tmp, n: u64) -> PathBuf {
    tulis(cfg(&t.bukti()), n);
    t.bukti()
}

pub fn seg(dir: &Path, n: u64) -> PathBuf {
    dir.join(segment::nama(n))
}

/// The lines of a segment, newlines kept.
pub fn baris(path: &Path) -> Vec<Vec<u8>> {
    let bytes = std::fs::read(path).unwrap();
    bytes
        .split_inclusive(|b| *b == b'\n')
        .map(<[u8]>::to_vec)
        .collect()
}

pub fn tulis_baris(path: &Path, lines: &[Vec<u8>]) {
    std::fs::write(path, lines.concat()).unwrap();
}

/// The JSON of a line (its `jenis`, `seq`, ...).
pub fn json(line: &[u8]) -> Value {
    serde_json::from_slice(line.trim_ascii_end()).unwrap()
}

/// Index (0-based) of the first line of `jenis` in a segment at or after `from`.
pub fn cari(lines: &[Vec<u8>], jenis: &str, from: usize) -> usize {
    (from..lines.len())
        .find(|i| json(&lines[*i])["jenis"] == jenis)
        .unwrap()
}

/// The verifier's first problem (panics if the log verifies).
#[track_caller]
pub fn masalah(dir: &Path) -> Masalah {
    match verify(dir) {
        Err(VerifyError::Rusak(r)) => r.masalah,
        other => panic!("expected a problem, got {other:?}"),
    }
}

#[track_caller]
pub fn cek(m: &Masalah, jenis: JenisMasalah, segmen: u64, baris: u64, seq: u64) {
    assert_eq!(
        (m.jenis, m.segmen.as_str(), m.baris, m.seq),
        (jenis, segment::nama(segmen).as_str(), baris, seq),
        "{m}"
    );
}

/// The attacker: rewrite the lines of every segment, renumbering (if `renumber`),
/// relinking `prev`, making each checkpoint state the new head, and recomputing every
/// hash; `edit` may change each line's JSON first (return false to drop the line).
/// Lines that end up unchanged keep their bytes. Only the signatures are beyond reach.
pub fn tulis_ulang(dir: &Path, renumber: bool, mut edit: impl FnMut(&mut Value) -> bool) {
    let mut prev = Hash256::ZERO;
    let mut seq = 0u64;
    for (_, path) in segment::daftar(dir).unwrap() {
        let mut out = Vec::new();
        for l in baris(&path) {
            if !l.ends_with(b"\n") {
                out.push(l);
                continue;
            }
            let mut v = json(&l);
            let old_hash = Hash256::parse_hex(v["hash"].as_str().unwrap()).unwrap();
            v.as_object_mut().unwrap().remove("hash");
            let orig = v.clone();
            if !edit(&mut v) {
                continue;
            }
            seq = if renumber {
                seq + 1
            } else {
                v["seq"].as_u64().unwrap()
            };
            v["seq"] = seq.into();
            v["prev"] = prev.to_hex().into();
            if v["jenis"] == "checkpoint" {
                v["sampai"] = (seq - 1).into();
                v["kepala"] = prev.to_hex().into();
            }
            if v == orig {
                out.push(l);
                prev = old_hash;
                continue;
            }
            let canon = serde_json::to_vec(&v).unwrap();
            let mut h = Sha256::new();
            h.update(prev.0);
            h.update(&canon);
            prev = Hash256(h.finalize().into());
            let mut line = canon[..canon.len() - 1].to_vec();
            line.extend_from_slice(format!(",\"hash\":\"{prev}\"}}\n").as_bytes());
            out.push(line);
        }
        tulis_baris(&path, &out);
    }
}
