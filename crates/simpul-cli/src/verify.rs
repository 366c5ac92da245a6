//! `simpul verify`: the audit trail's hash chain, then every recorded file against its
//! SHA-256. Exit 1 when either is broken, naming what is.

use std::process::ExitCode;

use anyhow::{Context, Result};
use simpul_store::audit::{self, Verification};
use simpul_store::blob::{BlobState, BlobStore};

use crate::settings::Settings;

/// Run the checks.
pub async fn run(s: &Settings) -> Result<ExitCode> {
    let db = crate::open_db(s).await?;
    let mut ok = true;
    match audit::verify(&db).await? {
        Verification::Intact(n) => println!("Jejak audit utuh: {n} entri terverifikasi."),
        Verification::Broken(b) => {
            eprintln!("JEJAK AUDIT RUSAK pada entri {}: {b}", b.seq());
            ok = false;
        }
    }
    let blobs = BlobStore::in_data_dir(&s.data_dir)
        .with_context(|| format!("opening the file store in {}", s.data_dir.display()))?;
    let files = simpul_store::berkas::verify(&db, &blobs).await?;
    for (sha, state) in &files.rusak {
        let what = match state {
            BlobState::Hilang => "hilang",
            BlobState::Berubah => "isinya berubah",
            BlobState::Utuh => continue,
        };
        eprintln!("BERKAS RUSAK: {sha} {what}");
    }
    if files.rusak.is_empty() {
        println!("Berkas utuh: {} berkas terverifikasi.", files.diperiksa);
    } else {
        ok = false;
    }
    db.close().await;
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
