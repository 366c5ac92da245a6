//! The offline verifier on a clean log, and on copies tampered with in every way it
//! must catch: each names the first problem, its kind, segment, line and sequence.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::*;
use ed25519_dalek::{Signer, SigningKey};
use simpul_bus::evidence::{Checkpoint, JenisMasalah::*, segment, verify, verify_with_key};
use simpul_bus::kunci::KunciPublik;

fn seq_of(line: &[u8]) -> u64 {
    json(line)["seq"].as_u64().unwrap()
}

#[test]
fn clean_log_verifies_with_the_right_counts() {
    let t = Tmp::new("bersih");
    let dir = log_contoh(&t, 95);
    let lap = verify(&dir).unwrap();
    // 1 opening note + 1 opening checkpoint + 95 exchanges + 9 periodic checkpoints
    // (after 10, 20, ..., 90) + 1 closing checkpoint.
    assert_eq!(lap.entri, 107);
    assert_eq!(lap.pertukaran, 95);
    assert_eq!(lap.catatan, 1);
    assert_eq!(lap.checkpoint, 11);
    assert_eq!(lap.seq_terakhir, 107);
    assert_eq!(lap.bertanda_tangan_sampai, 107);
    assert_eq!(lap.ekor_tanpa_checkpoint, 0);
    assert!(lap.berhenti_bersih);
    assert_eq!(lap.baris_terpotong_tercatat, 0);
    let segs = segment::daftar(&dir).unwrap();
    assert!(segs.len() >= 4, "segments did not roll: {segs:?}");
    assert_eq!(lap.segmen, segs.len() as u64);
    for (_, p) in &segs {
        assert!(std::fs::metadata(p).unwrap().len() <= 8 * 1024);
    }
    let pub_hex = std::fs::read_to_string(dir.join("kunci-checkpoint.pub")).unwrap();
    assert_eq!(lap.kunci.to_hex(), pub_hex.trim());
    assert_eq!(verify_with_key(&dir, &lap.kunci).unwrap(), lap);
}

#[test]
fn one_altered_byte_is_named() {
    let t = Tmp::new("ubah");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "pertukaran", 1);
    let seq = seq_of(&lines[i]);
    let pos = lines[i]
        .windows(8)
        .position(|w| w == b"\"DINSOS\"")
        .unwrap()
        + 1;
    lines[i][pos] = b'E';
    tulis_baris(&path, &lines);
    let m = masalah(&dir);
    cek(&m, Diubah, 2, i as u64 + 1, seq);
    assert!(m.to_string().contains("telah diubah"), "{m}");
    assert!(
        m.to_string()
            .contains(&format!("{} baris {}", segment::nama(2), i + 1))
    );
}

#[test]
fn a_deleted_line_is_named() {
    let t = Tmp::new("hapus");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "pertukaran", 1);
    let seq = seq_of(&lines[i]);
    lines.remove(i);
    tulis_baris(&path, &lines);
    let m = masalah(&dir);
    // Seen where the next entry stands, naming the missing one.
    cek(&m, Dihapus, 2, i as u64 + 1, seq);
    assert!(m.to_string().contains("telah dihapus"), "{m}");
}

#[test]
fn a_deleted_checkpoint_line_is_named() {
    let t = Tmp::new("hapus-cp");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "checkpoint", 0);
    let seq = seq_of(&lines[i]);
    lines.remove(i);
    tulis_baris(&path, &lines);
    cek(&masalah(&dir), Dihapus, 2, i as u64 + 1, seq);
}

#[test]
fn swapped_lines_are_named() {
    let t = Tmp::new("tukar");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "pertukaran", 1);
    let later = seq_of(&lines[i + 1]);
    lines.swap(i, i + 1);
    tulis_baris(&path, &lines);
    let m = masalah(&dir);
    cek(&m, UrutanBerubah, 2, i as u64 + 1, later);
    assert!(m.to_string().contains("urutannya diubah"), "{m}");
}

#[test]
fn lines_swapped_across_segments_are_reordered_not_removed() {
    let t = Tmp::new("tukar-segmen");
    let dir = log_contoh(&t, 60);
    let (p2, p3) = (seg(&dir, 2), seg(&dir, 3));
    let (mut l2, mut l3) = (baris(&p2), baris(&p3));
    let last = l2.len() - 1;
    let moved = seq_of(&l3[0]);
    std::mem::swap(&mut l2[last], &mut l3[0]);
    tulis_baris(&p2, &l2);
    tulis_baris(&p3, &l3);
    cek(&masalah(&dir), UrutanBerubah, 2, last as u64 + 1, moved);
}

#[test]
fn a_line_truncated_mid_way_is_named() {
    let t = Tmp::new("potong");
    let dir = log_contoh(&t, 60);
    let last = segment::daftar(&dir).unwrap().last().unwrap().0;
    let path = seg(&dir, last);
    let mut lines = baris(&path);
    let n = lines.len();
    let seq = seq_of(&lines[n - 1]);
    lines[n - 1].truncate(40);
    tulis_baris(&path, &lines);
    let m = masalah(&dir);
    cek(&m, Terpotong, last, n as u64, seq);
    assert!(m.to_string().contains("Log terpotong"), "{m}");
}

#[test]
fn a_middle_segment_cut_mid_line_is_truncation() {
    let t = Tmp::new("potong-tengah");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "pertukaran", 1);
    let seq = seq_of(&lines[i]);
    lines.truncate(i + 1);
    lines[i].truncate(100);
    tulis_baris(&path, &lines);
    cek(&masalah(&dir), Terpotong, 2, i as u64 + 1, seq);
}

#[test]
fn a_deleted_middle_segment_is_named() {
    let t = Tmp::new("segmen");
    let dir = log_contoh(&t, 60);
    let next_seq = seq_of(&baris(&seg(&dir, 2))[0]);
    std::fs::remove_file(seg(&dir, 2)).unwrap();
    let m = masalah(&dir);
    cek(&m, Terpotong, 2, 0, next_seq);
    assert!(m.rincian.contains("segmen-000002.log hilang"), "{m}");
}

#[test]
fn a_deleted_first_segment_is_named() {
    let t = Tmp::new("segmen-awal");
    let dir = log_contoh(&t, 60);
    std::fs::remove_file(seg(&dir, 1)).unwrap();
    cek(&masalah(&dir), Terpotong, 1, 0, 1);
}

#[test]
fn a_forged_checkpoint_signature_is_named() {
    let t = Tmp::new("palsu");
    let dir = log_contoh(&t, 60);
    let forger = SigningKey::from_bytes(&[42; 32]);
    // Re-sign the second periodic checkpoint with another key, keeping everything else
    // and recomputing the chain, as an attacker without our key would have to.
    let mut n = 0;
    let mut forged = 0;
    tulis_ulang(&dir, false, |v| {
        if v["jenis"] == "checkpoint" {
            n += 1;
            if n == 3 {
                let seq = v["seq"].as_u64().unwrap();
                let cp: Checkpoint = serde_json::from_value(v.clone()).unwrap();
                let sig = forger.sign(&cp.pesan(seq));
                v["tanda_tangan"] = hex::encode(sig.to_bytes()).into();
                forged = seq;
            }
        }
        true
    });
    let m = masalah(&dir);
    assert_eq!((m.jenis, m.seq), (TandaTanganTidakSah, forged), "{m}");
    assert!(m.to_string().contains("bertanda tangan tidak sah"), "{m}");
}

#[test]
fn an_entry_rewritten_with_its_chain_recomputed_fails_at_the_next_checkpoint() {
    let t = Tmp::new("tulis-ulang");
    let dir = log_contoh(&t, 60);
    let mut target_seen = false;
    let mut next_cp = 0;
    tulis_ulang(&dir, false, |v| {
        let seq = v["seq"].as_u64().unwrap();
        if seq == 25 {
            assert_eq!(v["jenis"], "pertukaran");
            v["konsumen"] = "penyusup".into();
            target_seen = true;
        } else if target_seen && next_cp == 0 && v["jenis"] == "checkpoint" {
            next_cp = seq;
        }
        true
    });
    let m = masalah(&dir);
    assert_eq!((m.jenis, m.seq), (TandaTanganTidakSah, next_cp), "{m}");
}

#[test]
fn checkpoints_removed_with_the_chain_recomputed_are_caught() {
    let t = Tmp::new("tanpa-cp");
    let dir = log_contoh(&t, 60);
    // Drop every checkpoint after the opening one and renumber: the chain is whole,
    // but the opening checkpoint promised one within 10 exchanges.
    let mut n = 0;
    tulis_ulang(&dir, true, |v| {
        if v["jenis"] == "checkpoint" {
            n += 1;
            return n == 1;
        }
        true
    });
    let m = masalah(&dir);
    assert_eq!(m.jenis, Dihapus, "{m}");
    assert!(m.rincian.contains("lebih dari 10 pertukaran"), "{m}");
}

#[test]
fn an_entry_rehashed_alone_is_named_by_its_successor() {
    let t = Tmp::new("rehash-satu");
    let dir = log_contoh(&t, 60);
    let path = seg(&dir, 2);
    let mut lines = baris(&path);
    let i = cari(&lines, "pertukaran", 1);
    let seq = seq_of(&lines[i]);
    // Change the entry and give it a correct hash of its own, but leave the next
    // entry's `prev` as it was.
    let mut v = json(&lines[i]);
    v.as_object_mut().unwrap().remove("hash");
    v["konsumen"] = "penyusup".into();
    let prev = simpul_bus::Hash256::parse_hex(v["prev"].as_str().unwrap()).unwrap();
    let canon = serde_json::to_vec(&v).unwrap();
    let h = simpul_bus::Hash256::of_parts(&[&prev.0, &canon]);
    let mut line = canon[..canon.len() - 1].to_vec();
    line.extend_from_slice(format!(",\"hash\":\"{h}\"}}\n").as_bytes());
    lines[i] = line;
    tulis_baris(&path, &lines);
    cek(&masalah(&dir), Diubah, 2, i as u64 + 1, seq);
}

#[test]
fn another_trusted_key_rejects_the_first_checkpoint() {
    let t = Tmp::new("kunci-lain");
    let dir = log_contoh(&t, 5);
    let other = SigningKey::from_bytes(&[7; 32]);
    let k = KunciPublik::parse_hex(&hex::encode(other.verifying_key().as_bytes())).unwrap();
    let simpul_bus::evidence::VerifyError::Rusak(r) = verify_with_key(&dir, &k).unwrap_err() else {
        panic!("expected a problem");
    };
    cek(&r.masalah, TandaTanganTidakSah, 1, 2, 2);
    assert!(r.masalah.rincian.contains("kunci lain"), "{}", r.masalah);
}

/// What cannot be detected, stated as a test: cutting whole lines after the last
/// checkpoint leaves a log that verifies, but the report shows the unsigned tail and
/// that the log did not end with a clean shutdown.
#[test]
fn lines_cut_after_the_last_checkpoint_show_as_an_unsigned_tail() {
    let t = Tmp::new("ekor");
    let dir = log_contoh(&t, 15);
    let last = segment::daftar(&dir).unwrap().last().unwrap().0;
    let path = seg(&dir, last);
    let mut lines = baris(&path);
    lines.pop(); // the closing checkpoint
    lines.pop(); // exchange 15
    tulis_baris(&path, &lines);
    let lap = verify(&dir).unwrap();
    assert!(!lap.berhenti_bersih);
    assert_eq!(lap.ekor_tanpa_checkpoint, 4);
    assert_eq!(lap.seq_terakhir, lap.bertanda_tangan_sampai + 4);
}
