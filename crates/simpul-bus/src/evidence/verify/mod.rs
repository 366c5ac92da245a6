//! Offline verification: from the segment files and the public key alone, check every
//! line's hash, the chain across segments, sequence continuity, segment numbering,
//! every checkpoint's signature and that it states the chain's real head, and the
//! signed promise of how many exchanges may pass between checkpoints. Stops at the
//! first problem and names it.

mod laporan;

use std::path::Path;

pub use laporan::{JenisMasalah, Laporan, Masalah, Rusak, VerifyError, angka};

use super::config::BERKAS_KUNCI_PUBLIK;
use super::line::{self, Baris, BarisError};
use super::record::{AlasanCheckpoint, BarisTerpotong, Isi, Peristiwa};
use super::segment;
use crate::hash::Hash256;
use crate::kunci::KunciPublik;

/// Verify the log in `dir` against the public key file in the same folder. For real
/// assurance pass the key published elsewhere to [`verify_with_key`]: whoever can
/// rewrite the folder can also replace the key file in it.
pub fn verify(dir: &Path) -> Result<Laporan, VerifyError> {
    let kunci = KunciPublik::from_file(&dir.join(BERKAS_KUNCI_PUBLIK))?;
    verify_with_key(dir, &kunci)
}

/// Verify the log in `dir` against `kunci`.
pub fn verify_with_key(dir: &Path, kunci: &KunciPublik) -> Result<Laporan, VerifyError> {
    let segs = segment::daftar(dir).map_err(|source| VerifyError::Io {
        path: dir.to_owned(),
        source,
    })?;
    if segs.is_empty() {
        return Err(VerifyError::TidakAdaSegmen(dir.to_owned()));
    }
    let mut p = Pemeriksa::new(*kunci);
    let mut run = || -> Result<(), Henti> {
        for (i, (no, path)) in segs.iter().enumerate() {
            let next = segs.get(i + 1).map(|(_, p)| p.as_path());
            p.segmen(*no, path, next)?;
        }
        p.selesai()
    };
    match run() {
        Ok(()) => Ok(p.lap),
        Err(Henti::Io(e)) => Err(e),
        Err(Henti::Masalah(masalah)) => Err(VerifyError::Rusak(Box::new(Rusak {
            masalah,
            diperiksa: p.lap,
        }))),
    }
}

enum Henti {
    Io(VerifyError),
    Masalah(Masalah),
}

fn read(path: &Path) -> Result<Vec<u8>, Henti> {
    std::fs::read(path).map_err(|source| {
        Henti::Io(VerifyError::Io {
            path: path.to_owned(),
            source,
        })
    })
}

struct Pemeriksa {
    kunci: KunciPublik,
    lap: Laporan,
    nomor_berikut: u64,
    /// The sequence number the next entry must carry, and the hash it must follow.
    expected: u64,
    prev: Hash256,
    /// Where the previous entry is (segment, line).
    prev_di: (String, u64),
    /// Partial lines waiting for the reopening note that records them, with their line.
    tertunda: Vec<(BarisTerpotong, u64)>,
    /// The last valid checkpoint: its sequence number and its signed `setiap`.
    cp: Option<(u64, u64)>,
    /// Exchanges since then.
    sejak: u64,
}

fn masalah(jenis: JenisMasalah, segmen: &str, baris: u64, seq: u64, rincian: String) -> Henti {
    Henti::Masalah(Masalah {
        jenis,
        segmen: segmen.to_owned(),
        baris,
        seq,
        rincian,
    })
}

impl Pemeriksa {
    fn new(kunci: KunciPublik) -> Self {
        Self {
            kunci,
            lap: Laporan {
                segmen: 0,
                entri: 0,
                pertukaran: 0,
                catatan: 0,
                checkpoint: 0,
                seq_terakhir: 0,
                kepala: Hash256::ZERO,
                bertanda_tangan_sampai: 0,
                ekor_tanpa_checkpoint: 0,
                baris_terpotong_tercatat: 0,
                berhenti_bersih: false,
                kunci,
            },
            nomor_berikut: 1,
            expected: 1,
            prev: Hash256::ZERO,
            prev_di: (segment::nama(1), 0),
            tertunda: Vec::new(),
            cp: None,
            sejak: 0,
        }
    }

    fn segmen(&mut self, no: u64, path: &Path, next: Option<&Path>) -> Result<(), Henti> {
        use JenisMasalah::Terpotong;
        if no != self.nomor_berikut {
            let hilang = segment::nama(self.nomor_berikut);
            let why = format!(
                "berkas {hilang} hilang (segmen berikutnya: {})",
                segment::nama(no)
            );
            return Err(masalah(Terpotong, &hilang, 0, self.expected, why));
        }
        self.nomor_berikut = no + 1;
        self.lap.segmen += 1;
        let name = segment::nama(no);
        let bytes = read(path)?;
        if bytes.is_empty() && next.is_some() {
            let why = "segmen kosong: isinya hilang".to_owned();
            return Err(masalah(Terpotong, &name, 0, self.expected, why));
        }
        let (lines, tail) = segment::lines(&bytes);
        let parsed: Vec<_> = lines.iter().map(|(_, l)| line::parse(l)).collect();
        for (i, r) in parsed.iter().enumerate() {
            self.entri(&name, i as u64 + 1, r, &parsed[i + 1..], next)?;
        }
        if let Some((offset, t)) = tail {
            let baris = lines.len() as u64 + 1;
            if next.is_none() {
                let why = format!(
                    "baris terakhir terpotong ({} byte tanpa akhir baris)",
                    t.len()
                );
                return Err(masalah(Terpotong, &name, baris, self.expected, why));
            }
            let bt = BarisTerpotong {
                segmen: name,
                offset,
                panjang: t.len() as u64,
                sha256: Hash256::of(t),
            };
            self.tertunda.push((bt, baris));
        }
        Ok(())
    }

    fn entri(
        &mut self,
        seg: &str,
        baris: u64,
        r: &Result<Baris, BarisError>,
        rest: &[Result<Baris, BarisError>],
        next: Option<&Path>,
    ) -> Result<(), Henti> {
        use JenisMasalah::*;
        let exp = self.expected;
        let b = match r {
            Err(BarisError::Bentuk(why)) => {
                let why = format!("baris ini bukan entri log yang sah ({why})");
                return Err(masalah(Diubah, seg, baris, exp, why));
            }
            Err(BarisError::HashSalah { seq }) => {
                let why = "isinya tidak cocok dengan hash-nya".to_owned();
                return Err(masalah(Diubah, seg, baris, *seq, why));
            }
            Ok(b) => b,
        };
        if !self.tertunda.is_empty() {
            let recorded = matches!(&b.isi, Isi::Catatan(c)
                if c.peristiwa == Peristiwa::DibukaKembali
                    && c.terpotong.len() == self.tertunda.len()
                    && c.terpotong.iter().zip(&self.tertunda).all(|(a, (t, _))| a == t));
            if !recorded {
                let (t, l) = &self.tertunda[0];
                let why = "baris terakhir segmen ini terpotong dan tidak tercatat saat log dibuka kembali".to_owned();
                return Err(masalah(Terpotong, &t.segmen, *l, exp, why));
            }
            self.lap.baris_terpotong_tercatat += self.tertunda.len() as u64;
            self.tertunda.clear();
        }
        if b.seq < exp {
            let why = format!(
                "nomor urut mundur: muncul setelah entri ke-{}",
                angka(exp - 1)
            );
            return Err(masalah(UrutanBerubah, seg, baris, b.seq, why));
        }
        if b.seq > exp {
            if muncul_nanti(rest, next, |x| x.seq == exp)? {
                let why = format!("muncul sebelum entri ke-{}", angka(exp));
                return Err(masalah(UrutanBerubah, seg, baris, b.seq, why));
            }
            let why = if b.seq == exp + 1 {
                format!("tidak ada sebelum entri ke-{}", angka(b.seq))
            } else {
                format!(
                    "entri ke-{} sampai ke-{} tidak ada",
                    angka(exp),
                    angka(b.seq - 1)
                )
            };
            return Err(masalah(Dihapus, seg, baris, exp, why));
        }
        if b.prev != self.prev {
            if muncul_nanti(rest, next, |x| x.hash == b.prev)? {
                let why = "entri yang seharusnya mendahuluinya muncul sesudahnya".to_owned();
                return Err(masalah(UrutanBerubah, seg, baris, b.seq, why));
            }
            if exp == 1 {
                let why = "entri pertama tidak berawal dari hash nol".to_owned();
                return Err(masalah(Diubah, seg, baris, b.seq, why));
            }
            let why = format!(
                "hash-nya tidak cocok dengan yang dicatat entri ke-{} sesudahnya: entri ini diubah lalu hash-nya dihitung ulang",
                angka(b.seq)
            );
            let (s, l) = self.prev_di.clone();
            return Err(masalah(Diubah, &s, l, exp - 1, why));
        }
        match &b.isi {
            Isi::Checkpoint(c) => {
                if c.sampai + 1 != b.seq || c.kepala != b.prev {
                    let why = "checkpoint tidak menyatakan kepala rantai sebelumnya".to_owned();
                    return Err(masalah(Diubah, seg, baris, b.seq, why));
                }
                if !self.kunci.verifies(&c.pesan(b.seq), &c.tanda_tangan) {
                    let mut why = match self.cp {
                        Some((s, _)) => format!(
                            "entri sesudah checkpoint sah terakhir (entri ke-{}) mungkin ditulis ulang, atau checkpoint ini dipalsukan",
                            angka(s)
                        ),
                        None => "belum ada checkpoint sah sebelumnya: log mungkin ditulis ulang dari awal".to_owned(),
                    };
                    if c.kunci != self.kunci.to_hex() {
                        why.push_str(&format!(" (menyebut kunci lain: {})", c.kunci));
                    }
                    return Err(masalah(TandaTanganTidakSah, seg, baris, b.seq, why));
                }
                self.lap.checkpoint += 1;
                self.lap.bertanda_tangan_sampai = b.seq;
                self.cp = Some((b.seq, c.setiap));
                self.sejak = 0;
            }
            Isi::Pertukaran(_) => {
                self.sejak += 1;
                self.lap.pertukaran += 1;
                let batas = self.cp.map_or(0, |(_, n)| n);
                if self.sejak > batas {
                    let why = match self.cp {
                        Some((s, n)) => format!(
                            "lebih dari {} pertukaran sejak checkpoint entri ke-{} tanpa checkpoint baru: checkpoint dihapus atau log ditulis ulang",
                            angka(n),
                            angka(s)
                        ),
                        None => "pertukaran sebelum checkpoint pertama: checkpoint awal dihapus atau log ditulis ulang".to_owned(),
                    };
                    return Err(masalah(Dihapus, seg, baris, b.seq, why));
                }
            }
            Isi::Catatan(_) => self.lap.catatan += 1,
        }
        self.prev = b.hash;
        self.expected = b.seq + 1;
        self.prev_di = (seg.to_owned(), baris);
        self.lap.entri += 1;
        self.lap.seq_terakhir = b.seq;
        self.lap.kepala = b.hash;
        self.lap.berhenti_bersih =
            matches!(&b.isi, Isi::Checkpoint(c) if c.alasan == AlasanCheckpoint::Berhenti);
        Ok(())
    }

    fn selesai(&mut self) -> Result<(), Henti> {
        if let Some((t, l)) = self.tertunda.first() {
            let why = "baris terakhir segmen ini terpotong dan tidak tercatat".to_owned();
            return Err(masalah(
                JenisMasalah::Terpotong,
                &t.segmen,
                *l,
                self.expected,
                why,
            ));
        }
        if self.lap.entri == 0 {
            let why = "log tidak berisi entri".to_owned();
            return Err(masalah(
                JenisMasalah::Terpotong,
                &segment::nama(1),
                0,
                1,
                why,
            ));
        }
        self.lap.ekor_tanpa_checkpoint = self.lap.seq_terakhir - self.lap.bertanda_tangan_sampai;
        Ok(())
    }
}

/// Whether a later entry, in the rest of this segment or in the next one, matches `f`:
/// tells a misplaced entry from a missing one.
fn muncul_nanti(
    rest: &[Result<Baris, BarisError>],
    next: Option<&Path>,
    f: impl Fn(&Baris) -> bool,
) -> Result<bool, Henti> {
    if rest.iter().flatten().any(&f) {
        return Ok(true);
    }
    let Some(next) = next else {
        return Ok(false);
    };
    let bytes = read(next)?;
    Ok(segment::lines(&bytes)
        .0
        .iter()
        .filter_map(|(_, l)| line::parse(l).ok())
        .any(|b| f(&b)))
}
