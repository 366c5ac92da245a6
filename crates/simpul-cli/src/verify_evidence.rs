//! `simpul verify-evidence DIR`: check a bus evidence log offline, from its segment
//! files and the checkpoint public key alone. Exit 1 naming the first entry altered,
//! removed, reordered or truncated; 2 when the log cannot be read at all.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use simpul_bus::evidence::{BERKAS_KUNCI_PUBLIK, Laporan, VerifyError, angka, verify_with_key};
use simpul_bus::kunci::KunciPublik;

/// Arguments of `simpul verify-evidence`.
#[derive(clap::Args)]
pub struct VerifyEvidenceArgs {
    /// The evidence folder (segmen-*.log).
    pub dir: PathBuf,
    /// The published checkpoint public key: 64 hex characters, or a file holding them
    /// (default: kunci-checkpoint.pub inside DIR).
    #[arg(long, value_name = "HEX|FILE")]
    pub kunci_publik: Option<String>,
}

/// Run the check.
pub fn run(args: &VerifyEvidenceArgs) -> Result<ExitCode> {
    let (kunci, dari_folder) = match &args.kunci_publik {
        Some(k) => {
            let kunci = match KunciPublik::parse_hex(k) {
                Some(kunci) => kunci,
                None => KunciPublik::from_file(Path::new(k))
                    .with_context(|| format!("membaca kunci publik {k}"))?,
            };
            (kunci, false)
        }
        None => {
            let path = args.dir.join(BERKAS_KUNCI_PUBLIK);
            let kunci = KunciPublik::from_file(&path)
                .with_context(|| format!("membaca kunci publik {}", path.display()))?;
            (kunci, true)
        }
    };
    match verify_with_key(&args.dir, &kunci) {
        Ok(lap) => {
            laporan(&lap, dari_folder);
            Ok(ExitCode::SUCCESS)
        }
        Err(VerifyError::Rusak(r)) => {
            eprintln!("LOG BUKTI RUSAK: {}.", r.masalah);
            let d = &r.diperiksa;
            eprintln!(
                "Sebelum masalah itu: {} entri utuh, {} checkpoint bertanda tangan sah.",
                angka(d.entri),
                angka(d.checkpoint)
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e).with_context(|| format!("memeriksa log bukti {}", args.dir.display())),
    }
}

fn laporan(lap: &Laporan, dari_folder: bool) {
    println!(
        "Log bukti utuh: {} entri, {} checkpoint bertanda tangan sah ({} pertukaran, {} segmen).",
        angka(lap.entri),
        angka(lap.checkpoint),
        angka(lap.pertukaran),
        angka(lap.segmen)
    );
    println!(
        "Entri terakhir: ke-{}, hash {}.",
        angka(lap.seq_terakhir),
        lap.kepala
    );
    if lap.ekor_tanpa_checkpoint > 0 {
        println!(
            "Peringatan: {} entri sesudah checkpoint terakhir (entri ke-{}) belum bertanda tangan; \
             pemotongan entri itu tidak dapat dideteksi.",
            angka(lap.ekor_tanpa_checkpoint),
            angka(lap.bertanda_tangan_sampai)
        );
    }
    if !lap.berhenti_bersih {
        println!(
            "Log tidak diakhiri checkpoint penutupan: bus masih berjalan, atau berhenti tidak bersih."
        );
    }
    if lap.baris_terpotong_tercatat > 0 {
        println!(
            "{} baris terpotong akibat berhenti mendadak, tercatat saat log dibuka kembali.",
            angka(lap.baris_terpotong_tercatat)
        );
    }
    println!("Kunci publik: {}", lap.kunci);
    if dari_folder {
        println!(
            "Catatan: kunci publik dibaca dari folder yang sama. Untuk bukti yang kuat, berikan \
             kunci yang dipublikasikan dengan --kunci-publik."
        );
    }
}
